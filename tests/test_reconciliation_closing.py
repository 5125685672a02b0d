"""A statement stating its opening balance only (an export's "Opening balance" row above the
lines) with a running balance on every line: the Reconciliation takes the closing balance from
the newest line's running balance and ties out, instead of "not stated"; a line missing from the
file then shows as a difference."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy
from ar_excel.schema import empty_frame


def _lines(amounts, balances):
    return pd.DataFrame({"Bank Line": [str(i + 1) for i in range(len(amounts))],
                         "Date": pd.to_datetime(["2026-11-03"] * len(amounts)),
                         "Amount": amounts, "Balance": balances, "Currency": "EGP",
                         "Description": ["INTEREST"] * len(amounts)})


def _summary(lines, opening=50_000.0):
    customers, invoices = empty_frame("Customers"), empty_frame("Invoices")
    items = open_items(customers, invoices, empty_frame("Payments"), pd.Timestamp("2026-11-30"))
    out = match_statement(lines, items, customers, Policy(),
                          balances=[{"opening": opening, "closing": None, "account": "1",
                                     "currency": "EGP"}]).summary
    return {r["Item"]: (r["Amount"], r["Note"]) for _, r in out.iterrows()}


def test_the_closing_balance_is_the_last_running_balance_where_only_the_opening_is_stated():
    rows = _summary(_lines([114_000.0, -25.0, 1_250.0], [164_000.0, 163_975.0, 165_225.0]))
    assert rows["Opening balance"] == (50_000.0, "as stated by the bank")
    assert rows["Closing balance (computed)"] == (165_225.0, "opening + credits - debits")
    assert rows["Closing balance (statement)"] == (165_225.0,
                                                   "from the newest line's running balance")
    assert rows["Difference"][0] == 0.0


def test_a_line_missing_between_the_opening_and_the_running_balances_shows():
    # the balances moved by 1,000.00 more than the lines the file holds
    rows = _summary(_lines([114_000.0, 1_250.0], [164_000.0, 166_250.0]))
    assert rows["Closing balance (statement)"][0] == 166_250.0
    assert rows["Difference"][0] == -1_000.0


def _summary_unstated(lines):
    customers, invoices = empty_frame("Customers"), empty_frame("Invoices")
    items = open_items(customers, invoices, empty_frame("Payments"), pd.Timestamp("2026-11-30"))
    out = match_statement(lines, items, customers, Policy()).summary
    return {r["Item"]: (r["Amount"], r["Note"]) for _, r in out.iterrows()}


def test_running_balances_are_said_as_the_oldest_and_newest_lines_in_either_order():
    """No balance stated: the statement opens with its oldest line's running balance less
    that line's amount and closes with its newest line's, whichever end of the file each is
    at. A newest-first file (Commercial Bank of Qatar's CSV) was said to open 'from the first
    line's running balance', the first line being its newest."""
    from ar_excel.io.reasons_ar import arabic_note

    oldest_first = pd.DataFrame({
        "Bank Line": ["1", "2"], "Date": pd.to_datetime(["2026-11-02", "2026-11-09"]),
        "Amount": [1_000.0, -40.0], "Balance": [51_000.0, 50_960.0], "Currency": "EGP",
        "Description": ["INTEREST", "CHARGES"]})
    newest_first = oldest_first.iloc[::-1].reset_index(drop=True)
    for lines in (oldest_first, newest_first):
        rows = _summary_unstated(lines)
        assert rows["Opening balance"] == (50_000.0, "from the oldest line's running balance")
        assert rows["Closing balance (statement)"] == (50_960.0,
                                                       "from the newest line's running balance")
        assert rows["Difference"][0] == 0.0
    assert arabic_note("from the oldest line's running balance") == "من الرصيد الجاري لأقدم سطر"
    assert arabic_note("from the newest line's running balance") == "من الرصيد الجاري لأحدث سطر"
