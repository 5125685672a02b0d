"""What an ERP's invoice list says of each document beyond its amount, read as the ledger
means it:

* A draft (Odoo's Status "Draft", a pro-forma, "مسودة") is not posted: no receivable yet.
  Its amounts count as 0 (the row stays, so its number is no gap in the series), as a
  cancelled invoice's do, and one Input Issue names the rows. A column where every document
  is a draft says something else and is left alone.
* A credit note numbered as the reversal of the sheet's invoices (Odoo's "RINV/2026/00001"
  beside "INV/2026/00012") is a credit: where the list writes it positive (its Total, not
  its Total Signed) and no document type column says what it is, its Amount, Balance and
  Paid Amount count negative, and one Input Issue names the rows. A list that already writes
  some reversal negative is signed as it stands and is left alone.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.entries import DRAFT_WORDS
from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue, Table
from ar_excel.names import match_key
from ar_excel.parsing import is_blank

# A document's state column (Odoo's Status, a clerk's "Invoice Status", "الحالة").
STATE_HEADERS = frozenset(match_key(w) for w in (
    "Status", "State", "Invoice Status", "Document Status", "Posting Status", "الحالة",
    "حالة الفاتورة", "حالة المستند", "حالة الترحيل"))

_AMOUNTS = ("Amount", "Balance", "Paid Amount")


def _state_columns(invoices: Table) -> list[str]:
    return [c for c in invoices.frame.columns if isinstance(c, str)
            and c not in invoices.headers and match_key(c) in STATE_HEADERS]


def _drafts(invoices: Table) -> tuple[str, pd.Index] | None:
    """The state column saying which documents are drafts, and their rows."""
    frame = invoices.frame
    for column in _state_columns(invoices):
        values = frame[column]
        kinds = pd.unique(values)  # a few words, many rows
        drafts = [v for v in kinds if isinstance(v, str) and match_key(v) in DRAFT_WORDS]
        if not drafts:
            continue
        draft = values.isin(drafts).to_numpy(bool)
        if draft.sum() == (~values.map(is_blank)).sum():
            continue  # every document a draft: the column says something else
        return column, frame.index[draft]
    return None


def drafts_not_posted(invoices: Table, found: tuple[str, pd.Index] | None) -> list[Issue]:
    """Count the draft documents (``found``: ``_drafts``) as 0 (see the module docstring);
    the Input Issue saying so."""
    frame = invoices.frame
    if found is not None:
        column, rows = found
        for name in _AMOUNTS:
            if name in frame:
                frame.loc[rows, name] = 0.0
        cells = [invoices.cell(i, column) for i in rows]
        return [invoices.issue(rows[0], column, f"{len(rows)} draft invoice(s) (not posted): "
                               f"not receivables, counted as 0 ({cells_named(cells)})")]
    return []


# A document number's series: the letters (and separators) before its first digit.
_SERIES = re.compile(r"^([^\W\d_]{2,}[^\w]*)\d")


def reversals_as_credits(invoices: Table) -> list[Issue]:
    """Negate the positive credit notes numbered as reversals (see the module docstring);
    the Input Issue saying so."""
    from ar_excel.core.entries import type_column

    frame = invoices.frame
    if not len(frame) or type_column(frame) is not None:
        return []
    numbers = [v.strip() if isinstance(v, str) else "" for v in frame["Invoice No"].tolist()]
    if not any(n[:1] in ("R", "r") for n in numbers):
        return []
    series = [m.group(1).upper() if (m := _SERIES.match(n)) else "" for n in numbers]
    invoice_series = set(series) - {""}
    reversal = np.array([len(s) > 2 and s.startswith("R") and s[1:] in invoice_series
                         for s in series], dtype=bool)
    if not reversal.any():
        return []
    amounts = frame["Amount"]
    if (amounts[reversal] < 0).any():
        return []  # a signed list: its credit notes are negative already
    rows = frame.index[reversal & (amounts > 0).to_numpy(bool)]
    if not len(rows):
        return []
    for name in _AMOUNTS:
        if name in frame:
            values = frame.loc[rows, name]
            frame.loc[rows, name] = -values.abs()
    first = numbers[frame.index.get_loc(rows[0])]
    cells = [invoices.cell(i, "Invoice No") for i in rows]
    return [invoices.issue(rows[0], "Invoice No", f"{len(rows)} document(s) numbered as "
                           f"reversals of the invoices ('{first}') read as credit notes: "
                           f"their amounts count negative ({cells_named(cells)})")]


def refused_by_the_portal(invoices: Table) -> list[Issue]:
    """A tax authority portal's own export (a plain Status beside the e-invoice UUID: the
    ETA portal's Valid / Invalid / Rejected / Cancelled) is the list of documents the
    authority holds: one it rejected or found invalid is no tax invoice and no receivable
    (the seller issues a valid one in its place, which the list also holds). Its amounts
    count as 0, as a cancelled one's do, and one Input Issue names the rows. A status column
    kept beside an ERP's own list (``ETA Status``) is left to the e-invoice checks: the ERP
    posted the invoice, and it is reversed there."""
    from ar_excel.core.billing.einvoice import portal_refusals, status_column, verdict

    frame = invoices.frame
    refused = portal_refusals(frame)  # (cancelled ones: said apart, as any list's)
    if not refused.any():
        return []
    column = status_column(frame)
    words = frame[column].map(verdict)
    rows = frame.index[refused]
    for name in _AMOUNTS:
        if name in frame:
            frame.loc[rows, name] = 0.0
    said = " / ".join(dict.fromkeys(words[refused]))
    cells = [invoices.cell(i, column) for i in rows]
    return [invoices.issue(rows[0], column, f"{len(rows)} document(s) the tax authority "
                           f"holds as {said} (no valid tax invoice): not receivables, counted "
                           f"as 0 ({cells_named(cells)})")]


def states_as_meant(invoices: Table) -> tuple[list[Issue], pd.Index]:
    """The rules above, drafts first (a draft reversal is no credit either): the Input
    Issues, and the drafts' rows (Odoo's drafts have no number or date until posted: the
    reader's 'required but blank' at their cells says nothing the draft issue does not)."""
    found = _drafts(invoices)
    issues = [*drafts_not_posted(invoices, found), *refused_by_the_portal(invoices),
              *reversals_as_credits(invoices)]
    return issues, found[1] if found is not None else pd.Index([])

