"""A month-end over every bank account: several statement files reconciled together."""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main
from tests.test_reconcile_job import read_tab


def _book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Nile Foods", "EGP", 30, 500000])
    ws.append(["C2", "Delta Traders", "EGP", 30, 500000])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-1001", "C1", datetime(2026, 10, 1), 12500.00])
    inv.append(["INV-1002", "C2", datetime(2026, 10, 5), 8300.00])
    inv.append(["INV-1003", "C2", datetime(2026, 10, 9), 4100.00])
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    wb.save(path)
    return path


def _statement(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Description", "Debit", "Credit", "Balance"])
        w.writerows(rows)
    return path


def test_two_accounts_numbered_alike_are_one_reconciliation(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    # both banks number their lines 1, 2, 3; INV-1002 is paid into both accounts
    cib = _statement(tmp_path / "cib_nov.csv", [
        ["03/11/2026", "TRF NILE FOODS INV-1001", "", "12,500.00", "112,500.00"],
        ["04/11/2026", "BANK CHARGES", "15.00", "", "112,485.00"],
        ["10/11/2026", "TRF DELTA TRADERS INV-1002", "", "8,300.00", "120,785.00"]])
    nbe = _statement(tmp_path / "nbe_nov.csv", [
        ["05/11/2026", "حوالة واردة دلتا للتجارة فاتورة INV-1003", "", "4,100.00", "54,100.00"],
        ["12/11/2026", "TRF DELTA TRADERS INV-1002", "", "8,300.00", "62,400.00"]])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(cib), "--bank", str(nbe),
                 "-o", str(out)]) == 0
    matches = read_tab(out, "Bank Matches", "Bank Line")
    assert matches[["Bank Line", "Invoice No", "Applied Amount", "Status", "Statement"]
                   ].values.tolist() == [
        ["cib_nov-1", "INV-1001", 12500.0, "Matched", "cib_nov"],
        ["cib_nov-3", "INV-1002", 8300.0, "Matched", "cib_nov"],
        ["nbe_nov-1", "INV-1003", 4100.0, "Matched", "nbe_nov"],
        # INV-1002 paid again into the other account: not applied twice, only proposed as
        # cash on account for a person to decide
        ["nbe_nov-2", "", 8300.0, "Suggested", "nbe_nov"]]
    assert matches["Reason"].iloc[3] == (
        "payer by narrative name (98); no open invoice: payment on account, please confirm; "
        "INV-1002, which it names, is already settled: paid twice?")
    unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
    assert unmatched["Bank Line"].tolist() == ["cib_nov-2"]  # the bank charges, a debit
    # each file's running balance opens and closes its own account
    summary = read_tab(out, "Reconciliation", "Item").set_index("Item")
    assert summary.loc["Opening balance", "Amount"] == 100000.0 + 50000.0
    assert summary.loc["Closing balance (statement)", "Amount"] == 120785.0 + 62400.0
    assert summary.loc["Difference", "Note"] == "ties out"
    # the receipts to post keep apart the banks' line 1s
    post = read_tab(out, "Receipts To Post", "Payment ID")
    assert post["Payment ID"].tolist() == ["BNK-20261103-cib_nov-1", "BNK-20261110-cib_nov-3",
                                           "BNK-20261105-nbe_nov-1"]


def test_one_file_is_read_as_before(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    cib = _statement(tmp_path / "cib_nov.csv", [
        ["03/11/2026", "TRF NILE FOODS INV-1001", "", "12,500.00", "112,500.00"]])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(cib), "-o", str(out)]) == 0
    matches = read_tab(out, "Bank Matches", "Bank Line")
    assert matches[["Bank Line", "Statement"]].values.tolist() == [["1", "1"]]


def test_the_month_end_run_takes_every_account(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    cib = _statement(tmp_path / "cib.csv", [
        ["03/11/2026", "TRF NILE FOODS INV-1001", "", "12,500.00", "112,500.00"]])
    nbe = _statement(tmp_path / "nbe.csv", [
        ["05/11/2026", "TRF DELTA TRADERS INV-1003", "", "4,100.00", "54,100.00"]])
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--bank", str(cib), "--bank", str(nbe),
                 "--as-of", "2026-11-30", "-o", str(out)]) == 0
    matches = read_tab(out, "Bank Matches", "Bank Line")
    assert sorted(matches["Bank Line"]) == ["cib-1", "nbe-1"]
    assert pd.Series(matches["Status"]).eq("Matched").all()


