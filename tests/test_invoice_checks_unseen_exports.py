"""Invoice lists exported one row per line (Zoho Books, Xero) are the book's invoice lines
too: each line checked at its own row of the list, the invoice's own columns (its Total,
Balance) never read as a line's, drafts' and cancelled invoices' lines left out, and a
discount an export states twice (as a rate and as an amount) taken once."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets

AS_OF = D(2026, 11, 30).date()


def run(tmp_path, sheets):
    book = read_book(save_sheets(tmp_path / "book.xlsx", sheets))
    result = JOB.run(book, JobOptions(as_of=AS_OF))
    found = [(r["Invoice No"], int(r["Row"]), r["Field"], r["Code"], r["Sheet"], r["Message"])
             for _, r in result.tabs[0].frame.iterrows()]
    return found, book, result


ZOHO_HEAD = ["Invoice Date", "Invoice Number", "Invoice Status", "Customer Name", "Due Date",
             "Currency Code", "Item Name", "SKU", "Quantity", "Usage unit", "Item Price",
             "Discount(%)", "Discount Amount", "Item Tax %", "Item Tax Amount", "Item Total",
             "SubTotal", "Total", "Balance"]
CONTACTS = [["Display Name", "Customer Number", "Currency Code", "Payment Terms"],
            ["Al Futtaim Retail", "CUS-00001", "AED", 30],
            ["Emirates Catering", "CUS-00002", "AED", 15]]


def test_zoho_lines_are_checked_at_their_rows_of_the_invoice_list(tmp_path):
    rows = [ZOHO_HEAD,
            # INV-000101: two lines, right; the second line's discount stated twice
            ["2026-11-02", "INV-000101", "Sent", "Al Futtaim Retail", "2026-12-02", "AED",
             "Olive Oil 1L", "OO-1L", 120, "box", 85.0, 0, 0, 5, 510.0, 10200.0, 15800.0,
             16590.0, 16590.0],
            ["2026-11-02", "INV-000101", "Sent", "Al Futtaim Retail", "2026-12-02", "AED",
             "Dates 5kg", "DT-5", 40, "box", 140.0, 0, 0, 5, 280.0, 5600.0, 15800.0,
             16590.0, 16590.0],
            # INV-000102: 10 % off 2,550.00 is 255.00, stated as both; item total typed wrong
            ["2026-11-03", "INV-000102", "Sent", "Emirates Catering", "2026-11-18", "AED",
             "Olive Oil 1L", "OO-1L", 30, "box", 85.0, 10, 255.0, 5, 114.75, 2259.0, 2295.0,
             2409.75, 2409.75],
            ["2026-11-03", "INV-000102", "Sent", "Emirates Catering", "2026-11-18", "AED",
             "Delivery", "", 1, "", 0.0, 0, 0, 5, 0.0, 0.0, 2295.0, 2409.75, 2409.75],
            # INV-000103: a draft, its line wrong: never billed, not checked
            ["2026-11-04", "INV-000103", "Draft", "Emirates Catering", "2026-11-19", "AED",
             "Olive Oil 1L", "OO-1L", 10, "box", 85.0, 0, 0, 5, 42.5, 999.0, 850.0, 892.5,
             892.5],
            ["2026-11-04", "INV-000103", "Draft", "Emirates Catering", "2026-11-19", "AED",
             "Delivery", "", 1, "", 0.0, 0, 0, 5, 0.0, 0.0, 850.0, 892.5, 892.5]]
    found, book, result = run(tmp_path, {"Contacts": CONTACTS, "Invoices": rows})
    assert [f[:5] for f in found] == [
        ("INV-000102", 4, "Line Total", "LINE_TOTAL_MISMATCH", "Invoices"),
        ("INV-000102", 4, "Amount", "INVOICE_TOTAL_MISMATCH", "Invoices")]
    assert found[0][5] == ("Line total 2,259.00 should be 2,295.00 (30 × 85, discount 10%, tax "
                           "5%, before tax); difference -36.00")
    lines = book.tables["Invoice Lines"]
    assert lines.headers["Line Total"] == "Item Total"
    assert lines.headers["Unit Price"] == "Item Price"
    assert lines.frame["Invoice No"].tolist() == ["INV-000101"] * 2 + ["INV-000102"] * 2
    assert result.summary.startswith("Invoice checks on 3 invoices, 4 lines (read from the "
                                     "rows of 'Invoices'): 2 errors")


XERO_HEAD = ["*ContactName", "*InvoiceNumber", "*InvoiceDate", "*DueDate", "Total",
             "TaxTotal", "InvoiceAmountPaid", "InvoiceAmountDue", "InventoryItemCode",
             "*Description", "*Quantity", "*UnitAmount", "Discount", "LineAmount",
             "*AccountCode", "*TaxType", "TaxAmount", "Currency", "Type", "Status"]


def test_xero_export_lines_and_its_credit_note_rows(tmp_path):
    rows = [XERO_HEAD,
            ["Jumbo Electronics", "INV-0041", "03/11/2026", "03/12/2026", "21522.90",
             "1024.90", "0.00", "21522.90", "TV-55", "55in TV", 10, 1899.0, "", "18990.00",
             "200", "Standard Rated Income", "949.50", "AED", "Sales invoice", "AUTHORISED"],
            ["Jumbo Electronics", "INV-0041", "03/11/2026", "03/12/2026", "21522.90",
             "1024.90", "0.00", "21522.90", "INST", "Installation", 10, 150.0, "", "1508.00",
             "200", "Standard Rated Income", "75.40", "AED", "Sales invoice", "AUTHORISED"],
            ["Jumbo Electronics", "CN-0007", "05/11/2026", "05/11/2026", "3990.00", "190.00",
             "0.00", "3990.00", "TV-55", "55in TV returned", 2, 1900.0, "", "3800.00",
             "200", "Standard Rated Income", "190.00", "AED", "Sales credit note",
             "AUTHORISED"],
            ["Jumbo Electronics", "CN-0007", "05/11/2026", "05/11/2026", "3990.00", "190.00",
             "0.00", "3990.00", "", "Restocking fee waived", 1, 0.0, "", "0.00",
             "200", "Standard Rated Income", "0.00", "AED", "Sales credit note",
             "AUTHORISED"]]
    customers = [["Contact Name", "Currency", "Terms"], ["Jumbo Electronics", "AED", "30"]]
    found, book, _ = run(tmp_path, {"Customers": customers, "Invoices": rows})
    # installation: 10 x 150 = 1,500.00, typed 1,508.00 (Xero's line amounts are before
    # tax: the tax stated beside them, without a rate, is not taken for a rate of 0 %)
    assert found == [("INV-0041", 3, "Line Total", "LINE_TOTAL_MISMATCH", "Invoices",
                      "Line total 1,508.00 should be 1,500.00 (10 × 150, discount 0%, tax 0%, "
                      "before tax); difference 8.00")]
    assert book.invoices.set_index("Invoice No").loc["CN-0007", "Amount"] == -3990.0


def test_quickbooks_sales_by_customer_detail_as_the_invoice_lines(tmp_path):
    customers = [["Customer", "Terms"], ["Acme Corp", "Net 30"], ["Cobalt Inc", "Net 30"]]
    invoices = [["Type", "Date", "Num", "Name", "Due Date", "Amount"],
                ["Invoice", D(2026, 11, 1), "1041", "Acme Corp", D(2026, 12, 1), 5200.0],
                ["Invoice", D(2026, 11, 12), "1042", "Acme Corp", D(2026, 12, 12), 3100.0],
                ["Credit Memo", D(2026, 11, 20), "1043", "Cobalt Inc", D(2026, 11, 20), 400.0]]
    detail = [["Sample Co"], ["Sales by Customer Detail"], [],
              [None, None, "Type", "Date", "Num", "Memo", "Name", "Item", "Qty", "Sales Price",
               "Amount", "Balance"],
              ["Acme Corp"],
              [None, None, "Invoice", D(2026, 11, 1), "1041", "Widgets", "Acme Corp", "WID-100",
               100, 52.0, 5200.0, 5200.0],
              [None, None, "Invoice", D(2026, 11, 12), "1042", "Gadgets", "Acme Corp",
               "GAD-200", 20, 150.0, 3000.0, 8200.0],
              [None, None, "Invoice", D(2026, 11, 12), "1042", "Shipping", "Acme Corp", "SHIP",
               None, None, 150.0, 8350.0],  # shipping billed 150.00: the invoice says 100
              ["Total Acme Corp", None, None, None, None, None, None, None, 120, None, 8350.0,
               8350.0],
              ["Cobalt Inc"],
              [None, None, "Credit Memo", D(2026, 11, 20), "1043", "Return", "Cobalt Inc",
               "WID-100", -8, 50.0, -400.0, -400.0],
              ["Total Cobalt Inc", None, None, None, None, None, None, None, -8, None, -400.0,
               -400.0]]
    found, book, _ = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                                    "Invoice Lines": detail})
    assert found == [("1042", 3, "Amount", "INVOICE_TOTAL_MISMATCH", "Invoices",
                      "Invoice amount 3,100.00 does not equal its 2 line(s) with tax: "
                      "3,150.00; difference -50.00")]
    assert book.tables["Invoice Lines"].frame["Invoice No"].tolist() == [
        "1041", "1042", "1042", "1043"]
