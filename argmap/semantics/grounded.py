"""The grounded labelling in O(n + m), by a queue over attacker counts.

``count[a]`` is the number of attackers of ``a`` not yet labelled OUT.  An argument
whose count reaches zero is IN; everything an IN argument attacks is OUT, and each
OUT argument lowers the counts of the arguments it attacks.  Every argument enters
the queue at most once and every attack is looked at most twice, so the cost is
linear in arguments plus attacks; there is no recursion, so depth is no limit.
What is left unlabelled when the queue runs dry is UNDEC.  The result is the
grounded labelling (the least fixpoint of the characteristic function): an
argument is only labelled IN once all its attackers are OUT, and only labelled OUT
once an IN argument attacks it.
"""

from __future__ import annotations

from collections.abc import Collection

from argmap._gc import paused_gc
from argmap.semantics.framework import ArgumentationFramework

UNDEC = 0
IN = 1
OUT = 2
"""Labels as small integers in a ``bytearray``, one byte per argument."""


def grounded_labelling(
    af: ArgumentationFramework, reject: Collection[int] = (), accept: Collection[int] = ()
) -> bytearray:
    """The grounded labelling: ``result[a]`` is :data:`IN`, :data:`OUT` or :data:`UNDEC`.

    ``reject`` and ``accept`` evaluate a modified framework without building it:
    a rejected argument behaves as if an unattacked argument attacked it (it starts
    OUT), an accepted one as if it had no attackers (it starts IN and nothing makes
    it OUT).  They must not overlap."""
    with paused_gc():
        return _label(af, reject, accept)


def _label(af: ArgumentationFramework, reject: Collection[int], accept: Collection[int]) -> bytearray:
    n = af.n
    attacked = af.attacked()
    count = [0] * n
    for b in af.dst:
        count[b] += 1
    label = bytearray(n)
    for a in accept:
        count[a] = 0
    reject = set(reject)
    for a in reject:
        label[a] = OUT
    queue = [a for a in range(n) if count[a] == 0 and label[a] == UNDEC]
    for a in queue:
        label[a] = IN
    for b in reject:
        for c in attacked[b]:
            count[c] -= 1
            if count[c] == 0 and label[c] == UNDEC:
                label[c] = IN
                queue.append(c)
    fixed = frozenset(accept)
    # ``queue`` grows while we walk it: a list used as a FIFO without popping.
    for a in queue:
        for b in attacked[a]:
            if label[b] != OUT and (not fixed or b not in fixed):
                label[b] = OUT
                for c in attacked[b]:
                    count[c] -= 1
                    if count[c] == 0 and label[c] == UNDEC:
                        label[c] = IN
                        queue.append(c)
    return label
