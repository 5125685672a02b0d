"""The collections job end to end: workbook in, tabs and email drafts out, history read back."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.collections.call_lists import severe_delays
from ar_excel.core.collections.dunning import chased_items, dunning_run
from ar_excel.core.ledger import open_items
from ar_excel.policy import Policy
from tests.collections_data import customers, invoices, payments, plans, write_workbook

TABS = ["Dunning", "Call List", "Visit List", "Payment Plan Schedule", "Payment Risk",
        "Expected Payments", "Cash Forecast", "Dunning History"]


def ledger():
    cust = customers([
        {"Customer ID": "C1", "Name": "Alpha Trading", "Email": "ap@alpha.example",
         "Phone": "+20 100 000 0001"},
        {"Customer ID": "C2", "Name": "شركة بيتا", "Email": "info@beta.example"},
        {"Customer ID": "C3", "Name": "Gamma", "Email": "g@gamma.example", "City": "Giza"},
        {"Customer ID": "C4", "Name": "Delta", "Email": "d@delta.example"},
        {"Customer ID": "C5", "Name": "Eta", "Phone": "+20 100 000 0005"},
    ])
    inv = invoices([
        ("I1", "C1", "2026-08-01", "2026-08-31", 5000.00),  # 61 days on 10-31: final notice
        ("I2", "C2", "2026-09-03", "2026-10-03", 800.00),  # 28 days on 10-31, 31 on 11-03
        ("I3", "C3", "2026-06-01", "2026-07-01", 2500.00),  # 122 days: visit
        ("I4", "C4", "2026-07-01", "2026-08-01", 900.00),  # on a payment plan
        ("I5", "C5", "2026-08-20", "2026-09-20", 7000.00),  # 41 days: firm, call
    ])
    pay = payments([("R1", "C4", "2026-10-02", 300.00, None)])
    plan = plans([("C4", 900.00, 3, "2026-10-01", "monthly")])
    return cust, inv, pay, plan


@pytest.fixture()
def book(tmp_path):
    cust, inv, pay, plan = ledger()
    path = tmp_path / "ar.xlsx"
    write_workbook(path, {"Customers": cust, "Invoices": inv, "Payments": pay,
                          "Payment Plans": plan})
    return path


def frame(ws) -> pd.DataFrame:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(rows) if r and r[0] in ("Customer ID", "Priority", "Plan",
                                                              "Date", "Week"))
    return pd.DataFrame(rows[h + 1:], columns=rows[h])


def test_collections_end_to_end(tmp_path, book, capsys):
    assert main(["collections", str(book), "--as-of", "2026-10-31", "--no-backup"]) == 0
    wb = openpyxl.load_workbook(book)
    assert set(TABS) <= set(wb.sheetnames)
    dun = frame(wb["Dunning"]).set_index("Customer ID")
    assert dun.loc[["C1", "C2", "C3", "C5"], "Level"].tolist() == [3, 1, 4, 2]
    assert dun.loc["C4", "Level Name"] == "Payment plan"
    assert dun.loc["C4", "Next Action"] == "Send plan reminder: instalment 2 due 2026-11-01"
    assert dun.loc["C1", "Amount To Collect"] == 5000.00
    calls = frame(wb["Call List"])
    assert calls["Customer ID"].tolist() == ["C5", "C1"]  # biggest amount first
    assert calls["Phone"].tolist()[0] == "+20 100 000 0005"
    assert frame(wb["Visit List"])["Customer ID"].tolist() == ["C3"]
    sched = frame(wb["Payment Plan Schedule"])
    assert sched["Status"].tolist() == ["Paid", "Due soon", "Not yet due"]
    forecast = frame(wb["Cash Forecast"])
    assert len(forecast) == 13 and "Expected Receipts" in forecast.columns
    hist = frame(wb["Dunning History"])
    assert sorted(hist["Customer ID"]) == ["C1", "C2", "C3", "C4", "C5"]

    drafts = sorted((tmp_path / "dunning").glob("*.eml"))
    assert [d.name for d in drafts] == [f"2026-10-31_C{i}.eml" for i in range(1, 6)]
    msg = email.message_from_bytes(drafts[1].read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "تذكير بالسداد - حساب رقم C2" and msg["X-Unsent"] == "1"
    final = email.message_from_bytes(drafts[0].read_bytes(), policy=email.policy.default)
    assert final["Subject"] == "Final notice: overdue account C1"
    attachments = [p.get_filename() for p in final.iter_attachments()]
    assert attachments == ["Statement_C1_2026-10-31.pdf"]  # the final notice encloses it
    assert "letter(s) due" in capsys.readouterr().out

    # three days later C2 is 31 days overdue (firm) but was escalated 3 days ago: held
    assert main(["collections", str(book), "--as-of", "2026-11-03", "--no-backup"]) == 0
    wb = openpyxl.load_workbook(book)
    dun = frame(wb["Dunning"]).set_index("Customer ID")
    assert dun.loc["C2", "Level"] == 1 and not dun.loc["C2", "Letter"]
    assert dun.loc["C2", "Next Action"] == "Escalate after 2026-11-07 (one escalation a week)"
    hist = frame(wb["Dunning History"])
    assert len(hist) == 5  # nothing new: every letter went out 3 days ago
    # a week after the first run the escalation goes through, once
    for _ in range(2):  # a re-run on the same day replaces that day's rows
        assert main(["collections", str(book), "--as-of", "2026-11-07", "--no-backup"]) == 0
    wb = openpyxl.load_workbook(book)
    dun = frame(wb["Dunning"]).set_index("Customer ID")
    assert dun.loc["C2", "Level"] == 2 and bool(dun.loc["C2", "Letter"])
    # a week on, the others get their letter again (C4 its plan reminder), once each
    drafts = sorted(p.name for p in (tmp_path / "dunning").glob("2026-11-07_*"))
    assert drafts == [f"2026-11-07_C{i}.eml" for i in range(1, 6)]
    assert (tmp_path / "dunning" / "Statement_C1_2026-11-07.pdf").exists()
    # C5 pays on 11-06 and the run is repeated: its draft of the first 11-07 run is withdrawn
    wb = openpyxl.load_workbook(book)
    wb["Payments"].append(["R9", "C5", datetime(2026, 11, 6), 7000.00, "I5"])
    wb.save(book)
    assert main(["collections", str(book), "--as-of", "2026-11-07", "--no-backup"]) == 0
    drafts = sorted(p.name for p in (tmp_path / "dunning").glob("2026-11-07_*"))
    assert drafts == [f"2026-11-07_C{i}.eml" for i in range(1, 5)]
    hist = frame(wb["Dunning History"])
    assert hist[hist["Customer ID"] == "C2"]["Level"].tolist() == [1, 2]


def test_call_and_visit_lists_order():
    cust = customers([{"Customer ID": c, "Name": c} for c in ("A", "B", "C", "D", "E")])
    inv = invoices([("1", "A", "2026-08-01", "2026-09-01", 100.0),  # 60 days
                    ("2", "B", "2026-08-01", "2026-09-20", 900.0),  # 41 days
                    ("3", "C", "2026-08-01", "2026-09-20", 100.0),  # 41 days, same amount as A
                    ("4", "D", "2026-01-01", "2026-02-01", 50.0),  # 272 days
                    ("5", "E", "2026-07-01", "2026-08-02", 80.0),  # exactly 90 days
                    ("6", "E", "2026-10-01", "2026-10-25", 10.0)])  # 6 days
    as_of = pd.Timestamp("2026-10-31")
    items = open_items(cust, inv, payments([]), as_of)
    dun = dunning_run(items, cust, as_of)
    calls, visits = severe_delays(dun, chased_items(items), cust, Policy())
    assert calls[["Priority", "Customer ID", "Amount To Collect", "Days Overdue"]].values.tolist() \
        == [[1, "B", 900.0, 41], [2, "A", 100.0, 60], [3, "C", 100.0, 41]]
    assert visits[["Customer ID", "Amount To Collect", "Oldest Invoice"]].values.tolist() == [
        ["E", 90.0, "5"], ["D", 50.0, "4"]]


def test_arabic_workbook(tmp_path):
    """Arabic sheet names and headers: the tab's words and every letter are Arabic."""
    cust, inv, pay, plan = ledger()
    ar = {"Customer ID": "رقم العميل", "Name": "اسم العميل", "Email": "البريد الإلكتروني",
          "Phone": "الهاتف", "Currency": "العملة", "Payment Terms": "شروط الدفع",
          "Invoice No": "رقم الفاتورة", "Invoice Date": "تاريخ الفاتورة",
          "Due Date": "تاريخ الاستحقاق", "Amount": "المبلغ", "Payment ID": "رقم الإيصال",
          "Date": "التاريخ", "Instalments": "عدد الأقساط", "Start": "تاريخ البدء",
          "Frequency": "التكرار"}

    def arabic(frame, columns):
        return frame[[*columns, "_row"]].rename(columns=ar)

    path = tmp_path / "دفتر.xlsx"
    write_workbook(path, {
        "العملاء": arabic(cust, ["Customer ID", "Name", "Email", "Phone", "Currency",
                                 "Payment Terms"]),
        "الفواتير": arabic(inv, ["Invoice No", "Customer ID", "Invoice Date", "Due Date",
                                 "Amount"]),
        "التحصيلات": arabic(pay, ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]),
        "خطط السداد": arabic(plan, ["Customer ID", "Amount", "Instalments", "Start",
                                    "Frequency"]),
    })
    out = path  # written in place: the history is read back with its Arabic label row
    assert main(["collections", str(path), "--as-of", "2026-10-31", "--no-backup"]) == 0
    dun = frame(openpyxl.load_workbook(out)["Dunning"]).set_index("Customer ID")
    assert dun.loc["C1", "Level Name"] == "إنذار نهائي"
    assert dun.loc["C4", "Level Name"] == "خطة سداد"
    assert dun.loc["C5", "Next Action"] == "إرسال تذكير حازم، والاتصال إذا لم يرد خلال 7 أيام"
    assert set(dun["Language"]) == {"ar"}
    msg = email.message_from_bytes((tmp_path / "dunning" / "2026-10-31_C1.eml").read_bytes(),
                                   policy=email.policy.default)
    assert msg["Subject"] == "إنذار نهائي: حساب رقم C1"
    assert "هذا إنذار نهائي" in msg.get_body(("plain",)).get_content()
    assert main(["collections", str(path), "--as-of", "2026-11-03", "--no-backup"]) == 0
    dun = frame(openpyxl.load_workbook(out)["Dunning"]).set_index("Customer ID")
    assert dun.loc["C2", "Level"] == 1 and not dun.loc["C2", "Letter"]  # held a week


