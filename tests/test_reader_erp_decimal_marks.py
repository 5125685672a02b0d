"""Amounts whose decimal mark only their currency or their column can tell.

A Kuwaiti, Bahraini or Omani package prints dinars to the fils: ``12.000`` is twelve dinars.
A European-style export prints ``12.000`` for twelve thousand. A column mixing ``1.234,56``
with ``1,234.56`` (pasted from two sources) cannot read its ``2.500`` in silence. And a
column hidden in LibreOffice or in a legacy .xls is as hidden as one in an .xlsx.
"""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets
from tests.conftest import soffice_convert

AS_OF = date(2026, 11, 30)
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


def _aging(book) -> dict[str, list[float]]:
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    return {r["Customer ID"]: [round(r[b], 3) for b in BUCKETS] for _, r in aging.iterrows()
            if isinstance(r["Customer ID"], str)}


def _gulf_book(tmp_path, currency: str | None, policy: list[list] | None = None):
    """A Gulf package's export in Arabic: title rows, amounts as text to three decimals, a
    credit note in brackets, the receipts without a currency column."""
    sheets = {
        "العملاء": [["كود العميل", "اسم العميل", "العملة", "شروط الدفع", "حد الائتمان"],
                    ["K001", "مؤسسة الصباح", currency, "30 يوم", 5000],
                    ["K002", "شركة الفنار", currency, "30", 2000],
                    ["K003", "مجموعة الرومي", currency, "30", None]],
        "الفواتير": [
            ["شركة الخليج للتجارة"], ["أعمار الذمم المدينة كما في 30/11/2026"], [],
            ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "العملة",
             "قيمة الفاتورة"],
            ["INV-501", "K001", "01/10/2026", "31/10/2026", currency, "750.000"],
            ["INV-502", "K001", "05/11/2026", "05/12/2026", currency, "125.250"],
            ["INV-503", "K002", "15/09/2026", "15/10/2026", currency, "350.250"],
            ["CN-12", "K002", "20/11/2026", "20/11/2026", currency, "(25.125)"],
            ["INV-504", "K003", "20/11/2026", "20/12/2026", currency, "12.000"]],
        "التحصيلات": [["رقم السند", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["RV-1", "K001", "10/11/2026", "500.000", "INV-501"]]}
    if policy:
        sheets["السياسة"] = policy
    return save_sheets(tmp_path / "gulf.xlsx", sheets)


DINARS = {"K001": [125.25, 250.0, 0, 0, 0, 375.25],
          "K002": [0, -25.125, 350.25, 0, 0, 325.125],
          "K003": [12.0, 0, 0, 0, 0, 12.0]}


@pytest.mark.parametrize("currency", ["KWD", "BHD", "OMR"])
def test_dinars_to_the_fils_read_as_dinars_in_silence(tmp_path, currency):
    book = read_book(_gulf_book(tmp_path, currency))
    assert _issues(book) == []
    assert book.invoices["Amount"].tolist() == [750.0, 125.25, 350.25, -25.125, 12.0]
    assert book.payments["Amount"].tolist() == [500.0]
    assert _aging(book) == DINARS


def test_a_currency_of_two_decimals_reads_the_point_as_thousands_and_says_so(tmp_path):
    """The same export in pounds: a pound has no third decimal, so the point groups
    thousands: every amount is a thousand times the dinars', the receipt's too (its
    customer's currency), one Input Issue per column naming its cells."""
    book = read_book(_gulf_book(tmp_path, "EGP"))
    assert _issues(book) == [
        ("الفواتير", "F5", "5 amount(s) written with a point before three digits read as "
                           "thousands ('750.000' = 750,000: EGP has no third decimal, the point "
                           "groups thousands): F5, F6, F7, F8, F9"),
        ("التحصيلات", "D2", "1 amount(s) written with a point before three digits read as "
                            "thousands ('500.000' = 500,000: EGP has no third decimal, the "
                            "point groups thousands): D2")]
    assert book.invoices["Amount"].tolist() == [750000, 125250, 350250, -25125, 12000]
    assert book.payments["Amount"].tolist() == [500000]
    assert _aging(book) == {k: [round(v * 1000, 3) for v in row] for k, row in DINARS.items()}


def test_the_policys_base_currency_decides_rows_without_one(tmp_path):
    book = read_book(_gulf_book(tmp_path, None, policy=[["Key", "Value"],
                                                        ["base_currency", "KWD"]]))
    assert _issues(book) == []
    assert book.invoices["Amount"].tolist() == [750.0, 125.25, 350.25, -25.125, 12.0]
    assert book.payments["Amount"].tolist() == [500.0]


