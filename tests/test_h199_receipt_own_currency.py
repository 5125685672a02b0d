"""A receipt's own currency (helper-199): a Payments row's Currency (العملة) is the receipt's.

Nile Foods keeps its account in EGP. Its R1 of 1,000 is stated USD and names no invoice; its
R3 of 19,600 is stated EGP and names X-1, a USD invoice of 400. Before, the books read R1 as
EGP 1,000 on account (aged, netted and put on the EGP statement so) and applied R3's 19,600
to X-1 as USD: X-1 paid and USD 19,200 on account (Aging USD -17,700 in all, the USD KPIs'
Receipts 20,100). A receipt is now in its row's Currency where given, else its invoice's,
else its customer's, and is applied only to an invoice in its own currency.

By hand, as of 30 November 2026 (no exchange rates):
  E1 EGP: E-1 50,000 - R2 30,000 = 20,000 (30 days late), E-2 20,000 (current),
          R3 -19,600 on account (10 days): Current 20,000, 1-30 400, total 20,400.
  E1 USD: X-1 400 (11 days late), R1 -1,000 on account (25 days): 1-30 -600.
  U1 USD: U-1 2,000 - R4 500 = 1,500 (16 days late).
  KPIs for November: EGP Receipts 49,600 (R2, R3), Closing AR 20,400;
                     USD Receipts 1,500 (R1, R4), Closing AR 900.
With the Policy's exchange_rates USD=49 (base EGP), Credit Status weighs E1 at
20,400 + (-600 x 49) = -9,000, its unapplied credits -19,600 - 49,000 = -68,600.
"""

from __future__ import annotations

import contextlib
import io
from datetime import datetime as D
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.collections.bank_receipts import receipt_currencies
from ar_excel.core.kpis import payment_currency
from ar_excel.core.ledger import open_items
from ar_excel.io.messages_ar import arabic_message
from tests._workbooks import save_sheets

MESSAGE = ("a receipt in EGP names invoice X-1, which is in USD: none of it is applied to X-1 "
           "(amounts are not converted); it is held on account in EGP and X-1 stays open: "
           "write the receipt in USD to apply it")


