"""What a report's unlabelled first column holds, under a heading row per customer.

Odoo's receivable reports print each partner on a row of its own (its name in the first
column, the sums of its lines beside it) and the partner's lines under it, the first column
left without a header:

* the Aged Receivable puts each document's number there (``INV/2026/00041``), its date under
  "Invoice Date";
* the Partner Ledger of Odoo 14 to 16 puts each line's date there (``09/01/2026``), its
  document under "Ref" (``BNK1/2026/00019 - Customer Payment INV/2026/00041``) and its
  receivable account under "Account" (the same code on every line: no customer);
* the Partner Ledger of Odoo 17 puts each line's document there, its date under "Date", and
  leaves "Ref" (the customer's own reference) blank on most lines.

The column is read as that field; the customers come from the headings (``report_rows``).
A sheet whose unlabelled first column is a clerk's row numbers, or whose invoice numbers
are written under their own header on every line, is left as it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ar_excel.parsing import is_blank, parse_date


def _is_date(value: Any) -> bool:
    if isinstance(value, date):
        return True
    if not isinstance(value, str):
        return False
    try:
        parse_date(value, True)
    except ValueError:
        try:
            parse_date(value, False)
        except ValueError:
            return False
    return True


def unlabelled_first_column(kind: str, header: list[Any], names: list[str],
                            written: dict[str, str], data: list[list[Any]]) -> str | None:
    """The field an Invoices report's unlabelled first column gives ("Invoice No" or
    "Invoice Date"), or None (module docstring)."""
    if kind != "Invoices" or not names or not is_blank(header[0]):
        return None
    if "Invoice No" not in written:
        return "Invoice No" if "Invoice Date" in written else None
    number = names.index("Invoice No")
    if "Invoice Date" not in written:
        # the lines' dates; every other text there heads a group or labels a row (a partner,
        # "Initial Balance", "Total") and has no document beside it
        dates = 0
        for row in data:
            if not row or is_blank(row[0]):
                continue
            if _is_date(row[0]):
                dates += 1
            elif len(row) > number and not is_blank(row[number]):
                return None
        return "Invoice Date" if dates >= 2 else None
    day = names.index("Invoice Date")
    lines = [r for r in data if len(r) > max(number, day) and not is_blank(r[day])
             and not is_blank(r[0])]
    if len(lines) < 2 or not all(isinstance(r[0], str) for r in lines):
        return None  # (a clerk's row numbers)
    blank = sum(is_blank(r[number]) for r in lines)
    return "Invoice No" if blank * 2 > len(lines) else None
