"""Receipts quoting the customer's purchase order (LPO / PO) or an invoice's payment reference
instead of our invoice number, through ``ar-excel reconcile`` on small books: the invoice list's
Customer PO / Payment Reference column files the invoices a quoted PO pays (one PO often covers
several invoices). Exact allocations, statuses, methods and reasons."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.matching.order_references import is_creditor_reference, order_key
from ar_excel.policy import Policy

CUSTOMERS = [("C1", "Al Noor Trading LLC"), ("C2", "Gulf Star Contracting"),
             ("C3", "Desert Rose Supplies")]


def _reconcile(tmp: Path, invoices: list[tuple], bank: list[tuple], *,
               po_header: str | None = "LPO No", bank_header: str = "Date,Description,Amount"
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Bank Matches and Unmatched Bank of ``ar-excel reconcile`` on a book of the three
    customers (AED) and ``invoices`` (number, customer, date, amount, PO), no receipts yet,
    against a CSV statement of ``bank`` rows (the PO column left out with no ``po_header``)."""
    book = tmp / "book.xlsx"
    columns = ["Invoice No", "Customer ID", "Invoice Date", "Amount"]
    rows = [list(r[:4]) for r in invoices]
    if po_header is not None:
        columns.append(po_header)
        rows = [list(r[:4]) + [r[4]] for r in invoices]
    with pd.ExcelWriter(book) as w:
        pd.DataFrame([(c, n, "AED", 30) for c, n in CUSTOMERS],
                     columns=["Customer ID", "Name", "Currency", "Payment Terms"]
                     ).to_excel(w, sheet_name="Customers", index=False)
        frame = pd.DataFrame(rows, columns=columns)
        frame["Invoice Date"] = pd.to_datetime(frame["Invoice Date"])
        frame.to_excel(w, sheet_name="Invoices", index=False)
        pd.DataFrame(columns=["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]
                     ).to_excel(w, sheet_name="Payments", index=False)
    statement = tmp / "bank.csv"
    statement.write_text(bank_header + "\n" + "\n".join(",".join(r) for r in bank) + "\n",
                         encoding="utf-8")
    out = tmp / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Invoice No": str})
    unmatched = pd.read_excel(out, sheet_name="Unmatched Bank")
    return matches, unmatched


def _rows(m: pd.DataFrame) -> list[tuple]:
    return list(zip(m["Invoice No"].astype(object).where(m["Invoice No"].notna(), None),
                    m["Customer ID"], m["Applied Amount"], m["Write-off"],
                    m["Method"], m["Status"], strict=True))


# C1's LPO 4512 covers two deliveries; C2 owes the very amounts too (the amount alone cannot
# tell who paid), and C1 has an invoice under another PO.
BOOK = [
    ("INV-1001", "C1", "2026-10-01", 4000.00, "LPO-4512"),
    ("INV-1002", "C1", "2026-10-08", 6500.00, "LPO-4512"),
    ("INV-1003", "C1", "2026-10-09", 2500.00, "LPO-4630"),
    ("INV-1004", "C2", "2026-10-02", 10500.00, "PO 77310"),
    ("INV-1005", "C2", "2026-10-03", 6500.00, None),
    ("INV-1006", "C3", "2026-10-04", 4000.00, None),
]


def test_lpo_quoted_in_arabic_indic_digits_pays_its_two_invoices(tmp_path):
    m, u = _reconcile(tmp_path, BOOK, [("2026-11-10", "تحويل وارد أمر شراء رقم ٤٥١٢",
                                        "10500.00")])
    assert _rows(m) == [("INV-1001", "C1", 4000.0, 0.0, "po-reference", "Matched"),
                        ("INV-1002", "C1", 6500.0, 0.0, "po-reference", "Matched")]
    assert set(m["Confidence"]) == {0.95}
    assert m["Reason"].iloc[0] == ("quotes PO LPO-4512 (of INV-1001, INV-1002); amount equals "
                                   "the open total of INV-1001, INV-1002")
    assert (u["Amount"] > 0).sum() == 0


@pytest.mark.parametrize(("header", "po", "narrative"), [
    ("PO Number", "4500012345", "INWARD TT YOUR REF 4500012345"),
    ("رقم أمر الشراء", "88231", "امر توريد 88231 شركة النور"),
    ("أمر التوريد", "٨٨٢٣١", "حوالة واردة امر توريد رقم 88231"),
    ("Customer PO", "PO-4500012345", "PO#4500012345"),
    ("Your Reference", "4500012345", "CUST REF 4500012345"),
    ("External Document No", "88231", "P.O. NO. 88231 NOV DELIVERY"),
    ("Cust PO #", "88231", "PURCHASE ORDER 88231"),
])
def test_po_columns_and_quotes_as_written(tmp_path, header, po, narrative):
    book = [("INV-8001", "C1", "2026-10-01", 3125.00, po),
            ("INV-8002", "C2", "2026-10-02", 3125.00, None)]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", narrative, "3125.00")], po_header=header)
    assert _rows(m) == [("INV-8001", "C1", 3125.0, 0.0, "po-reference", "Matched")]


def test_the_same_receipt_without_the_po_column_is_not_applied_for_sure(tmp_path):
    """The column absent: the reconciliation is what it was (C2's 10,500.00 invoice and C1's
    two deliveries both make the amount: nothing is certain)."""
    m, _ = _reconcile(tmp_path, BOOK, [("2026-11-10", "تحويل وارد أمر شراء رقم ٤٥١٢",
                                        "10500.00")], po_header=None)
    assert "po-reference" not in set(m["Method"])
    assert "Matched" not in set(m["Status"])


def test_without_the_column_the_matches_are_the_same_as_before(tmp_path):
    """Receipts that other rules settle come out the same with the PO column and without."""
    bank = [("2026-11-10", "TRANSFER INV-1003", "2500.00"),
            ("2026-11-11", "PAYMENT INV-1004 AND INV-1005", "17000.00"),
            ("2026-11-12", "DEPOSIT", "4000.00")]
    with_po, _ = _reconcile(tmp_path, BOOK, bank)
    without, _ = _reconcile(tmp_path, BOOK, bank, po_header=None)
    assert "po-reference" not in set(with_po["Method"])
    columns = ["Bank Line", "Invoice No", "Customer ID", "Applied Amount", "Method",
               "Confidence", "Status", "Reason"]
    pd.testing.assert_frame_equal(with_po[columns], without[columns])


def test_po_of_two_invoices_paid_for_one_only(tmp_path):
    m, _ = _reconcile(tmp_path, BOOK, [("2026-11-10", "PAYMENT AGAINST PO# 4512", "6500.00")])
    assert _rows(m) == [("INV-1002", "C1", 6500.0, 0.0, "po-reference", "Matched")]
    assert m["Reason"].iloc[0] == ("quotes PO LPO-4512 (of INV-1001, INV-1002); amount equals "
                                   "the open amount of INV-1002")


def test_po_quoted_with_a_bank_charge_deducted(tmp_path):
    m, _ = _reconcile(tmp_path, BOOK, [("2026-11-10", "INWARD TT LPO NO. 4512 CHGS 15",
                                        "10485.00")])
    assert _rows(m) == [("INV-1001", "C1", 4000.0, 0.0, "po-reference", "Matched"),
                        ("INV-1002", "C1", 6485.0, 15.0, "fee-writeoff", "Matched")]
    assert m["Reason"].iloc[1] == ("quotes PO LPO-4512 (of INV-1001, INV-1002); short by 15.00 "
                                   "within the fee tolerance: write-off proposed")


def test_part_payment_of_a_po_is_only_suggested(tmp_path):
    m, u = _reconcile(tmp_path, BOOK, [("2026-11-10", "P.O. NO. 4512 ON ACCOUNT", "5000.00")])
    assert _rows(m) == [("INV-1001", "C1", 4000.0, 0.0, "po-reference", "Suggested"),
                        ("INV-1002", "C1", 1000.0, 0.0, "po-reference", "Suggested")]
    assert set(m["Confidence"]) == {0.6}
    assert m["Reason"].iloc[0].endswith("pays less than their open total (10,500.00): applied "
                                        "oldest first, please confirm")
    assert (u["Amount"] > 0).sum() == 0


def test_paying_more_than_the_po_owes_is_suggested_with_the_rest_on_account(tmp_path):
    m, _ = _reconcile(tmp_path, BOOK, [("2026-11-10", "LPO 4512", "12000.00")])
    assert _rows(m) == [("INV-1001", "C1", 4000.0, 0.0, "po-reference", "Suggested"),
                        ("INV-1002", "C1", 6500.0, 0.0, "po-reference", "Suggested"),
                        (None, "C1", 1500.0, 0.0, "on-account", "Suggested")]
    # more than twice what the PO owes: not the PO's invoices being paid
    m, _ = _reconcile(tmp_path, BOOK, [("2026-11-10", "LPO 4512", "30000.00")])
    assert "po-reference" not in set(m["Method"])


def test_a_part_payment_from_another_customers_account_is_not_read_as_the_po(tmp_path):
    book = [("INV-6001", "C1", "2026-10-01", 5400.00, "LPO 88250"),
            ("INV-6003", "C2", "2026-09-01", 1200.00, None)]
    bank = [("2026-11-09", "INV-6003", "1200.00", "GULF STAR CONTRACTING",
             "AE070331234567890123456"),
            ("2026-11-10", "LPO 88250", "2000.00", "GULF STAR CONTRACTING",
             "AE070331234567890123456")]
    m, _ = _reconcile(tmp_path, book, bank, bank_header="Date,Description,Amount,Counterparty,"
                      "Counterparty Account")
    assert "po-reference" not in set(m["Method"])


def test_a_po_number_that_is_another_invoices_number(tmp_path):
    """C2's invoice is numbered 4512, C1's LPO is 4512 too: called a PO (LPO 4512) with an
    amount only C1's invoice has, it is C1's; where C2's invoice 4512 has the very amount, the
    PO does not decide."""
    book = [("4490", "C1", "2026-10-01", 2000.00, "LPO 4512"),
            ("4512", "C2", "2026-10-02", 3000.00, None),
            ("3377", "C3", "2026-10-03", 2000.00, None),
            ("4470", "C1", "2026-10-04", 3000.00, "4512")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "TRF LPO 4512", "2000.00")])
    assert _rows(m) == [("4490", "C1", 2000.0, 0.0, "po-reference", "Matched")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "TRF LPO 4512", "3000.00")])
    assert "po-reference" not in set(m["Method"])
    assert not ((m["Invoice No"] == "4470") & (m["Status"] == "Matched")).any()


