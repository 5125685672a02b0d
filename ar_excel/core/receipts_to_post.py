"""Cash application to post: the month's matched bank receipts as rows of the Payments sheet.

The reconciliation applies each bank credit to invoices, but the books (``Payments``) do not
hold those receipts until somebody records them; until then the aging, the credit status and
the statements still show the invoices as owing. This is the journal to record, laid out as the
Payments sheet so the rows can be pasted under it:

* one row per ``Matched`` allocation of a bank line (the cascade's automatic applications);
  ``Suggested`` ones wait for a person's review and are left out, as are lines already
  ``recorded`` in Payments (book-to-bank), which are in the books already;
* ``Payment ID``: the bank's transaction reference (``Bank Line``), the same for every invoice
  one transfer pays, so the receipt stays one receipt; a statement without transaction ids
  numbers its lines 1, 2, 3 every month, so such an ID is made unique with the booking date
  (``BNK-20261105-12``);
* ``Date`` the bank's booking date, ``Amount`` the cash applied to the invoice, ``Invoice No``
  blank for what stays on account (an overpayment's excess, a payment without invoice);
* ``Reference`` the bank reference again, as cash receipts journals keep it (book-to-bank pairs
  the line with the receipt by it on the next run, so posting and re-running applies nothing
  twice);
* ``Write-off`` and ``Withholding Tax``: what the invoice was short-paid by and still needs an
  adjustment (a credit note or a journal entry) to close; they are not cash and not in Amount.
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.core.money import amount_text
from ar_excel.parsing import is_blank

POST_COLUMNS = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                "Reference", "Customer", "Write-off", "Withholding Tax", "Bank Line", "Note"]

_CHEQUE = re.compile(r"\b(?:CHQ|CHEQUE|CHECK|CHK)\b|شيك", re.IGNORECASE)


def payment_id_of_line(bank_line: object, date: pd.Timestamp,
                       position: bool | None = None) -> str:
    """The Payment ID a bank line's receipt is recorded under: the bank's transaction id, or
    for a line known only by its position, ``BNK-<booking date>-<position>``. ``position``:
    whether the Bank Line is a position (None: an all-digit Bank Line is taken for one)."""
    text = str(bank_line).strip()
    if position is None:
        position = text.isdigit()
    if position and pd.notna(date):  # numbered 1, 2, 3 again next month
        return f"BNK-{date:%Y%m%d}-{text}"
    return text


def bank_line_positions(lines: pd.DataFrame) -> set[str] | None:
    """The Bank Lines of a statement that are positions in it, not the bank's ids: the lines
    without a Bank Ref. None for lines without that column (an all-digit Bank Line is then
    taken for a position)."""
    if "Bank Ref" not in lines:
        return None
    return {str(b) for b, ref in zip(lines["Bank Line"], lines["Bank Ref"], strict=True)
            if is_blank(ref)}


def receipts_to_post(matches: pd.DataFrame, arabic: bool = False,
                     positions: set[str] | None = None) -> pd.DataFrame:
    """The ``Matched`` allocations of ``matches`` (the Bank Matches rows) as Payments rows to
    record, in statement order (Method and Note in Arabic for an Arabic workbook).
    ``positions``: ``bank_line_positions`` of the statement (an OFX FITID 2026110201 is all
    digits and still an id)."""
    applied = matches[(matches["Status"] == "Matched") & (matches["Method"] != "recorded")
                      & (matches["Applied Amount"] > 0)]
    if not len(applied):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in POST_COLUMNS})
    dates = pd.to_datetime(applied["Date"])
    narrative = (applied["Description"].fillna("").astype(str) if "Description" in applied
                 else pd.Series("", index=applied.index))
    ids = [payment_id_of_line(b, d, None if positions is None else str(b) in positions)
           for b, d in zip(applied["Bank Line"], dates, strict=True)]

    def amounts(name: str) -> pd.Series:
        if name not in applied:
            return pd.Series(0.0, index=applied.index)
        return applied[name].fillna(0.0).astype("float64")

    writeoff, withheld = amounts("Write-off"), amounts("Withholding Tax")
    bank_line = applied["Bank Line"].astype(str).to_numpy()
    out = pd.DataFrame({
        "Payment ID": ids,
        "Customer ID": applied["Customer ID"].to_numpy(),
        "Date": dates.to_numpy(),
        "Amount": applied["Applied Amount"].astype("float64").to_numpy(),
        "Invoice No": applied["Invoice No"].to_numpy(),
        "Method": [_WORDS["cheque" if _CHEQUE.search(t) else "transfer"][arabic]
                   for t in narrative],
        "Reference": bank_line,
        "Customer": applied["Customer"].to_numpy() if "Customer" in applied else None,
        "Write-off": writeoff.to_numpy(),
        "Withholding Tax": withheld.to_numpy(),
        "Bank Line": bank_line,
        "Note": [_note(m, w, t, arabic)
                 for m, w, t in zip(applied["Method"], writeoff, withheld, strict=True)],
    })
    if "Withholding Tax" not in applied:  # (the column is there only when tax was withheld)
        out = out.drop(columns="Withholding Tax")
    return out.reset_index(drop=True)


_WORDS = {  # (English, Arabic)
    "transfer": ("Bank Transfer", "تحويل بنكي"),
    "cheque": ("Cheque", "شيك"),
    "short": ("short by {amount}: post the write-off to close the invoice",
              "ناقص {amount}: سجّل الشطب لإقفال الفاتورة"),
    "withheld": ("{amount} income tax withheld: post against the tax certificate",
                 "{amount} ضريبة خصم من المنبع: تُسجّل مقابل شهادة الخصم"),
    "on account": ("on account", "تحت الحساب"),
}


def _note(method: str, writeoff: float, withheld: float, arabic: bool = False) -> str | None:
    notes = []
    if writeoff > 0:
        notes.append(_WORDS["short"][arabic].format(amount=amount_text(writeoff)))
    if withheld > 0:
        notes.append(_WORDS["withheld"][arabic].format(amount=amount_text(withheld)))
    if method == "on-account" and not notes:
        return _WORDS["on account"][arabic]
    return ("؛ " if arabic else "; ").join(notes) or None
