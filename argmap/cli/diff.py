"""``argmap diff``: what changed in the argument between two maps or two revisions of one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.common import FromOption, JsonOption, app, fail, keep
from argmap.cli.output import OUT

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

_FORMATS = ("text", "markdown")
_NO_FILE = "/dev/null"
"""What git passes for the missing side of an added or deleted file."""


@app.command("diff")
def diff_command(
    items: Annotated[
        list[str],
        typer.Argument(
            help="OLD NEW (two maps), REV MAP (MAP at a git revision against the working copy), "
            "REV1 REV2 MAP (two revisions), or with --git the seven arguments git gives an external diff.",
            metavar="OLD NEW | REV MAP | REV1 REV2 MAP",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", help="text (the default) or markdown (for a pull request).", metavar="FORMAT")
    ] = "text",
    as_json: JsonOption = False,
    git: Annotated[
        bool, typer.Option("--git", help="Read git's external-diff arguments (diff.argmap.command).")
    ] = False,
    from_format: FromOption = None,
) -> None:
    """What changed in the argument: statements and arguments added, removed, renamed and reworded,
    relations and premise-conclusion structures changed, and the claims whose grounded label flips,
    with the changes that cause it. Moved text and re-wrapped lines are no change.

    Exit status: 0 when the maps mean the same, 1 when they differ, 2 on errors (with --git,
    0 unless an error: git stops at an external diff that fails).

    \b
    Example: argmap export --to argdown -o a.ad && sed s/six/6/ a.ad > b.ad && argmap diff a.ad b.ad || test $? = 1
    """
    if output_format not in _FORMATS:
        fail(f"unknown format '{output_format}'; choose text or markdown")
    old, new = _maps(items, git, from_format)
    from argmap.diff import diff_maps

    result = diff_maps(old, new)
    keep(old, new, result)
    if as_json:
        from argmap.schemas import stamped

        OUT.json(stamped("diff", result.to_dict()))
    elif output_format == "markdown":
        from argmap.views.diff import diff_markdown

        OUT.document(diff_markdown(result))
    else:
        from argmap.views.diff import diff_text

        OUT.render(diff_text(result))
    if result and not git:
        raise typer.Exit(1)


def _maps(items: list[str], git: bool, fmt: str | None) -> tuple[ArgumentMap, ArgumentMap]:
    """The old and new maps the arguments name."""
    from argmap.diff.revisions import RevisionError, is_revision, read_revision

    if git:
        # path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-message]
        if len(items) not in (7, 9):
            fail(f"--git takes the seven arguments git gives an external diff, not {len(items)}")
        name = items[0]
        new_name = items[7] if len(items) == 9 else name
        return _file(items[1], name, fmt), _file(items[4], new_name, fmt)
    try:
        if len(items) == 2:
            old, new = items
            if Path(old).is_file() or not Path(new).is_file() or not is_revision(old, new):
                return _file(old, old, fmt), _file(new, new, fmt)
            return _bytes(read_revision(old, new), f"{old}:{new}", new, fmt), _file(new, new, fmt)
        if len(items) == 3:
            first, second, path = items
            return (
                _bytes(read_revision(first, path), f"{first}:{path}", path, fmt),
                _bytes(read_revision(second, path), f"{second}:{path}", path, fmt),
            )
    except RevisionError as problem:
        fail(str(problem))
    fail(f"give two maps (OLD NEW), a revision and a map (REV MAP) or two revisions and a map, not {len(items)}")


def _file(path: str, name: str, fmt: str | None) -> ArgumentMap:
    if path == _NO_FILE:
        from argmap.model import ArgumentMap

        return ArgumentMap(name)
    try:
        data = Path(path).read_bytes()
    except OSError as problem:
        fail(f"cannot read {path}: {problem.strerror or problem}")
    return _bytes(data, name, path, fmt)


def _bytes(data: bytes, name: str, path: str, fmt: str | None) -> ArgumentMap:
    """Read a map, named ``name``; its format told from ``path``'s extension unless given."""
    from argmap.api import loads
    from argmap.interchange.formats import FormatError, detect_format
    from argmap.rules import FATAL_CODES

    try:
        chosen = fmt or detect_format(path, data[:4096].decode("utf-8", "replace"))
        amap, diagnostics = loads(data, name, format=chosen, lint=False)
    except FormatError as problem:
        fail(str(problem))
    for d in diagnostics:
        if d.code in FATAL_CODES:
            fail(f"{name}: {d.message}")
    return amap
