"""The credit job on books as they arrive: an Odoo book with a payment on account and a credit
note beside overdue invoices (Credit Status's Overdue Amount against the Aging tab's past-due
buckets), an Egyptian register whose limit requests are keyed by كود العميل."""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.credit import JOB as CREDIT
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()

ODOO = {
    "Customers": [["Name", "Customer Payment Terms", "Credit Limit"],
                  ["Azure Interior", "30 Days", 50000], ["Lumber Inc", "45 Days", 30000]],
    "Invoices": [["Number", "Partner", "Invoice/Bill Date", "Due Date", "Currency",
                  "Total Signed"],
                 ["INV/2026/00004", "Azure Interior", D(2026, 9, 18), D(2026, 10, 18), "SAR",
                  10637.5],
                 ["INV/2026/00008", "Azure Interior", D(2026, 11, 5), D(2026, 12, 5), "SAR",
                  2242.5],
                 ["RINV/2026/00001", "Azure Interior", D(2026, 10, 1), D(2026, 10, 1), "SAR",
                  -2127.5],
                 ["INV/2026/00006", "Lumber Inc", D(2026, 10, 2), D(2026, 11, 16), "SAR",
                  2800.0]],
    "Payments": [["Number", "Date", "Customer", "Amount", "Memo"],
                 ["PBNK1/2026/00005", D(2026, 11, 10), "Azure Interior", 3000.0, None],
                 ["PBNK1/2026/00007", D(2026, 11, 30), "Lumber Inc", 800.0, None]],
}


def _tabs(job, path):
    result = job.run(read_book(path), JobOptions(as_of=AS_OF))
    return {t.name: t.frame for t in result.tabs}


@pytest.fixture(scope="module")
def odoo(tmp_path_factory):
    path = save_sheets(tmp_path_factory.mktemp("odoo") / "odoo.xlsx", ODOO)
    return _tabs(CREDIT, path), _tabs(AGING, path)


def test_overdue_amount_is_the_invoices_past_due_and_the_note_gives_the_aging_net(odoo):
    credit, aging = odoo
    status = credit["Credit Status"].set_index("Customer ID")
    azure = status.loc["Azure Interior"]
    assert (azure["Open Balance"], azure["Overdue Amount"], azure["Unapplied Credits"],
            azure["Oldest Overdue Days"]) == (7752.5, 10637.5, -5127.5, 43)
    # the Aging tab nets the credit note (1 October) and the receipt (10 November) by their
    # own dates: its past-due buckets hold 10,637.50 - 2,127.50 - 3,000.00
    row = aging["Aging"].set_index("Customer ID").loc["Azure Interior"]
    past_due = round(float(row[["1-30", "31-60", "61-90", "90+"]].sum()), 2)
    assert past_due == 5510.0
    assert azure["Note"] == (
        "Overdue Amount 10,637.50 is the invoices past due before unapplied credits; net of "
        "the credits dated before the as-of date it is 5,510.00, as in the Aging tab's "
        "past-due buckets")


def test_no_note_where_the_credits_are_dated_on_the_as_of_date_or_there_is_no_overdue(odoo):
    credit, aging = odoo
    status = credit["Credit Status"].set_index("Customer ID")
    lumber = status.loc["Lumber Inc"]
    # the receipt of 30 November is Current in the Aging tab: the past-due figures agree
    assert (lumber["Overdue Amount"], lumber["Unapplied Credits"]) == (2800.0, -800.0)
    assert lumber["Note"] is None or lumber["Note"] != lumber["Note"]
    row = aging["Aging"].set_index("Customer ID").loc["Lumber Inc"]
    assert (row["Current"], row["1-30"]) == (-800.0, 2800.0)


