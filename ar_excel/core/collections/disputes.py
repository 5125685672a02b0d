"""Invoices in dispute: still owed, not chased.

Rule: an invoice the customer disputes (price, quantity, damaged goods, a missing delivery
note) stays a receivable: it is in the Aging, the credit exposure and the customer's
statement as before. But no reminder asks for it while the dispute is open: dunning levels,
the amount to collect, letters' totals and the call and visit lists leave it out, and the
credit on account is not spent on it (it goes to the undisputed invoices). The Dunning tab
shows it apart (Disputed Amount) and, where only disputed invoices are overdue, the next
action is to resolve the dispute. The cash forecast does not expect it until it is settled.

How a workbook says an invoice is disputed (Invoices columns, headers compared ignoring
case, spaces and punctuation, English or Arabic):

* a flag column (``Disputed``, ``Dispute``, ``In Dispute``, ``Dispute Status``, ``Dispute
  Flag``, ``Under Dispute``, ``On Dispute``, ``نزاع``, ``متنازع عليها``, ``محل نزاع``,
  ``اعتراض``): any value but a "no" (``No``, ``N``, ``False``, ``0``, ``Resolved``,
  ``Closed``, ``Settled``, ``لا``, ``تمت التسوية``...) marks the invoice;
* a reason column (``Dispute Reason``, ``Dispute Note``, ``Dispute Comment``, ``سبب
  النزاع``): any text but a "no" or "none";
* a status column (``Status``, ``Invoice Status``, ``Payment Status``, ``الحالة``, ``حالة
  الفاتورة``, ``حالة السداد``) reading disputed (``Disputed``, ``In Dispute``, ``On hold -
  dispute``, ``متنازع عليها``, ``محل نزاع``), unless it says the dispute is over
  (``Dispute resolved``);
* or a sheet of its own (``Disputes``, ``Disputed Invoices``, ``Dispute Log``, ``النزاعات``)
  listing the invoices (``Invoice No`` / ``Invoice`` / ``رقم الفاتورة``), each disputed unless
  its status column (``Status``, ``Dispute Status``, ``الحالة``) says the dispute is over
  (``Resolved``, ``Closed``, ``Settled``, ``تمت التسوية``).
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.model import ROW
from ar_excel.names import match_key

DISPUTED = "Disputed"  # the open items' column: True for an invoice in dispute

_FLAG_HEADERS = {match_key(h) for h in (
    "Disputed", "Dispute", "In Dispute", "Dispute Status", "Dispute Flag", "Under Dispute",
    "On Dispute", "Is Disputed", "Disputed?", "Dispute?", "Dispute Y/N",
    "نزاع", "متنازع عليها", "متنازع عليه", "محل نزاع", "اعتراض", "معترض عليها", "حالة النزاع",
    "فاتورة متنازع عليها")}
_REASON_HEADERS = {match_key(h) for h in (
    "Dispute Reason", "Dispute Note", "Dispute Notes", "Dispute Comment", "Dispute Comments",
    "Dispute Details", "Reason for Dispute", "Dispute Code", "سبب النزاع", "سبب الاعتراض",
    "ملاحظات النزاع")}
_STATUS_HEADERS = {match_key(h) for h in (
    "Status", "Invoice Status", "Payment Status", "Collection Status", "Document Status",
    "الحالة", "حالة الفاتورة", "حالة السداد", "حالة التحصيل")}

_NO = {match_key(w) for w in (
    "no", "n", "false", "0", "none", "nil", "-", "--", "n/a", "na", "resolved", "closed",
    "settled", "cleared", "withdrawn", "no dispute", "not disputed", "undisputed",
    "dispute resolved", "لا", "لا يوجد", "تمت التسوية", "تم الحل", "محلول", "منتهي", "مغلق")}
_DISPUTED_STATUS = re.compile(r"disput|نزاع|متنازع|اعتراض|معترض")
_OVER = re.compile(r"resolv|settl|clos|clear|withdraw|undisput|no\s*disput|not\s*disput"
                   r"|تمت\s*التسوية|تم\s*الحل|محلول|منتهي|انتهى")


def _says_no(value: object) -> bool:
    if value is None or value is False or (not isinstance(value, str) and pd.isna(value)):
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == 0
    return match_key(value) in _NO or not str(value).strip()


def _status_disputed(value: object) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip().lower()
    return bool(_DISPUTED_STATUS.search(text)) and not _OVER.search(text)


def disputed_invoices(invoices: pd.DataFrame) -> pd.Series:
    """For each Invoices row, whether the workbook marks it as in dispute (see the module's
    rules); all False where no column says anything of disputes."""
    flags = pd.Series(False, index=invoices.index, dtype=bool)
    for column in invoices.columns:
        key = match_key(column)
        values = invoices[column]
        if key in _FLAG_HEADERS or key in _REASON_HEADERS:
            flags |= ~values.map(_says_no).astype(bool)
        elif key in _STATUS_HEADERS:
            flags |= values.map(_status_disputed).astype(bool)
    return flags


def _number_key(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = re.sub(r"\s+", "", str(value)).upper()
    return key or None


DISPUTE_SHEETS = ("Disputes", "Disputed Invoices", "Dispute Log", "Dispute Register",
                  "النزاعات", "الفواتير المتنازع عليها", "سجل النزاعات")
_INVOICE_HEADERS = ("Invoice No", "Invoice", "Invoice Number", "Document No", "رقم الفاتورة",
                    "الفاتورة")
_LOG_STATUS = {match_key(h) for h in ("Status", "Dispute Status", "State", "Resolution",
                                      "الحالة", "حالة النزاع")}


def listed_disputes(frame: pd.DataFrame | None) -> set[str]:
    """The invoice numbers (as matched: no spaces, upper case) a Disputes sheet lists as
    still in dispute."""
    if frame is None or not len(frame):
        return set()
    keys = {match_key(c): c for c in frame.columns}
    number = next((keys[match_key(h)] for h in _INVOICE_HEADERS if match_key(h) in keys), None)
    if number is None:
        return set()
    status = next((c for k, c in keys.items() if k in _LOG_STATUS), None)
    over = frame[status].map(lambda v: isinstance(v, str) and bool(
        _OVER.search(v.strip().lower()) or match_key(v) in _NO)) if status is not None \
        else pd.Series(False, index=frame.index)
    return {k for k in frame.loc[~over.astype(bool), number].map(_number_key) if k}


def dispute_log(book: object) -> set[str]:
    """``listed_disputes`` of the workbook's Disputes sheet (``Book.sheet_frame``), if any."""
    for name in DISPUTE_SHEETS:
        frame = book.sheet_frame(name)  # None at once where the workbook has no such sheet
        if frame is None:
            continue
        # the header may sit under a title: look for the row naming the invoice column
        for header in _INVOICE_HEADERS:
            found = book.sheet_frame(name, (header,))
            if found is not None:
                return listed_disputes(found)
        return set()
    return set()


def mark_disputed(items: pd.DataFrame, invoices: pd.DataFrame,
                  listed: set[str] | None = None) -> pd.DataFrame:
    """``items`` (``ledger.open_items``) with a ``Disputed`` column: True for an open invoice
    whose Invoices row (by its sheet row) is marked as in dispute, or whose number a
    Disputes sheet lists (``listed``, see ``dispute_log``)."""
    flags = disputed_invoices(invoices)
    rows = set(invoices.loc[flags, ROW].tolist()) if flags.any() and ROW in invoices else set()
    invoice = items["Item Type"] == "Invoice"
    disputed = invoice & items[ROW].isin(rows) if rows \
        else pd.Series(False, index=items.index, dtype=bool)
    if listed:
        disputed |= invoice & items["Invoice No"].map(_number_key).isin(listed)
    return items.assign(**{DISPUTED: disputed.astype(bool)})


def is_disputed(items: pd.DataFrame) -> pd.Series:
    """The ``Disputed`` column of ``items``, all False where it has none."""
    if DISPUTED in items:
        return items[DISPUTED].fillna(False).astype(bool)
    return pd.Series(False, index=items.index, dtype=bool)
