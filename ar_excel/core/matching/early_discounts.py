"""Early-payment discounts the customers' terms grant ("2/10 Net 30"), taken on a receipt.

Accounting rule: a customer on terms of "2/10 Net 30" may pay 2 % less when it pays within 10
days of the invoice date. A receipt short of the invoice(s) it pays by exactly that discount
(to the cent, of each invoice's amount), credited by the bank within the discount period, has
taken the discount it was granted: the cash is applied and the discount is proposed to write
off (Method ``early-discount``; posted as a ``Discount``, discount allowed), so the invoice
closes. The bank credits a transfer a day or two after the customer sends it, so a receipt
up to ``TRANSFER_DAYS`` after the period still counts; later, the discount was not earned and
the gap stays open on the invoice for a decision (claim it or allow it). A bank charge within
the fee tolerance on top of the discount is written off with it, as it would be alone.

Where VAT is charged, many suppliers grant the discount on the amount before VAT (the tax is
due on what was sold, the discount is a price reduction): 11,400.00 incl. 14 % VAT on 10,000.00,
2/10 Net 30, is paid 11,200.00. The reader folds net and VAT into the invoice total, so the
amount before VAT is the total less one of the policy's allowed VAT rates; the discount is read
on the total or on that amount, one base for all the invoices a receipt pays, the reading that
leaves the least over for charges first.

The terms come from the Payment Terms column (``2/10 Net 30``) or, where the master writes
them there, from the Discount % column (``2/10 Net 30`` is the discount and its period).

Terms without a discount, or a gap that is not the agreed discount, leave the short payment
to the other rules (``partial``, ``fee-writeoff``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ar_excel.core.matching.invoice_ledger import OpenInvoices
from ar_excel.core.matching.minor_units import money_text
from ar_excel.core.matching.withholding import bases
from ar_excel.parsing import EARLY_DISCOUNT, EARLY_DISCOUNT_COLUMN, EarlyDiscount

# Days a transfer may take from the customer's bank to the booking on the statement.
TRANSFER_DAYS = 3


def _granted(frame: pd.DataFrame | None, key: str, stated_only: bool = False
             ) -> dict[str, EarlyDiscount | None]:
    """Per ``key`` of a Customers or Invoices frame, the early-payment discount its Payment
    Terms grant; ``stated_only``: also None for rows whose terms grant none, and nothing
    for rows without terms (the customer's then decide)."""
    if frame is None or key not in frame or (EARLY_DISCOUNT not in frame
                                             and EARLY_DISCOUNT_COLUMN not in frame):
        return {}
    none = [None] * len(frame)
    terms = frame.get(EARLY_DISCOUNT, none)
    # A Discount % column written as the terms that grant it ("2/10 Net 30"): the master's
    # word on the discount, where the Payment Terms grant none.
    column = frame.get(EARLY_DISCOUNT_COLUMN, none)
    stated = frame["Payment Terms"].notna().to_numpy() if "Payment Terms" in frame \
        else [True] * len(frame)
    out: dict[str, EarlyDiscount | None] = {}
    for k, t, c, s in zip(frame[key], terms, column, stated, strict=True):
        d = t if isinstance(t, EarlyDiscount) else c if isinstance(c, EarlyDiscount) else None
        if d is not None or (stated_only and s):
            out[str(k)] = d
    return out


@dataclass(frozen=True)
class DiscountTaken:
    """A receipt's gap read as the agreed discount(s) of the invoices it pays."""

    per_invoice: dict[int, int]  # invoice position -> the discount (units)
    charges: int  # the rest of the gap: bank charges within the tolerance (units)
    in_time: bool  # credited within the discount period (and the transfer days)
    clause: str  # what it is, for the reason


class EarlyDiscounts:
    """Per open invoice: the early-payment discount its terms grant (its own Payment Terms
    where the Invoices sheet states them, else its customer's)."""

    def __init__(self, inv: OpenInvoices, customers: pd.DataFrame | None,
                 invoices: pd.DataFrame | None = None) -> None:
        self.inv = inv
        self.granted: dict[int, EarlyDiscount] = {}
        # The amounts a discount may be computed on: the total, and the amount before each of
        # the policy's VAT rates (name, divisor; ``withholding.bases``).
        self.bases = bases(inv.policy)
        terms = _granted(customers, "Customer ID")
        # An invoice's own Payment Terms, where it states them, decide before its customer's.
        own = _granted(invoices, "Invoice No", stated_only=True)
        if not terms and not any(own.values()):
            return
        for c, ps in inv.by_customer.items():
            for p in ps:
                number = inv.number[p]
                discount = own[number] if number in own else terms.get(c)
                if discount is not None and inv.original[p] > 0 and inv.day[p] is not None:
                    self.granted[p] = discount

    def _money(self, amount: int) -> str:
        return money_text(amount, self.inv.unit)

    def __bool__(self) -> bool:
        return bool(self.granted)

    def _discount(self, p: int, divisor: float = 1.0) -> int:
        """The discount on invoice ``p`` in units, to its minor unit: on its total, or on its
        amount before VAT (the total divided by ``divisor``)."""
        grain = self.inv.grain[p]
        return round(self.inv.original[p] / divisor * self.granted[p].rate / 100 / grain) * grain

    def _reading(self, invs: list[int], gap: int, tolerance: int
                 ) -> tuple[dict[int, int], int, str] | None:
        """(discount per invoice, charges, base) of the base whose discounts leave the least
        of the gap over for charges (at most ``tolerance``, or a minor unit per invoice either
        way: rounding); None when no base's do."""
        slack = self.inv.cent * len(invs)
        best = None
        for name, divisor in self.bases:
            per = {p: self._discount(p, divisor) for p in invs}
            charges = gap - sum(per.values())
            if charges < -slack or charges > max(tolerance, slack) or 0 in per.values():
                continue
            if divisor != 1.0 and charges > slack and charges % self.inv.whole:
                continue  # (before VAT: the discount to the cent, a charge whole; else any
                # gap between the bases' discounts would read as one)
            if best is None or abs(charges) < abs(best[1]):
                best = (per, charges, name)
        return best

    def taken(self, invs: list[int], gap: int, day: int | None,
              tolerance: int) -> DiscountTaken | None:
        """The gap of a receipt dated ``day`` under the open invoices ``invs`` read as their
        agreed discounts (each to a cent, plus at most ``tolerance`` of bank charges); None
        when an invoice grants none, or the gap is not its discount."""
        if not self.granted or gap <= 0 or any(p not in self.granted for p in invs):
            return None
        if any(self.inv.remaining[p] != self.inv.original[p] for p in invs):
            return None  # (part paid already: the discount was on the whole invoice, in time)
        reading = self._reading(invs, gap, tolerance)
        if reading is None:
            return None
        per, charges, base = reading
        charges = max(charges, 0)
        lateness = [day - (self.inv.day[p] + self.granted[p].days) for p in invs] \
            if day is not None else [0]
        late = max(lateness)
        in_time = late <= TRANSFER_DAYS
        terms = sorted({str(self.granted[p]) for p in invs})
        if base != "total":  # "net of 14% VAT": on the amount before it
            terms[-1] += f", on the amount {base.replace('net of', 'before')}"
        said = (f"short by {self._money(gap)}: the early-payment discount of "
                f"{self._money(sum(per.values()))} its terms grant ({', '.join(terms)})")
        if charges:
            said += f" and {self._money(charges)} of charges within the fee tolerance"
        if in_time:
            clause = f"{said}, taken in time: write-off proposed as a discount"
        else:
            clause = (f"{said}, taken {late} days after the discount period: not earned, left "
                      "open on the invoice")
        return DiscountTaken(per, charges, in_time, clause)
