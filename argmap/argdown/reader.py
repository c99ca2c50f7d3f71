"""Reading Argdown: bytes to text, front matter, and the entry points
:func:`parse`, :func:`parse_bytes` and :func:`parse_file`.

None of them raises on bad input; every problem becomes a
:class:`~argmap.diagnostics.Diagnostic` and reading goes on.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from argmap._gc import paused_gc
from argmap.argdown.blocks import Parser
from argmap.argdown.comments import inner_comment_slashes, strip_comments
from argmap.argdown.data import load_yaml
from argmap.argdown.inline import normal_newlines
from argmap.argdown.patterns import FRONTMATTER_FENCE
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Span
from argmap.rules.syntax import AM000, AM001, AM002, AM014, AM015, AM017, AM019, AM022, AM023


def decode(data: bytes, name: str) -> tuple[str, list[Diagnostic]]:
    """Bytes to text; invalid UTF-8 is replaced and reported, never fatal."""
    diagnostics: list[Diagnostic] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        diagnostics.append(
            AM001(
                f"invalid UTF-8 (byte 0x{data[error.start]:02x}); undecodable bytes were replaced with U+FFFD",
                Span(name, line, col, line, col),
                "save the file as UTF-8",
            )
        )
        text = data.decode("utf-8", "replace")
    return text, diagnostics


def parse(text: str, name: str = "<text>") -> tuple[ArgumentMap, list[Diagnostic]]:
    """Parse Argdown text. Never raises on any input: problems come back as diagnostics."""
    return _parse_owned([text], name)


def _parse_owned(box: list[str], name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """:func:`parse` of the text in ``box``, which it takes out of the box.

    When the box held the only reference, the text is freed as soon as it is split
    into lines, before the model is built: the text's size less at the peak."""
    text = box.pop()
    amap = ArgumentMap(name)
    parser = Parser(name, amap)
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        parser.report(
            AM002,
            "binary data (NUL byte): this does not look like an Argdown text file",
            line,
            offset - text.rfind("\n", 0, offset),
        )
        return amap, parser.diagnostics
    text = normal_newlines(text)

    def unclosed_comment(line: int, col: int, message: str) -> None:
        parser.report(AM023, message, line, col)

    stripped = strip_comments(text, unclosed_comment)
    slashes = "//" in stripped
    lines = stripped.split("\n")
    if stripped is not text:
        # A line that held only a comment is not an empty line: Argdown drops it, so a
        # comment between a parent and its relations does not end the block.
        original = text.split("\n")
        keep = [i for i, line in enumerate(lines) if line.strip() or not original[i].strip()]
        if len(keep) != len(lines):
            lines = [lines[i] for i in keep]
            parser.linenos = [i + 1 for i in keep]
        del original
    del text, stripped
    if not parser.linenos:
        # A range, not a list: a list would hold an int for every line, blank ones too,
        # at the peak.  A range makes a new int at each look-up, so each line's number is
        # looked up once and shared by the spans on that line.
        parser.linenos = range(1, len(lines) + 1)
    first = _frontmatter(lines, parser)
    if slashes:
        _inner_slashes(lines, first, parser)
    mode = parser.amap.frontmatter.get("model")
    if isinstance(mode, dict) and mode.get("mode") == "strict":
        parser.strict = True
    with paused_gc():
        parser.run(lines, first)
        amap.build_graph(parser.nodes, parser.succ, parser.pred)
    return amap, parser.diagnostics


def _inner_slashes(lines: list[str], first: int, parser: Parser) -> None:
    """Warn (AM022) at each "//" inside a word: a comment in Argdown, text in argmap."""
    for index in range(first, len(lines)):
        line = lines[index]
        if "//" in line:
            for offset in inner_comment_slashes(line):
                parser.report(
                    AM022,
                    "'//' inside a word: Argdown starts a comment here and drops the rest of the line; argmap keeps it",
                    parser.linenos[index],
                    offset + 1,
                    hint="write '\\//' to keep the text in Argdown too, or make the address a link [text](url)",
                )


def _frontmatter(lines: list[str], parser: Parser) -> int:
    """Read ``===`` front matter at the top; return the index of the first line after it."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not FRONTMATTER_FENCE.match(lines[i]):
        return 0
    start = i
    j = i + 1
    while j < len(lines) and not FRONTMATTER_FENCE.match(lines[j]):
        j += 1
    if j >= len(lines):
        parser.report(AM017, "front matter has no closing '===' line", parser.linenos[start], 1)
        return len(lines)
    body = "\n".join(lines[start + 1 : j])
    try:
        value = load_yaml(body) if body.strip() else {}
    except (yaml.YAMLError, RecursionError) as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        parser.report(AM014, f"invalid YAML in front matter: {problem}", parser.linenos[start], 1)
        value = {}
    if isinstance(value, dict):
        parser.amap.frontmatter = {str(k): v for k, v in value.items()}
    elif value is not None:
        parser.report(AM014, "front matter must be a YAML mapping", parser.linenos[start], 1)
    after = j + 1
    if after < len(lines) and lines[after].strip():
        # Argdown: "Expecting an empty line" after the closing fence.
        parser.report(
            AM019,
            "front matter must be followed by an empty line",
            parser.linenos[after],
            1,
            hint="insert an empty line after the closing '==='",
        )
    elif not any(line.strip() for line in lines[after:]):
        # Argdown rejects a document that is only front matter.
        parser.report(
            AM015,
            "front matter with nothing after it: Argdown expects an empty line and then the map",
            parser.linenos[j],
            1,
        )
    return after


def parse_bytes(data: bytes, name: str = "<bytes>") -> tuple[ArgumentMap, list[Diagnostic]]:
    box = [data]
    del data
    return _parse_owned_bytes(box, name)


def _parse_owned_bytes(box: list[bytes], name: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """:func:`parse_bytes` of the bytes in ``box``: they are freed once decoded when
    the box held the only reference (see :func:`_parse_owned`)."""
    data = box.pop()
    if b"\x00" in data:
        return parse(data.decode("latin-1"), name)  # reports AM002 (binary) and nothing else
    text, diagnostics = decode(data, name)
    del data
    text_box = [text]
    del text
    amap, more = _parse_owned(text_box, name)
    return amap, diagnostics + more


def parse_file(path: str | Path) -> tuple[ArgumentMap, list[Diagnostic]]:
    """Read and parse a file; an unreadable path is a diagnostic, not an exception."""
    path = Path(path)
    name = str(path)
    box: list[bytes] = []
    try:
        box.append(path.read_bytes())
    except IsADirectoryError:
        return ArgumentMap(name), [_io_error(name, "is a directory, not an Argdown file")]
    except FileNotFoundError:
        return ArgumentMap(name), [_io_error(name, "no such file")]
    except PermissionError:
        return ArgumentMap(name), [_io_error(name, "permission denied")]
    except OSError as error:
        return ArgumentMap(name), [_io_error(name, error.strerror or str(error))]
    return _parse_owned_bytes(box, name)


def _io_error(name: str, message: str) -> Diagnostic:
    return AM000(f"cannot read {name}: {message}")
