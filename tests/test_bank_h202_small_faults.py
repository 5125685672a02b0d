"""Small faults in reading bank statements found in session 29 (helper-202), each written as
the bank or the clerk writes it:

* a date written with the Arabic date separator ('٠٢؍٠٣؍٢٠٢٥', U+060D) could not be read;
* 'تاريخ الاحتساب' (the value date, as Egyptian banks print it) was read as no column;
* 'Currency: EGP - US Dollar' (a label naming two currencies) gave the statement EGP;
* a dated line narrated 'TOTAL' or 'Total debits' that moves the running balance by its own
  amount was left out as a totals row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from ar_excel.bank import read_statement
from ar_excel.parsing import normalize_digits

HEADER = ["Date", "Description", "Debit", "Credit", "Balance"]
LINES = [["02/10/2026", "TRF FROM NILE FOODS", None, 500.00, 1500.00],
         ["05/10/2026", "CHARGES", 10.00, None, 1490.00]]


def save(rows: list[list[object]], path: Path) -> Path:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_the_arabic_date_separator_reads_as_a_slash(tmp_path):
    assert normalize_digits("٠٢؍٠٣؍٢٠٢٥") == "02/03/2025"
    rows = [["التاريخ", "البيان", "مدين", "دائن", "الرصيد"],
            ["٠٢؍٠٣؍٢٠٢٥", "تحويل وارد من شركة النيل", None, "١٥٬٢٥٠٫٠٠", "٢٦٥٬٢٥٠٫٠٠"],
            ["٠٥؍٠٣؍٢٠٢٥", "عمولة تحويل", "٢٥٫٥٠", None, "٢٦٥٬٢٢٤٫٥٠"]]
    st = read_statement(save(rows, tmp_path / "arabic_dates.xlsx"))
    assert [(d.day, d.month, d.year) for d in st.lines["Date"]] == [(2, 3, 2025), (5, 3, 2025)]
    assert st.lines["Amount"].tolist() == [15250.00, -25.50]
    assert st.lines["Balance"].tolist() == [265250.00, 265224.50]
    assert st.issues == []


def test_tarikh_al_ihtisab_is_the_value_date(tmp_path):
    rows = [["تاريخ القيد", "تاريخ الاحتساب", "البيان", "مدين", "دائن", "الرصيد"],
            [dt.datetime(2025, 3, 2), dt.datetime(2025, 3, 4), "تحويل وارد", None, 1500.00,
             2500.00],
            [dt.datetime(2025, 3, 5), dt.datetime(2025, 3, 6), "عمولة", 25.00, None, 2475.00]]
    st = read_statement(save(rows, tmp_path / "value_date.xlsx"))
    assert [d.day for d in st.lines["Date"]] == [2, 5]
    assert [d.day for d in st.lines["Value Date"]] == [4, 6]
    assert st.lines["Amount"].tolist() == [1500.00, -25.00]


def _currency(label: list[object], tmp_path: Path) -> list[object]:
    rows = [["Account Statement"], label, [], HEADER, *LINES]
    st = read_statement(save(rows, tmp_path / "currency.xlsx"))
    assert st.lines["Amount"].tolist() == [500.00, -10.00]
    return st.lines["Currency"].tolist()


def test_a_currency_label_naming_two_currencies_states_none(tmp_path):
    for label in (["Currency: EGP - US Dollar"], ["Currency:", "EGP - US Dollar"],
                  ["Currency", "EGP / USD"], ["Currency: EGP USD"],
                  ["العملة: EGP - دولار أمريكي"]):
        assert _currency(label, tmp_path) == [None, None], label


def test_a_currency_label_with_its_own_name_still_states_it(tmp_path):
    for label, code in ((["Currency: EGP - Egyptian Pound"], "EGP"), (["Currency: EGP"], "EGP"),
                        (["Currency: USD (US Dollar)"], "USD"),
                        (["Currency: EGP", "Account: 100234567"], "EGP"),
                        (["Currency: EGP all accounts"], "EGP"),
                        (["العملة: EGP - جنيه مصري"], "EGP"), (["العملة: QAR ريال"], "QAR"),
                        (["Currency: CAD $"], "CAD"), (["Currency: EGP ALL TRANSACTIONS"], "EGP")):
        assert _currency(label, tmp_path) == [code, code], label


def test_a_dated_line_narrated_total_that_moves_the_balance_is_a_line(tmp_path):
    """'TOTAL' (250.00 in, 1,500.00 -> 1,750.00) and 'Total debits' (40.00 out, 1,750.00 ->
    1,710.00) are lines: they were left out as totals rows that disagree with the lines."""
    rows = [HEADER,
            ["01/10/2026", "Opening Balance", None, None, 1000.00],
            ["02/10/2026", "TRF FROM NILE FOODS", None, 500.00, 1500.00],
            ["03/10/2026", "TOTAL", None, 250.00, 1750.00],
            ["04/10/2026", "Total debits", 40.00, None, 1710.00],
            ["05/10/2026", "CHARGES", 10.00, None, 1700.00]]
    st = read_statement(save(rows, tmp_path / "total_lines.xlsx"))
    assert st.lines["Amount"].tolist() == [500.00, 250.00, -40.00, -10.00]
    assert st.lines["Description"].tolist() == ["TRF FROM NILE FOODS", "TOTAL", "Total debits",
                                                "CHARGES"]
    assert st.issues == []
    assert st.balances[0].opening == 1000.00


def test_a_dated_totals_row_is_still_left_out(tmp_path):
    """A totals row that does not move the balance (its balance the last line's), or without a
    running balance its figures the sums of the lines above, is no line."""
    rows = [HEADER, *LINES, ["31/10/2026", "Total", 10.00, 500.00, 1490.00]]
    st = read_statement(save(rows, tmp_path / "totals.xlsx"))
    assert st.lines["Amount"].tolist() == [500.00, -10.00]
    assert st.issues == []
    rows = [HEADER[:4], *(r[:4] for r in LINES), ["31/10/2026", "Total debits", 10.00, None],
            ["31/10/2026", "TOTAL", 10.00, 500.00]]
    st = read_statement(save(rows, tmp_path / "totals_no_balance.xlsx"))
    assert st.lines["Amount"].tolist() == [500.00, -10.00]
    assert st.issues == []
    # the lines without a balance, the opening's and the total's only: the total moves the
    # balance from the opening (1,000.00 + 490.00 = 1,490.00) as the sum of the lines does
    rows = [HEADER, ["01/10/2026", "Opening Balance", None, None, 1000.00],
            *([d, t, dr, cr, None] for d, t, dr, cr, _ in LINES),
            ["31/10/2026", "Total", 10.00, 500.00, 1490.00]]
    st = read_statement(save(rows, tmp_path / "totals_opening_only.xlsx"))
    assert st.lines["Amount"].tolist() == [500.00, -10.00]
    assert st.issues == []
