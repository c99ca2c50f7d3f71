"""``argmap eval``, ``argmap what-if`` and ``argmap cruxes``: which claims survive."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli.common import (
    ClaimArgument,
    FromOption,
    JsonOption,
    MapArgument,
    MapOption,
    StrengthOption,
    app,
    claim_or_fail,
    complete_claim,
    complete_semantics,
    fail,
    gradual_or_fail,
    map_source,
    open_map,
)
from argmap.cli.output import OUT
from argmap.interchange.formats import FRAMEWORK_SUFFIXES
from argmap.views.words import plural

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

SemanticsOption = Annotated[
    str,
    typer.Option(
        "--semantics",
        "-s",
        help="grounded (one labelling, the sceptical default), complete, preferred or stable.",
        metavar="NAME",
        autocompletion=complete_semantics,
    ),
]
_SEMANTICS = ("grounded", "complete", "preferred", "stable")


SLOW_SOLVE = 2_000
"""Claims (or framework arguments) above which enumerating extensions gets a notice first."""


def _warn_if_slow(semantics: str, size: int, what: str) -> None:
    """Say on a terminal's standard error that clingo may take long, before it starts:
    enumerating the extensions of a large map can run for a long time with nothing
    printed meanwhile."""
    if semantics == "grounded" or size <= SLOW_SOLVE or not sys.stderr.isatty():
        return
    OUT.message(
        f"argmap: enumerating {semantics} extensions of {size:,} {what} with clingo can take minutes; "
        "Ctrl-C stops it (--semantics grounded is linear, --limit N stops after N extensions, "
        "--no-extensions lists none)"
    )


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
            help="The map to evaluate (as with --map), or an abstract framework: ICCMA 2023 (.af, .i23), "
            "ASPARTIX (.apx) or trivial graph format (.tgf).",
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
        typer.Option(
            "--limit",
            min=0,
            help="List at most this many extensions (0: all). Acceptance and labels stay exact.",
            metavar="N",
        ),
    ] = 1000,
    no_extensions: Annotated[
        bool,
        typer.Option(
            "--no-extensions",
            help="Do not list the extensions: only credulous and sceptical acceptance, found without "
            "enumerating (fast on large maps).",
        ),
    ] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Only print how many claims are IN, OUT and UNDEC.")
    ] = False,
) -> None:
    """Which claims survive the map's attacks: label every statement and argument IN, OUT or UNDEC.

    Grounded semantics (the default) accepts only what is beyond doubt; preferred,
    stable and complete may have several extensions, and then every claim is also
    reported as accepted sceptically (in all), credulously (in some) or not at all.

    \b
    Example: argmap eval --semantics preferred

    \b
    Example: argmap eval --semantics preferred --no-extensions --summary

    \b
    Example: printf 'p af 3\\n1 2\\n2 3\\n' > tiny.af && argmap eval tiny.af
    """
    name = _check_semantics(semantics)
    if file is not None and map_path is not None:
        fail("give either a framework FILE or --map, not both")
    if file is not None and Path(file).suffix.lower() in FRAMEWORK_SUFFIXES:
        _eval_framework(file, name, as_json, None if no_extensions else limit, summary)
        return
    from argmap.semantics import evaluate

    loaded = open_map(file if file is not None else map_path, from_format)
    if not no_extensions:
        _warn_if_slow(name, len(loaded.amap.graph), "claims")
    evaluation = evaluate(loaded.amap, name, None if no_extensions else limit)
    if as_json:
        OUT.json(evaluation.to_dict())
        return
    from argmap.views.evaluation import evaluation_view

    OUT.render(evaluation_view(loaded.amap, evaluation, summary))


def _eval_framework(file: str, semantics: str, as_json: bool, limit: int | None, summary: bool) -> None:
    from argmap.semantics.framework import read_framework

    af, diagnostics = read_framework(file)
    errors = [d for d in diagnostics if d.severity == "error"]
    for d in diagnostics:
        OUT.message(str(d))
    if errors:
        fail(f"{file}: {plural(len(errors), 'error')}; not evaluated")
    from argmap.semantics.evaluation import solve_framework
    from argmap.semantics.report import framework_report

    if limit is not None:
        _warn_if_slow(semantics, af.n, "arguments")
    report = framework_report(af, solve_framework(af, semantics, limit))
    if as_json:
        OUT.json(report.to_dict(summary))
        return
    from argmap.views.evaluation import framework_view

    OUT.render(framework_view(report, limit or 0, summary))


def _strength_moves(amap: ArgumentMap, given: list[str], semantics: str | None) -> dict[str, Any]:
    """The --base changes of what-if, applied under the gradual semantics (dfquad unless said)."""
    from argmap.semantics.strength import moves

    name = gradual_or_fail(semantics or "dfquad")
    changes: dict[str, float] = {}
    for item in given:
        claim, _, value = item.rpartition("=")
        try:
            score = float(value)
        except ValueError:
            fail(f"--base wants CLAIM=SCORE with a score from 0 to 1, not '{item}'")
        changes[claim_or_fail(amap, claim.strip())] = score
    try:
        found = moves(amap, name, changes)
    except ValueError as error:
        fail(str(error))
    return {
        "semantics": name,
        "base": changes,
        "changes": [{"claim": n, "before": round(b, 6), "after": round(a, 6)} for n, b, a in found],
    }


@app.command("what-if")
def what_if_command(
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            "-r",
            help="Deny this claim (repeatable): title, [Title], <Title> or unique text.",
            metavar="CLAIM",
            autocompletion=complete_claim,
        ),
    ] = None,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            "-a",
            help="Grant this claim whatever attacks it (repeatable).",
            metavar="CLAIM",
            autocompletion=complete_claim,
        ),
    ] = None,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    semantics: SemanticsOption = "grounded",
    as_json: JsonOption = False,
    base: Annotated[
        list[str] | None,
        typer.Option(
            "--base",
            help="Give a claim another base score, as '[Title]=0.9' (repeatable), and show how the "
            "--strength scores move.",
            metavar="CLAIM=SCORE",
        ),
    ] = None,
    strength: StrengthOption = None,
) -> None:
    """Re-evaluate the map with premises rejected or accepted, and print only what changes.

    \b
    Example: argmap what-if --reject 'No moderate opposition'

    \b
    Example: argmap what-if --base '[Allies must stop]=0.9' --strength dfquad
    """
    name = _check_semantics(semantics)
    if not reject and not accept and not base:
        fail("say what to change: --reject CLAIM, --accept CLAIM and/or --base CLAIM=SCORE")
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    rejected = [claim_or_fail(amap, c) for c in reject or []]
    accepted = [claim_or_fail(amap, c) for c in accept or []]
    both = sorted(set(rejected) & set(accepted))
    if both:
        fail(f"cannot both reject and accept {', '.join(both)}")
    from argmap.semantics import what_if
    from argmap.semantics.report import WhatIfReport
    from argmap.views.evaluation import what_if_view

    changes = what_if(amap, rejected, accepted, name) if rejected or accepted else []
    report = WhatIfReport(name, rejected, accepted, changes)
    moved = _strength_moves(amap, base, strength) if base else None
    if as_json:
        data = report.to_dict()
        if moved is not None:
            data["strength"] = moved
        OUT.json(data)
        return
    if moved is not None:
        OUT.lines([f"Base scores {', '.join(f'{k}={v}' for k, v in moved['base'].items())} ({moved['semantics']}):"])
        OUT.lines(f"  {c['before']:.3f} -> {c['after']:.3f}  {c['claim']}" for c in moved["changes"])
        if not rejected and not accepted:
            return
    OUT.render(what_if_view(amap, report))


@app.command("cruxes")
def cruxes_command(
    claim: ClaimArgument,
    file: MapArgument = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size",
            "-k",
            min=1,
            help="Largest set of premises to look for (clingo's search is exact up to it).",
            metavar="K",
        ),
    ] = 3,
    as_json: JsonOption = False,
    strength: StrengthOption = None,
) -> None:
    """The smallest sets of premises whose rejection would leave CLAIM no longer accepted (grounded).

    With --strength SEMANTICS, also rank the premises by how much a change of their base
    score moves CLAIM's strength.

    \b
    Example: argmap cruxes 'Back to the table' --max-size 2
    """
    loaded = open_map(map_source(map_path, file), from_format)
    amap = loaded.amap
    node = claim_or_fail(amap, claim)
    from argmap.semantics import cruxes, label_map

    label = label_map(amap)[node]
    from argmap.semantics.evaluation import Label
    from argmap.semantics.report import CruxReport
    from argmap.views.evaluation import cruxes_view

    report = CruxReport(node, Label(label), max_size, cruxes(amap, node, max_size))
    ranked = _sensitivity(amap, node, strength) if strength is not None else None
    if as_json:
        data = report.to_dict()
        if ranked is not None:
            data["sensitivity"] = ranked
        OUT.json(data)
        return
    OUT.render(cruxes_view(amap, report))
    if ranked is not None:
        OUT.lines([f"Premises by how much their base score moves {node}'s strength ({ranked['semantics']}):"])
        OUT.lines(f"  {p['slope']:+.3f}  {p['premise']}" for p in ranked["premises"])


def _sensitivity(amap: ArgumentMap, node: str, semantics: str) -> dict[str, Any]:
    """cruxes --strength: the premises ranked by the slope of the claim's strength in their base score."""
    from argmap.semantics.strength import sensitivity

    name = gradual_or_fail(semantics)
    try:
        ranked = sensitivity(amap, node, name)
    except ValueError as error:
        fail(str(error))
    return {"semantics": name, "premises": [{"premise": p, "slope": round(v, 6)} for p, v in ranked]}
