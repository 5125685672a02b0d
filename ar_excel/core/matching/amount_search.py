"""Which open invoices make a receipt's amount, and stage 5: the amount alone.

Accounting rule: without a usable reference the amount is the evidence. One open invoice of
exactly the amount explains a receipt better than any set of several; a set is searched among
the oldest (and, for a long ledger, the newest) invoices, and counts only when it is the one way
to make the amount and a set that large would rarely make it by chance. Residues of earlier
short payments are left out first (they make many look-alike sums). With the payer unknown
(``amount-only``), one open invoice of exactly the amount is matched only when the amount is
not round, open amounts around it are so sparse that a coincidence is unlikely (< 2 %), and no
other payer is named on the line (a name the bank prints that is no customer's, and shares no
word with the invoice's customer's, is someone else paying; a namesake's in another trade than
the one the name prints, when the invoice's customer shares the name and the trade, is none);
otherwise it is only suggested. Several invoices and no payer: suggested only when the
oldest open invoices of exactly one customer make the amount, the one set of its invoices that
does (a set of some customer's invoices makes almost any sum by chance).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.matching.amounts import MAX_ITEMS, find_subsets
from ar_excel.core.matching.booking import MATCHED, Allocation
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.payers import CERTAIN_NAME

# Expected chance coincidences below which a unique open amount identifies the invoice alone.
AMOUNT_ONLY_CHANCE = 0.02
# An instant payment (Fawran, WAMD, Fawri+, IPS / سريع, mPay, InstaPay / IPN / تحويل لحظي, AANI
# / IPP), and an interbank transfer as Omani and Bahraini banks print it (IBFT CR-AHMED SAID AL
# BALUSHI, ACH CREDIT SUR MARINE CONSTRUCTION): the scheme prints the sender's name after its
# own words and the payer's mobile or account, without FROM (FAWRAN IN 974 5512 3456 MOHAMMED
# ALI). Its words, read past.
_INSTANT = re.compile(r"\b(?:FAWRAN|WAMD|FAWRI|IPS|MPAY|INSTAPAY|IPN|AANI|IPP|P2P|IBFT|ACH)"
                      r"(?: IN)?\b|لحظي|سريع")
# Saudi interbank transfers in Latin letters (SARIE; سريع is read as ``_INSTANT``), whose
# narrative prints the sender's name without FROM.
_SARIE = re.compile(r"\bSARIE\b")


class AmountSearch:
    """Sets of open invoices making an amount, and the amount-only stage (a part of
    ``Matcher``)."""

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

    def propose_amount_only(self, f: LineFacts) -> list[Allocation] | None:
        """Payer unknown: the one open invoice of exactly the amount. Certain only when the
        amount is so particular that no other receipt would hit an open amount by chance:
        the open amounts around it are sparse (``OpenInvoices.coincidence``), and nothing on
        the line names another payer."""
        if f.category is not None or f.cash:
            return None
        same = self._open_of_exact_amount(f)
        if not same and f.payer is None:
            return self._oldest_of_one_customer(f)
        if len(same) != 1:
            return None
        p = same[0]
        chance = self.inv.coincidence(f.remaining)
        owner = self.inv.customer[p]
        other_payer = f.payer is not None and self._names_another_payer(f, owner)
        # The bank printed the payer's name and it is no customer's: someone else paying (a
        # related company, a person); the amount alone does not make that certain. A name that
        # no customer's scores as likely but that shares a word with the invoice's customer's
        # (glued, cut at the field's width, reordered: SPHINX TECH ESTABLIS, TRADING AL
        # HADETHA) says no less than no name at all: the amount decides as it would then.
        name = self._printed_name(f.pos)
        stranger = f.payer is None and bool(name) \
            and not self.payers.resembles(self.inv.customer[p], name)
        # Part payments are round (5,000.00, 12,350.00): a round amount is never proof alone.
        particular = f.remaining % self.inv.tens != 0
        # The amount alone names the invoice: particular, sparse, and no one else on the line.
        alone = particular and chance < AMOUNT_ONLY_CHANCE and not other_payer and not stranger
        # (A line naming another invoice in full, settled by another line or before, or
        # another customer's, is that one paid twice or someone else's as likely.)
        alone = alone and not any(q != p for q in f.strong)
        if alone and f.payer is None:
            # Without a name field, a narrative whose words beyond the bank's are a name of
            # two words or more that is no customer's and cannot be the invoice's customer's
            # (``name_fits``: من محمد احمد حسن paying what شركة الفجر owes) is someone else
            # paying, as a printed name would be.
            text = self._descriptions[f.pos]
            words = self.payers.narrative_sender(text)
            if not words and _INSTANT.search(folded := fold_text(text)):
                words = self.payers.name_run(_INSTANT.sub(" ", folded))
            if len(name_tokens(words)) >= 2 \
                    and not self.payers.name_fits(self.inv.customer[p], words):
                name, stranger, alone = words, True, False
            elif not words and _SARIE.search(fold_text(text)) \
                    and len(name_tokens(run := self.payers.name_run(text))) >= 2 \
                    and not self.payers.resembles(owner, run):
                # The sender a Saudi bank writes after the SARIE transfer's words without FROM
                # (INCOMING SARIE KHALID ALI HASSAN), sharing no word with the invoice's
                # customer's name in any script (شركة الشمري وأبناؤه): someone else paying, as
                # likely. (Free text, PAYMENT FOR NOVEMBER SUPPLIES, is no sender.)
                name, stranger, alone = run, True, False
            # A narrative writing the whole name of another customer, however short (SAUD EST:
            # مؤسسة سعود, paying what شركة السعود للمقاولات owes), names someone else as likely.
            named = self.payers.named_in_full(text) if alone else frozenset()
            alone = alone and (not named or owner in named)
        who = (f"paid by {name.strip()}, not a customer" if stranger
               else f"paid by {name.strip()}, a name like the customer's" if name and f.payer is None
               else "payer not identified")
        if alone and f.remaining == f.amount:
            return self._alloc(f, [p], "amount-only", 0.86,
                               f"{who}; {self.inv.number[p]} is the only open "
                               f"invoice of this amount, and an amount this particular matches "
                               f"by chance about once in {1 / max(chance, 1e-6):,.0f} receipts")
        return self._alloc(f, [p], "amount-only", 0.5,
                           f"{who}; {self.inv.number[p]} is the only open invoice "
                           "of this amount, please confirm")

    def _open_of_exact_amount(self, f: LineFacts) -> list[int]:
        """The open invoices, usable for the line, whose open amount is the receipt's."""
        return [p for p in self.inv.by_amount.get(f.remaining, ())
                if self.inv.remaining[p] == f.remaining and self.inv.usable(p, f.currency, f.date)]

    def _names_another_payer(self, f: LineFacts, owner: str) -> bool:
        """Whether the line's payer evidence names someone else than ``owner`` (the
        customer of the one invoice of the amount): a payer known for sure, or a likely one
        that is not ``owner``, or another customer's name scoring as certain. Not when those
        are only namesakes in another trade (ALZAHRAA TRANSPORT: Al Zahraa Pharma) while
        ``owner`` shares the name's distinctive word and its trade (Al Zahra Shipping &
        Transport): the amount then decides as if no other payer were named."""
        p = f.payer
        if p.customer is not None and (p.certain or p.customer == owner):
            return True
        others = {c for c, s in p.candidates if s >= CERTAIN_NAME and c != owner}
        if p.customer is not None:
            others.add(p.customer)
        if not others:
            return False
        words = self.payers.narrative_sender(self._descriptions[f.pos]) \
            or self.payers.name_run(self._descriptions[f.pos])
        return not (words and self.payers.same_trade(owner, words)
                    and self.payers.shares_distinctive(owner, words)
                    and all(self.payers.other_trade(c, words) for c in sorted(others)))

    def _oldest_of_one_customer(self, f: LineFacts) -> list[Allocation] | None:
        """Payer unknown, several invoices paid: when the oldest open invoices of exactly one
        customer make the amount and no other set of that customer's does. A set of any
        customer's invoices could make a sum by chance, so that alone is only a suggestion;
        it is certain when the amount is not round and the name on the line (the bank's name
        field, else the narrative's sender or words) shares a word with that customer's
        (DIAMOND IMPORT & EXPORT, DELTASTARFOODS: a name no customer's scores as likely).
        Looked up in one sorted array of every customer's oldest-first running totals
        (``_oldest_totals``): the work grows with lines plus invoices, not with lines times
        invoices."""
        totals, owners, ids = self._oldest_totals()
        lo, hi = np.searchsorted(totals, [f.remaining, f.remaining + 1])
        if lo == hi or len(set(owners[lo:hi].tolist())) != 1:
            return None
        cust = ids[int(owners[lo])]
        items = self.inv.open_of(cust, f.currency, f.date)
        running = np.cumsum([self.inv.remaining[p] for p in items[:MAX_ITEMS]])
        k = int(np.searchsorted(running, f.remaining)) + 1
        if k < 2 or k > len(running) or running[k - 1] != f.remaining:
            return None  # (the ledger has changed since the totals were taken)
        made = self._sums_of(cust, f)
        if not made or made[1] != 1 or set(made[0]) != set(items[:k]):
            return None
        name = self._printed_name(f.pos)
        words = name or self.payers.narrative_sender(self._descriptions[f.pos]) \
            or self.payers.narrative_words(self._descriptions[f.pos])
        like = self.payers.resembles(cust, words)
        nums = ", ".join(self.inv.number[p] for p in items[:k])
        customer = f"customer {cust} ({self.payers.names.get(cust, '')})"
        if like and f.remaining % self.inv.tens != 0:
            return self._alloc(f, list(items[:k]), "multi-invoice", 0.86,
                               f"paid by {words.strip()}, a name like {customer}'s; its {k} "
                               f"oldest open invoices, {nums}, make the amount and no other set "
                               "of its invoices does")
        if self._floor >= MATCHED:
            return None
        who = (f"paid by {name.strip()}, a name like the customer's" if name and like
               else f"paid by {name.strip()}, not a customer" if name else "payer not identified")
        return self._alloc(f, list(items[:k]), "multi-invoice", 0.5,
                           f"{who}; the {k} oldest open invoices of {customer}, {nums}, make the "
                           "amount and no other set of its invoices does: is it the payer? please "
                           "confirm")

    def _oldest_totals(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(totals, customer codes, customer ids): for every customer, the running totals of its
        2 to ``MAX_ITEMS`` oldest open invoices (oldest due first), all sorted by total; taken
        once per round of the cascade, from the ledger as the round's amount-only stage
        finds it."""
        if self._oldest is None or self._oldest[3] != self._floor:
            inv = self.inv
            codes, ids = pd.factorize(np.asarray(inv.customer, dtype=object))
            rank = (np.asarray(inv.rank, dtype=np.int64) if inv.rank is not None
                    else np.argsort(np.lexsort((np.arange(len(codes)), inv.due)), kind="stable"))
            still = np.flatnonzero(inv._remaining > 0)
            order = still[np.lexsort((rank[still], codes[still]))]
            owner, amount = codes[order], inv._remaining[order]
            first = np.r_[True, owner[1:] != owner[:-1]] if len(order) else np.zeros(0, bool)
            start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
            running = np.cumsum(amount)
            running -= (running - amount)[start]
            nth = np.arange(len(order)) - start
            keep = (nth >= 1) & (nth < MAX_ITEMS)
            totals, owners = running[keep], owner[keep]
            by_total = np.argsort(totals, kind="stable")
            self._oldest = (totals[by_total], owners[by_total], [str(c) for c in ids],
                            self._floor)
        return self._oldest[:3]
