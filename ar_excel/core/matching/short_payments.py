"""Stage 4b: a known payer's receipt a little short of one of its invoices (``partial``).

Accounting rule: a customer known for sure (by its account, or by a certain name that is its
alone) who names no invoice and sends a little less than one of its open invoices has paid that
invoice, short by something taken on the way: a bank charge larger than the policy's fee tolerance (a foreign or
intermediary bank's charge, a flat charge on a small invoice) or an early-payment discount
nobody agreed. An AR clerk applies the cash to that invoice and leaves the difference open on
it for a decision (claim it, or write it off with approval): it is beyond what the policy lets
the tool write off, so none is proposed.

The amount is the only evidence of which invoice, so it must point at one, and the gap must
read as what it is said to be. The gap is at most a short payment's (``SHORT_SHARE`` of the
invoice, or ``SHORT_CHARGES`` times the policy's absolute tolerance: a flat charge on a small
invoice) and is either charges (whole amounts, or whole plus VAT: a multiple of a quarter) or a
discount at a usual rate (a multiple of 0.5 %, to the cent, of the open or the invoiced
amount); exactly one of the customer's open invoices or sets of them lies that far above the
receipt, a coincidence is unlikely (sparse sums), no set of its open invoices and no open
invoice of anyone's makes the amount exactly, the receipt is not a round sum an odd amount
under the invoice (a part payment: 5,000.00 on account of 5,120.50; 2,430.00 is 2,500.00 less
a charge of 70.00) and the gap is not itself one of its open amounts. Then it is ``Matched``. Otherwise (a gap of no usual kind, several candidates) it is
suggested with that reason rather than as a payment on account against the oldest invoice; a
name several customers share (sister companies, a group's branches) is left to later stages.
"""

from __future__ import annotations

from ar_excel.core.matching.amounts import MAX_ITEMS, find_subsets
from ar_excel.core.matching.booking import Allocation
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units

# A short payment leaves at most this share of the invoice open (a discount of 1-2.5 %, the
# charges of a foreign transfer) ...
SHORT_SHARE = 0.03
# ... or, on a small invoice, a flat bank charge of up to this many times the policy's absolute
# fee tolerance (25.00 by default: up to 100.00).
SHORT_CHARGES = 4
# Expected chance coincidences below which the one invoice short of the receipt is the one paid.
SHORT_CHANCE = 0.02
# Discounts are taken at round rates: multiples of this (percent), up to ``SHORT_SHARE``.
DISCOUNT_STEP = 0.5


