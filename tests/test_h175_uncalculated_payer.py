"""A Payments Customer ID by a formula never calculated (a workbook written by a program):
the receipt naming an invoice is that invoice's customer's, and its Input Issue says so (it
said 'read as blank' while the receipt was applied to C1's invoice); a receipt naming none is
aged under '(not in Customers)', said too."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets

_WHY = ("Customer ID holds the formula {} with no saved value (the file was written by a "
        "program, not saved by Excel) and it uses VLOOKUP, which is not worked out here, ")


def _run(tmp_path, lang):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", date(2026, 10, 1), 1000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", '=VLOOKUP("I1",Invoices!A:B,2,0)', date(2026, 10, 5), 400, "I1"],
                     ["P2", '=VLOOKUP("I9",Invoices!A:B,2,0)', date(2026, 10, 5), 50, None]]})
    out = tmp_path / f"out_{lang}.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", lang,
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    issues = {r[1]: r[4] for r in wb.get_sheet_by_name("Input Issues").to_python()
              if r[0] in ("Payments", "التحصيلات")}
    return issues, wb.get_sheet_by_name("Aging Detail").to_python()[1:]


def test_the_receipt_is_told_as_its_invoice_customer(tmp_path):
    issues, detail = _run(tmp_path, "en")
    assert issues == {
        "B2": _WHY.format('=VLOOKUP("I1",Invoices!A:B,2,0)') + "so it is read as blank, and "
              "the receipt as invoice I1's customer, C1: open the workbook in Excel, save it "
              "and run again",
        "B3": _WHY.format('=VLOOKUP("I9",Invoices!A:B,2,0)') + "so it is read as blank: the "
              "receipt is aged under '(not in Customers)': open the workbook in Excel, save it "
              "and run again"}
    assert [(r[0], r[3], r[9]) for r in detail] == [("C1", "I1", 600.0), ("", "P2", -50.0)]


def test_the_arabic_wording(tmp_path):
    issues, _ = _run(tmp_path, "ar")
    assert "فقُرئت فارغة، وقُرئ التحصيل للعميل C1 صاحب الفاتورة I1:" in issues["B2"]
    assert "فقُرئت فارغة؛ فيدخل التحصيل أعمار الديون تحت (غير مسجل في العملاء):" in issues["B3"]
