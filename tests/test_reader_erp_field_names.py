"""Exports under an ERP's own column names: SAP tables dumped with their technical field
names (SE16N: KNA1 / KNKK for the customer master, BSID for the open items, with the
debit/credit indicator SHKZG beside unsigned amounts), Tally's short headings (Vch No.),
SAP's short currency heading (LCurr) and ERPNext's Payment Entry list, whose "Mode of
Payment" is the method and "Payment Type" (Receive / Pay) the direction."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _aging(book) -> dict[str, list[float]]:
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()
            if isinstance(r["Customer ID"], str)}


def test_sap_tables_exported_under_their_technical_field_names(tmp_path):
    path = save_sheets(tmp_path / "se16n.xlsx", {
        "KNA1": [["KUNNR", "NAME1", "ORT01", "LAND1", "STCEG", "ZTERM", "KLIMK", "WAERS"],
                 ["0000100001", "Nile Foods", "Cairo", "EG", "EG123456789", "NT30", "20000.00",
                  "EGP"],
                 ["0000100002", "Delta Traders", "Alexandria", "EG", "EG987654321", "NT30",
                  "5000.00", "EGP"],
                 ["0000100003", "Sinai Build", "Suez", "EG", None, "NT30", None, "EGP"]],
        "BSID": [["BUKRS", "KUNNR", "BELNR", "GJAHR", "BLART", "BLDAT", "DMBTR", "SHKZG",
                  "WAERS", "ZUONR"],
                 ["1000", "0000100001", "1800000052", "2026", "RV", "01.10.2026", "10000.00",
                  "S", "EGP", "INV52"],
                 ["1000", "0000100001", "1800000063", "2026", "RV", "10.11.2026", "5000.00",
                  "S", "EGP", "INV63"],
                 ["1000", "0000100001", "1400000027", "2026", "DZ", "20.11.2026", "2000.00",
                  "H", "EGP", "INV63"],
                 ["1000", "0000100002", "1800000031", "2026", "RV", "15.09.2026", "8000.00",
                  "S", "EGP", "INV31"],
                 ["1000", "0000100003", "1800000070", "2026", "RV", "20.11.2026", "12000.00",
                  "S", "EGP", "INV70"]]})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == []
    customers = book.customers
    assert customers[["Customer ID", "Name", "City", "Country", "Tax ID", "Currency",
                      "Payment Terms", "Credit Limit"]].fillna(0).values.tolist() == [
        ["0000100001", "Nile Foods", "Cairo", "EG", "EG123456789", "EGP", 30, 20000],
        ["0000100002", "Delta Traders", "Alexandria", "EG", "EG987654321", "EGP", 30, 5000],
        ["0000100003", "Sinai Build", "Suez", "EG", 0, "EGP", 30, 0]]
    inv = book.invoices
    assert inv[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["1800000052", "0000100001", 10000], ["1800000063", "0000100001", 5000],
        ["1400000027", "0000100001", -2000], ["1800000031", "0000100002", 8000],
        ["1800000070", "0000100003", 12000]]
    assert inv["Invoice Date"].dt.strftime("%d/%m/%Y").tolist()[:2] == ["01/10/2026",
                                                                          "10/11/2026"]
    assert _aging(book) == {"0000100001": [5000, 8000, 0, 0, 0, 13000],
                            "0000100002": [0, 0, 8000, 0, 0, 8000],
                            "0000100003": [12000, 0, 0, 0, 0, 12000]}


def test_short_headings_of_tally_and_sap(tmp_path):
    path = save_sheets(tmp_path / "short.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Vch No.", "Customer ID", "Date", "LCurr", "Amount"],
                     ["NT/041", "C1", "01/11/2026", "USD", 100.0]]})
    book = read_book(path)
    assert book.invoices[["Invoice No", "Currency"]].values.tolist() == [["NT/041", "USD"]]
    assert book.tables["Invoices"].headers["Invoice No"] == "Vch No."


def test_erpnext_payment_entry_mode_of_payment_is_the_method(tmp_path):
    path = save_sheets(tmp_path / "erpnext.xlsx", {
        "Customer": [["ID", "Customer Name", "Default Currency"],
                     ["CUST-00001", "Nile Foods", "EGP"]],
        "Sales Invoice": [["ID", "Customer", "Posting Date", "Due Date", "Grand Total"],
                          ["ACC-SINV-2026-00052", "CUST-00001", "2026-10-01", "2026-10-31",
                           10000]],
        "Payment Entry": [
            ["ID", "Payment Type", "Posting Date", "Party Type", "Party", "Paid Amount",
             "Status", "Mode of Payment"],
            ["ACC-PAY-2026-00019", "Receive", "2026-10-05", "Customer", "CUST-00001", 4000,
             "Submitted", "Cheque"],
            ["ACC-PAY-2026-00020", "Pay", "2026-10-06", "Customer", "CUST-00001", 500,
             "Submitted", "Wire Transfer"],
            ["ACC-PAY-2026-00028", "Pay", "2026-11-21", "Supplier", "SUP-0004", 750,
             "Submitted", "Cash"]]})
    book = read_book(path)
    assert book.payments[["Payment ID", "Amount", "Method"]].values.tolist() == [
        ["ACC-PAY-2026-00019", 4000, "Cheque"], ["ACC-PAY-2026-00020", -500, "Wire Transfer"]]
    assert [(i.cell, i.message) for i in book.issues] == [
        ("D4", "1 payment(s) paid to or by a vendor, supplier or employee, not a customer: "
               "not read as receipts (D4)"),
        ("B3", "1 payment(s) sent to customers (refunds): read as money paid out, their "
               "amounts negative (B3)")]