def test_a_bare_number_that_is_an_invoice_number_is_not_read_as_the_po(tmp_path):
    """SAP-style numbers: C1's PO 90001234 is also the number of C2's invoice. Written bare,
    it is the invoice's number, never C1's PO."""
    book = [("90001111", "C1", "2026-10-01", 7250.00, "90001234"),
            ("90001234", "C2", "2026-10-02", 9100.00, None),
            ("90001300", "C3", "2026-10-03", 7250.00, None)]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "TRANSFER 90001234", "7250.00")])
    assert "po-reference" not in set(m["Method"])
    assert not ((m["Invoice No"] == "90001111") & (m["Status"] == "Matched")).any()


def test_a_long_po_written_bare_is_read(tmp_path):
    book = [("INV-2001", "C1", "2026-10-01", 7250.00, "4500012345"),
            ("INV-2002", "C3", "2026-10-03", 7250.00, None)]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "TRANSFER 4500012345 NOV", "7250.00")])
    assert _rows(m) == [("INV-2001", "C1", 7250.0, 0.0, "po-reference", "Matched")]
    assert m["Confidence"].iloc[0] == 0.9


@pytest.mark.parametrize("narrative", [
    "TRANSFER 20261110",  # a date printed in the narrative
    "CHQ 4500012 DEPOSIT",  # the customer's cheque
    "P.O. BOX 4512 DUBAI",  # a postal box, not a PO
])
def test_numbers_that_are_no_po(tmp_path, narrative):
    book = [("INV-3001", "C1", "2026-10-01", 7250.00, "PO 20261110"),
            ("INV-3002", "C1", "2026-10-02", 1000.00, "4500012"),
            ("INV-3003", "C1", "2026-10-03", 900.00, "4512"),
            ("INV-3004", "C3", "2026-10-04", 7250.00, None),
            ("INV-3005", "C3", "2026-10-04", 1000.00, None),
            ("INV-3006", "C3", "2026-10-04", 900.00, None)]
    amount = {"TRANSFER": "7250.00", "CHQ": "1000.00", "P.O.": "900.00"}[narrative.split()[0]]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", narrative, amount)])
    assert "po-reference" not in set(m["Method"])


