"""An invoice list headed Amount | VAT with no total column, every VAT the rate of its Amount:
the Amount is before tax and the totals are more than read. Said at the VAT column's header,
the Amount read as written (the contract's invoice total)."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _rows(path, tab):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(tab).to_python()


def _aging(tmp_path, invoices, customers=None):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": customers or [["Customer ID", "Name", "Currency", "Payment Terms"],
                                   ["C1", "Nile", "EGP", 30]],
        "Invoices": invoices,
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", "en", "-o",
                 str(out)]) == 0
    return ({r[3]: r[9] for r in _rows(out, "Aging Detail")[1:] if r[2] == "Invoice"},
            _rows(out, "Input Issues")[1:])


HEAD = ["Invoice No", "Customer ID", "Invoice Date", "Due Date"]


def test_vat_the_rate_of_the_amount_is_said_at_its_header(tmp_path):
    detail, issues = _aging(tmp_path, [
        [*HEAD, "Amount", "ضريبة القيمة المضافة 14%"],
        ["F1", "C1", date(2026, 9, 1), date(2026, 10, 1), 1000, 140],
        ["F2", "C1", date(2026, 10, 5), date(2026, 11, 4), 2500.5, 350.07],
        ["F3", "C1", date(2026, 10, 6), date(2026, 11, 5), 300, 0]])
    assert detail == {"F1": 1000.0, "F2": 2500.5, "F3": 300.0}
    assert [(r[0], r[1]) for r in issues] == [("Invoices", "F1")]
    assert issues[0][4] == (
        "'ضريبة القيمة المضافة 14%' is 14 % of Amount on every row (F2, F3): Amount looks "
        "like the amount before tax, and the invoices with their tax total 3,990.57, 490.07 "
        "more than read; Amount is read as each invoice's total, as written: if it is before "
        "tax, head it 'Net Amount' and the tax is added")


def test_vat_the_share_of_a_total_is_no_issue(tmp_path):
    # 5 % worked out on the total: 1,050 x 5/105 = 50
    detail, issues = _aging(tmp_path, [[*HEAD, "Amount", "VAT"],
                                       ["F1", "C1", date(2026, 9, 1), date(2026, 10, 1), 1050,
                                        50]])
    assert detail == {"F1": 1050.0} and issues == []


def test_a_vat_column_of_no_one_rate_is_no_issue(tmp_path):
    detail, issues = _aging(tmp_path, [[*HEAD, "Amount", "VAT"],
                                       ["F1", "C1", date(2026, 9, 1), date(2026, 10, 1), 1000, 50],
                                       ["F2", "C1", date(2026, 9, 1), date(2026, 10, 1), 1000,
                                        140]])
    assert issues == []


def test_headed_net_the_tax_is_added_as_before(tmp_path):
    detail, issues = _aging(tmp_path, [[*HEAD, "Net Amount", "VAT 5%"],
                                       ["F1", "C1", date(2026, 9, 1), date(2026, 10, 1), 1000,
                                        50]])
    assert detail == {"F1": 1050.0} and issues == []