def test_no_currency_anywhere_keeps_the_decimals_and_says_it_may_mean_thousands(tmp_path):
    book = read_book(_gulf_book(tmp_path, None))
    assert _issues(book) == [
        ("الفواتير", "F5", "5 amount(s) written with a point before three digits read as "
                           "decimals ('750.000' = 750, as a dinar's fils are written), but no "
                           "currency says so: it may mean 750,000; give the row its Currency "
                           "(or the Policy its base_currency): F5, F6, F7, F8, F9"),
        ("التحصيلات", "D2", "1 amount(s) written with a point before three digits read as "
                            "decimals ('500.000' = 500, as a dinar's fils are written), but no "
                            "currency says so: it may mean 500,000; give the row its Currency "
                            "(or the Policy its base_currency): D2")]
    assert book.invoices["Amount"].tolist() == [750.0, 125.25, 350.25, -25.125, 12.0]
    assert book.payments["Amount"].tolist() == [500.0]


def _one_column(tmp_path, amounts: list, currency: str | None = "EGP", policy=None):
    sheets = {"Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", currency]],
              "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"]] + [
                  [f"INV-{i}", "C1", "01/11/2026", a] for i, a in enumerate(amounts, 1)]}
    if policy:
        sheets["Policy"] = policy
    return read_book(save_sheets(tmp_path / "one.xlsx", sheets))


@pytest.mark.parametrize("others", [
    ["1,250.50"],  # a decimal point shown
    ["7.5"],
    ["1500"],  # four digits ungrouped: this list groups no thousands
    ["1,500.000"],  # a comma grouping thousands and three decimals: as an export prints
])
def test_a_column_that_shows_its_decimal_point_reads_12_000_as_twelve(tmp_path, others):
    book = _one_column(tmp_path, ["12.000", *others])
    assert book.invoices["Amount"].tolist()[0] == 12.0
    assert _issues(book) == []


def test_a_point_beside_commas_grouping_thousands_in_pounds_is_thousands(tmp_path):
    """An Egyptian list typing '75,000' and, on one row, '50.000': a pound has no third
    decimal and the column shows no decimals at all, so the point was typed for the comma:
    fifty thousand (before: 50, in silence), said at its cell."""
    book = _one_column(tmp_path, ["75,000", "50.000", "12,500"])
    assert book.invoices["Amount"].tolist() == [75000.0, 50000.0, 12500.0]
    assert _issues(book) == [
        ("Invoices", "D3", "1 amount(s) written with a point before three digits read as "
                           "thousands ('50.000' = 50,000: EGP has no third decimal, the point "
                           "groups thousands): D3")]


def test_a_point_beside_commas_grouping_thousands_in_dinars_stays_ambiguous(tmp_path):
    """The same in dinars: 50.000 is how fils are written, but this column writes its other
    amounts without fils ('75,000' at D2): read as fifty dinars, said at the cell."""
    book = _one_column(tmp_path, ["75,000", "50.000"], currency="KWD")
    assert book.invoices["Amount"].tolist() == [75000.0, 50.0]
    message = ("1 amount(s) written with a point before three digits read as decimals "
               "('50.000' = 50, as a dinar's fils are written), but the column groups "
               "thousands with commas without decimals ('75,000' at D2): it may mean 50,000; "
               "type it as a number: D3")
    assert _issues(book) == [("Invoices", "D3", message)]
    assert arabic_message(message) == (
        "1 مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت كسوراً عشرية ('50.000' = 50، كما "
        "تُكتب فلوس الدينار)، لكن العمود يفصل الآلاف بفواصل دون كسور ('75,000' في D2): قد "
        "يكون المقصود 50,000؛ اكتبه رقماً: D3")


def test_a_point_beside_commas_grouping_thousands_without_a_currency(tmp_path):
    book = _one_column(tmp_path, ["75,000", "50.000"], currency=None)
    assert book.invoices["Amount"].tolist() == [75000.0, 50.0]
    assert _issues(book) == [
        ("Invoices", "D3", "1 amount(s) written with a point before three digits read as "
                           "decimals ('50.000' = 50, as a dinar's fils are written), but no "
                           "currency says so: it may mean 50,000; give the row its Currency "
                           "(or the Policy its base_currency): D3")]


def test_a_decimal_comma_policy_has_read_it_as_thousands_already(tmp_path):
    book = _one_column(tmp_path, ["12.000", "5.500"], currency="KWD",
                       policy=[["Key", "Value"], ["decimal_comma", "yes"]])
    assert book.invoices["Amount"].tolist() == [12000.0, 5500.0]
    assert _issues(book) == []


def test_an_amount_naming_its_own_currency_is_read_by_it(tmp_path):
    book = _one_column(tmp_path, ["KD 12.000", "12.000 د.ك", "12.000"], currency="EGP")
    assert book.invoices["Amount"].tolist() == [12.0, 12.0, 12000.0]
    assert _issues(book) == [
        ("Invoices", "D4", "1 amount(s) written with a point before three digits read as "
                           "thousands ('12.000' = 12,000: EGP has no third decimal, the point "
                           "groups thousands): D4")]


