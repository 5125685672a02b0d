"""The buttons of an ar_excel workbook: caption, VBA macro, xlwings Lite script, place.

One list serves the toolkit workbooks (``workbooks/build_toolkit.py``) and the installer
(``ar-excel install-buttons``), so a button reads and sits the same everywhere. The macros are
the ``Public Sub``s of ``macros/ArExcel.bas``; the scripts the ``@script`` functions of
``macros/lite/main.py`` (tests check all three agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

START = "Start"  # the sheet holding the buttons
MODULE = "ArExcel"  # the VBA module the buttons' macros live in
FIRST_ROW = 4  # 1-based row of the first button; one button every other row, in column B


@dataclass(frozen=True)
class Button:
    label: str  # the caption the clerk reads
    macro: str  # VBA Sub in macros/ArExcel.bas
    script: str  # @script function in macros/lite/main.py
    what: str  # one line on what it writes


BUTTONS = (
    Button("1. Validate customers", "ValidateCustomers", "validate_customers",
           "Checks the Customers sheet: Customer Checks, Customer Changes"),
    Button("2. Check credit", "CheckCredit", "check_credit",
           "Exposure against limits, holds: Credit Status"),
    Button("3. Check invoices", "CheckInvoices", "check_invoices",
           "Invoice lines against the price list and tax rates: Invoice Checks"),
    Button("4. Reconcile bank", "ReconcileBank", "reconcile_bank",
           "Bank lines matched to invoices: Bank Matches, Unmatched Bank, Reconciliation"),
    Button("5. Build aging", "BuildAging", "build_aging",
           "Open items by age as of the Policy's as_of date (blank = today): Aging"),
    Button("6. Collections / dunning", "RunCollections", "run_collections",
           "Reminder levels, letters and the collections worklist"),
    Button("7. Management pack", "ManagementPack", "management_pack",
           "DSO, CEI, trends and charts: a separate protected workbook next to this one"),
    Button("8. Customer statements", "CustomerStatements", "customer_statements",
           "Statements of account per customer (tab and PDFs)"),
    Button("Month-end run (1-6)", "MonthEndRun", "month_end_run",
           "Every month-end job in order, written together"),
)


def button_cell(k: int) -> str:
    """The cell the k-th button (0-based) sits on."""
    return f"B{FIRST_ROW + 2 * k}"


def macros_folder() -> Path | None:
    """``macros/`` of the ar_excel checkout this package runs from (editable installs and
    source trees), or None for an installed wheel."""
    folder = Path(__file__).resolve().parents[2] / "macros"
    return folder if (folder / f"{MODULE}.bas").exists() else None
