"""Small pieces of English that every view and message shares."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 claim``, ``3 claims``, ``1,204 claims``.

    >>> plural(1, "claim"), plural(3, "claim"), plural(2, "premise"), plural(2, "analysis", "analyses")
    ('1 claim', '3 claims', '2 premises', '2 analyses')
    """
    return f"{n:,} {word if n == 1 else many or word + 's'}"