def test_a_limit_in_a_currency_of_two_decimals(tmp_path):
    path = save_sheets(tmp_path / "limits.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Credit Limit"],
                      ["C1", "Nile", "EGP", "50.000"], ["C2", "Gulf", "KWD", "5.000"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C1", "01/11/2026", 100]]})
    book = read_book(path)
    assert book.customers["Credit Limit"].tolist() == [50000.0, 5.0]
    assert _issues(book) == [
        ("Customers", "D2", "1 amount(s) written with a point before three digits read as "
                            "thousands ('50.000' = 50,000: EGP has no third decimal, the point "
                            "groups thousands): D2")]


# ---------------------------------------------------------------- both conventions


def test_a_column_mixing_decimal_commas_and_points_says_each_ambiguous_amount(tmp_path):
    """Unambiguous amounts are each read by their own mark (nothing said); those reading
    two ways are read by the Policy's convention and said at their cells."""
    book = _one_column(tmp_path, ["1.234,56", "1,234.56", "2.500", "7,500", "12,5"])
    assert book.invoices["Amount"].tolist() == [1234.56, 1234.56, 2.5, 7500.0, 12.5]
    evidence = "decimal commas ('1.234,56' at D2) and points ('1,234.56' at D3)"
    assert _issues(book) == [
        ("Invoices", "D4", f"'2.500' read as 2.500 (a decimal point, as the Policy says), but "
                           f"the column mixes {evidence}: it may mean 2,500; type it as a "
                           f"number"),
        ("Invoices", "D5", f"'7,500' read as 7,500 (a decimal point, as the Policy says), but "
                           f"the column mixes {evidence}: it may mean 7.500; type it as a "
                           f"number")]


def test_a_column_of_one_convention_is_read_in_silence(tmp_path):
    book = _one_column(tmp_path, ["1.234,56", "2.500", "12,5"])
    assert book.invoices["Amount"].tolist() == [1234.56, 2500.0, 12.5]
    assert _issues(book) == []


def test_the_new_messages_have_their_arabic_wording():
    messages = [
        "5 amount(s) written with a point before three digits read as thousands ('750.000' = "
        "750,000: EGP has no third decimal, the point groups thousands): F5, F6",
        "1 amount(s) written with a point before three digits read as decimals ('500.000' = "
        "500, as a dinar's fils are written), but no currency says so: it may mean 500,000; "
        "give the row its Currency (or the Policy its base_currency): D2",
        "'2.500' read as 2.500 (a decimal point, as the Policy says), but the column mixes "
        "decimal commas ('1.234,56' at D2) and points ('1,234.56' at D3): it may mean 2,500; "
        "type it as a number"]
    worded = [arabic_message(m) for m in messages]
    assert worded[0] == ("5 مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت بالآلاف ('750.000' = "
                         "750,000: ليس لـ EGP منزلة عشرية ثالثة، فالنقطة تفصل الآلاف): F5, F6")
    assert "قد يكون المقصود 500,000" in worded[1] and worded[1].endswith(": D2")
    assert worded[2].startswith("'2.500' قُرئ 2.500 (بنقطة عشرية كما تقول السياسة)")
    assert "قد يكون المقصود 2,500" in worded[2]


# ---------------------------------------------------------------- hidden columns


@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_an_old_limit_hidden_in_an_ods_or_xls_gives_way_to_the_visible_one(tmp_path, fmt):
    """The customer list kept in LibreOffice or saved as a legacy .xls, its old Credit Limit
    column hidden left of the current one: the visible one is read, as in an .xlsx."""
    def hide(wb):
        wb["Customers"].column_dimensions["E"].hidden = True

    source = save_sheets(tmp_path / "limits.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
                       "Credit Limit"],
                      ["C001", "Nile", "EGP", 30, 50000, 60000],
                      ["C002", "Delta", "EGP", 30, 80000, 80000],
                      ["C003", "Sinai", "EGP", 30, 20000, 45000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C001", "01/11/2026", 100]]}, post=hide)
    converted = soffice_convert(source, fmt, tmp_path / "out")
    book = read_book(converted)
    assert book.customers["Credit Limit"].tolist() == [60000.0, 80000.0, 45000.0]
    assert [m for _, c, m in _issues(book) if "both give" in m] == [
        "columns E ('Credit Limit') and F ('Credit Limit') both give the Credit Limit and "
        "differ on 2 row(s): column F is read (the other is hidden in Excel); delete or "
        "rename the other"]


def test_an_open_items_list_giving_only_the_balance_reads_its_amount_alike(tmp_path):
    """QuickBooks Desktop's Open Invoices gives only each item's open balance, which is its
    amount too: both are read as thousands."""
    book = read_book(save_sheets(tmp_path / "open.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile", "EGP"]],
        "Open Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Open Balance"],
                          ["I-1", "C1", "01/10/2026", "12.000"],
                          ["I-2", "C1", "02/10/2026", "5.500"]]}))
    assert book.invoices[["Amount", "Balance"]].values.tolist() == [[12000, 12000],
                                                                      [5500, 5500]]
    assert [i.cell for i in book.issues] == ["D2"]
