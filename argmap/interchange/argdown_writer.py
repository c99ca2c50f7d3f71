"""Write a map as Argdown, in one canonical layout.

The layout: front matter first; then the top-level blocks of each section below its
heading, in the order they first appeared; one blank line between blocks; relations
indented four spaces per level, always written with the short symbols (``+`` ``-``
``_`` for incoming, ``+>`` ``->`` ``_>`` for outgoing, ``><``); data blocks in YAML
flow style (``{key: value}``); each element on one line.

Every relation is written once, below its *parent* (the element it was written
below in the source; for maps without positions, the target of a support, attack or
undercut).  A node's relations are written below its first occurrence, so untitled
statements (which cannot be referenced) keep all their relations.  Trees are written
with an explicit stack: a 10,000-level relation chain is no problem.

Given the ``source`` the map was parsed from (``argmap fmt``), element texts are taken
from the source as written, with their Markdown, links, escapes and shortcodes; only
white space and data blocks are normalised.  Without it, texts come from the model and
are escaped where Argdown would read them as markup.

:func:`format_argdown` (``argmap fmt``) also keeps the source's comments.  The writer
notes, for each output line, the source lines it was written from; then
:func:`place_comments` puts each comment before the output line of the next source line
(a comment on lines of its own) or at the end of the output line of its own source line
(a comment beside Argdown text), and reports the comments this would take out of their
order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from argmap.model import (
    SYMBOL_RELATIONS,
    Argument,
    ArgumentMap,
    ArgumentMember,
    Relation,
    RelationType,
    Span,
    Statement,
    StatementMember,
    is_argument_node,
    node_title,
)
from argmap.parser import _TAG, comment_regions, comments, escape_shortcodes, strip_comments

_INCOMING = {
    RelationType.SUPPORT: "+",
    RelationType.ENTAILS: "+",
    RelationType.ATTACK: "-",
    RelationType.CONTRARY: "-",
    RelationType.UNDERCUT: "_",
    RelationType.CONTRADICTION: "><",
}
_OUTGOING = {
    RelationType.SUPPORT: "+>",
    RelationType.ENTAILS: "+>",
    RelationType.ATTACK: "->",
    RelationType.CONTRARY: "->",
    RelationType.UNDERCUT: "_>",
    RelationType.CONTRADICTION: "><",
}
INDENT = "    "

_HEAD = re.compile(r"(?:\[((?:[^\]\\\n]|\\.)+)\]|<((?:[^>\\\n]|\\.)+)>)(:)?")
# The first "/" of a "//" that would open a line comment: at the start or after white
# space (as the parser's comment scanner has it).
_LINE_COMMENT_SLASH = r"(?:(?<=\s)|^)/(?=/)"
# That "/" is escaped with the markup ("\//"); "/*" and "<!--" are already broken up by
# escaping "*" and "<".
_MARKUP = re.compile(r"[\\*_{}\[\]<>@]|" + _LINE_COMMENT_SLASH)
# What opens a comment inside a title: escaped, as the title's own closer is.
_TITLE_COMMENT_OPENER = re.compile(_LINE_COMMENT_SLASH + r"|/(?=\*)|<(?=!--)")
# Text that would start a PCS line, a relation, a list item or a heading at the start of a line.
_LEADING = re.compile(r"[(+\-_*<>]|#+\s|(\d+)\.")


# In a string: what would open a comment once written into Argdown ("//" at the start or
# after white space, "/*", "<!--").  argmap's parser finds comments before anything else,
# data blocks and front matter included.
_OPENS_COMMENT = re.compile(r"(?:^|\s)//|/\*|<!--")
# The same inside a double-quoted YAML scalar, each written as a YAML escape ("\/" is "/",
# "\x3C" is "<"), which the comment scanner does not read as an opener.
_OPENER_IN_QUOTES = re.compile(r"(?<=\s)/(?=/)|/(?=\*)|<(?=!--)")


class _DataDumper(yaml.SafeDumper):
    """YAML for data blocks: strings with spaces in double quotes, the rest plain."""


class _FrontMatterDumper(yaml.SafeDumper):
    """YAML for the front matter: PyYAML's choices, but double quotes for a string that
    would open a comment."""


class _QuotingDumper(yaml.SafeDumper):
    """Every string in double quotes: where :func:`_escape_openers` finds each scalar for sure."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Quotes too: the parser finds the end of a data block by matching braces outside
    # YAML quotes, and a quote inside a plain scalar (a"b) would look like an opening one.
    special = not value or '"' in value or "'" in value or _OPENS_COMMENT.search(value)
    style = '"' if (special or any(c.isspace() for c in value)) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_front_matter_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _OPENS_COMMENT.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_DataDumper.add_representer(str, _represent_str)
