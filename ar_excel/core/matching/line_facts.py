"""Reading the statement lines: what the rules need from each credit, read once.

Accounting rule: only credits (money in) can be customer receipts; each is counted in the minor
unit of its currency. From its narrative and reference (and a document number of the books
its counterparty field carries) come the invoices it names in full (``strong``) or by numeric
part (``weak``), the kind of inflow it is (interest, loan, own transfer, refund...: never
matched by amount or name), whether it is a cash deposit, and the payer known by the account
it paid from, the customer number it quotes or the customer's mobile it prints. The payer's
IBAN, amounts printed in the narrative and the number of the branch or teller a deposit was
made at are no invoice numbers. The payer's name is read later, only for the lines a full
reference has not settled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ar_excel.core.matching.classify import (
    PAYMENT_OUT_REVERSED,
    cash_deposits,
    category_words,
    inflow_categories,
)
from ar_excel.core.matching.invoice_ledger import day_numbers
from ar_excel.core.matching.minor_units import CENTS, cents, grain, units
from ar_excel.core.matching.normalize import (
    Joined,
    fold_text,
    without_accounts,
    without_amounts,
    without_branches,
)
from ar_excel.core.matching.payers import BOILERPLATE, Payer, printed_accounts
from ar_excel.core.matching.structured_references import readable, reference_read

_HAS_DIGIT = re.compile(r"\d").search
_PRINTED_WORD = re.compile(r"\S+")
_OURS_BACK = PAYMENT_OUT_REVERSED.upper()  # as the narrative reads once folded


# Words of a customer's name that say nothing of who it is (legal forms, joining words).
_NAME_WORD = re.compile(r"\w{3,}")
_LEGAL_WORDS = frozenset({"AND", "THE", "FOR", "COMPANY", "LLC", "LTD", "SAE", "S.A.E", "EST",
                          "GROUP", "TRADING", "شركه", "مؤسسه", "للتجاره", "والتجاره", "مجموعه"})


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
    # a payment of ours the bank says came back (``PAYMENT_OUT_REVERSED``): no account or name
    # on it identifies a payer
    ours_back: bool = False


class StatementLines:
    """Reads the statement's credits into ``facts`` (a part of ``Matcher``)."""

    def _printed_name(self, pos: int) -> str:
        """The payer's name as the bank printed it on line ``pos`` (its counterparty field),
        as written; "" when the bank prints none."""
        name = self._names[pos]
        return name if isinstance(name, str) and name.strip() else ""

    def _words_of_named_customer(self, text: str, named: set[int]) -> bool:
        """Whether every word that makes a line read like a non-customer inflow is a word
        of the name of the customer whose invoice it names for sure (EGYPT LEASING AND
        FINANCING CO paying INV-2026-00042; شركة مصر للتمويل: a customer, not a loan)."""
        words = [w.strip() for w in category_words(text)]
        if not words:
            return False
        for p in named:
            name = fold_text(self.payers.names.get(str(self.inv.customer[p]), ""))
            if not all(w in name for w in words):
                continue
            # The line writes the name itself: another word of it, not a legal form (EGYPT,
            # LEASING; الخليج), besides the words of the inflow.
            others = {t for t in _NAME_WORD.findall(name)
                      if t not in _LEGAL_WORDS and not any(w in t for w in words)}
            if any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text) for t in others):
                return True
        return False

    def _documents_in_name(self, pos: int, named: bool) -> tuple[str, set[int]]:
        """The invoices of the books a counterparty field writes in full (some banks' exports
        put the payer's reference there: 'SI2600984 BLUE OCEAN', 'INV-2026-0042'), surely
        (``references``: a number with its letters, or long enough to be no cheque's), and the
        field's text, folded, where they were read ("" and none when it writes none). The
        field is then the payer's name without them (``_names``): a document number is no
        payer's name."""
        name = self._names[pos]
        if not isinstance(name, str) or _HAS_DIGIT(name) is None:
            return "", set()
        text = fold_text(name)
        sure: set[int] = set()
        self.index.lookup(without_amounts(without_accounts(text)), named=named, sure=sure)
        if sure:
            # (the words left, less the number and the words calling it one: INV, NO, REF)
            words = [w for w in _PRINTED_WORD.findall(name) if _HAS_DIGIT(w) is None
                     and fold_text(w).strip(".:#/-,;") not in BOILERPLATE]
            self._names[pos] = " ".join(words) if any(len(w) >= 2 for w in words) else None
        return text, sure

    def _line_text(self, pos: int) -> str:
        """The line's description and reference, folded (ة -> ه, أ -> ا), as the words the
        payer writes of the money (an advance, a refund) are looked for."""
        return fold_text(self._descriptions[pos]) + " " + fold_text(self._references[pos])

    def read_lines(self) -> None:
        L = self.lines
        desc = L["Description"].tolist() if "Description" in L else [None] * len(L)
        ref = L["Reference"].tolist() if "Reference" in L else [None] * len(L)
        cp = L["Counterparty"].tolist() if "Counterparty" in L else [None] * len(L)
        acc = L["Counterparty Account"].tolist() if "Counterparty Account" in L else [None] * len(L)
        cur = L["Currency"].tolist() if "Currency" in L else [None] * len(L)
        days = day_numbers(L["Date"]) if "Date" in L else [None] * len(L)
        # (the names as read: a document number in the field is taken out of its name)
        self._accounts, self._names, self._descriptions = acc, list(cp), desc
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
        # (A structured reference whose check digits hold is read as the reference it carries:
        # RF and Belgian +++ references anywhere, a QR reference only as the line's own
        # Reference, since in a narrative 27 digits are as often an account.)
        texts = [readable(fold_text(desc[pos]) + " " + reference_read(fold_text(ref[pos])))
                 for pos, _ in credits]
        # The kinds of inflow, the cash deposits and the accounts printed: one pass over the
        # whole statement each, joined once.
        joined = Joined(texts)
        categories = inflow_categories(joined)
        cash = cash_deposits(joined)
        printed = printed_accounts(joined)
        for (pos, amount), text, category, is_cash, accounts in zip(
                credits, texts, categories, cash, printed, strict=True):
            sure: set[int] = set()
            ours_back = _OURS_BACK in text  # a payment of ours returned, as the bank says
            strong, weak = set(), set()
            if _HAS_DIGIT(text) is None:  # (a narrative without a digit names no invoice)
                numbers = text
            else:
                # The payer's IBAN, an amount printed in the narrative and the bank's branch or
                # teller number are no invoice numbers.
                numbers = self.payers.without_codes(
                    without_branches(without_amounts(without_accounts(text))))
            # An invoice number the counterparty field carries is read with the narrative's.
            in_name, named_there = self._documents_in_name(pos, category is None)
            if named_there:
                numbers = numbers + " " + without_amounts(without_accounts(in_name))
            if _HAS_DIGIT(numbers) is not None:
                # A refund or a claim may quote an invoice as "INV 4557": only a full number
                # counts.
                strong, weak = self.index.lookup(numbers, named=category is None, sure=sure)
                if category is not None and sure and not ours_back \
                        and self._words_of_named_customer(text, sure):
                    category = None
                    strong, weak = self.index.lookup(numbers, sure=sure)
            # The name is read later, only for lines a full reference has not settled.
            # (our payment to a supplier that is a customer too comes back from its account:
            # that account names no payer of ours)
            payer = None if ours_back else (
                self.payers.by_account(acc[pos], text, accounts) or self.payers.by_code(text)
                or self.payers.by_mobile(text, (cp[pos], acc[pos]), self._names[pos],
                                         desc[pos]))
            f = LineFacts(pos, amount, days[pos],
                          (cur[pos] or "").upper() if isinstance(cur[pos], str) else "",
                          strong, weak, payer, category, is_cash)
            f.remaining = f.amount
            f.ours_back = ours_back
            f.grain = cent if line_grain is None else line_grain[pos]
            f.numbers = numbers
            if len(sure) < len(strong):
                f.loose = strong - sure
            self.facts[pos] = f
