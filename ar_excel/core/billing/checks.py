"""The billing checks, in the order they run, and the runner that never lets one lose the rest.

Each check is a pure function ``check(book) -> findings`` (see ``findings.py``). The runner
calls them in ``CHECKS`` order; a check that raises becomes a CHECK_FAILED finding and an input
issue naming it, and the others still run. Findings come back in a fixed order: by invoice
number (series, then number), then sheet, row and check order.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ar_excel.core.billing import (
    credit_notes,
    customers,
    deliveries,
    discounts,
    duplicates,
    einvoice,
    future_dates,
    invoice_tax,
    lines,
    numbering,
    prices,
    tax,
    tax_category,
    terms,
    usual_prices,
)
from ar_excel.core.billing.context import BillingBook
from ar_excel.core.billing.findings import FINDING_COLUMNS, empty, findings
from ar_excel.model import Issue

Check = Callable[[BillingBook], pd.DataFrame]

CHECKS: list[tuple[str, Check]] = [
    ("line totals", lines.line_totals),
    ("incomplete lines", lines.incomplete_lines),
    ("lines without invoice", lines.lines_without_invoice),
    ("invoice totals", lines.invoice_totals),
    ("price list", prices.price_list),
    ("usual prices", usual_prices.unusual_prices),
    ("discounts", discounts.discounts),
    ("tax rates", tax.tax_rates),
    ("tax categories", tax_category.category_mismatches),
    ("tax amounts", lines.tax_amounts),
    ("invoice taxes", invoice_tax.invoice_taxes),
    ("due dates", terms.due_date_terms),
    ("invoices after the as-of date", future_dates.invoices_after_as_of),
    ("e-invoice status", einvoice.einvoice_status),
    ("e-invoice tax numbers", einvoice.einvoice_tax_numbers),
    ("e-invoice UUIDs", einvoice.einvoice_duplicates),
    ("duplicate numbers", duplicates.duplicate_numbers),
    ("possible duplicates", duplicates.possible_duplicates),
    ("credit notes", credit_notes.credit_notes),
    ("numbering gaps", numbering.numbering_gaps),
    ("unknown customers", customers.unknown_customers),
    ("invoices before the customer", customers.invoices_before_customer),
    ("customers on hold", customers.blocked_customers),
    ("credit limits", customers.over_credit_limit),
    ("currencies", customers.currency_mismatch),
    ("uninvoiced deliveries", deliveries.uninvoiced_deliveries),
    ("invoicing delays", deliveries.invoicing_delays),
]


def _failed(name: str, exc: Exception, arabic: bool) -> tuple[pd.DataFrame, Issue]:
    reason = f"{type(exc).__name__}: {exc}"[:200]
    row = findings("CHECK_FAILED", n=1, sheet="", row=None, field="", invoice=None,
                   customer=None, arabic=arabic, document=f"check:{name}",
                   params={"check": [name], "error": [reason]})
    issue = Issue("Invoice Checks", "", name, reason,
                  f"the billing check '{name}' could not run; the other checks ran")
    return row, issue


def _order(found: pd.DataFrame, book: BillingBook, rank: dict[str, int]) -> pd.DataFrame:
    number = found["Invoice No"].astype("string").str.strip()
    parts = number.str.extract(numbering.NUMBER_PATTERN)
    sheets = {book.sheet(k): i for i, k in enumerate(("Invoices", "Invoice Lines", "Orders"))}
    keys = pd.DataFrame({
        "blank": number.isna().to_numpy(),
        "series": parts["series"].fillna(number).fillna("").str.upper().to_numpy(),
        "number": pd.to_numeric(parts["digits"], errors="coerce").fillna(-1).to_numpy(),
        "text": number.fillna("").to_numpy(),
        "sheet": found["Sheet"].map(sheets).fillna(len(sheets)).to_numpy(),
        "row": pd.to_numeric(found["Row"], errors="coerce").fillna(0).to_numpy(),
        "check": found["_check"].map(rank).to_numpy(),
    })
    order = np.lexsort([keys[c].to_numpy() for c in reversed(keys.columns)])
    return found.iloc[order].reset_index(drop=True)


def run_checks(book: BillingBook, checks: list[tuple[str, Check]] | None = None
               ) -> tuple[pd.DataFrame, list[Issue]]:
    """All findings (``FINDING_COLUMNS``) in a fixed order, and the issues of failed checks."""
    checks = CHECKS if checks is None else checks
    parts: list[pd.DataFrame] = []
    issues: list[Issue] = []
    for name, check in checks:
        try:
            found = check(book)
        except Exception as exc:  # one broken rule must not lose the others' findings
            found, issue = _failed(name, exc, book.arabic)
            issues.append(issue)
        if len(found):
            parts.append(found[FINDING_COLUMNS].assign(_check=name))
    if not parts:
        return empty(), issues
    found = pd.concat(parts, ignore_index=True)
    found = _order(found, book, {name: i for i, (name, _) in enumerate(checks)})
    found["Row"] = pd.to_numeric(found["Row"], errors="coerce").astype("Int64")
    return found[FINDING_COLUMNS], issues