def test_empty_ledger_gives_empty_tabs(tmp_path):
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.collections import JOB
    from tests.collections_data import book

    b = book(customers([{"Customer ID": "C1", "Name": "A"}]), invoices([]), payments([]))
    result = JOB.run(b, JobOptions(as_of=pd.Timestamp("2026-10-31").date(), out_dir=tmp_path))
    assert [t.name for t in result.tabs] == TABS
    assert all(len(t.frame) == 0 for t in result.tabs if t.name != "Cash Forecast")
    assert result.tabs[TABS.index("Cash Forecast")].frame["Expected Receipts"].sum() == 0
    assert result.files == [] and result.issues == []
    from ar_excel.io.writer import write_tabs

    out = write_tabs(result.tabs, out=tmp_path / "out.xlsx")
    assert set(TABS) <= set(openpyxl.load_workbook(out).sheetnames)


def test_bad_plan_row_is_an_input_issue_with_its_cell(tmp_path):
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.collections import JOB
    from tests.collections_data import book

    cust, inv, pay, _ = ledger()
    plan = plans([("C4", 900.00, 3, "2026-10-01"), ("C1", 500.00, 0, "2026-10-01")])
    result = JOB.run(book(cust, inv, pay, plan), JobOptions(as_of=pd.Timestamp("2026-10-31").date()))
    (issue,) = result.issues
    assert (issue.sheet, issue.cell, issue.column, issue.value) == (
        "Payment Plans", "C3", "Instalments", 0)
    assert issue.message == "number of instalments must be 1 or more: not scheduled"
