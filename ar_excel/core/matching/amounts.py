"""Which open invoices a receipt pays, from amounts alone.

A customer who pays several invoices in one transfer sends their sum; one who pays late
pays the oldest first. Given the customer's open amounts (integers: cents, or thousandths
where a currency counts in fils; oldest first) the
receipt is explained by a *subset* whose sum equals it, or falls short of it by no more than
the policy's fee tolerance (bank charges, early-payment discount). The search is bounded:
at most ``MAX_ITEMS`` oldest items, meet-in-the-middle over two halves of at most 2^12 sums
each, so one receipt costs a few thousand array operations whatever the ledger's size. The
sums of a list of amounts are prepared once (a customer's oldest invoices meet many
receipts), only the left sums that can reach the range are searched, and a list of a few
amounts is simply enumerated.

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
DENSITY_WINDOW = 5_000  # cents (50.00) either side of the target used to measure the density


@dataclass(frozen=True)
class Subsets:
    count: int = 0  # subsets whose sum lies in the range
    found: tuple[tuple[int, ...], ...] = ()  # the best few, as indices
    chance: float = 0.0  # expected number of subsets landing in the range by coincidence


# Up to this many items every subset is listed in turn: quicker than arrays for the few open
# invoices most customers have, and the same answer (fewer than 64 subsets: none is cut off).
_LISTED_UP_TO = 5
_FOUND_ENOUGH = 64  # subsets gathered before ranking; the search stops after the first row past it


def _sums(values: tuple[int, ...]) -> np.ndarray:
    """The sums of all subsets of ``values``; the subset of sum ``k`` has the bit mask ``k``."""
    sums = np.zeros(1 << len(values), dtype=np.int64)
    for i, v in enumerate(values):
        sums[1 << i: 2 << i] = sums[: 1 << i] + v
    return sums


def find_subsets(values: list[int], low: int, high: int, limit: int = 3,
                 grain: int = 1, window: int = DENSITY_WINDOW) -> Subsets:
    """Non-empty subsets of ``values`` whose sum lies in [low, high], nearest ``high`` first
    (then fewest and oldest items). ``grain``: the units in the minor unit of the amounts'
    currency (the step the chance is counted in: 10 for a cent counted in thousandths);
    ``window``: the units either side of the range where the density is measured."""
    return _find_subsets(tuple(values[:MAX_ITEMS]), low, high, limit, grain, window)


@lru_cache(maxsize=65_536)
def _find_subsets(values: tuple[int, ...], low: int, high: int, limit: int,
                  grain: int = 1, window: int = DENSITY_WINDOW) -> Subsets:
    # Pure: the same open amounts and range give the same answer, so a re-run of a rule over
    # a ledger that has not changed for this customer costs a dictionary look-up.
    if not values or high <= 0:
        return Subsets()
    if len(values) <= _LISTED_UP_TO and low <= high:
        return _listed(values, low, high, limit, grain, window)
    return _meet_in_the_middle(values, low, high, limit, grain, window)


def _rank(values: tuple[int, ...], high: int, item: tuple[int, int]) -> tuple[int, int, list[int]]:
    s, mask = item
    idx = [k for k in range(len(values)) if mask >> k & 1]
    return (high - s, len(idx), idx)


def _best(values: tuple[int, ...], high: int, found: list[tuple[int, int]],
          limit: int) -> tuple[tuple[int, ...], ...]:
    found.sort(key=lambda item: _rank(values, high, item))
    return tuple(tuple(k for k in range(len(values)) if mask >> k & 1)
                 for _, mask in found[:limit])


def _chance(near: int, total: int, low: int, high: int, grain: int, window: int) -> float:
    # the sums near the target per minor unit, times the minor units in [low, high]
    if grain == 1:
        return max(near - total, 0) / (2 * window) * (high - low + 1)
    units = high // grain + (-low // grain) + 1
    return max(near - total, 0) / (2 * window / grain) * units


def _listed(values: tuple[int, ...], low: int, high: int, limit: int, grain: int,
            window: int) -> Subsets:
    sums = [0] * (1 << len(values))
    found: list[tuple[int, int]] = []
    near = 0
    for mask in range(1, len(sums)):
        lowest = mask & -mask
        s = sums[mask] = sums[mask ^ lowest] + values[lowest.bit_length() - 1]
        if low - window <= s <= high + window:
            near += 1
            if low <= s <= high:
                found.append((s, mask))
    total = len(found)
    chance = _chance(near, total, low, high, grain, window)
    if total <= 0:
        return Subsets(0, (), chance)
    return Subsets(total, _best(values, high, found, limit), chance)


@dataclass(frozen=True)
class _Halves:
    """The subset sums of both halves of a list of amounts, prepared once per list: a
    customer's oldest open invoices are searched for many receipts."""

    half: int
    left: np.ndarray  # left sums by mask
    right: np.ndarray  # right sums, ascending (equal sums by mask)
    right_masks: np.ndarray  # their masks

    def pairs(self, lo_: int, hi_: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
        """How many non-empty subsets sum into [lo_, hi_] (``lo_ <= hi_``); and for the left
        masks that can reach the range (ascending) the range of right sums completing them."""
        # A left sum too large or too small for any right sum to complete contributes nothing.
        rows = np.flatnonzero((self.left >= lo_ - self.right[-1]) & (self.left <= hi_ - self.right[0]))
        sums = self.left[rows]
        lo = np.searchsorted(self.right, lo_ - sums, "left")
        hi = np.searchsorted(self.right, hi_ - sums, "right")
        n = int((hi - lo).sum()) - (1 if lo_ <= 0 <= hi_ else 0)
        return n, rows, lo, hi


_MASK_BITS = 12  # a half has at most MAX_ITEMS // 2 items


# A prepared list holds some 100 KB (three arrays of 4,096 sums): the last few hundred are kept,
# which is where a customer's next receipt finds them.
@lru_cache(maxsize=512)
def _halves(values: tuple[int, ...]) -> _Halves:
    half = len(values) // 2
    left = _sums(values[:half])
    right = _sums(values[half:])
    if np.abs(right).max() < 1 << 50:
        # Sum and mask in one integer: an unstable sort of it is the stable sort by sum.
        keyed = np.sort(right * (1 << _MASK_BITS) + np.arange(len(right)))
        masks, right = keyed & ((1 << _MASK_BITS) - 1), keyed >> _MASK_BITS
    else:
        masks = np.argsort(right, kind="stable")
        right = right[masks]
    return _Halves(half, left, right, masks)


def _meet_in_the_middle(values: tuple[int, ...], low: int, high: int, limit: int,
                        grain: int, window: int) -> Subsets:
    if low > high:
        return _meet_in_the_middle_unpruned(values, low, high, limit, grain, window)
    h = _halves(values)
    total, rows, lo, hi = h.pairs(low, high)
    near = h.pairs(low - window, high + window)[0]
    chance = _chance(near, total, low, high, grain, window)
    if total <= 0:
        return Subsets(0, (), chance)
    found: list[tuple[int, int]] = []
    for k in np.nonzero(hi - lo)[0]:
        i = int(rows[k])
        for j in range(int(lo[k]), int(hi[k])):
            mask = i | (int(h.right_masks[j]) << h.half)
            if mask:
                found.append((int(h.left[i] + h.right[j]), mask))
        if len(found) >= _FOUND_ENOUGH:
            break
    return Subsets(total, _best(values, high, found, limit), chance)


def _meet_in_the_middle_unpruned(values: tuple[int, ...], low: int, high: int,
                                 limit: int, grain: int, window: int) -> Subsets:
    """An empty range (``low > high``), counted the way the search always has."""
    half = len(values) // 2
    left_sums = _sums(values[:half])
    right_sums = _sums(values[half:])
    order = np.argsort(right_sums, kind="stable")
    right_sums = right_sums[order]

    def count(lo_: int, hi_: int) -> int:
        lo = np.searchsorted(right_sums, lo_ - left_sums, "left")
        hi = np.searchsorted(right_sums, hi_ - left_sums, "right")
        return int((hi - lo).sum()) - (1 if lo_ <= 0 <= hi_ else 0)

    # No subset sums into an empty range; the chance keeps the sign it has always had.
    total = count(low, high)
    near = count(low - window, high + window)
    return Subsets(0, (), _chance(near, total, low, high, grain, window))
