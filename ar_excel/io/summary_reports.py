"""A workbook holding an aging summary instead of the receivables themselves.

Asked for their receivables, a finance team often sends the report it reads every month:
QuickBooks' A/R Aging Summary, Xero's Aged Receivables Summary, Sage's Aged Debtors summary,
Odoo's Aged Receivable left folded. Each gives one total per customer and age band, and no
invoice: nothing ar_excel can age, match or dun. Where no sheet holds an invoice list but one
is headed by age bands (``Current``, ``1 - 30``, ``31 - 60``... ``Total``), the jobs stop
saying so and naming the report to export instead, rather than "the workbook has no
'Customers' sheet".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ar_excel.io.age_band_amounts import is_band
from ar_excel.io.grid import Grid
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, normalize_digits

# a band's header is an invoice list's (``age_band_amounts.is_band``); a summary's has its
# Total beside them
_TOTAL = re.compile(r"(?i)^\s*(?:total|الإجمالي|الاجمالي)\s*$")
_DOCUMENT_WORDS = re.compile(r"(?i)invoice|\bnum\b|\bno\b|number|\bdate\b|\bref|فاتورة|تاريخ|رقم")
_ROWS_LOOKED_AT = 30


def _headed_by_bands(row: list[Any]) -> bool:
    texts = [normalize_digits(str(v)) for v in row if not is_blank(v)]
    bands = sum(is_band(t) or bool(_TOTAL.match(t)) for t in texts)
    return bands >= 3 and not any(_DOCUMENT_WORDS.search(t) for t in texts)


# A customer balance summary (Zoho Books' Customer Balances, QuickBooks' Customer Balance
# Summary, Sage's Customer Balances): a customer column, its balance, no document's number or
# date ("Invoiced Amount" beside them is a sum, no document).
_CUSTOMER = frozenset(match_key(w) for w in (
    "Customer", "Customer Name", "Contact", "Contact Name", "Account Name", "Partner",
    "العميل", "اسم العميل"))
_BALANCE = frozenset(match_key(w) for w in (
    "Closing Balance", "Balance", "Balance Due", "Ending Balance", "Outstanding",
    "Outstanding Balance", "Total Outstanding", "الرصيد", "الرصيد الختامي", "رصيد آخر المدة",
    "الرصيد المستحق"))
_ONE_DOCUMENT = re.compile(r"(?i)invoice\s*(?:no|number|#|date|id)\b|\bnum\b|number|\bdate\b|"
                           r"\bref|\bdue\b|رقم|تاريخ")


def _balances_by_customer(row: list[Any]) -> bool:
    texts = [str(v).strip() for v in row if not is_blank(v)]
    keys = {match_key(t) for t in texts}
    return bool(keys & _CUSTOMER) and bool(keys & _BALANCE) and not any(
        _ONE_DOCUMENT.search(t) for t in texts)


def aging_summary_sheet(grids: list[Grid], loader: Callable[[str], list[list[Any]] | None]
                        | None = None) -> SummarySheet | None:
    """The first visible sheet headed by age bands and no document column, or by a
    customer and its balance (a sheet not loaded yet is loaded through ``loader``)."""
    from ar_excel.io.sheet_kinds import OUTPUT_TABS

    for grid in grids:
        if grid.hidden or grid.header is not None or match_key(grid.name) in OUTPUT_TABS:
            continue  # (an earlier run's Aging tab is ours, not the books)
        rows = grid.rows or ((loader(grid.name) or []) if loader is not None else [])
        if any(_headed_by_bands(list(r)) for r in rows[:_ROWS_LOOKED_AT]):
            return SummarySheet(grid.sheet or grid.name, False)
        if any(_balances_by_customer(list(r)) for r in rows[:_ROWS_LOOKED_AT]):
            return SummarySheet(grid.sheet or grid.name, True)
    return None


class SummarySheet(NamedTuple):
    """A sheet summing the receivables instead of listing them: by age band, or one balance
    per customer (``balances``)."""

    sheet: str
    balances: bool


def summary_instead_of_invoices(summary: SummarySheet) -> str:
    sheet = summary.sheet
    if summary.balances:
        return (f"sheet '{sheet}' is a balance summary (one balance per "
                f"customer, no invoices): ar_excel works from the invoices themselves; export "
                f"the open invoices instead (Zoho Books' Invoice Details, QuickBooks' Open "
                f"Invoices, Xero's Aged Receivables Detail) or the open invoice list")
    return (f"sheet '{sheet}' is an aging summary (one total per customer and age band, no "
            f"invoices): ar_excel works from the invoices themselves; export the detailed "
            f"report instead (QuickBooks' A/R Aging Detail or Open Invoices, Xero's Aged "
            f"Receivables Detail, Odoo's Aged Receivable unfolded, Sage's Aged Debtors "
            f"detailed) or the open invoice list")
