"""Workbooks as accountants really hand them over, each built cell by cell after a real
export or a hand-kept sheet, read and aged as of 30/11/2026 and checked against what the
accountant works out by hand: the rows read, the amounts and dates exact, the customers
linked to their invoices, the rows that are no records set aside (and said where they hold
values).

The ledger behind most of them: Nile Foods 10,000 of 01/10 due 31/10 (1-30 late) and 5,000 of
10/11 due 10/12 with 2,000 paid (3,000 current); Delta Traders 8,000 of 15/09 due 15/10
(31-60 late); Sinai Build 12,000 of 20/11 due 20/12 (current). Open: 33,000."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from ar_excel.parsing import parse_date

AS_OF = date(2026, 11, 30)
D = datetime


def _book(tmp_path, sheets: dict[str, list[list]], name: str = "book.xlsx", post=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    if post is not None:
        post(wb)
    path = tmp_path / name
    wb.save(path)
    return path


def _aging(book) -> pd.DataFrame:
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    return aging.set_index("Customer ID")


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


# ---------------------------------------------------------------- dates as typed


@pytest.mark.parametrize(("typed", "day"), [
    ("15 يونيه 2026", date(2026, 6, 15)),  # Egypt's June and July
    ("١٥ يوليه ٢٠٢٦", date(2026, 7, 15)),
    ("15 اذار 2026", date(2026, 3, 15)),  # hamza and madda left off
    ("15 ايار 2026", date(2026, 5, 15)),
    ("15 تشرين ثاني 2026", date(2026, 11, 15)),  # the article left off
    ("15 كانون اول 2026", date(2026, 12, 15)),
    ("15 Nov 2026 00:00", date(2026, 11, 15)),  # an ERP's timestamp
    ("Nov 15, 2026 10:32 AM", date(2026, 11, 15)),
    ("15-Nov-2026 14:05:33", date(2026, 11, 15)),
    ("15 نوفمبر 2026 10:00 ص", date(2026, 11, 15)),
])
def test_month_names_as_egypt_and_the_levant_type_them_and_times_after_them(typed, day):
    assert parse_date(typed).date() == day


def test_a_word_that_is_no_month_is_still_no_date():
    with pytest.raises(ValueError, match="is not a month"):
        parse_date("15 رمضانيه 2026")


# ---------------------------------------------------------------- QuickBooks Online


QBO_STAMP = "Monday, November 23, 2026 01:02 AM GMT+02:00"


def test_quickbooks_online_contact_list_and_invoice_list_with_their_title_and_stamp(tmp_path):
    """QuickBooks Online's Customer Contact List and Invoice List exported to Excel: the
    company and report title above the header, an unlabelled first column, the A/R account
    on every line beside the customer's name, a TOTAL row and the run stamp at the foot. The
    customers are the names (the Account column is the ledger's), the stamp is no customer."""
    path = _book(tmp_path, {
        "Customer Contact List": [
            ["Nile Co"], ["Customer Contact List"], [],
            ["Customer", "Phone Numbers", "Email", "Full Name", "Billing Address"],
            ["Nile Foods", "+20 2 2345 6789", "ap@nilefoods.eg", "Ahmed Said", "Cairo"],
            ["Delta Traders", "+20 100 123 4567", "pay@delta.eg", "Mona Ali", "Tanta"],
            ["Sinai Build", None, None, None, None],
            [], [], [QBO_STAMP]],
        "Invoice List": [
            ["Nile Co"], ["Invoice List"], ["All Dates"], [],
            [None, "Date", "Transaction type", "Num", "Name", "Memo/Description", "Account",
             "Due date", "Amount", "Open balance"],
            [None, "10/01/2026", "Invoice", "1001", "Nile Foods", None,
             "Accounts Receivable (A/R)", "10/31/2026", "10,000.00", "10,000.00"],
            [None, "11/10/2026", "Invoice", "1002", "Nile Foods", None,
             "Accounts Receivable (A/R)", "12/10/2026", "5,000.00", "3,000.00"],
            [None, "09/15/2026", "Invoice", "1003", "Delta Traders", None,
             "Accounts Receivable (A/R)", "10/15/2026", "8,000.00", "8,000.00"],
            [None, "11/20/2026", "Invoice", "1004", "Sinai Build", None,
             "Accounts Receivable (A/R)", "12/20/2026", "12,000.00", "12,000.00"],
            [None, "09/01/2026", "Invoice", "1000", "Nile Foods", None,
             "Accounts Receivable (A/R)", "10/01/2026", "4,000.00", "0.00"],
            ["TOTAL", None, None, None, None, None, None, None, "$39,000.00", "$33,000.00"],
            [], [], [QBO_STAMP]]})
    book = read_book(path)
    assert _issues(book) == [
        ("Invoice List", "A11", "'TOTAL' row is a totals row, not a record: not read")]
    assert book.customers["Customer ID"].tolist() == ["Nile Foods", "Delta Traders",
                                                      "Sinai Build"]
    assert book.customers["Phone"].tolist()[:2] == ["+20 2 2345 6789", "+20 100 123 4567"]
    inv = book.invoices
    assert inv["Customer ID"].tolist() == ["Nile Foods", "Nile Foods", "Delta Traders",
                                           "Sinai Build", "Nile Foods"]
    assert inv["Account"].unique().tolist() == ["Accounts Receivable (A/R)"]
    aging = _aging(book)
    assert aging.loc["Nile Foods", ["Current", "1-30", "Total"]].tolist() == [3000, 10000, 13000]
    assert aging.loc["Delta Traders", "31-60"] == 8000
    assert aging.loc[["Nile Foods", "Delta Traders", "Sinai Build"], "Total"].sum() == 33000


@pytest.mark.parametrize("footer", [
    QBO_STAMP, "Accrual Basis Monday, November 23, 2026 01:02 AM GMT+02:00", "Page 1 of 1",
    "صفحة ١ من ١", "Printed on 23/11/2026 by admin", "*** End of Report ***"])
def test_a_reports_print_line_under_a_customer_list_is_no_customer(tmp_path, footer):
    path = _book(tmp_path, {"Customers": [
        ["Customer", "Email"], ["Nile Foods", "ap@nilefoods.eg"], ["Sinai Build", None],
        [], [footer]]})
    book = read_book(path)
    assert book.customers["Name"].tolist() == ["Nile Foods", "Sinai Build"]
    assert book.issues == []


def test_a_customer_named_alone_under_the_list_is_still_a_customer(tmp_path):
    """Only a page line or a run stamp (a date with its time) is a footer: a name alone is a
    customer whose other details are not typed yet."""
    path = _book(tmp_path, {"Customers": [
        ["Customer", "Email"], ["Nile Foods", "ap@nilefoods.eg"], [], ["Sinai Build"]]})
    assert read_book(path).customers["Name"].tolist() == ["Nile Foods", "Sinai Build"]


# ---------------------------------------------------------------- Odoo


def test_odoo_contacts_take_the_display_name_not_the_owning_company(tmp_path):
    """Odoo's contacts export: "Company" is the company owning the record (blank on the
    customers themselves), "Display Name" the customer's name."""
    path = _book(tmp_path, {"Contacts (res.partner)": [
        ["Display Name", "Email", "Phone", "Company", "Tax ID", "Customer Payment Terms",
         "Credit Limit"],
        ["Nile Foods", "ap@nilefoods.eg", "+20 2 2345 6789", None, "EG123", "30 Days", 100000],
        ["Delta Traders", "pay@delta.eg", None, None, "EG234", "30 Days", 50000]]})
    book = read_book(path)
    assert book.issues == []
    assert book.customers["Name"].tolist() == ["Nile Foods", "Delta Traders"]
    assert book.customers["Payment Terms"].tolist() == [30, 30]


def test_egyptian_phone_headers(tmp_path):
    path = _book(tmp_path, {"العملاء": [
        ["كود العميل", "اسم العميل", "التليفون"], ["ع-001", "شركة النيل", "٠١٠٠١٢٣٤٥٦٧"]]})
    assert read_book(path).customers["Phone"].tolist() == ["٠١٠٠١٢٣٤٥٦٧"]
