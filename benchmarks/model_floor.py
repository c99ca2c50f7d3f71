"""How much of parsing is only making the model's objects: a floor for any parser.

    python benchmarks/model_floor.py               # the 10,000- and 100,000-statement maps
    python benchmarks/model_floor.py 100000        # chosen sizes

For each synthetic map (benchmarks/gen_argdown.py), in a fresh process: parse it and
time that; then take every value the model holds out of the parsed map as plain
Python values (titles, texts, span tuples, roles, relation ends...), drop the map,
and time making the same model again from those values alone: the same statements,
arguments, members, spans, PCS steps, inferences, relations, adjacency dicts and
networkx graph, in the same order, with the collector paused as the parser pauses it.
No text is read, split or matched, and the strings exist already, so this is less
than any parser building this model can take: what parsing costs beyond it is the
part a faster parser could save.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from gen_argdown import write  # noqa: E402

CHILD = r"""
import gc, json, sys, time
from argmap.argdown import parse_file
from argmap.graph_attributes import EdgeRelations, NodeAttributes
from argmap.model import (
    NO_DATA, Argument, ArgumentMap, ArgumentMember, Inference, PcsStep, Relation, Span,
    Statement, StatementMember,
)
from argmap._gc import paused_gc

start = time.perf_counter()
amap, _ = parse_file(sys.argv[1])
parse = time.perf_counter() - start

def data(value):
    return NO_DATA if value is NO_DATA else dict(value)

def member_values(m, statement):
    values = (m.text, tuple(m.span), m.is_reference, m.section, m.tags, data(m.data))
    return values + ((m.role, m.argument) if statement else ())

def inference_values(inference):
    if inference is None:
        return None
    return (tuple(inference.span), inference.rules, data(inference.data))

statements = [
    (s.title, s.is_untitled, [member_values(m, True) for m in s.members]) for s in amap.statements.values()
]
arguments = [
    (
        a.title, a.is_untitled, [member_values(m, False) for m in a.members],
        [(p.number, p.statement, p.role, tuple(p.span), inference_values(p.inference)) for p in a.pcs],
        tuple(a.pcs_span) if a.pcs_span is not None else None,
    )
    for a in amap.arguments.values()
]
nodes = list(amap.graph)
edges = [
    (u, v, [(key, r.type, tuple(r.span) if r.span else None, r.derived) for key, r in attrs.items()])
    for u, v, attrs in amap.graph.edges(data=True)
]
name = amap.source_name
del amap
gc.collect()

new = tuple.__new__
start = time.perf_counter()
with paused_gc():
    rebuilt = ArgumentMap(name)
    node_attrs, succ, pred = {}, {}, {}
    records = {}
    for title, untitled, members in statements:
        record = Statement(title, [
            StatementMember(text, new(Span, span), ref, section, tags, values, role, argument)
            for text, span, ref, section, tags, values, role, argument in members
        ], untitled)
        rebuilt.statements[title] = record
        records[record.node] = record
    for title, untitled, members, steps, pcs_span in arguments:
        record = Argument(
            title,
            [ArgumentMember(text, new(Span, span), ref, section, tags, values)
             for text, span, ref, section, tags, values in members],
            [PcsStep(number, statement, role, new(Span, span),
                     None if inference is None else Inference(new(Span, inference[0]), inference[1], inference[2]))
             for number, statement, role, span, inference in steps],
            None if pcs_span is None else new(Span, pcs_span),
            untitled,
        )
        rebuilt.arguments[title] = record
        records[record.node] = record
    for node in nodes:
        record = records[node]
        node_attrs[node] = NodeAttributes(record)
        succ[node] = {}
        pred[node] = {}
    for u, v, relations in edges:
        made = {
            key: Relation(rtype, u, v, None if span is None else new(Span, span), derived)
            for key, rtype, span, derived in relations
        }
        succ[u][v] = pred[v][u] = EdgeRelations(next(iter(made.values())) if len(made) == 1 else made)
    rebuilt.build_graph(node_attrs, succ, pred)
floor = time.perf_counter() - start
print(json.dumps({"parse": parse, "floor": floor, "nodes": len(rebuilt.graph)}))
"""


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10000, 100000]
    print("|       N | parse s | objects only s | share |")
    print("| ------: | ------: | -------------: | ----: |")
    for n in sizes:
        path = write(n, HERE / "out")
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )
        if done.returncode != 0:
            raise SystemExit(f"the measuring process failed:\n{done.stderr[-2000:]}")
        result = json.loads(done.stdout)
        share = result["floor"] / result["parse"]
        print(f"| {n:>7,} | {result['parse']:7.2f} | {result['floor']:14.2f} | {share:5.0%} |")


if __name__ == "__main__":
    main()
