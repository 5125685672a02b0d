"""An early-payment discount granted on the amount before VAT, and terms in the Discount % column.

11,400.00 is 10,000.00 plus 14 % VAT; on 2/10 Net 30 the customer takes 2 % of the 10,000.00
(the discount is a price reduction, the VAT follows the price) and pays 11,200.00 in time: the
agreed discount, written off as a discount (``early-discount``), the invoice closed. The base is
the total or the amount before one of the policy's VAT rates, one base for all the invoices a
receipt pays. A master that writes "2/10 Net 30" in its Discount % column grants the same
discount as one that writes it in Payment Terms.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.io.reader import read_book
from ar_excel.parsing import EARLY_DISCOUNT, EARLY_DISCOUNT_COLUMN, EarlyDiscount
from ar_excel.policy import Policy
from tests.test_matching_real_narratives import allocations, reason, statement
from tests.test_matching_rules import AS_OF, frame

TWO_TEN = EarlyDiscount(2.0, 10)


def _match(*rows: dict, column: bool = False):
    customers = frame("Customers", [
        {"Customer ID": "C1", "Name": "Nile Foods Co", "Currency": "EGP", "Payment Terms": 30},
        {"Customer ID": "C2", "Name": "Delta Trading", "Currency": "EGP", "Payment Terms": 30}])
    # the terms in Payment Terms, or (``column``) in the Discount % column
    customers[EARLY_DISCOUNT_COLUMN if column else EARLY_DISCOUNT] = [TWO_TEN, None]
    invoices = frame("Invoices", [
        {"Invoice No": "INV-7001", "Customer ID": "C1", "Invoice Date": "2026-11-03",
         "Amount": 11400.00},
        {"Invoice No": "INV-7002", "Customer ID": "C1", "Invoice Date": "2026-11-04",
         "Amount": 57000.00},
        {"Invoice No": "INV-7003", "Customer ID": "C1", "Invoice Date": "2026-10-01",
         "Amount": 31234.56},
        {"Invoice No": "INV-8001", "Customer ID": "C2", "Invoice Date": "2026-11-03",
         "Amount": 11400.00}])
    items = open_items(customers, invoices, frame("Payments", []), AS_OF)
    return match_statement(statement(*rows), items, customers, Policy())


def _writeoffs(result) -> list[float]:
    return [round(w, 2) for w in result.matches["Write-off"]]


def test_two_percent_of_the_amount_before_vat_taken_in_time_is_written_off():
    r = _match({"amount": 11200.00, "desc": "TRF FROM NILE FOODS CO INV-7001",
                "date": "2026-11-10"})
    assert allocations(r) == [("INV-7001", 11200.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [200.00]
    assert reason(r) == ("narrative names INV-7001; short by 200.00: the early-payment discount "
                         "of 200.00 its terms grant (2 % within 10 days, on the amount before "
                         "14% VAT), taken in time: write-off proposed as a discount")


def test_the_discount_on_the_total_is_still_read_on_the_total():
    r = _match({"amount": 11172.00, "desc": "INV-7001", "date": "2026-11-10"})
    assert allocations(r) == [("INV-7001", 11172.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [228.00]
    assert "(2 % within 10 days), taken in time" in reason(r)


def test_a_known_payer_naming_no_invoice_takes_the_discount_before_vat():
    r = _match({"amount": 11200.00, "desc": "TRF FROM NILE FOODS CO", "date": "2026-11-11"})
    assert allocations(r) == [("INV-7001", 11200.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [200.00]
    assert reason(r).startswith("payer by narrative name")


def test_two_invoices_less_their_discounts_before_vat_and_a_bank_charge():
    # 11,400.00 - 200.00 and 57,000.00 - 1,000.00, less a 15.00 charge
    r = _match({"amount": 67185.00, "desc": "PAYMENT INV-7001 INV-7002", "date": "2026-11-12"})
    assert allocations(r) == [("INV-7001", 11200.00, "early-discount", "Matched"),
                              ("INV-7002", 55985.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [200.00, 1015.00]
    assert "on the amount before 14% VAT) and 15.00 of charges within the fee tolerance" \
        in reason(r)


def test_taken_after_the_period_it_stays_open_on_the_invoice():
    r = _match({"amount": 11200.00, "desc": "INV-7001", "date": "2026-11-25"})
    assert allocations(r) == [("INV-7001", 11200.00, "partial", "Matched")]
    assert _writeoffs(r) == [0.0]
    assert reason(r).endswith("(2 % within 10 days, on the amount before 14% VAT), taken 12 "
                              "days after the discount period: not earned, left open on the "
                              "invoice")


def test_no_discount_granted_or_a_gap_of_no_base_is_no_discount():
    r = _match({"amount": 11200.00, "desc": "INV-8001", "date": "2026-11-10"})
    assert [m for _, _, m, _ in allocations(r)] == ["partial"]
    assert _writeoffs(r) == [0.0]
    # 150.00 short: 2 % of no base (228.00 of the total, 200.00, 217.14, 198.26 before VAT)
    r = _match({"amount": 11250.00, "desc": "INV-7001", "date": "2026-11-10"})
    assert [m for _, _, m, _ in allocations(r)] == ["partial"]
    assert _writeoffs(r) == [0.0]


def test_terms_written_in_the_discount_column_grant_the_discount():
    r = _match({"amount": 11200.00, "desc": "INV-7001", "date": "2026-11-10"}, column=True)
    assert allocations(r) == [("INV-7001", 11200.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [200.00]


# ------------------------------------------------------------------ from a workbook

def _book(path, terms, discount, headers=("Customer ID", "Name", "Currency", "Payment Terms",
                                          "Discount %"), sheets=("Customers", "Invoices")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheets[0]
    ws.append(list(headers))
    ws.append(["C1", "Nile Foods Co", "EGP", terms, discount])
    ws.append(["C2", "Delta Trading", "EGP", terms, 2])
    inv = wb.create_sheet(sheets[1])
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-7001", "C1", dt.date(2026, 11, 3), 11400])
    inv.append(["INV-8001", "C2", dt.date(2026, 11, 3), 11400])
    wb.save(path)
    return path


def test_a_master_writing_the_terms_in_its_discount_column(tmp_path, capsys):
    book = _book(tmp_path / "book.xlsx", "Net 30", "2/10 Net 30")
    master = read_book(book).customers
    assert master["Discount %"].tolist() == [2.0, 2.0]
    assert master[EARLY_DISCOUNT_COLUMN].tolist() == [EarlyDiscount(2.0, 10), None]
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n2026-11-10,TRF FROM NILE FOODS CO INV-7001,"
                    "11200.00\n2026-11-10,TRF FROM DELTA TRADING INV-8001,11200.00\n",
                    encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches")
    # a plain 2 in the Discount % column says no period: the gap stays open
    assert matches[["Invoice No", "Applied Amount", "Write-off", "Method", "Status"]
                   ].values.tolist() == [["INV-7001", 11200, 200, "early-discount", "Matched"],
                                         ["INV-8001", 11200, 0, "partial", "Matched"]]
    post = pd.read_excel(out, sheet_name="Receipts To Post")
    assert post[["Invoice No", "Amount", "Method"]].values.tolist() == [
        ["INV-7001", 11200, "Bank Transfer"], ["INV-7001", 200, "Discount"],
        ["INV-8001", 11200, "Bank Transfer"]]


def test_an_arabic_workbook_says_the_discount_was_on_the_amount_before_vat(tmp_path, capsys):
    book = _book(tmp_path / "book.xlsx", "خصم ٢٪ خلال ١٠ أيام صافي ٣٠", None,
                 ("رقم العميل", "اسم العميل", "العملة", "شروط الدفع", "ملاحظات"),
                 ("العملاء", "الفواتير"))
    wb = openpyxl.load_workbook(book)
    sheet = wb["الفواتير"]
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = (
        "رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ")
    wb.save(book)
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n2026-11-10,INV-7001,11200.00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches", header=1)
    assert matches["Method"].tolist() == ["early-discount"]
    assert ("خصم تعجيل الدفع 200.00 الذي تمنحه شروطه (2 % خلال 10 أيام، على المبلغ قبل "
            "ضريبة القيمة المضافة 14%)، أُخذ في موعده") in matches["Reason"].iat[0]


def test_before_vat_the_charge_on_top_must_be_whole():
    # 11,400.00 less 200.00 (2 % before 14 % VAT) and 15.00: the discount and a charge
    r = _match({"amount": 11185.00, "desc": "INV-7001", "date": "2026-11-10"})
    assert allocations(r) == [("INV-7001", 11185.00, "early-discount", "Matched")]
    assert _writeoffs(r) == [215.00]
    # 210.37 short: 200.00 and an odd 10.37 (nor 228.00 of the total): no discount
    r = _match({"amount": 11189.63, "desc": "INV-7001", "date": "2026-11-10"})
    assert [m for _, _, m, _ in allocations(r)] == ["partial"]
    assert _writeoffs(r) == [0.0]
