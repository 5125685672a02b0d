"""Limits kept in the company's own currency (SAP Business One's business partners, a column
headed LCY) in a workbook that names that currency nowhere (no Policy Base Currency, no
customers' country, no SAP A/R list showing it) and whose customers name several: each limit
can only be read in its customer's currency, which is wrong for all but the company's own,
so an Input Issue at the limit's header says so. Before, nothing was said."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run
from tests._workbooks import save_sheets

INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency"],
            ["I1", "C1", datetime(2026, 11, 1), datetime(2026, 12, 31), 5000, "USD"],
            ["I2", "C2", datetime(2026, 11, 1), datetime(2026, 12, 31), 9000, "SAR"]]


def _issues(tmp_path, head, rows):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {"Customers": [head, *rows],
                                                          "Invoices": INVOICES}))
    return [(i.sheet, i.cell, i.value, i.message)
            for i in run(book, JobOptions(as_of=date(2026, 11, 30))).issues]


def test_business_centrals_lcy_limits_without_the_companys_currency(tmp_path):
    assert _issues(tmp_path, ["No.", "Name", "Currency Code", "Credit Limit (LCY)"],
                   [["C1", "Gulf", "USD", 100000], ["C2", "Riyadh", "SAR", 200000]]) == [(
        "Customers", "D1", "Credit Limit (LCY)",
        "the column is in the company's own currency, but nothing in the workbook names it "
        "(customers in SAR, USD): each limit is compared in its customer's currency; set "
        "base_currency on the Policy sheet")]


def test_sap_business_partners_without_the_companys_currency(tmp_path):
    assert _issues(tmp_path, ["BP Code", "BP Name", "Currency", "Credit Limit"],
                   [["C1", "Gulf", "USD", 100000], ["C2", "Riyadh", "SAR", 200000]]) == [(
        "Customers", "D1", "Credit Limit",
        "SAP Business One keeps a credit limit in the company's own currency, but nothing in "
        "the workbook names it (customers in SAR, USD): each limit is compared in its "
        "customer's currency; set base_currency on the Policy sheet")]


def test_nothing_is_said_where_the_policy_names_it(tmp_path):
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["BP Code", "BP Name", "Currency", "Credit Limit"],
                      ["C1", "Gulf", "USD", 100000], ["C2", "Riyadh", "SAR", 200000]],
        "Invoices": INVOICES, "Policy": [["Key", "Value"], ["base_currency", "SAR"]]}))
    result = run(book, JobOptions(as_of=date(2026, 11, 30)))
    # (Gulf's limit is SAR 100,000, its USD not converted: not compared, said at its cell)
    assert [(i.cell, i.message.split(":")[0]) for i in result.issues] == [
        ("D2", "customer C1's credit limit is in SAR (SAP Business One keeps a credit limit in "
               "the company's own currency) and it owes in USD")]
