"""An aging export kept as the book: an invoice list with Paid Amount and Balance columns
and no Payments sheet (as an ERP's open-items report is handed over), the pack as of
Wednesday 30 September 2026, checked by pencil.

Such a book tells what is open, not what was received or when: the pack read it as
"Receipts 0, CEI 0 %, collection rate 0 %", figures a manager would take for a month in
which nothing was collected. They are blank now, each saying why; DSO and the figures built
on what is open and what was billed stand.
"""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.cli import main
from tests._report_runs import run_jobs, table
from tests._workbooks import save_sheets


def _book(path):
    d = date
    customers = [["Customer ID", "Name", "Currency", "Payment Terms"],
                 ["B1", "Assiut Cement", "EGP", "Net 30"],
                 ["B2", "Qena Paper", "EGP", "Net 60"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                 "Paid Amount", "Balance"],
                ["9001", "B1", d(2026, 8, 15), d(2026, 9, 14), 50000, 20000, 30000],
                ["9002", "B1", d(2026, 9, 20), d(2026, 10, 20), 40000, 0, 40000],
                ["9003", "B1", d(2026, 7, 1), d(2026, 7, 31), 25000, 25000, 0],
                ["9101", "B2", d(2026, 6, 10), d(2026, 8, 9), 60000, 10000, 50000],
                ["9102", "B2", d(2026, 9, 5), d(2026, 11, 4), 15000, 0, 15000]]
    return save_sheets(path, {"Customers": customers, "Invoices": invoices})


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    book = _book(tmp_path_factory.mktemp("open_items") / "book.xlsx")
    return run_jobs(book, "2026-09-30", ("run", "pack", "pack_ar"))


def test_aging_and_dunning_of_the_stated_balances(runs):
    got = {r["Customer ID"]: tuple(r[b] for b in ("Current", "1-30", "31-60", "61-90", "90+",
                                                   "Total"))
           for r in table(runs["run"]["Aging"])}
    # 9001's balance 30,000, 16 days; 9002 not due; 9003 settled; 9101's 50,000, 52 days
    assert got == {"B1": (40000, 30000, 0, 0, 0, 70000), "B2": (15000, 0, 50000, 0, 0, 65000)}
    dun = {r["Customer ID"]: (r["Level"], r["Amount To Collect"])
           for r in table(runs["run"]["Dunning"])}
    assert dun == {"B2": (2, 50000), "B1": (1, 30000)}


def test_kpis_leave_what_was_received_blank(runs, capsys):
    k = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"])}
    # opening at 31 August: the balances of 9001, 9003 and 9101 (what is open now, the
    # columns saying nothing of when it was paid); sales 9002 + 9102; DSO 135,000 / 55,000 x
    # 30; best-possible 55,000 / 55,000 x 30
    assert [k[n] for n in ("Opening AR", "Credit Sales", "Closing AR", "Closing Current AR",
                           "DSO", "Best-Possible DSO", "Average Days Delinquent")] == [
        80000, 55000, 135000, 55000, 73.64, 30, 43.64]
    assert [k[n] for n in ("Receipts Count", "Receipts", "Non-Cash Settlements", "CEI %",
                           "Collection Rate %")] == [None] * 5
    ws = runs["pack"]["Dashboard"]
    why = "; blank: the workbook records no receipts (its invoice list states what is open)"
    rows = {ws.cell(r, 1).value: (ws.cell(r, 2).value, ws.cell(r, 4).value)
            for r in range(3, 14)}
    assert rows["Receipts"] == (None, "cash receipts recorded in the period (not write-offs, "
                                      "discounts, tax withheld or refunds), less cheques "
                                      "returned unpaid in it" + why)
    assert rows["Collection rate"] == (None, "(receipts - refunds paid) / (opening AR + credit "
                                             "sales) x 100; the numerator is the cash collected less "
                                             "refunds paid out, as CEI's" + why)
    assert rows["Collection effectiveness index (CEI)"][0] is None
    assert rows["Collection effectiveness index (CEI)"][1].endswith(why)
    assert rows["DSO"] == (73.64, "closing AR / credit sales x days in period")
    ar = runs["pack_ar"]["Dashboard"]
    texts = [c.value for c in ar["D"] if isinstance(c.value, str)]
    assert ("(التحصيلات - المبالغ المردودة للعملاء) / (رصيد أول الفترة + صافي المبيعات الآجلة) "
            "× 100؛ البسط هو النقد المحصل فعلاً ناقص المبالغ المردودة للعملاء، كبسط CEI؛ فارغ: "
            "لا يسجل الملف التحصيلات (قائمة الفواتير تذكر الأرصدة المفتوحة)") in texts


def test_the_summary_line_says_cei_is_not_available(tmp_path, capsys):
    book = _book(tmp_path / "book.xlsx")
    assert main(["report", str(book), "--as-of", "2026-09-30", "-o",
                 str(tmp_path / "p.xlsx")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "report: management pack as of 2026-09-30, EGP: DSO 73.64, CEI n/a, 2 customers "
        "overdue")
