"""The format registry: which formats argmap reads and writes, picked by name or file name.

| name          | read | write | extensions                          |
|---------------|------|-------|-------------------------------------|
| argdown       | yes  | yes   | .argdown .ad                        |
| argmap-json   | yes  | yes   | .json (argmap's own, sniffed)       |
| aif           | yes  | yes   | .aif .aif.json (and sniffed .json)  |
| kialo         | yes  | yes   | .txt .kialo                         |
| markdown      | yes  | no    | .md .markdown .qmd (Argdown fences) |
| argdown-json  | no   | yes   | .argdown.json                       |
| graphml       | no   | yes   | .graphml                            |
| node-link     | no   | yes   | .nodelink.json .node-link.json      |
| mermaid       | no   | yes   | .mmd .mermaid                       |
| dot           | no   | yes   | .dot .gv                            |
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from argmap import files
from argmap._gc import paused_gc
from argmap.diagnostics import Diagnostic
from argmap.interchange.common import at, has_errors
from argmap.model import ArgumentMap
from argmap.rules.interchange import AM430
from argmap.rules.syntax import AM000, AM001

READ_FORMATS = ("argdown", "argmap-json", "aif", "kialo", "markdown")
WRITE_FORMATS = ("argdown", "argdown-json", "argmap-json", "aif", "kialo", "graphml", "node-link", "mermaid", "dot")

_EXTENSIONS: list[tuple[str, str]] = [
    # Longest suffixes first.
    (".argdown.json", "argdown-json"),
    (".nodelink.json", "node-link"),
    (".node-link.json", "node-link"),
    (".aif.json", "aif"),
    (".argmap.json", "argmap-json"),
    (".argdown", "argdown"),
    (".ad", "argdown"),
    (".aif", "aif"),
    (".txt", "kialo"),
    (".kialo", "kialo"),
    (".graphml", "graphml"),
    (".mmd", "mermaid"),
    (".mermaid", "mermaid"),
    (".dot", "dot"),
    (".gv", "dot"),
    (".markdown", "markdown"),
    (".md", "markdown"),
    (".qmd", "markdown"),
    (".json", "json"),
]


class FormatError(Exception):
    """An unknown format, or a file name that does not tell the format."""


def format_of(path: str, writing: bool) -> str:
    """The format a file name implies (``json`` is sniffed when reading, argmap-json when writing)."""
    lowered = path.lower()
    for suffix, name in _EXTENSIONS:
        if lowered.endswith(suffix):
            if name == "json":
                return "argmap-json" if writing else "json"
            return name
    kind = "--to" if writing else "--from"
    raise FormatError(f"cannot tell the format of '{path}' from its extension; pass {kind} FORMAT")


def check_format(name: str, writing: bool) -> str:
    allowed = WRITE_FORMATS if writing else READ_FORMATS
    if name not in allowed:
        kind = "write" if writing else "read"
        hint = f"; for a drawing, argmap render --format {name}" if writing and name in DRAWING_FORMATS else ""
        raise FormatError(f"argmap cannot {kind} '{name}'; it {kind}s {', '.join(allowed)}{hint}")
    return name


DRAWING_FORMATS = ("svg", "png", "pdf")
"""Pictures: ``argmap render`` draws them; export and convert write maps."""


FRAMEWORK_SUFFIXES = (".af", ".i23", ".apx", ".tgf")
"""Abstract argumentation frameworks: ``argmap eval`` reads them; they hold no map."""

_KIALO_HEAD = re.compile(r"(?:\ufeff)?(?:Discussion Title:|1\.[ \t])")
_KIALO_CHILD = re.compile(r"^\d+(?:\.\d+)+\.[ \t]+(?:Pro|Con):", re.MULTILINE)
_JSON_OBJECT = re.compile(r'\{\s*(?:"|\}\s*$)')
"""The start of a JSON object: Argdown text may open with a data block, ``{key: value}``, never with a quoted key."""
_ICCMA_HEAD = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*p[ \t]+af[ \t]+\d")
_ARGDOWN_FENCE = re.compile(
    r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:`{3,}|~{3,})[ \t]*\{?[ \t]*\.?argdown(?:-map)?(?![\w-])",
    re.MULTILINE | re.IGNORECASE,
)
"""A line that opens an Argdown code fence: text of no known extension with one is Markdown."""


def detect_format(name: str, head: str) -> str:
    """The format to read a file in, from its name and the first few thousand characters.

    Returns a name of :data:`READ_FORMATS`, ``argdown-json`` or ``framework`` (which
    argmap recognises but does not read as a map), or ``unknown`` (JSON of no known
    shape).  Text that is nothing else is Argdown, whose syntax accepts any text."""
    lowered = name.lower()
    if lowered.endswith(FRAMEWORK_SUFFIXES):
        return "framework"
    try:
        by_name = format_of(name, writing=False)
    except FormatError:
        by_name = ""
    if by_name in ("argdown", "aif", "argmap-json", "argdown-json", "markdown"):
        return by_name
    stripped = head.lstrip("\ufeff \t\r\n")
    if by_name == "json" or _JSON_OBJECT.match(stripped):
        return _json_shape(stripped)
    if _KIALO_HEAD.match(stripped) and _KIALO_CHILD.search(head):
        return "kialo"
    if by_name == "kialo" and lowered.endswith(".kialo"):
        return "kialo"
    if _ICCMA_HEAD.match(head):
        return "framework"
    if not by_name and _ARGDOWN_FENCE.search(head):
        return "markdown"
    return "argdown"


def _json_shape(head: str) -> str:
    if '"format"' in head and '"argmap"' in head:
        return "argmap-json"
    if '"nodes"' in head or '"AIF"' in head or '"edges"' in head:
        return "aif"
    if '"statements"' in head or '"arguments"' in head or '"relations"' in head:
        return "argdown-json"
    return "unknown"


def read_text(text: str, fmt: str, name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read ``text`` in format ``fmt`` (one of :data:`READ_FORMATS`).  Never raises for bad input."""
    if fmt == "argdown":
        from argmap.argdown import parse

        return parse(text, name)
    if fmt == "aif":
        from argmap.interchange.aif import read_aif

        return read_aif(text, name)
    if fmt == "markdown":
        from argmap.argdown.markdown import read_markdown

        return read_markdown(text, name)
    if fmt == "kialo":
        from argmap.interchange.kialo import read_kialo

        return read_kialo(text, name)
    if fmt == "argmap-json":
        from argmap.interchange.argmap_json import read_argmap_json

        return read_argmap_json(text, name)
    raise FormatError(f"argmap cannot read '{fmt}'; it reads {', '.join(READ_FORMATS)}")


