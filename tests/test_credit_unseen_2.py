"""The credit job on books as real credit controllers keep them: cash customers (CIA, COD,
نقدي, terms of 0 days) owing money with no limit in the master, a customer in credit against
its limit, and one company kept under two accounts."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.core.credit import credit_status
from ar_excel.core.ledger import open_items
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()

BOOK = {
    "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                  ["C1", "Walk-in Trading", "CIA", None],
                  ["C2", "Delta Couriers", "COD", None],
                  ["C3", "مؤسسة النور", "نقدي", None],
                  ["C4", "Cash Client Zero", "Cash", 0],
                  ["C5", "Net Thirty Co", "Net 30", None],
                  ["C6", "Overpaid Ltd", "Net 30", 10000],
                  ["C7", "Old Cash Debt", 0, None],
                  ["C8", "Cash Paid Up", "COD", None],
                  ["C9", "Orders On Delivery", "COD", None]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["INV-101", "C1", D(2026, 11, 10), 500.0],
                 ["INV-102", "C2", D(2026, 11, 29), 750.0],
                 ["INV-103", "C3", D(2026, 11, 10), 300.0],
                 ["INV-104", "C3", D(2026, 11, 29), 200.0],
                 ["INV-105", "C4", D(2026, 11, 28), 100.0],
                 ["INV-106", "C5", D(2026, 10, 1), 900.0],
                 ["INV-107", "C6", D(2026, 11, 2), 2000.0],
                 ["INV-108", "C7", D(2026, 7, 1), 1250.0],
                 ["INV-109", "C8", D(2026, 11, 5), 400.0]],
    "Payments": [["Payment ID", "Date", "Customer ID", "Invoice No", "Amount"],
                 ["P1", D(2026, 11, 20), "C6", "INV-107", 3100.0],
                 ["P2", D(2026, 11, 6), "C8", "INV-109", 400.0]],
    "Orders": [["Order No", "Customer ID", "Date", "Amount", "Status"],
               ["SO-1", "C9", D(2026, 11, 12), 5080.0, "Open"],
               ["SO-2", "C1", D(2026, 11, 20), 250.0, "Open"]],
}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return read_book(save_sheets(tmp_path_factory.mktemp("cash") / "cash.xlsx", BOOK))


@pytest.fixture(scope="module")
def status(book):
    frame = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    return frame.set_index("Customer ID")


def _cells(row, *names):
    return tuple(None if v != v else v for v in (row[n] for n in names))


def test_cash_customer_without_a_limit_owing_beyond_two_days_is_said_not_over_limit(status):
    # the contract: a blank limit is no limit set, never Over Limit; Reason says what is owed
    cols = ("Credit Limit", "Exposure", "Utilization %", "Over Limit", "Status", "Reason")
    # the open order adds to the exposure; what is owed is the invoice
    assert _cells(status.loc["C1"], *cols) == (
        None, 750.0, None, False, "OK",
        "no credit limit set; cash terms give no credit, yet 500.00 is owed")
    # one invoice of 10 November, one of yesterday: the whole balance is said
    assert _cells(status.loc["C3"], *cols) == (
        None, 500.0, None, False, "OK",
        "no credit limit set; cash terms give no credit, yet 500.00 is owed")


def test_cash_customer_invoiced_in_the_last_two_days_is_ok_and_says_due_on_receipt(status):
    cols = ("Credit Limit", "Exposure", "Utilization %", "Over Limit", "Status", "Reason")
    assert _cells(status.loc["C2"], *cols) == (
        None, 750.0, None, False, "OK",
        "cash terms: 750.00 invoiced in the last 2 days, due on receipt")
    # a limit of 0 on cash terms: the same grace, the 0 shown as the master has it
    assert _cells(status.loc["C4"], *cols) == (
        0.0, 100.0, None, False, "OK",
        "cash terms: 100.00 invoiced in the last 2 days, due on receipt")


def test_cash_customer_long_overdue_is_held_and_says_why(status):
    row = status.loc["C7"]
    assert _cells(row, "Status", "Over Limit", "Oldest Overdue Days") == ("Hold", False, 152)
    assert row["Reason"] == ("invoice INV-108 is 152 days past due (policy: hold after 90); "
                             "cash terms give no credit, yet 1,250.00 is owed")


def test_paid_cash_customer_and_credit_terms_without_a_limit_are_unchanged(status):
    assert _cells(status.loc["C8"], "Exposure", "Status", "Reason") == (
        0.0, "OK", "no credit limit set")
    assert _cells(status.loc["C5"], "Exposure", "Over Limit", "Status", "Reason") == (
        900.0, False, "OK", "no credit limit set")


def test_cash_customer_with_only_an_open_order_owes_nothing_on_credit(status):
    assert _cells(status.loc["C9"], "Open Balance", "Open Orders", "Exposure", "Over Limit",
                  "Status", "Reason") == (0.0, 5080.0, 5080.0, False, "OK", "no credit limit set")


def test_customer_in_credit_uses_none_of_its_limit(status):
    row = status.loc["C6"]
    assert _cells(row, "Credit Limit", "Open Balance", "Exposure", "Utilization %",
                  "Unapplied Credits", "Status", "Reason", "Note") == (
        10000.0, -1100.0, -1100.0, 0.0, -1100.0, "OK", "within the limit",
        "in credit by 1,100.00: nothing of the limit used")


def test_status_order_puts_the_breaches_first(status):
    assert list(status.index) == ["C7", "C1", "C2", "C3", "C4", "C5", "C6", "C8", "C9"]


def test_arabic_wording_of_the_cash_and_in_credit_texts(book):
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    frame = credit_status(book.customers, items, book.policy, None, AS_OF, arabic=True)
    frame = frame.set_index("Customer ID")
    assert frame.at["C1", "Reason"] == (
        "لا يوجد حد ائتمان؛ شروط الدفع النقدي لا تمنح ائتماناً، ومع ذلك على العميل 500.00")
    assert frame.at["C2", "Reason"] == (
        "شروط دفع نقدي: فواتير آخر يومين بمبلغ 750.00 تُسدد عند الاستلام")
    assert frame.at["C6", "Note"] == "رصيد دائن للعميل بمبلغ 1,100.00: لم يُستخدم شيء من الحد"


GROUP = {
    "Customers": [["Customer ID", "Name", "Tax ID", "Payment Terms", "Credit Limit"],
                  ["K100", "Gulf Steel Trading LLC", "100234567800003", "Net 30", 50000],
                  ["K230", "Gulf Steel Trading", "100234567800003", "Net 30", 30000],
                  ["K300", "Sahara Paints", "100998877600003", "Net 60", 20000],
                  ["K400", "Sahara Paint Co", "100998877600003", "Net 60", None],
                  ["K500", "Desert Rose Hotels", "100555444300003", "Net 45", 10000]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["S-1", "K100", D(2026, 11, 2), 45000.0],
                 ["S-2", "K230", D(2026, 11, 9), 28000.0],
                 ["S-3", "K300", D(2026, 11, 3), 5000.0],
                 ["S-4", "K400", D(2026, 11, 4), 12500.0],
                 ["S-5", "K500", D(2026, 11, 4), 1000.0]],
}


@pytest.fixture(scope="module")
def group_book(tmp_path_factory):
    return read_book(save_sheets(tmp_path_factory.mktemp("group") / "group.xlsx", GROUP))


def test_one_company_under_two_accounts_notes_the_combined_exposure(group_book):
    from ar_excel.jobs.validate import JOB as VALIDATE

    checks = VALIDATE.run(group_book, JobOptions(as_of=AS_OF)).tabs[0].frame
    flagged = checks[checks["Code"] == "DUPLICATE_TAX_ID"]
    assert sorted(flagged["Customer ID"]) == ["K100", "K230", "K300", "K400"]
    status = CREDIT.run(group_book, JobOptions(as_of=AS_OF)).tabs[0].frame
    status = status.set_index("Customer ID")
    # the rows stay apart, each with its own limit and status
    assert _cells(status.loc["K100"], "Exposure", "Utilization %", "Status") == (
        45000.0, 90.0, "Warning")
    assert status.at["K100", "Note"] == (
        "same company as K230 (Customer Checks: duplicate): combined exposure 73,000.00 "
        "against combined limit 80,000.00")
    assert status.at["K230", "Note"] == (
        "same company as K100 (Customer Checks: duplicate): combined exposure 73,000.00 "
        "against combined limit 80,000.00")
    assert status.at["K300", "Note"] == (
        "same company as K400 (Customer Checks: duplicate): combined exposure 17,500.00; "
        "no combined limit (K400 has none set)")
    assert _cells(status.loc["K500"], "Note") == (None,)
    assert len(status) == 5


def test_one_company_under_two_accounts_in_arabic(group_book):
    from ar_excel.core.customers.duplicate_checks import same_company

    same = same_company(group_book.table("Customers"), group_book.policy, AS_OF)
    assert same == {"K100": ["K230"], "K230": ["K100"], "K300": ["K400"], "K400": ["K300"]}
    items = open_items(group_book.customers, group_book.invoices, group_book.payments, AS_OF)
    frame = credit_status(group_book.customers, items, group_book.policy, None, AS_OF,
                          arabic=True, same_company=same).set_index("Customer ID")
    assert frame.at["K230", "Note"] == (
        "نفس الشركة مسجلة أيضاً بالحساب K100 (فحص العملاء: تكرار): إجمالي المديونية "
        "73,000.00 مقابل إجمالي الحدود 80,000.00")
    assert frame.at["K400", "Note"] == (
        "نفس الشركة مسجلة أيضاً بالحساب K300 (فحص العملاء: تكرار): إجمالي المديونية "
        "17,500.00؛ لا حد إجمالي (لا حد للحساب K400)")


def test_limit_request_of_a_customer_in_credit_uses_none_of_either_limit(tmp_path):
    sheets = {key: value for key, value in BOOK.items() if key != "Orders"}
    sheets["Credit Requests"] = [["Customer ID", "Requested Limit", "Reason"],
                                 ["C6", 20000, "seasonal orders"]]
    result = CREDIT.run(read_book(save_sheets(tmp_path / "req.xlsx", sheets)),
                        JobOptions(as_of=AS_OF))
    review = next(t.frame for t in result.tabs if t.name == "Credit Requests Review")
    row = review.set_index("Customer ID").loc["C6"]
    assert _cells(row, "Exposure", "Utilization %", "Utilization At Request %") == (
        -1100.0, 0.0, 0.0)
    assert "utilization 0% now, 0% at the requested limit" in row["Reasons"]


def test_arabic_register_cash_account_of_a_company_counts_as_a_limit_of_zero(tmp_path):
    sheets = {
        "العملاء": [["كود العميل", "اسم العميل", "شروط الدفع", "حد الائتمان", "الرقم الضريبي"],
                    ["ع-1", "مؤسسة النور للتجارة", "نقدي", None, "300111222300003"],
                    ["ع-2", "مؤسسة النور", "آجل 30 يوم", 20000, "300111222300003"],
                    ["ع-3", "شركة الأمل", "آجل 60 يوم", 10000, "300999888700003"]],
        "الفواتير": [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                     ["ف-1", "ع-1", D(2026, 11, 3), 4200.0],
                     ["ف-2", "ع-2", D(2026, 11, 4), 15000.0],
                     ["ف-3", "ع-3", D(2026, 10, 4), 1000.0]],
        "التحصيلات": [["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["إ-1", "ع-3", D(2026, 11, 20), 2500.0, None]],
    }
    book = read_book(save_sheets(tmp_path / "ar.xlsx", sheets))
    assert book.arabic
    status = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    assert _cells(status.loc["ع-1"], "Credit Limit", "Exposure", "Over Limit", "Status",
                  "Reason") == (None, 4200.0, False, "OK",
                                "لا يوجد حد ائتمان؛ "
                                "شروط الدفع النقدي لا تمنح ائتماناً، ومع ذلك على العميل 4,200.00")
    # the cash account's limit is 0 in the company's combined limit
    for cid, other in (("ع-1", "ع-2"), ("ع-2", "ع-1")):
        assert status.at[cid, "Note"] == (
            f"نفس الشركة مسجلة أيضاً بالحساب {other} (فحص العملاء: تكرار): إجمالي المديونية "
            "19,200.00 مقابل إجمالي الحدود 20,000.00")
    assert _cells(status.loc["ع-3"], "Exposure", "Utilization %", "Note") == (
        -1500.0, 0.0, "رصيد دائن للعميل بمبلغ 1,500.00: لم يُستخدم شيء من الحد")


def test_possible_duplicate_by_name_and_phone_is_one_company_too(tmp_path):
    from ar_excel.jobs.validate import JOB as VALIDATE

    sheets = {
        "Customers": [["Customer ID", "Name", "Phone", "Payment Terms", "Credit Limit"],
                      ["A-17", "Al Noor Trading Co", "+971 4 336 1200", "Net 30", 25000],
                      ["A-52", "Al-Noor Trading Company", "04 336 1200", "Net 30", 15000],
                      ["B-03", "Blue Lagoon Resorts", "+971 2 611 9000", "Net 30", 40000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["T-1", "A-17", D(2026, 11, 2), 24000.0],
                     ["T-2", "A-52", D(2026, 11, 9), 16500.0],
                     ["T-3", "B-03", D(2026, 11, 9), 1000.0]],
    }
    book = read_book(save_sheets(tmp_path / "names.xlsx", sheets))
    checks = VALIDATE.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    assert sorted(checks.loc[checks["Code"] == "POSSIBLE_DUPLICATE", "Customer ID"]) == [
        "A-17", "A-52"]
    status = CREDIT.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    # A-52 is over its own 15,000; the company owes 40,500.00 of its 40,000.00 together
    assert _cells(status.loc["A-52"], "Status", "Reason") == (
        "Over Limit", "exposure 16,500.00 is over the limit 15,000.00 by 1,500.00")
    assert status.at["A-17", "Note"] == (
        "same company as A-52 (Customer Checks: duplicate): combined exposure 40,500.00 "
        "against combined limit 40,000.00, over by 500.00")
    assert _cells(status.loc["B-03"], "Note") == (None,)
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    arabic = credit_status(book.customers, items, book.policy, None, AS_OF, arabic=True,
                           same_company={"A-17": ["A-52"], "A-52": ["A-17"]})
    assert arabic.set_index("Customer ID").at["A-52", "Note"] == (
        "نفس الشركة مسجلة أيضاً بالحساب A-17 (فحص العملاء: تكرار): إجمالي المديونية "
        "40,500.00 مقابل إجمالي الحدود 40,000.00، بتجاوز 500.00")