_FrontMatterDumper.add_representer(str, _represent_front_matter_str)
_QuotingDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _dump_yaml(data: Any, dumper: type[yaml.SafeDumper], **options: Any) -> str:
    """``data`` as YAML that holds no comment opener (see :data:`_OPENS_COMMENT`).

    The dumper's text with the openers in its double-quoted strings escaped, when that
    reads back as the same data and no comment is left; else (a quote inside a plain
    scalar misled the search for the quoted ones) every string double-quoted, which
    leaves no doubt where each one is."""
    dumped: str = yaml.dump(data, Dumper=dumper, **options)
    if "/" not in dumped and "<" not in dumped:
        return dumped
    escaped = _escape_openers(dumped)
    if not comment_regions(escaped) and yaml.safe_load(escaped) == yaml.safe_load(dumped):
        return escaped
    return _escape_openers(yaml.dump(data, Dumper=_QuotingDumper, **options))


def _escape_openers(dumped: str) -> str:
    """``dumped`` YAML with every comment opener inside its double-quoted scalars written as
    a YAML escape (the representers above put every string holding one in double quotes).

    A quote opens a scalar only where PyYAML starts one: at the start of a line or after
    ``: ``, ``- ``, ``? ``, ``[``, ``{`` or ``,`` (elsewhere it is a character of a plain
    scalar, as in ``it's``); single-quoted scalars are skipped whole."""
    if "/" not in dumped and "<" not in dumped:
        return dumped
    out: list[str] = []
    pos = 0
    n = len(dumped)
    i = 0
    while i < n:
        quote = dumped[i]
        if quote not in "\"'" or not _opens_scalar(dumped, i):
            i += 1
            continue
        end = i + 1
        while end < n:
            ch = dumped[end]
            if quote == '"' and ch == "\\":
                end += 2
                continue
            if ch == quote:
                if quote == "'" and dumped[end + 1 : end + 2] == "'":  # '' is a quote inside
                    end += 2
                    continue
                break
            end += 1
        if quote == '"':
            out.append(dumped[pos:i])
            out.append(_OPENER_IN_QUOTES.sub(lambda m: "\\x3C" if m.group(0) == "<" else "\\/", dumped[i : end + 1]))
            pos = end + 1
        i = end + 1
    out.append(dumped[pos:])
    return "".join(out)


def _opens_scalar(dumped: str, index: int) -> bool:
    """Whether a quote at ``index`` starts a quoted scalar (see :func:`_escape_openers`)."""
    k = index - 1
    while k >= 0 and dumped[k] == " ":
        k -= 1
    if k < 0 or dumped[k] == "\n":
        return True
    if dumped[k] in "[{,":
        return True
    return dumped[k] in ":-?" and k < index - 1  # "key: 'x'", "- 'x'", "? 'x'"


def format_data(data: dict[str, Any]) -> str:
    """A data block in YAML flow style: ``{key: value, quote: "two words", list: [1, 2]}``."""
    text = _dump_yaml(
        data, _DataDumper, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000_000
    ).strip()
    if text.endswith("..."):
        text = text[:-3].strip()
    return text


def escape_text(text: str, tags: list[str]) -> str:
    """Model text to Argdown text: markup characters escaped, ``#tags`` of the member kept."""
    keep = set(tags)
    out: list[str] = []
    pos = 0

    def markup(part: str) -> str:
        return _MARKUP.sub(lambda m: "\\" + m.group(0), part)

    for match in _TAG.finditer(text):
        tag = match.group(1) if match.group(1) is not None else match.group(2)
        out.append(markup(text[pos : match.start()]))
        # Not a tag of the member: "\#", and the rest as text ("#(a {b} #c)" holds markup
        # and what would be a tag).
        out.append(match.group(0) if tag in keep else "\\#" + markup(match.group(0)[1:]).replace("#", "\\#"))
        pos = match.end()
    out.append(markup(text[pos:]))
    escaped = "".join(out)
    present = {m.group(1) or m.group(2) for m in _TAG.finditer(text)}
    extra = [t for t in tags if t not in present]
    if extra:
        escaped = " ".join([escaped, *(f"#{t}" if re.fullmatch(r"[\w\-]+", t) else f"#({t})" for t in extra)])
    leading = _LEADING.match(escaped)
    if leading:
        if leading.group(1) is not None:
            escaped = leading.group(1) + "\\" + escaped[leading.end(1) :]
        elif escaped[0] != "\\":
            escaped = "\\" + escaped
    # Last: every backslash added above changes which dots and colons pair up.
    return escape_shortcodes(escaped.strip())


_SLASHES_AFTER_SPACE = re.compile(_LINE_COMMENT_SLASH)


