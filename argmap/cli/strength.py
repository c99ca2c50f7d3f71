"""``argmap strength``: gradual semantics, a score in [0, 1] for every claim."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    gradual_or_fail,
    map_source,
    open_map,
)
from argmap.cli.output import OUT

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def read_perspective(path: str) -> dict[str, float]:
    """A perspective file: YAML mapping node id ([Title] or <Title>) -> base score."""
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        fail(f"{path}: cannot read the base scores ({error})")
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        fail(f"{path}: expected a mapping of [Title] or <Title> to a base score from 0 to 1")
    return dict(data)


def _names_a_map_file(text: str) -> bool:
    """Whether ``text`` ends as the name of a file in a format argmap reads."""
    from argmap.interchange.formats import FormatError, format_of

    try:
        format_of(text, writing=False)
    except FormatError:
        return False
    return True


def _matches_a_claim(amap: ArgumentMap, claim: str) -> bool:
    """Whether ``claim`` names one claim of the map, or several."""
    from argmap.queries import Unresolved, resolve_claim

    try:
        resolve_claim(amap, claim)
    except Unresolved as error:
        return error.ambiguous
    return True


@app.command("strength")
def strength_command(
    claim: Annotated[
        str | None,
        typer.Argument(
            help="Only this claim, with what each supporter and attacker adds to it.",
            metavar="CLAIM",
            autocompletion=complete_claim,
            show_default=False,
        ),
    ] = None,
    file: MapArgument = None,
    semantics: Annotated[
        str,
        typer.Option(
            "--semantics", "-s", help="dfquad, quadratic-energy, euler or h-categorizer (attacks only).", metavar="NAME"
        ),
    ] = "dfquad",
    base: Annotated[
        str | None,
        typer.Option("--base", help="A YAML file of base scores (id: score) that override the map's.", metavar="FILE"),
    ] = None,
    map_path: MapOption = None,
    from_format: FromOption = None,
    as_json: JsonOption = False,
) -> None:
    """Score every statement and argument from 0 to 1 under a gradual semantics.

    Base scores come from {base: 0.8} in the map (default 0.5) or from --base FILE; an
    argument is never stronger than its weakest premise.  On a cyclic map the scores
    are iterated to a fixed point, and the output says when they do not settle.
    A file given alone (argmap strength map.argdown) is the map, when it exists.

    \b
    Example: argmap strength 'Only temporary' --semantics euler
    """
    from argmap.semantics.strength import contributions, strength

    name = gradual_or_fail(semantics)
    source = map_source(map_path, file)
    if claim is not None and source is None and Path(claim).is_file():
        # "argmap strength FILE" scores the file's map: CLAIM comes first only so that
        # "argmap strength CLAIM FILE" reads like the other commands.
        source, claim = claim, None
    amap = open_map(source, from_format).amap
    if claim is not None and source is None and _names_a_map_file(claim) and not _matches_a_claim(amap, claim):
        fail(f"cannot read {claim}: no such file (nor does any claim of the shipped map match it)")
    node = claim_or_fail(amap, claim) if claim is not None else None
    overrides = read_perspective(base) if base is not None else None
    try:
        result = strength(amap, name, overrides)
    except ValueError as error:
        fail(str(error))
    if as_json:
        data = result.to_dict()
        if node is not None:
            data["claim"] = node
        OUT.json(data)
        return
    how = "in topological order" if result.acyclic else f"after {result.iterations} iterations"
    if not result.converged:
        OUT.warning(f"the scores did not settle within {result.iterations} iterations; the last ones are shown")
    if node is None:
        OUT.lines([f"{name}: {len(result.strength):,} claims, {how}"])
        OUT.lines(f"{score:.3f}  {n}" for n, score in result.strength.items())
        return
    from argmap.views.evaluation import contributions_view

    score, parts = contributions(amap, node, name, overrides)
    OUT.render(contributions_view(f"{node}: {score:.3f} ({name}, base {result.base[node]:.2f}, {how})", parts))
