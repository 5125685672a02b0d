"""Receipts that quote the customer's purchase order, or the invoice's payment reference.

Accounting rule: big customers, governments and Gulf companies pay quoting their own purchase
order (``LPO 4512``, ``PO#4500012345``, ``أمر شراء رقم ٤٥١٢``, ``YOUR REF 4500012345``) rather
than our invoice number; European ERPs give each invoice a payment reference the customer
quotes (Odoo's Payment Reference, an ``RF`` creditor reference, a Swiss QR reference). Where
the invoice list keeps them (``Customer PO``, ``Payment Reference``), a receipt quoting one in
its narrative or in the statement's Reference column pays the open invoices of that one
customer filed under it (a PO often covers several invoices, its deliveries):

* the amount is one of them's open amount: that invoice; all of them together: each of them
  (one row each); exactly one set of them: those; short of those by a bank charge within the
  fee tolerance: as the other rules, the gap a write-off (``Matched``);
* a part payment, more than they owe (at most twice: beyond, other invoices or another
  number are paid), or two of them with the very amount: applied oldest first (the excess on
  account) and only ``Suggested``; from a payer known for sure to be another customer, only
  the amount that makes the invoices is suggested.

A PO is weaker than an invoice number: it is read where the narrative calls it one (PO, LPO,
P.O. NO., purchase order, your reference, أمر شراء / توريد), where it is the whole Reference
field, or, written bare, only when it is long (7+ digits, or 6+ characters with letters) and
is no open invoice's number, no date printed there, not the amount and no number the narrative
calls a cheque or a phone. A reference shared by two customers' invoices decides nothing; a
PO that is also the number of another open invoice having the very amount is left to the
other rules; a payer known for sure to be another customer, a line naming another invoice in
full, or an inflow that reads like a refund or a claim make it a suggestion. A value equal to
the invoice's own number (Odoo's default payment reference) is the invoice number's rules'.
Method ``po-reference`` (``payment-reference`` for a Payment Reference); the invoice-number
stages run before, so a receipt naming its invoice is never read here. Without such a column
the stage costs nothing: the index is empty.
"""

from __future__ import annotations

import re

from ar_excel.core.matching.amounts import find_subsets
from ar_excel.core.matching.booking import MATCHED, Allocation, doubted_inflow_note
from ar_excel.core.matching.invoice_ledger import OpenInvoices
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.normalize import (
    alnum_key,
    fold_text,
    other_numbers,
)
from ar_excel.core.matching.references import InvoiceIndex, printed_dates
from ar_excel.core.matching.structured_references import creditor_references, rf_check_holds
from ar_excel.schema import PAYMENT_REFERENCE

PO_METHOD = "po-reference"
PAYMENT_REFERENCE_METHOD = "payment-reference"
# Inflows that are no customer's payment at all: never matched by a reference of theirs.
_NOT_RECEIPTS = ("interest", "loan", "own transfer", "capital", "treasury")
LABELLED_LENGTH = 3  # characters of a PO the narrative calls one (LPO 88 is too short)
FIELD_LENGTH = 4  # characters (with letters) of a reference that is the whole Reference field
BARE_DIGITS = 7  # digits of a PO written bare: shorter is as often a cheque's or a phone's
BARE_CHARACTERS = 6  # characters of a reference with letters written bare (RF.., SO-2026-11)
SURE, BARE = 0.95, 0.9  # confidence of a reference quoted as one, and of one written bare

# The words that call a number the customer's order or reference, folded (upper case, Arabic
# letter variants folded: أمر -> امر), then NO / رقم, then the value (or a list of them).
_LABEL = (r"(?:(?<![A-Z0-9])(?:L\.?\s?P\.?\s?O(?![A-Z])|P\.?\s?O(?![A-Z])(?![.\s]*BOX)"
          r"|PURCH(?:ASE|\.)?\s*ORDER|CUST(?:OMER|\.)?\s*(?:PO|ORDER|REF(?:ERENCE)?)(?![A-Z])"
          r"|YO?U?R\.?\s*REF(?:ERENCE)?(?![A-Z])|PA?YM(?:EN)?T\.?\s*REF(?:ERENCE)?(?![A-Z])"
          r"|BESTELL(?:UNG|NR|NUMMER)?|KUNDENREFERENZ|ZAHLUNGSREFERENZ)"
          r"|امر\s*(?:ال)?(?:شراء|توريد)|طلب\s*(?:ال)?شراء|مرجعكم|مرجع\s*العميل)")
