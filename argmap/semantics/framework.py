"""Abstract argumentation frameworks (Dung 1995), independent of Argdown.

An :class:`ArgumentationFramework` has arguments ``0 .. n-1`` and attacks as two
parallel integer lists ``src``/``dst`` (``src[k]`` attacks ``dst[k]``).  Names are
optional: frameworks read from ICCMA files are numbered ``1 .. n`` and their names
are made on demand, so a 100,000-argument file never builds 100,000 strings
unless asked to.

Readers for the formats the field's solvers use return diagnostics, never raise:

* ICCMA 2023 (``.af``, ``.i23``): a ``p af N`` header, one ``i j`` attack per line,
  ``#`` comment lines;
* ASPARTIX (``.apx``): ``arg(a).`` and ``att(a,b).`` facts, ``%`` comments;
* Trivial Graph Format (``.tgf``): argument names, a ``#`` line, then ``a b`` attacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic
from argmap.model import Span
from argmap.rules.frameworks import AF000, AF001, AF002, AF003, AF004, AF005, AF011, AF012, AF013, AF021, AF022
from argmap.rules.registry import Rule

"""File name endings that :func:`read_framework` understands."""


@dataclass(slots=True)
class ArgumentationFramework:
    """Arguments ``0 .. n-1`` and attacks ``src[k] -> dst[k]``."""

    n: int
    src: list[int] = field(default_factory=list)
    dst: list[int] = field(default_factory=list)
    names: list[str] | None = None
    """Argument names; None means ``"1" .. "n"`` (the ICCMA numbering)."""
    _attacked: list[list[int]] | None = field(default=None, repr=False)
    _attackers: list[list[int]] | None = field(default=None, repr=False)

    @classmethod
    def from_pairs(
        cls, n: int, attacks: Iterable[tuple[int, int]], names: list[str] | None = None
    ) -> ArgumentationFramework:
        """Build a framework from 0-based ``(attacker, attacked)`` index pairs."""
        src: list[int] = []
        dst: list[int] = []
        for a, b in attacks:
            if not (0 <= a < n and 0 <= b < n):
                raise ValueError(f"attack ({a}, {b}) names an argument outside 0..{n - 1}")
            src.append(a)
            dst.append(b)
        return cls(n, src, dst, names)

    @property
    def m(self) -> int:
        """Number of attacks (duplicates counted)."""
        return len(self.src)

    def name(self, i: int) -> str:
        return self.names[i] if self.names is not None else str(i + 1)

    def all_names(self) -> list[str]:
        if self.names is not None:
            return self.names
        return [str(i + 1) for i in range(self.n)]

    def index(self) -> dict[str, int]:
        """Name -> index."""
        return {name: i for i, name in enumerate(self.all_names())}

    def attacked(self) -> list[list[int]]:
        """``attacked()[a]``: the arguments ``a`` attacks (cached)."""
        if self._attacked is None:
            self._attacked = _neighbours(self.n, self.src, self.dst)
        return self._attacked

    def attackers(self) -> list[list[int]]:
        """``attackers()[b]``: the arguments that attack ``b`` (cached)."""
        if self._attackers is None:
            self._attackers = _neighbours(self.n, self.dst, self.src)
        return self._attackers

    def attack_pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.src, self.dst, strict=True))

    def to_iccma(self) -> str:
        """The framework in the ICCMA 2023 format (arguments renumbered 1..n)."""
        lines = [f"p af {self.n}"]
        lines.extend(f"{a + 1} {b + 1}" for a, b in zip(self.src, self.dst, strict=True))
        return "\n".join(lines) + "\n"

    def to_apx(self) -> str:
        """The framework as ASPARTIX facts (names must be plain constants or numbers)."""
        names = self.all_names()
        lines = [f"arg({_apx_term(name)})." for name in names]
        lines.extend(
            f"att({_apx_term(names[a])},{_apx_term(names[b])})." for a, b in zip(self.src, self.dst, strict=True)
        )
        return "\n".join(lines) + "\n"


def _neighbours(n: int, sources: Sequence[int], targets: Sequence[int]) -> list[list[int]]:
    """For each of ``n`` arguments, the targets of the pairs it is the source of."""
    out: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(sources, targets, strict=True):
        out[a].append(b)
    return out


def _apx_term(name: str) -> str:
    if re.fullmatch(r"[a-z][A-Za-z0-9_]*|[0-9]+", name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# -- readers ------------------------------------------------------------------------

_ICCMA_FAST = re.compile(
    rb"[ \t]*p[ \t]+af[ \t]+\d+[ \t]*\r?\n"  # the header
    rb"(?:[ \t]*\d+[ \t]+\d+[ \t]*\r?\n)*"  # attack lines
    rb"(?:[ \t]*\d+[ \t]+\d+[ \t]*)?"  # a last line without a newline
)


MAX_ARGUMENTS = 10_000_000
"""The most arguments an ICCMA header may declare (AF005): every argument costs memory
and time even when nothing attacks it, and a typing slip such as ``p af 10000000000``
would otherwise leave argmap working for hours instead of saying what is wrong."""

_MAX_DIGITS = 18
"""Numbers longer than this are out of every range, and are not turned into ints (Python
refuses to convert more than 4,300 digits at all)."""


def _shortened(number: str) -> str:
    return number if len(number) <= 24 else f"{number[:12]}…({len(number)} digits)"


def read_framework(path: str | Path) -> tuple[ArgumentationFramework, list[Diagnostic]]:
    """Read a framework file, choosing the format by its ending (``.af``/``.i23``,
    ``.apx``, ``.tgf``).  Never raises: unreadable files give an AF000 error."""
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return ArgumentationFramework(0), [AF000(f"cannot read {name}: {reason}")]
    suffix = path.suffix.lower()
    if suffix == ".apx":
        return parse_apx(data.decode("utf-8", "replace"), name)
    if suffix == ".tgf":
        return parse_tgf(data.decode("utf-8", "replace"), name)
    return parse_iccma(data, name)


def parse_iccma(data: bytes | str, name: str = "<text>") -> tuple[ArgumentationFramework, list[Diagnostic]]:
    """Parse the ICCMA 2023 format: ``p af N``, then ``i j`` lines (1-based), ``#`` comments.

    Well-formed files without comments take a fast path (a check of the file's shape,
    then all numbers read at once); anything else is read line by line with a diagnostic, and a
    ``file:line`` span, for each bad line (which is then skipped)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    numbers: list[int] | None = None
    n = 0
    if _is_canonical_iccma(raw):
        header, _, body = raw.partition(b"\n")
        n = int(header[5:]) if len(header) <= 5 + _MAX_DIGITS else MAX_ARGUMENTS + 1
        # Single spaces and newlines between plain integers: as a JSON array the C parser
        # reads them about 40% quicker than int() on each token of a split.
        try:
            numbers = json.loads(b"[" + body.replace(b" ", b",").replace(b"\n", b",").rstrip(b",") + b"]")
        except ValueError:  # e.g. a leading zero, which JSON does not allow
            numbers = None
    if numbers is None and _ICCMA_FAST.fullmatch(raw):
        tokens = raw.split()
        if max(map(len, tokens)) <= _MAX_DIGITS:  # else the line-by-line reader names the number
            n = int(tokens[2])
            numbers = list(map(int, tokens[3:]))
    if n > MAX_ARGUMENTS:
        numbers = None  # the line-by-line reader reports the header
    in_range = numbers is not None and (not numbers or (min(numbers) >= 1 and max(numbers) <= n))
    if numbers is not None and len(numbers) % 2 == 0 and in_range:
        src = [a - 1 for a in numbers[0::2]]
        dst = [b - 1 for b in numbers[1::2]]
        return ArgumentationFramework(n, src, dst), []
    return _parse_iccma_lines(raw.decode("utf-8", "replace"), name)


