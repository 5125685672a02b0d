"""Receipts net of the customer's credit notes.

Accounting rule: a customer holding a credit note (a return, a rebate, a price correction)
deducts it when it pays: it sends the invoices' open total less the credit note's open amount,
or its whole statement balance. The receipt then settles the invoices in full, part in cash and
part by the credit note, and the credit note is used up. The allocation says so: the invoices'
rows carry their full open amounts, and one row per credit note used carries its amount,
negative (Method ``credit-note``), so a receipt's rows still add up to the money received and
no credit note is used twice or beyond what is open on it.

A credit note is taken only when its open amount is exactly what the amount leaves over: the
gap of a receipt naming its invoices, or the difference between a known payer's receipt and
one set of its open invoices. Certain only when one way explains the amount and the payer is
known as for the amount alone (``payer_stages``); otherwise a suggestion.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ar_excel.core.matching.booking import Allocation
from ar_excel.core.matching.invoice_ledger import day_numbers
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import amounts_in_units

# A customer holding more open credit notes than this is not searched: which of them a
# receipt deducts would be one of many combinations, each a chance to make the amount by
# coincidence. Those it holds are tried one at a time, then all together.
AT_MOST = 3


class OpenCredits:
    """The customers' open credit notes (or, with ``kind="Payment"``, their receipts held on
    account) and what is left of each after this run."""

    def __init__(self, open_items: pd.DataFrame, unit: int, kind: str = "Credit Note") -> None:
        if "Item Type" in open_items:
            notes = open_items[(open_items["Item Type"] == kind)
                               & (open_items["Open Amount"] < -0.005)]
        else:
            notes = open_items.iloc[:0]
        key = "Document No" if "Document No" in notes else "Invoice No"
        notes = notes.sort_values(["Date", key], kind="stable").reset_index(drop=True)
        self.number = [str(x) for x in notes[key]]
        self.customer = [str(x) for x in notes["Customer ID"]]
        self.currency = [c.upper() if isinstance(c, str) else "" for c in notes["Currency"]] \
            if "Currency" in notes else [""] * len(notes)
        self.day = day_numbers(notes["Date"]) if "Date" in notes else [None] * len(notes)
        self.left = amounts_in_units(-notes["Open Amount"], unit, None)
        self.by_customer: dict[str, list[int]] = defaultdict(list)
        for pos, cust in enumerate(self.customer):
            self.by_customer[cust].append(pos)

    def of(self, customer: str, currency: str, day: int | None) -> list[int]:
        """The customer's credit notes still open in the line's currency, issued by its
        date, oldest first."""
        return [p for p in self.by_customer.get(customer, ())
                if self.left[p] > 0
                and not (currency and self.currency[p] and self.currency[p] != currency)
                and (day is None or self.day[p] is None or self.day[p] <= day)]

    def use(self, pos: int, units: int) -> None:
        self.left[pos] -= units


class CreditNotes:
    """Receipts net of credit notes (a part of ``Matcher``)."""

    def _credit_sets(self, f: LineFacts, cust: str, credits: OpenCredits | None = None
                     ) -> list[list[int]]:
        """The sets of the customer's open credit notes (or ``credits``) a receipt may deduct:
        each one alone, then all of them together."""
        held = (credits or self.credits).of(cust, f.currency, f.date)
        if not held or len(held) > AT_MOST:
            return []
        return [[p] for p in held] + ([held] if len(held) > 1 else [])

    def _credits_making(self, f: LineFacts, cust: str, gap: int,
                        credits: OpenCredits | None = None) -> list[int] | None:
        """The one set of the customer's open credit notes (or ``credits``) whose open amounts
        make ``gap`` exactly; None if none does, or several do."""
        credits = credits or self.credits
        found = [s for s in self._credit_sets(f, cust, credits)
                 if sum(credits.left[p] for p in s) == gap]
        return found[0] if len(found) == 1 else None

    def _listed(self, held: OpenCredits, positions: list[int]) -> str:
        """"CN-7 (5,700.00), CN-9 (120.00)": credits by number with what is left of each."""
        return ", ".join(f"{held.number[p]} ({self._money(held.left[p])})" for p in positions)

    def _advances_text(self, advances: list[int]) -> str:
        """"the customer's unapplied receipt R-56 (100,000.00)"."""
        return f"the customer's unapplied receipt {self._listed(self.advances, advances)}"

    def _advance_pays_rest(self, advances: list[int], invoice: int, gap: int) -> str:
        """A part payment's clause when the customer's advance makes up its gap."""
        return (f"short by {self._money(gap)}: {self._advances_text(advances)} pays the rest: "
                f"apply it to {self.inv.number[invoice]} too")

    def _credit_rows(self, f: LineFacts, cust: str, credits: list[int], conf: float,
                     reason: str) -> list[Allocation]:
        return [Allocation(f.pos, None, cust, -self.credits.left[p], 0, "credit-note", conf,
                           reason, invoice_no=self.credits.number[p], credit=p)
                for p in credits]

    def _net_of_credits(self, f: LineFacts, invs: list[int], credits: list[int], conf: float,
                        reason: str, doubt: str = "") -> list[Allocation]:
        """The invoices paid in full, the credit notes used up: rows that add up to the
        receipt. ``doubt`` goes last, where a person reads it."""
        cust = self.inv.customer[invs[0]]
        reason = (f"{reason}; less credit note {self._listed(self.credits, credits)}, which the "
                  "customer deducted" + doubt)
        rows = [Allocation(f.pos, p, cust, self.inv.remaining[p], 0, "credit-note", conf,
                           reason) for p in invs]
        return rows + self._credit_rows(f, cust, credits, conf, reason)

    def propose_net_of_credits(self, f: LineFacts) -> list[Allocation] | None:
        """A known payer's receipt that is one of its open invoices, or its whole balance, less its
        open credit notes or the receipts it sent before, held on account."""
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        found = []
        for cust, sure, how in self._payers_to_try(f)[:1]:
            if self.inv.with_amount(cust, f.remaining, f.currency, f.date):
                # An open invoice of exactly the amount: the amount stage weighs it. Where it
                # doubted it (a part payment, two such invoices, the oldest ones making the
                # amount too), another invoice less a credit is one more reading, no surer.
                return None
            items = self.inv.open_of(cust, f.currency, f.date)
            balance = self.inv.total(items)
            for held in (self.credits, self.advances):
                for credits in self._credit_sets(f, cust, held):
                    target = f.remaining + sum(held.left[p] for p in credits)
                    # One invoice less the credit, or the whole statement balance: a set of
                    # some invoices of many would make the amount by chance.
                    same = self.inv.with_remaining(items, target)
                    if same:
                        found.append((cust, sure, how, [same[0]], held, credits, len(same)))
                    elif balance == target:
                        found.append((cust, sure, how, list(items), held, credits, 1))
        if not found:
            return None
        cust, sure, how, invs, held, credits, count = found[0]
        nums = ", ".join(self.inv.number[p] for p in invs)
        doubt = len(found) > 1 or count > 1
        conf = 0.6 if doubt else self._payer_confidence(f, cust, sure, 0.9)
        doubted = "; one of several ways to make the amount with its credits: please confirm" \
            if doubt else ""
        said = f"{how}; amount equals the open amount of {nums}"
        if held is self.credits:
            return self._net_of_credits(f, invs, credits, conf, said, doubted)
        # Less the money it sent before (an advance, an overpayment held on account): the cash
        # pays the invoices but the last in part; the advance, already in the books, pays the
        # rest once it is applied there.
        reason = (f"{said} less {self._advances_text(credits)}: apply it to "
                  f"{self.inv.number[invs[-1]]} too" + doubted)
        rows, left = [], f.remaining
        for p in invs:  # each its open amount, the last what is left: never a write-off
            take = min(self.inv.remaining[p], left)
            if take > 0:
                rows.append(Allocation(f.pos, p, cust, take, 0, "partial", conf, reason))
            left -= take
        return rows