def test_arabic_note_and_limit_requests_keyed_by_customer_code(tmp_path):
    sheets = {
        "العملاء": [["كود العميل", "اسم العميل", "شروط الدفع", "حد الائتمان"],
                    ["ع-002", "مصنع الدلتا للبلاستيك", "شهرين", 150000]],
        "الفواتير": [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                     ["ف-2026/102", "ع-002", D(2026, 9, 15), 14364.0],
                     ["ف-2026/111", "ع-002", D(2026, 11, 22), 43320.0]],
        "التحصيلات": [["رقم الإيصال", "كود العميل", "التاريخ", "المبلغ", "رقم الفاتورة"],
                      ["إيصال 5512", "ع-002", D(2026, 11, 28), 10000.0, None]],
        "طلبات الائتمان": [["كود العميل", "الحد المطلوب", "السبب", "مقدم الطلب", "التاريخ"],
                           ["ع-002", 250000, "زيادة المسحوبات", "م. خالد", D(2026, 11, 25)]],
    }
    result = CREDIT.run(read_book(save_sheets(tmp_path / "eg.xlsx", sheets)),
                        JobOptions(as_of=AS_OF))
    tabs = {t.name: t.frame for t in result.tabs}
    row = tabs["Credit Status"].set_index("Customer ID").loc["ع-002"]
    # 60 days' terms: due 14 November, 16 days late; the receipt of 28 November on account
    assert (row["Overdue Amount"], row["Oldest Overdue Days"], row["Open Balance"]) == (
        14364.0, 16, 47684.0)
    assert row["Note"] == (
        "المبلغ المتأخر 14,364.00 هو الفواتير المتأخرة قبل خصم الدائن غير المطبق؛ بعد خصم "
        "الدائن المؤرخ قبل تاريخ التقرير يصبح 4,364.00 كما في أعمدة التأخير في تبويب أعمار "
        "الديون")
    requests = tabs["Credit Requests Review"]
    assert requests[["Customer ID", "Requested Limit", "Current Limit", "Row"]].values.tolist(
    ) == [["ع-002", 250000.0, 150000.0, 2]]
    assert not [i for i in result.issues if i.sheet == "طلبات الائتمان"]


def test_draft_and_quotation_orders_add_nothing_to_exposure(tmp_path):
    sheets = {
        "Customer": [["ID", "Customer Name", "Credit Limit (Credit Limits)"],
                     ["Delta Foods", "Delta Foods", 50000]],
        "Sales Invoice": [["ID", "Customer", "Posting Date", "Grand Total"],
                          ["ACC-SINV-2026-00109", "Delta Foods", D(2026, 11, 20), 17670.0]],
        "Sales Order": [["ID", "Customer", "Transaction Date", "Grand Total", "Status"],
                        ["SAL-ORD-2026-00212", "Delta Foods", D(2026, 11, 27), 20000.0,
                         "Draft"],
                        ["SAL-ORD-2026-00213", "Delta Foods", D(2026, 11, 27), 9000.0,
                         "Quotation"],
                        ["SAL-ORD-2026-00214", "Delta Foods", D(2026, 11, 28), 5000.0,
                         "To Deliver and Bill"]],
    }
    result = CREDIT.run(read_book(save_sheets(tmp_path / "erp.xlsx", sheets)),
                        JobOptions(as_of=AS_OF))
    row = result.tabs[0].frame.set_index("Customer ID").loc["Delta Foods"]
    assert (row["Open Orders"], row["Exposure"], row["Utilization %"]) == (5000.0, 22670.0, 45.3)


def test_a_request_to_lower_a_limit_is_approved_or_referred_never_declined(tmp_path):
    sheets = {
        "Customers": [["Customer Code", "Customer Name", "Terms", "Credit Limit"],
                      ["AE-02", "Lulu Group", "Net 45", 250000],
                      ["AE-06", "Carrefour", "Net 30", 100000]],
        "Invoices": [["Invoice No", "Customer Code", "Invoice Date", "Due Date", "Amount"],
                     ["AE-INV-1002", "AE-02", D(2026, 6, 1), D(2026, 7, 16), 40000],
                     ["AE-INV-1006", "AE-02", D(2026, 11, 5), D(2026, 12, 20), 180000],
                     ["AE-INV-1007", "AE-06", D(2026, 11, 5), D(2026, 12, 5), 20000]],
        "Credit Limit Requests": [["Customer", "New Limit", "Justification"],
                                  ["AE-02", "200,000", "reduce exposure"],
                                  ["AE-06", 50000, "smaller orders"]],
    }
    result = CREDIT.run(read_book(save_sheets(tmp_path / "ae.xlsx", sheets)),
                        JobOptions(as_of=AS_OF))
    review = next(t.frame for t in result.tabs if t.name == "Credit Requests Review")
    got = review[["Customer ID", "Increase", "Recommendation", "Suggested Limit"]]
    assert got.values.tolist() == [["AE-02", -50000.0, "Refer", 200000.0],
                                   ["AE-06", -50000.0, "Approve", 50000.0]]
    # AE-02 is on Hold (137 days past due): the reason to cut, listed, not a veto
    assert review.loc[0, "Reasons"].startswith(
        "a lower limit reduces the credit risk; exposure 220,000.00 is already above the "
        "lower limit: the customer is over it at once; the customer is on Hold (invoice "
        "AE-INV-1002 is 137 days past due (policy: hold after 90)")
