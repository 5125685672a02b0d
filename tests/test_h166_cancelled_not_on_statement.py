"""An invoice cancelled and reissued: the invoice list keeps the cancelled one (Status
`Cancelled`, so its number is no gap) and the corrected one beside it. The reader counts the
cancelled invoice 0; the customer's statement listed it all the same, as an `Invoice` of
0.00 (I1, 0.00, 0.00, balance 0.00) the customer never owes and asks about. It is now left
off the statement, as an ERP leaves a cancelled document off; the balance, aging and KPIs
are unchanged.

Hand-worked, November 2026, Foxtrot Co (Net 30): I1 2026-11-03 5,000 cancelled; I1R
2026-11-04 4,500. Statement: opening 0.00; I1R 4,500.00 -> 4,500.00; closing 4,500.00,
all Current.
"""

from __future__ import annotations

from datetime import date

from ar_excel.cli import main
from tests._report_runs import table
from tests._workbooks import save_sheets


def test_cancelled_invoice_left_off_the_statement(tmp_path):
    import openpyxl

    d = date
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["F", "Foxtrot Co", "EGP", "Net 30"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Status"],
                     ["I1", "F", d(2026, 11, 3), 5000, "Cancelled"],
                     ["I1R", "F", d(2026, 11, 4), 4500, None]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P0", "F", d(2026, 12, 10), 4500, "I1R"]],
    })
    out = tmp_path / "st.xlsx"
    assert main(["statements", str(book), "--as-of", "2026-11-30", "--no-pdf",
                 "-o", str(out)]) == 0
    rows = table(openpyxl.load_workbook(out)["Customer Statements"])
    lines = [(r["Type"], r["Document"], r["Debit"], r["Credit"], r["Balance"]) for r in rows]
    assert lines == [
        ("Opening balance", None, None, None, 0),
        ("Invoice", "I1R", 4500, 0, 4500),
        ("Closing balance", None, None, None, 4500),
        ("Aging", "Current", None, None, 4500),
        ("Aging", "1-30", None, None, 0),
        ("Aging", "31-60", None, None, 0),
        ("Aging", "61-90", None, None, 0),
        ("Aging", "90+", None, None, 0),
    ]