def _is_canonical_iccma(raw: bytes) -> bool:
    """True for ``p af N`` and ``i j`` lines with single spaces and no comments: with the
    digits deleted, such a file is ``p af `` and then one space per line.  Two C-level
    passes over the bytes, about 40 times quicker than the regular expression."""
    if not raw.startswith(b"p af ") or not raw[5:6].isdigit():
        return False
    ends_with_newline = raw.endswith(b"\n")
    lines = raw.count(b"\n") + (0 if ends_with_newline else 1)
    skeleton = b"p af " + b"\n " * (lines - 1) + (b"\n" if ends_with_newline else b"")
    return raw.translate(None, b"0123456789") == skeleton


def _parse_iccma_lines(text: str, name: str) -> tuple[ArgumentationFramework, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    n: int | None = None
    src: list[int] = []
    dst: list[int] = []

    def report(rule: Rule, lineno: int, line: str, message: str, hint: str | None = None) -> None:
        diagnostics.append(rule(message, Span(name, lineno, 1, lineno, max(1, len(line))), hint))

    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = stripped.split()
        if n is None:
            if len(parts) == 3 and parts[0] == "p" and parts[1] == "af" and parts[2].isdigit():
                n = int(parts[2]) if len(parts[2]) <= _MAX_DIGITS else MAX_ARGUMENTS + 1
                if n > MAX_ARGUMENTS:
                    report(
                        AF005,
                        lineno,
                        line,
                        f"the header declares {_shortened(parts[2])} arguments; argmap reads at most {MAX_ARGUMENTS:,}",
                    )
                    return ArgumentationFramework(0), diagnostics
            else:
                report(
                    AF001,
                    lineno,
                    line,
                    f"expected the header 'p af N', found '{stripped[:40]}'",
                    "an ICCMA 2023 framework starts with 'p af' and the number of arguments",
                )
                return ArgumentationFramework(0), diagnostics
            continue
        if parts[0] == "p":
            report(AF002, lineno, line, "a second 'p af' header")
            continue
        if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()):
            report(AF003, lineno, line, f"expected an attack 'i j', found '{stripped[:40]}'")
            continue
        a = int(parts[0]) if len(parts[0]) <= _MAX_DIGITS else 0
        b = int(parts[1]) if len(parts[1]) <= _MAX_DIGITS else 0
        if not (1 <= a <= n and 1 <= b <= n):
            report(
                AF004,
                lineno,
                line,
                f"attack '{_shortened(parts[0])} {_shortened(parts[1])}' names an argument outside 1..{n}",
            )
            continue
        src.append(a - 1)
        dst.append(b - 1)
    if n is None:
        diagnostics.append(
            AF001(
                f"{name}: no 'p af N' header",
                None,
                "an ICCMA 2023 framework starts with 'p af' and the number of arguments",
            )
        )
        return ArgumentationFramework(0), diagnostics
    return ArgumentationFramework(n, src, dst), diagnostics


