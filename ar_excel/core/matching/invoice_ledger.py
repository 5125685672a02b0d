"""The open-invoice ledger of a matching run: what each invoice still has open.

Accounting rule: a receipt can pay only an invoice still open, in the receipt's currency and
issued by the receipt's date; every allocation (applied, written off or withheld) is taken off
the invoice's open amount at once, so no invoice is ever applied beyond what it owes and a later
rule sees the ledger as the earlier ones left it. Invoices are taken oldest due date first.
A short payment's residue within the fee tolerance is what accountants write off, not what
customers pay.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from ar_excel.core.matching.minor_units import CENTS, amounts_in_units, grain, unit_of, units
from ar_excel.policy import Policy
from ar_excel.schema import ORDER_REFERENCES

_NO_DAY = np.iinfo(np.int64).min  # an invoice without a date is issued by any date


def day_numbers(values: pd.Series) -> list[int | None]:
    """Dates as whole days since 1970 (None where blank)."""
    d = pd.to_datetime(values).to_numpy().astype("datetime64[D]")
    ints = d.astype(np.int64).tolist()
    return [None if na else i for i, na in zip(ints, np.isnat(d), strict=True)]


# A customer with at least this many invoices is filtered with arrays (one customer of the
# benchmark ledger has 9,715 open); for the few most customers have, a Python loop is quicker.
VECTOR_FROM = 64


class Positions(list):
    """Invoice positions (a list), with the same positions as an array when a long ledger's
    were filtered with arrays, so the next filter needs no conversion."""

    array: np.ndarray | None = None


def _positions(array: np.ndarray) -> Positions:
    out = Positions(array.tolist())
    out.array = array
    return out


class OpenInvoices:
    """The open invoices with the amount still open after this run's allocations."""

    def __init__(self, invoices: pd.DataFrame, policy: Policy | None = None,
                 unit: int | None = None) -> None:
        inv = invoices.reset_index(drop=True)
        n = len(inv)
        self.policy = policy if policy is not None else Policy()
        self.number: list[str] = [str(x) for x in inv["Invoice No"]]
        self.customer: list[str] = [str(x) for x in inv["Customer ID"]]
        self.currency: list[str] = [("" if not isinstance(c, str) else c.upper())
                                    for c in inv["Currency"]] if "Currency" in inv else [""] * n
        # Invoice dates as day numbers: comparing ints is what the inner loops can afford.
        self.day: list[int | None] = day_numbers(inv["Date"]) if "Date" in inv else [None] * n
        due = inv["Due Date"] if "Due Date" in inv else inv.get("Date")
        self.due = pd.to_datetime(due).to_numpy()
        # The run's unit (``unit_of``), the units of a cent, a whole and a round ten, and each
        # invoice's minor unit (None where every invoice counts in cents: the usual book).
        self.unit = unit_of(self.currency) if unit is None else unit
        self.cent = self.unit // CENTS
        self.whole, self.tens = self.unit, 10 * self.unit
        # as round as 1,000.00, 100.00, 10.00, 1.00, 0.01 (and 0.001 in thousandths)
        self._roundness = tuple(sorted({1_000 * self.unit, 100 * self.unit, 10 * self.unit,
                                        self.unit, self.cent, 1}, reverse=True))
        grains = {c: grain(c, self.unit) for c in set(self.currency)}
        self.uniform = all(g == self.cent for g in grains.values())
        self._grain = None if self.uniform else np.array([grains[c] for c in self.currency],
                                                         dtype=np.int64)
        self.grain: list[int] = [self.cent] * n if self._grain is None else self._grain.tolist()
        # A line without a currency is in the ledger's finest minor unit (a KWD ledger's fils).
        self.blank_grain = min(grains.values(), default=self.cent)
        self.open: list[int] = amounts_in_units(inv["Open Amount"], self.unit, self._grain)
        self.original: list[int] = amounts_in_units(inv["Amount"] if "Amount" in inv else inv["Open Amount"],
                                          self.unit, self._grain)
        self.remaining: list[int] = list(self.open)
        # Per column (Customer PO, Payment Reference) where the list gives one: what each
        # invoice's customer may quote for it instead of its number (``order_references``).
        self.quoted: dict[str, list] = {c: inv[c].tolist() for c in ORDER_REFERENCES if c in inv}
        self._original = np.array(self.original, dtype=np.int64)
        self._round_sorted: dict[int, np.ndarray] | None = None
        self._tolerances: dict[int, int] = {}
        self._fine_tolerances: dict[tuple[int, int], int] = {}
        self.version: dict[str, int] = {}  # allocations booked per customer so far
        order: list[int] = np.lexsort((np.arange(n), self.due)).tolist() if n else []
        # Oldest due first, ties by position: a sort key that is one int (NaT due dates keep
        # the comparison of dates they have always had).
        self.rank: list[int] | None = None
        if not pd.isna(self.due).any():
            self.rank = [0] * n
            for k, pos in enumerate(order):
                self.rank[pos] = k
        by_customer: dict[str, list[int]] = defaultdict(list)
        by_amount: dict[int, list[int]] = defaultdict(list)
        by_customer_amount: dict[tuple[str, int], list[int]] = defaultdict(list)
        customer, opened = self.customer, self.open
        for pos in order:
            by_customer[customer[pos]].append(pos)
            by_amount[opened[pos]].append(pos)
            by_customer_amount[(customer[pos], opened[pos])].append(pos)
        self.by_customer = dict(by_customer)
        # Per customer: how many invoices are still open, and for how much in all.
        self._still_open: dict[str, int] = {}
        self._open_total: dict[str, int] = {}
        for c, ps in self.by_customer.items():
            owed = [opened[p] for p in ps if opened[p] > 0]
            self._still_open[c], self._open_total[c] = len(owed), sum(owed)
        self.by_amount = dict(by_amount)
        self._by_amount_array: dict[int, np.ndarray] = {}
        self._customer_facts: dict[str, tuple[str | None, int | None]] = {}
        self.by_customer_amount = dict(by_customer_amount)
        # The same facts as arrays, for customers with many invoices.
        self._remaining = np.array(self.open, dtype=np.int64)
        codes = {c: k for k, c in enumerate(sorted(set(self.currency) - {""}), start=1)}
        self._currency_codes = codes
        self._currency = np.array([codes.get(c, 0) for c in self.currency], dtype=np.int64)
        self._day = np.array([_NO_DAY if d is None else d for d in self.day], dtype=np.int64)
        self._by_customer_array = {c: np.array(p, dtype=np.int64)
                                   for c, p in self.by_customer.items() if len(p) >= VECTOR_FROM}

    def coincidence(self, amount: int) -> float:
        """How many open amounts a receipt of ``amount`` (units) would hit by chance: the
        density of open amounts around it, counted among amounts as round as it is (a round
        5,000.00 meets the many round invoices, 12,958.29 only those in the same cent)."""
        if self._round_sorted is None:
            opened = np.asarray(self.open, dtype=np.int64)
            self._round_sorted = {g: np.sort(opened[opened % g == 0]) for g in self._roundness}
        g = next(g for g in self._roundness if amount % g == 0)
        width = max(amount // (10 * self.cent) * self.cent, 100 * g)  # +-10 % (whole cents)
        amounts = self._round_sorted[g]
        near = int(np.searchsorted(amounts, amount + width, "right")
                   - np.searchsorted(amounts, amount - width, "left"))
        return max(near - 1, 0) / (2 * width / g)

    def book(self, pos: int, amount: int) -> None:
        """Take ``amount`` units (applied and written off) off the invoice's open amount."""
        self.remaining[pos] -= amount
        self._remaining[pos] -= amount
        customer = self.customer[pos]
        self.version[customer] = self.version.get(customer, 0) + 1
        before, after = self.remaining[pos] + amount, self.remaining[pos]
        if after <= 0 < before:
            self._still_open[customer] -= 1
        elif before <= 0 < after:  # (a booking taken back: ``Booking._sure_without_suggestions``)
            self._still_open[customer] = self._still_open.get(customer, 0) + 1
        self._open_total[customer] += max(after, 0) - max(before, 0)

    def has_open(self, customer: str) -> bool:
        """Whether any invoice of the customer is still open (in any currency, any date)."""
        return self._still_open.get(customer, 0) > 0

    def open_total(self, customer: str) -> int:
        """What the customer still owes on its open invoices (any currency, any date)."""
        return self._open_total.get(customer, 0)

    def use_policy(self, policy: Policy) -> None:
        """The policy whose fee tolerance applies (the matcher's)."""
        if policy is not self.policy:
            self.policy, self._tolerances, self._fine_tolerances = policy, {}, {}

    def tolerance(self, amount: int, grain: int | None = None) -> int:
        """The policy's fee tolerance (units, rounded to the minor unit of ``grain`` units;
        None: a cent) on an open amount of ``amount`` units."""
        if grain is not None and grain != self.cent:
            t = self._fine_tolerances.get((amount, grain))
            if t is None:
                t = self._fine_tolerances[(amount, grain)] = units(
                    self.policy.fee_tolerance(amount / self.unit), grain, self.unit)
            return t
        t = self._tolerances.get(amount)
        if t is None:
            t = self._tolerances[amount] = units(self.policy.fee_tolerance(amount / self.unit),
                                                 self.cent, self.unit)
        return t

    def grain_of(self, items: list[int]) -> int:
        """The finest minor unit of ``items``' currencies (units)."""
        if self.uniform or not items:
            return self.cent
        return min(self.grain[p] for p in items)

    def usable(self, pos: int, currency: str, day: int | None = None) -> bool:
        """Still open, in the line's currency, and issued by the line's date (``day``)."""
        if self.remaining[pos] <= 0:
            return False
        c = self.currency[pos]
        if currency and c and currency != c:
            return False
        d = self.day[pos]
        return day is None or d is None or d <= day

    def untouched_of_amount(self, amount: int, currency: str) -> list[int]:
        """The invoices whose open amount was ``amount`` (units) when the run began and still
        is, usable in ``currency`` (any date), in ``by_amount`` order. A round amount is open on
        hundreds of invoices: those are filtered with arrays."""
        positions = self.by_amount.get(amount, ())
        if len(positions) < VECTOR_FROM:
            # (``usable`` read in place: open for ``amount`` > 0, in the line's currency or in
            # none; asked for every receipt's amount, and a method call costs more than the test)
            if amount <= 0:
                return []
            remaining, currencies = self.remaining, self.currency
            if not currency:
                return [p for p in positions if remaining[p] == amount]
            return [p for p in positions if remaining[p] == amount
                    and not (currencies[p] and currencies[p] != currency)]
        array = self._by_amount_array.get(amount)
        if array is None:
            array = self._by_amount_array[amount] = np.array(positions, dtype=np.int64)
        keep = self._remaining[array] == amount
        if currency:
            codes = self._currency[array]
            keep &= (codes == 0) | (codes == self._currency_codes.get(currency, -1))
        return array[keep].tolist()

    def open_of(self, customer: str, currency: str, day: int | None) -> list[int]:
        """The customer's invoices still open, oldest due first."""
        positions = self.by_customer.get(customer, ())
        if len(positions) >= VECTOR_FROM:
            return self._open_of_many(customer, currency, day)
        remaining, currencies, days = self.remaining, self.currency, self.day
        facts = self._customer_facts.get(customer)
        if facts is None:
            facts = self._customer_facts[customer] = self._facts_of(positions)
        only, last = facts
        if (not currency or only == "" or only == currency) and (
                day is None or last is None or last <= day):
            # All its invoices are in the line's currency and issued by its date: only the
            # open amounts decide (the usual case, a test fewer per invoice).
            return [p for p in positions if remaining[p] > 0]
        return [p for p in positions
                if remaining[p] > 0
                and not (currency and currencies[p] and currencies[p] != currency)
                and (day is None or days[p] is None or days[p] <= day)]

    def _facts_of(self, positions: list[int]) -> tuple[str | None, int | None]:
        """(the one currency of these invoices: "" if none is given, None if several; the
        latest issue date, None if none is dated)."""
        given = {self.currency[p] for p in positions} - {""}
        days = [self.day[p] for p in positions if self.day[p] is not None]
        only = "" if not given else (next(iter(given)) if len(given) == 1 else None)
        return only, (max(days) if days else None)

    def _open_of_many(self, customer: str, currency: str, day: int | None) -> Positions:
        """``open_of`` with arrays (``usable``, one invoice after the other, is too slow)."""
        positions = self._by_customer_array[customer]
        keep = self._remaining[positions] > 0
        if currency:
            codes = self._currency[positions]
            keep &= (codes == 0) | (codes == self._currency_codes.get(currency, -1))
        if day is not None:
            keep &= self._day[positions] <= day
        return _positions(positions[keep])

    def _array(self, items: list[int]) -> np.ndarray:
        array = getattr(items, "array", None)
        return array if array is not None else np.fromiter(items, np.int64, len(items))

    def total(self, items: list[int]) -> int:
        """The amount still open on ``items`` (units)."""
        if len(items) < VECTOR_FROM:
            remaining = self.remaining
            return sum(remaining[p] for p in items)
        return int(self._remaining[self._array(items)].sum())

    def without(self, items: list[int], excluded: list[int]) -> list[int]:
        """``items`` less ``excluded``, in their order."""
        if len(items) < VECTOR_FROM:
            return [p for p in items if p not in excluded]
        array = self._array(items)
        return _positions(array[~np.isin(array, np.asarray(excluded, dtype=np.int64))])

    def with_remaining(self, items: list[int], amount: int) -> list[int]:
        """The ``items`` with exactly ``amount`` (units) still open, in their order."""
        if len(items) < VECTOR_FROM:
            remaining = self.remaining
            return [p for p in items if remaining[p] == amount]
        array = self._array(items)
        return _positions(array[self._remaining[array] == amount])

    def within_tolerance(self, items: list[int], amount: int) -> list[int]:
        """The ``items`` whose open amount a receipt of ``amount`` units falls short of
        by no more than the fee tolerance, in their order."""
        if len(items) >= VECTOR_FROM and type(self.policy).fee_tolerance is Policy.fee_tolerance:
            array = self._array(items)
            remaining = self._remaining[array]
            short = remaining - amount
            grains = None if self._grain is None else self._grain[array]
            return _positions(array[(short > 0)
                                    & (short <= self._tolerance_array(remaining, grains))])
        remaining, tolerance = self.remaining, self.tolerance
        if self.uniform:
            return [p for p in items if 0 < remaining[p] - amount <= tolerance(remaining[p])]
        grains = self.grain
        return [p for p in items
                if 0 < remaining[p] - amount <= tolerance(remaining[p], grains[p])]

    def _tolerance_array(self, amounts: np.ndarray, grains: np.ndarray | None = None
                         ) -> np.ndarray:
        """``tolerance`` of many amounts at once: ``Policy.fee_tolerance`` in units rounded to
        each minor unit (``grains``; None: a cent), computed with the same floating-point steps
        (rounding half to even like ``round``)."""
        p = self.policy
        money = np.maximum(p.fee_tolerance_abs,
                           np.abs(amounts / self.unit) * p.fee_tolerance_pct / 100.0)
        if grains is None:
            cents_ = np.rint(money * 100).astype(np.int64)
            return cents_ if self.cent == 1 else cents_ * self.cent
        return np.rint(money * (self.unit // grains)).astype(np.int64) * grains

    def with_amount(self, customer: str, amount: int, currency: str, day: int | None) -> list[int]:
        """The customer's open invoices whose open amount is exactly ``amount`` (units)."""
        same = self.by_customer_amount.get((customer, amount))
        if same is None:
            return []
        return [p for p in same if self.remaining[p] == amount and self.usable(p, currency, day)]

    def is_residue(self, pos: int) -> bool:
        """What is left open of an invoice short-paid within the fee tolerance: customers
        do not pay these, accountants write them off."""
        return self.original[pos] - self.remaining[pos] > 0 and \
            self.remaining[pos] <= self.tolerance(self.original[pos], self.grain[pos])

    def without_residues(self, items: list[int]) -> list[int]:
        """``items`` less the residues of short payments (``is_residue``), in their order."""
        if len(items) < VECTOR_FROM and not self.uniform:
            return [p for p in items if not self.is_residue(p)]
        if len(items) < VECTOR_FROM:
            original, remaining, tolerance = self.original, self.remaining, self.tolerance
            return [p for p in items
                    if not (original[p] - remaining[p] > 0 and remaining[p] <= tolerance(original[p]))]
        array = self._array(items)
        short_paid = array[self._original[array] - self._remaining[array] > 0]
        if type(self.policy).fee_tolerance is Policy.fee_tolerance:
            grains = None if self._grain is None else self._grain[short_paid]
            residues = short_paid[self._remaining[short_paid]
                                  <= self._tolerance_array(self._original[short_paid], grains)]
        else:
            residues = np.array([p for p in short_paid.tolist() if self.is_residue(p)],
                                dtype=np.int64)
        if not len(residues):
            return items
        return _positions(array[~np.isin(array, residues)])

    def by_due(self, items: list[int]) -> list[int]:
        """``items`` oldest due first (ties by position)."""
        if self.rank is not None:
            return sorted(items, key=self.rank.__getitem__)
        return sorted(items, key=lambda p: (self.due[p], p))
