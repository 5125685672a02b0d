"""A blank currency is the company's own (local) currency: Business Central leaves the
Currency Code of a customer billed in the local currency blank ("LCY"). A Kuwaiti company
with one USD customer ages its Kuwaiti customers in KWD, to the fils; only where nothing says
the company's currency is a blank read as the book's only named currency, and then said once
in an Input Issue."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.local_currency import (
    BLANKS_COUNTRY,
    COUNTRY,
    GUESSED,
    POLICY,
    TAX_IDS,
    local_currency,
)
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.report import JOB as REPORT
from ar_excel.policy import Policy
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 20)
BC = ["No.", "Name", "Country/Region Code", "Payment Terms Code", "Currency Code",
      "Credit Limit (LCY)"]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
            ["I1", "C1", "2026-09-01", "2026-10-01", 1234.567],
            ["I2", "C2", "2026-10-01", "2026-10-31", 250.125],
            ["I3", "C3", "2026-11-01", "2026-12-01", 99.999],
            ["I4", "C4", "2026-10-15", "2026-11-14", 1000]]
PAYMENTS = [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
            ["R1", "C1", "2026-11-10", 1000.005, "I1"]]


def _book(tmp_path, countries=("KW", "KW", "KW", "US"), head=BC, policy=None, amounts=None):
    rows = [head] + [[f"C{i + 1}", name, country, "30 DAYS", ccy, 50000]
                     for i, (name, country, ccy) in enumerate(zip(
                         ("Alghanim", "Boubyan Trading", "Gulf Star", "Acme Inc"), countries,
                         ("", "", "", "USD"), strict=True))]
    amounts = amounts or {}
    invoices, payments = ([[amounts.get(v, v) for v in r] for r in t]
                          for t in (INVOICES, PAYMENTS))
    sheets = {"Customers": rows, "Invoices": invoices, "Payments": payments}
    if policy:
        sheets["Policy"] = [["Setting", "Value"], *policy]
    return read_book(save_sheets(tmp_path / "book.xlsx", sheets))


def _aging(book):
    result = AGING.run(book, JobOptions(as_of=AS_OF))
    frame = result.tabs[0].frame
    rows = [(r["Customer ID"], r["Total"], r["Currency"]) for _, r in frame.iterrows()]
    return rows, result.issues


def test_a_kuwaiti_business_central_master_ages_its_blank_currency_customers_in_kwd(tmp_path):
    rows, issues = _aging(_book(tmp_path))
    # 1,234.567 less 1,000.005 received = 234.562 KWD, to the fils (was 234.56 "USD")
    assert rows == [("C1", 234.562, "KWD"), ("C2", 250.125, "KWD"), ("C3", 99.999, "KWD"),
                    ("C4", 1000.0, "USD")]
    assert issues == []


def test_the_report_ties_in_kwd_to_the_fils(tmp_path):
    result = REPORT.run(_book(tmp_path), JobOptions(as_of=AS_OF))
    tabs = {t.name: t for t in result.tabs}
    kpis = tabs["KPIs"].frame
    closing = kpis[kpis["KPI"].astype(str).str.startswith("Closing AR")]
    by_ccy = dict(zip(closing["Currency"], closing["Value"], strict=True))
    assert by_ccy == {"KWD": 584.686, "USD": 1000.0}  # 234.562 + 250.125 + 99.999
    aging = tabs["Aging"].frame
    assert aging.groupby("Currency")["Total"].sum().round(3).to_dict() == {
        "KWD": 584.686, "USD": 1000.0}


def test_the_policy_base_currency_comes_first(tmp_path):
    rows, issues = _aging(_book(tmp_path, policy=[["Base Currency", "BHD"]]))
    assert [r[2] for r in rows] == ["BHD", "BHD", "BHD", "USD"]
    assert issues == []


def test_egyptian_tax_ids_say_egp_where_no_country_is_kept(tmp_path):
    head = ["Customer ID", "Name", "Tax ID", "Payment Terms", "Currency", "Credit Limit"]
    book = _book(tmp_path, countries=("204331876", "311422987", "455120300", ""),
                 head=head)
    rows, issues = _aging(book)
    assert [r[2] for r in rows] == ["EGP", "EGP", "EGP", "USD"]
    assert issues == []


def test_nothing_says_the_company_currency_one_issue_and_the_named_currency(tmp_path):
    head = ["Customer ID", "Name", "City", "Payment Terms", "Currency", "Credit Limit"]
    book = _book(tmp_path, countries=("Kuwait City", "Hawalli", "Salmiya", "Boston"),
                 head=head)
    rows, issues = _aging(book)
    # amounts in fils (1,234.567, 250.125, 99.999) are no dollars: the blank is not guessed
    # USD (it was, with the issue below) but left blank, and the reader asks (helper-198)
    assert [r[2] for r in rows] == [None, None, None, "USD"]
    assert issues == []
    assert [(i.sheet, i.cell, i.column) for i in book.issues] == [("Invoices", "E2", "Amount")]
    assert book.issues[0].message.startswith("3 amount(s) kept without a currency are written "
                                             "with three decimals (1,234.567: fils")
    # the same book in cents: read as USD, the only currency named, and said to be a guess
    cents = {1234.567: 1234.56, 250.125: 250.12, 99.999: 99.99, 1000.005: 1000.0}
    in_cents = _book(tmp_path, countries=("Kuwait City", "Hawalli", "Salmiya", "Boston"),
                     head=head, amounts=cents)
    rows, issues = _aging(in_cents)
    assert [r[2] for r in rows] == ["USD", "USD", "USD", "USD"]  # a guess
    assert [(i.sheet, i.cell, i.column) for i in issues] == [("Customers", "E2", "Currency")]
    assert issues[0].message == (
        "3 customers have no currency (E2, E3, E4): read as USD, the only currency the "
        "workbook names; nothing says the company's own currency (set Base Currency on the "
        "Policy sheet, or the customers' Country)")


def _customers(countries, currencies, tax_ids=None):
    frame = pd.DataFrame({"Customer ID": [f"C{i}" for i in range(len(countries))],
                          "Country": countries, "Currency": currencies})
    if tax_ids is not None:
        frame["Tax ID"] = tax_ids
    return frame


def test_how_the_local_currency_is_found():
    named = ["USD", None]
    # most customers in Kuwait (by code, English or Arabic name)
    kw = _customers(["KW", "Kuwait", "الكويت", "US"], [None, None, None, "USD"])
    assert local_currency(Policy(), named, kw) == ("KWD", COUNTRY)
    assert local_currency(Policy(base_currency="sar"), named, kw) == ("SAR", POLICY)
    # an exporter: customers spread over countries, its home customers kept blank
    spread = _customers(["AE", "AE", "SA", "SA", "US", "JO", "JO"],
                        ["AED", "AED", "SAR", "SAR", "USD", None, None])
    assert local_currency(Policy(), ["AED", "SAR", "USD"], spread) == ("JOD", BLANKS_COUNTRY)
    # one Saudi customer kept blank among Egyptian ones is billed in EGP, not SAR
    eg = _customers(["EG", "Egypt", "مصر", "SA"], ["EGP", "EGP", None, None])
    assert local_currency(Policy(), ["EGP"], eg) == ("EGP", COUNTRY)
    ids = _customers([None] * 4, [None, None, None, "USD"],
                     ["300012345600003", "300055566600003", "300099988800003", None])
    assert local_currency(Policy(), named, ids) == ("SAR", TAX_IDS)
    nothing = _customers([None, "Mars"], [None, "USD"])
    assert local_currency(Policy(), named, nothing) == ("USD", GUESSED)
    assert local_currency(Policy(), ["USD", "EUR"], nothing) == (None, "")


def test_the_guess_is_said_in_arabic_in_an_arabic_book(tmp_path):
    from ar_excel.cli import main

    book = save_sheets(tmp_path / "دفتر.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"],
                    ["101", "شركة النيل", "EGP", "Net 30"], ["102", "Delta", None, "30"]],
        "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                     ["F-1", "101", "01/05/2026", "1,250.50"], ["F-2", "102", "2026-06-20", "300"]]})
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "30/06/2026", "-o", str(out)]) == 0
    import openpyxl

    rows = list(openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True))
    assert rows[2:] == [(
        "العملاء", "C3", "العملة", None,
        "عملاء بلا عملة (1) (C3): قُرئت عملتهم EGP، العملة الوحيدة المذكورة في المصنف؛ لا شيء "
        "يحدد عملة الشركة نفسها (اكتب العملة الأساسية في ورقة السياسة (Policy)، أو دولة "
        "العملاء)")]


def test_reconcile_matches_a_blank_currency_customers_dinars_to_the_fils(tmp_path):
    """The reconciliation's ledger keeps the fils of customers kept without a currency, as
    the Aging does: a transfer of 234.562 KWD naming I1 settles it exactly (the ledger said
    234.56, and the receipt was 0.002 over the invoice)."""
    from ar_excel.jobs.reconcile import JOB as RECONCILE

    book = _book(tmp_path)
    statement = tmp_path / "bank.csv"
    statement.write_text("Date,Description,Amount,Currency\n"
                         "18/11/2026,TRF ALGHANIM INV I1 BALANCE,234.562,KWD\n"
                         "19/11/2026,TRF BOUBYAN TRADING I2,250.125,KWD\n", encoding="utf-8")
    result = RECONCILE.run(book, JobOptions(as_of=AS_OF, bank=statement))
    matches = result.tabs[0].frame
    got = [(r["Invoice No"], r["Applied Amount"], r["Status"]) for _, r in matches.iterrows()]
    assert got == [("I1", 234.562, "Matched"), ("I2", 250.125, "Matched")]
