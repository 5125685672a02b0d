"""Stages 3-4 and the suggestions: the payer is known, by account or by name.

Accounting rule: without a usable reference, the payer (by the account it paid from, an account
or a name learned from earlier receipts, else the name the bank prints, fuzzily) and the amount
decide. One of its open invoices of exactly the amount (``amount+payer``), else exactly one set
of them (``multi-invoice``) when the ledger is not so long that a set could make it by chance;
short by a bank charge (``fee-writeoff``: the policy's absolute tolerance, not an odd gap under a
round receipt, which is a part payment; a percentage gap only from a known account, for one
invoice, a receipt that is not round and no exact explanation). A name that is clearly another
customer's paying what a look-alike owes is a related company paying: suggested. What no amount
explains is a payment on account: suggested against the oldest open invoice(s), since only the
customer (or a policy) says which invoice it pays, or on account when nothing is open; more
than the payer owes in all, where one other customer's open invoice is exactly that particular
amount, is a group company paying its sister's invoice: suggested. Names are read only for
the lines a full reference has not settled, after the accounts it taught are added.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cached_property

import numpy as np

from ar_excel.core.fx import PEG_SPREAD, Rates, pegged_factor, policy_rates
from ar_excel.core.matching.amount_search import AMOUNT_ONLY_CHANCE
from ar_excel.core.matching.booking import MATCHED, Allocation
from ar_excel.core.matching.legal_forms import legal_forms
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.normalize import fold_text, invoice_mentions, other_numbers
from ar_excel.core.matching.payers import (
    CERTAIN_NAME,
    MOBILE,
    ONE_WORD_NAME,
    WHOLE_NAME,
    Payer,
)
from ar_excel.core.matching.references import NAMED_TAIL_LENGTH

RATE_SPREAD = 0.03  # a bank's rate of the day against the Policy's month rate

_DIGIT_RUN = re.compile(r"\d+")
# A transfer sent for another (IPI CR FALCON GEN TRDG ON BEHALF OF PEARL ELECTROMECHANI,
# نيابة عن): the name after it is the customer whose invoices are paid.
_THIRD_PARTY = 85.0  # the name score a customer paid for by someone else reads at
# Who deposited cash, where a cash deposit's narrative says it (CASH DEP BY X, من X): else its
# words after the machine's or branch's number are as likely the place (CDM 0123 MUHARRAQ).
_DEPOSITOR = re.compile(r"\b(?:BY|FROM|FRM|DEPOSITOR|DEPOSITED)\b|(?<![\w\u0600-\u06ff])"
                        r"(?:من|بواسطه)(?![\w\u0600-\u06ff])")
_ON_BEHALF = re.compile(r"\b(?:ON BEHALF OF|O/B/O|OBO)\b[\s:.-]*([^/\d]+)|نيابه عن\s*([^/\d]+)")
# A transfer that calls itself a part payment (not SPARE PART: PART PAYMENT, PARTIAL, سداد
# جزئي, دفعة جزئية).
_PART_PAYMENT = re.compile(r"\bPART(?:IAL)? ?(?:PAYMENT|PMT|PYMT|PAY)\b|\bPARTIAL\b|\bPART PAID\b|"
                           r"سداد جزئي|دفعه جزئيه|جزء من")
# The Latin words of money ahead of billing (an advance, a down payment).
_AHEAD_LATIN = r"\bADVANCE\b|\bADV PMT\b|\bPRE-?PAYMENT\b|\bDOWN ?PAYMENT\b"
# A transfer that says it pays ahead or on account (folded text: ة -> ه, أ -> ا; مقدم reads
# دفعة مقدمة too).
_ADVANCE = re.compile(_AHEAD_LATIN + r"|\bON ACC(?:OUNT)?\b|مقدم|تحت الحساب|على الحساب|عربون")
# Of those, the words of money ahead of billing (an advance, a down payment, a deposit on an
# order). Not ON ACCOUNT / دفعة تحت الحساب: payers write them on any payment to their running
# account, invoices and all. (مقدم not ending a word's article: المقدم is a family name.)
_AHEAD = re.compile(_AHEAD_LATIN + r"|(?<![\u0600-\u06ff])(?:مقدم|عربون)")
_CALLED_AHEAD = "; but the narrative calls it an advance: please confirm"
# Sums of several invoices are tried for this many of the likeliest payer names only.
SUMS_FOR = 8


def _cut_from(name: str, narrative: str) -> bool:
    """Whether a printed name is the narrative's text cut in the middle of a word (AHMED FATHI
    FOR ELECTR, of ... AHMED FATHI FOR ELECTRONICS ...)."""
    at = narrative.find(name) if name else -1
    end = at + len(name)
    return at >= 0 and end < len(narrative) and narrative[end].isalnum() \
        and name[-1:].isalnum()


class PayerStages:
    """Stages 3-4 and the payer's suggestions (a part of ``Matcher``)."""

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
        if p.how == MOBILE:
            return [(p.customer, p.score / 100,
                     f"payer by mobile number {p.evidence} (the customer's phone)")]
        return [(c, s / 100, f"payer by {p.how} ({s:.0f})") for c, s in p.candidates]

    def _payer_confidence(self, f: LineFacts, cust: str, sure: float, base: float,
                          exact: bool = False) -> float:
        if f.payer.customer is None and self._namesake(f, cust) is not None:
            # (The other's legal form printed: a related company paying, however sure the
            # name, which the two namesakes share word for word: SIEMENS ENERGY AG, 98.)
            return 0.75
        if sure >= 0.97:  # account, learned account or learned name; a name word for word
            return base
        if f.payer.how == "translated name" and not exact:
            # (A translated name is confirmed by an amount that is exactly its open
            # invoice(s) only: not by a gap read as charges, tax withheld or a credit.)
            return 0.75
        if sure * 100 >= 88:
            # The name is clearly this customer's, or of several look-alike names only this
            # customer has open invoices making the amount. When the name is clearly *another*
            # customer's (Al Nour Trading Co paying what Al Nour Trading & Contracting owes),
            # the payer is a related company paying for it: a person confirms.
            if f.payer.customer == cust:
                return base - 0.04
            if f.payer.customer is None and self._whole_name_of_another(f, cust):
                return 0.75
            return 0.87 if f.payer.customer is None else 0.75
        return 0.75

    def _whole_name_of_another(self, f: LineFacts, cust: str) -> bool:
        """Whether the narrative writes whole the name of another look-alike than ``cust``
        that owes in the line's currency, and no distinctive word of ``cust``'s that the other
        lacks (AL KHALEEJ CONTRACTING: مؤسسة الخليج للمقاولات word for word, 98, beside Al
        Khaleej Trading & Contracting with a word left out): the amount alone then picks the
        lesser name over the one printed, and which paid is for a person. (RED SEA ELITE HOME
        APPLIANCES writes Red Sea Home Appliances whole, and ELITE: Red Sea Elite's.)"""
        if f.payer.how != "narrative name":
            return False  # (a printed name's score is a likeness, not words written)
        others = [c for c, s in f.payer.candidates if c != cust and s >= WHOLE_NAME
                  and self.inv.open_of(c, f.currency, f.date)]
        if not others:
            return False
        written = set(name_tokens(self.payers.narrative_words(self._descriptions[f.pos])))
        own = self.payers.needed_words(cust)
        return any(not ((own - self.payers.needed_words(c)) & written) for c in others)

    def _namesake(self, f: LineFacts, cust: str) -> str | None:
        """A look-alike of the line's whose name is ``cust``'s word for word but for the legal
        form (Dawood Trading Co beside Dawood Trading LLC: sister companies) whose legal form
        the bank prints and ``cust``'s not (DAWOOD TRADING CO paying the LLC's invoice),
        whether it owes or not: the name is the other's, the amount this one's, as when a
        name is clearly another customer's (``_other_customer_named``): a related company
        paying, which a person confirms. (Without a legal form printed, or with ``cust``'s,
        the amount decides between the two.)"""
        if f.payer is None or f.payer.customer is not None:
            return None
        own = self.payers.name_words(cust)
        if not own:
            return None
        names = self.payers.names
        printed: frozenset[str] | None = None
        for c, _ in f.payer.candidates:
            if c == cust or self.payers.name_words(c) != own:
                continue
            if printed is None:
                printed = self._forms_printed_with(cust, self._descriptions[f.pos]) \
                    | self._forms_printed_with(cust, self._printed_name(f.pos))
                if not printed:
                    return None
            mine, theirs = legal_forms(names.get(cust)), legal_forms(names.get(c))
            if printed & (theirs - mine) and not printed & (mine - theirs):
                return c
        return None

    def _forms_printed_with(self, cust: str, text: str) -> frozenset[str]:
        """The legal forms ``text`` prints with ``cust``'s name (``legal_forms_beside``: an
        exchange house's LLC, a unit's KG, AG for 'against' elsewhere say nothing of whose
        name it is); all the text's where no run writes the name (glued, misspelt)."""
        beside = self.payers.legal_forms_beside(text, cust)
        return legal_forms(text) if beside is None else beside

    @staticmethod
    def _known_for_sure(f: LineFacts, cust: str) -> bool:
        """Whether the line's payer is ``cust`` for sure: by its account (or a learned one or
        a learned name), or by a name that is clearly ``cust``'s and scores as certain
        (``Payer.certain``)."""
        return f.payer is not None and f.payer.customer == cust and f.payer.certain

    def _look_alikes_left_out(self, f: LineFacts, found: list[tuple]) -> list[tuple]:
        """``found`` (customer, how sure, ... per candidate payer, best first) without the
        look-alike names when the line's name is clearly the first one's and scores as certain:
        a lesser name that also has an invoice the amount fits is a coincidence of two
        similar names, not a doubt about who paid. A second certain name keeps its doubt."""
        if len(found) < 2 or not self._known_for_sure(f, found[0][0]):
            return found
        return [found[0]] + [c for c in found[1:] if c[1] * 100 >= CERTAIN_NAME]

    def _payers_who_could_have_paid(self, f: LineFacts, kind: str, find) -> list[tuple]:
        """Of the likeliest payers of ``f`` (the first 8 names) with an open invoice, those
        whose invoices ``find`` (remembered as ``kind``) finds for the line: (customer, how
        sure, how, *what it found), best first, look-alike names left out."""
        found = []
        for cust, sure, how in self._payers_to_try(f)[:8]:
            got = self._remembered(kind, cust, f, find) if self.inv.has_open(cust) else None
            if got:
                found.append((cust, sure, how, *got))
        return self._look_alikes_left_out(f, found)

    def _other_customer_named(self, f: LineFacts, cust: str) -> str:
        """The note for a line whose printed name is clearly another customer's."""
        other = f.payer.customer if f.payer else None
        namesake = self._namesake(f, cust)
        if namesake is not None:
            return (f"; the name is customer {namesake}'s ({self.payers.names.get(namesake, '')}), "
                    "its legal form printed: a related company paying for it? please confirm")
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
        found = self._look_alikes_left_out(f, found)
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
        conf = self._payer_confidence(f, cust, sure, 0.95 if method == "amount+payer" else 0.9,
                                     exact=True)
        other = self._other_invoice_named(f, cust, invs)
        if other is not None:
            conf = min(conf, 0.6)
        # (Called a part payment, the receipt is part of some invoice, not all of one that
        # happens to be its amount: a person says which.)
        part = other is None and _PART_PAYMENT.search(
            fold_text(self._descriptions[f.pos])) is not None
        # (Called an advance, naming no invoice, it is money the payer says is for no invoice
        # yet: that its amount is one open invoice's (10,000.00, a round sum) does not say it
        # pays that one. Applied to it, or held on account? A person asks.)
        ahead = other is None and not part and self._advance_not_billed(f, cust)
        if part or ahead:
            conf = min(conf, 0.6)
        # (Naming no invoice, a receipt equal to one invoice and to the payer's oldest ones
        # together is as likely those paid first: a person says which.)
        older = self._oldest_making(f, cust, invs[0]) \
            if method == "amount+payer" and conf >= MATCHED and not f.strong | f.weak else None
        if older:
            conf = min(conf, 0.6)
        return self._alloc(f, invs, method, conf, f"{how}; amount equals the open amount of {nums}"
                           + ("; but the narrative calls it a part payment: please confirm"
                              if part else _CALLED_AHEAD if ahead else "")
                           + ("" if not older else "; but its oldest open invoices make it too ("
                              + ", ".join(self.inv.number[q] for q in older)
                              + "): paid oldest first? please confirm")
                           + self._other_customer_named(f, cust)
                           + ("" if other is None else
                              f"; but the narrative has the number of {self.inv.number[other]} "
                              f"({self._money(self.inv.remaining[other])} open): a part payment "
                              "of it? please confirm"))

    def _oldest_making(self, f: LineFacts, cust: str, p: int) -> list[int] | None:
        """``cust``'s oldest open invoices (two or more, oldest due first, all due before
        invoice ``p``) whose open total is the receipt's amount exactly: what paying oldest
        first settles; None when no run of them makes it. 25,000.00 from El Nasr, which owes
        INV/2026/08/0227 of 25,000.00 and, before it, INV/2026/06/0095 of 20,000.00 and
        INV/2026/08/0146 of 5,000.00: the one invoice of the amount is not the only reading.
        (Only a run from the oldest: some set of many older invoices makes almost any amount,
        a round one above all, by chance.)"""
        due, remaining = self.inv.due, self.inv.remaining
        total, run = 0, []
        for q in self.inv.without_residues(self.inv.open_of(cust, f.currency, f.date)):
            if not due[q] < due[p]:
                return None
            total += remaining[q]
            run.append(q)
            if total >= f.remaining:
                return run if total == f.remaining and len(run) >= 2 else None
        return None

    def _other_invoice_named(self, f: LineFacts, cust: str, invs: list[int]) -> int | None:
        """An open invoice, other than ``invs``, the narrative names: by a number it calls an
        invoice (INV#399), or one of the payer's own in full or by its last group written with
        its zero padding (دفعة من 0349). The amount then equals another invoice by
        coincidence, perhaps: the number tells which invoice the payer meant to pay. None when
        the narrative names one of ``invs`` too, or writes the end of its number."""
        named = f.strong | f.weak
        if not named:
            return None
        written = set(_DIGIT_RUN.findall(f.numbers))
        # Several invoices making the amount, of which the narrative names one and leaves out
        # another of the payer's it names (INV 101,102 paid with 101 + 105): the numbers and
        # the sum disagree.
        mixed = len(invs) > 1 and not named.isdisjoint(invs)
        if not mixed:
            if not named.isdisjoint(invs):
                return None  # (the number names the invoice chosen: BILL 000455 for F2026000455)
            digits = self.index.digit_strings
            if any(digits[q].endswith(w) for q in invs for w in written if len(w) >= 3):
                return None  # (the end of the chosen invoice's number: INV#000603 for F2026000603)
        called = invoice_mentions(f.numbers) if f.weak else set()
        other = other_numbers(f.numbers)
        tails = self.index.tails
        for p in sorted(named):
            if p in invs or not self.inv.usable(p, f.currency) or tails[p] in other:
                continue
            own = self.inv.customer[p] == cust
            if mixed and not own:
                continue
            if tails[p] in called or (own and (p in f.strong or self._padded_tail(p) in written)):
                return p
        return None

    def _padded_tail(self, p: int) -> str:
        """The last digit group of invoice ``p``'s number as printed, zero padding kept (0349
        of ف-٢٠٢٦-٠٣٤٩), when it has 4+ digits: written so, it is the invoice's numbering, not
        a bank's short reference (REF 553)."""
        groups = _DIGIT_RUN.findall(fold_text(self.inv.number[p]))
        return groups[-1] if groups and len(groups[-1]) >= NAMED_TAIL_LENGTH else "\x00"

    def propose_payer_tolerance(self, f: LineFacts) -> list[Allocation] | None:
        if f.category is not None and not (f.payer and f.payer.by_account):
            return None
        found = self._payers_who_could_have_paid(f, "short", self._short_of)
        if not found:
            return None
        cust, sure, how, invs, n, chance = found[0]
        if self.inv.with_amount(cust, f.remaining, f.currency, f.date):
            # An open invoice of exactly the amount: the amount stage weighs it. Where it
            # doubted it (the oldest ones making the amount too, a part payment), another
            # invoice less charges is one more reading, no surer (as ``propose_net_of_credits``).
            return None
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
        # payer is known for sure (account, or a certain name clearly its), one invoice is paid, the receipt is not a round sum (a part
        # payment), the gap is not itself one of the customer's open amounts, and no set of
        # its open invoices makes the amount exactly.
        charge_like = (unique and len(invs) == 1
                       and (sure >= 0.97 or self._known_for_sure(f, cust))
                       and f.remaining % self.inv.tens != 0
                       and not self.inv.with_amount(cust, gap, f.currency, None)
                       and self._no_exact_sum(cust, f))
        conf = (self._payer_confidence(f, cust, sure, 0.9) if certain
                else 0.86 if charge_like else 0.6)
        certain = certain or charge_like
        # (Naming in full an invoice of the payer's that is settled, the line is that one paid
        # twice as likely as another paid less charges: a person decides.)
        if certain and any(self.inv.customer[p] == cust and self.inv.remaining[p] <= 0
                           for p in f.strong):
            conf, certain = 0.6, False
        # (A gap no bank deducts as a charge, and another of its invoices the receipt pays short
        # by whole charges or a usual discount, stage 4b's reading: that one is as likely.
        # 6,536.78 is 6,550.42 less 13.64, or 6,589.28 less a charge of 50.00 plus VAT.)
        odd_gap = gap % (self.inv.unit // 4) != 0
        instead = self._short_paid_instead(f, cust, invs) if certain and odd_gap else ""
        # (So with invoices the narrative does not name beside one it does: 13,687.41 naming
        # 898 (12,443.10 open) is 898 and 636 (1,250.00) less 5.69, or 898 overpaid by
        # 1,244.31. An invoice added to the one named needs a gap a bank would take.)
        named = (f.strong | f.weak) & set(invs)
        if certain and odd_gap and named and len(named) < len(invs):
            instead = (f"; or it pays {', '.join(self.inv.number[p] for p in invs if p in named)}"
                       ", which it names, and the rest is on account")
        if instead:
            conf, certain = 0.6, False
        return self._alloc(f, invs, "amount+payer" if len(invs) == 1 else "multi-invoice", conf,
                           f"{how}; {nums} less {self._money(gap)} within the fee tolerance: "
                           "write-off proposed" + ("" if certain else ", please confirm")
                           + instead)

    def _short_paid_instead(self, f: LineFacts, cust: str, invs: list[int]) -> str:
        """The clause naming another open invoice of ``cust``'s that the receipt pays short by
        more than the fee tolerance, the gap whole bank charges or a discount at a usual rate
        (``ShortPayments._what_was_taken``); "" where there is none."""
        remaining = self.inv.remaining
        for q in self.inv.open_of(cust, f.currency, f.date):
            gap = remaining[q] - f.remaining
            if q in invs or not 0 < gap <= self._short_cap(remaining[q], f.grain) \
                    or gap <= self.inv.tolerance(remaining[q], f.grain):
                continue
            taken = self._what_was_taken(q, gap)
            if taken:
                return (f"; or it pays {self.inv.number[q]} ({self._money(remaining[q])} open) "
                        f"short by {self._money(gap)}: {taken}")
        return ""

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
        if f.remaining > total and not (f.strong or f.weak) and not self._says_advance(f, cust):
            # More than the payer owes in all: a group company paying a sister's invoice, when
            # one open invoice of another customer's is exactly the amount, and the amount is
            # so particular that it would rarely meet an open amount by chance.
            other = self._sister_invoice(f, cust)
            if other is not None:
                owes = f"owes {self._money(total)} in all" if items else "owes nothing"
                return self._alloc(f, [other], "amount-only", 0.6,
                                   f"{how}; it {owes}; {self.inv.number[other]} of customer "
                                   f"{self.inv.customer[other]} "
                                   f"({self.payers.names.get(self.inv.customer[other], '')}) is "
                                   "the only open invoice of this amount: a related company "
                                   "paying for it? please confirm")
        if not items:
            # Money ahead of billing: a payer known for sure whose transfer says it is an
            # advance or a payment on account, names no invoice, and has nothing open in any
            # currency, is the customer's credit on account (no invoice to choose, nothing a
            # person would change; an invoice in another currency may be what it pays).
            # (Known by its name only, in a currency the customer is not billed in: a
            # namesake abroad, or a related company paying? a person decides.)
            advance = self._known_for_sure(f, cust) and not (f.strong or f.weak) \
                and not self.inv.open_of(cust, "", None) and self._says_advance(f, cust) \
                and (f.payer.by_account or self.payers.billed_in(cust, f.currency))
            return [Allocation(f.pos, None, cust, f.remaining, 0, "on-account",
                               0.86 if advance else 0.6,
                               f"{how}; {self._none_open(f, cust)}: payment on account"
                               + ("" if advance else ", please confirm"))]
        if f.remaining > total:
            # (A line naming one of the payer's invoices that is settled already is no
            # overpayment of the others for sure: that one paid twice, or a part of it
            # misread? a person decides.)
            named_settled = any(self.inv.customer[p] == cust and self.inv.remaining[p] <= 0
                                for p in f.strong)
            # (Nor is a transfer called an advance: the payer says it is for no invoice yet, so
            # whether it settles what is open, or all of it waits on account, is its word.)
            ahead = self._advance_not_billed(f, cust)
            conf = 0.86 if f.payer.by_account and not named_settled and not ahead else 0.6
            return self._alloc(f, items, "overpayment", conf,
                               f"{how}; pays more than everything open ({self._money(total)}): all "
                               "invoices settled, the excess stays on account"
                               + (_CALLED_AHEAD if ahead else ""),
                               on_account_customer=cust)
        # No invoice named and no amount rule explains the receipt: an accountant holds it on
        # account, or applies it to the oldest open invoice(s) once the customer confirms.
        if self._advance_not_billed(f, cust):
            # (Called an advance: money for an order not billed yet, which the payer says
            # pays none of what is open. On account is what to confirm.)
            return [Allocation(f.pos, None, cust, f.remaining, 0, "on-account", 0.6,
                               f"{how}; names no invoice and calls it an advance: held on "
                               "account, please confirm")]
        oldest = items[0]
        if f.remaining < self.inv.remaining[oldest]:
            return self._alloc(f, items, "partial", 0.6,
                               f"{how}; names no invoice and pays less than the oldest open one "
                               f"({self.inv.number[oldest]}, "
                               f"{self._money(self.inv.remaining[oldest])} open): a payment on "
                               "account, suggested against the oldest, please confirm")
        return self._alloc(f, items, "oldest-first", 0.6,
                           f"{how}; names no invoice and no set of its open invoices makes the "
                           "amount: a payment on account, suggested oldest first, please confirm")

    def _says_advance(self, f: LineFacts, cust: str) -> bool:
        """Whether the transfer says it pays ahead or on account (ADVANCE, ON ACCOUNT,
        دفعة مقدمة...), in words that are not the customer's own name's (ADVANCE TECH
        TRADING)."""
        own = fold_text(self.payers.names.get(cust, ""))
        return any(m.group(0) not in own for m in _ADVANCE.finditer(self._line_text(f.pos)))

    def _advance_not_billed(self, f: LineFacts, cust: str) -> bool:
        """Whether the transfer, naming no invoice, says it is money ahead of billing (ADVANCE
        PAYMENT, دفعة مقدمة, عربون), the word not being the customer's own name's (ADVANCE
        TECH TRADING)."""
        if f.strong or f.weak:
            return False
        return _AHEAD.search(self._line_text(f.pos)) is not None \
            and _AHEAD.search(fold_text(self.payers.names.get(cust, ""))) is None

    def _sister_invoice(self, f: LineFacts, cust: str) -> int | None:
        """The one open invoice, of a customer other than ``cust``, whose open amount is
        exactly the receipt's, when the amount is not round and open amounts around it are
        sparse (the amount-only stage's test); else None."""
        same = self._open_of_exact_amount(f)
        if len(same) != 1 or self.inv.customer[same[0]] == cust \
                or f.remaining % self.inv.tens == 0 \
                or self.inv.coincidence(f.remaining) >= AMOUNT_ONLY_CHANCE:
            return None
        return same[0]

    def _none_open(self, f: LineFacts, cust: str) -> str:
        """Why a known payer has no invoice to pay: none open, or only in another currency or
        issued after the receipt (an advance? the invoice dated late?)."""
        others = self.inv.open_of(cust, "", None)
        if not others:
            return "no open invoice"
        # The one the amount is at the fixed rate first, wherever it stands among them.
        peg = {p: self._at_the_peg(f, p) for p in others}
        others = sorted(others, key=lambda p: not peg[p])[:3]
        said = []
        for p in others:
            cur = self.inv.currency[p]
            if f.currency and cur and cur != f.currency:
                said.append(f"{self.inv.number[p]} in {cur}" + peg[p])
            else:
                day = self.inv.day[p]
                date = "" if day is None else f" dated {np.datetime64(day, 'D')}"
                said.append(f"{self.inv.number[p]}{date}")
        return ("no open invoice in the receipt's currency issued by its date (open: "
                + ", ".join(said) + ")")

    def _at_the_peg(self, f: LineFacts, p: int) -> str:
        """" (10,000.00 USD is 36,725.00 AED at the fixed rate: paid in AED?)" when the
        receipt's amount is the invoice's open amount converted at the two currencies' pegs
        to the US dollar, within a bank's spread; for currencies that float, the same at the
        Policy's exchange rate, within ``RATE_SPREAD`` (the bank's rate of the day differs);
        else "". Never applied: the invoice is recorded in its own currency, at the day's
        rate, with an exchange difference, which is the accountant's entry."""
        factor = pegged_factor(self.inv.currency[p], f.currency)
        spread, said = PEG_SPREAD, "the fixed rate"
        if factor is None:
            factor, spread, said = self._policy_factor(self.inv.currency[p], f.currency), \
                RATE_SPREAD, "the Policy's exchange rate"
        if factor is None:
            return ""
        due = self.inv.remaining[p] * factor
        if abs(f.remaining - due) > spread * due:
            return ""
        return (f" ({self._money(self.inv.remaining[p])} {self.inv.currency[p]} is "
                f"{self._money(int(due + 0.5))} {f.currency} at {said}: paid in "
                f"{f.currency}?)")

    def _policy_factor(self, source: str | None, target: str | None) -> float | None:
        """What one unit of ``source`` is in ``target`` at the Policy's exchange rates (None
        without a rate for both)."""
        if not source or not target or source == target or self._rates is None:
            return None
        return self._rates.factor(source, target)

    @cached_property
    def _rates(self) -> Rates | None:
        """The Policy's exchange rates, read as the credit job reads them: the base, where the
        Policy names none, is the one currency of the ledger and statement without a rate; a
        rates sheet's rates as they stood on the statement's last booking day (a rate dated
        after it did not exist when the money came in)."""
        days = [f.date for f in self.facts.values() if f.date is not None]
        last = date(1970, 1, 1) + timedelta(days=int(max(days))) if days else None
        return policy_rates(self.policy, [*self.inv.currency,
                                          *(f.currency for f in self.facts.values())], last)

    def read_names(self) -> None:
        """The payer by name (the bank's name field, else the narrative) for the lines no
        account identified and no full reference settled."""
        for f in self.facts.values():
            if f.remaining > 0 and f.payer is None:
                self._read_name(f)

    def _read_name(self, f: LineFacts) -> None:
        self._read_printed_name(f)
        if f.payer is None or not f.payer.certain:
            # A Gulf bank translating the customer's Arabic name (GULF TRADING CO for شركة
            # الخليج للتجارة): a candidate only, which the amount then has to confirm.
            name = self._printed_name(f.pos) or self.payers.narrative_sender(
                self._descriptions[f.pos])
            if name and name.isascii():
                f.payer = self.payers.by_translation(name, f.payer) or f.payer
        # Sent on behalf of another customer: that one's invoices are paid, whoever sends;
        # a third party paying for it, which only a person confirms (a likely name at most).
        # (Looked for in the folded text the pattern reads: نيابه عن as typed with ه.)
        folded = fold_text(self._descriptions[f.pos])
        if "BEHALF" in folded or "OBO" in folded or "O/B/O" in folded or "نيابه" in folded:
            m = _ON_BEHALF.search(folded)
            words = (m.group(1) or m.group(2)).strip() if m else ""
            named = self.payers.by_name(words) if words else None
            if words and (named is None or named.customer is None):
                # (A name cut short, BLUE OCEAN ELECTROME: its words as a narrative's.)
                named = self.payers.by_name(words, narrative=True)
            seen = dict(f.payer.candidates) if f.payer is not None else {}
            if named is None or named.customer is None:
                if words and f.payer is not None and not f.payer.by_account:
                    # Sent for someone we cannot tell: the sender's own invoices are not
                    # paid for sure.
                    score = min(f.payer.score, _THIRD_PARTY)
                    f.payer = Payer(f.payer.customer, f.payer.how, score,
                                    [(c, min(v, _THIRD_PARTY)) for c, v in f.payer.candidates])
            elif f.payer is not None and f.payer.customer == named.customer:
                pass
            elif f.payer is not None and f.payer.customer is None and named.customer in seen:
                # (The narrative's words name both, sender and customer: the customer.)
                score = seen[named.customer]
                f.payer = Payer(named.customer, f.payer.how, score, [(named.customer, score)])
            else:
                score = min(named.score, _THIRD_PARTY)
                f.payer = Payer(named.customer, "narrative name", score,
                                [(named.customer, score)])

    def _read_printed_name(self, f: LineFacts) -> None:
        name = self._printed_name(f.pos)
        if not name:
            desc = self._descriptions[f.pos]
            f.payer = self.payers.by_name(desc, narrative=True)
            if f.cash and f.payer is not None and f.payer.customer is not None \
                    and f.payer.score > ONE_WORD_NAME:
                f.payer = self._town_at_the_machine(f.payer, desc)
            if f.payer is not None and f.payer.candidates and not (
                    f.payer.customer is not None and f.payer.certain):
                # The sender the narrative names, read as a printed name, when that is certain
                # and is the customer the narrative's words make likeliest: the words scored
                # apart score less (FROM SINAI PLASTIC INDUSTRIES: 90 as words, 100 as the
                # sender's name).
                f.payer = self.payers.by_sender(desc, f.payer.candidates) or f.payer
            elif f.payer is None or not f.payer.candidates:
                # (No word of the narrative is a customer's: the sender it names, read as a
                # printed name, whose words a bank may run together or spell apart from the
                # master's: /ORD/HASSANABDELRAHMANENGINEERING.)
                f.payer = self.payers.by_sender(desc) or f.payer
            return
        f.payer = self.payers.by_name(name)
        if f.payer is None or not f.payer.certain:
            # The name field cut at its width (AHMED FATHI FOR ELECTR) while the narrative
            # prints the name in full: the narrative's reading, when it holds the field's text
            # and the field names no one, or only likely (DELTA STAR PAINTS COMPA: 87) while
            # the full name is certain.
            desc = self._descriptions[f.pos]
            if isinstance(desc, str) and _cut_from(fold_text(name).strip(), fold_text(desc)):
                full = self.payers.by_name(desc, narrative=True)
                # (Or the same customer, surer: the field's cut word, COMPA, is no word of
                # the name and lowers its score.)
                if full is not None and full.customer is not None and (
                        f.payer is None or f.payer.customer is None or full.certain
                        or (full.customer == f.payer.customer and full.score > f.payer.score)):
                    f.payer = full

    def _town_at_the_machine(self, payer: Payer, desc: str) -> Payer:
        """A cash deposit naming no depositor (CDM DEPOSIT 0123 MUHARRAQ) whose words write of
        the customer's name its one distinctive word and nothing else: the word is as likely
        the town the machine or branch stands in (Muharraq, Ruwi, Isa Town) as the customer
        named after it; a candidate (``ONE_WORD_NAME``), not the payer for sure. More of the
        name (MUHARRAQ BUILDING MATERIALS), or a depositor (CASH DEP BY MUHARRAQ BLDG MAT), is
        the customer."""
        folded = fold_text(desc)
        cid = payer.customer
        needed = self.payers.needed_words(cid)
        if _DEPOSITOR.search(folded) or len(needed) != 1:
            return payer
        written = set(name_tokens(self.payers.narrative_words(desc)))
        if (self.payers.name_words(cid) & written) - needed:
            return payer
        return Payer(cid, payer.how, min(payer.score, ONE_WORD_NAME),
                     [(c, min(v, ONE_WORD_NAME)) for c, v in payer.candidates])

    def refresh_payers(self) -> None:
        """Accounts learned from this statement's referenced receipts identify the payers of
        its other lines (a customer who once wrote the invoice number, and once did not)."""
        accounts = self._accounts  # (read by ``read_lines``)
        for f in self.facts.values():
            if f.remaining <= 0 or (f.payer is not None and f.payer.by_account) or f.ours_back:
                continue
            if isinstance(accounts[f.pos], str) and accounts[f.pos].strip():
                found = self.payers.by_account(accounts[f.pos])
                if found is not None:
                    f.payer = found
