"""Invoice lists exported one row per line item, read as one invoice per invoice.

* Zoho Books, QuickBooks and many ERPs export invoices with a row for each line (item,
  quantity, price), the invoice's own fields (number, customer, date, total, balance)
  repeated on each. Counting each row would count the invoice once per line. Rows with the
  same Invoice No whose customer, dates, Amount and Balance are the same, and which differ in
  some other column (their lines), are one invoice: its first row is read, the others are
  set aside, and one Input Issue names them.
* Odoo exports an invoice's lines (``Invoice lines/Product``) under it on rows of their own,
  every field of the invoice left blank. Such a row (no contract value, its values only
  under columns of the lines) is part of the invoice above: it is no record (so no
  "required but blank" for each of its cells), and one Input Issue names them.

Rows that repeat every value (an invoice typed twice) are left as they are: the invoices
job says the duplicate number.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, Issue, Table, column_letter
from ar_excel.parsing import ValueTypes, blank_mask

# A column of an invoice's lines: a relation path ("Invoice lines/Product", Odoo's
# one2many export) or a line's own word.
_LINE_HEADER = re.compile(
    r"(?i)/|\bitems?\b|\bproduct|\bqty\b|quantity|\bsku\b|\bunit\s*price|\bline\b|"
    r"الصنف|الكمية|سعر الوحدة|البند|بنود|المنتج")

# The invoice's own fields, the same on each of its line rows.
_INVOICE_FIELDS = ("Customer ID", "Invoice Date", "Due Date", "Currency", "Amount", "Balance",
                   "Paid Amount")


def line_rows(columns: list[np.ndarray], types: list[ValueTypes], header: list[Any],
              names: list[str], contract: set[str], keep: np.ndarray,
              blanks: dict[int, np.ndarray]) -> list[int]:
    """Positions of the rows that hold only an invoice's lines under the invoice above
    (Odoo's one2many export): every contract column blank, some column of the lines
    filled, a record above."""
    line = [j for j, h in enumerate(header) if names[j] not in contract and isinstance(h, str)
            and _LINE_HEADER.search(h)]
    if not line or not keep.any():
        return []
    filled = [~(blanks[j] if j in blanks else blank_mask(c, t))
              for j, (c, t) in enumerate(zip(columns, types, strict=True))]
    own = np.zeros(len(keep), dtype=bool)
    for j in range(len(columns)):
        if names[j] in contract:
            own |= filled[j]
    in_lines = np.zeros(len(keep), dtype=bool)  # a value under a column of the lines
    outside = np.zeros(len(keep), dtype=bool)  # a value under any other column
    for j in range(len(columns)):
        if j in line:
            in_lines |= filled[j]
        elif names[j] not in contract:
            outside |= filled[j]
    found = keep & ~own & in_lines & ~outside
    first_record = np.flatnonzero(keep & own)
    if not len(first_record):
        return []
    found[: first_record[0]] = False  # lines need an invoice above them
    return np.flatnonzero(found).tolist()


def line_rows_issue(found: list[int], sheet: str, header: list[Any], names: list[str],
                    contract: set[str], left: int, first_row: int) -> list[Issue]:
    if not found:
        return []
    at = next(j for j, n in enumerate(names) if n not in contract and isinstance(header[j], str)
              and _LINE_HEADER.search(header[j]))
    cells = [f"{column_letter(left + at)}{pos + first_row + 1}" for pos in found]
    return [Issue(sheet, cells[0], str(header[at]), None,
                  f"{len(found)} row(s) hold only the lines of the invoice above them "
                  f"({header[at]}, ...): read as part of it, not as invoices "
                  f"({cells_named(cells)})")]


def one_row_per_invoice(invoices: Table) -> list[Issue]:
    """Keep one row of each invoice exported once per line item (see the module
    docstring); the Input Issue naming the rows set aside."""
    frame = invoices.frame
    numbers = frame["Invoice No"]
    repeated = numbers.notna() & numbers.duplicated(keep=False)
    if not repeated.any():
        return []
    fields = [c for c in _INVOICE_FIELDS if c in frame]
    rows = frame[repeated.to_numpy(bool)]
    same = rows.groupby("Invoice No", sort=False, dropna=True)[fields].nunique(dropna=False)
    same = same[(same <= 1).all(axis=1)].index
    if not len(same):
        return []
    others = [c for c in invoices.raw.columns if c not in fields and c not in ("Invoice No", ROW)]
    raw = invoices.raw.loc[rows.index]
    varies = raw[others].astype(str).groupby(rows["Invoice No"], sort=False).nunique()
    varies = varies[(varies > 1).any(axis=1)].index
    lines = rows.index[rows["Invoice No"].isin(same.intersection(varies)).to_numpy(bool)]
    later = lines[frame.loc[lines, "Invoice No"].duplicated(keep="first").to_numpy(bool)]
    if not len(later):
        return []
    cells = [invoices.cell(i, "Invoice No") for i in later]
    column = next((c for c in others if raw.loc[lines, c].astype(str).groupby(
        frame.loc[lines, "Invoice No"]).nunique().gt(1).any()), others[0])
    issue = invoices.issue(
        later[0], "Invoice No",
        f"{frame.loc[lines, 'Invoice No'].nunique()} invoice(s) are written on several rows, "
        f"one per line ({invoices.headers.get(column, column)} differs, the invoice's total "
        f"the same): each read once, {len(later)} row(s) not counted again "
        f"({cells_named(cells)})")
    keep = ~frame.index.isin(later)
    invoices.frame = frame[keep].reset_index(drop=True)
    invoices.raw = invoices.raw[keep].reset_index(drop=True)
    return [issue]

