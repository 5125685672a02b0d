"""ar_excel in xlwings Lite: the same jobs as the desktop buttons, run in Excel's browser Python.

Each script is bound to a button on the Start sheet of ``workbooks/ar_toolkit_lite.xlsx``: a
shape named like the ``[name]`` below whose hyperlink points to the cell it covers. Copy this
file and ``requirements.txt`` into the xlwings Lite editor (or open the toolkit workbook, which
has the buttons already) and click a button. The handlers are those of the desktop buttons
(``ar_excel.excel.buttons``): same reading, same tabs, same all-or-nothing writing; the outcome
is printed in the task pane and logged in the ``AR Log`` tab.

Lite runs in the browser and cannot open files on the computer: the bank statement must be
pasted into the ``Bank Statement`` sheet (the Policy's ``bank_statement`` file is for desktop).
"""

import xlwings as xw
from xlwings import script

from ar_excel.excel import buttons


def _report(outcome: buttons.Outcome) -> None:
    print(("OK: " if outcome.ok else "Failed: ") + outcome.message)


@script(button="[btnValidate]Start!B4", show_taskpane=True)
def validate_customers(book: xw.Book):
    _report(buttons.validate_customers(book, quiet=True))


@script(button="[btnCredit]Start!B6", show_taskpane=True)
def check_credit(book: xw.Book):
    _report(buttons.check_credit(book, quiet=True))


@script(button="[btnInvoices]Start!B8", show_taskpane=True)
def check_invoices(book: xw.Book):
    _report(buttons.run("invoices", book, quiet=True))


@script(button="[btnReconcile]Start!B10", show_taskpane=True)
def reconcile_bank(book: xw.Book):
    _report(buttons.reconcile_bank(book, quiet=True))


@script(button="[btnAging]Start!B12", show_taskpane=True)
def build_aging(book: xw.Book):
    _report(buttons.build_aging(book, quiet=True))


@script(button="[btnCollections]Start!B14", show_taskpane=True)
def run_collections(book: xw.Book):
    _report(buttons.run_collections(book, quiet=True))


@script(button="[btnPack]Start!B16", show_taskpane=True)
def management_pack(book: xw.Book):
    _report(buttons.management_pack(book, quiet=True))


@script(button="[btnStatements]Start!B18", show_taskpane=True)
def customer_statements(book: xw.Book):
    _report(buttons.run("statements", book, quiet=True))


@script(button="[btnMonthEnd]Start!B20", show_taskpane=True)
def month_end_run(book: xw.Book):
    _report(buttons.month_end_run(book, quiet=True))