_NUMBER_WORD = r"[\s.:#/-]*(?:(?:NO|NR|NUM|NUMBER)\b\.?[\s.:#-]*|رقم\s*[.:#-]*\s*)?"
_VALUE = r"[A-Z0-9]+(?:[/.-][A-Z0-9]+)*"
_QUOTED = re.compile(_LABEL + _NUMBER_WORD
                     + rf"(?P<value>{_VALUE}(?:\s*(?:[,&+]|\bAND\b|\sو)\s*{_VALUE})*)")
_LIST = re.compile(r"\s*(?:[,&+;]|\bAND\b|\sو|\s/\s)\s*")
# A value the list writes with its label (PO-4512, LPO/2026/118, أمر شراء 88231): the label
# is no part of what the customer quotes.
_LEADING_LABEL = re.compile(r"^\s*" + _LABEL + _NUMBER_WORD + r"(?=\d)")
# A Swiss QR reference, as printed in groups.
_QR_GROUPED = re.compile(r"(?<!\d)\d\d(?:\s\d{5}){5}(?!\d)")
_DIGIT = re.compile(r"\d")
# A token of a narrative that may be a reference: letters and digits joined by separators.
_CHUNK = re.compile(r"[A-Z0-9]+(?:[-/._#:][A-Z0-9]+)*")
_SEPARATORS = str.maketrans("", "", "-/._#:")
_LABEL_LETTERS = frozenset("LP")  # (LPO..., PO...: a label glued to the number)
# The beginnings of the words ``_LABEL`` reads: a narrative without any holds no PO called one.
_LABEL_STARTS = ("PO", "P.O", "P O", "L.P", "ORDER", "REF", "BESTELL", "KUNDEN", "ZAHLUNG",
                 "امر", "طلب", "مرجع")


def _may_call(text: str) -> bool:
    """Whether a folded narrative may call a number a PO or reference (a cheap test before
    ``_QUOTED``)."""
    return any(w in text for w in _LABEL_STARTS)


def order_key(value: object) -> str:
    """What a quoted PO or payment reference is compared by: its letters and digits without
    its label (``PO-4512``, ``LPO 4512`` and ``4512`` alike), a number without zero padding;
    "" for a value without a digit."""
    text = fold_text(value).strip()
    if not text or _DIGIT.search(text) is None:
        return ""
    key = alnum_key(_LEADING_LABEL.sub("", text, count=1))
    return key.lstrip("0") if key.isdigit() else key


def is_creditor_reference(key: str) -> bool:
    """Whether ``key`` is an ISO 11649 creditor reference (RF, two check digits, up to 21
    characters) whose check digits are right: as sure as an invoice number."""
    if not (5 <= len(key) <= 25 and key.startswith("RF") and key[2:4].isdigit()):
        return False
    return key[4:].isalnum() and rf_check_holds(key[2:4], key[4:])


