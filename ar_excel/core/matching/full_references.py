"""Stage 1: the narrative names the invoice(s) in full.

Accounting rule: an invoice number written in full (in any formatting) identifies the invoice,
whoever pays it. The amount then says how: it settles the invoices exactly (``reference``,
``multi-invoice`` for several), falls short within the fee tolerance (``fee-writeoff``: the gap
a write-off), short by income tax withheld at a policy rate (``withholding-tax``), short beyond
that (``partial``: the amount does not confirm the number, so it is only suggested when the line
shows someone else paying - another customer's account or name, or a name that is not the
customer's), or over it (``overpayment``: the excess pays other open invoices of the
customer that make it exactly, or that it pays less a bank charge (one of them, or the one set
of them unlikely by chance), or it is the tax withheld on the invoices named and on the one set
of others it then pays (``withholding-tax``), else stays on account; more
than twice the invoices named is only suggested without a known payer). Numeric parts the
narrative writes that make the amount exactly win over a full number that does not; a number
one digit away from an invoice whose open amount is the receipt wins when the payer agrees. A
bare 5-6 digit number or a date is certain only with the exact amount or the invoice's payer.
A refund or a claim quoting an invoice is only suggested.
"""

from __future__ import annotations

from itertools import permutations

import numpy as np

from ar_excel.core.matching.amounts import MAX_ITEMS, find_subsets
from ar_excel.core.matching.booking import MATCHED, Allocation
from ar_excel.core.matching.invoice_ledger import VECTOR_FROM
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.names import distinctive, name_tokens
from ar_excel.core.matching.normalize import (
    fold_text,
    one_digit_variants,
    other_numbers,
    printed_amounts,
)
from ar_excel.core.matching.payers import CERTAIN_NAME, MARGIN
from ar_excel.core.matching.references import printed_dates

# A name score this high is a customer's name written in full (SUNRISE AGRO EST.).
EXACT_NAME = 98.0
# Sets of the customer's other invoices making the rest over the invoices named by chance,
# below which the one set is the one paid.
REST_CHANCE = 0.02


