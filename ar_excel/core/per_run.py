"""Work the jobs of one run share: built once, by the first job that asks for it.

A month-end run asks several jobs the same question of the same book: credit, reconcile,
aging and collections each age the ledger on the same date; validate and credit each look
for the master's duplicate records. Inside ``shared_work()`` (the runner opens it around a
run) the answer is worked out once; outside it, every call works it out afresh, so a job
run on its own is unchanged.

The inputs are taken as they are while the block lasts: who changes a book's frames in
place inside it gets the answer of before.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterator
from typing import TypeVar

T = TypeVar("T")

_SHARED: contextvars.ContextVar[dict | None] = contextvars.ContextVar("per_run", default=None)


@contextlib.contextmanager
def shared_work() -> Iterator[None]:
    """Within this block, ``once_per_run`` of the same inputs works its answer out once."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def sharing() -> bool:
    """Whether a ``shared_work()`` block is open."""
    return _SHARED.get() is not None


def once_per_run(question: Hashable, inputs: tuple[object, ...], work: Callable[[], T]) -> T:
    """``work()``, the answer to ``question`` about these very ``inputs`` (compared by
    identity), worked out once inside ``shared_work()``. The caller must not change it."""
    shared = _SHARED.get()
    if shared is None:
        return work()
    key = (question, *map(id, inputs))
    hit = shared.get(key)
    # the inputs are held with the answer, so their ids cannot be reused by others meanwhile
    if hit is None or any(a is not b for a, b in zip(hit[0], inputs, strict=True)):
        hit = shared[key] = (inputs, work())
    return hit[1]
