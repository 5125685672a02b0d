"""A Due Date cell holding the invoice's terms rather than a date ('45 يوم', 'Net 60', a bare
30): the invoice is due that many days after its own date, as the clerk wrote, not by the
customer's terms in the master; said at the cell."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def test_days_in_the_due_date_column_count_from_the_invoice_date(tmp_path):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["C2", "Delta", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                     ["I2", "C2", date(2026, 9, 1), 60, 2000],
                     ["I3", "C2", date(2026, 9, 15), "45 يوم", 500],
                     ["I5", "C2", date(2026, 9, 15), "later", 100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", "en", "-o",
                 str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    due = {r[3]: r[6] for r in wb.get_sheet_by_name("Aging Detail").to_python()[1:]}
    # I2 60 days: 31/10, current; I3 45 days: 30/10, 1 day past due (by the master's 30 days
    # it was 15/10, 16 days); 'later' is no date nor terms: the master's 30 days, as before
    assert due == {"I2": date(2026, 10, 31), "I3": date(2026, 10, 30),
                   "I5": date(2026, 10, 15)}
    aging = next(r for r in wb.get_sheet_by_name("Aging").to_python()[1:] if r[0] == "C2")
    assert aging[2:8] == [2000.0, 600.0, 0.0, 0.0, 0.0, 2600.0]
    issues = {r[1]: r[4] for r in wb.get_sheet_by_name("Input Issues").to_python()[1:]}
    assert issues["D2"] == ("'60' is payment terms, not a date: the invoice is due 60 days "
                            "after its date, on 2026-10-31")
    assert issues["D3"] == ("'45 يوم' is payment terms, not a date: the invoice is due 45 "
                            "days after its date, on 2026-10-30")
    assert issues["D4"].startswith("'later' is not a date")
