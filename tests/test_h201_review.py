"""Review of session 29's reader and ledger changes (helper-201).

A receipt is kept off an invoice of another currency (fa77163, 20d9372) only where both
currencies are said: a Currency cell that is no currency says none, as the invoice reader
reads one as blank. By hand, as of 30 November 2026:

* Nile Foods (USD) pays E-1 (USD 50,000) with R1 of 20,000, its Currency cell 'CHQ' (the
  method typed in the wrong column): no currency, so R1 is in E-1's, USD; E-1 has 30,000
  open, and no Input Issue says R1 is kept off E-1 (before: 'a receipt in CHQ names invoice
  E-1, which is in USD: none of it is applied', while the ledger applied it).
* Nile Foods kept with Currency 'محلي' (local: no ISO code) pays E-1 (50,000, no Currency)
  with R1 EGP 20,000: E-1 has 30,000 open and nothing is on account (before: E-1 50,000 open
  and R1 -20,000 on account in EGP, 'which is in محلي: none of it is applied'). The payment
  history reads it so too: E-2 (20,000) paid in full by R2 EGP 20,000 on 10 November.
* A receipt's Currency that is no currency ('CHQ') is read as blank and said at its cells,
  as an invoice's is (was: read so in silence): "'CHQ' is not a currency (...): read as
  blank, the receipt in the currency of the invoice it names, else its customer's (F2, F3)".
  'دينار' (which dinar, the book says) is no mistake: blank, unsaid.

Document type codes (d441ce8) name money received in a type column; a running ledger's
narration opening so is read as a receipt too, but there 'On account of rate difference'
gives a credit note's reason (because of), and 'PY rebate reversed' a prior year's: CN-7
(-1,000.00) is a Credit Note, as before d441ce8 (it read as a Payment). A narration naming
money received ('Receipt 7781', 'On Account', 'Customer Deposit') is still a Payment.

An aging detail with no total column (62e44cb) has each invoice's Amount as the sum of its
age-band cells, but only bands headed in days were bands: MYOB's 'Current, 30 Days, 60 Days,
90+ Days', Xero's '< 1 Month, 1 Month, 2 Months, Older', a band in years ('Over 1 Year',
'أكثر من سنة') or 'Over 90 Days Overdue' left that column unread, so I3 (1,200.00, its amount
in that band alone) was dropped, said only as 'Current is required but blank', and an invoice
in MYOB's '30 Days' likewise. By hand: C1 5,000.00 + 2,500.00 = 7,500.00, C2 1,200.00.

A column headed 'Due' beside the Due Date is Xero's amount still due (8939cb9) only where
each is what may still be due of its invoice, between nothing and its Amount: a hand-kept
list's 'Due' counting the days to the due date (1; -60, 60 days late) made I1's 5,000.00
open 1.00 and I2 (2,500.00) vanish. By hand: I1 5,000.00, I2 2,500.00 open.

Credit Requests Review counts an invoice a receipt paid as part-paid while it is open
(783f6c1); it looked the number up among every customer's open invoices: Nile Foods paid its
1001 (10,000.00) in full, Delta Trading's own 1001 (8,000.00) is open, and Nile's review read
'over 1 part-paid invoice(s)', Paid Invoices 0. By hand: Paid Invoices 1, 'pays on time on
average over 1 paid invoice(s)'.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime as D
from pathlib import Path

import pytest

from ar_excel.core.collections.risk import paid_history
from ar_excel.core.credit_requests import payment_record
from ar_excel.core.kpis import mover_currencies
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)


def _book(path: Path, customer_ccy: str, receipt_ccy: str):
    return read_book(save_sheets(path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["E1", "Nile Foods", customer_ccy, 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["E-1", "E1", D(2026, 10, 1), 50000],
                     ["E-2", "E1", D(2026, 10, 5), 20000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Currency"],
                     ["R1", "E1", D(2026, 11, 5), 20000, "E-1", receipt_ccy],
                     ["R2", "E1", D(2026, 11, 10), 20000, "E-2", receipt_ccy]]}))


def _open(book) -> list[list]:
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    return items[["Document No", "Open Amount"]].values.tolist()


def _kept_off(book) -> list[str]:
    return [i.cell for i in book.issues if "none of it is applied" in i.message]


def test_a_receipt_currency_that_is_no_currency_is_not_said_to_keep_it_off(tmp_path):
    book = _book(tmp_path / "chq.xlsx", "USD", "CHQ")
    assert _open(book) == [["E-1", 30000.0]]
    assert _kept_off(book) == []


def test_a_customer_currency_that_is_no_currency_keeps_no_receipt_off(tmp_path):
    book = _book(tmp_path / "local.xlsx", "محلي", "EGP")
    assert _open(book) == [["E-1", 30000.0]]
    assert _kept_off(book) == []
    paid = paid_history(book.invoices, book.payments, due_dates(book.invoices, book.customers),
                        AS_OF, mover_currencies(book.payments, book.customers, book.invoices),
                        book.customers)
    assert paid[["Invoice No", "Amount"]].values.tolist() == [["E-2", 20000.0]]
    assert paid["Paid Date"].tolist() == [D(2026, 11, 10)]


def test_a_receipt_in_another_said_currency_is_still_kept_off(tmp_path):
    book = _book(tmp_path / "usd.xlsx", "EGP", "USD")
    assert _open(book) == [["E-1", 50000.0], ["E-2", 20000.0], ["R1", -20000.0],
                           ["R2", -20000.0]]
    assert _kept_off(book) == ["F2", "F3"]


@pytest.mark.parametrize(("narration", "kind"), [
    ("On account of rate difference", "Credit Note"), ("PY rebate reversed", "Credit Note"),
    ("UC 2025 accrual", "Credit Note"), ("Credit note - rate difference", "Credit Note"),
    ("Receipt 7781", "Payment"), ("On Account", "Payment"), ("Customer Deposit", "Payment"),
    ("Prepayment - cheque 44", "Payment")])
def test_a_narration_opening_with_a_type_code_or_a_reason_is_no_receipt(tmp_path, narration,
                                                                       kind):
    book = read_book(save_sheets(tmp_path / "ledger.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Description", "Amount"],
                     ["INV-1", "C1", D(2026, 11, 2), "Sales invoice", 10000],
                     ["CN-7", "C1", D(2026, 11, 10), narration, -1000]]}))
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    assert items[["Document No", "Item Type", "Open Amount"]].values.tolist() == [
        ["INV-1", "Invoice", 10000.0], ["CN-7", kind, -1000.0]]


@pytest.mark.parametrize("bands", [
    ["Current", "1-30", "31-60", "61-90", "Over 1 Year"],
    ["Current", "1-30", "31-60", "61-90", "> 1 Year"],
    ["Current", "1-30 Days Past Due", "31-60 Days Past Due", "61-90 Days Past Due",
     "Over 90 Days Past Due"],
    ["Current", "30 Days", "60 Days", "90 Days", "90+ Days"],  # MYOB
    ["Current", "< 1 Month", "1 Month", "2 Months", "Older"],  # Xero
    ["جاري", "1-30 يوم", "31-60 يوم", "61-90 يوم", "أكثر من سنة"],
    ["Current", "1-30", "31-60", "1-2 Years", "Over 2 Years"]])
def test_each_age_band_of_an_aging_detail_is_summed(tmp_path, bands):
    rows = [["I1", "C1", D(2026, 11, 20), 5000, None, None, None, None],
            ["I2", "C1", D(2026, 10, 20), None, 2500, None, None, None],
            ["I3", "C2", D(2024, 8, 1), None, None, None, None, 1200]]
    book = read_book(save_sheets(tmp_path / "aging.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Trading"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", *bands], *rows]}))
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    assert items[["Document No", "Open Amount"]].values.tolist() == [
        ["I1", 5000.0], ["I2", 2500.0], ["I3", 1200.0]]
    assert [i.message for i in book.issues] == []


def test_a_receipt_currency_that_is_no_currency_is_said_at_its_cells(tmp_path):
    book = _book(tmp_path / "chq.xlsx", "USD", "CHQ")
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [(
        "Payments", "F2", "'CHQ' is not a currency (an ISO code such as EGP, SAR or USD): read "
                          "as blank, the receipt in the currency of the invoice it names, else "
                          "its customer's (F2, F3)")]
    assert book.payments["Currency"].tolist() == [None, None]
    dinars = _book(tmp_path / "kwd.xlsx", "KWD", "دينار")
    assert [i.message for i in dinars.issues] == []
    assert _open(dinars) == [["E-1", 30000.0]]


def test_a_due_column_of_days_is_no_balance(tmp_path):
    book = read_book(save_sheets(tmp_path / "days.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Due"],
                     ["I1", "C1", D(2026, 11, 1), D(2026, 12, 1), 5000, 1],
                     ["I2", "C1", D(2026, 9, 1), D(2026, 10, 1), 2500, -60]]}))
    assert "Balance" not in book.tables["Invoices"].headers
    assert _open(book) == [["I1", 5000.0], ["I2", 2500.0]]


def test_a_paid_invoice_is_not_part_paid_for_another_customers_of_its_number(tmp_path):
    book = read_book(save_sheets(tmp_path / "numbers.xlsx", {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["A", "Nile Foods", 30],
                      ["B", "Delta Trading", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["1001", "A", D(2026, 9, 1), 10000], ["1001", "B", D(2026, 10, 1), 8000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["R1", "A", D(2026, 10, 1), 10000, "1001"]]}))
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    record = payment_record(book.customers, book.invoices, book.payments, AS_OF, items)
    assert record.loc["A", ["Paid Invoices", "Part Paid"]].tolist() == [1, 0]