def read_bytes(data: bytes, name: str, fmt: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read a map from the bytes of a file named ``name``; the format is detected unless given.

    Never raises for bad input: an unknown format, undecodable bytes and every problem
    of the text are diagnostics."""
    if fmt is not None:
        check_format(fmt, writing=False)  # a format the caller names must be one argmap reads
    chosen = fmt or detect_format(name, data[:4096].decode("utf-8", "replace"))
    if chosen == "argdown":
        from argmap.argdown import parse_bytes

        return parse_bytes(data, name)
    if chosen == "markdown":
        from argmap.argdown import decode
        from argmap.argdown.markdown import read_markdown

        text, undecodable = decode(data, name)
        amap, diagnostics = read_markdown(text, name)
        return amap, undecodable + diagnostics
    if chosen not in READ_FORMATS:
        return ArgumentMap(name), [at(AM430, _not_readable(chosen), name, 1)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        return ArgumentMap(name), [at(AM001, f"invalid UTF-8 at byte {problem.start}", name, 1)]
    return read_text(text, chosen, name)


def _not_readable(detected: str) -> str:
    if detected == "argdown-json":
        return "this is Argdown JSON, which argmap writes but does not read; read the .argdown file it came from"
    if detected == "framework":
        return "this is an abstract argumentation framework, not a map; argmap eval FILE evaluates it"
    return f"not a map in a format argmap reads (tried: {', '.join(READ_FORMATS)}); pass --from FORMAT"


def read_file(path: Path, fmt: str | None = None) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read the map in the file at ``path`` (see :func:`read_bytes`).  Never raises for bad input."""
    name = str(path)
    if fmt is not None:
        check_format(fmt, writing=False)  # before reading: a bad format is the caller's error
    try:
        data = path.read_bytes()
    except OSError as problem:
        return ArgumentMap(name), [at(AM000, f"cannot read {name}: {problem.strerror or problem}", name)]
    return read_bytes(data, name, fmt)


def writer(fmt: str) -> Callable[[ArgumentMap], Iterator[str]]:
    """The function that writes a map in ``fmt``, as pieces of text made as they are
    asked for (see :func:`write_chunks`).  Raises :class:`FormatError`."""
    check_format(fmt, writing=True)
    if fmt == "argdown":
        from argmap.argdown.writer import argdown_pieces

        return argdown_pieces
    if fmt == "argdown-json":
        from argmap.interchange import argdown_json_text

        return argdown_json_text.chunks
    if fmt == "aif":
        from argmap.interchange import aif_writer

        return aif_writer.chunks
    if fmt == "argmap-json":
        from argmap.interchange import argmap_json

        return argmap_json.chunks
    if fmt == "kialo":
        from argmap.interchange import kialo

        return kialo.chunks
    if fmt == "graphml":
        from argmap.interchange import graphs

        return graphs.graphml_chunks
    if fmt == "node-link":
        from argmap.interchange import graphs

        return graphs.node_link_chunks
    if fmt == "mermaid":
        from argmap.interchange import graphs

        return graphs.mermaid_chunks
    from argmap.views import graphviz

    return graphviz.dot_chunks


def write_text(amap: ArgumentMap, fmt: str) -> str:
    """``amap`` as text in the format ``fmt`` (one of :data:`WRITE_FORMATS`).  Raises :class:`FormatError`."""
    return "".join(write_chunks(amap, fmt))


def write_chunks(amap: ArgumentMap, fmt: str) -> Iterator[str]:
    """The text of ``amap`` in the format ``fmt``, in pieces to write as they come: every
    writer makes its text piece by piece, and never the whole document at once.  Raises
    :class:`FormatError` at once, before the first piece is asked for."""
    return _paused(writer(fmt), amap)


def _paused(pieces: Callable[[ArgumentMap], Iterator[str]], amap: ArgumentMap) -> Iterator[str]:
    # The writers make millions of small objects, none of them in a cycle: the collector's
    # passes would find nothing to free.
    with paused_gc():
        yield from pieces(amap)


def write_atomic_chunks(path: Path, pieces: Iterable[str]) -> None:
    """Write the pieces of text as UTF-8 with :func:`argmap.files.write_atomic`, as they come.  Raises OSError."""
    files.write_atomic(path, (piece.encode("utf-8") for piece in pieces))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with :func:`argmap.files.write_atomic`.  Raises OSError."""
    files.write_atomic(path, text.encode("utf-8"))


__all__ = [
    "READ_FORMATS",
    "WRITE_FORMATS",
    "FormatError",
    "check_format",
    "detect_format",
    "format_of",
    "has_errors",
    "read_bytes",
    "read_file",
    "read_text",
    "write_atomic",
    "write_atomic_chunks",
    "write_chunks",
    "write_text",
    "writer",
]


def conversion_record(
    source: str, target: str, fmt: str, amap: ArgumentMap, warnings: list[Diagnostic]
) -> dict[str, object]:
    """What ``convert --json`` prints (``argmap:conversion``): what was read, what was written, in which format."""
    from argmap.schemas import stamped

    data = {
        "input": source,
        "output": target,
        "to": fmt,
        "statements": len(amap.statements),
        "arguments": len(amap.arguments),
        "warnings": [d.to_dict() for d in warnings],
    }
    return stamped("conversion", data)