def _fold(raw: str) -> str:
    """Source text (comments blanked) on one line, its white space folded.

    A "//" still in it is text: where it followed something else ("a<!-- c -->// b",
    "x://y") it was no comment.  Folding can put a space before it, and a space before
    "//" opens a comment: so such a "//" is written "\\//"."""
    folded = " ".join(raw.split())
    return _SLASHES_AFTER_SPACE.sub(r"\\/", folded) if "//" in folded else folded


def _escape_title(title: str, closer: str) -> str:
    escaped = title.replace("\\", "\\\\").replace(closer, "\\" + closer)
    return _TITLE_COMMENT_OPENER.sub(lambda m: "\\" + m.group(0), escaped)


def comment_texts(text: str) -> list[str]:
    """The text of every comment, in order (what ``argmap fmt`` must keep), read as the
    parser reads the text: without a byte order mark, with ``\\n`` newlines."""
    text = _normal_newlines(text)
    return [text[a:b].strip() for a, b in comment_regions(text)]


def first_lost_comment(source: str, formatted: str) -> int | None:
    """The line of ``source`` where the first comment that ``formatted`` does not have (in
    order, with the same text) starts; None when every comment is there and no other."""
    text = _normal_newlines(source)
    kept = comment_texts(formatted)
    regions = comment_regions(text)
    for k, (start, end) in enumerate(regions):
        if k >= len(kept) or kept[k] != text[start:end].strip():
            return text.count("\n", 0, start) + 1
    return None if len(kept) == len(regions) else text.count("\n") + 1


_FENCE = re.compile(r"={3,}[ \t]*$")


@dataclass(frozen=True, slots=True)
class SourceComment:
    """A comment of the source, or several comments on the same lines with nothing else there."""

    text: str
    """As written, from the first opening to the last closing (inner lines untouched)."""
    line: int
    """1-based line of its start."""
    end_line: int
    host: int | None
    """The line of the Argdown text it shares a line with (None: it has its lines to itself)."""
    line_comment: bool
    """It ends with a ``//`` comment: nothing can follow it on its line."""
    blank_before: bool
    """An empty line stands directly above it."""


@dataclass(frozen=True, slots=True)
class CommentPlan:
    """The comments of a source and where its front matter is."""

    comments: list[SourceComment]
    """The comments outside the front matter, in order."""
    frontmatter: tuple[int, int] | None
    """1-based first and last line (the two fences) of the front matter, if any."""
    verbatim_until: int
    """When the front matter holds comments: the last line to write as it is (the closing
    fence, or the end of a comment that starts on it); else 0."""
    unkeepable: list[SourceComment]
    """Comments that cannot be kept in their place."""


def plan_comments(text: str, stripped: list[str]) -> CommentPlan:
    """The comments of ``text`` (with ``\\n`` newlines), given its lines with comments blanked out.

    A comment sharing its line(s) with Argdown text is *attached* (written at the end of
    that text's output line); one with a line to itself is *own-line* (written before the
    next line of text)."""
    original = text.split("\n")
    starts = [0]
    for line in original:
        starts.append(starts[-1] + len(line) + 1)
    frontmatter: tuple[int, int] | None = None
    i = 0
    while i < len(stripped) and not stripped[i].strip():
        i += 1
    if i < len(stripped) and _FENCE.match(stripped[i]):
        j = i + 1
        while j < len(stripped) and not _FENCE.match(stripped[j]):
            j += 1
        if j < len(stripped):
            frontmatter = (i + 1, j + 1)
    out: list[SourceComment] = []
    opened: list[int] = []
    """Offset where each comment of ``out`` starts."""
    verbatim_until = 0
    unkeepable: list[SourceComment] = []
    for start, end, token, _ in comments(text):
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        after = stripped[last][end - starts[last] :].strip()
        if frontmatter is not None and frontmatter[0] <= first + 1 <= max(frontmatter[1], verbatim_until):
            # Inside the front matter: fmt writes the front matter as it is.
            verbatim_until = max(verbatim_until, frontmatter[1], last + 1)
            if last + 1 > frontmatter[1] and after:
                # A comment from the closing fence into Argdown text: that text would be
                # written twice.
                unkeepable.append(SourceComment(text[start:end], first + 1, last + 1, None, False, False))
            continue
        before = stripped[first][: start - starts[first]].strip()
        previous = out[-1] if out else None
        host = first + 1 if before else last + 1 if after else None
        if host is None and previous is not None and previous.end_line == first + 1:
            if previous.host is None:
                # Another comment on the same line: one piece, spacing kept.
                out[-1] = SourceComment(
                    text[opened[-1] : end], previous.line, last + 1, None, token == "//", previous.blank_before
                )
                continue
            host = previous.host  # after a comment that ended here, beside the same text
        blank_before = first > 0 and not original[first - 1].strip()
        out.append(SourceComment(text[start:end], first + 1, last + 1, host, token == "//", blank_before))
        opened.append(start)
    return CommentPlan(out, frontmatter, verbatim_until, unkeepable)


