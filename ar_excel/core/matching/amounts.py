"""Which open invoices a receipt pays, from amounts alone.

A customer who pays several invoices in one transfer sends their sum; one who pays late
pays the oldest first. Given the customer's open amounts (in cents, oldest first) the
receipt is explained by a *subset* whose sum equals it, or falls short of it by no more than
the policy's fee tolerance (bank charges, early-payment discount). The search is bounded:
at most ``MAX_ITEMS`` oldest items, meet-in-the-middle over two halves of at most 2^12 sums
each, so one receipt costs a few thousand array operations whatever the ledger's size.

A unique subset is not proof on its own: with many open items, *some* subset hits almost any
amount by chance. ``Subsets.chance`` estimates how many subsets would fall on the target by
coincidence (the density of subset sums around it); only a unique subset with a small
chance is certain.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

MAX_ITEMS = 24
DENSITY_WINDOW = 5_000  # cents either side of the target used to measure the density


@dataclass(frozen=True)
class Subsets:
    count: int = 0  # subsets whose sum lies in the range
    found: tuple[tuple[int, ...], ...] = ()  # the best few, as indices
    chance: float = 0.0  # expected number of subsets landing in the range by coincidence


def _sums(values: list[int]) -> tuple[np.ndarray, np.ndarray]:
    sums = np.zeros(1, dtype=np.int64)
    masks = np.zeros(1, dtype=np.int64)
    for i, v in enumerate(values):
        sums = np.concatenate([sums, sums + v])
        masks = np.concatenate([masks, masks | (1 << i)])
    return sums, masks


def find_subsets(values: list[int], low: int, high: int, limit: int = 3) -> Subsets:
    """Non-empty subsets of ``values`` (cents) whose sum lies in [low, high], nearest ``high``
    first (then fewest and oldest items)."""
    return _find_subsets(tuple(values[:MAX_ITEMS]), low, high, limit)


@lru_cache(maxsize=65_536)
def _find_subsets(values: tuple[int, ...], low: int, high: int, limit: int) -> Subsets:
    # Pure: the same open amounts and range give the same answer, so a re-run of a rule over
    # a ledger that has not changed for this customer costs a dictionary look-up.
    if not values or high <= 0:
        return Subsets()
    half = len(values) // 2
    left_sums, left_masks = _sums(values[:half])
    right_sums, right_masks = _sums(values[half:])
    order = np.argsort(right_sums, kind="stable")
    right_sums, right_masks = right_sums[order], right_masks[order]

    def count(lo_: int, hi_: int) -> tuple[int, np.ndarray, np.ndarray]:
        lo = np.searchsorted(right_sums, lo_ - left_sums, "left")
        hi = np.searchsorted(right_sums, hi_ - left_sums, "right")
        n = int((hi - lo).sum()) - (1 if lo_ <= 0 <= hi_ else 0)
        return n, lo, hi

    total, lo, hi = count(low, high)
    near, _, _ = count(low - DENSITY_WINDOW, high + DENSITY_WINDOW)
    width = high - low + 1
    chance = max(near - total, 0) / (2 * DENSITY_WINDOW) * width
    if total <= 0:
        return Subsets(0, (), chance)
    found: list[tuple[int, int]] = []
    for i in np.nonzero(hi - lo)[0]:
        for j in range(int(lo[i]), int(hi[i])):
            mask = int(left_masks[i]) | (int(right_masks[j]) << half)
            if mask:
                found.append((int(left_sums[i] + right_sums[j]), mask))
        if len(found) >= 64:
            break

    def rank(item: tuple[int, int]) -> tuple[int, int, list[int]]:
        s, mask = item
        idx = [k for k in range(len(values)) if mask >> k & 1]
        return (high - s, len(idx), idx)

    found.sort(key=rank)
    subsets = tuple(tuple(k for k in range(len(values)) if mask >> k & 1)
                    for _, mask in found[:limit])
    return Subsets(total, subsets, chance)
