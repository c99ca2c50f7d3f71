"""``argmap eval``, ``argmap what-if`` and ``argmap cruxes``: which claims survive."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli.common import (
    FromOption,
    JsonOption,
    MapArgument,
    MapOption,
    app,
    claim_or_fail,
    complete_claim,
    fail,
    map_source,
    open_map,
    print_json,
)

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.semantics.evaluation import Evaluation, Label

SemanticsOption = Annotated[
    str,
    typer.Option(
        "--semantics",
        "-s",
        help="grounded (one labelling, the sceptical default), complete, preferred or stable.",
        metavar="NAME",
    ),
]
MAX_CRUX_TRIES = 2_000_000
"""cruxes refuses searches larger than this (a few minutes on a map of a thousand claims)."""
_SEMANTICS = ("grounded", "complete", "preferred", "stable")
_MAP_SUFFIXES = (".argdown", ".ad", ".md")


SLOW_SOLVE = 2_000
"""Claims (or framework arguments) above which enumerating extensions gets a notice first."""


def _warn_if_slow(semantics: str, size: int, what: str) -> None:
    """Say on a terminal's standard error that clingo may take long, before it starts:
    preferred extensions of a 20,000-claim map can take many minutes, with nothing
    printed meanwhile."""
    if semantics == "grounded" or size <= SLOW_SOLVE or not sys.stderr.isatty():
        return
    sys.stderr.write(
        f"argmap: enumerating {semantics} extensions of {size:,} {what} with clingo can take minutes; "
        "Ctrl-C stops it (--semantics grounded is linear, and --limit N stops after N extensions)\n"
    )
    sys.stderr.flush()


def _check_semantics(semantics: str) -> str:
    name = semantics.strip().lower()
    if name not in _SEMANTICS:
        fail(f"unknown semantics '{semantics}'; choose grounded, complete, preferred or stable")
    return name


@app.command("eval")
def eval_command(
    file: Annotated[
        str | None,
        typer.Argument(
            help="An abstract framework to evaluate instead of a map: ICCMA 2023 (.af, .i23), ASPARTIX (.apx) "
            "or trivial graph format (.tgf).",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    semantics: SemanticsOption = "grounded",
    as_json: JsonOption = False,
    limit: Annotated[
        int,
        typer.Option("--limit", min=0, help="Stop after this many extensions (0: all). Credulous stays exact."),
    ] = 1000,
    summary: Annotated[
        bool, typer.Option("--summary", help="Only print how many claims are IN, OUT and UNDEC.")
    ] = False,
) -> None:
    """Which claims survive the map's attacks: label every statement and argument IN, OUT or UNDEC.

    Grounded semantics (the default) accepts only what is beyond doubt; preferred,
    stable and complete may have several extensions, and then every claim is also
    reported as accepted sceptically (in all), credulously (in some) or not at all.

    Example: argmap eval -m debate.argdown --semantics preferred

    Example: argmap eval benchmarks/out/random-1000.af --summary
    """
    name = _check_semantics(semantics)
    if file is not None and map_path is not None:
        fail("give either a framework FILE or --map, not both")
    if file is not None and Path(file).suffix.lower() not in _MAP_SUFFIXES:
        _eval_framework(file, name, as_json, limit, summary)
        return
    from argmap.semantics import evaluate

    loaded = open_map(file if file is not None else map_path, from_format)
    _warn_if_slow(name, len(loaded.amap.graph), "claims")
    evaluation = evaluate(loaded.amap, name, limit)
    if as_json:
        print_json(evaluation.to_dict())
        return
    _print_evaluation(loaded.amap, evaluation, summary)


def _eval_framework(file: str, semantics: str, as_json: bool, limit: int, summary: bool) -> None:
    from argmap.semantics.framework import FRAMEWORK_SUFFIXES, read_framework

    suffix = Path(file).suffix.lower()
    if suffix not in FRAMEWORK_SUFFIXES:
        fail(f"{file}: unknown file type '{suffix}'; expected .af, .i23, .apx or .tgf (or an Argdown map)")
    af, diagnostics = read_framework(file)
    errors = [d for d in diagnostics if d.severity == "error"]
    for d in diagnostics:
        sys.stderr.write(f"{d}\n")
    if errors:
        fail(f"{file}: {len(errors)} error(s); not evaluated")
    from argmap.semantics.evaluation import solve_framework

    _warn_if_slow(semantics, af.n, "arguments")
    result = solve_framework(af, semantics, limit)
    names = af.all_names()
    groups: dict[str, list[str]] = {"IN": [], "OUT": [], "UNDEC": []}
    keys = ("UNDEC", "IN", "OUT")
    for i, label in enumerate(result.labels):
        groups[keys[label]].append(names[i])
    if as_json:
        data: dict[str, Any] = {
            "semantics": semantics,
            "arguments": af.n,
            "attacks": af.m,
            "counts": {k: len(v) for k, v in groups.items()},
            "labels": {} if summary else {names[i]: keys[x] for i, x in enumerate(result.labels)},
        }
        if semantics != "grounded":
            data["extensions"] = [[names[i] for i, x in enumerate(lab) if x == 1] for lab in result.labellings]
            data["credulous"] = [names[i] for i, ok in enumerate(result.credulous) if ok]
            data["sceptical"] = [names[i] for i, ok in enumerate(result.sceptical) if ok]
            data["exhaustive"] = result.exhaustive
        print_json(data)
        return
    out = [
        f"{semantics}: {af.n} arguments, {af.m} attacks: "
        f"{len(groups['IN'])} IN, {len(groups['OUT'])} OUT, {len(groups['UNDEC'])} UNDEC"
    ]
    if semantics != "grounded":
        more = "" if result.exhaustive else f" (stopped at --limit {limit})"
        out[0] += f"; {len(result.labellings)} extension(s){more}"
    if not summary:
        if semantics == "grounded":
            for key in ("IN", "OUT", "UNDEC"):
                out.append(f"{key}: {' '.join(groups[key])}")
        else:
            for k, lab in enumerate(result.labellings, start=1):
                out.append(f"extension {k}: {' '.join(names[i] for i, x in enumerate(lab) if x == 1)}")
            out.append("credulous: " + " ".join(names[i] for i, ok in enumerate(result.credulous) if ok))
            out.append("sceptical: " + " ".join(names[i] for i, ok in enumerate(result.sceptical) if ok))
    sys.stdout.write("\n".join(line.rstrip() for line in out) + "\n")


def _mark(label: Label) -> str:
    from argmap.semantics.evaluation import COLOURS, SYMBOLS, Label

    text = f"{SYMBOLS[label]} {label.value:<5}"
    return typer.style(text, fg=COLOURS[label], bold=label is Label.IN, dim=label is Label.OUT)


def _describe(amap: ArgumentMap, node: str) -> str:
    title = node[1:-1]
    text = amap.statements[title].text if node.startswith("[") else amap.arguments[title].description
    text = " ".join(text.split())
    if len(text) > 70:
        text = text[:67] + "..."
    return f"{node}  {text}" if text and text != node[1:-1] else node


def _print_evaluation(amap: ArgumentMap, evaluation: Evaluation, summary: bool) -> None:
    counts = evaluation.counts()
    head = f"{evaluation.semantics}: {len(evaluation.labels)} claims: {counts['IN']} IN, {counts['OUT']} OUT, "
    head += f"{counts['UNDEC']} UNDEC"
    multi = evaluation.semantics != "grounded"
    if multi:
        more = "" if evaluation.exhaustive else " (stopped at --limit)"
        head += f"; {len(evaluation.extensions)} extension(s){more}"
    typer.echo(head)
    if summary:
        return
    for node, label in evaluation.labels.items():
        line = f"  {_mark(label)} "
        if multi:
            if evaluation.sceptical[node]:
                accepted = "sceptical"
            elif evaluation.credulous[node]:
                accepted = "credulous"
            else:
                accepted = "-"
            line += f"{accepted:<10}"
        typer.echo(line + _describe(amap, node))
    if multi:
        from argmap.semantics.evaluation import Label

        for k, extension in enumerate(evaluation.extensions, start=1):
            members = [node for node, lab in extension.items() if lab is Label.IN]
            typer.echo(f"extension {k}: {', '.join(members) if members else '(empty)'}")
        typer.echo(
            "A claim is IN or OUT above when it is so in every extension, else UNDEC; "
            "sceptical: IN in every extension, credulous: IN in some."
        )


@app.command("what-if")
def what_if_command(
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            "-r",
            help="Deny this claim (repeatable): title, [Title], <Title> or unique text.",
            autocompletion=complete_claim,
        ),
    ] = None,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept", "-a", help="Grant this claim whatever attacks it (repeatable).", autocompletion=complete_claim
        ),
    ] = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    semantics: SemanticsOption = "grounded",
    as_json: JsonOption = False,
) -> None:
    """Re-evaluate the map with premises rejected or accepted, and print only what changes.

    Example: argmap what-if --reject 'no moderate opposition' -m debate.argdown
    """
    name = _check_semantics(semantics)
    if not reject and not accept:
        fail("say what to change: --reject CLAIM and/or --accept CLAIM")
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    rejected = [claim_or_fail(amap, c) for c in reject or []]
    accepted = [claim_or_fail(amap, c) for c in accept or []]
    both = sorted(set(rejected) & set(accepted))
    if both:
        fail(f"cannot both reject and accept {', '.join(both)}")
    from argmap.semantics import what_if

    changes = what_if(amap, rejected, accepted, name)
    if as_json:
        print_json(
            {
                "semantics": name,
                "reject": rejected,
                "accept": accepted,
                "changes": [{"claim": c.node, "before": c.before.value, "after": c.after.value} for c in changes],
            }
        )
        return
    parts = []
    if rejected:
        parts.append("rejecting " + ", ".join(rejected))
    if accepted:
        parts.append("accepting " + ", ".join(accepted))
    what = " and ".join(parts)
    if not changes:
        typer.echo(f"{what[0].upper()}{what[1:]} changes no label ({name}).")
        return
    typer.echo(f"{what[0].upper()}{what[1:]}: {len(changes)} claim(s) change ({name})")
    for change in changes:
        typer.echo(f"  {_mark(change.before)} -> {_mark(change.after)}  {_describe(amap, change.node)}")


@app.command("cruxes")
def cruxes_command(
    claim: Annotated[
        str,
        typer.Argument(
            help="The claim: title, [Title], <Title> or a unique part of its text.", autocompletion=complete_claim
        ),
    ],
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    max_size: Annotated[
        int,
        typer.Option("--max-size", "-k", min=1, help="Largest set of premises to try (the search is exact up to it)."),
    ] = 3,
    as_json: JsonOption = False,
) -> None:
    """The smallest sets of premises whose rejection would leave CLAIM no longer accepted (grounded).

    Example: argmap cruxes 'ceasefire' --max-size 2 -m debate.argdown
    """
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    node = claim_or_fail(amap, claim)
    from argmap.semantics import cruxes, label_map
    from argmap.semantics.whatif import search_space

    label = label_map(amap)[node]
    if label == "IN":
        tries = search_space(amap, node, max_size)
        if tries > MAX_CRUX_TRIES:
            fail(
                f"{node} rests on too many premises to try every set of up to {max_size} "
                f"({tries:,} sets); lower --max-size"
            )
    found = cruxes(amap, node, max_size)
    if as_json:
        print_json({"claim": node, "label": label, "max_size": max_size, "cruxes": [list(c) for c in found]})
        return
    if found == [()]:
        typer.echo(f"{node} is not accepted ({label}) as the map stands; nothing needs rejecting.")
        return
    if not found:
        typer.echo(f"No set of up to {max_size} premise(s) defeats {node}; try a larger --max-size.")
        return
    typer.echo(f"{node} is IN. Rejecting all premises of any one set below defeats it (smallest first):")
    width = len(str(len(found)))
    for k, crux in enumerate(found, start=1):
        shown = _describe(amap, crux[0]) if len(crux) == 1 else " + ".join(crux)
        typer.echo(f"  {k:>{width}}. {shown}")
