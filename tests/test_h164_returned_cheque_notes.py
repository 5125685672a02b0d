"""A returned cheque recorded in a receipts book without a Method column: the row typed
negative, its note (ملاحظات / البيان / Remarks) saying the cheque came back. It takes back the
receipt it reverses, so the invoice is unpaid again from its own due date."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests._workbooks import save_sheets


def _rows(path, tab):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(tab).to_python()


def _book(tmp_path, note_header="ملاحظات", note="ارتداد الشيك"):
    return save_sheets(tmp_path / "book.xlsx", {
        "العملاء": [["كود العميل", "اسم العميل", "العملة", "مدة السداد", "الحد الائتماني"],
                    ["١٠١", "شركة الأمل", "EGP", "٤٥ يوم", 100000]],
        "فواتير المبيعات": [["رقم الفاتورة", "كود العميل", "التاريخ", "قيمة الفاتورة"],
                            ["ف-1", 101, date(2026, 8, 1), 20000],
                            ["ف-2", "١٠١", date(2026, 9, 20), 15000]],
        "المقبوضات": [["رقم الإيصال", "كود العميل", "تاريخ التحصيل", "المبلغ المحصل",
                       "رقم الفاتورة", "رقم الشيك", note_header],
                      ["ق-1", "101", date(2026, 9, 10), 5000, "ف-١", "12345", ""],
                      ["ق-2", "101", date(2026, 9, 25), 3000, "ف-١", "12346", "شيك"],
                      ["ق-3", "101", date(2026, 10, 20), -3000, "ف-١", "12346", note]]})


def _run(tmp_path, job, book):
    out = tmp_path / f"{job}.xlsx"
    assert main([job, str(book), "--as-of", "2026-10-31", "--lang", "en", "-o", str(out)]) == 0
    return out


def test_the_invoice_is_open_again_from_its_due_date(tmp_path):
    # ف-1 due 15/09 (45 days): 20,000 less 5,000 received is 15,000, 46 days past due; the
    # returned 3,000 was a debit of its own dated 20/10 (1-30) and ف-1 owed 12,000
    out = _run(tmp_path, "aging", _book(tmp_path))
    row = next(r for r in _rows(out, "Aging")[1:] if r[0] == "101")
    assert row[2:8] == [15000.0, 0.0, 15000.0, 0.0, 0.0, 30000.0]
    detail = [(r[2], r[3], r[9]) for r in _rows(out, "Aging Detail")[1:] if r[0] == "101"]
    assert detail == [("Invoice", "ف-1", 15000.0), ("Invoice", "ف-2", 15000.0)]
    said = [r for r in _rows(out, "Input Issues")[1:] if r[1] == "G4"]
    assert len(said) == 1 and "cheque" in said[0][4] and "G4" in said[0][4]


def test_credit_counts_the_returned_amount_overdue(tmp_path):
    out = _run(tmp_path, "credit", _book(tmp_path, "البيان", "شيك مرتد رقم 12346"))
    row = next(r for r in _rows(out, "Credit Status")[1:] if r[0] == "101")
    assert row[3:5] == [30000.0, 15000.0]


def test_a_negative_row_whose_note_says_nothing_of_a_cheque_is_left_as_it_was(tmp_path):
    out = _run(tmp_path, "aging", _book(tmp_path, note="تسوية"))
    detail = [(r[2], r[3], r[9]) for r in _rows(out, "Aging Detail")[1:] if r[0] == "101"]
    assert ("Invoice", "ف-1", 12000.0) in detail