class OrderIndex:
    """The open invoices by the PO or payment reference their customer may quote."""

    def __init__(self, inv: OpenInvoices, numbers: InvoiceIndex) -> None:
        self.inv = inv
        self.numbers = numbers  # the open invoices by their numbers (``references``)
        self.keys: dict[str, list[int]] = {}  # key -> invoice positions, in ledger order
        self.written: dict[str, str] = {}  # key -> as the invoice list first writes it
        self.columns: dict[str, set[str]] = {}  # key -> the columns it is found in
        self._hits: dict[int, tuple[list[str], bool] | None] = {}
        for column, values in inv.quoted.items():
            for p, value in enumerate(values):
                if isinstance(value, int | float) and value == value:  # (a number cell)
                    value = str(int(value)) if float(value).is_integer() else str(value)
                if not isinstance(value, str) or not value.strip():
                    continue
                number = alnum_key(inv.number[p])
                for item in _LIST.split(value.strip()):
                    key = order_key(item)
                    # (A value that is the invoice's own number, as Odoo's payment reference is
                    # by default: the invoice-number rules read it.)
                    if len(key) < LABELLED_LENGTH or key == number or (
                            number.endswith(key) and key == order_key(inv.number[p])):
                        continue
                    at = self.keys.setdefault(key, [])
                    if p not in at:
                        at.append(p)
                    self.written.setdefault(key, item.strip())
                    self.columns.setdefault(key, set()).add(column)
        # (A line's numbers hold what an RF reference carries, not the RF itself: ``_read``
        # looks for it in the narrative as printed, where the index holds one.)
        self._creditor_references = any(k.startswith("RF") for k in self.keys)
        # (A QR reference printed in groups is looked for where the index holds a long number.)
        self._qr_grouped = any(len(k) >= 10 and k.isdigit() for k in self.keys)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def invoices_numbered(self, key: str) -> set[int]:
        """The open invoices whose number (whole, its digits or its numeric tail) is ``key``."""
        n = self.numbers
        return {*n.alnum.get(key), *n.digits.get(key), *n.tail.get(key)}

    def quoted(self, f: LineFacts, reference: object, account: object, narrative: object
               ) -> tuple[list[str], bool] | None:
        """(the keys line ``f`` quotes, whether quoted as one: called a PO or reference, the
        whole Reference field, or a creditor reference with right check digits); None when
        it quotes none. Read once per line."""
        if f.pos in self._hits:
            return self._hits[f.pos]
        found = self._read(f, reference, account, narrative)
        self._hits[f.pos] = found
        return found

    def _read(self, f: LineFacts, reference: object, account: object, narrative: object
              ) -> tuple[list[str], bool] | None:
        text = f.numbers
        keys = self.keys
        called: set[str] = set()
        if self._creditor_references and isinstance(narrative, str) and "RF" in narrative.upper():
            # The line's numbers hold what an RF reference carries, not the RF itself (the
            # invoice-number rules read it so): an invoice filed under the RF is found in the
            # narrative as printed.
            called.update(k for k in creditor_references(fold_text(narrative)) if k in keys)
        if isinstance(reference, str):
            # The Reference field (each of its references: camt joins them with "; ") is the
            # reference as a whole.
            # A short bare number there is as often the cheque's number (a Check Number
            # column is read as the Reference): the rules of a bare number then decide.
            for part in reference.split(";"):
                k = order_key(part)
                if k in keys and len(k) >= (BARE_DIGITS if k.isdigit() else FIELD_LENGTH):
                    called.add(k)
        for m in _QUOTED.finditer(text) if _may_call(text) else ():
            for item in _LIST.split(m.group("value")):
                k = order_key(item)
                if len(k) >= LABELLED_LENGTH and k in keys:
                    called.add(k)
        for m in _QR_GROUPED.finditer(text) if self._qr_grouped else ():
            k = order_key(m.group(0))  # (digits: a QR reference without its spaces)
            if k in keys:
                called.add(k)
        bare: set[str] = set()
        for k in self._written_whole(text):
            if k not in called:
                if is_creditor_reference(k):
                    called.add(k)
                else:
                    bare.add(k)
        if called:
            return sorted(called), True
        bare = {k for k in bare if self._bare_reads(k, f, text, account)}
        return (sorted(bare), False) if bare else None

    def _written_whole(self, text: str) -> set[str]:
        """The keys of the index the narrative writes as one token (4500012345, PO4500012345,
        PO-2026-0045, RF18539007547034)."""
        keys, found = self.keys, set()
        for chunk in _CHUNK.findall(text):
            if _DIGIT.search(chunk) is None:
                continue
            k = chunk.translate(_SEPARATORS)
            if k.isdigit():
                k = k.lstrip("0")
            if k in keys:
                found.add(k)
            elif k[:1] in _LABEL_LETTERS and (k := order_key(chunk)) in keys:
                found.add(k)  # (PO4500012345: its label glued to it)
        return found

    def _bare_reads(self, key: str, f: LineFacts, text: str, account: object) -> bool:
        """Whether a reference written bare is read as one: long enough to be no cheque or
        phone number, and no open invoice's number, no date printed there, not the amount,
        not the payer's account and no number the narrative calls something else."""
        digits = key.isdigit()
        if len(key) < (BARE_DIGITS if digits else BARE_CHARACTERS) or (
                not digits and len(_DIGIT.findall(key)) < 4):
            return False
        if self.invoices_numbered(key):
            return False
        if digits and (key in printed_dates(text) or key in other_numbers(text)
                       or key in _amount_digits(f, self.inv)):
            return False
        return not (isinstance(account, str) and key in alnum_key(account))


