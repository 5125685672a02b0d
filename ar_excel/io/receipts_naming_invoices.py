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
* The row is kept as it is; the invoice it pays is noted in ``PAYS_INVOICE`` for the ledger
  (``core.ledger``) to apply.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.ledger import PAYS_INVOICE
from ar_excel.core.matching.normalize import alnum_key, fold_text, invoice_numbers_called
from ar_excel.names import match_key

_CHUNK = re.compile(r"[A-Z0-9]+(?:[-/._#:][A-Z0-9]+)*")
_SEPARATORS = str.maketrans("", "", "-/._#:")
_NONE: frozenset[str] = frozenset()
_CREDIT_NOTE = re.compile(
    r"(?i)\bcredit\s*note|\bc\s*/\s*n\b|\bcn\b|\breturns?\b|\brefund|إشعار\s*دائن|اشعار\s*دائن|"
    r"مرتجع|خصم")
# A ledger's narration column, by its usual headers.
_NARRATION = frozenset(match_key(h) for h in (
    "Description", "Details", "Detail", "Particulars", "Narration", "Memo", "Remarks",
    "Transaction Details", "البيان", "بيان", "الوصف", "التفاصيل", "الشرح", "التفصيل", "ملاحظات"))


def _digits(number: str) -> str:
    return re.sub(r"\D", "", fold_text(number)).lstrip("0")


def receipts_naming_invoices(frame: pd.DataFrame) -> int:
    """Note (in place, in ``PAYS_INVOICE``) the one invoice each credit row names (module
    docstring); returns how many rows were so noted."""
    if not {"Invoice No", "Amount", "Customer ID"} <= set(frame.columns):
        return 0
    amount = frame["Amount"].to_numpy(dtype="float64", na_value=np.nan)
    credits = np.flatnonzero(amount < 0)
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
    columns = [frame[c].to_numpy(dtype=object) for c in texts]
    for pos in credits.tolist():
        mine = whole.get(owners[pos])
        if not mine:
            continue
        said = "\n".join(c[pos] for c in columns if isinstance(c[pos], str))
        if not said or _CREDIT_NOTE.search(said):
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