def test_a_po_two_customers_share_decides_nothing(tmp_path):
    book = [("INV-4001", "C1", "2026-10-01", 3300.00, "PO-881"),
            ("INV-4002", "C2", "2026-10-02", 3300.00, "PO-881")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "PAYMENT PO 881", "3300.00")])
    assert "po-reference" not in set(m["Method"])
    assert "Matched" not in set(m["Status"])


def test_two_deliveries_of_the_same_amount_are_only_suggested(tmp_path):
    book = [("INV-5001", "C1", "2026-10-01", 1500.00, "LPO 9911"),
            ("INV-5002", "C1", "2026-10-05", 1500.00, "LPO 9911"),
            ("INV-5003", "C1", "2026-10-06", 800.00, "LPO 9911")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "LPO 9911", "1500.00")])
    assert _rows(m) == [("INV-5001", "C1", 1500.0, 0.0, "po-reference", "Suggested")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "LPO 9911", "2300.00")])
    assert _rows(m) == [("INV-5001", "C1", 1500.0, 0.0, "po-reference", "Suggested"),
                        ("INV-5003", "C1", 800.0, 0.0, "po-reference", "Suggested")]
    assert m["Reason"].iloc[0].endswith("amount equals the open total of INV-5001, INV-5003 "
                                        "(one of several sets of them): please confirm")
    # one set only: certain
    m, _ = _reconcile(tmp_path, book[1:] + [("INV-5004", "C1", "2026-10-07", 450.00, "LPO 9911")],
                      [("2026-11-10", "LPO 9911", "1950.00")])
    assert _rows(m) == [("INV-5002", "C1", 1500.0, 0.0, "po-reference", "Matched"),
                        ("INV-5004", "C1", 450.0, 0.0, "po-reference", "Matched")]
    assert set(m["Confidence"]) == {0.9}