def _book(path: Path, header: str = "Currency", policy: dict | None = None) -> Path:
    sheets = {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["E1", "Nile Foods", "EGP", 30, 100000],
                      ["U1", "Gulf Import", "USD", 30, 10000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["E-1", "E1", D(2026, 10, 1), 50000, "EGP"],
                     ["E-2", "E1", D(2026, 11, 10), 20000, None],
                     ["X-1", "E1", D(2026, 10, 20), 400, "USD"],
                     ["U-1", "U1", D(2026, 10, 15), 2000, "USD"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", header],
                     ["R1", "E1", D(2026, 11, 5), 1000, None, "USD"],
                     ["R2", "E1", D(2026, 11, 12), 30000, "E-1", None],
                     ["R3", "E1", D(2026, 11, 20), 19600, "X-1", "EGP"],
                     ["R4", "U1", D(2026, 11, 15), 500, "U-1", None]],
    }
    if policy:
        sheets["Policy"] = [["Key", "Value"], *[[k, v] for k, v in policy.items()]]
    return save_sheets(path, sheets)


def _run(tmp_path: Path, job: str, book: Path) -> Path:
    out = tmp_path / f"{job}.xlsx"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([job, str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    return out


def _rows(out: Path, tab: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(out)[tab].iter_rows(values_only=True))
    head = rows[0]
    return [dict(zip(head, r, strict=False)) for r in rows[1:] if r[0] is not None]


@pytest.mark.parametrize("header", ["Currency", "العملة"])
def test_aging_ages_each_receipt_in_its_own_currency(tmp_path, header):
    out = _run(tmp_path, "aging", _book(tmp_path / "book.xlsx", header))
    aging = [(r["Customer ID"], r["Currency"], r["Current"], r["1-30"], r["Total"])
             for r in _rows(out, "Aging") if r["Customer ID"] in ("E1", "U1")]
    assert aging == [("E1", "EGP", 20000, 400, 20400), ("E1", "USD", 0, -600, -600),
                     ("U1", "USD", 0, 1500, 1500)]
    detail = {r["Document No"]: (r["Currency"], r["Open Amount"])
              for r in _rows(out, "Aging Detail")}
    assert detail == {"E-1": ("EGP", 20000), "E-2": ("EGP", 20000), "R3": ("EGP", -19600),
                      "X-1": ("USD", 400), "R1": ("USD", -1000), "U-1": ("USD", 1500)}


def test_the_receipt_in_another_currency_is_said_at_its_currency_cell(tmp_path):
    out = _run(tmp_path, "aging", _book(tmp_path / "book.xlsx"))
    assert [(r["Sheet"], r["Cell"], r["Column"], r["Value"], r["Message"])
            for r in _rows(out, "Input Issues")] == [
        ("Payments", "F4", "Currency", "EGP", MESSAGE)]
    arabic = arabic_message(MESSAGE)
    assert arabic != MESSAGE and "X-1" in arabic and "USD" in arabic and "EGP" in arabic


def test_credit_status_converts_the_receipts_at_the_policys_rates(tmp_path):
    book = _book(tmp_path / "book.xlsx", policy={"base_currency": "EGP",
                                                 "exchange_rates": "USD=49"})
    e1 = next(r for r in _rows(_run(tmp_path, "credit", book), "Credit Status")
              if r["Customer ID"] == "E1")
    assert (e1["Open Balance"], e1["Unapplied Credits"]) == (-9000, -68600)
    plain = next(r for r in _rows(_run(tmp_path, "credit", _book(tmp_path / "p.xlsx")),
                                  "Credit Status") if r["Customer ID"] == "E1")
    assert plain["Unapplied Credits"] == -20600  # EGP 19,600 and USD 1,000, as they stand


def test_the_customers_statement_shows_each_receipt_in_its_own_currency(tmp_path):
    out = _run(tmp_path, "statements", _book(tmp_path / "book.xlsx"))
    lines = [(r["Currency"], r["Type"], r["Document"], r["Credit"], r["Balance"])
             for r in _rows(out, "Customer Statements")
             if r["Customer ID"] == "E1" and r["Type"] != "Aging"]
    assert lines == [
        ("EGP", "Opening balance", None, None, 50000),
        ("EGP", "Invoice", "E-2", 0, 70000),
        ("EGP", "Receipt", "R2", 30000, 40000),
        ("EGP", "Receipt", "R3", 19600, 20400),
        ("EGP", "Closing balance", None, None, 20400),
        ("USD", "Opening balance", None, None, 400),
        ("USD", "Receipt", "R1", 1000, -600),
        ("USD", "Closing balance", None, None, -600)]


def test_collections_and_kpis_count_each_receipt_in_its_own_currency(tmp_path):
    book = _book(tmp_path / "book.xlsx")
    dunning = {(r["Customer ID"], r["Currency"]): (r["Credit On Account"],
                                                    r["Amount To Collect"], r["Open Balance"])
               for r in _rows(_run(tmp_path, "collections", book), "Dunning")}
    assert dunning == {("E1", "EGP"): (19600, 400, 20400), ("E1", "USD"): (1000, 0, -600),
                       ("U1", "USD"): (0, 1500, 1500)}
    kpis = {(r["KPI"], r["Currency"]): r["Value"]
            for r in _rows(_run(tmp_path, "report", book), "KPIs")}
    assert [kpis[(k, c)] for c in ("EGP", "USD") for k in ("Receipts", "Closing AR")] == [
        49600, 20400, 1500, 900]


def test_a_receipts_stated_currency_comes_before_its_invoices_and_customers():
    customers = pd.DataFrame({"Customer ID": ["E1"], "Currency": ["EGP"], "Payment Terms": [30]})
    invoices = pd.DataFrame({"Invoice No": ["X-1"], "Customer ID": ["E1"],
                             "Invoice Date": [pd.Timestamp("2026-10-20")], "Due Date": [pd.NaT],
                             "Amount": [400.0], "Currency": ["USD"], "_row": [2]})
    payments = pd.DataFrame({"Payment ID": ["R1", "R2", "R3", "R4"],
                             "Customer ID": ["E1"] * 4,
                             "Date": pd.to_datetime(["2026-11-05"] * 4),
                             "Amount": [1000.0, 100.0, 50.0, 20.0],
                             "Invoice No": [None, "X-1", None, "X-1"],
                             "Currency": ["usd", None, None, "EGP"], "_row": [2, 3, 4, 5]})
    assert payment_currency(payments, customers, invoices).tolist() == [
        "USD", "USD", "EGP", "EGP"]
    items = open_items(customers, invoices, payments, pd.Timestamp("2026-11-30"))
    assert sorted(zip(items["Document No"], items["Currency"], items["Open Amount"],
                      strict=True)) == [
        ("R1", "USD", -1000.0), ("R3", "EGP", -50.0), ("R4", "EGP", -20.0),
        ("X-1", "USD", 300.0)]
    # a receipt to post naming the USD open item but stating EGP is money on the EGP account
    received = payments.iloc[[3]].assign(Amount=20.0)
    assert receipt_currencies(received, items, customers, invoices).tolist() == ["EGP"]


def test_a_receipt_is_kept_off_an_invoice_only_where_the_book_says_its_currency(tmp_path):
    """Delta Trading has no Currency in the master; D-1 names none, D-2 says EGP. P1 (USD 500)
    pays D-1: nothing says D-1 is not in USD (the ledger reads the account as EGP only from
    D-2). P2 (USD 100) names D-2, an EGP invoice: it pays none of it, and the Input Issue at
    its Currency cell says so; no receipt is kept off an invoice without it."""
    book = save_sheets(tmp_path / "delta.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C2", "Delta Trading", None]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                     ["D-1", "C2", D(2026, 11, 1), 500, None],
                     ["D-2", "C2", D(2026, 11, 2), 700, "EGP"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Currency"],
                     ["P1", "C2", D(2026, 11, 10), 500, "D-1", "USD"],
                     ["P2", "C2", D(2026, 11, 11), 100, "D-2", "USD"]]})
    out = _run(tmp_path, "aging", book)
    assert {r["Document No"]: (r["Currency"], r["Open Amount"])
            for r in _rows(out, "Aging Detail")} == {"D-2": ("EGP", 700), "P2": ("USD", -100)}
    assert [(r["Cell"], r["Value"]) for r in _rows(out, "Input Issues")] == [("F3", "USD")]


def test_payment_history_pays_invoices_of_the_receipts_own_currency(tmp_path):
    """The collections' payment history (how late each customer pays) paid E-1 (EGP 50,000)
    in full on 20 November with R1's USD 1,000 and R3's EGP 19,600 beside R2's 30,000, and
    X-1 (USD 400) with R3's EGP: E-1 is 20,000 short and X-1 is paid only by the USD money
    on account (R1, 5 November, the receipts on account paying the oldest invoices of their
    currency, as the Dunning sets credits against them)."""
    from ar_excel.core.collections.risk import paid_history
    from ar_excel.core.kpis import mover_currencies
    from ar_excel.core.ledger import due_dates
    from ar_excel.io.reader import read_book

    book = read_book(_book(tmp_path / "book.xlsx"))
    inv, pay, cust = book.invoices, book.payments, book.customers
    paid = paid_history(inv, pay, due_dates(inv, cust), pd.Timestamp("2026-11-30").date(),
                        mover_currencies(pay, cust, inv), cust)
    assert list(zip(paid["Invoice No"], paid["Currency"], paid["Paid Date"].astype(str),
                    strict=True)) == [("X-1", "USD", "2026-11-05")]
