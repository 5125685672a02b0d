"""A credit-limit request whose amount is written so that it cannot be read (in Arabic words,
"خمسمائة ألف") is referred to a person who can read it, not declined as a request for no
limit; a request with no amount at all is still declined, and so is a closed account's
whatever its amount."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB
from tests._workbooks import save_sheets


def _review(tmp_path, requests):
    customers = [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان", "الحالة"],
                 ["101", "شركة النيل", "EGP", 30, 200000, "نشط"],
                 ["102", "شركة الدلتا", "EGP", 30, 100000, "نشط"],
                 ["103", "شركة الصعيد", "EGP", 30, 100000, "مغلق"]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                ["F-1", "101", "2026-09-01", 50000], ["F-2", "102", "2026-09-01", 20000]]
    payments = [["رقم السند", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                ["R1", "101", "2026-09-25", 50000, "F-1"],
                ["R2", "102", "2026-09-30", 20000, "F-2"]]
    names = ("العملاء", "الفواتير", "المدفوعات", "طلبات الائتمان")
    book = read_book(save_sheets(tmp_path / "cr.xlsx", dict(zip(
        names, (customers, invoices, payments, requests), strict=True))))
    tab = next(t for t in JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs
               if t.name == "Credit Requests Review").frame
    return book, [(r["Customer ID"], r["Recommendation"], r["Suggested Limit"],
                   r["Reasons"].split("؛ ")[0]) for _, r in tab.iterrows()]


def test_a_limit_in_arabic_words_is_referred_not_declined(tmp_path):
    book, rows = _review(tmp_path, [["رقم العميل", "الحد المطلوب", "السبب"],
                                    ["101", "خمسمائة ألف", "توسع"],
                                    ["102", None, "زيادة"],
                                    ["103", "مليون", "زيادة"],
                                    ["102", 150000, "زيادة"]])
    assert rows == [
        ("101", "Refer", 200000.0,  # nothing granted until a person reads the amount
         "تعذرت قراءة الحد المطلوب 'خمسمائة ألف' كمبلغ: يقرؤه شخص ويقرر"),
        ("102", "Decline", 100000.0, "لا يوجد حد مطلوب أكبر من صفر"),
        ("103", "Decline", 100000.0, "الحساب مغلق"),  # closed: declined whatever the amount
        ("102", "Approve", 150000.0, "يسدد في الموعد في المتوسط على 1 فاتورة مسددة")]
    # the cells themselves are still Input Issues
    assert sorted((i.cell, i.value) for i in book.issues if i.column == "الحد المطلوب") == [
        ("B2", "خمسمائة ألف"), ("B3", None), ("B4", "مليون")]
