"""Booking allocations: a receipt applied to invoices, all or nothing, most certain first.

Accounting rule: an allocation names the bank line, the invoice (none: on account), the amount
applied, any write-off (bank charges, within the policy's fee tolerance) and tax withheld, its
rule (``Method``) and a confidence; from ``MATCHED`` it is applied automatically, below it is a
suggestion for a person. A line's allocations are booked together or not at all, only while
every invoice still has the room and the receipt the money. A receipt spread over several
invoices pays each its open amount in order, the last what is left; a shortfall within the fee
tolerance is a write-off, an excess goes on account. Each stage proposes for every pending line
and the most confident proposals are booked first, so a weaker rule never takes an invoice a
stronger one needs. A certain full-reference match teaches the payer's account and name,
unless the name printed is plainly not the customer's (a third party paying for it). Nothing
is certain on an invoice a suggestion has taken part of: the rest it leaves is only as sure
as the suggestion; nor on the rest of a receipt a suggestion has taken part of; nor where the
rule is sure only because a suggestion took the other invoice the receipt may pay (two
invoices of 2,500.00 open, a cheque of 2,500.00 suggested against one, a transfer of 2,465.00
is not thereby the other's, short by a charge). Nor is a receipt the narrative calls a refund,
a chargeback or a claim, even from a customer's known account, unless those words are the
customer's own name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ar_excel.core.matching.classify import category_words
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import money_text
from ar_excel.core.matching.normalize import fold_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from ar_excel.core.matching.early_discounts import DiscountTaken

    # a matching stage: the allocations it proposes for a line, or None
    Proposer = Callable[[LineFacts], list["Allocation"] | None]

MATCHED = 0.85  # confidence from which an allocation is applied automatically


def doubted_inflow_note(category: str) -> str:
    """The note on a match whose narrative reads like money in that is no customer's payment
    (a refund, card sales...: ``classify``'s category), worded as Unmatched Bank's reason."""
    return (f"; the narrative reads like a non-customer inflow ({category}), not a customer's "
            "payment: please confirm")


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
    # The credit note this row uses up (a position in ``OpenCredits``), its amount negative in
    # ``applied`` (``credit_notes``): the customer deducted it from the receipt.
    credit: int | None = None

    @property
    def status(self) -> str:
        return "Matched" if self.confidence >= MATCHED else "Suggested"


class Booking:
    """The allocations and the ledger they are booked against (a part of ``Matcher``)."""

    def _money(self, amount: int) -> str:
        """Units as an amount for a reason (``money_text``)."""
        return money_text(amount, self.inv.unit)

    def apply(self, allocations: list[Allocation]) -> bool:
        """Book a line's allocations if every invoice still has the room; all or nothing."""
        need: dict[int, int] = defaultdict(int)
        credit: dict[int, int] = defaultdict(int)
        for a in allocations:
            if a.invoice is not None:
                need[a.invoice] += a.applied + a.writeoff + a.withheld
            elif a.credit is not None:
                credit[a.credit] -= a.applied
        if any(self.inv.remaining[p] < n for p, n in need.items()):
            return False
        if any(self.credits.left[p] < n for p, n in credit.items()):
            return False
        line = self.facts[allocations[0].line]
        applied = sum(a.applied for a in allocations)
        if applied > line.remaining:
            return False
        if self.suggested_on:
            held = sorted({self.suggested_on[p] for p in need if p in self.suggested_on})
            if held and any(a.confidence >= MATCHED for a in allocations):
                # What is left open of an invoice a suggestion took part of is no certain
                # amount: the suggestion may be wrong, and with it the fit (4,500.00 = the
                # 2,000.00 a part payment was suggested to leave + 2,500.00).
                self._doubted(allocations, "; fits what is left after the suggestion of bank "
                              f"line {self._bank_lines(held)}: please confirm")
        if line.pos in self.suggested_lines and any(a.confidence >= MATCHED
                                                    for a in allocations):
            # The rest of a receipt a suggestion took part of (other customers' invoices it
            # may name, a set it may make) is no certain amount either: the suggestion may be
            # wrong, and the whole receipt this invoice's.
            self._doubted(allocations, "; the rest of a receipt partly suggested: please confirm")
        for p, n in need.items():
            self.inv.book(p, n)
        for p, n in credit.items():
            self.credits.use(p, n)
        line.remaining -= applied
        self.allocations.extend(allocations)
        if allocations[0].confidence < MATCHED:
            for p in need:
                self.suggested_on.setdefault(p, line.pos)
                self.suggestion_takes.append((p, need[p], line.pos))
            self.suggested_lines.add(line.pos)
        first = allocations[0]
        if first.confidence >= MATCHED and first.method.startswith("reference"):
            name = self._names[line.pos]
            own_account = line.payer is not None and line.payer.by_account \
                and line.payer.customer == first.customer
            if own_account or self.payers.name_fits(first.customer, name):
                self.payers.learn(first.customer, self._accounts[line.pos], name)
            else:
                # The reference decides the invoice, whoever pays it; a third party paying for
                # the customer (its parent, its owner) does not pay from the customer's account.
                for a in allocations:
                    a.reason += (f"; paid by {name.strip()}, not the customer's name: a third "
                                 "party, not learned as the customer's payer")
        return True

    def run_stage(self, propose: Proposer, lines: list[LineFacts], floor: float) -> None:
        """Propose for every pending line, then book the most confident first; a line whose
        invoices were taken meanwhile is proposed again against the ledger as it is now.
        Proposals under ``floor`` are left for a later round."""
        proposals = []
        for f in lines:
            if f.remaining <= 0:
                continue
            p = self._proposed(propose, f)
            if p and p[0].confidence >= floor:
                proposals.append((p, f))
        proposals.sort(key=lambda x: (-x[0][0].confidence, x[1].pos))
        for p, f in proposals:
            if f.remaining <= 0:
                continue
            if not self.apply(self._sure_without_suggestions(propose, f, p)):
                again = self._proposed(propose, f)
                if again and again[0].confidence >= floor:
                    self.apply(self._sure_without_suggestions(propose, f, again))

    def _sure_without_suggestions(self, propose: Proposer, f: LineFacts,
                                  allocations: list[Allocation]) -> list[Allocation]:
        """``allocations``, made suggestions where the stage is sure of them only with the
        suggestions booked so far: proposed again with what those took put back, it proposes
        otherwise (or less surely). A suggestion may be wrong; the invoice it took may be the
        one this receipt pays (two of 2,500.00 open, one suggested to a cheque of 2,500.00: a
        transfer of 2,465.00 is either's, short by a charge)."""
        takes = self.suggestion_takes
        if not takes or not any(a.confidence >= MATCHED for a in allocations):
            return allocations
        if any(a.invoice in self.suggested_on for a in allocations):
            return allocations  # (``apply`` says that a suggestion took part of it)
        for p, n, _ in takes:
            self.inv.book(p, -n)
        try:
            alone = self._proposed(propose, f)
        finally:
            for p, n, _ in takes:
                self.inv.book(p, n)
        if alone and all(a.confidence >= MATCHED for a in alone) and \
                [(a.invoice, a.applied, a.writeoff) for a in alone] == \
                [(a.invoice, a.applied, a.writeoff) for a in allocations]:
            return allocations
        customers = {a.customer for a in allocations}
        held = sorted({k for p, _, k in takes if self.inv.customer[p] in customers}) \
            or sorted({k for _, _, k in takes})[:3]
        return self._doubted(allocations, f"; sure only once the suggestion of bank line "
                             f"{self._bank_lines(held)} took another invoice: please confirm")

    def _bank_lines(self, positions: list[int]) -> str:
        """The bank lines at ``positions``, as a reason names them: their Bank Line numbers,
        else their rows counted from 1."""
        return ", ".join(str(self.lines["Bank Line"].iat[k]) if "Bank Line" in self.lines
                         else str(k + 1) for k in positions)

    def _proposed(self, propose: Proposer, f: LineFacts) -> list[Allocation] | None:
        """The stage's proposal for the line, only suggested where the narrative calls the
        money something no customer pays or a recorded receipt may be it."""
        return self._recorded_doubted(f, self._inflow_doubted(f, propose(f)))

    @staticmethod
    def _doubted(allocations: list[Allocation], note: str) -> list[Allocation]:
        """``allocations`` made suggestions, ``note`` saying why (once: a stage may say it
        already; the callers in ``apply`` and ``_sure_without_suggestions`` only reach it with
        a sure allocation, so never with their own note said)."""
        for a in allocations:
            a.confidence = min(a.confidence, 0.6)
            if note not in a.reason:
                a.reason += note
        return allocations

    def _recorded_doubted(self, f: LineFacts, allocations: list[Allocation] | None
                          ) -> list[Allocation] | None:
        """``allocations`` made suggestions when a receipt recorded in Payments, of another
        customer than the line's payer, has exactly the line's amount and its invoice's
        numeric part is written on the line (``RecordedPairing.pair_recorded`` did not pair
        them: the payer's own invoice has that part too), unless they settle the payer's
        invoices exactly: the money may be that receipt, already in the books, a related
        company paying."""
        r = self.recorded_doubt.get(f.pos)
        if not allocations or r is None:
            return allocations
        # (The payer's invoices named settled exactly by the amount are the likelier reading
        # by far: INV 325,815 for its own two making 7,500.00.)
        if all(a.invoice is not None and a.credit is None
               and a.applied + a.writeoff == self.inv.remaining[a.invoice] for a in allocations):
            return allocations
        note = (f"; but recorded receipt {r.payment_id} of {r.date:%Y-%m-%d} ({r.invoice_no}) "
                "has this amount and the narrative writes its invoice's number: already in "
                "the books? please confirm")
        return self._doubted(allocations, note)

    def _inflow_doubted(self, f: LineFacts, allocations: list[Allocation] | None
                        ) -> list[Allocation] | None:
        """``allocations`` made suggestions when the narrative calls the money something no
        customer pays (REFUND, CHARGEBACK, مرتجع, INSURANCE CLAIM, POS SETTLEMENT), whatever
        the stage: an invoice it quotes may be a supplier's of the same shape, and a payer
        known by its account: a customer that is also a supplier, an insurer, a
        card acquirer gives money back or pays a claim from the same account it pays its
        invoices from, so the account says who, not that an invoice is paid. Not when every
        such word is in the customer's own name (EGYPT LEASING AND FINANCING CO paying)."""
        if not allocations or f.category is None:
            return allocations
        words = [w.strip() for w in category_words(self._line_text(f.pos))]
        names = [fold_text(self.payers.names.get(str(a.customer), "")) for a in allocations]
        if words and all(w in name for name in names for w in words):
            return allocations
        # (the purchase-order stage says the note already: ``_doubted`` adds it once)
        return self._doubted(allocations, doubted_inflow_note(f.category))

    def _alloc(self, f: LineFacts, invs: list[int], method: str, conf: float, reason: str,
               on_account_customer: str | None = None,
               discount: DiscountTaken | None = None) -> list[Allocation]:
        """Spread the receipt over ``invs`` in order: each gets its open amount, the last
        what is left; a shortfall within tolerance is a write-off, an excess goes on account.
        With the agreed early-payment ``discount`` taken, each invoice gets its open amount
        less its discount, written off (the last also the charges within the tolerance)."""
        out: list[Allocation] = []
        left = f.remaining
        total_open = self.inv.total(invs)
        short = total_open - left
        tolerance = self.inv.tolerance(total_open, f.grain)
        for k, p in enumerate(invs):
            room = self.inv.remaining[p]
            last = k == len(invs) - 1
            take = min(room, left) if discount is None or last else \
                room - discount.per_invoice[p]
            if take <= 0:
                break
            wo = 0
            m = method
            if discount is not None:
                wo, m = room - take, "early-discount"
            elif last and 0 < short <= tolerance and take < room:
                wo = room - take
                m = "fee-writeoff"
            out.append(Allocation(f.pos, p, self.inv.customer[p], take, wo, m, conf, reason))
            left -= take
        if left > 0 and on_account_customer:
            out.append(Allocation(f.pos, None, on_account_customer, left, 0, "on-account", conf,
                                  reason + "; excess over the open invoices stays on account"))
        return out

    def _within_tolerance(self, total_open: int, amount: int, grain: int) -> bool:
        return 0 < total_open - amount <= self.inv.tolerance(total_open, grain)
