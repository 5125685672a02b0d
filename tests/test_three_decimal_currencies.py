"""Dinars counted in fils (KWD, BHD, OMR, JOD, TND, LYD, IQD: three decimals) are exact in the
core: open items, balances, aging, matching and the written tabs; a two-decimal currency in
the same book keeps its cents (an unrounded 1,140.0456 EGP is 1,140.05)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.aging import aging_by_customer, bucket_totals, tie_out
from ar_excel.core.ledger import applications, open_balance, open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.money import decimals, round_money
from ar_excel.io.writer import NUMBER_FORMATS, number_formats
from ar_excel.policy import Policy
from tests._aging_books import customers, invoices, payments
from tests.test_reconcile_job import read_tab, write_book

AS_OF = "2026-11-30"
DEFAULT = ["Current", "1-30", "31-60", "61-90", "90+"]


def kwd_book():
    cust = customers(("K1", "Gulf Trading Co", "KWD", 30), ("K2", "Al Salmiya Stores", "KWD", 0))
    inv = invoices(
        ("KW-101", "K1", "2026-11-10", None, 1234.125),  # not yet due
        ("KW-102", "K1", "2026-09-01", None, 500.005),  # 1 fils left after a payment: 31-60
        ("KW-103", "K1", "2026-10-05", None, 760.250),  # 250.125 paid: 510.125 open, 1-30
        ("KW-201", "K2", "2026-08-01", None, 99.999),  # 121 days: 90+
        ("KW-202", "K2", "2026-10-20", None, 10.010),  # paid in full: settled
    )
    pay = payments(
        ("P1", "K1", "2026-11-01", 500.004, "KW-102"),
        ("P2", "K1", "2026-11-02", 250.125, "KW-103"),
        ("P3", "K2", "2026-11-03", 10.010, "KW-202"),
        ("P4", "K2", "2026-11-04", 0.375, None),  # fils on account, 26 days: 1-30
    )
    return cust, inv, pay


def test_kwd_open_items_keep_their_fils():
    cust, inv, pay = kwd_book()
    items = open_items(cust, inv, pay, AS_OF)
    got = dict(zip(items["Document No"], items["Open Amount"], strict=True))
    assert got == {"KW-101": 1234.125, "KW-102": 0.001, "KW-103": 510.125, "KW-201": 99.999,
                   "P4": -0.375}
    assert open_balance(items).to_dict() == {"K1": 1744.251, "K2": 99.624}
    apps = applications(inv, pay, AS_OF, cust)
    assert apps["Applied Amount"].tolist() == [500.004, 250.125, 10.010, 0.0]
    assert apps["Unapplied Amount"].tolist() == [0.0, 0.0, 0.0, 0.375]


def test_kwd_aging_buckets_and_totals_to_the_fils():
    cust, inv, pay = kwd_book()
    items = open_items(cust, inv, pay, AS_OF)
    aging = aging_by_customer(items, cust, Policy())
    rows = {r["Customer ID"]: [r[c] for c in [*DEFAULT, "Total"]] for _, r in aging.iterrows()}
    assert rows == {"K1": [1234.125, 510.125, 0.001, 0.0, 0.0, 1744.251],
                    "K2": [0.0, -0.375, 0.0, 0.0, 99.999, 99.624]}
    [check] = tie_out(aging, items)
    assert (check.currency, check.aging_total, check.ledger_balance) == ("KWD", 1843.875, 1843.875)
    assert check.ties and check.difference == 0.0
    totals = bucket_totals(aging, Policy())
    assert totals["Amount"].tolist() == [1234.125, 509.75, 0.001, 0.0, 99.999]


def _lines(*rows: tuple, currency: str | None = "KWD") -> pd.DataFrame:
    return pd.DataFrame([{
        "Bank Line": f"L{n}", "Date": pd.Timestamp("2026-11-20"), "Value Date": None,
        "Amount": amount, "Currency": currency, "Description": desc, "Reference": None,
        "Counterparty": None, "Counterparty Account": None, "Bank Ref": None, "Balance": None,
        "Statement": "S1", "Line No": n} for n, (amount, desc) in enumerate(rows, start=1)])


@pytest.mark.parametrize("currency", ["KWD", None])  # a line without a currency: the ledger's
def test_a_receipt_of_1234_125_is_applied_to_the_fils(currency):
    cust, inv, pay = kwd_book()
    items = open_items(cust, inv, pay, AS_OF)
    r = match_statement(_lines((1234.125, "TRANSFER KW-101"), (510.125, "PAYMENT KW-103"),
                               currency=currency), items, cust, Policy())
    got = r.matches[["Invoice No", "Applied Amount", "Write-off", "Method", "Status"]]
    assert got.values.tolist() == [["KW-101", 1234.125, 0.0, "reference", "Matched"],
                                   ["KW-103", 510.125, 0.0, "reference", "Matched"]]
    summary = r.summary.set_index("Item")["Amount"]
    assert summary["Credits (money in)"] == 1744.25
    assert summary["Matched (applied)"] == 1744.25
    assert summary["Check: matched + suggested + unmatched - credits"] == 0.0


def test_a_receipt_a_fils_short_is_no_exact_match():
    cust, inv, pay = kwd_book()
    items = open_items(cust, inv, pay, AS_OF)
    r = match_statement(_lines((1234.124, "TRANSFER KW-101")), items, cust,
                        Policy(fee_tolerance_abs=0.0, fee_tolerance_pct=0.0))
    [row] = r.matches.to_dict("records")
    assert (row["Applied Amount"], row["Method"]) == (1234.124, "partial")
    assert "part payment of 1,234.125 open" in row["Reason"]


def test_fee_tolerance_in_fils():
    cust, inv, pay = kwd_book()
    items = open_items(cust, inv, pay, AS_OF)
    policy = Policy(fee_tolerance_abs=0.375, fee_tolerance_pct=0.0)
    within = match_statement(_lines((1233.750, "TRANSFER KW-101")), items, cust, policy)
    [row] = within.matches.to_dict("records")
    assert (row["Applied Amount"], row["Write-off"], row["Method"]) == (1233.75, 0.375,
                                                                        "fee-writeoff")
    assert "short by 0.375 within the fee tolerance" in row["Reason"]
    beyond = match_statement(_lines((1233.749, "TRANSFER KW-101")), items, cust, policy)
    [row] = beyond.matches.to_dict("records")
    assert (row["Applied Amount"], row["Write-off"], row["Method"]) == (1233.749, 0.0, "partial")


def mixed_book():
    cust = customers(("E1", "Nile Trading", "EGP", 30), ("K1", "Gulf Trading Co", "KWD", 30))
    inv = invoices(
        ("EG-1", "E1", "2026-11-01", None, 1140.0456),  # unrounded: 1,140.05 EGP
        ("EG-2", "E1", "2026-09-01", None, 2000.00),
        ("KW-1", "K1", "2026-11-01", None, 1234.125),
        ("KW-2", "K1", "2026-09-01", None, 300.0004),  # unrounded: 300.000 KWD
    )
    pay = payments(("P1", "E1", "2026-11-05", 999.994, "EG-2"),  # 1,000.01 open (cents)
                   ("P2", "K1", "2026-11-05", 100.0004, "KW-2"))  # 200.000 open (fils)
    return cust, inv, pay


def test_mixed_egp_and_kwd_book_rounds_each_to_its_currency():
    cust, inv, pay = mixed_book()
    items = open_items(cust, inv, pay, AS_OF)
    got = {d: (c, a) for d, c, a in items[["Document No", "Currency", "Open Amount"]].itertuples(
        index=False, name=None)}
    assert got == {"EG-1": ("EGP", 1140.05), "EG-2": ("EGP", 1000.01),
                   "KW-1": ("KWD", 1234.125), "KW-2": ("KWD", 200.0)}
    assert open_balance(items).to_dict() == {"E1": 2140.06, "K1": 1434.125}
    aging = aging_by_customer(items, cust, Policy())
    assert aging[["Customer ID", "Currency", "Total"]].values.tolist() == [
        ["E1", "EGP", 2140.06], ["K1", "KWD", 1434.125]]
    assert all(t.ties for t in tie_out(aging, items))
    lines = pd.concat([_lines((1140.05, "PAY EG-1"), currency="EGP"),
                       _lines((1234.125, "PAY KW-1"))], ignore_index=True)
    lines["Bank Line"] = ["L1", "L2"]
    r = match_statement(lines, items, cust, Policy())
    assert r.matches[["Invoice No", "Applied Amount", "Status"]].values.tolist() == [
        ["EG-1", 1140.05, "Matched"], ["KW-1", 1234.125, "Matched"]]


def test_money_helpers_round_by_currency():
    values = pd.Series([1.0005, 2.674, 1140.0456, 7.5])
    codes = pd.Series(["KWD", "EGP", None, "JPY"])
    assert decimals(codes).tolist() == [3, 2, 2, 0]
    # half of a fils away from zero, as Excel's ROUND(1.0005, 3)
    assert round_money(values, codes).tolist() == [1.001, 2.67, 1140.05, 8.0]
    assert round_money(values, None).tolist() == [1.0, 2.67, 1140.05, 7.5]


def test_money_columns_show_three_decimals_only_for_fils():
    kwd = pd.DataFrame({"Amount": [1.5, 2.0], "Currency": ["KWD", "KWD"]})
    egp = pd.DataFrame({"Amount": [1.5, 2.0], "Currency": ["EGP", "EGP"]})
    plain = pd.DataFrame({"Amount": [1234.125, 2.0]})
    fmt = {"Amount": "money"}
    assert number_formats(kwd, fmt)[0] == NUMBER_FORMATS["money3"] == "#,##0.000;[Red]-#,##0.000"
    assert number_formats(egp, fmt)[0] == NUMBER_FORMATS["money"]
    assert number_formats(plain, fmt)[0] == NUMBER_FORMATS["money3"]
    assert number_formats(plain.assign(Amount=[1234.12, 2.0]), fmt)[0] == NUMBER_FORMATS["money"]


def test_reconcile_end_to_end_writes_fils(tmp_path: Path, capsys):
    cust, inv, pay = kwd_book()
    book = write_book(tmp_path / "book.xlsx", {"Customers": cust, "Invoices": inv,
                                                "Payments": pay})
    statement = tmp_path / "kwd.csv"
    with statement.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Transaction ID", "Booking Date", "Narrative", "Debit", "Credit", "Balance",
                    "Currency"])
        w.writerow(["T1", "20/11/2026", "TRANSFER KW-101", "", "1,234.125", "5,234.125", "KWD"])
        w.writerow(["T2", "21/11/2026", "BANK CHARGES", "1.250", "", "5,232.875", "KWD"])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "--as-of", AS_OF,
                 "-o", str(out)]) == 0
    matches = read_tab(out, "Bank Matches", "Bank Line")
    row = matches[matches["Bank Line"] == "T1"].iloc[0]
    assert (row["Invoice No"], row["Applied Amount"], row["Status"]) == ("KW-101", 1234.125,
                                                                         "Matched")
    ws = openpyxl.load_workbook(out)["Bank Matches"]
    head = next(r for r in ws.iter_rows() if r[0].value == "Bank Line")
    col = {c.value: c.column for c in head}
    cell = ws.cell(head[0].row + 1, col["Applied Amount"])
    assert cell.value == 1234.125
    assert cell.number_format == "#,##0.000;[Red]-#,##0.000"
    summary = read_tab(out, "Reconciliation", "Item").set_index("Item")
    assert summary.at["Credits (money in)", "Amount"] == 1234.125
    assert summary.at["Debits (money out, not AR)", "Amount"] == -1.25
    assert summary.at["Check: matched + suggested + unmatched - credits", "Amount"] == 0
    # the run's summary line: the statement's currency, to the fils (was 1,234.12)
    assert "1 matched (KWD 1,234.125), 0 suggested" in capsys.readouterr().out


def test_the_reconcile_summary_in_arabic_keeps_the_currency():
    from ar_excel.io.summaries_ar import arabic_summary

    assert arabic_summary("Reconciled 2 bank lines: 1 matched (KWD 1,234.125), 0 suggested, "
                          "0 credits unmatched") == (
        "مطابقة بنكية لـ 2 سطر: 1 مطابق (KWD 1,234.125)، 0 مقترح، 0 إيداع غير مطابق")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5_000_000), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 5), st.integers(1, 5_000_000)), max_size=6))
def test_kwd_money_is_conserved_to_the_fils(invoice_fils, payment_fils):
    """Whatever is invoiced and paid, in fils: open items = invoices - receipts, exactly, and
    a statement paying every open invoice is applied to the fils."""
    cust = customers(("K1", "Gulf Trading Co", "KWD", 30))
    inv = invoices(*[(f"KW-{k}", "K1", "2026-10-01", None, f / 1000)
                     for k, f in enumerate(invoice_fils)])
    pay = payments(*[(f"P{k}", "K1", "2026-10-15", f / 1000,
                      f"KW-{i}" if i < len(invoice_fils) else None)
                     for k, (i, f) in enumerate(payment_fils)])
    items = open_items(cust, inv, pay, AS_OF)
    open_fils = round(items["Open Amount"].sum() * 1000)
    assert open_fils == sum(invoice_fils) - sum(f for _, f in payment_fils)
    assert all(abs(a * 1000 - round(a * 1000)) < 1e-6 for a in items["Open Amount"])
    owed = items[items["Open Amount"] > 0]
    if not len(owed):
        return
    lines = _lines(*[(a, f"PAY {n}") for n, a in zip(owed["Document No"], owed["Open Amount"],
                                                      strict=True)])
    r = match_statement(lines, items, cust, Policy())
    applied = round(r.matches["Applied Amount"].sum() * 1000)
    left = round(r.unmatched["Unallocated Amount"].fillna(0).sum() * 1000)
    assert applied + left == round(lines["Amount"].sum() * 1000)
    assert applied <= round(owed["Open Amount"].sum() * 1000)


def test_a_kwd_receipt_naming_two_invoices_splits_to_the_fils():
    from ar_excel.core.entries import split_multi_invoice_receipts

    cust, inv, pay = kwd_book()
    both = payments(("P9", "K1", "2026-11-05", 1744.250, "KW-101, KW-103"))
    split, source = split_multi_invoice_receipts(
        pd.concat([pay, both], ignore_index=True), inv, cust)
    assert source.tolist() == [0, 1, 2, 3, 4, 4]
    assert split["Invoice No"].tolist()[-2:] == ["KW-101", "KW-103"]
    # KW-101 takes its 1,234.125 and KW-103 what P2 left open, 510.125: fils, not cents
    assert split["Amount"].tolist()[-2:] == [1234.125, 510.125]
    items = open_items(cust, inv, split, AS_OF)
    got = dict(zip(items["Document No"], items["Open Amount"], strict=True))
    assert got == {"KW-102": 0.001, "KW-201": 99.999, "P4": -0.375}
