"""Money moved on account is read one way by the KPIs, the statements and the payment plans
(helper-192, a hand-made book, exact amounts).

E5 (an EGP account with a USD invoice) is on an EGP plan of 9,000.00 in three monthly
instalments from 30 Sep. It put 3,000.00 on account on 30 Sep and 3,000.00 on 20 Oct; on
28 Nov it paid its USD invoice (USD 1,000.00) and was refunded EGP 1,000.00 of its money on
account, two rows without a Payment ID. The KPIs and the statement read them as a USD receipt
and an EGP refund (of other currencies, no move); the plans read them as a move (nothing came
in, nothing went out): instalment 2 was Paid though the EGP account owes 4,000.00 and the plan
said 3,000.00 outstanding, and Payment Risk had
no paid invoice (INV-U's receipt moved away). A Payments row whose Method is 'CreditNote' (one word, as some
ERPs export it) was a credit note applied on the statement and cash in the KPIs."""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.kpis import kpi_table, month_to
from ar_excel.model import ROW
from tests._workbooks import save_sheets


def _rows(path: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[tab].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if r[0] is not None]


def _book(tmp_path: Path) -> Path:
    return save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E5", "Nile Plastics", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-1", "E5", D(2026, 8, 31), D(2026, 9, 30), "EGP", 9000.0],
                     ["INV-U", "E5", D(2026, 9, 1), D(2026, 10, 1), "USD", 1000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
                     [None, "E5", D(2026, 9, 30), 3000.0, None, "Bank Transfer"],
                     [None, "E5", D(2026, 10, 20), 3000.0, None, "Bank Transfer"],
                     [None, "E5", D(2026, 11, 28), 1000.0, "INV-U", "Bank Transfer"],
                     [None, "E5", D(2026, 11, 28), -1000.0, None, "Bank Transfer"]],
        "Payment Plans": [["Customer ID", "Total Amount", "Currency", "Instalments",
                           "Start Date", "Frequency"],
                          ["E5", 9000.0, "EGP", 3, D(2026, 9, 30), "monthly"]],
    })


def _run(job: str, book: Path, out: Path) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([job, str(book), "--as-of", "2026-11-30", "-o", str(out)]
                    + (["--no-pdf"] if job == "statements" else [])) == 0


def test_a_refund_beside_a_receipt_of_another_currency_is_no_move_for_the_plan(
        tmp_path: Path) -> None:
    book = _book(tmp_path)
    _run("collections", book, tmp_path / "c.xlsx")
    plan = _rows(tmp_path / "c.xlsx", "Payment Plan Schedule")
    # EGP received 6,000.00 less 1,000.00 refunded: 5,000.00 fills the instalments oldest
    # first, the refund taken off the latest receipt on account (20 Oct)
    assert [(r["Instalment"], r["Paid Amount"], r["Outstanding"], r["Status"]) for r in plan] \
        == [(1, 3000, 0, "Paid"), (2, 2000, 1000, "Overdue"), (3, 0, 3000, "Due soon")]
    dunning = _rows(tmp_path / "c.xlsx", "Dunning")
    assert [(r["Currency"], r["Open Balance"]) for r in dunning] == [("EGP", 4000)]
    assert sum(r["Outstanding"] for r in plan) == 4000  # the plan owes what the account owes
    # INV-U (USD 1,000.00, due 1 Oct) was paid in full on 28 Nov: a paid invoice of its history
    risk = _rows(tmp_path / "c.xlsx", "Payment Risk")
    assert [(r["Customer ID"], r["Paid Invoices"], r["Paid On Time %"]) for r in risk] == [
        ("E5", 1, 0)]

    _run("statements", book, tmp_path / "s.xlsx")
    lines = [(r["Currency"], r["Type"], r["Debit"], r["Credit"])
             for r in _rows(tmp_path / "s.xlsx", "Customer Statements")
             if r["Type"] in ("Receipt", "Refund")]
    assert lines == [("EGP", "Refund", 1000, 0), ("USD", "Receipt", 0, 1000)]

    _run("report", book, tmp_path / "r.xlsx")
    kpis = {(r["KPI"], r["Currency"]): r["Value"] for r in _rows(tmp_path / "r.xlsx", "KPIs")
            if r["KPI"] in ("Receipts", "Refunds Paid") and r["Currency"]}
    assert kpis == {("Receipts", "EGP"): 0, ("Refunds Paid", "EGP"): 1000,
                    ("Receipts", "USD"): 1000, ("Refunds Paid", "USD"): 0}


def test_a_credit_note_applied_written_in_one_word_is_no_cash() -> None:
    t = pd.Timestamp
    customers = pd.DataFrame({"Customer ID": ["C1"], "Name": ["Delta"], "Currency": ["EGP"],
                              "Payment Terms": [30]})
    invoices = pd.DataFrame({"Invoice No": ["INV-1"], "Customer ID": ["C1"],
                             "Invoice Date": [t("2026-11-01")], "Due Date": [t("2026-11-30")],
                             "Currency": ["EGP"], "Amount": [10000.0], ROW: [2]})
    payments = pd.DataFrame({"Payment ID": ["R-1", "CN-1"], "Customer ID": ["C1", "C1"],
                             "Date": [t("2026-11-20"), t("2026-11-25")],
                             "Amount": [8000.0, 2000.0], "Invoice No": ["INV-1", "INV-1"],
                             "Method": ["Bank Transfer", "CreditNote"], ROW: [2, 3]})
    table = kpi_table(customers, invoices, payments, month_to("2026-11-30"))
    got = dict(zip(table["KPI"], table["Value"], strict=True))
    assert (got["Receipts"], got["Receipts Count"], got["Non-Cash Settlements"]) == \
        (8000.0, 1.0, 2000.0)


def test_a_payments_row_without_a_customer_id_beside_a_refund(tmp_path: Path) -> None:
    """A Payments row without a Customer ID (found by the month-end fuzz) ended collections in
    'internal error: unsupported operand type(s) for +: float and str' where a refund made
    the plans pair each customer's money by currency. The row is no account's: the plan
    reads as without it."""
    wb = openpyxl.load_workbook(_book(tmp_path))
    wb["Payments"].append([None, None, D(2026, 11, 5), 250.0, None, "Bank Transfer"])
    wb.save(tmp_path / "blank.xlsx")
    _run("collections", tmp_path / "blank.xlsx", tmp_path / "c.xlsx")
    plan = _rows(tmp_path / "c.xlsx", "Payment Plan Schedule")
    assert [(r["Instalment"], r["Paid Amount"], r["Outstanding"], r["Status"]) for r in plan] \
        == [(1, 3000, 0, "Paid"), (2, 2000, 1000, "Overdue"), (3, 0, 3000, "Due soon")]
    issues = _rows(tmp_path / "c.xlsx", "Input Issues")
    assert [(r["Sheet"], r["Cell"]) for r in issues if r["Column"] == "Customer ID"] \
        == [("Payments", "B6")]