def test_po_paid_from_another_customers_account_is_suggested(tmp_path):
    book = [("INV-6001", "C1", "2026-10-01", 5400.00, "LPO 88250"),
            ("INV-6003", "C2", "2026-09-01", 1200.00, None)]
    bank = [("2026-11-09", "INV-6003", "1200.00", "GULF STAR CONTRACTING",
             "AE070331234567890123456"),
            ("2026-11-10", "LPO 88250", "5400.00", "GULF STAR CONTRACTING",
             "AE070331234567890123456")]
    m, _ = _reconcile(tmp_path, book, bank, bank_header="Date,Description,Amount,Counterparty,"
                      "Counterparty Account")
    po = m[m["Method"] == "po-reference"]
    assert _rows(po) == [("INV-6001", "C1", 5400.0, 0.0, "po-reference", "Suggested")]
    assert po["Reason"].iloc[0] == (
        "quotes PO LPO 88250 (of INV-6001); amount equals the open amount; paid from the "
        "account of customer C2 (Gulf Star Contracting): paying for it? please confirm")


def test_rf_creditor_reference_in_a_camt_reference_field(tmp_path):
    """Odoo's payment reference (an RF creditor reference) on the invoice; the bank's camt.053
    carries it as the structured reference (Strd/CdtrRefInf/Ref), printed in groups."""
    book = [("INV/2026/00101", "C1", "2026-10-01", 1250.00, "RF18 5390 0754 7034"),
            ("INV/2026/00102", "C3", "2026-10-02", 1250.00, "RF71 1234 5600 0000 0000 0000")]
    xml = tmp_path / "camt.xml"
    xml.write_text(_CAMT.format(ref="RF18 5390 0754 7034", amount="1250.00"), encoding="utf-8")
    books = tmp_path / "book.xlsx"
    with pd.ExcelWriter(books) as w:
        pd.DataFrame([(c, n, "EUR", 30) for c, n in CUSTOMERS],
                     columns=["Customer ID", "Name", "Currency", "Payment Terms"]
                     ).to_excel(w, sheet_name="Customers", index=False)
        frame = pd.DataFrame(book, columns=["Number", "Partner", "Invoice Date", "Total",
                                            "Payment Reference"])
        frame["Invoice Date"] = pd.to_datetime(frame["Invoice Date"])
        frame.to_excel(w, sheet_name="Invoices", index=False)
        pd.DataFrame(columns=["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]
                     ).to_excel(w, sheet_name="Payments", index=False)
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(books), "--bank", str(xml), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Invoice No": str})
    assert _rows(m) == [("INV/2026/00101", "C1", 1250.0, 0.0, "payment-reference", "Matched")]
    assert m["Reason"].iloc[0] == ("quotes payment reference RF18 5390 0754 7034 (of "
                                   "INV/2026/00101); amount equals the open amount")


@pytest.mark.parametrize("narrative", [
    "SEPA CREDIT RF18 5390 0754 7034 THANK YOU",  # in groups, words after it
    "SEPA GUTSCHRIFT RF18539007547034",  # glued
    "rf18 5390 0754 7034",  # lower case
])
def test_rf_creditor_reference_in_the_narrative(tmp_path, narrative):
    """The RF reference an invoice's Payment Reference files it under, written in the
    narrative (a CSV export has no reference field): the invoice it names, although the two
    invoices have the same amount. (The line's numbers hold what the RF carries, 539007547034,
    not the RF: the reference is read from the narrative as printed.)"""
    book = [("INV-2101", "C1", "2026-10-01", 1250.00, "RF18 5390 0754 7034"),
            ("INV-2102", "C3", "2026-10-02", 1250.00, "RF71 1234 5600 0000 0000 0000")]
    m, u = _reconcile(tmp_path, book, [("2026-11-10", narrative, "1250.00")],
                      po_header="Payment Reference")
    assert _rows(m) == [("INV-2101", "C1", 1250.0, 0.0, "payment-reference", "Matched")]
    assert m["Reason"].iloc[0] == ("quotes payment reference RF18 5390 0754 7034 (of "
                                   "INV-2101); amount equals the open amount")
    assert u.empty


def test_rf_reference_whose_check_digits_fail_names_no_invoice(tmp_path):
    book = [("INV-2101", "C1", "2026-10-01", 1250.00, "RF18 5390 0754 7034"),
            ("INV-2102", "C3", "2026-10-02", 1250.00, "RF71 1234 5600 0000 0000 0000")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "SEPA CREDIT RF19 5390 0754 7034",
                                        "1250.00")], po_header="Payment Reference")
    assert "payment-reference" not in set(m["Method"])