class ShortPayments:
    """Stage 4b (a part of ``Matcher``)."""

    def _short_cap(self, open_amount: int, grain: int) -> int:
        """The largest gap (units) a receipt may leave open on an invoice of ``open_amount``
        units and still be read as paying it short."""
        flat = units(SHORT_CHARGES * self.policy.fee_tolerance_abs, grain, self.inv.unit)
        return max(flat, int(open_amount * SHORT_SHARE))

    def _short_paid_of(self, cust: str, f: LineFacts) -> tuple[int, int, float] | None:
        """(the invoice, how many invoices or sets lie within a short payment above the
        receipt, chance coincidences) for the customer's one open invoice the receipt pays
        short by more than the fee tolerance; None when there is none, or one within the
        tolerance (stage 4's)."""
        amount = f.remaining
        if self.inv.open_total(cust) <= amount:
            return None
        items = self.inv.open_of(cust, f.currency, f.date)
        remaining = self.inv.remaining
        near = [p for p in items
                if 0 < remaining[p] - amount <= self._short_cap(remaining[p], f.grain)]
        if not near:
            return None
        if any(remaining[q] - amount <= self.inv.tolerance(remaining[q], f.grain) for q in near):
            return None  # (a bank charge within the tolerance: stage 4 reads it)
        # (Of several, the one whose gap reads as charges or a discount is the likelier.)
        p = next((q for q in near if self._what_was_taken(q, remaining[q] - amount)), near[0])
        if len(near) > 1 or len(items) > MAX_ITEMS:
            return p, max(len(near), 2), 1.0
        # Sets of its invoices short of the receipt by as little: another reading.
        top = amount + self._short_cap(int(amount * (1 + SHORT_SHARE)), f.grain)
        sub = find_subsets([remaining[q] for q in items], amount + 1, top,
                           grain=f.grain, window=self._window)
        return p, max(sub.count, 1), sub.chance

    def propose_payer_short(self, f: LineFacts) -> list[Allocation] | None:
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        if f.payer is None or f.payer.customer is None:
            return None  # no payer, or a name several customers share: a gap cannot choose
        if any(self.inv.remaining[q] == f.remaining and self.inv.usable(q, f.currency, f.date)
               for q in self.inv.by_amount.get(f.remaining, ())):
            return None  # an invoice of exactly the amount, someone's: the amount stage weighs it
        found = self._payers_who_could_have_paid(f, "short-paid", self._short_paid_of)
        if not found:
            return None
        cust, sure, how, p, n, chance = found[0]
        if not self._known_for_sure(f, cust):
            return None  # (a likely name, read less surely, leaves the gap to later stages)
        gap = self.inv.remaining[p] - f.remaining
        discount = self.discounts.taken([p], gap, f.date,
                                        self.inv.tolerance(self.inv.remaining[p], f.grain)) \
            if self.discounts else None
        taken = discount.clause if discount is not None else self._what_was_taken(p, gap)
        if f.remaining % self.inv.tens == 0 and (taken is None or gap % self.inv.whole != 0):
            return None  # a round sum an odd amount under an invoice is a part payment
        certain = (taken is not None and len(found) == 1 and n == 1 and chance < SHORT_CHANCE
                   and not self.inv.with_amount(cust, gap, f.currency, None)
                   and self._no_exact_sum(cust, f))
        if discount is not None:
            # The customer's agreed early-payment discount: written off when taken in time.
            said = (f"{how}; pays {self.inv.number[p]} ({self._money(self.inv.remaining[p])} "
                    f"open) {discount.clause}" + ("" if certain else ", please confirm"))
            if discount.in_time:
                return self._alloc(f, [p], "early-discount", 0.86 if certain else 0.6, said,
                                   discount=discount)
            return [Allocation(f.pos, p, cust, f.remaining, 0, "partial",
                               0.86 if certain else 0.6, said)]
        said = (f"{how}; pays {self.inv.number[p]} ({self._money(self.inv.remaining[p])} open) "
                f"short by {self._money(gap)}")
        if taken is None:
            reason = f"{said}, neither whole bank charges nor a usual discount: please confirm"
        else:
            reason = f"{said}: {taken}, left open on the invoice" + (
                "" if certain else ", please confirm")
        return [Allocation(f.pos, p, cust, f.remaining, 0, "partial",
                           0.86 if certain else 0.6, reason)]

    def _what_was_taken(self, p: int, gap: int) -> str | None:
        """What a gap of ``gap`` units under invoice ``p`` reads as: a discount at a usual rate
        of the open or the invoiced amount (to the cent; the likelier reading of 37.50 under
        2,500.00), bank charges (whole amounts, or whole plus VAT: quarters), or None."""
        unit = self.inv.unit
        steps = round(SHORT_SHARE * 100 / DISCOUNT_STEP)
        for base in (self.inv.remaining[p], self.inv.original[p]):
            for k in range(1, steps + 1):
                rate = k * DISCOUNT_STEP
                if abs(base * rate / 100 - gap) <= self.inv.cent:
                    return f"a {rate:g} % discount taken"
        if gap % (unit // 4) == 0 and gap <= units(SHORT_CHARGES * self.policy.fee_tolerance_abs,
                                                   self.inv.cent, unit):
            return "bank charges over the fee tolerance"
        return None
