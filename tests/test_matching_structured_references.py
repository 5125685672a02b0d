"""Structured creditor references (RF, Swiss QR, Belgian +++) read as the reference they carry.

Before, the check digits glued onto the reference: ``RF7812345`` for invoice 12345 was only an
amount-only suggestion of another invoice of the amount (12346), ``RF1620260077`` matched
nothing.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.matching.structured_references import readable, reference_read
from tests._workbooks import save_frames


@pytest.mark.parametrize(("printed", "read"), [
    ("RF7812345", "12345 "),
    ("PAYMENT RF7812345 INV", "PAYMENT 12345 INV"),
    ("RF18 5390 0754 7034", "539007547034 "),  # ISO 11649's own example, in groups of four
    ("RF18539007547034 THANKS", "539007547034 THANKS"),
    ("RF1620260077", "20260077 "),
    ("+++090/9337/55493+++", "909337554"),  # Belgian structured communication
    ("***090/9337/55493***", "909337554"),
])
def test_a_reference_whose_check_digits_hold_is_read_as_what_it_carries(printed, read):
    assert readable(printed) == read
    assert reference_read(printed) == read


@pytest.mark.parametrize(("reference", "read"), [
    ("000000000000000000000123457", "12345"),  # a QR reference: zeros, 12345, check digit 7
    ("00 00000 00000 00000 00001 23457", "12345"),  # the same, printed in groups
    ("000000000002016030002820804", "201603000282080"),  # PostFinance's fixture
])
def test_a_qr_reference_given_as_the_lines_reference(reference, read):
    assert reference_read(reference) == read


@pytest.mark.parametrize("printed", [
    "RF99 12345",  # check digits that do not hold: some other number, left as printed
    "+++090/9337/55494+++",
    "TRF 12345",  # RF inside a word
    "CHQ 648914 ACME TRADING",
    # 27 digits in a narrative are as often an account: an Egyptian IBAN is EG and 27 digits
    "TRF FROM EG640003235926887250792632531 INVOICES 205190",
    "000000000000000000000123457",
])
def test_anything_else_is_left_as_printed(printed):
    assert readable(printed) == printed


def test_a_reference_that_is_no_qr_reference_is_read_as_any_narrative():
    assert reference_read("000000000000000000000123458") == "000000000000000000000123458"
    assert reference_read("INV 10023 10024 10025 10026 1002") == "INV 10023 10024 10025 10026 1002"


def test_structured_references_pay_the_invoices_they_carry(tmp_path):
    customers = pd.DataFrame({"Customer ID": ["K1", "K2"], "Name": ["Muster AG", "Beispiel GmbH"],
                              "Currency": ["CHF", "CHF"]})
    # each customer has an invoice of each amount: the amount alone tells nothing
    invoices = pd.DataFrame({"Invoice No": ["12345", "12346", "2026-0077", "2026-0078"],
                             "Customer ID": ["K1", "K2", "K1", "K2"],
                             "Invoice Date": [pd.Timestamp("2026-10-15")] * 4,
                             "Amount": [500.0, 500.0, 800.0, 800.0]})
    statement = pd.DataFrame({"Date": ["05/11/2026"] * 3,
                              "Description": ["ZAHLUNG", "GUTSCHRIFT", "QR-ZAHLUNG"],
                              "Reference": ["RF7812345", "RF1620260077",
                                            "000000000000000000000123465"],
                              "Amount": [500.0, 800.0, 500.0]})
    book = save_frames(tmp_path / "b.xlsx", {"Customers": customers, "Invoices": invoices,
                                              "Bank Statement": statement})
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Bank Line": str, "Invoice No": str})
    assert list(zip(m["Bank Line"], m["Invoice No"], m["Applied Amount"], m["Method"],
                    m["Status"], strict=True)) == [
        ("1", "12345", 500.0, "reference", "Matched"),
        ("2", "2026-0077", 800.0, "reference", "Matched"),
        ("3", "12346", 500.0, "reference", "Matched")]