def test_arabic_workbook_words_the_reason_in_arabic(tmp_path):
    from ar_excel.io.reasons_ar import arabic_reason

    assert arabic_reason("quotes PO LPO-4512 (of INV-1001, INV-1002); amount equals the open "
                         "total of INV-1001, INV-1002") == (
        "يذكر أمر الشراء LPO-4512 (لـ INV-1001, INV-1002)؛ المبلغ يساوي إجمالي المفتوح لـ "
        "INV-1001, INV-1002")
    assert arabic_reason("quotes payment reference RF18 (of INV-1); pays less than their open "
                         "total (10,500.00): applied oldest first, please confirm") == (
        "يذكر مرجع الدفع RF18 (لـ INV-1)؛ يدفع أقل من إجمالي المفتوح منها (10,500.00): طُبّق "
        "على الأقدم أولاً، يُرجى التأكيد")
    assert arabic_reason("quotes PO 9911 (of A, B, C); amount equals the open total of A, C (one "
                         "of several sets of them): please confirm") == (
        "يذكر أمر الشراء 9911 (لـ A, B, C)؛ المبلغ يساوي إجمالي المفتوح لـ A, C (إحدى عدة "
        "مجموعات منها): يُرجى التأكيد")


def test_a_po_like_its_own_invoices_number_is_left_to_the_number_rules(tmp_path):
    """INV-4512 under PO 4512 (or a payment reference that is the invoice's number, as Odoo's
    is by default): the invoice-number rules, which run first, settle it as before."""
    book = [("INV-4512", "C1", "2026-10-01", 2150.00, "4512"),
            ("INV-4600", "C3", "2026-10-02", 2150.00, None),
            ("INV-4700", "C2", "2026-10-03", 990.00, "INV-4700")]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "TRANSFER PO 4512", "2150.00"),
                                       ("2026-11-11", "PAYMENT INV-4700", "990.00")])
    assert _rows(m) == [("INV-4512", "C1", 2150.0, 0.0, "reference", "Matched"),
                        ("INV-4700", "C2", 990.0, 0.0, "reference", "Matched")]


