"""Conformance with Argdown: every corpus file, parsed by argmap and exported as Argdown
JSON, must say what the Argdown CLI 2.0.0's JSON export says.

Compared per file: the set of statement titles (untitled statements by their text),
each statement's member texts, the set of argument titles, each PCS (roles and
texts) and the set of relations.  Inputs Argdown rejects must give an argmap error.

``python tests/test_conformance.py`` prints the score and every mismatch.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conftest import SHARED, shared_path

import argmap
from argmap.diagnostics import Severity
from argmap.interchange.argdown_json import to_argdown_json
from argmap.interchange.compare import normalise

CORPUS = ("corpus", "argdown")

ARGDOWN_ALSO_REPORTS = frozenset(
    {
        "front matter must be followed by an empty line",
        "a new element starts here without the empty line Argdown needs before it",
    }
)
"""argmap errors that the Argdown CLI 2.0.0 reports as a syntax error too (checked with the CLI:
"Expecting --> {linebreak}{linebreak} (Empty Line)", "Expecting ... EOF"), although the corpus
holds an export for the file; both parsers still read the map, so the content is compared as
usual."""

DELIBERATE: dict[str, str] = {
    "packages__ArgVu__demo": (
        "Argdown 2.0.0 reports two syntax errors in this file (an argument in a contradiction, "
        "text between two inference lines) and its export is what its error recovery kept: it drops "
        "the arguments A1-A4 with their relations and reads the text between the two '-----' lines "
        "as an unnumbered intermediary conclusion; argmap reads the relations as written and that "
        "text as an expanded inference"
    ),
    "packages__argdown-core__test__lexer-definitions-references": (
        "four elements on consecutive lines: Argdown 2.0.0 reports a syntax error at the second "
        '("Expecting ... EOF") and its error recovery keeps only the first; argmap reports the '
        "missing empty lines (AM021) and reads each line as its own element"
    ),
    "packages__argdown-core__test__lexer-lists": (
        "Argdown 2.0.0 reports five syntax errors here (list items nested under list items) and its "
        "error recovery keeps only two of the ten items; argmap reads every item as a statement and "
        "warns about the nesting (AM018)"
    ),
}
"""Corpus files where argmap differs from Argdown on purpose, with the reason."""


def corpus_names() -> list[str]:
    inputs = SHARED.joinpath(*CORPUS, "inputs")
    if not inputs.is_dir():
        return ["<corpus missing>"]
    return sorted(p.stem for p in inputs.glob("*.argdown"))


def compare(name: str) -> list[str]:
    """Differences between argmap and Argdown for one corpus file (empty: they agree)."""
    base = SHARED.joinpath(*CORPUS)
    amap, diagnostics = argmap.load(base / "inputs" / f"{name}.argdown")
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    reference = base / "argdown-cli-2.0.0" / f"{name}.json"
    if not reference.exists():
        return [] if errors else ["Argdown rejects this file, argmap reports no error"]
    problems = [f"argmap error: {d}" for d in errors if d.message not in ARGDOWN_ALSO_REPORTS]
    ours = normalise(to_argdown_json(amap))
    theirs = normalise(json.loads(reference.read_text("utf-8")))
    for part in ("statements", "arguments", "relations"):
        mine, other = set(map(str, ours[part])), set(map(str, theirs[part]))
        if mine != other:
            problems.append(f"{part}: only argmap {sorted(mine - other)}; only Argdown {sorted(other - mine)}")
    for part in ("members", "pcs"):
        for k in sorted(set(ours[part]) & set(theirs[part])):
            if ours[part][k] != theirs[part][k]:
                problems.append(f"{part} of {k!r}: argmap {ours[part][k]} != Argdown {theirs[part][k]}")
    return problems


@pytest.mark.parametrize("name", corpus_names())
def test_corpus_file_conforms(name: str) -> None:
    shared_path(*CORPUS, "inputs")
    if name in DELIBERATE:
        pytest.xfail(DELIBERATE[name])
    problems = compare(name)
    assert not problems, "\n".join(problems)


def test_corpus_is_complete() -> None:
    base = shared_path(*CORPUS)
    inputs = list((base / "inputs").glob("*.argdown"))
    references = list((base / "argdown-cli-2.0.0").glob("*.json"))
    assert len(inputs) == 203
    assert len(references) == 198


def test_normalise_detects_a_difference() -> None:
    """The comparison is not vacuous: a changed text or relation is a difference."""
    amap, _ = argmap.loads("[A]: One.\n  + [B]: Two.\n  - Three.")
    doc = to_argdown_json(amap)
    base = normalise(doc)
    assert base["statements"] == ["A", "B", "text:Three."]
    assert ("attack", "text:Three.", "equivalence-class", "A", "equivalence-class") in base["relations"]
    doc["statements"]["B"]["members"][0]["text"] = "Changed."
    assert normalise(doc)["members"] != base["members"]
    doc["relations"].pop()
    assert normalise(doc)["relations"] != base["relations"]


SNIPPETS = Path(__file__).resolve().parent / "fixtures" / "argdown-snippets"
"""The snippets of issue 12 (and a tab after spaces), with the Argdown CLI 2.0.0's JSON export of each (made with
``argdown json FILE --stdout``; no JSON: the CLI rejects the snippet)."""

SNIPPET_DIFFERENCES = {"2-slashes-inside-a-word": "AM022", "9-tab-after-spaces": "AM025"}
"""Snippets where argmap differs on purpose, with the code it reports at the line."""


def compare_snippet(path: Path) -> list[str]:
    """Differences between argmap and the Argdown CLI for one snippet (empty: they agree)."""
    amap, diagnostics = argmap.load(path)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    reference = path.with_suffix(".json")
    if not reference.exists():
        return [] if errors else ["Argdown rejects this snippet, argmap reports no error"]
    problems = [f"argmap error: {d}" for d in errors]
    ours = normalise(to_argdown_json(amap))
    theirs = normalise(json.loads(reference.read_text("utf-8")))
    problems += [
        f"{part}: argmap {ours[part]} != Argdown {theirs[part]}" for part in ours if ours[part] != theirs[part]
    ]
    return problems


@pytest.mark.parametrize("path", sorted(SNIPPETS.glob("*.argdown")), ids=lambda p: p.stem)
def test_issue_snippet_conforms(path: Path) -> None:
    problems = compare_snippet(path)
    code = SNIPPET_DIFFERENCES.get(path.stem)
    if code is None:
        assert not problems, "\n".join(problems)
    else:
        # A deliberate difference: it is one, and argmap says so at its line.
        assert problems
        _, diagnostics = argmap.load(path)
        assert code in {d.code for d in diagnostics}


def score() -> tuple[int, int, dict[str, list[str]]]:
    names = corpus_names()
    failures = {name: problems for name in names if (problems := compare(name))}
    return len(names) - len(failures), len(names), failures


if __name__ == "__main__":
    ok, total, failures = score()
    for name, problems in failures.items():
        print(f"== {name}")
        for problem in problems:
            print("   ", problem[:600])
    print(f"score: {ok}/{total}")