_APX_TERM = r"(\"(?:[^\"\\]|\\.)*\"|[^,()\s\"]+)"
_APX_FACT = re.compile(rf"\s*(arg|att)\s*\(\s*{_APX_TERM}\s*(?:,\s*{_APX_TERM}\s*)?\)\s*\.")


def parse_apx(text: str, name: str = "<text>") -> tuple[ArgumentationFramework, list[Diagnostic]]:
    """Parse ASPARTIX facts ``arg(a).`` / ``att(a,b).`` (several per line allowed, ``%`` comments).

    An attack may name an argument declared later; one naming an argument never
    declared is reported (AF013) and the argument is added, as ASPARTIX would."""
    diagnostics: list[Diagnostic] = []
    index: dict[str, int] = {}
    names: list[str] = []
    pending: list[tuple[str, str, Span]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        body = line
        pos = 0
        while True:
            while pos < len(body) and body[pos].isspace():
                pos += 1
            if pos >= len(body) or body[pos] == "%":
                break
            match = _APX_FACT.match(body, pos)
            if match is None:
                span = Span(name, lineno, pos + 1, lineno, max(pos + 1, len(line)))
                diagnostics.append(AF011(f"expected 'arg(a).' or 'att(a,b).', found '{body[pos : pos + 40]}'", span))
                break
            kind, first, second = match.group(1), _unquote(match.group(2)), match.group(3)
            span = Span(name, lineno, match.start() + 1, lineno, match.end())
            if kind == "arg":
                if second is not None:
                    diagnostics.append(AF012("arg/1 takes one argument", span))
                elif first not in index:
                    index[first] = len(names)
                    names.append(first)
            elif second is None:
                diagnostics.append(AF012("att/2 takes two arguments", span))
            else:
                pending.append((first, _unquote(second), span))
            pos = match.end()
    src: list[int] = []
    dst: list[int] = []
    for a, b, span in pending:
        for arg in (a, b):
            if arg not in index:
                diagnostics.append(
                    AF013(f"attack names '{arg}', which no arg/1 fact declares", span, f"add 'arg({arg}).'")
                )
                index[arg] = len(names)
                names.append(arg)
        src.append(index[a])
        dst.append(index[b])
    return ArgumentationFramework(len(names), src, dst, names), diagnostics


def _unquote(term: str) -> str:
    if len(term) >= 2 and term[0] == '"' and term[-1] == '"':
        return term[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return term


def parse_tgf(text: str, name: str = "<text>") -> tuple[ArgumentationFramework, list[Diagnostic]]:
    """Parse Trivial Graph Format: one argument name per line, ``#``, then ``a b`` attack lines."""
    diagnostics: list[Diagnostic] = []
    index: dict[str, int] = {}
    names: list[str] = []
    src: list[int] = []
    dst: list[int] = []
    in_edges = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "#":
            in_edges = True
            continue
        span = Span(name, lineno, 1, lineno, max(1, len(line)))
        if not in_edges:
            if parts[0] not in index:
                index[parts[0]] = len(names)
                names.append(parts[0])
            continue
        if len(parts) < 2:
            diagnostics.append(AF021(f"expected an attack 'a b', found '{line[:40]}'", span))
            continue
        unknown = [p for p in parts[:2] if p not in index]
        if unknown:
            diagnostics.append(AF022(f"attack names undeclared argument '{unknown[0]}'", span))
            continue
        src.append(index[parts[0]])
        dst.append(index[parts[1]])
    return ArgumentationFramework(len(names), src, dst, names), diagnostics