def place_comments(
    out: list[str], origin: dict[int, tuple[int, int]], plan: list[SourceComment]
) -> tuple[list[str], list[SourceComment]]:
    """Put the comments into the written lines ``out``; ``origin`` maps an output line to
    the source lines it was written from.  Returns the lines and the comments that could
    not be kept in their order (their neighbours were written elsewhere).

    An own-line comment goes before the output line of the next source line that was
    written: as a block of its own (blank lines around it) before a block, at the line's
    indentation inside a block, or at the end of the line when it sat inside that line's
    element.  An attached comment goes at the end of its line's output line."""
    line_to_out: dict[int, int] = {}
    for index in sorted(origin):
        first, last = origin[index]
        for number in range(first, last + 1):
            line_to_out.setdefault(number, index)
    written = sorted(line_to_out)
    before: dict[int, list[SourceComment]] = {}
    trailing: dict[int, list[SourceComment]] = {}
    closed: set[int] = set()
    """Output lines that end in a ``//`` comment: what follows goes before the next line."""
    at_end: list[SourceComment] = []
    keys: list[tuple[int, int]] = []

    def next_line(index: int) -> int | None:
        for j in range(index + 1, len(out)):
            if out[j]:
                return j
        return None

    for comment in plan:
        target = line_to_out.get(comment.host) if comment.host is not None else None
        if target is None:
            k = bisect.bisect_left(written, comment.end_line + 1)
            if k == len(written):
                at_end.append(comment)
                keys.append((len(out), 0))
                continue
            target = line_to_out[written[k]]
            if origin[target][0] == written[k]:
                before.setdefault(target, []).append(comment)
                keys.append((target, 0))
                continue
        if target in closed:
            following = next_line(target)
            if following is None:
                at_end.append(comment)
                keys.append((len(out), 0))
            else:
                before.setdefault(following, []).append(comment)
                keys.append((following, 0))
            continue
        trailing.setdefault(target, []).append(comment)
        keys.append((target, 1))
        if comment.line_comment:
            closed.add(target)
    lost = [plan[k] for k in _out_of_order(keys)]
    result: list[str] = []
    for index, line in enumerate(out):
        if index in before:
            if index == 0 or not out[index - 1]:
                _comment_block(result, before[index])
            else:
                indent = line[: len(line) - len(line.lstrip())]
                result.extend(indent + c.text for c in before[index])
        for comment in trailing.get(index, []):
            line += " " + comment.text
        result.append(line)
    if at_end:
        while result and not result[-1]:
            result.pop()
        _comment_block(result, at_end)
    return result, lost


def _out_of_order(keys: list[tuple[int, int]]) -> list[int]:
    """The indices of ``keys`` outside one longest non-decreasing run through them: the
    comments that moved, rather than the ones that stayed in order around them."""
    tails: list[tuple[int, int]] = []
    tail_index: list[int] = []
    parent: list[int] = []
    for k, key in enumerate(keys):
        at = bisect.bisect_right(tails, key)
        parent.append(tail_index[at - 1] if at else -1)
        if at == len(tails):
            tails.append(key)
            tail_index.append(k)
        else:
            tails[at] = key
            tail_index[at] = k
    keep: set[int] = set()
    k = tail_index[-1] if tail_index else -1
    while k != -1:
        keep.add(k)
        k = parent[k]
    return [k for k in range(len(keys)) if k not in keep]


def _comment_block(result: list[str], block: list[SourceComment]) -> None:
    """Comments between blocks: an empty line before and after, and between two comments
    that had one between them."""
    if result and result[-1]:
        result.append("")
    for k, comment in enumerate(block):
        if k and comment.blank_before:
            result.append("")
        result.append(comment.text)
    result.append("")


class _Line(NamedTuple):
    """A relation line to write: the node on it, its depth, its text and its source spans."""

    node: str
    depth: int
    text: str
    spans: tuple[Span | None, ...]


