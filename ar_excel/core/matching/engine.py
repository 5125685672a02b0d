"""Cash application: which open invoices each bank credit pays, most certain rule first.

The cascade (each allocation names its rule in ``Method`` and carries a ``Confidence``):

1. ``reference``      the narrative names the invoice(s) in full, in any formatting; the
                      amount settles them exactly (``multi-invoice`` for several), or falls
                      short within the fee tolerance (``fee-writeoff``: the gap is proposed
                      as a write-off), or short beyond it (``partial``), or over it
                      (``overpayment``: the excess goes to other open invoices of the
                      customer that make it exactly, or that it pays less a bank charge,
                      else stays ``on-account``; more than twice the invoices named is only
                      suggested without a known payer). Numeric parts the narrative writes
                      that make the amount exactly win over a full number that does not.
                      A bare 5-6 digit number or a date (``references``: sure / loose) is
                      certain only with the exact amount or the invoice's payer. When a number
                      one digit away names another invoice whose open amount *is* the receipt,
                      that reading wins if the payer agrees (``reference-fuzzy``), and
                      otherwise everything is only suggested;
   A numeric part the narrative calls an invoice (``INV 4557``, ``فاتورة رقم 3547``) names
                      it like a full number when exactly one open invoice ends with it; the
                      digit groups of an IBAN printed in the narrative never name an invoice;
2. ``reference``      only the invoice's numeric part (``123``) or its digits without zero
                      padding, confirmed by the amount, or by a payer name shared by several
                      customers of which only one has that number (a part payment or an
                      overpayment only when the number has 4+ digits, or is called an invoice
                      or is the reference field, and is no PO / cheque / phone number);
3. ``amount+payer``   no usable reference: the payer is known by account or name and one of
                      its open invoices has exactly the receipt's amount (a name that is
                      clearly another customer's paying what a look-alike owes is suggested:
                      a related company); ``multi-invoice``:
                      exactly one set of its open invoices makes it, and the ledger is not so
                      long that a set could make it by chance;
4. ``fee-writeoff``   as 3, short by a bank charge (the policy's absolute tolerance, not an
                      odd gap under a round receipt, which is a part payment; a
                      percentage gap without a reference only from a known account, for one
                      invoice, a receipt that is not round, and no exact explanation);
   ``withholding-tax`` (``withholding``) the invoice(s) named (stage 1), or one invoice or
                      set of the known payer's (before 4), paid less income tax withheld at
                      source at a policy rate of the total or of the amount before VAT (and
                      perhaps a bank charge, when named); the tax is a receivable, not a
                      write-off. Without a reference: certain only when that is the one reading
                      and no set makes the amount exactly;
5. ``amount-only``    payer unknown and no other payer named (a name the bank prints that is
                      no customer's is someone else paying: suggested), one open invoice has exactly
                      the amount, the amount is not round and open amounts around it are so
                      sparse that a coincidence is unlikely (< 2 %): matched; otherwise
   suggestions only   payer known but the amount is ambiguous, partial or over everything
                      open; a unique amount that is round or in a dense range.

``Matched`` is given only where the rule is certain (confidence >= 0.85); everything else is
``Suggested`` with its reason, or stays in ``Unmatched Bank`` with the reason and the best
candidates. Rules run over *all* lines one stage at a time, certain rules first and
suggestions only after them, against one ledger of remaining open amounts (integers: cents,
or thousandths where a currency of the run counts in fils; each amount first rounded to its
own currency's minor unit), so
a weaker rule never takes an invoice a stronger one needs, no invoice is applied beyond its
open amount and no receipt beyond its amount. The payer's name is read only for the lines a
full reference has not settled (it is the costly part), after the accounts learned from those
references have been added.

Inflows that are not customer receipts (interest, loans, own transfers, refunds...) are
never matched by amount or by name, and a refund or claim quoting an invoice number is only
suggested; debits are not AR. A credit that a later debit reverses (``reversals``) pays no
invoice. A bare 5-6 digit number or a date that is also an invoice's number names it only
when the amount or the payer agrees (``references``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ar_excel.core.matching.amounts import DENSITY_WINDOW, MAX_ITEMS, find_subsets
from ar_excel.core.matching.classify import cash_deposits, inflow_categories
from ar_excel.core.matching.normalize import (
    Joined,
    digit_runs,
    fold_text,
    invoice_mentions,
    one_digit_apart,
    other_numbers,
    without_accounts,
    without_amounts,
)
from ar_excel.core.matching.payers import (
    CERTAIN_NAME,
    Payer,
    PayerDirectory,
    printed_accounts,
)
from ar_excel.core.matching.recorded import (
    ADVICE_DAYS,
    CLEARING_DAYS,
    SUGGESTED_CONFIDENCE,
    pair_receipts,
    read_receipts,
    unbanked_frame,
)
from ar_excel.core.matching.references import NAMED_TAIL_LENGTH, InvoiceIndex
from ar_excel.core.matching.reversals import reversed_credits
from ar_excel.core.matching.withholding import Reading, bases, rates_for, tax_on
from ar_excel.core.money import decimals_of
from ar_excel.policy import Policy

MATCHED = 0.85  # confidence from which an allocation is applied automatically
# Sums of several invoices are tried for this many of the likeliest payer names only.
SUMS_FOR = 8
# Expected chance coincidences below which a unique open amount identifies the invoice alone.
AMOUNT_ONLY_CHANCE = 0.02


_HAS_DIGIT = re.compile(r"\d").search
# Amounts are counted in integers of one unit for every currency of a run: cents (``unit``
# 100), or thousandths (1,000) where some currency of the ledger or the statement counts in fils
# (KWD, BHD, OMR...). An amount is first rounded to its own currency's minor unit, which is
# ``grain`` units (in thousandths: 10 for EGP/SAR/USD, 1 for KWD, 1,000 for JPY).
CENTS, THOUSANDTHS = 100, 1_000


def unit_of(currencies: list) -> int:
    """The unit a run counts in: thousandths where a currency has three decimals, else cents."""
    return THOUSANDTHS if any(decimals_of(c) >= 3 for c in set(currencies)) else CENTS


def grain(currency: str | None, unit: int) -> int:
    """The units in the currency's minor unit (finer than the unit: one unit)."""
    return max(unit // 10 ** decimals_of(currency), 1)


def units(x: float, grain: int, unit: int) -> int:
    """An amount in units, rounded to the minor unit of ``grain`` units."""
    return int(round(float(x) * (unit // grain))) * grain


def cents(x: float) -> int:
    return int(round(float(x) * 100))


def _units(values: pd.Series, unit: int, grains: np.ndarray | None = None) -> list[int]:
    """Amounts in units, each rounded to its minor unit (``grains``; None: cents)."""
    v = pd.to_numeric(values, errors="coerce").fillna(0.0).to_numpy(float)
    if grains is None:
        cents_ = np.round(v * 100).astype(np.int64)
        return (cents_ if unit == CENTS else cents_ * (unit // CENTS)).tolist()
    return (np.round(v * (unit // grains)).astype(np.int64) * grains).tolist()


def money_text(amount: int, unit: int) -> str:
    """Units as an amount for a reason: 1,234.13, or 1,234.125 where it has a third decimal."""
    if unit == THOUSANDTHS and amount % 10:
        return f"{amount / unit:,.3f}"
    return f"{amount / unit:,.2f}"


_NO_DAY = np.iinfo(np.int64).min  # an invoice without a date is issued by any date


def _days(values: pd.Series) -> list[int | None]:
    """Dates as whole days since 1970 (None where blank)."""
    d = pd.to_datetime(values).to_numpy().astype("datetime64[D]")
    ints = d.astype(np.int64).tolist()
    return [None if na else i for i, na in zip(ints, np.isnat(d), strict=True)]


@dataclass(slots=True)
class Allocation:
    line: int
    invoice: int | None  # position in the invoice table; None = on account
    customer: str | None
    applied: int  # thousandths of the receipt applied
    writeoff: int = 0  # thousandths of the invoice proposed to write off (fees, discount)
    method: str = ""
    confidence: float = 0.0
    reason: str = ""
    # The invoice a receipt recorded in Payments names (``recorded``: it need not be open).
    invoice_no: str | None = None
    # Units of the invoice the customer withheld as income tax (``withholding``): settled by
    # the tax certificate, a receivable from the tax authority rather than a write-off.
    withheld: int = 0

    @property
    def status(self) -> str:
        return "Matched" if self.confidence >= MATCHED else "Suggested"


@dataclass(slots=True)
class LineFacts:
    """What is read from one bank line once, before any rule runs."""

    pos: int
    amount: int  # thousandths, > 0
    date: int | None  # the booking date in days since 1970
    currency: str
    strong: set[int]
    weak: set[int]
    payer: Payer | None
    category: str | None
    cash: bool
    remaining: int = 0
    runs: list[str] | None = None  # digit runs of 4+ digits, read when first needed
    numbers: str = ""  # the text without account numbers, where invoice numbers are read
    tries: list[tuple[str, float, str]] | None = None  # the payers to try, read for ``tries_of``
    tries_of: Payer | None = None
    # Strong hits that are not sure (``references``): a bare 5-6 digit number or a date that is
    # also an invoice's number names it only when the amount or the payer agrees.
    loose: frozenset[int] | set[int] = frozenset()
    grain: int = 1  # the units in the minor unit of the line's currency


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
        self.day: list[int | None] = _days(inv["Date"]) if "Date" in inv else [None] * n
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
        self.open: list[int] = _units(inv["Open Amount"], self.unit, self._grain)
        self.original: list[int] = _units(inv["Amount"] if "Amount" in inv else inv["Open Amount"],
                                          self.unit, self._grain)
        self.remaining: list[int] = list(self.open)
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
            remaining = self.remaining
            return [p for p in positions if remaining[p] == amount and self.usable(p, currency)]
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


class Matcher:
    def __init__(self, lines: pd.DataFrame, invoices: OpenInvoices, payers: PayerDirectory,
                 policy: Policy) -> None:
        self.lines = lines
        self.inv = invoices
        self.inv.use_policy(policy)
        self.payers = payers
        self.policy = policy
        self.index = InvoiceIndex(invoices.number)
        # the window around a target where the density of subset sums is measured (50.00)
        self._window = DENSITY_WINDOW * invoices.cent
        self.allocations: list[Allocation] = []
        self.facts: dict[int, LineFacts] = {}
        self.settled_refs: dict[int, list[str]] = defaultdict(list)
        self.reversed: dict[int, int] = {}  # credit position -> the debit reversing it
        self._memo: dict[tuple, tuple[int, object]] = {}
        self._tries: dict[tuple[int, bool], tuple[Payer | None, list]] = {}
        # Book-to-bank (``recorded``): the receipts of Payments the statement's credits may be,
        # and the statement's first and last dates; set by ``match_statement``.
        self.recorded: pd.DataFrame | None = None
        self.period: tuple[pd.Timestamp, pd.Timestamp] | None = None
        self.unbanked: pd.DataFrame | None = None
        self.paired_total = 0
        self._wht_bases = bases(policy)
        self._floor = MATCHED  # the round of the cascade running (``run``)
        self._wht_rates: dict[str, tuple[float, ...]] = {}
        # The largest share of an invoice withheld (the highest rate on the total): no invoice
        # open for more than the receipt plus that share and a bank charge is read.
        self._wht_top = max((r for c in set(invoices.currency)
                             for r in self._rates_of_currency(c)), default=0.0)
        # The shares of an invoice's total each rate and base withholds.
        self._wht_ratios = sorted({r / 100.0 / divisor for c in set(invoices.currency)
                                   for r in self._rates_of_currency(c)
                                   for _, divisor in self._wht_bases})

    def _money(self, amount: int) -> str:
        """Units as an amount for a reason (``money_text``)."""
        return money_text(amount, self.inv.unit)

    # ------------------------------------------------------------ reading lines

    def read_lines(self) -> None:
        L = self.lines
        desc = L["Description"].tolist() if "Description" in L else [None] * len(L)
        ref = L["Reference"].tolist() if "Reference" in L else [None] * len(L)
        cp = L["Counterparty"].tolist() if "Counterparty" in L else [None] * len(L)
        acc = L["Counterparty Account"].tolist() if "Counterparty Account" in L else [None] * len(L)
        cur = L["Currency"].tolist() if "Currency" in L else [None] * len(L)
        days = _days(L["Date"]) if "Date" in L else [None] * len(L)
        self._accounts, self._names, self._descriptions = acc, cp, desc
        self._references = ref
        # Each line's amount in its currency's minor unit (a line without one: the ledger's).
        unit, cent = self.inv.unit, self.inv.cent
        grains = {c: (grain(c, unit) if isinstance(c, str) and c.strip() else self.inv.blank_grain)
                  for c in set(cur)}
        line_grain = ([grains[c] for c in cur]
                      if any(g != cent for g in grains.values()) else None)
        if line_grain is None and unit == CENTS:
            credits = [(pos, cents(amount)) for pos, amount in enumerate(L["Amount"].tolist())
                       if not (amount is None or amount != amount or cents(amount) <= 0)]
        else:
            line_grain = line_grain or [cent] * len(L)
            credits = [(pos, units(amount, line_grain[pos], unit))
                       for pos, amount in enumerate(L["Amount"].tolist())
                       if not (amount is None or amount != amount
                               or units(amount, line_grain[pos], unit) <= 0)]
        texts = [fold_text(desc[pos]) + " " + fold_text(ref[pos]) for pos, _ in credits]
        # The kinds of inflow, the cash deposits and the accounts printed: one pass over the
        # whole statement each, joined once.
        joined = Joined(texts)
        categories = inflow_categories(joined)
        cash = cash_deposits(joined)
        printed = printed_accounts(joined)
        for (pos, amount), text, category, is_cash, accounts in zip(
                credits, texts, categories, cash, printed, strict=True):
            sure: set[int] = set()
            if _HAS_DIGIT(text) is None:  # (a narrative without a digit names no invoice)
                numbers, strong, weak = text, set(), set()
            else:
                # The payer's IBAN and an amount printed in the narrative are no invoice numbers.
                numbers = without_amounts(without_accounts(text))
                # A refund or a claim may quote an invoice as "INV 4557": only a full number
                # counts.
                strong, weak = self.index.lookup(numbers, named=category is None, sure=sure)
            # The name is read later, only for lines a full reference has not settled.
            payer = self.payers.by_account(acc[pos], text, accounts)
            f = LineFacts(pos, amount, days[pos],
                          (cur[pos] or "").upper() if isinstance(cur[pos], str) else "",
                          strong, weak, payer, category, is_cash)
            f.remaining = f.amount
            f.grain = cent if line_grain is None else line_grain[pos]
            f.numbers = numbers
            if len(sure) < len(strong):
                f.loose = strong - sure
            self.facts[pos] = f

    # ------------------------------------------------------------ the ledger

    def apply(self, allocations: list[Allocation]) -> bool:
        """Book a line's allocations if every invoice still has the room; all or nothing."""
        need: dict[int, int] = defaultdict(int)
        for a in allocations:
            if a.invoice is not None:
                need[a.invoice] += a.applied + a.writeoff + a.withheld
        if any(self.inv.remaining[p] < n for p, n in need.items()):
            return False
        line = self.facts[allocations[0].line]
        applied = sum(a.applied for a in allocations)
        if applied > line.remaining:
            return False
        for p, n in need.items():
            self.inv.book(p, n)
        line.remaining -= applied
        self.allocations.extend(allocations)
        if allocations[0].confidence >= MATCHED and allocations[0].method.startswith("reference"):
            self.payers.learn(allocations[0].customer, self._accounts[line.pos],
                              self._names[line.pos])
        return True

    def run_stage(self, propose, lines: list[LineFacts], floor: float) -> None:
        """Propose for every pending line, then book the most confident first; a line whose
        invoices were taken meanwhile is proposed again against the ledger as it is now.
        Proposals under ``floor`` are left for a later round."""
        proposals = []
        for f in lines:
            if f.remaining <= 0:
                continue
            p = propose(f)
            if p and p[0].confidence >= floor:
                proposals.append((p, f))
        proposals.sort(key=lambda x: (-x[0][0].confidence, x[1].pos))
        for p, f in proposals:
            if f.remaining <= 0:
                continue
            if not self.apply(p):
                again = propose(f)
                if again and again[0].confidence >= floor:
                    self.apply(again)

    # ------------------------------------------------------------ helpers

    def _alloc(self, f: LineFacts, invs: list[int], method: str, conf: float, reason: str,
               on_account_customer: str | None = None) -> list[Allocation]:
        """Spread the receipt over ``invs`` in order: each gets its open amount, the last
        what is left; a shortfall within tolerance is a write-off, an excess goes on account."""
        out: list[Allocation] = []
        left = f.remaining
        total_open = self.inv.total(invs)
        short = total_open - left
        tolerance = self.inv.tolerance(total_open, f.grain)
        for k, p in enumerate(invs):
            room = self.inv.remaining[p]
            take = min(room, left)
            if take <= 0:
                break
            wo = 0
            m = method
            if k == len(invs) - 1 and 0 < short <= tolerance and take < room:
                wo = room - take
                m = "fee-writeoff"
            out.append(Allocation(f.pos, p, self.inv.customer[p], take, wo, m, conf, reason))
            left -= take
        if left > 0 and on_account_customer:
            out.append(Allocation(f.pos, None, on_account_customer, left, 0, "on-account", conf,
                                  reason + "; excess over the open invoices stays on account"))
        return out

    def _explain(self, items: list[int], amount: int, grain: int
                 ) -> tuple[list[int], int, float]:
        """Which of ``items`` (oldest first) make ``amount`` exactly: (the choice, in how many
        ways, expected chance coincidences). One invoice of the amount beats any sum; sums are
        searched among the oldest and, for a long ledger, the newest items too."""
        singles = self.inv.with_remaining(items, amount)
        if singles:
            return [singles[0]], len(singles), 0.0
        windows = [items[:MAX_ITEMS]]
        if len(items) > MAX_ITEMS:
            windows.append(items[-MAX_ITEMS:])
        found: list[list[int]] = []
        count, chance = 0, 0.0
        for window in windows:
            sub = find_subsets([self.inv.remaining[p] for p in window], amount, amount,
                               grain=grain, window=self._window)
            chance = max(chance, sub.chance)
            for k in sub.found:
                choice = sorted(window[i] for i in k)
                if choice not in found:
                    found.append(choice)
            count = max(count, sub.count)
        if not found:
            return [], 0, chance
        choice = self.inv.by_due(found[0])
        return choice, max(count, len(found)), chance

    def _within_tolerance(self, total_open: int, amount: int, grain: int) -> bool:
        return 0 < total_open - amount <= self.inv.tolerance(total_open, grain)

    # ------------------------------------------------------------ stage 1: full references

    def propose_reference(self, f: LineFacts) -> list[Allocation] | None:
        if f.category in ("interest", "loan", "own transfer", "capital", "treasury"):
            return None
        refs = [p for p in f.strong if self.inv.usable(p, f.currency)]
        for p in f.strong:
            if self.inv.remaining[p] <= 0:
                self.settled_refs[f.pos].append(self.inv.number[p])
        if not refs:
            return None
        payer = f.payer.customer if f.payer else None
        if payer and any(self.inv.customer[p] == payer for p in refs):
            refs = [p for p in refs if self.inv.customer[p] == payer]
        out = self._settle_named(f, refs, "narrative names", 0.0)
        if out and f.category is not None:
            # A refund, a claim or a card settlement may quote an invoice of ours (or a
            # supplier's of the same shape): money in, but perhaps not this invoice paid.
            for a in out:
                a.confidence = min(a.confidence, 0.6)
                a.reason += f"; the narrative reads like a {f.category}, not a customer's " \
                    "payment: please confirm"
        return out

    def _settle_named(self, f: LineFacts, refs: list[int], said: str, penalty: float,
                      unsure: bool | None = None) -> list[Allocation] | None:
        """Apply a receipt to invoices the narrative names: exactly, within tolerance, with
        the excess explained by other open invoices or on account, or as a part payment."""
        refs = self.inv.by_due(refs)
        customers = {self.inv.customer[p] for p in refs}
        one_customer = len(customers) == 1
        cust = next(iter(customers)) if one_customer else None
        payer = f.payer.customer if f.payer else None
        total = sum(self.inv.remaining[p] for p in refs)
        names = ", ".join(self.inv.number[p] for p in refs)
        method = "reference" if len(refs) == 1 else "multi-invoice"
        if total == f.remaining:
            return self._alloc(f, refs, method, 0.99 - penalty,
                               f"{said} {names}; amount equals the open amount")
        amounts = [self.inv.remaining[p] for p in refs]
        if len(refs) > 1:
            sub = find_subsets(amounts, f.remaining, f.remaining, grain=f.grain,
                               window=self._window)
            if sub.count == 1:
                chosen = [refs[k] for k in sub.found[0]]
                ok = one_customer or len({self.inv.customer[p] for p in chosen}) == 1
                return self._alloc(f, chosen, "reference" if len(chosen) == 1 else "multi-invoice",
                                   (0.97 if ok else 0.6) - penalty,
                                   f"{said} {names}; the amount equals "
                                   + ", ".join(self.inv.number[p] for p in chosen))
        # The numeric parts the narrative writes may name other invoices that make the amount
        # exactly (INV#1023,1024: 1023 and 1024 one customer's, INV-1023 another's): that
        # reading wins, in the stage of numeric parts.
        if f.weak and self._numeric_parts_exact(f, refs):
            return None
        # A mistyped number that names another invoice: the amount decides, when the payer
        # (or, without one, the customer of the invoice named) agrees.
        typo = self._mistyped(f, exclude=set(refs), named=customers)
        if typo and typo[0].confidence >= MATCHED:
            return typo
        if typo:  # another reading explains the amount: whatever we apply needs a person
            penalty = max(penalty, 0.3)
            said = f"{said} (or a mistyped {self.inv.number[typo[0].invoice]}, which has this amount)"
        elif total != f.remaining and len(self._typo_readings(f, set(refs))) > 1:
            # Several invoices one digit away have exactly the amount: in a dense numbering
            # the number named may itself be the mistyped one.
            penalty = max(penalty, 0.3)
            said = f"{said} (or a mistyped number of another invoice with this amount)"
        if one_customer and total > f.remaining:
            # Paid less the income tax the customer withheld (a certificate to come).
            readings = self._withholding_readings(f, refs)
            if readings:
                return self._alloc_withheld(f, readings[0],
                                            (0.95 if len(readings) == 1 else 0.6) - penalty,
                                            f"{said} {names}", len(readings) > 1)
        if self._within_tolerance(total, f.remaining, f.grain):
            return self._alloc(f, refs, method, (0.95 if one_customer else 0.6) - penalty,
                               f"{said} {names}; short by {self._money(total - f.remaining)} "
                               "within the fee tolerance: write-off proposed")
        # Beyond this point the amount does not confirm the number. A bare 5-6 digit number or
        # a date (``loose``) may be the payer's cheque, PO or the bank's reference that happens
        # to be an invoice number too: it is applied for sure only when the payer (by account,
        # or by name in the later stage) is the invoice's customer.
        unconfirmed = unsure if unsure is not None else bool(f.loose) and (
            not f.loose.isdisjoint(refs) and (payer is None or payer != cust))
        note = ""
        if unconfirmed:
            penalty = max(penalty, 0.3)
            note = ("; the number may be a date, a cheque or an order number, and the amount "
                    "does not confirm it")

        def alloc(*args, **kwargs) -> list[Allocation]:
            out = self._alloc(*args, **kwargs)
            for a in out:
                a.reason += note if not note or "please confirm" in a.reason \
                    else note + ": please confirm"
            return out

        if f.remaining > total:
            excess = f.remaining - total
            if one_customer:
                others = self.inv.without(self.inv.open_of(cust, f.currency, None), refs)
                extra, count, chance = self._explain(others, excess, f.grain)
                if count:
                    certain = count == 1 and chance < 0.02
                    return alloc(f, refs + extra, "multi-invoice",
                                 (0.9 if certain else 0.6) - penalty,
                                 f"{said} {names}; the rest equals "
                                 + ", ".join(self.inv.number[p] for p in extra)
                                 + ("" if certain else " (one of several ways: please confirm)"))
                # The rest falls short of other open invoices by a bank charge (INV 1023 1024,
                # paid less 25.00): those were paid too, less fees, not an overpayment.
                short = self._short_rest(f, cust, refs, others, excess)
                if short:
                    extra, sure_extra = short
                    return alloc(f, refs + extra, "multi-invoice",
                                 (0.9 if sure_extra else 0.6) - penalty,
                                 f"{said} {names}; the rest is "
                                 + ", ".join(self.inv.number[p] for p in extra)
                                 + " less charges within the fee tolerance: write-off proposed"
                                 + ("" if sure_extra else ", please confirm"))
            # Paying more than twice what the named invoices owe is not an overpayment of them
            # (more invoices paid, or another number): only a known payer makes it certain.
            doubled = excess > total and (payer is None or payer != cust)
            return alloc(f, refs, "overpayment",
                         (0.9 if one_customer and not doubled else 0.6) - penalty,
                         f"{said} {names}; paid {self._money(excess)} more than open"
                         + (", more than the invoices themselves: please confirm"
                            if doubled else ""),
                         on_account_customer=cust)
        # Short beyond tolerance: a part payment.
        if len(refs) == 1:
            other_payer = f.payer is not None and f.payer.by_account and payer != cust
            return alloc(f, refs, "partial", (0.7 if other_payer else 0.9) - penalty,
                         f"{said} {names}; part payment of "
                         f"{self._money(self.inv.remaining[refs[0]])} open")
        return alloc(f, refs, "partial", 0.6,
                     f"{said} {names}; pays less than their open total: applied "
                     "oldest first, please confirm")

    def _short_rest(self, f: LineFacts, cust: str, refs: list[int], others: list[int],
                    excess: int) -> tuple[list[int], bool] | None:
        """(invoices, certain) of the customer's ``others`` (open, oldest first, less the
        ``refs``) whose open amounts the ``excess`` of a receipt over the invoices it names
        falls short of within the fee tolerance. Certain when the narrative writes their
        numbers too (only their numeric part, ``1024``) and no other set of those does it;
        else one other open invoice, to confirm."""
        if not others:
            return None
        tol = self.inv.tolerance(f.remaining, f.grain)
        named = self.inv.by_due([p for p in f.weak if self.inv.customer[p] == cust
                                 and p not in refs and self.inv.usable(p, f.currency)])
        if named:
            sub = find_subsets([self.inv.remaining[p] for p in named], excess + 1, excess + tol,
                               grain=f.grain, window=self._window)
            if sub.count == 1:
                return [named[k] for k in sub.found[0]], True
        # Not named: one other invoice (a set of them would make almost any sum by chance)
        # short by a typical bank charge (the absolute tolerance: a percentage of a large
        # receipt is hundreds) makes the reading worth a person's look. A round excess
        # (11,640.00) with an odd gap (16.98) is a deliberate overpayment or an advance: banks
        # charge whole amounts (15.00, 25.00).
        tol = units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit)
        whole_gap_only = excess % self.inv.tens == 0
        if len(others) >= VECTOR_FROM:  # (one customer may have thousands open)
            array = self.inv._array(others)
            gap = self.inv._remaining[array] - excess
            keep = (gap > 0) & (gap <= tol)
            if whole_gap_only:
                keep &= gap % self.inv.whole == 0
            found = np.flatnonzero(keep)
            return ([int(array[found[0]])], False) if len(found) else None
        remaining = self.inv.remaining
        for p in others:
            gap = remaining[p] - excess
            if 0 < gap <= tol and (gap % self.inv.whole == 0 or not whole_gap_only):
                return [p], False
        return None

    def _typo_readings(self, f: LineFacts, exclude: set[int]) -> list[int]:
        """Open invoices whose open amount is the receipt's and whose number is one digit away
        from a number in the narrative."""
        same = [p for p in self.inv.untouched_of_amount(f.remaining, f.currency)
                if p not in exclude]
        if not same:
            return []
        if f.runs is None:
            f.runs = [r for r in digit_runs(f.numbers) if len(r) >= 4]
        runs = f.runs
        if not runs:
            return []
        unpadded = [r.lstrip("0") for r in runs]
        hits = []
        for p in same:
            # (Numbers whose lengths differ by more than one are never one digit apart.)
            d, tail = self.index.digit_strings[p], self.index.tails[p]
            if (len(d) >= 5 and any(one_digit_apart(r, d) for r in runs if -2 < len(r) - len(d) < 2)) \
                    or (len(tail) >= 3 and any(one_digit_apart(r, tail) for r in unpadded
                                               if -2 < len(r) - len(tail) < 2)):
                hits.append(p)
        return hits

    def _mistyped(self, f: LineFacts, exclude: set[int] = frozenset(),
                  named: set[str] | None = None) -> list[Allocation] | None:
        """A number one digit away from an open invoice whose open amount is the receipt's."""
        hits = self._typo_readings(f, exclude)
        if len(hits) != 1:
            return None
        p = hits[0]
        owner = self.inv.customer[p]
        if f.payer is None and named is not None and owner not in named:
            self._read_name(f)  # the name on the line decides between the two readings
        payer = f.payer.customer if f.payer else None
        agrees = payer == owner if payer else (named is None or owner in named)
        conf = 0.92 if agrees else 0.6
        return self._alloc(f, [p], "reference-fuzzy", conf,
                           f"narrative has a number one digit away from {self.inv.number[p]}; "
                           "the amount equals its open amount")

    # ------------------------------------------------------------ stage 2: partial references

    def propose_weak_reference(self, f: LineFacts) -> list[Allocation] | None:
        """Numeric parts (``123``) and mistyped numbers, confirmed by the amount or the payer."""
        if f.category is not None and not f.cash:
            return None
        weak = [p for p in f.weak | f.strong if self.inv.usable(p, f.currency)]
        by_customer: dict[str, list[int]] = defaultdict(list)
        for p in weak:
            by_customer[self.inv.customer[p]].append(p)
        # The payer's name (even one shared by several customers) plus its invoice's number.
        if f.payer:
            named = [c for c in ([f.payer.customer] if f.payer.customer else [])
                     + [c for c, _ in f.payer.candidates] if c in by_customer]
            named = list(dict.fromkeys(named))
            if len(named) == 1:
                refs = by_customer[named[0]]
                return self._settle_named(f, refs, f"payer by {f.payer.how} and narrative names",
                                          0.05, self._numeric_part_unsure(f, named[0], refs))
        # The amount alone confirms: one customer's named invoices make it exactly.
        chosen = self._named_exactly(by_customer, f.remaining)
        if chosen:
            nums = ", ".join(self.inv.number[p] for p in chosen)
            return self._alloc(f, chosen, "reference" if len(chosen) == 1 else "multi-invoice",
                               0.93, f"narrative has the numeric part of {nums}; the amount "
                               "equals the open amount")
        typo = self._mistyped(f)
        if typo:
            return typo
        # One named invoice and the amount within the fee tolerance of it.
        near = [p for p in weak
                if self._within_tolerance(self.inv.remaining[p], f.remaining, f.grain)]
        if len(near) == 1 and len(self.index.tails[near[0]]) >= 3:
            p = near[0]
            return self._alloc(f, [p], "reference", 0.88,
                               f"narrative has the numeric part of {self.inv.number[p]}; short by "
                               f"{self._money(self.inv.remaining[p] - f.remaining)} within the "
                               "fee tolerance: write-off proposed")
        # One invoice's numeric part (4+ digits) and no amount agreeing: a part payment or an
        # overpayment of it, perhaps; a person decides.
        long_hits = [p for p in weak if len(self.index.tails[p]) >= 4]
        if len(long_hits) == 1:
            p = long_hits[0]
            method = "partial" if f.remaining < self.inv.remaining[p] else "overpayment"
            return self._alloc(f, [p], method, 0.6,
                               f"narrative has the numeric part of {self.inv.number[p]} "
                               f"({self._money(self.inv.remaining[p])} open); payer not known: "
                               "please confirm", on_account_customer=self.inv.customer[p])
        return None

    def _numeric_parts_exact(self, f: LineFacts, refs: list[int]) -> bool:
        """Whether the invoices the narrative names (in full or by numeric part), other than
        just ``refs``, make the receipt exactly, one customer's, one way."""
        by_customer: dict[str, list[int]] = defaultdict(list)
        for p in f.weak | f.strong:
            if self.inv.usable(p, f.currency):
                by_customer[self.inv.customer[p]].append(p)
        chosen = self._named_exactly(by_customer, f.remaining)
        return chosen is not None and set(chosen) != set(refs)

    def _named_exactly(self, by_customer: dict[str, list[int]], amount: int) -> list[int] | None:
        """The invoices, of one customer's named (``by_customer``), that make ``amount``
        exactly, when only one set of one customer's does."""
        exact = []
        for refs in by_customer.values():
            refs = self.inv.by_due(refs)
            sub = find_subsets([self.inv.remaining[p] for p in refs], amount, amount,
                               grain=self.inv.grain_of(refs), window=self._window)
            if sub.count == 1:
                exact.append([refs[k] for k in sub.found[0]])
            elif sub.count > 1:
                exact.append(None)
        return exact[0] if len(exact) == 1 and exact[0] else None

    def _numeric_part_unsure(self, f: LineFacts, cust: str, refs: list[int]) -> bool:
        """Whether the numeric parts that name the payer's ``refs`` may be another number of
        the payer's: short (REF 553: a payer with a few hundred invoices has one ending so by
        chance), or written as its order, cheque or phone number (PO 4557, CHQ 04557), and
        not called an invoice (INV 553) nor alone in the reference field. (Then an amount
        that is another open invoice of the payer's is applied by the amount rules.)"""
        bare = [p for p in refs if p not in f.strong or p in f.loose]
        if not bare:
            return False
        called = invoice_mentions(f.numbers)
        reference = self._references[f.pos]
        if isinstance(reference, str) and reference.strip().isdigit():
            called.add(reference.strip().lstrip("0"))  # the payer's reference field: the invoice
        other = other_numbers(f.numbers)
        return any(self.index.tails[p] not in called
                   and (len(self.index.tails[p]) < NAMED_TAIL_LENGTH or self.index.tails[p] in other)
                   for p in bare)

    # ------------------------------------------------------------ stage 3-5: payer and amount

    def _sums_of(self, cust: str, f: LineFacts) -> tuple[list[int], int, float] | None:
        """(invoices, in how many ways, chance) of the customer's open invoices making the
        receipt exactly (``_explain``)."""
        # Open amounts are positive: if all of them together fall short, none can make it.
        if self.inv.open_total(cust) < f.remaining:
            return None
        items = self.inv.open_of(cust, f.currency, f.date)
        if self.inv.total(items) < f.remaining:
            return None
        # Residues of earlier short payments make many look-alike sums: try without first.
        # (Without residues to leave out, the second search would be the first again.)
        fresh = self.inv.without_residues(items)
        for pool in ((fresh, items) if len(fresh) < len(items) else (items,)):
            choice, count, chance = self._explain(pool, f.remaining, f.grain)
            if count:
                return choice, count, chance
        return None

    def _remembered(self, kind: str, cust: str, f: LineFacts, find):
        """``find(cust, f)``, which reads only the customer's open invoices and the line's
        amount, currency and date: remembered until an allocation changes that customer's
        ledger (lines of one payer, and the second round, ask again)."""
        key = (kind, cust, f.remaining, f.currency, f.date)
        version = self.inv.version.get(cust, 0)
        known = self._memo.get(key)
        if known is not None and known[0] == version:
            return known[1]
        value = find(cust, f)
        self._memo[key] = (version, value)
        return value

    def _payers_to_try(self, f: LineFacts) -> list[tuple[str, float, str]]:
        """(customer, how sure the payer is 0-1, how known) for the line's payer evidence."""
        if f.tries is None or f.tries_of is not f.payer:
            # One payer name (one Payer) comes back on many lines: its list is read once.
            key = (id(f.payer), f.category is not None and not f.cash)
            known = self._tries.get(key)
            if known is None or known[0] is not f.payer:
                known = self._tries[key] = (f.payer, self._read_payers_to_try(f))
            f.tries, f.tries_of = known[1], f.payer
        return f.tries

    def _read_payers_to_try(self, f: LineFacts) -> list[tuple[str, float, str]]:
        p = f.payer
        if p is None:
            return []
        if p.by_account:
            return [(p.customer, 1.0 if p.how == "account" else 0.98, f"payer by {p.how}")]
        if p.how == "learned name":
            return [(p.customer, 0.97, "payer by a name seen on earlier receipts")]
        if f.category is not None and not f.cash:
            return []
        return [(c, s / 100, f"payer by {p.how} ({s:.0f})") for c, s in p.candidates]

    def _payer_confidence(self, f: LineFacts, cust: str, sure: float, base: float) -> float:
        if sure >= 0.97:  # account, learned account or learned name
            return base
        if sure * 100 >= 88:
            # The name is clearly this customer's, or of several look-alike names only this
            # customer has open invoices making the amount. When the name is clearly *another*
            # customer's (Al Nour Trading Co paying what Al Nour Trading & Contracting owes),
            # the payer is a related company paying for it: a person confirms.
            if f.payer.customer == cust:
                return base - 0.04
            return 0.87 if f.payer.customer is None else 0.75
        return 0.75

    def _other_customer_named(self, f: LineFacts, cust: str) -> str:
        """The note for a line whose printed name is clearly another customer's."""
        other = f.payer.customer if f.payer else None
        if other is None or other == cust or f.payer.by_account:
            return ""
        return (f"; the name is customer {other}'s ({self.payers.names.get(other, '')}): "
                "a related company paying for it? please confirm")

    def propose_payer_exact(self, f: LineFacts) -> list[Allocation] | None:
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        tries = self._payers_to_try(f)
        singles, subsets = [], []
        # (customer, open amount) of every invoice: whether the customer had one of exactly
        # this amount when the run began, the only ones that can have one now.
        had_amount = self.inv.by_customer_amount
        amount = f.remaining
        has_open = self.inv.has_open
        for rank, (cust, sure, how) in enumerate(tries):
            owner = (cust, amount) in had_amount
            if rank >= SUMS_FOR and not owner:
                continue  # no invoice of the amount, and too far down the list for sums
            if not has_open(cust):  # (most look-alike names owe nothing)
                continue
            same = self.inv.with_amount(cust, amount, f.currency, f.date) if owner else []
            if same:
                singles.append((cust, sure, how, [same[0]], len(same), 0.0, "amount+payer"))
            elif rank < SUMS_FOR:  # sums only for the likeliest names: chance grows with each one
                made = self._remembered("sums", cust, f, self._sums_of)
                if made:
                    subsets.append((cust, sure, how, *made, "multi-invoice"))
        # One invoice of exactly the amount explains a receipt better than a sum of several.
        found = singles or [s for s in subsets if s[5] < 0.02] or subsets
        if not found:
            return None
        cust, sure, how, invs, n, chance, method = found[0]
        nums = ", ".join(self.inv.number[p] for p in invs)
        if len(found) > 1:
            return self._alloc(f, invs, method, 0.6,
                               f"{how}; several customers with similar names have this amount "
                               f"open: {nums} chosen, please confirm")
        if n > 1:
            return self._alloc(f, invs, method, 0.6,
                               f"{how}; {n} ways to make the amount from its open invoices: "
                               f"oldest chosen ({nums}), please confirm")
        if chance >= 0.02:
            return self._alloc(f, invs, method, 0.6,
                               f"{how}; {nums} make the amount, but with this many open invoices "
                               "a sum can match by chance: please confirm")
        conf = self._payer_confidence(f, cust, sure, 0.95 if method == "amount+payer" else 0.9)
        return self._alloc(f, invs, method, conf, f"{how}; amount equals the open amount of {nums}"
                           + self._other_customer_named(f, cust))

    # ------------------------------------------------------------ withholding tax at source

    def _rates_of_currency(self, currency: str) -> tuple[float, ...]:
        rates = self._wht_rates.get(currency)
        if rates is None:
            rates = self._wht_rates[currency] = rates_for(self.policy, currency)
        return rates

    def _withholding_readings(self, f: LineFacts, invs: list[int],
                              charges: bool = True) -> list[Reading]:
        """The ways the receipt pays all of ``invs`` less income tax withheld at one rate on one
        base (each invoice's tax rounded on its own, or on their sum: a minor unit per invoice
        is rounding), perhaps less a bank charge too (``charges``); the exact readings when
        there are any.
        A whole gap within the absolute fee tolerance is bank charges as well: not read."""
        rates = self._rates_of_currency(self.inv.currency[invs[0]])
        if not rates or any(self._rates_of_currency(self.inv.currency[p]) != rates
                            for p in invs):
            return []
        opened = [self.inv.remaining[p] for p in invs]
        gap = sum(opened) - f.remaining
        tol = units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit)
        whole = self.inv.whole
        if gap <= 0 or (gap <= tol and gap % whole == 0):
            return []
        slack = f.grain * len(invs)
        exact: dict[tuple[int, ...], Reading] = {}
        charged: dict[tuple[int, ...], Reading] = {}
        for rate in rates:
            for name, divisor in self._wht_bases:
                taxes = [tax_on(o, rate, divisor, f.grain) for o in opened]
                fee = gap - sum(taxes)
                if abs(fee) <= slack:
                    taxes[-1] += fee
                    key = tuple(taxes)
                    exact.setdefault(key, Reading(tuple(invs), key, rate, name))
                elif charges and 0 < fee <= tol and fee % whole == 0 and sum(taxes) > tol:
                    key = tuple(taxes)
                    charged.setdefault(key, Reading(tuple(invs), key, rate, name, fee))
        return list((exact or charged).values())

    def _alloc_withheld(self, f: LineFacts, reading: Reading, conf: float, said: str,
                        several: bool = False) -> list[Allocation] | None:
        """Each invoice settled by the receipt and the tax withheld on it (the last also by
        a bank charge written off)."""
        last = len(reading.invoices) - 1
        tax = sum(reading.withheld)
        base = "" if reading.base == "total" else f" on the amount {reading.base}".replace(
            "net of", "before")
        reason = (f"{said}; less {reading.rate:g}% withholding tax ({self._money(tax)}){base}: "
                  "certificate expected")
        if reading.fee:
            reason += f"; bank charge {self._money(reading.fee)} within the fee tolerance: " \
                "write-off proposed"
        if several:
            reason += "; other invoices could be paid so: please confirm"
        out = []
        for k, (p, withheld) in enumerate(zip(reading.invoices, reading.withheld, strict=True)):
            fee = reading.fee if k == last else 0
            applied = self.inv.remaining[p] - withheld - fee
            if applied <= 0 or withheld < 0:
                return None
            out.append(Allocation(f.pos, p, self.inv.customer[p], applied, fee,
                                  "withholding-tax", conf, reason, withheld=withheld))
        if sum(a.applied for a in out) != f.remaining:
            return None
        return out

    def _withheld_of(self, cust: str, f: LineFacts, subsets: bool
                     ) -> tuple[list[Reading], bool]:
        """The readings of the receipt as one of the customer's open invoices paid exactly less
        tax withheld, else (``subsets``) as one set of them paid less tax on each at one rate
        on one base; and whether the reading is certain. One invoice is certain when no other
        open invoice of the customer lies between the receipt and the receipt plus the top
        rate's share (nothing else it could be); a set when it is the only set of any rate and
        base, and sets that large making the amount by chance are rare. Without a reference a
        bank charge on top is not read (tax and a charge would fit too many gaps)."""
        remaining = self.inv.remaining
        exact: list[Reading] = []
        # The open amount each rate and base would leave the receipt from, looked up (a
        # minor unit either side: the tax's rounding) rather than every open invoice tried.
        seen: set[int] = set()
        for ratio in self._wht_ratios:
            guess = int(round(f.remaining / (1.0 - ratio) / f.grain)) * f.grain
            for amount in (guess - f.grain, guess, guess + f.grain):
                for p in self.inv.by_customer_amount.get((cust, amount), ()):
                    if p not in seen and remaining[p] == amount \
                            and self.inv.usable(p, f.currency, f.date):
                        seen.add(p)
                        exact.extend(self._withholding_readings(f, [p], charges=False))
        if exact:
            # An invoice the receipt pays less tax is open for more than the receipt and at
            # most the receipt plus the top rate's share: one such open invoice, one reading.
            most = f.remaining / (1.0 - self._wht_top / 100.0) + f.grain
            near = [p for p in self.inv.open_of(cust, f.currency, f.date)
                    if f.remaining < remaining[p] <= most]
            return exact, len(exact) == 1 and len(near) == 1
        if not subsets:
            return [], False
        # Sets only among few enough open invoices that all of them are searched, and where
        # no set makes the amount exactly (that reading comes first).
        items = self.inv.open_of(cust, f.currency, f.date)
        if not 2 <= len(items) <= MAX_ITEMS or self.inv.total(items) <= f.remaining \
                or not self._no_exact_sum(cust, f):
            return [], False
        items = [p for p in self.inv.without_residues(items)
                 if self._rates_of_currency(self.inv.currency[p])]
        if len(items) < 2:
            return [], False
        readings: list[Reading] = []
        chance = 0.0
        for rate in self._rates_of_currency(self.inv.currency[items[0]]):
            for name, divisor in self._wht_bases:
                taxes = [tax_on(remaining[p], rate, divisor, f.grain) for p in items]
                sub = find_subsets([remaining[p] - t for p, t in zip(items, taxes, strict=True)],
                                   f.remaining, f.remaining, grain=f.grain, window=self._window)
                chance += sub.chance
                tax_of = dict(zip(items, taxes, strict=True))
                for k in sub.found:
                    chosen = self.inv.by_due([items[i] for i in k])
                    readings.append(Reading(tuple(chosen), tuple(tax_of[p] for p in chosen),
                                            rate, name))
                if sub.count > len(sub.found):
                    readings.extend(readings[-1:])  # more ways than listed: not unique
        # A set read only by chance is no suggestion worth a person's time either.
        certain = len(readings) == 1 and chance < AMOUNT_ONLY_CHANCE
        return (readings, True) if certain else ([], False)

    def propose_withholding(self, f: LineFacts) -> list[Allocation] | None:
        """Payer known, no amount explains the receipt exactly: one of its invoices (or one
        set) paid less income tax withheld. Certain only when that is the one reading among
        the likeliest payers (``_withheld_of``) and no set of the payer's open invoices makes
        the amount exactly (the exact reading, even if ambiguous, comes first)."""
        if not self._wht_top or (f.category is not None and not (f.payer and f.payer.by_account)):
            return None
        found = []
        for rank, (cust, sure, how) in enumerate(self._payers_to_try(f)[:SUMS_FOR]):
            if not self.inv.has_open(cust) or self.inv.open_total(cust) <= f.remaining:
                continue
            # Sets are read only when they can be certain (a set read by chance is dropped):
            # the likeliest payer known by account, in the round of certain rules.
            readings, certain = self._withheld_of(
                cust, f, subsets=rank == 0 and sure >= 0.97 and self._floor == MATCHED)
            if readings:
                found.append((cust, sure, how, readings, certain))
        if not found:
            return None
        cust, sure, how, readings, certain = found[0]
        if not self._no_exact_sum(cust, f):
            return None
        reading = readings[0]
        nums = ", ".join(self.inv.number[p] for p in reading.invoices)
        conf = self._payer_confidence(f, cust, sure, 0.9) if len(found) == 1 and certain else 0.6
        said = f"{how}; pays {nums}"
        if len(found) > 1:
            said += " (several customers with similar names could be paying)"
        several = len(readings) > 1 or len(found) > 1 or not certain
        return self._alloc_withheld(f, reading, conf, said, several)

    def propose_payer_tolerance(self, f: LineFacts) -> list[Allocation] | None:
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        found = []
        for cust, sure, how in self._payers_to_try(f)[:8]:  # the likeliest names only
            short = self._remembered("short", cust, f, self._short_of) \
                if self.inv.has_open(cust) else None
            if short:
                found.append((cust, sure, how, *short))
        if not found:
            return None
        cust, sure, how, invs, n, chance = found[0]
        nums = ", ".join(self.inv.number[p] for p in invs)
        gap = sum(self.inv.remaining[p] for p in invs) - f.remaining
        # Without a reference the amount is the only evidence of which invoice is paid: a gap of
        # a typical bank charge (the policy's absolute tolerance) is, a percentage of a large
        # invoice (hundreds) could be another invoice's amount.
        unique = len(found) == 1 and n == 1 and chance < 0.02
        # A round sum just under several invoices is more likely a part payment than charges;
        # so is a round sum an odd amount under one (5,900.00 for 5,922.33): banks deduct
        # whole charges (15.00, 25.00) from what the payer sent.
        round_under_sum = f.remaining % self.inv.tens == 0 and (
            len(invs) > 1 or gap % self.inv.whole != 0)
        certain = unique and gap <= units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit) \
            and not round_under_sum
        # A larger gap (a percentage: charges of a foreign transfer) is a fee too when the
        # payer is known for sure, one invoice is paid, the receipt is not a round sum (a part
        # payment), the gap is not itself one of the customer's open amounts, and no set of
        # its open invoices makes the amount exactly.
        charge_like = (unique and len(invs) == 1 and sure >= 0.97
                       and f.remaining % self.inv.tens != 0
                       and not self.inv.with_amount(cust, gap, f.currency, None)
                       and self._no_exact_sum(cust, f))
        conf = (self._payer_confidence(f, cust, sure, 0.9) if certain
                else 0.86 if charge_like else 0.6)
        certain = certain or charge_like
        return self._alloc(f, invs, "amount+payer" if len(invs) == 1 else "multi-invoice", conf,
                           f"{how}; {nums} less {self._money(gap)} within the fee tolerance: "
                           "write-off proposed" + ("" if certain else ", please confirm"))

    def _short_of(self, cust: str, f: LineFacts) -> tuple[list[int], int, float] | None:
        """(invoices, in how many ways, chance) the receipt pays short within the fee
        tolerance: one of the customer's open invoices, else a set of them."""
        # Open amounts are positive: if all of them together are not over it, none is.
        if self.inv.open_total(cust) <= f.remaining:
            return None
        items = self.inv.open_of(cust, f.currency, f.date)
        if self.inv.total(items) <= f.remaining:
            return None
        singles = self.inv.within_tolerance(items, f.remaining)
        if singles:
            return [singles[0]], len(singles), 0.0
        items = self.inv.without_residues(items)
        tol = units(self.policy.fee_tolerance(f.remaining / self.inv.unit * 1.01), f.grain,
                    self.inv.unit)
        sub = find_subsets([self.inv.remaining[p] for p in items[:MAX_ITEMS]],
                           f.remaining + 1, f.remaining + tol, grain=f.grain, window=self._window)
        chosen = [s for s in sub.found if self._within_tolerance(
            sum(self.inv.remaining[items[k]] for k in s), f.remaining, f.grain)]
        if chosen:
            return [items[k] for k in chosen[0]], sub.count, sub.chance
        return None

    def _no_exact_sum(self, cust: str, f: LineFacts) -> bool:
        """True when no set of the customer's open invoices makes the receipt exactly, as far
        as the search can tell (all of them searched: few enough open)."""
        items = self.inv.open_of(cust, f.currency, f.date)
        return len(items) <= MAX_ITEMS and not self._explain(items, f.remaining, f.grain)[1]

    def propose_payer_rest(self, f: LineFacts) -> list[Allocation] | None:
        """Payer known, no amount explains the receipt: suggest oldest-first or on account."""
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        tries = self._payers_to_try(f)
        if not tries:
            return None
        cust, sure, how = tries[0]
        if f.payer.customer != cust:
            return None
        items = self.inv.open_of(cust, f.currency, f.date)
        total = self.inv.total(items)
        if not items:
            return [Allocation(f.pos, None, cust, f.remaining, 0, "on-account", 0.6,
                               f"{how}; {self._none_open(f, cust)}: payment on account, "
                               "please confirm")]
        if f.remaining > total:
            conf = 0.86 if f.payer.by_account else 0.6
            return self._alloc(f, items, "overpayment", conf,
                               f"{how}; pays more than everything open ({self._money(total)}): all "
                               "invoices settled, the excess stays on account",
                               on_account_customer=cust)
        method = "partial" if f.remaining < self.inv.remaining[items[0]] else "oldest-first"
        return self._alloc(f, items, method, 0.6,
                           f"{how}; no set of open invoices makes the amount: applied oldest "
                           "first, please confirm")

    def _none_open(self, f: LineFacts, cust: str) -> str:
        """Why a known payer has no invoice to pay: none open, or only in another currency or
        issued after the receipt (an advance? the invoice dated late?)."""
        others = self.inv.open_of(cust, "", None)[:3]
        if not others:
            return "no open invoice"
        said = []
        for p in others:
            cur = self.inv.currency[p]
            if f.currency and cur and cur != f.currency:
                said.append(f"{self.inv.number[p]} in {cur}")
            else:
                day = self.inv.day[p]
                date = "" if day is None else f" dated {np.datetime64(day, 'D')}"
                said.append(f"{self.inv.number[p]}{date}")
        return ("no open invoice in the receipt's currency issued by its date (open: "
                + ", ".join(said) + ")")

    def propose_amount_only(self, f: LineFacts) -> list[Allocation] | None:
        """Payer unknown: the one open invoice of exactly the amount. Certain only when the
        amount is so particular that no other receipt would hit an open amount by chance:
        the open amounts around it are sparse (``OpenInvoices.coincidence``), and nothing on
        the line names another payer."""
        if f.category is not None or f.cash:
            return None
        same = [p for p in self.inv.by_amount.get(f.remaining, ())
                if self.inv.remaining[p] == f.remaining and self.inv.usable(p, f.currency, f.date)]
        if len(same) != 1:
            return None
        p = same[0]
        chance = self.inv.coincidence(f.remaining)
        other_payer = f.payer is not None and (
            f.payer.customer is not None
            or any(s >= CERTAIN_NAME and c != self.inv.customer[p] for c, s in f.payer.candidates))
        # The bank printed the payer's name and it is no customer's: someone else paying (a
        # related company, a person); the amount alone does not make that certain.
        name = self._names[f.pos]
        stranger = f.payer is None and isinstance(name, str) and bool(name.strip())
        # Part payments are round (5,000.00, 12,350.00): a round amount is never proof alone.
        particular = f.remaining % self.inv.tens != 0
        if particular and chance < AMOUNT_ONLY_CHANCE and not other_payer and not stranger \
                and f.remaining == f.amount:
            return self._alloc(f, [p], "amount-only", 0.86,
                               f"payer not identified; {self.inv.number[p]} is the only open "
                               f"invoice of this amount, and an amount this particular matches "
                               f"by chance about once in {1 / max(chance, 1e-6):,.0f} receipts")
        return self._alloc(f, [p], "amount-only", 0.5,
                           (f"paid by {name.strip()}, not a customer" if stranger
                            else "payer not identified")
                           + f"; {self.inv.number[p]} is the only open invoice "
                           "of this amount, please confirm")

    # ------------------------------------------------------------ all stages

    def run(self) -> None:
        self.read_lines()
        if self.recorded is not None:
            self.pair_recorded()
        # A credit the bank took back (returned cheque, recalled transfer) pays nothing.
        self.reversed = reversed_credits(self.lines)
        pending = sorted((f for f in self.facts.values() if f.pos not in self.reversed),
                         key=lambda f: f.pos)
        stages = (self.propose_reference, self.propose_weak_reference, self.propose_payer_exact,
                  self.propose_withholding, self.propose_payer_tolerance, self.propose_payer_rest, self.propose_amount_only)
        # Certain allocations first, across all rules; suggestions only from what is left.
        for floor in (MATCHED, 0.0):
            self._floor = floor
            for stage in stages:
                self.run_stage(stage, [f for f in pending if f.remaining > 0], floor)
                if stage == self.propose_reference and floor == MATCHED:
                    self.refresh_payers()
                    self.read_names()

    def pair_recorded(self) -> None:
        """Credits that are receipts already recorded in Payments (``recorded``): paired with
        them (Method ``recorded``), not applied again; the period's recorded receipts no line
        pairs with are listed in ``unbanked``."""
        receipts = read_receipts(self.recorded)
        unit = self.inv.unit
        credits = [(f.pos, f.amount, f.date, f.grain)
                   for f in sorted(self.facts.values(), key=lambda f: f.pos)]
        texts: dict[int, str] = {}
        names: dict[int, tuple[str, str] | None] = {}

        def text_of(pos: int) -> str:
            if pos not in texts:
                texts[pos] = (fold_text(self._descriptions[pos]) + " "
                              + fold_text(self._references[pos]))
            return texts[pos]

        def payer_of(pos: int) -> tuple[str, str] | None:
            # (Read apart from ``f.payer``: the cascade reads names after it has learned the
            # accounts and names of this statement's referenced receipts.)
            if pos not in names:
                payer = self.facts[pos].payer
                if payer is None or not payer.customer:
                    name = self._names[pos]
                    payer = (self.payers.by_name(name) if isinstance(name, str) and name.strip()
                             else self.payers.by_name(self._descriptions[pos], narrative=True))
                # (A name is evidence only when certain, as for the cascade's payer rules.)
                sure = payer is not None and payer.customer and (
                    payer.by_account or payer.score >= CERTAIN_NAME)
                names[pos] = (str(payer.customer), payer.how or "name") if sure else None
            return names[pos]

        first, last = self.period
        first_day = int(first.normalize().to_datetime64().astype("datetime64[D]").astype(np.int64))
        pairings = pair_receipts(credits, receipts, lambda r, g: units(r.amount, g, unit),
                                 text_of, payer_of, first_day)
        bank_line = (self.lines["Bank Line"].tolist() if "Bank Line" in self.lines
                     else list(range(1, len(self.lines) + 1)))
        for p in pairings:
            f, r = self.facts[p.line], p.receipt
            reason = (f"recorded in Payments as {r.payment_id} on {r.date:%Y-%m-%d}: "
                      f"{p.evidence}; already in the books, not applied again")
            if p.other_receipt is not None:
                o = p.other_receipt
                reason += (f"; but recorded receipt {o.payment_id} of {o.date:%Y-%m-%d} fits "
                           "as well: check which one the bank holds")
            elif p.other_line is not None:
                reason += (f"; but bank line {bank_line[p.other_line]} fits it as well: check "
                           "which one it is")
            conf = SUGGESTED_CONFIDENCE if p.ambiguous else 1.0
            self.allocations.append(Allocation(f.pos, None, r.customer or None, f.remaining, 0,
                                               "recorded", conf, reason, r.invoice_no))
            self.paired_total += f.remaining
            f.remaining = 0
            if not p.ambiguous and p.rank < 2:  # its payer's account, from a certain pairing
                self.payers.learn(r.customer, self._accounts[f.pos], self._names[f.pos])
        paired = {p.receipt.index for p in pairings}
        # A line of the same amount near an unbanked receipt, without evidence, is a hint.
        open_lines: dict[tuple[int, int], list[LineFacts]] = defaultdict(list)
        for f in self.facts.values():
            if f.remaining > 0 and f.date is not None:
                open_lines[(f.amount, f.grain)].append(f)
        hints: dict[int, list[str]] = {}
        grains = {f.grain for f in self.facts.values()}
        for r in receipts:
            if r.index in paired:
                continue
            near = sorted(f.pos for g in grains
                          for f in open_lines.get((units(r.amount, g, unit), g), ())
                          if -ADVICE_DAYS <= f.date - r.day <= CLEARING_DAYS)
            if near:
                hints[r.index] = [str(bank_line[pos]) for pos in near[:3]]
        # Receipts only from before the period and none paired: nothing of the period's books
        # to report (the tab and the rows are left out, as for a book without receipts).
        if pairings or any(first.normalize() <= r.date <= last for r in receipts):
            self.unbanked = unbanked_frame(receipts, paired, first, last, self.payers.names,
                                           hints)

    def read_names(self) -> None:
        """The payer by name (the bank's name field, else the narrative) for the lines no
        account identified and no full reference settled."""
        for f in self.facts.values():
            if f.remaining > 0 and f.payer is None:
                self._read_name(f)

    def _read_name(self, f: LineFacts) -> None:
        name = self._names[f.pos]
        f.payer = (self.payers.by_name(name) if isinstance(name, str) and name.strip()
                   else self.payers.by_name(self._descriptions[f.pos], narrative=True))

    def refresh_payers(self) -> None:
        """Accounts learned from this statement's referenced receipts identify the payers of
        its other lines (a customer who once wrote the invoice number, and once did not)."""
        accounts = self._accounts  # (read by ``read_lines``)
        for f in self.facts.values():
            if f.remaining <= 0 or (f.payer is not None and f.payer.by_account):
                continue
            if isinstance(accounts[f.pos], str) and accounts[f.pos].strip():
                found = self.payers.by_account(accounts[f.pos])
                if found is not None:
                    f.payer = found

    # ------------------------------------------------------------ why a line is left

    def unmatched_reason(self, f: LineFacts) -> tuple[str, str]:
        """(reason, candidates) for a credit left (partly) unallocated."""
        cands: list[str] = []
        debit = self.reversed.get(f.pos)
        if debit is not None:
            bank_line = self.lines["Bank Line"].iloc[debit] if "Bank Line" in self.lines else debit
            reason = (f"reversed by bank line {bank_line} (a debit of the same amount): nets to "
                      "zero, the invoices stay open")
        elif f.category:
            reason = f"not a customer receipt ({f.category})"
        elif self.settled_refs.get(f.pos):
            reason = ("names invoice " + ", ".join(sorted(set(self.settled_refs[f.pos])))
                      + " already settled (duplicate payment?)")
        elif f.payer and f.payer.customer:
            reason = f"payer by {f.payer.how} ({f.payer.customer}); no open invoice fits the amount"
        elif f.payer and f.payer.candidates:
            reason = "payer name ambiguous: " + ", ".join(c for c, _ in f.payer.candidates[:3])
        elif f.cash:
            reason = "cash deposit without reference or known payer"
        else:
            reason = "no invoice reference and payer not identified"
        for p in sorted(f.strong | f.weak, key=lambda p: (self.inv.remaining[p] != f.remaining, p))[:3]:
            cands.append(f"{self.inv.number[p]} ({self.inv.customer[p]}, "
                         f"{self._money(self.inv.remaining[p])} open)")
        if f.payer:
            for c, s in f.payer.candidates[:3]:
                cands.append(f"customer {c} ({s:.0f})")
        if not f.category:
            for p in self.inv.by_amount.get(f.remaining, ())[:3]:
                if self.inv.remaining[p] == f.remaining:
                    cands.append(f"{self.inv.number[p]} ({self.inv.customer[p]}, same amount)")
        return reason, "; ".join(dict.fromkeys(cands))
