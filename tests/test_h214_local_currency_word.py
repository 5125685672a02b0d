"""A customer's Currency written 'محلي' (local; 'عملة محلية', 'Local', 'LCY', 'Local
Currency') is the company's own currency. Kept as typed it was a currency of its own: receipts
stating EGP never met the customer's 'محلي' invoices, and a customer owing 3,000 was aged as
EGP -2,000 on account beside محلي 5,000 due. The word is read as the Policy's base currency,
else the one ISO currency the book's rows state, and said in an Input Issue; where nothing
says which it stays as typed."""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.io.local_word import says_local
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)


def _book(tmp_path, currency="محلي", receipt_ccy=("EGP", "EGP"), policy=None):
    sheets = {
        "العملاء": [["كود العميل", "اسم العميل", "العملة", "حد الائتمان"],
                    ["C1", "شركة النيل للأغذية", currency, 50000],
                    ["C2", "دلتا للتجارة", currency, 20000]],
        "الفواتير": [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق",
                      "المبلغ"],
                     ["F-101", "C1", "2026-10-01", "2026-10-31", 10000],
                     ["F-102", "C1", "2026-11-10", "2026-12-10", 5000],
                     ["F-103", "C2", "2026-09-15", "2026-10-15", 8000]],
        "التحصيلات": [["رقم الإيصال", "كود العميل", "تاريخ التحصيل", "المبلغ", "رقم الفاتورة",
                       "العملة"],
                      ["R-1", "C1", "2026-11-20", 12000, "F-101", receipt_ccy[0]],
                      ["R-2", "C2", "2026-11-21", 3000, "F-103", receipt_ccy[1]]]}
    if policy:
        sheets["Policy"] = [["Setting", "Value"], *policy]
    return read_book(save_sheets(tmp_path / "book.xlsx", sheets))


def _aging(book):
    result = AGING.run(book, JobOptions(as_of=AS_OF))
    frame = result.tabs[0].frame
    rows = [(r["Customer ID"], r["Current"], r["1-30"], r["31-60"], r["Total"], r["Currency"])
            for _, r in frame.iterrows() if r["Customer ID"] in ("C1", "C2")]
    return rows, [i.message for i in [*book.issues, *result.issues]]


@pytest.mark.parametrize("word", ["محلي", "محلى", "عملة محلية", "Local", "LCY",
                                  "Local Currency"])
def test_local_customers_age_with_their_egp_receipts(tmp_path, word):
    rows, issues = _aging(_book(tmp_path, word))
    # (before: C1 EGP -2,000 and C1 محلي 5,000; C2 محلي 5,000)
    assert rows == [("C1", 5000, -2000, 0, 3000, "EGP"), ("C2", 0, 0, 5000, 5000, "EGP")]
    said = [m for m in issues if "(the local currency)" in m]
    assert said == [f"'{word}' (the local currency) read as EGP, the one currency the "
                    f"workbook's rows state: C2, C3"]
    assert arabic_message(said[0]) == (f"'{word}' (العملة المحلية) قُرئت EGP، العملة الوحيدة "
                                       "التي تذكرها صفوف المصنف: C2, C3")


def test_the_policy_says_which_first(tmp_path):
    rows, issues = _aging(_book(tmp_path, receipt_ccy=(None, None),
                                policy=[["Base Currency", "SAR"]]))
    assert rows == [("C1", 5000, -2000, 0, 3000, "SAR"), ("C2", 0, 0, 5000, 5000, "SAR")]
    assert "'محلي' (the local currency) read as SAR, the company's currency on the Policy " \
        "sheet: C2, C3" in issues


def test_left_as_typed_where_the_rows_state_two_currencies(tmp_path):
    book = _book(tmp_path, receipt_ccy=("EGP", "USD"))
    assert book.frame("Customers")["Currency"].tolist() == ["محلي", "محلي"]
    assert not [i for i in book.issues if "(the local currency)" in i.message]


def test_only_the_word_local():
    assert all(says_local(w) for w in ("محلي", "المحلي", "العملة المحلية", "LOCAL CURRENCY",
                                       "LCY", "Local.", "عمله محليه"))
    assert not any(says_local(w) for w in ("EGP", "LC", "LOCAL BANK", "محلية للتجارة", None,
                                           "DOLLAR"))


def test_a_blank_currency_is_the_one_the_receipts_state(tmp_path):
    """The same book kept without any currency but on its receipts (EGP): the blank is the
    book's one currency (said as a guess), not a section of its own beside EGP -2,000."""
    rows, issues = _aging(_book(tmp_path, None))
    # (before: C1 EGP -2,000 and C1 blank 5,000; C2 blank 5,000)
    assert rows == [("C1", 5000, -2000, 0, 3000, "EGP"), ("C2", 0, 0, 5000, 5000, "EGP")]
    assert [m for m in issues if "EGP" in m] == [
        "2 customers have no currency (C2, C3): read as EGP, the only currency the workbook "
        "names; nothing says the company's own currency (set Base Currency on the Policy "
        "sheet, or the customers' Country)"]
