"""A customer master keeping the Gulf's abbreviations (Dhs, SR, KD) instead of ISO codes: the
customer checks say what each was read as (an INVALID_CURRENCY Warning, as for ج.م or LE: the
contract's Currency is an ISO code), and every other job reads them as their codes, so an AED statement line pays the customer's invoice and a KD
invoice keeps its fils."""

from __future__ import annotations

import csv

import pandas as pd

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from tests.test_reader import _book


def _gulf_book(tmp_path):
    return _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["G1", "Gulf Star Trading", "Dhs", 30], ["K1", "Kuwait Supplies", "K.D.", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-7001", "G1", "2026-10-01", 12500], ["INV-7002", "K1", "2026-10-01",
                                                                1234.125]]})


def test_abbreviations_and_symbols_read_as_codes_are_warnings_saying_the_code(tmp_path):
    """One rule for every way a currency is written locally: what every job reads as its
    code (SR, Dhs, KD, LE, ج.م, L.E., د.إ) is a Warning that says the code it was read as (the
    contract's Currency is an ISO 4217 code; nothing breaks); what no job can read is an Error;
    an ISO code in lower case or with spaces around it is no finding."""
    written = ["SR", "Dhs", "KD", "LE", "ج.م", "L.E.", "د.إ", "XYZ", "RS", " egp "]
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      *[[f"C{i}", f"Trader {i}", c, 30] for i, c in enumerate(written, 1)]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C1", "2026-10-01", 100]]})
    assert read_book(path).customers["Currency"].tolist() == [
        "SAR", "AED", "KWD", "EGP", "EGP", "EGP", "AED", "XYZ", "RS", "EGP"]
    out = tmp_path / "checks.xlsx"
    assert main(["validate", str(path), "-o", str(out)]) == 0
    checks = pd.read_excel(out, sheet_name="Customer Checks", engine="calamine")
    flagged = checks[checks["Code"] == "INVALID_CURRENCY"]
    assert list(zip(flagged["Customer ID"], flagged["Cell"], flagged["Severity"],
                    strict=True)) == [
        *[(f"C{i}", f"C{i + 1}", "Warning") for i in range(1, 8)],
        ("C8", "C9", "Error"), ("C9", "C10", "Error")]
    assert flagged["Message"].tolist()[0] == (
        "Currency 'SR' of customer C1 (C2) is not an ISO 4217 code such as EGP, SAR or USD; "
        "read as SAR, write SAR.")
    assert flagged["Message"].tolist()[4] == (
        "Currency 'ج.م' of customer C5 (C6) is not an ISO 4217 code such as EGP, SAR or USD; "
        "read as EGP, write EGP.")
    assert flagged["Message"].tolist()[7:] == [
        "Currency 'XYZ' of customer C8 (C9) is not an ISO 4217 code such as EGP, SAR or USD.",
        "Currency 'RS' of customer C9 (C10) is not an ISO 4217 code such as EGP, SAR or USD."]


def test_an_aed_line_pays_the_dhs_customers_invoice(tmp_path):
    path = _gulf_book(tmp_path)
    statement = tmp_path / "bank.csv"
    with open(statement, "w", newline="") as fh:
        csv.writer(fh).writerows([["Date", "Description", "Amount", "Currency"],
                                  ["04/11/2026", "GULF STAR TRADING INV-7001", "12500.00",
                                   "AED"]])
    out = tmp_path / "rec.xlsx"
    assert main(["reconcile", str(path), "--bank", str(statement), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", engine="calamine")
    assert list(zip(m["Invoice No"], m["Applied Amount"], m["Status"], strict=True)) == [
        ("INV-7001", 12500.0, "Matched")]


def test_a_kd_invoice_keeps_its_fils(tmp_path):
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(_gulf_book(tmp_path)), "--as-of", "2026-11-30", "-o",
                 str(out)]) == 0
    aging = pd.read_excel(out, sheet_name="Aging", engine="calamine")
    assert aging.set_index("Customer ID").loc["K1", "Total"] == 1234.125
