"""Xero's reports head each document's own Reference 'Invoice Reference': free text on
invoices and credit notes alike (a PO, 'Returned pallets'). It was read as the invoice a
credit note corrects, so a credit note referenced 'Returned pallets' was reported as one for
an invoice not in the Invoices sheet. Worked out by hand: only a reference naming one of the
book's invoices is the credited invoice (CN-0004 and CN-0006 name INV-0012: together
10,100.00 against its 10,000.00, CN-0006 goes over by 100.00); the free text and a bare
'4471' (a PO of digits) are no invoice named, so no warning."""

from __future__ import annotations

from datetime import date, datetime

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

D = datetime


def test_a_free_text_invoice_reference_names_no_credited_invoice(tmp_path):
    path = save_sheets(tmp_path / "xero.xlsx", {
        "Customers": [["Customer ID", "Name"], ["Nile Foods", "Nile Foods"],
                      ["Delta Traders", "Delta Traders"]],
        "Invoices": [
            ["Contact", "Invoice Number", "Invoice Reference", "Invoice Date", "Due Date",
             "Invoice Total", "Type"],
            ["Nile Foods", "INV-0012", "PO 4471", D(2026, 10, 1), D(2026, 10, 31), 10000, "Invoice"],
            ["Nile Foods", "INV-0013", "Nov retainer", D(2026, 11, 10), D(2026, 12, 10), 3000,
             "Invoice"],
            ["Delta Traders", "INV-0014", "PO 7781", D(2026, 11, 15), D(2026, 12, 15), 8000,
             "Invoice"],
            ["Nile Foods", "CN-0003", "Returned pallets", D(2026, 11, 12), D(2026, 11, 12), 400,
             "Credit Note"],
            ["Nile Foods", "CN-0004", "INV-0012", D(2026, 11, 14), D(2026, 11, 14), 600,
             "Credit Note"],
            ["Delta Traders", "CN-0005", "4471", D(2026, 11, 16), D(2026, 11, 16), 250,
             "Credit Note"],
            ["Nile Foods", "CN-0006", "INV-0012", D(2026, 11, 18), D(2026, 11, 18), 9500,
             "Credit Note"]]})
    result = registry()["invoices"].run(read_book(path), JobOptions(as_of=date(2026, 11, 30)))
    checks = next(t.frame for t in result.tabs if t.name == "Invoice Checks")
    found = checks[checks["Code"].str.startswith("CREDIT_NOTE")]
    assert list(zip(found["Invoice No"], found["Code"], strict=True)) == [
        ("CN-0006", "CREDIT_NOTE_EXCEEDS_INVOICE")]
