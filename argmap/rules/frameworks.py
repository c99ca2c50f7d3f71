"""Framework rules (AF0xx): what the readers of abstract argumentation frameworks report
(``argmap eval FILE`` on an ICCMA ``.af``/``.i23``, ASPARTIX ``.apx`` or ``.tgf`` file)."""

from __future__ import annotations

from argmap.diagnostics import Severity
from argmap.rules.registry import reported

AF000 = reported(
    "AF000",
    "unreadable-framework",
    Severity.ERROR,
    """The framework file could not be read at all.

    The path does not exist, is a directory, or cannot be opened.  Nothing is evaluated.""",
)
AF001 = reported(
    "AF001",
    "missing-iccma-header",
    Severity.ERROR,
    """An ICCMA file does not start with the header `p af N`.

    The ICCMA 2023 format declares the number of arguments first (`p af 5`); blank
    lines and `#` comments may come before it.  Without the header nothing is read.""",
)
AF002 = reported(
    "AF002",
    "second-iccma-header",
    Severity.ERROR,
    """An ICCMA file has a second `p af` header.

    The line is skipped; the first header decides the number of arguments.""",
)
AF003 = reported(
    "AF003",
    "bad-iccma-attack",
    Severity.ERROR,
    """A line of an ICCMA file is not an attack `i j` of two argument numbers.

    After the header every line that is not blank or a `#` comment names an attack
    by two 1-based argument numbers.  The line is skipped.""",
)
AF004 = reported(
    "AF004",
    "iccma-argument-out-of-range",
    Severity.ERROR,
    """An ICCMA attack names an argument number outside 1..N, where N is the header's count.

    The attack is skipped.  Check the header's count, or the numbers (they are 1-based).""",
)
AF005 = reported(
    "AF005",
    "too-many-arguments",
    Severity.ERROR,
    """An ICCMA header declares more arguments than argmap reads (the message says the limit).

    Every argument costs memory and time even when nothing attacks it, so a slip such
    as an extra zero in `p af N` would otherwise keep argmap busy for hours.  Nothing
    is read.""",
)
AF011 = reported(
    "AF011",
    "bad-apx-fact",
    Severity.ERROR,
    """A line of an ASPARTIX file holds something other than `arg(a).` and `att(a,b).` facts.

    Several facts may share a line, and `%` starts a comment.  The rest of the line is
    skipped.""",
)
AF012 = reported(
    "AF012",
    "wrong-apx-arity",
    Severity.ERROR,
    """An ASPARTIX fact has the wrong number of terms: `arg` takes one, `att` two.

    The fact is skipped.""",
)
AF013 = reported(
    "AF013",
    "undeclared-apx-argument",
    Severity.WARNING,
    """An ASPARTIX attack names an argument that no `arg/1` fact declares.

    The argument is added, as ASPARTIX itself would do; add the `arg(...)` fact to
    make it explicit.""",
)
AF021 = reported(
    "AF021",
    "bad-tgf-attack",
    Severity.ERROR,
    """A line after the `#` of a Trivial Graph Format file is not an attack `a b`.

    The line is skipped.""",
)
AF022 = reported(
    "AF022",
    "undeclared-tgf-argument",
    Severity.ERROR,
    """A TGF attack names an argument that is not declared above the `#` line.

    The attack is skipped: in TGF every node is listed, one per line, before the `#`.""",
)
