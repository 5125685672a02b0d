"""Dynamics 365 Finance's Customer transactions (CustTrans) exported as they are: each
transaction's ledger type is 'Sales order' (an invoice posted from a sales order, a credit note
from a return), 'Free text invoice', 'Payment', 'Interest' (an interest note), with its own open
Balance. Worked out by hand at 30 November 2026: Contoso owes CIV-000231 12,600.00 (due 31
October: 1-30), its free text invoice settled by its payment (both Balance 0); Fabrikam owes
CIV-000245 8,400.00 (due 2 December: current) less its credit note of 1,050.00 (1-30) plus
an interest note of 52.50 (1-30) = 7,402.50; Litware holds 3,000.00 paid ahead. Total
17,002.50. Before: 'Sales order' was read as QuickBooks' sales order (nothing billed yet),
three rows counted 0 (the total -2,947.50), and 'Free text invoice' and 'Interest' were each
'no document type ar_excel reads'. A list naming its invoices as such beside a 'Sales Order'
(QuickBooks' transaction list) still counts the order 0: tests/test_h209_transaction_list_types.py."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

HEAD = ["Customer account", "Name", "Voucher", "Date", "Invoice", "Transaction type",
        "Description", "Amount in transaction currency", "Balance", "Currency", "Due date",
        "Closed"]
ROWS = [
    ["US-001", "Contoso Retail Dubai", "CINV-000231", "10/1/2026", "CIV-000231", "Sales order",
     "Invoice", "12,600.00", "12,600.00", "AED", "10/31/2026", None],
    ["US-001", "Contoso Retail Dubai", "ARP-000118", "10/20/2026", None, "Payment",
     "Payment, thank you", "-5,000.00", "0.00", "AED", "10/20/2026", "10/25/2026"],
    ["US-001", "Contoso Retail Dubai", "CINV-000240", "10/15/2026", "CIV-000240",
     "Free text invoice", "Service fee", "5,000.00", "0.00", "AED", "11/14/2026", "10/25/2026"],
    ["US-002", "Fabrikam Gulf", "CINV-000245", "11/2/2026", "CIV-000245", "Sales order",
     "Invoice", "8,400.00", "8,400.00", "AED", "12/2/2026", None],
    ["US-002", "Fabrikam Gulf", "CCN-000012", "11/5/2026", "CCN-000012", "Sales order",
     "Credit note - return", "-1,050.00", "-1,050.00", "AED", "11/5/2026", None],
    ["US-002", "Fabrikam Gulf", "INT-000003", "11/20/2026", "INT-000003", "Interest",
     "Interest note", "52.50", "52.50", "AED", "11/20/2026", None],
    ["US-003", "Litware Trading LLC", "ARP-000130", "11/10/2026", None, "Payment", "Prepayment",
     "-3,000.00", "-3,000.00", "AED", "11/10/2026", None]]
CUSTOMERS = [["Customer account", "Name", "Currency", "Terms of payment", "Credit limit"],
             ["US-001", "Contoso Retail Dubai", "AED", "Net30", 50000],
             ["US-002", "Fabrikam Gulf", "AED", "Net30", 20000],
             ["US-003", "Litware Trading LLC", "AED", "Net45", 10000]]


def test_dynamics_365_customer_transactions(tmp_path):
    book = read_book(save_sheets(tmp_path / "d365.xlsx", {
        "Customers": CUSTOMERS, "Customer transactions": [HEAD, *ROWS]}))
    assert [i.cell for i in book.issues if "document type" in i.message
            or "never touch" in i.message] == []
    result = registry()["aging"].run(book, JobOptions(as_of=date(2026, 11, 30)))
    aging = next(t.frame for t in result.tabs if t.name == "Aging").set_index("Customer ID")
    assert aging.loc[["US-001", "US-002", "US-003"], "Total"].tolist() == [12600, 7402.5,
                                                                         -3000]
    assert aging.loc["US-002", ["Current", "1-30"]].tolist() == [8400, -997.5]
    assert aging["Total"].sum() == 17002.5
