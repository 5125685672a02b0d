"""An invoice's Currency as clerks type it: the real spellings of a currency are read as its
code ('L.E', 'ج.م.', 'جنيه', 'E£', 'SR', 'ريال', 'درهم'); one that is no currency ('EGX',
'900', 'XYZ') was a currency of its own, aged apart, in silence: now read as blank (the
customer's currency) with an Input Issue at its cells."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.parsing import parse_currency
from tests._workbooks import save_sheets


def test_spellings_of_a_currency():
    read = {t: parse_currency(t) for t in ("L.E", "ج.م", "ج.م.", "ج. م.", "جنيه", "E£", "SR",
                                           "ريال", "درهم", "ر. س", "د.إ.")}
    assert read == {"L.E": "EGP", "ج.م": "EGP", "ج.م.": "EGP", "ج. م.": "EGP", "جنيه": "EGP",
                    "E£": "EGP", "SR": "SAR", "ريال": "SAR", "درهم": "AED", "ر. س": "SAR",
                    "د.إ.": "AED"}


def _run(tmp_path, lang):
    typed = ["EGX", "L.E", "ج.م.", "جنيه", "SR", "ريال", "درهم", "900", "E£", "EGP", "EGX", 900]
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"]]
        + [[f"I{k}", "C1", date(2026, 10, k + 1), c, 100 + k] for k, c in enumerate(typed)],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    out = tmp_path / f"out_{lang}.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-10-31", "--lang", lang,
                 "-o", str(out)]) == 0
    return CalamineWorkbook.from_path(str(out))


def test_a_mistyped_currency_is_said_and_read_as_the_customers(tmp_path):
    wb = _run(tmp_path, "en")
    issues = [r[1:] for r in wb.get_sheet_by_name("Input Issues").to_python()[1:]]
    tail = ": read as blank, the invoice in its customer's currency"
    assert issues == [
        ["D2", "Currency", "EGX", f"'EGX' is not a currency (an ISO code such as EGP, SAR or "
                                  f"USD){tail} (D2, D12)"],
        # the text '900' and the number 900: one value typed, told once
        ["D9", "Currency", "900", f"'900' is not a currency (an ISO code such as EGP, SAR or "
                                  f"USD){tail} (D9, D13)"]]
    by_currency: dict[str, float] = {}
    for r in wb.get_sheet_by_name("Aging Detail").to_python()[1:]:
        by_currency[r[7]] = by_currency.get(r[7], 0.0) + r[9]
    # EGP: I0, I1, I2, I3, I7, I8, I9, I10, I11; SAR: I4, I5; AED: I6
    assert by_currency == {"EGP": 100 + 101 + 102 + 103 + 107 + 108 + 109 + 110 + 111,
                           "SAR": 104 + 105, "AED": 106}


def test_the_arabic_wording(tmp_path):
    wb = _run(tmp_path, "ar")
    said = [r[4] for r in wb.get_sheet_by_name("Input Issues").to_python()[2:]]
    assert said[0] == ("'EGX' ليست عملة (رمزاً معتمداً مثل EGP أو SAR أو USD): قُرئت فارغة، "
                       "فالفاتورة بعملة عميلها (D2, D12)")