class FullReferences:
    """Stage 1 of the cascade (a part of ``Matcher``)."""

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
        # (A refund, a claim or a card settlement quoting an invoice of ours is made a
        # suggestion by the booking, as every stage's: ``Booking._inflow_doubted``.)
        return self._settle_named(f, refs, "narrative names", 0.0)

    def _cheque_not_the_amount(self, f: LineFacts, cust: str | None, refs: list[int]) -> bool:
        """Whether a number naming one of ``refs`` loosely (a bare 5-6 digit number) is one
        the narrative calls a cheque, an order or a phone number (``other_numbers``), or
        prints as a date (بتاريخ 2026/3/15, invoice 2026/315), while another open invoice of
        the payer's is exactly the receipt's amount."""
        if cust is None:
            return False
        digits = self.index.digit_strings
        loose = [p for p in refs if p in f.loose]
        if not loose or not any(digits[p].lstrip("0") in other_numbers(f.numbers)
                                or digits[p] in printed_dates(f.numbers) for p in loose):
            return False
        return any(p not in refs for p in self.inv.with_amount(cust, f.remaining, f.currency,
                                                               f.date))

    def _number_is_the_amount(self, f: LineFacts, p: int) -> bool:
        """Whether invoice ``p``'s number is all digits and reads as the line's amount in whole
        units (invoice 12000 and a receipt of 12,000.00)."""
        number = self.inv.number[p].strip()
        whole, rest = divmod(f.amount, self.inv.unit)
        return number.isdigit() and not rest and number.lstrip("0") == str(whole)

    def _number_is_a_date(self, f: LineFacts, p: int) -> bool:
        """Whether invoice ``p``'s number is all digits and named only by a number the
        narrative prints as a date (``references.printed_dates``: 20261015, 15/10/2026), not
        called an invoice. (A number of its own shape, 2026/1104, whose digits a date
        TRF/IN/20261104 writes, is confirmed by the amount.)"""
        return p in f.loose and self.inv.number[p].strip().isdigit() \
            and self.index.digit_strings[p] in printed_dates(f.numbers)

    def _number_confirms_nothing(self, f: LineFacts, p: int) -> str | None:
        """Why invoice ``p``'s number cannot confirm the amount (without its payer known for
        sure): it is the amount written out, or a date the narrative prints; None where it
        can."""
        if self._number_is_the_amount(f, p):
            return "the number is the amount itself"
        if self._number_is_a_date(f, p):
            return "the number reads as a date"
        return None

    def _settle_named(self, f: LineFacts, refs: list[int], said: str, penalty: float,
                      unsure: bool | None = None, retyped: bool = False
                      ) -> list[Allocation] | None:
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
            why = self._number_confirms_nothing(f, refs[0]) if len(refs) == 1 else None
            if why and not (cust and self._known_for_sure(f, cust)):
                # (GOLDEN EAGLE 12000 for 12,000.00, invoice 12000 Golden's: the number is the
                # amount written out, and an amount cannot confirm itself. PAYMENT 20261015,
                # nobody named: the day the payer or the bank dated the transfer as likely as
                # invoice 20261015; a named payer's receipt of the same amount has the better
                # claim to it.)
                return self._alloc(f, refs, method, 0.6,
                                   f"{said} {names}; amount equals the open amount, but "
                                   f"{why}: please confirm")
            slip = self._payers_own_slip(f, refs[0], said) if len(refs) == 1 else None
            if slip:
                return slip
            return self._alloc(f, refs, method, 0.99 - penalty,
                               f"{said} {names}; amount equals the open amount")
        amounts = [self.inv.remaining[p] for p in refs]
        if len(refs) > 1:
            sub = find_subsets(amounts, f.remaining, f.remaining, grain=f.grain,
                               window=self._window)
            if sub.count == 1:
                chosen = [refs[k] for k in sub.found[0]]
                # (2026-INV-0807 written, ف-2026-0807 another's with the same digits: the
                # amount picks one invoice named, as if it alone were, and the payer's own
                # invoice one digit away of the amount still makes it a question.)
                slip = self._payers_own_slip(f, chosen[0], said) if len(chosen) == 1 else None
                if slip:
                    return slip
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
        if typo and one_customer and self._known_for_sure(f, cust) \
                and self.inv.customer[typo[0].invoice] != cust:
            # (The payer, known for sure, pays its own invoice it names: another customer's
            # invoice one digit away with the amount is a coincidence, not the payer's typo.)
            typo = None
        if typo:  # another reading explains the amount: whatever we apply needs a person
            penalty = max(penalty, 0.3)
            said = f"{said} (or a mistyped {self.inv.number[typo[0].invoice]}, which has this amount)"
        elif total != f.remaining and len(self._typo_readings(f, set(refs))) > 1:
            # Several invoices one digit away have exactly the amount: in a dense numbering
            # the number named may itself be the mistyped one.
            penalty = max(penalty, 0.3)
            said = f"{said} (or a mistyped number of another invoice with this amount)"
        # Short by exactly what a credit note of the customer's still has open (it deducted
        # the credit note), or by the money it sent before, held on account (an advance): read
        # before tax withheld or charges, since writing the gap off would grant the credit
        # twice. Where the line shows someone else paying, the part payment below says so.
        deducted = advance = None
        # Short by the early-payment discount its terms grant ("2/10 Net 30"), taken in time:
        # the amount confirms the number and the discount is written off (read before tax
        # withheld: a 1 % gap the terms grant is that discount).
        discount = self.discounts.taken(refs, total - f.remaining, f.date,
                                        self.inv.tolerance(total, f.grain)) \
            if one_customer and total > f.remaining and self.discounts else None
        if one_customer and total > f.remaining:
            deducted = self._credits_making(f, cust, total - f.remaining)
            if deducted is None and len(refs) == 1:
                advance = self._credits_making(f, cust, total - f.remaining, self.advances)
            if deducted is not None and not self._payer_against(f, cust, "part of it"):
                return self._net_of_credits(f, refs, deducted, 0.9 - penalty, f"{said} {names}")
            if advance is not None and not self._payer_against(f, cust, "part of it"):
                # (A part payment as it stands, even within the fee tolerance: the advance,
                # not a write-off, settles the rest.)
                return [Allocation(f.pos, refs[0], cust, f.remaining, 0, "partial",
                                   0.9 - penalty, f"{said} {names}; "
                                   + self._advance_pays_rest(advance, refs[0],
                                                             total - f.remaining))]
            if discount is not None and discount.in_time \
                    and not self._payer_against(f, cust, "part of it"):
                return self._alloc(f, refs, "early-discount", 0.95 - penalty,
                                   f"{said} {names}; {discount.clause}", discount=discount)
            # Paid less the income tax the customer withheld (a certificate to come).
            readings = self._withholding_readings(f, refs)
            if readings:
                return self._alloc_withheld(f, readings[0],
                                            (0.95 if len(readings) == 1 else 0.6) - penalty,
                                            f"{said} {names}", len(readings) > 1)
        if self._within_tolerance(total, f.remaining, f.grain):
            slip = self._payers_own_slip(f, refs[0], said, short=True) \
                if len(refs) == 1 else None
            if slip:
                return slip
            return self._alloc(f, refs, method, (0.95 if one_customer else 0.6) - penalty,
                               f"{said} {names}; short by {self._money(total - f.remaining)} "
                               "within the fee tolerance: write-off proposed")
        # Beyond this point the amount does not confirm the number. A payer known for sure (by
        # account, or a certain name) to be another customer, or a number one digit away whose
        # invoice the amount fits (less charges or tax withheld), says it may be mistyped: the
        # payer's own invoice one digit away (the one the amount fits, else its only one) is
        # the one meant, else a person decides.
        if not retyped and not typo:
            sure = self._sure_payer(f, customers)
            if sure not in customers:
                near = self._neighbours(f, refs)  # open invoices one digit away from one named
                # Those whose open amount the receipt pays exactly, or less a bank charge (the
                # fee tolerance) or income tax withheld at a policy rate.
                fitting = [q for q in near if self._amount_fits(f, q)]
                mine = [p for p in fitting if self.inv.customer[p] == sure]
                if sure is not None and not mine and not self.inv.with_amount(
                        sure, f.remaining, f.currency, f.date):
                    # The payer's own invoice one digit away, whatever the amount: unless
                    # another of its invoices is the amount exactly (the number named may be
                    # that one's, miscopied further).
                    mine = [p for p in near if self.inv.customer[p] == sure]
                if sure is not None and len(mine) == 1:
                    return self._settle_named(
                        f, mine, f"{said} {names}, one digit away from "
                        f"{self.inv.number[mine[0]]} of the payer's (mistyped?); it",
                        penalty + 0.05, False, retyped=True)
                # A look-alike payer name that may be the named invoice's customer and not the
                # other invoice's keeps the number as written.
                likely = {c for c, _ in f.payer.candidates} if f.payer and sure is None else set()
                if fitting and not (likely & customers and likely.isdisjoint(
                        self.inv.customer[p] for p in fitting)):
                    penalty = max(penalty, 0.3)
                    said = (f"{said} (or a mistyped "
                            + ", ".join(self.inv.number[p] for p in fitting)
                            + ", which the amount fits)")
                elif sure is None and likely and likely.isdisjoint(customers) and any(
                        self.inv.customer[p] in likely for p in near):
                    # The name printed looks like a customer whose invoice is one digit away.
                    penalty = max(penalty, 0.3)
                    said = f"{said} (or a mistyped number of the payer's, by its name)"
                elif sure is not None and not (one_customer and self._payer_against(f, cust, "it")):
                    # (When the line's name or account says so, the note below tells it.)
                    penalty = max(penalty, 0.3)
                    said = (f"{said} (the payer is customer {sure}, "
                            f"{self.payers.names.get(sure, '')}: paying for it?)")
        # A bare 5-6 digit number or
        # a date (``loose``) may be the payer's cheque, PO or the bank's reference that happens
        # to be an invoice number too: it is applied for sure only when the payer (by account,
        # or by name in the later stage) is the invoice's customer, unless the narrative calls
        # it a cheque or an order number and another open invoice of the payer's is exactly
        # the amount (CHQS 123456 123457: the payer's cheque numbered like its invoice).
        unconfirmed = unsure if unsure is not None else bool(f.loose) and (
            not f.loose.isdisjoint(refs) and (payer is None or payer != cust
                                              or self._cheque_not_the_amount(f, cust, refs)))
        # Short of the one invoice named by a usual discount or whole bank charges (2 % of
        # 5,000.00; 71.00), by a credit note or by an advance (above): the amount confirms the
        # number after all.
        taken = self._what_was_taken(refs[0], total - f.remaining) \
            if unconfirmed and len(refs) == 1 and f.remaining < total and deducted is None \
            and advance is None else None
        if taken is not None or deducted is not None or advance is not None:
            unconfirmed = False
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
                # Or the named invoices and others of the customer's, all paid less income
                # tax withheld at one rate (INV 1021 1022 and 1024, less 1 %): the rest is no
                # overpayment but the tax on them all.
                # (A round excess, 5,720.00, is money sent on account: tax withheld on each
                # invoice leaves an odd one.)
                withheld = self._withheld_with_rest(f, refs, others) \
                    if self._wht_top and others and excess % self.inv.tens else None
                if withheld is not None and withheld[0].withheld[-1] >= 0:
                    reading, sure_rest = withheld
                    extra = reading.invoices[len(refs):]
                    out = self._alloc_withheld(
                        f, reading, (0.9 if sure_rest else 0.6) - penalty,
                        f"{said} {names}; the rest is "
                        + ", ".join(self.inv.number[p] for p in extra), not sure_rest)
                    if out:
                        for a in out:
                            a.reason += note if not note or "please confirm" in a.reason \
                                else note + ": please confirm"
                        return out
            # Paying more than twice what the named invoices owe is not an overpayment of them
            # (more invoices paid, or another number): only a known payer makes it certain.
            doubled = excess > total and (payer is None or payer != cust)
            # The excess stays on the customer's account: not when someone else sent it.
            against = self._payer_against(f, cust, "more than it") \
                if one_customer and not doubled else ""
            if one_customer and not doubled and not against:
                # The narrative also writes the numeric part of another open invoice of the
                # customer's (SINV 421 + SINV-00422): the rest is most likely paid on it (a
                # part payment, or its open amount once another receipt is applied), not
                # an overpayment held on account.
                also = [p for p in self.inv.by_due(f.weak - set(refs))
                        if self.inv.customer[p] == cust and self.inv.remaining[p] > 0]
                # Or names one of the customer's invoices in full that another line (or the
                # books) settled: the rest was most likely meant for it (paid twice?).
                settled = [p for p in self.inv.by_due(f.strong - set(refs))
                           if self.inv.customer[p] == cust and self.inv.remaining[p] <= 0]
                if also:
                    against = ("; it also writes the number of "
                               + ", ".join(self.inv.number[p] for p in also)
                               + ", which the rest may pay: please confirm")
                elif settled:
                    against = ("; it also names "
                               + ", ".join(self.inv.number[p] for p in settled)
                               + ", settled already, which the rest may be for: please confirm")
                else:
                    # Or writes the number of another customer's open invoice that the rest
                    # is exactly (TAMIMI ... INV 101 & 103, 103 Almarai's): paid for it too.
                    theirs = [p for p in self.inv.by_due((f.weak | f.strong) - set(refs))
                              if self.inv.customer[p] != cust
                              and self.inv.remaining[p] == excess
                              and self.inv.usable(p, f.currency)]
                    if theirs:
                        p = theirs[0]
                        other = self.inv.customer[p]
                        against = (f"; the rest is exactly {self.inv.number[p]} of customer "
                                   f"{other} ({self.payers.names.get(other, '')}), which it "
                                   "also names: paid for it too? please confirm")
            return alloc(f, refs, "overpayment",
                         (0.9 if one_customer and not doubled and not against else 0.6) - penalty,
                         f"{said} {names}; paid {self._money(excess)} more than open"
                         + (", more than the invoices themselves: please confirm"
                            if doubled else against),
                         on_account_customer=cust)
        # Short beyond tolerance: a part payment. The amount does not confirm the number, so a
        # payer the line shows is someone else (another customer, a third party) leaves it to
        # a person: the number may be quoted by mistake, or the money be another's.
        if len(refs) == 1:
            against = self._payer_against(f, cust, "part of it")
            paid = (f"short by {self._money(total - f.remaining)}: {taken}, left open on the "
                    "invoice" if taken is not None else
                    self._advance_pays_rest(advance, refs[0], total - f.remaining)
                    if advance is not None else
                    discount.clause if discount is not None else  # (taken too late)
                    f"part payment of {self._money(self.inv.remaining[refs[0]])} open")
            return alloc(f, refs, "partial", (0.7 if against else 0.9) - penalty,
                         f"{said} {names}; {paid}" + against)
        stated = self._stated_split(f, refs) if one_customer and not note and not penalty \
            and not self._payer_against(f, cust, "part of it") else None
        if stated is not None:
            return [Allocation(f.pos, p, cust, amount, 0,
                               "multi-invoice" if amount == self.inv.remaining[p] else "partial",
                               0.9, f"{said} {names}; the narrative states what it pays on each "
                               f"({', '.join(self._money(a) for a in stated.values())})")
                    for p, amount in stated.items()]
        return alloc(f, refs, "partial", 0.6,
                     f"{said} {names}; pays less than their open total: applied "
                     "oldest first, please confirm")

    def _stated_split(self, f: LineFacts, refs: list[int]) -> dict[int, int] | None:
        """What a remittance paying less than the invoices it names says it pays on each
        (INV/2026/00042 12,000.00 INV/2026/00043 3,000.00): one amount printed per invoice,
        adding up to the receipt exactly, and only one way to give each invoice one of them
        within its open amount. None otherwise."""
        if not 1 < len(refs) <= 4:
            return None
        text = fold_text(self._descriptions[f.pos])
        printed = [units(a, f.grain, self.inv.unit) for a in printed_amounts(text)]
        if len(printed) != len(refs) or sum(printed) != f.remaining or 0 in printed:
            return None
        fits = {tuple(order) for order in permutations(printed)
                if all(a <= self.inv.remaining[p] for a, p in zip(order, refs, strict=True))}
        if len(fits) != 1:
            return None
        return dict(zip(refs, next(iter(fits)), strict=True))

    def _payers_own_slip(self, f: LineFacts, p: int, said: str,
                         short: bool = False) -> list[Allocation] | None:
        """The line applied, to be confirmed, to the open invoice of its payer (known for sure
        to be another customer than invoice ``p``'s, which the narrative names and the amount
        pays exactly) that has the receipt's amount and a number one digit from the one
        written: ABC CARGO SERVICES LLC INV-2026-0422 for 5,250.00, 0422 Desert Rose's and 0421
        ABC Cargo's, both of 5,250.00. The number is as likely miscopied as the payer paying
        another's invoice. ``short``: the amount pays ``p`` less a bank charge (the fee
        tolerance), and the payer's invoice one digit away is paid so too (MOHAMMED AL OTAIBI
        PH ... 2026-INV-0737 11,990.00: ف-2026-0737 another's, 2026-INV-0377 the payer's, both
        12,000.00). None where nothing says so."""
        # (Invoices one digit away with the amount are few: the name is read only for them.)
        if short:
            slips = [q for q in self._neighbours(f, [p])
                     if (self.inv.remaining[q] == f.remaining or self._within_tolerance(
                         self.inv.remaining[q], f.remaining, f.grain))
                     and self.inv.customer[q] != self.inv.customer[p]]
        else:
            slips = self._typo_readings(f, {p})
        if not slips:
            return None
        cust = self.inv.customer[p]
        payer = self._sure_payer(f, {cust})
        if short and payer is None and f.payer is not None and f.payer.customer != cust \
                and all(c != cust for c, _ in f.payer.candidates):
            # (Paid less a charge, the amount confirms the number less than an exact one: a
            # name only likely another customer's (MOHAMMED AL OTAIBI PH, cut short: 89), and
            # nothing like the named invoice's customer, makes it a question too.)
            payer = f.payer.customer
        own = [q for q in slips if payer not in (None, cust) and self.inv.customer[q] == payer]
        if len(own) != 1:
            return None
        return self._alloc(
            f, own, "reference-fuzzy", 0.6,
            f"{said} {self.inv.number[p]}, customer {cust}'s; the payer, customer {payer} "
            f"({self.payers.names.get(payer, '')}), has {self.inv.number[own[0]]} "
            + ("open, which the amount pays less charges" if short else "of this amount open")
            + ", one digit away: a mistyped number? please confirm")

    def _payer_against(self, f: LineFacts, cust: str, paying: str) -> str:
        """The note when the line shows a payer other than ``cust``, the customer of the
        invoice a part payment names: another customer's account, a printed name that is not
        the customer's (another customer's, or no customer's: a third party), or a narrative
        that names another customer for sure. "" when the line shows the customer, or no
        payer at all (a narrative without a name we know proves nothing)."""
        names = self.payers.names
        if f.payer is not None and f.payer.by_account:
            other = f.payer.customer
            return "" if other == cust else (
                f"; paid from the account of customer {other} ({names.get(other, '')}): "
                "paying for it? please confirm")
        printed = self._printed_name(f.pos)
        if printed:
            if self._name_its_own(cust, printed):
                return ""
            seen = self.payers.by_name(printed)
            if seen is not None and seen.customer not in (None, cust):
                return (f"; the name is customer {seen.customer}'s "
                        f"({names.get(seen.customer, '')}): a related company paying "
                        f"{paying}? please confirm")
            return (f"; paid by {printed.strip()}, not the customer's name: a third party "
                    f"paying {paying}? please confirm")
        # Without a name field: the narrative's words that may be a name. Words of the
        # customer's name (or in another script: a transliteration) say nothing against it.
        narrative = self._descriptions[f.pos]
        words = self.payers.narrative_sender(narrative)
        sender = name_tokens(words)
        # (No sender said: the narrative's words, a reference and all, may still be the name.)
        if self._name_its_own(cust, words) if sender else self.payers.name_fits(cust, narrative):
            return ""
        seen = f.payer if f.payer is not None else self.payers.by_name(narrative, narrative=True)
        # Another customer's name, read for sure or only likely (OAKWOOD PRIMARY SCH, cut
        # short by the bank, paying Wilson's INV1034): a part payment of someone else's
        # invoice is as likely the payer's own invoice with a number miscopied.
        if seen is not None and seen.customer not in (None, cust) \
                and all(c != cust for c, _ in seen.candidates):
            return (f"; the narrative names customer {seen.customer} "
                    f"({names.get(seen.customer, '')}): a related company paying {paying}? "
                    "please confirm")
        # A name of two words or more that is no customer's (IPN TRANSFER FROM GULF
        # LOGISTICS LLC): someone else sent the money.
        if len(sender) >= 2 and (seen is None or seen.customer is None) \
                and all(c != cust for c, _ in (seen.candidates if seen else ())):
            return (f"; the narrative names {words}, not the customer: a third party paying "
                    f"{paying}? please confirm")
        return ""

    def _name_its_own(self, cust: str, name: str) -> bool:
        """Whether a name the line prints (or the narrative gives as the sender) may be the
        customer's own (``name_fits``), and names no trade of another sector than its name's:
        a family name shared across trades is two companies (ABD ALLAH OSMAN PLASTICS is no
        Tarik Osman Supply Est.), as ``_score`` reads names."""
        return self.payers.name_fits(cust, name) and not self.payers.other_trade(cust, name)

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
        # A set of its other open invoices (all of them searched) that the rest pays less a
        # typical bank charge, the one set and so large a set unlikely by chance, holding
        # every other invoice of the customer's the narrative writes the number of (INV 1021
        # 1022 for 1021, 1022 and 1024, less 15.00): those were paid too, as an exact rest
        # (``_explain``) would be.
        charge = units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit)
        if 2 <= len(others) <= MAX_ITEMS:
            sub = find_subsets([self.inv.remaining[p] for p in others], excess + 1,
                               excess + charge, grain=f.grain, window=self._window)
            if sub.count == 1 and sub.chance < REST_CHANCE:
                chosen = self.inv.by_due([others[k] for k in sub.found[0]])
                if len(chosen) > 1 and set(named) <= set(chosen):
                    return chosen, True
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

    def _neighbours(self, f: LineFacts, refs: list[int]) -> list[int]:
        """Open invoices, other than ``refs``, whose digits are one digit away from those of an
        invoice named (or the same digits in another numbering scheme: 2026-INV-0015 and
        ف-2026-0015), oldest due first."""
        if len(refs) > 2:
            return []
        found: list[int] = []
        for p in refs:
            for q in self._neighbours_of(p):
                if q not in refs and q not in found and self.inv.usable(q, f.currency):
                    found.append(q)
        return self.inv.by_due(found)

    def _neighbours_of(self, p: int) -> list[int]:
        """Every invoice whose digits are one digit away from invoice ``p``'s (or the same),
        other than ``p``; read once per invoice."""
        cache = self._neighbour_cache
        known = cache.get(p)
        if known is None:
            d = self.index.digit_strings[p]
            one, several = self.index.digits.one, self.index.digits.several
            known = []
            if len(d) >= 4:
                for variant in one_digit_variants(d):
                    q = one.get(variant)
                    if q is not None:
                        known.extend(x for x in (several.get(variant) or (q,)) if x != p)
            known = cache[p] = list(dict.fromkeys(known))
        return known

    def _amount_fits(self, f: LineFacts, q: int) -> bool:
        """Whether the receipt pays invoice ``q`` exactly, or less a deduction a payer makes."""
        open_ = self.inv.remaining[q]
        gap = open_ - f.remaining
        if gap == 0 or self._within_tolerance(open_, f.remaining, f.grain):
            return True
        # (Tax withheld is at most the highest rate of the invoice, plus a bank charge.)
        if gap < 0 or gap > open_ * self._wht_top / 100.0 + self.inv.tolerance(open_, f.grain):
            return False
        return bool(self._withholding_readings(f, [q]))

    def _close_to_named(self, cust: str, text: str) -> bool:
        """Whether a printed name, another customer's in full, may still be ``cust``'s: it
        comes close to it (``shares_words``) by a distinctive word (or, for a name of business
        words only, by any word). A trade word both names carry (FOODS, الغذائية) says the two
        trade alike, not that one is the other: مجموعة الرواد للصناعات الغذائية is El Rowad
        Foods', not شركة الزهراء للمواد الغذائية's."""
        # (``shares_words`` first: it leaves out a short word written in the other script
        # without the long vowels its Arabic writes, ALMULLA of Almulla Pharma for الأمل of
        # شركة الأمل للتجارة, which the skeletons alone read as one word.)
        if not self.payers.shares_words(cust, text):
            return False
        own = distinctive(list(self.payers.name_words(cust)))
        printed = distinctive(name_tokens(text))
        if not own or not printed:
            return True
        # (A short distinctive word written alike, EL WFAA and الوفاء, is shared as well.)
        return not set(own).isdisjoint(printed) or self.payers.shares_distinctive(cust, text)

    def _sure_payer(self, f: LineFacts, named: set[str]) -> str | None:
        """The line's payer known by account, or for sure by a name that cannot be any of the
        ``named`` customers' (a look-alike name, or one in another script, proves nothing);
        None when not known for sure. (The name is read here when no account told: the lines
        that reach this are few.)"""
        if f.payer is None:
            self._read_name(f)
        p = f.payer
        if p is None or p.customer is None:
            return None
        if p.by_account or (p.customer in named and p.score >= CERTAIN_NAME):
            return p.customer
        # (A named customer among the look-alikes leaves it open, unless it scores clearly
        # lower: the payer's exact name, and a sister company's.)
        if p.score < CERTAIN_NAME or any(c in named and score > p.score - MARGIN
                                         for c, score in p.candidates):
            return None
        text = self._printed_name(f.pos) or self.payers.narrative_words(
            self._descriptions[f.pos])
        if p.score >= EXACT_NAME:
            # A customer's name in full, not close to the named customer's in any script (a
            # transliteration of it).
            return None if any(self._close_to_named(c, text) for c in named) else p.customer
        return None if any(self.payers.name_fits(c, text) for c in named) else p.customer