def test_a_short_cheque_number_in_the_reference_column_is_no_po(tmp_path):
    """A bank export's Check Number column is read as the Reference: 4512 there is the
    cheque's number as often as the PO's."""
    book = [("INV-7001", "C1", "2026-10-01", 2150.00, "4512"),
            ("INV-7002", "C3", "2026-10-02", 2150.00, None)]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "CHEQUE DEPOSIT", "2150.00", "4512")],
                      bank_header="Date,Description,Amount,Check Number")
    assert "po-reference" not in set(m["Method"])
    # a long one in the Reference column is the customer's reference
    book = [("INV-7001", "C1", "2026-10-01", 2150.00, "4500098765"),
            ("INV-7002", "C3", "2026-10-02", 2150.00, None)]
    m, _ = _reconcile(tmp_path, book, [("2026-11-10", "INWARD TRANSFER", "2150.00",
                                        "4500098765")],
                      bank_header="Date,Description,Amount,Customer Reference")
    assert _rows(m) == [("INV-7001", "C1", 2150.0, 0.0, "po-reference", "Matched")]
    assert m["Confidence"].iloc[0] == 0.95


POS = ["LPO-4512", "PO 77310", "4500012345", "RF18 5390 0754 7034", None]
# What a line quotes, and the PO (its key) that is.
QUOTES = {"LPO 4512": "4512", "PO#77310": "77310", "4500012345": "4500012345",
          "RF18539007547034": "RF18539007547034", "P.O. NO. 4512": "4512",
          "أمر شراء رقم ٤٥١٢": "4512", "PAYMENT": None}


@st.composite
def _po_books(draw):
    customers = pd.DataFrame({"Customer ID": ["C1", "C2", "C3"],
                              "Name": [n for _, n in CUSTOMERS], "Currency": "AED",
                              "Payment Terms": pd.array([30] * 3, dtype="Int64"),
                              "_row": [2, 3, 4]})
    n = draw(st.integers(1, 8))
    amounts = draw(st.lists(st.sampled_from([400000, 650000, 250000, 1050000, 123456]),
                            min_size=n, max_size=n))
    po = [draw(st.sampled_from(POS)) for _ in range(n)]
    invoices = pd.DataFrame({
        "Invoice No": [f"INV-{1001 + i}" for i in range(n)],
        "Customer ID": [draw(st.sampled_from(["C1", "C2", "C3"])) for _ in range(n)],
        "Invoice Date": pd.to_datetime([f"2026-10-{1 + i:02d}" for i in range(n)]),
        "Due Date": pd.to_datetime([None] * n), "Currency": None,
        "Amount": [a / 100 for a in amounts], "Customer PO": po, "_row": range(2, n + 2)})
    payments = pd.DataFrame(columns=["Payment ID", "Customer ID", "Date", "Amount",
                                     "Invoice No", "_row"])
    rows = []
    for k in range(draw(st.integers(1, 6))):
        quoted = draw(st.sampled_from(sorted(QUOTES)))
        picked = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        total = sum(amounts[i] for i in picked)
        amount = total - draw(st.sampled_from([0, 0, 1500, 200000, -50000]))
        rows.append({"Bank Line": f"B{k}", "Date": pd.Timestamp("2026-11-05"),
                     "Amount": amount / 100, "Currency": "AED", "Description": f"TRF {quoted}",
                     "Reference": None, "Counterparty": None, "Counterparty Account": None,
                     "Statement": "S", "Line No": k + 1})
    return customers, invoices, payments, pd.DataFrame(rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_po_books())