@dataclass
class _Writer:
    amap: ArgumentMap
    source_lines: list[str] | None
    out: list[str] = field(default_factory=list)
    origin: dict[int, tuple[int, int]] | None = None
    """Index in ``out`` -> the first and last source line that output line was written
    from (kept when there are comments to place)."""
    verbatim_frontmatter: list[str] | None = None
    """The source's front matter lines, written as they are (it holds comments)."""
    frontmatter_span: Span | None = None
    """Where the source's front matter starts (its opening fence)."""
    expanded: set[tuple[int | None, str]] = field(default_factory=set)
    """(block, node) pairs whose relations have been written."""
    block: int | None = None
    """Source line of the top-level block (or PCS) being written."""
    home: dict[int, int] = field(default_factory=dict)
    """id(relation) -> source line of the block it was written in (relations read from Argdown)."""
    live_blocks: set[int] = field(default_factory=set)
    written_relations: set[int] = field(default_factory=set)
    written_members: set[int] = field(default_factory=set)
    children: dict[str, list[tuple[Relation, str]]] = field(default_factory=dict)
    """parent node -> [(relation, child node)] in source order."""
    child_member: dict[int, StatementMember | ArgumentMember] = field(default_factory=dict)
    """id(relation) -> the member written on the relation's line."""
    repeats: dict[int, list[StatementMember | ArgumentMember]] = field(default_factory=dict)
    """id(relation) -> the members on the further lines that state it again (the same
    relation line written twice in a block): each is written again below the first."""
    child_nodes: set[str] = field(default_factory=set)
    root_candidates: set[int] = field(default_factory=set)
    """ids of the members that would otherwise be written as top-level blocks."""
    headings_done: set[str] = field(default_factory=set)

    # -- texts -------------------------------------------------------------------

    def raw(self, span: Span) -> str | None:
        lines = self.source_lines
        if lines is None or span.line < 1 or span.end_line > len(lines):
            return None
        if span.line == span.end_line:
            return lines[span.line - 1][span.col - 1 : span.end_col]
        parts = [lines[span.line - 1][span.col - 1 :]]
        parts.extend(lines[span.line : span.end_line - 1])
        parts.append(lines[span.end_line - 1][: span.end_col])
        return "\n".join(parts)

    def body(self, member: StatementMember | ArgumentMember, titled: bool = True) -> str:
        """The text after the title: from the source when we have it, else from the model."""
        raw = self.raw(member.span)
        if raw is not None:
            head = _HEAD.match(raw) if titled else None
            rest = raw[head.end() :] if head is not None else raw
            brace = _data_brace(rest) if member.data else -1
            end = _matching_brace(rest, brace) if brace != -1 else -1
            if end != -1:
                # The data block stays where it was (text after it may hold a stray brace).
                before, after = _fold(rest[:brace]), _fold(rest[end + 1 :])
                data = format_data(dict(member.data))
                if before and after and not rest[brace - 1].isspace() and not rest[end + 1].isspace():
                    # "q{x: 1}m" is the text "qm": spaces around the block would make it "q m".
                    return before + data + after
                return " ".join(x for x in (before, data, after) if x)
            return _fold(rest)
        text = escape_text(member.text, list(member.tags)) if member.text else ""
        if not member.text and member.tags:
            text = escape_text("", list(member.tags))
        if member.data:
            text = f"{text} {format_data(dict(member.data))}".strip()
        return text

    def element(self, node: str, member: StatementMember | ArgumentMember | None) -> str:
        """The Argdown for one occurrence of ``node``."""
        record = self.amap.record(node)
        if member is not None:
            self.written_members.add(id(member))
        titled = not (isinstance(record, Statement) and record.is_untitled)
        body = self.body(member, titled) if member is not None else ""
        if isinstance(record, Statement):
            if record.is_untitled:
                return body or escape_text(record.text, [])
            head = "[" + _escape_title(record.title, "]") + "]"
        else:
            head = "<" + _escape_title(record.title, ">") + ">"
        if member is None:
            return head
        if member.is_reference:
            return f"{head} {body}".rstrip()
        return f"{head}: {body}".rstrip()

    # -- structure ---------------------------------------------------------------

    def plan_relations(self) -> None:
        """Decide, for every relation, which end is written on the relation line."""
        by_end: dict[tuple[int, int, int], list[tuple[str, StatementMember | ArgumentMember]]] = {}
        records: list[Statement | Argument] = [*self.amap.statements.values(), *self.amap.arguments.values()]
        for record in records:
            for m in record.members:
                if isinstance(m, StatementMember) and m.argument is not None:
                    continue
                by_end.setdefault((m.span.line, m.span.end_line, m.span.end_col), []).append((record.node, m))
        relations = sorted(
            self.amap.relations(*SYMBOL_RELATIONS),
            key=lambda r: (r.span.line, r.span.col) if r.span is not None else (1 << 62, 0),
        )
        for relation in relations:
            child: str | None = None
            span = relation.span
            if span is not None:
                for node, member in by_end.get((span.line, span.end_line, span.end_col), []):
                    if node in (relation.source, relation.target) and member.span.col > span.col:
                        child = node
                        self.child_member[id(relation)] = member
                        break
            if child is None:
                child = relation.target if relation.type is RelationType.CONTRADICTION else relation.source
                # An untitled parent cannot be referenced: write it on the relation line instead.
                parent = relation.target if child == relation.source else relation.source
                if self.is_untitled(parent) and not self.is_untitled(child):
                    child = parent
            parent = relation.target if child == relation.source else relation.source
            self.children.setdefault(parent, []).append((relation, child))
            self.child_nodes.add(child)
            for again in relation.later_spans or ():
                for node, member in by_end.get((again.line, again.end_line, again.end_col), []):
                    if node == child and member.span.col > again.col:
                        self.repeats.setdefault(id(relation), []).append(member)
                        break

    def inline_member(self, node: str) -> StatementMember | None:
        """The member to write on a relation line that has none of its own: an untitled
        statement's only member, or a titled statement's first top-level definition not
        written yet (so a map without positions reads as one tree, not as references)."""
        statement = self.amap.statements.get(node_title(node)) if not is_argument_node(node) else None
        if statement is None:
            return None
        if statement.is_untitled:
            return statement.members[0] if statement.members else None
        for member in statement.members:
            if id(member) in self.root_candidates and id(member) not in self.written_members:
                return member
        return None

    def is_untitled(self, node: str) -> bool:
        record = self.amap.record(node)
        return isinstance(record, Statement) and record.is_untitled

    def put(self, line: str, *spans: Span | None) -> None:
        """Append an output line written from the source lines of ``spans``."""
        self.out.append(line)
        if self.origin is None:
            return
        lines = [(span.line, span.end_line) for span in spans if span is not None and span.line > 0]
        if lines:
            self.origin[len(self.out) - 1] = (min(a for a, _ in lines), max(b for _, b in lines))

    def tree(self, root_line: str, root: str, *spans: Span | None) -> None:
        """Write ``root_line`` (written from the source lines of ``spans``) and, if ``root``
        is not expanded yet, its relation tree."""
        self.put(root_line, *spans)
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            if (self.block, node) in self.expanded:
                continue
            self.expanded.add((self.block, node))
            # Emit this node's children now (they directly follow the node's line, which
            # is the last line written), and schedule their own subtrees after each one.
            pending = self.kid_lines(node, depth + 1)
            # Depth-first: write child, then its subtree, then the next child.
            self.write_children(pending)

    def kid_lines(self, node: str, depth: int) -> list[_Line]:
        """The relation lines to write below ``node`` here (see :meth:`kids`)."""
        return [line for relation, child in self.kids(node) for line in self.child_lines(relation, child, depth)]

    def child_lines(self, relation: Relation, child: str, depth: int) -> list[_Line]:
        """The relation line that writes ``child``, then a line for each further time the
        source states the relation in this place (its subtree goes below the first)."""
        first = self.child_line(relation, child, depth)
        again = self.repeats.get(id(relation))
        if not again:
            return [first]
        symbol = _INCOMING[relation.type] if child == relation.source else _OUTGOING[relation.type]
        lines = [first]
        for member in again:
            text = INDENT * depth + symbol + " " + self.element(child, member)
            lines.append(_Line(child, depth, text, (member.span,)))
        return lines

    def child_line(self, relation: Relation, child: str, depth: int) -> _Line:
        """The relation line that writes ``child`` below its parent."""
        self.written_relations.add(id(relation))
        symbol = _INCOMING[relation.type] if child == relation.source else _OUTGOING[relation.type]
        member = self.child_member.get(id(relation))
        spans: tuple[Span | None, ...] = (relation.span,)
        if member is None:
            member = self.inline_member(child)
        else:
            spans = (relation.span, member.span)
        return _Line(child, depth, INDENT * depth + symbol + " " + self.element(child, member), spans)

    def write_children(self, pending: list[_Line]) -> None:
        work: list[_Line] = list(reversed(pending))
        while work:
            item = work.pop()
            self.put(item.text, *item.spans)
            if (self.block, item.node) in self.expanded:
                continue
            self.expanded.add((self.block, item.node))
            more = self.kid_lines(item.node, item.depth + 1)
            work.extend(reversed(more))

    def kids(self, node: str) -> list[tuple[Relation, str]]:
        """The relations to write below ``node`` here: not written yet, and written in this
        block in the source (relations from elsewhere stay in their own block)."""
        out: list[tuple[Relation, str]] = []
        for relation, child in self.children.get(node, []):
            if id(relation) in self.written_relations:
                continue
            home = self.home.get(id(relation))
            if home is not None and home != self.block and home in self.live_blocks:
                continue
            out.append((relation, child))
        return out

    def block_end(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    # -- PCS ---------------------------------------------------------------------------

    def pcs(self, argument: Argument) -> None:
        self.block_end()
        self.block = argument.pcs_span.line if argument.pcs_span is not None else None
        for step in argument.pcs:
            if step.inference is not None:
                rules = ", ".join(step.inference.rules)
                data = format_data(dict(step.inference.data)) if step.inference.data else ""
                inner = " ".join(x for x in (rules, data) if x)
                self.put(f"-- {inner} --" if inner else "----", step.inference.span)
            member = self.pcs_member(argument, step.statement, step.span)
            node = "[" + step.statement + "]"
            line = f"({step.number}) " + self.element(node, member)
            self.tree(line, node, step.span, member.span if member is not None else None)
        self.block_end()

    def pcs_member(self, argument: Argument, title: str, span: Span) -> StatementMember | None:
        statement = self.amap.statements.get(title)
        if statement is None:
            return None
        for member in statement.members:
            if (
                member.argument == argument.title
                and member.span.line == span.line
                and id(member) not in self.written_members
            ):
                return member
        for member in statement.members:
            if member.argument == argument.title and id(member) not in self.written_members:
                return member
        return None

    # -- the document --------------------------------------------------------------

    def write(self) -> list[str]:
        """The output lines (without comments; see :func:`place_comments`)."""
        amap = self.amap
        if self.verbatim_frontmatter is not None:
            self.put(self.verbatim_frontmatter[0], self.frontmatter_span)
            self.out.extend(self.verbatim_frontmatter[1:])
            self.out.append("")
        elif amap.frontmatter:
            self.put("===", self.frontmatter_span)
            dumped = _dump_yaml(amap.frontmatter, _FrontMatterDumper, allow_unicode=True, sort_keys=False, width=88)
            self.out.extend(dumped.rstrip("\n").split("\n"))
            self.out.append("===")
            self.out.append("")
        self.plan_relations()
        # Top-level occurrences, grouped by section, in source order.
        roots: list[tuple[str | None, tuple[int, int], str, StatementMember | ArgumentMember | None]] = []
        relation_members = {id(m) for m in self.child_member.values()}
        relation_members.update(id(m) for members in self.repeats.values() for m in members)
        self.plan_blocks(relation_members)
        for statement in amap.statements.values():
            defined = False
            for member in statement.members:
                if member.argument is not None or id(member) in relation_members:
                    continue
                if (
                    member.is_reference
                    and (defined or statement.definitions)
                    and member.span.line not in self.homes
                    and not member.tags  # "[E] #x" on its own tags E: written, or the tag is lost
                    and not member.data
                ):
                    continue
                if statement.is_untitled and self.untitled_is_child(statement.node):
                    continue
                roots.append((member.section, (member.span.line, member.span.col), statement.node, member))
                defined = True
            if not statement.members and statement.node not in self.children:
                roots.append((None, (1 << 62, 0), statement.node, None))
        pcs_anchor: dict[str, int] = {}
        """argument node -> id of the top-level member its PCS is written after (0: the bare root)."""
        for argument in amap.arguments.values():
            members = [m for m in argument.members if id(m) not in relation_members]
            pcs_line = argument.pcs_span.line if argument.pcs_span is not None else 1 << 62
            if not members and (argument.pcs or not argument.members):
                section = None
                if argument.pcs:
                    first = amap.statements.get(argument.pcs[0].statement)
                    for pcs_member in first.members if first is not None else []:
                        if pcs_member.argument == argument.title:
                            section = pcs_member.section
                            break
                roots.append((section, (pcs_line - 1, 0), argument.node, None))
                pcs_anchor[argument.node] = 0
            for description in members:
                roots.append(
                    (description.section, (description.span.line, description.span.col), argument.node, description)
                )
            if argument.pcs and members and argument.node not in pcs_anchor:
                before = [m for m in members if m.span.line < pcs_line] or members
                pcs_anchor[argument.node] = id(max(before, key=lambda m: m.span.line))
        self.root_candidates = {
            id(r[3]) for r in roots if r[3] is not None and isinstance(r[3], StatementMember) and not r[3].is_reference
        }
        order = {sid: index for index, sid in enumerate(amap.sections)}
        roots.sort(key=lambda r: (-1 if r[0] is None else order.get(r[0], -1), r[1]))
        pcs_written: set[str] = set()
        current: str | None = None
        for section_id, _, node, occurrence in roots:
            if occurrence is not None and id(occurrence) in self.written_members:
                continue  # already written inline, on a relation line
            if section_id != current and section_id is not None:
                self.headings_until(section_id, current)
                current = section_id
            self.block_end()
            self.block = occurrence.span.line if occurrence is not None else None
            self.tree(self.element(node, occurrence), node, occurrence.span if occurrence is not None else None)
            anchor = pcs_anchor.get(node)
            here = id(occurrence) if occurrence is not None else 0
            if anchor is not None and node not in pcs_written and anchor == here:
                argument = amap.arguments[node_title(node)]
                if argument.pcs:
                    pcs_written.add(node)
                    self.pcs(argument)
        for sid in amap.sections:
            if sid not in self.headings_done:
                self.headings_until(sid, current)
        # Relations whose parent was never written as an element (e.g. only referenced).
        self.block = None
        self.live_blocks = set()
        for parent, kids in self.children.items():
            if any(id(r) not in self.written_relations for r, _ in kids):
                self.expanded.discard((None, parent))
                self.block_end()
                self.tree(self.element(parent, None), parent)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return self.out

    def headings_until(self, section_id: str, current: str | None) -> None:
        """Write the headings of every section up to ``section_id`` not written yet."""
        for sid, section in self.amap.sections.items():
            if sid in self.headings_done:
                if sid == section_id:
                    return
                continue
            self.headings_done.add(sid)
            self.block_end()
            title = escape_text(section.title, [])
            tags = " ".join(f"#{t}" if re.fullmatch(r"[\w\-]+", t) else f"#({t})" for t in section.tags)
            data = format_data(section.data) if section.data else ""
            self.put(" ".join(x for x in ("#" * section.level, title, tags, data) if x), section.span)
            self.out.append("")
            if sid == section_id:
                return

    homes: set[int] = field(default_factory=set)

    def plan_blocks(self, relation_members: set[int]) -> None:
        """Find, for each relation read from an Argdown relation line, the top-level block
        (or PCS) it was written in, so that it is written there again."""
        starts: set[int] = set()
        records: list[Statement | Argument] = [*self.amap.statements.values(), *self.amap.arguments.values()]
        for record in records:
            for m in record.members:
                if id(m) in relation_members or (isinstance(m, StatementMember) and m.argument is not None):
                    continue
                starts.add(m.span.line)
        for argument in self.amap.arguments.values():
            if argument.pcs and argument.pcs_span is not None:
                starts.add(argument.pcs_span.line)
        ordered = sorted(starts)
        for relation in self.amap.relations(*SYMBOL_RELATIONS):
            if id(relation) not in self.child_member or relation.span is None:
                continue  # not written on a relation line (maps from other formats)
            index = bisect.bisect_right(ordered, relation.span.line) - 1
            if index >= 0:
                self.home[id(relation)] = ordered[index]
        self.homes = set(self.home.values())
        self.live_blocks = set(self.homes)

    def untitled_is_child(self, node: str) -> bool:
        return node in self.child_nodes


def _matching_brace(text: str, start: int) -> int:
    from argmap.parser import _matching_brace as matching

    return matching(text, start)


def _data_brace(text: str) -> int:
    from argmap.parser import _data_brace as first_brace

    return first_brace(text)


def to_argdown(amap: ArgumentMap, source: str | None = None, keep_comments: bool = False) -> str:
    """The map as Argdown text in argmap's canonical layout (see the module docs).

    ``source``: the text ``amap`` was parsed from; its element texts are kept as written.
    ``keep_comments``: also keep the source's comments, each next to the text it was
    written next to (see :func:`format_argdown`, which also says which could not be kept)."""
    if source is not None and keep_comments:
        return format_argdown(amap, source).text
    lines = None
    if source is not None:
        lines = strip_comments(_normal_newlines(source), lambda *_: None).split("\n")
    return "\n".join(_Writer(amap, lines).write()) + "\n"


class Formatted(NamedTuple):
    """What :func:`format_argdown` made of a source."""

    text: str
    """The canonical layout, with the comments."""
    misplaced: list[SourceComment]
    """Comments that could not be kept in their place, by line: out of their order in
    ``text`` because the text around them is written elsewhere, or left out (a comment
    running from the front matter's closing fence into Argdown text).  ``argmap fmt``
    refuses such a file."""


def format_argdown(amap: ArgumentMap, source: str) -> Formatted:
    """``source`` (which ``amap`` was parsed from) in the canonical layout, keeping every
    comment next to the text it was written next to:

    * a comment on lines of its own goes before the line that followed it in the
      source: between blocks as a block of its own, inside a relation tree or PCS on a
      line of its own at the indentation of that line;
    * a comment that shares a line with Argdown text (after it, before it, or inside an
      element that runs over several lines) goes at the end of that element's line;
      what would follow a ``//`` comment there goes on the next line;
    * front matter that holds comments is written as it is."""
    text = _normal_newlines(source)
    stripped = strip_comments(text, lambda *_: None).split("\n")
    plan = plan_comments(text, stripped)
    writer = _Writer(amap, stripped)
    if plan.comments:
        writer.origin = {}
    if plan.frontmatter is not None:
        first = plan.frontmatter[0]
        writer.frontmatter_span = Span("", first, 1, first, 1)
        if plan.verbatim_until:
            writer.verbatim_frontmatter = text.split("\n")[first - 1 : plan.verbatim_until]
    lines, misplaced = place_comments(writer.write(), writer.origin or {}, plan.comments)
    while lines and not lines[-1]:
        lines.pop()
    misplaced = sorted([*plan.unkeepable, *misplaced], key=lambda c: c.line)
    return Formatted("\n".join(lines) + "\n", misplaced)


def _normal_newlines(source: str) -> str:
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    return text[1:] if text.startswith("\ufeff") else text
