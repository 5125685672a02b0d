"""Early-payment discounts the customer's terms grant ("2/10 Net 30"), taken on a receipt.

A customer on 2/10 Net 30 may pay 2 % less within 10 days of the invoice. A receipt short by
exactly that, credited in time (plus the days a transfer takes), is applied with the discount
proposed to write off (Method ``early-discount``) and posted as a ``Discount`` row, so the
invoice closes; taken late, or by a customer whose terms grant none, the gap stays open on the
invoice (``partial``). The terms are read as masters write them, in English and Arabic.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.customers.changes import snapshot
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.io.reader import read_book
from ar_excel.parsing import (
    EARLY_DISCOUNT,
    EarlyDiscount,
    early_payment_discount,
    parse_terms,
)
from ar_excel.policy import Policy
from tests.test_matching_real_narratives import allocations, reason, statement
from tests.test_matching_rules import AS_OF, frame


@pytest.mark.parametrize(("terms", "rate", "days", "net"), [
    ("2/10 Net 30", 2.0, 10, 30),
    ("2/10 N30", 2.0, 10, 30),
    ("2%/10 net 30", 2.0, 10, 30),
    ("2% 10 Net 30", 2.0, 10, 30),          # QuickBooks
    ("1.5/15, Net 45", 1.5, 15, 45),
    ("2% 10 days, net 30", 2.0, 10, 30),
    ("2% if paid within 10 days, net 30 days", 2.0, 10, 30),
    ("خصم ٢٪ خلال ١٠ أيام صافي ٣٠", 2.0, 10, 30),
    ("٢/١٠ صافي ٣٠", 2.0, 10, 30),
])
def test_terms_granting_an_early_payment_discount(terms, rate, days, net):
    assert early_payment_discount(terms) == EarlyDiscount(rate, days)
    assert parse_terms(terms) == net


@pytest.mark.parametrize("terms", ["Net 30", "30", 30, "COD", "60 days EOM", "0/10 net 30",
                                   "2/30 net 30", "15/10 net 30", None])
def test_terms_granting_none(terms):
    assert early_payment_discount(terms) is None


# ------------------------------------------------------------------ cash application

TWO_TEN = EarlyDiscount(2.0, 10)


def _match(*rows: dict, terms: EarlyDiscount | None = TWO_TEN):
    customers = frame("Customers", [
        {"Customer ID": "C1", "Name": "Nile Foods Co", "Currency": "EGP", "Payment Terms": 30},
        {"Customer ID": "C2", "Name": "Delta Trading", "Currency": "EGP", "Payment Terms": 30}])
    customers[EARLY_DISCOUNT] = [terms, None]
    invoices = frame("Invoices", [
        {"Invoice No": "INV-5001", "Customer ID": "C1", "Invoice Date": "2026-11-03",
         "Amount": 100000.00},
        {"Invoice No": "INV-5002", "Customer ID": "C1", "Invoice Date": "2026-11-05",
         "Amount": 45600.00},
        {"Invoice No": "INV-5003", "Customer ID": "C1", "Invoice Date": "2026-10-01",
         "Amount": 50000.00},
        {"Invoice No": "INV-6001", "Customer ID": "C2", "Invoice Date": "2026-11-03",
         "Amount": 100000.00}])
    items = open_items(customers, invoices, frame("Payments", []), AS_OF)
    return match_statement(statement(*rows), items, customers, Policy())


def _writeoffs(result) -> list[float]:
    return [round(w, 2) for w in result.matches["Write-off"]]


def test_the_agreed_discount_taken_in_time_is_written_off():
    r = _match({"amount": 98000.00, "desc": "TRF FROM NILE FOODS CO INV-5001",
                "date": "2026-11-10"})
    assert allocations(r) == [("INV-5001", 98000.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [2000.00]
    assert reason(r) == ("narrative names INV-5001; short by 2,000.00: the early-payment "
                         "discount of 2,000.00 its terms grant (2 % within 10 days), taken in "
                         "time: write-off proposed as a discount")


def test_a_day_or_two_for_the_transfer_still_counts_but_not_a_week():
    # invoice of 3 November, 10 days: the 13th; credited the 16th (3 days on) still counts
    r = _match({"amount": 98000.00, "desc": "INV-5001", "date": "2026-11-16"})
    assert allocations(r) == [("INV-5001", 98000.00, "early-discount", "Matched")]
    r = _match({"amount": 98000.00, "desc": "INV-5001", "date": "2026-11-20"})
    assert allocations(r) == [("INV-5001", 98000.00, "partial", "Matched")]
    assert _writeoffs(r) == [0.0]
    assert reason(r).endswith("taken 7 days after the discount period: not earned, left open "
                              "on the invoice")


def test_a_discount_taken_long_after_the_period_is_left_open():
    r = _match({"amount": 49000.00, "desc": "NILE FOODS CO INV 5003", "date": "2026-11-20"})
    assert allocations(r) == [("INV-5003", 49000.00, "partial", "Matched")]
    assert _writeoffs(r) == [0.0]
    assert "taken 40 days after the discount period" in reason(r)


def test_a_customer_whose_terms_grant_none_pays_short():
    r = _match({"amount": 98000.00, "desc": "TRF FROM DELTA TRADING INV-6001",
                "date": "2026-11-10"})
    assert allocations(r) == [("INV-6001", 98000.00, "partial", "Matched")]
    assert _writeoffs(r) == [0.0]
    assert reason(r) == "narrative names INV-6001; part payment of 100,000.00 open"


def test_a_gap_that_is_not_the_agreed_rate_is_no_discount():
    # 2,600.00 short: the 2 % discount and 600.00, more than the fee tolerance (0.5 %)
    r = _match({"amount": 97400.00, "desc": "INV-5001", "date": "2026-11-10"})
    assert [m for _, _, m, _ in allocations(r)] == ["partial"]
    assert _writeoffs(r) == [0.0]


def test_two_invoices_less_their_discounts_and_a_bank_charge():
    # 98,000.00 + 44,688.00 less a 15.00 charge (within the fee tolerance)
    r = _match({"amount": 142673.00, "desc": "PAYMENT INV-5001 INV-5002", "date": "2026-11-12"})
    assert allocations(r) == [("INV-5001", 98000.00, "early-discount", "Matched"),
                              ("INV-5002", 44673.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [2000.00, 927.00]  # 912.00 discount + 15.00 charges
    assert "and 15.00 of charges within the fee tolerance, taken in time" in reason(r)


def test_a_known_payer_naming_no_invoice_takes_its_discount():
    r = _match({"amount": 98000.00, "desc": "TRF FROM NILE FOODS CO",
                "date": "2026-11-11"})
    assert allocations(r) == [("INV-5001", 98000.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [2000.00]
    assert reason(r).startswith("payer by narrative name")


def test_a_one_percent_discount_agreed_is_no_tax_withheld():
    # Egypt withholds 1 % at source on supplies: a 1 % gap is tax withheld, unless the terms
    # grant a 1 % discount and it is taken in time
    one = EarlyDiscount(1.0, 10)
    for desc in ("TRF FROM NILE FOODS CO", "TRF FROM NILE FOODS CO INV-5001"):
        r = _match({"amount": 99000.00, "desc": desc, "date": "2026-11-11"}, terms=one)
        assert allocations(r) == [("INV-5001", 99000.00, "early-discount", "Matched")]
        assert _writeoffs(r) == [1000.00]
    late = _match({"amount": 99000.00, "desc": "TRF FROM NILE FOODS CO", "date": "2026-11-30"},
                  terms=one)
    assert [m for _, _, m, _ in allocations(late)] == ["withholding-tax"]


@settings(max_examples=60, deadline=None)
@given(rate=st.sampled_from([1.0, 1.5, 2.0, 2.5, 3.0]), days=st.integers(5, 20),
       amount=st.integers(100_00, 500_000_00), paid_after=st.integers(0, 40),
       charges=st.sampled_from([0, 0, 10_00, 25_00, 60_00]))
def test_never_applied_or_written_off_beyond_the_invoice(rate, days, amount, paid_after,
                                                         charges):
    amount /= 100
    customers = frame("Customers", [{"Customer ID": "C1", "Name": "Nile Foods Co",
                                     "Currency": "EGP", "Payment Terms": 30}])
    customers[EARLY_DISCOUNT] = [EarlyDiscount(rate, days)]
    invoices = frame("Invoices", [{"Invoice No": "INV-1", "Customer ID": "C1",
                                   "Invoice Date": "2026-10-01", "Amount": amount}])
    items = open_items(customers, invoices, frame("Payments", []), AS_OF)
    paid = round(amount - round(amount * rate / 100, 2) - charges / 100, 2)
    if paid <= 0:
        return
    day = pd.Timestamp("2026-10-01") + pd.Timedelta(days=paid_after)
    r = match_statement(statement({"amount": paid, "desc": "INV-1", "date": day}), items,
                        customers, Policy())
    m = r.matches
    applied = float(m["Applied Amount"].sum())
    assert applied <= paid + 0.005
    assert float((m["Applied Amount"] + m["Write-off"]).sum()) <= amount + 0.005
    if (m["Method"] == "early-discount").any():
        assert paid_after <= days + 3
        assert round(applied + float(m["Write-off"].sum()), 2) == amount  # closes it
    again = match_statement(statement({"amount": paid, "desc": "INV-1", "date": day}), items,
                            customers, Policy())
    pd.testing.assert_frame_equal(again.matches, m)


# ------------------------------------------------------------------ from a workbook

def _workbook(path: Path, terms: str, headers: tuple[str, ...] = ("Customer ID", "Name",
              "Currency", "Payment Terms"), sheets: tuple[str, str] = ("Customers", "Invoices")
              ) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheets[0]
    ws.append(list(headers))
    ws.append(["C1", "Nile Foods Co", "EGP", terms])
    inv = wb.create_sheet(sheets[1])
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-5001", "C1", dt.date(2026, 11, 3), 100000])
    wb.save(path)
    return path


def test_month_end_from_a_workbook_posts_the_discount(tmp_path, capsys):
    book = _workbook(tmp_path / "book.xlsx", "2/10 Net 30")
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n2026-11-10,TRF FROM NILE FOODS CO INV-5001,"
                    "98000.00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches")
    assert matches[["Invoice No", "Applied Amount", "Write-off", "Method", "Status"]
                   ].values.tolist() == [["INV-5001", 98000, 2000, "early-discount", "Matched"]]
    post = pd.read_excel(out, sheet_name="Receipts To Post")
    assert post[["Invoice No", "Amount", "Method"]].values.tolist() == [
        ["INV-5001", 98000, "Bank Transfer"], ["INV-5001", 2000, "Discount"]]
    assert post["Note"].iat[1].startswith("not cash: the early-payment discount")


def test_an_arabic_workbook_words_the_discount_in_arabic(tmp_path, capsys):
    book = _workbook(tmp_path / "book.xlsx", "خصم ٢٪ خلال ١٠ أيام صافي ٣٠",
                     ("رقم العميل", "اسم العميل", "العملة", "شروط الدفع"),
                     ("العملاء", "الفواتير"))
    wb = openpyxl.load_workbook(book)
    wb["الفواتير"]["A1"], wb["الفواتير"]["B1"] = "رقم الفاتورة", "رقم العميل"
    wb["الفواتير"]["C1"], wb["الفواتير"]["D1"] = "تاريخ الفاتورة", "المبلغ"
    wb.save(book)
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n2026-11-10,INV-5001,98000.00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches", header=1)
    assert matches["Method"].tolist() == ["early-discount"]
    assert "خصم تعجيل الدفع 2,000.00 الذي تمنحه شروطه (2 % خلال 10 أيام)، أُخذ في موعده" \
        in matches["Reason"].iat[0]
    post = pd.read_excel(out, sheet_name="Receipts To Post", header=1)
    assert post["Method"].tolist() == ["تحويل بنكي", "خصم تعجيل دفع"]


def test_the_discount_is_part_of_the_terms_the_change_log_follows(tmp_path):
    master = read_book(_workbook(tmp_path / "book.xlsx", "2/10 Net 30")).customers
    assert master["Payment Terms"].tolist() == [30]
    assert master[EARLY_DISCOUNT].tolist() == [EarlyDiscount(2.0, 10)]
    assert snapshot(master)["Payment Terms"].tolist() == ["2/10 net 30"]
    plain = read_book(_workbook(tmp_path / "plain.xlsx", "Net 30")).customers
    assert EARLY_DISCOUNT not in plain
    assert snapshot(plain)["Payment Terms"].tolist() == ["30"]


def test_an_invoices_own_terms_decide_before_its_customers(tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "Nile Foods Co", "EGP", "2/10 Net 30"])
    ws.append(["C2", "Delta Trading", "EGP", "Net 30"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Payment Terms"])
    inv.append(["INV-2026-0101", "C1", dt.date(2026, 11, 3), 100000, "Net 45"])  # no discount on it
    inv.append(["INV-2026-0102", "C2", dt.date(2026, 11, 3), 50000, "1/10 Net 30"])  # one of its own
    inv.append(["INV-2026-0103", "C1", dt.date(2026, 11, 3), 20000, None])  # the customer's 2/10
    wb.save(tmp_path / "book.xlsx")
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n2026-11-10,INV-2026-0101,98000.00\n"
                    "2026-11-10,INV-2026-0102,49500.00\n2026-11-10,INV-2026-0103,19600.00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(tmp_path / "book.xlsx"), "--bank", str(bank),
                 "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches")
    assert matches[["Invoice No", "Method", "Write-off"]].values.tolist() == [
        ["INV-2026-0101", "partial", 0], ["INV-2026-0102", "early-discount", 500], ["INV-2026-0103", "early-discount", 400]]