def test_bank_ids_are_kept_and_two_files_of_one_name_told_apart(tmp_path):
    from pathlib import Path

    from ar_excel.bank.combine import combine_statements, file_names
    from ar_excel.bank.statement import Statement, StatementBalance, build_lines

    assert file_names([Path("cib/nov.csv"), Path("nbe/nov.csv"), Path("usd.sta")]) == [
        "cib-nov", "nbe-nov", "usd"]
    mt940 = Statement(build_lines([
        {"Bank Ref": "FT26307AB12", "Date": "2026-11-03", "Amount": 100.0, "Statement": "310/1",
         "Currency": "USD"},
        {"Bank Ref": "FT26307AB13", "Date": "2026-11-04", "Amount": 50.0, "Statement": "310/2",
         "Currency": "USD"}]),
        [StatementBalance("310/1", "EG12345", "USD", 0.0, 100.0),
         StatementBalance("310/2", "EG12345", "USD", 100.0, 150.0)])
    csv = Statement(build_lines([{"Date": "2026-11-03", "Amount": 70.0, "Statement": "1"}]),
                    [StatementBalance("1", None, "EGP", 10.0, 80.0)])
    both = combine_statements([("usd", mt940), ("cib-nov", csv)])
    assert both.lines[["Bank Line", "Statement"]].values.tolist() == [
        ["FT26307AB12", "usd 310/1"], ["FT26307AB13", "usd 310/2"], ["cib-nov-1", "cib-nov"]]
    assert [(b.statement, b.account) for b in both.balances] == [
        ("usd 310/1", "EG12345"), ("usd 310/2", "EG12345"), ("cib-nov", "cib-nov")]


def test_any_statements_combine_with_unique_lines_and_nothing_lost():
    from collections import Counter

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ar_excel.bank.combine import combine_statements
    from ar_excel.bank.statement import Statement, build_lines

    line = st.fixed_dictionaries({
        "Bank Ref": st.one_of(st.none(), st.sampled_from(["FT1", "FT2", "1", "a-1"])),
        "Amount": st.integers(-10**6, 10**6).map(lambda c: c / 100),
        "Date": st.just("2026-11-03"),
        "Statement": st.sampled_from([None, "1", "2"])})

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.lists(line, min_size=1, max_size=6), min_size=2, max_size=4))
    def check(files):
        parts = [(f"f{k}", Statement(build_lines(rows))) for k, rows in enumerate(files)]
        both = combine_statements(parts)
        # A line a later file repeats from an earlier one (``repeated_lines``) is read once,
        # and counted in that file's issue; nothing else is left out.
        dropped = {i.sheet: i.value for i in both.issues if "also in" in i.message}
        assert len(both.lines) + sum(dropped.values()) == sum(len(rows) for rows in files)
        assert both.lines["Bank Line"].is_unique
        # no statement of one file is taken for another's; each file keeps its other lines
        for k, rows in enumerate(files):
            mine = both.lines[both.lines["Statement"].str.match(rf"f{k}(?: |$)")]
            assert len(mine) == len(rows) - dropped.get(f"f{k}", 0)
            own = Counter(r["Amount"] for r in rows)
            assert all(own[a] >= n for a, n in Counter(mine["Amount"]).items())
        assert not dropped.get("f0")

    check()


def test_accounts_in_two_currencies_tie_out_each_on_its_own(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    egp = _statement(tmp_path / "cib_egp.csv", [
        ["03/11/2026", "TRF NILE FOODS INV-1001", "", "12,500.00", "112,500.00"]])
    usd = tmp_path / "cib_usd.csv"
    with open(usd, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Date", "Description", "Debit", "Credit", "Balance", "Currency"])
        w.writerow(["06/11/2026", "INTEREST", "", "12.40", "5,012.40", "USD"])
        w.writerow(["07/11/2026", "SWIFT CHARGES", "25.00", "", "4,987.40", "USD"])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(egp), "--bank", str(usd),
                 "-o", str(out)]) == 0
    summary = read_tab(out, "Reconciliation", "Item").set_index("Item")
    # the EGP file states no currency
    rows = summary.loc[["no currency: opening balance", "no currency: credits",
                        "no currency: debits", "no currency: closing balance (statement)",
                        "USD: opening balance",
                        "USD: credits", "USD: debits", "USD: closing balance (statement)"],
                       "Amount"].tolist()
    assert rows == [100000.0, 12500.0, 0.0, 112500.0, 5000.0, 12.4, -25.0, 4987.4]
    assert summary.loc["USD: closing balance (statement)", "Note"] == "ties out"
    # the totals at the top add the currencies, and say so; each currency's cash on its own
    assert summary.loc["Credits (money in)", "Note"] == (
        "adds no currency, USD: each currency below")
    per_ccy = summary.loc[["no currency: matched (applied)", "no currency: suggested (to review)",
                           "no currency: unmatched credits", "USD: matched (applied)",
                           "USD: suggested (to review)", "USD: unmatched credits"],
                          ["Amount", "Lines"]]
    assert per_ccy.values.tolist() == [[12500.0, 1], [0.0, 0], [0.0, 0],
                                       [0.0, 0], [0.0, 0], [12.4, 1]]


def test_the_policy_names_every_accounts_statement(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    policy = wb.create_sheet("Policy")
    policy.append(["Key", "Value"])
    policy.append(["bank_statement", "cib.csv; nbe.csv"])
    wb.save(book)
    _statement(tmp_path / "cib.csv", [
        ["03/11/2026", "TRF NILE FOODS INV-1001", "", "12,500.00", "112,500.00"]])
    _statement(tmp_path / "nbe.csv", [
        ["05/11/2026", "TRF DELTA TRADERS INV-1003", "", "4,100.00", "54,100.00"]])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "-o", str(out)]) == 0
    assert read_tab(out, "Bank Matches", "Bank Line")["Bank Line"].tolist() == ["cib-1", "nbe-1"]
