"""A running-balance ledger's receipt that names the invoice it pays.

A sub-ledger kept as Date, Ref, Particulars, Debit, Credit, Balance writes a receipt as a
credit row, often naming the invoice it settles in its reference or narration ("Receipt
against INV-1005", "Chq 4411 INV-1005", "سداد فاتورة 1005"). Such a receipt pays that
invoice, as a Payments row with that Invoice No would: the invoice is settled (or left open
for the rest) instead of shown overdue beside a credit of the same money.

* Only a credit row (a negative amount) that is no credit note or return, naming exactly one
  invoice number of its own customer's invoices (the positive rows of the same list): the
  number written whole (its letters and digits, any separators), or its digits written
  after the word invoice (``فاتورة 1005`` for ``INV-1005``, where no other invoice of the
  customer has those digits). Naming none or several, it stays a credit on the account.
* An ERP's ledger that prints how it reconciled its lines (Odoo's "Matching Number": the
  payment and the invoice it paid share ``P7``) says it plainly: a credit row sharing its
  matching number with exactly one invoice of its customer pays that one, whatever it names.
  (One payment reconciled with several invoices names none of them alone: a credit.)
* The row is kept as it is; the invoice it pays is noted in ``PAYS_INVOICE`` for the ledger
  (``core.ledger``) to apply.
* A list of signed amounts with a document type column (NetSuite's and QuickBooks'
  transaction lists: Invoice, Payment, Credit Memo) writes its receipts as lines typed so:
  those lines, and no credit memo, are read the same way (``receipt_lines``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.ledger import PAYS_INVOICE
from ar_excel.core.matching.normalize import alnum_key, fold_text, invoice_numbers_called
from ar_excel.names import match_key
from ar_excel.schema import NARRATION_HEADERS

_CHUNK = re.compile(r"[A-Z0-9]+(?:[-/._#:][A-Z0-9]+)*")
_SEPARATORS = str.maketrans("", "", "-/._#:")
_NONE: frozenset[str] = frozenset()
_CREDIT_NOTE = re.compile(
    r"(?i)\bcredit\s*note|\bc\s*/\s*n\b|\bcn\b|\breturns?\b|\brefund|إشعار\s*دائن|اشعار\s*دائن|"
    r"مرتجع|مردود|خصم|"  # (مردود مبيعات: a sales return, as Egypt's and Syria's books say)
    r"\breversal\b|\brinv\b")  # Odoo's credit notes: RINV/2026/00003, "Reversal of: INV/..."
# A ledger's narration column, by its usual headers (``opening_balances``'), or an ERP
# ledger's reference or label beside the document's own number (Odoo 17's Ref: a payment's
# memo, the invoice it pays).
_NARRATION = NARRATION_HEADERS | frozenset(match_key(h) for h in (
    "Ref", "Label", "Communication", "Payment Reference"))
# A ledger's column of reconciliation marks (Odoo's matching number), by its headers.
_MATCHING = frozenset(match_key(h) for h in (
    "Matching", "Matching Number", "Matching No", "Matching #", "Reconciliation",
    "Reconcile Ref", "رقم المطابقة", "المطابقة", "مطابقة"))


def _digits(number: str) -> str:
    return re.sub(r"\D", "", fold_text(number)).lstrip("0")


def receipts_naming_invoices(frame: pd.DataFrame, only: np.ndarray | None = None) -> int:
    """Note (in place, in ``PAYS_INVOICE``) the one invoice each credit row names (module
    docstring), among the rows ``only`` marks where given; returns how many were noted."""
    if not {"Invoice No", "Amount", "Customer ID"} <= set(frame.columns):
        return 0
    amount = frame["Amount"].to_numpy(dtype="float64", na_value=np.nan)
    credits = np.flatnonzero((amount < 0) & (True if only is None else only))
    if not len(credits):
        return 0
    texts = ["Invoice No"] + [c for c in frame.columns if isinstance(c, str)
                              and c != "Invoice No" and match_key(c) in _NARRATION]
    numbers = frame["Invoice No"].to_numpy(dtype=object)
    owners = frame["Customer ID"].to_numpy(dtype=object)
    whole: dict[object, dict[str, set[str]]] = {}  # customer -> number's key -> numbers
    called: dict[object, dict[str, set[str]]] = {}  # customer -> number's digits -> numbers
    paying = set(owners[credits].tolist())  # (only the customers with a receipt to place)
    for pos in np.flatnonzero(amount > 0).tolist():
        number = numbers[pos]
        if isinstance(number, str) and number.strip() and owners[pos] in paying:
            number = number.strip()
            whole.setdefault(owners[pos], {}).setdefault(alnum_key(number), set()).add(number)
            digits = _digits(number)
            if digits:
                called.setdefault(owners[pos], {}).setdefault(digits, set()).add(number)
    pays = np.full(len(frame), None, dtype=object)
    matched = _matched_invoices(frame, amount, numbers, owners, paying)
    columns = [frame[c].to_numpy(dtype=object) for c in texts]
    for pos in credits.tolist():
        mine = whole.get(owners[pos])
        if not mine:
            continue
        said = "\n".join(c[pos] for c in columns if isinstance(c[pos], str))
        if _CREDIT_NOTE.search(said):
            continue
        if pos in matched:
            pays[pos] = matched[pos]
            continue
        if not said:
            continue
        folded = fold_text(said)
        named: set[str] = set()
        for chunk in _CHUNK.findall(folded):  # (a chunk's key: its letters and digits)
            named |= mine.get(chunk.translate(_SEPARATORS), _NONE)
        by_digits = called.get(owners[pos], {})
        for digits in invoice_numbers_called(folded):
            found = by_digits.get(digits.lstrip("0"), _NONE)
            if len(found) == 1:
                named |= found
        if len(named) == 1:
            pays[pos] = next(iter(named))
    noted = int(sum(p is not None for p in pays))
    if noted:
        frame[PAYS_INVOICE] = pd.Series(pays, index=frame.index, dtype="object")
    return noted


def _matched_invoices(frame: pd.DataFrame, amount: np.ndarray, numbers: np.ndarray,
                      owners: np.ndarray, paying: set) -> dict[int, str]:
    """Credit row -> the one invoice of its customer sharing its matching number (module
    docstring); empty where the list has no such column."""
    column = next((c for c in frame.columns if isinstance(c, str) and match_key(c) in _MATCHING),
                  None)
    if column is None:
        return {}
    marks = frame[column].to_numpy(dtype=object)
    invoices: dict[tuple, set[str]] = {}
    for pos in np.flatnonzero(amount > 0).tolist():
        mark, number = marks[pos], numbers[pos]
        if owners[pos] in paying and isinstance(number, str) and number.strip() and \
                isinstance(mark, str | int) and str(mark).strip():
            invoices.setdefault((owners[pos], str(mark).strip()), set()).add(number.strip())
    found = {}
    for pos in np.flatnonzero(amount < 0).tolist():
        mark = marks[pos]
        if isinstance(mark, str | int) and str(mark).strip():
            named = invoices.get((owners[pos], str(mark).strip()), _NONE)
            if len(named) == 1:
                found[pos] = next(iter(named))
    return found


def receipt_lines(frame: pd.DataFrame) -> np.ndarray | None:
    """The lines a document type column types as receipts (Payment, Receipt, PMT...), or,
    where no column types any so, the credit lines whose narration says they are (a hand-kept
    list's البيان: "دفعة جزئية من F-2026-031", ``entries.narrated_receipts``: the lines the
    ledger takes for receipts); None where there are none."""
    from ar_excel.core.entries import RECEIPT_TYPES, narrated_receipts, type_column

    column = type_column(frame)
    if column is not None:
        typed = frame[column].map(lambda v: isinstance(v, str) and match_key(v)
                                  in RECEIPT_TYPES)
        if typed.any():
            return typed.to_numpy(bool)
    if "Amount" not in frame:
        return None
    narrated = narrated_receipts(frame.assign(Amount=pd.to_numeric(frame["Amount"],
                                                                   errors="coerce")))
    return narrated if narrated.any() else None