def _amount_digits(f: LineFacts, inv: OpenInvoices) -> set[str]:
    """The receipt's amount as digits: whole (4512 for 4,512.00) and with its cents."""
    out = {str(f.amount // inv.cent)}
    if f.amount % inv.unit == 0:
        out.add(str(f.amount // inv.unit))
    return out


class OrderReferences:
    """The stage of receipts quoting a PO or payment reference (a part of ``Matcher``)."""

    def propose_order_reference(self, f: LineFacts) -> list[Allocation] | None:
        orders: OrderIndex = self.orders
        if not orders or f.category in _NOT_RECEIPTS:
            return None
        hit = orders.quoted(f, self._references[f.pos], self._accounts[f.pos],
                            self._descriptions[f.pos])
        if hit is None:
            return None
        keys, called = hit
        inv = self.inv
        filed = sorted({p for k in keys for p in orders.keys[k]})
        customers = {inv.customer[p] for p in filed}
        if len(customers) != 1:
            return None  # a reference two customers' invoices share names neither for sure
        cust = customers.pop()
        invs = inv.by_due([p for p in filed if inv.usable(p, f.currency, f.date)])
        if not invs:
            return None
        amount = f.remaining
        # A PO that is also the number of another open invoice having the very amount: which
        # one the customer meant is not for this rule to say.
        if any(inv.remaining[q] == amount and q not in filed and inv.usable(q, f.currency, f.date)
               for k in keys for q in orders.invoices_numbered(k)):
            return None
        payment_ref = all(orders.columns[k] == {PAYMENT_REFERENCE} for k in keys)
        method = PAYMENT_REFERENCE_METHOD if payment_ref else PO_METHOD
        quoted = ", ".join(orders.written[k] for k in keys)
        said = (f"quotes payment reference {quoted}" if payment_ref else f"quotes PO {quoted}"
                ) + " (of " + ", ".join(inv.number[p] for p in inv.by_due(filed)) + ")"
        sure = SURE if called else BARE
        cap, note, another = self._order_doubts(f, cust, invs)
        out = self._order_allocations(f, invs, method, sure, said, cust)
        if another and out and out[0].confidence < MATCHED:
            # Paid by another customer for sure and not the amount the PO's invoices make: a
            # coincidence of numbers more likely than a part payment for someone else.
            return None
        for a in out:
            if a.confidence > cap:
                a.confidence = cap
                a.reason += note
        return out or None

    def _order_doubts(self, f: LineFacts, cust: str, invs: list[int]
                      ) -> tuple[float, str, bool]:
        """(the highest confidence the line allows, the note saying why, whether the payer is
        known for sure to be another customer): a refund or claim, a line naming another
        invoice in full, or another customer paying leave it to a person."""
        if f.category is not None:
            return 0.6, doubted_inflow_note(f.category), False
        others = [p for p in self.inv.by_due(list(f.strong)) if p not in invs
                  and self.inv.remaining[p] > 0]
        if others:
            return 0.6, ("; it also names " + ", ".join(self.inv.number[p] for p in others)
                         + ": please confirm"), False
        if f.payer is not None and f.payer.certain and f.payer.customer not in (None, cust):
            return 0.6, (self._payer_against(f, cust, "it")
                         or f"; the payer is customer {f.payer.customer}: please confirm"), True
        return 1.0, "", False

    def _order_allocations(self, f: LineFacts, invs: list[int], method: str, sure: float,
                           said: str, cust: str) -> list[Allocation]:
        """The receipt applied to the open invoices ``invs`` of one PO (oldest due first)."""
        inv = self.inv
        amount = f.remaining
        total = inv.total(invs)
        names = ", ".join(inv.number[p] for p in invs)
        if total == amount:
            return self._alloc(f, invs, method, sure, f"{said}; amount equals "
                               + ("the open amount" if len(invs) == 1
                                  else f"the open total of {names}"))
        exact = [p for p in invs if inv.remaining[p] == amount]
        if len(exact) == 1:
            return self._alloc(f, exact, method, sure,
                               f"{said}; amount equals the open amount of {inv.number[exact[0]]}")
        if len(exact) > 1:
            return self._alloc(f, exact[:1], method, 0.7,
                               f"{said}; amount equals the open amount of each of "
                               + ", ".join(inv.number[p] for p in exact)
                               + ": the oldest, please confirm")
        if len(invs) > 2:
            sets = find_subsets([inv.remaining[p] for p in invs], amount, amount,
                                grain=f.grain, window=self._window)
            if sets.count:
                chosen = [invs[k] for k in sets.found[0]]
                said += "; amount equals the open total of " + ", ".join(
                    inv.number[p] for p in chosen)
                if sets.count == 1:
                    return self._alloc(f, chosen, method, sure - 0.05, said)
                # (Deliveries of the same amount: which of them is paid, a person says.)
                return self._alloc(f, chosen, method, 0.7,
                                   said + " (one of several sets of them): please confirm")
        if self._within_tolerance(total, amount, f.grain):
            return self._alloc(f, invs, method, sure - 0.02,
                               f"{said}; short by {self._money(total - amount)} within the fee "
                               "tolerance: write-off proposed")
        near = inv.within_tolerance(invs, amount)
        if len(near) == 1:
            return self._alloc(f, near, method, sure - 0.02,
                               f"{said}; short of {inv.number[near[0]]} by "
                               f"{self._money(inv.remaining[near[0]] - amount)} within the fee "
                               "tolerance: write-off proposed")
        if amount > 2 * total:
            return []  # (more than twice what the PO owes: other invoices, or another number)
        if amount > total:
            return self._alloc(f, invs, method, 0.6,
                               f"{said}; paid {self._money(amount - total)} more than their "
                               "open total: please confirm", on_account_customer=cust)
        return self._alloc(f, invs, method, 0.6,
                           f"{said}; pays less than their open total ({self._money(total)}): "
                           "applied oldest first, please confirm")
