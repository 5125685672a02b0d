"""Statement files reconciled together that hold the same lines: read once.

The same export given twice, or two exports that overlap (1-15 November, then 10-30 November),
brought every repeated receipt in twice: applied twice, or suggested against a second invoice.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ar_excel.bank import read_statement
from ar_excel.bank.combine import combine_statements
from ar_excel.cli import main
from tests._workbooks import save_frames

HEADER = "Booking Date,Narrative,Debit,Credit,Balance\n"
# 1-15 November and 10-30 November of one account: 10-15 November in both
FIRST_HALF = [("01/11/2026", "OPENING FEE", "25.00", "", "9,975.00"),
              ("05/11/2026", "TRF FROM NILE FOODS INV-20001", "", "1,500.00", "11,475.00"),
              ("12/11/2026", "TRF FROM DELTA PAPER INV-20002", "", "2,750.00", "14,225.00"),
              ("14/11/2026", "CHQ DEPOSIT 554433", "", "900.00", "15,125.00")]
SECOND_HALF = [("12/11/2026", "TRF FROM DELTA PAPER INV-20002", "", "2,750.00", "14,225.00"),
               ("14/11/2026", "CHQ DEPOSIT 554433", "", "900.00", "15,125.00"),
               ("20/11/2026", "TRF FROM CAIRO STEEL INV-20003", "", "4,100.00", "19,225.00")]


def _csv(path: Path, rows, header: str = HEADER) -> Path:
    path.write_text(header + "".join(",".join(f'"{v}"' for v in r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_overlapping_exports_are_read_once(tmp_path):
    a = _csv(tmp_path / "nov_1_15.csv", FIRST_HALF)
    b = _csv(tmp_path / "nov_10_30.csv", SECOND_HALF)
    combined = combine_statements([("nov_1_15", read_statement(a)),
                                   ("nov_10_30", read_statement(b))])
    lines = combined.lines
    assert lines["Amount"].tolist() == [-25.0, 1500.0, 2750.0, 900.0, 4100.0]
    assert lines["Statement"].tolist() == ["nov_1_15"] * 4 + ["nov_10_30"]
    [issue] = [i for i in combined.issues if "also in" in i.message]
    assert (issue.sheet, issue.cell, issue.value) == ("nov_10_30.csv", "rows 2-3", 2)
    assert issue.message.startswith(
        "2 of its 3 lines dated 2026-11-12 to 2026-11-14 are also in nov_1_15.csv")


def test_the_same_file_given_twice_reconciles_as_once(tmp_path):
    customers = pd.DataFrame({"Customer ID": ["C1", "C2", "C3"],
                              "Name": ["Nile Foods", "Delta Paper", "Cairo Steel"],
                              "Currency": ["EGP"] * 3})
    invoices = pd.DataFrame({"Invoice No": ["INV-20001", "INV-20002", "INV-20003"],
                             "Customer ID": ["C1", "C2", "C3"],
                             "Invoice Date": [pd.Timestamp("2026-10-20")] * 3,
                             "Amount": [1500.0, 2750.0, 4100.0]})
    book = save_frames(tmp_path / "b.xlsx", {"Customers": customers, "Invoices": invoices})
    statement = _csv(tmp_path / "nov.csv", FIRST_HALF + SECOND_HALF[2:])
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "--bank", str(statement),
                 "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches")
    assert sorted(zip(m["Invoice No"], m["Applied Amount"], m["Status"], strict=True)) == [
        ("INV-20001", 1500.0, "Matched"), ("INV-20002", 2750.0, "Matched"),
        ("INV-20003", 4100.0, "Matched")]
    issues = pd.read_excel(out, sheet_name="Input Issues")
    said = issues[issues["Message"].str.contains("also in", na=False)]
    assert said["Message"].tolist() == [
        "every line of this file (5 dated 2026-11-01 to 2026-11-20) is also in nov.csv, given "
        "twice (the same date, amount, narrative, reference and balance): read once, so their "
        "receipts are not applied twice"]
    recon = pd.read_excel(out, sheet_name="Reconciliation").set_index("Item")
    assert recon.at["Credits (money in)", "Amount"] == 1500.0 + 2750.0 + 900.0 + 4100.0


def test_one_line_alike_in_two_accounts_without_id_or_balance_is_kept_and_said(tmp_path):
    header = "Booking Date,Narrative,Debit,Credit\n"
    a = _csv(tmp_path / "egp.csv", [("03/11/2026", "TRANSFER", "", "5,000.00"),
                                    ("04/11/2026", "TRF NILE FOODS", "", "1,500.00")], header)
    b = _csv(tmp_path / "egp2.csv", [("03/11/2026", "TRANSFER", "", "5,000.00"),
                                     ("06/11/2026", "TRF CAIRO STEEL", "", "700.00")], header)
    combined = combine_statements([("egp", read_statement(a)), ("egp2", read_statement(b))])
    assert combined.lines["Amount"].tolist() == [5000.0, 1500.0, 5000.0, 700.0]
    [issue] = [i for i in combined.issues if "alike" in i.message]
    assert (issue.sheet, issue.cell) == ("egp2.csv", "row 2")
    assert "read in both" in issue.message


def test_two_accounts_with_their_own_balances_lose_nothing(tmp_path):
    a = _csv(tmp_path / "a.csv", FIRST_HALF)
    # the same day's fee and transfers in another account: its own running balance
    other = [(d, n, dr, cr, "2" + bal) for d, n, dr, cr, bal in FIRST_HALF]
    b = _csv(tmp_path / "b.csv", other)
    combined = combine_statements([("a", read_statement(a)), ("b", read_statement(b))])
    assert len(combined.lines) == 8
    assert not [i for i in combined.issues if "also in" in i.message or "alike" in i.message]


def test_the_same_month_end_fees_of_two_accounts_are_kept(tmp_path):
    header = "Booking Date,Narrative,Debit,Credit\n"
    fees = [("30/11/2026", "ACCOUNT MAINTENANCE FEE", "25.00", ""),
            ("30/11/2026", "VAT ON FEES", "3.50", "")]
    a = _csv(tmp_path / "cib.csv", [("04/11/2026", "TRF NILE FOODS", "", "1,500.00")] + fees,
             header)
    b = _csv(tmp_path / "cib_usd.csv", [("06/11/2026", "TRF CAIRO STEEL", "", "700.00")] + fees,
             header)
    combined = combine_statements([("cib", read_statement(a)), ("cib_usd", read_statement(b))])
    assert combined.lines["Amount"].tolist() == [1500.0, -25.0, -3.5, 700.0, -25.0, -3.5]
    [issue] = [i for i in combined.issues if "alike" in i.message]
    assert (issue.sheet, issue.cell, issue.value) == ("cib_usd.csv", "rows 3-4", 2)


def test_the_issues_read_in_arabic(tmp_path):
    from ar_excel.io.messages_ar import arabic_message

    a = _csv(tmp_path / "nov_1_15.csv", FIRST_HALF)
    b = _csv(tmp_path / "nov_10_30.csv", SECOND_HALF)
    combined = combine_statements([("nov_1_15", read_statement(a)),
                                   ("nov_10_30", read_statement(b))])
    [issue] = [i for i in combined.issues if "also in" in i.message]
    assert arabic_message(issue.message) == (
        "2 من سطوره البالغة 3 من 2026-11-12 إلى 2026-11-14 موجودة أيضاً في nov_1_15.csv (نفس "
        "التاريخ والمبلغ والبيان والمرجع والرصيد): قُرئت مرة واحدة كي لا تُطبق تحصيلاتها مرتين")
    assert arabic_message(
        "a line alike in egp.csv (the same date, amount and narrative, no bank id or balance to "
        "tell them apart): read in both; if one transaction was downloaded twice, leave it out "
        "of one file").startswith("سطر مماثل في egp.csv")
    assert arabic_message(
        "every line of this file (5 dated 2026-11-01 to 2026-11-20) is also in nov.csv, given "
        "twice (the same date, amount, narrative, reference and balance): read once, so their "
        "receipts are not applied twice").startswith(
        "كل سطور هذا الملف (5 من 2026-11-01 إلى 2026-11-20) موجودة أيضاً في nov.csv، أُعطي مرتين")