def test_po_receipts_conserve_money_and_settle_only_their_pos_invoices(book):
    customers, invoices, payments, lines = book
    items = open_items(customers, invoices, payments, pd.Timestamp("2026-11-30"))
    assert "Customer PO" in items or invoices["Customer PO"].isna().all()
    r = match_statement(lines, items, customers, Policy())
    m = r.matches
    opened = items.set_index("Invoice No")["Open Amount"]
    taken = (m["Applied Amount"] + m["Write-off"]).groupby(m["Invoice No"]).sum()
    assert all(v <= opened[k] + 0.005 for k, v in taken.items())
    amount = lines.set_index("Bank Line")["Amount"]
    applied = m.groupby("Bank Line")["Applied Amount"].sum()
    left = r.unmatched.set_index("Bank Line")["Unallocated Amount"]
    for line, value in amount.items():
        if value > 0:  # (a debit is never applied)
            assert abs(applied.get(line, 0.0) + (left.get(line, 0.0) or 0.0) - value) < 0.005
        else:
            assert line not in applied
    po_of = dict(zip(invoices["Invoice No"], invoices["Customer PO"].map(order_key), strict=True))
    quoted = dict(zip(lines["Bank Line"], lines["Description"], strict=True))
    for line, rows in m[m["Method"].isin(["po-reference", "fee-writeoff"])].groupby("Bank Line"):
        if "po-reference" not in set(rows["Method"]):
            continue
        # one customer's invoices, all filed under the PO the line quotes
        assert rows["Customer ID"].nunique() == 1
        keys = {po_of[i] for i in rows["Invoice No"]}
        assert keys == {QUOTES[quoted[line].removeprefix("TRF ")]}
        if (rows["Status"] == "Matched").all():
            # applied for sure: the invoices are settled, the receipt used in full
            assert abs(rows["Applied Amount"].sum() - amount[line]) < 0.005
            for _, row in rows.iterrows():
                assert abs(row["Applied Amount"] + row["Write-off"] - opened[row["Invoice No"]]
                           ) < 0.005


@pytest.mark.parametrize(("written", "key"), [
    ("LPO-4512", "4512"), ("PO 0004512", "4512"), ("P.O. NO. 88231", "88231"),
    ("أمر شراء رقم ٤٥١٢", "4512"), ("امر توريد 88231", "88231"), ("LPO/2026/118", "2026118"),
    ("RF18 5390 0754 7034", "RF18539007547034"), ("PO BOX", ""), ("N/A", "")])
def test_order_keys(written, key):
    assert order_key(written) == key


def test_creditor_reference_check_digits():
    assert is_creditor_reference("RF18539007547034")
    assert not is_creditor_reference("RF19539007547034")


_CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-10T18:00:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>S1</Id><CreDtTm>2026-11-10T18:00:00</CreDtTm>
   <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
   <Ntry>
    <Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><Dt>2026-11-10</Dt></BookgDt><ValDt><Dt>2026-11-10</Dt></ValDt>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
     <RltdPties><Dbtr><Nm>Muster GmbH</Nm></Dbtr></RltdPties>
     <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp>
      <Ref>{ref}</Ref></CdtrRefInf></Strd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""
