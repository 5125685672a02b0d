"""A returned cheque recorded in Payments without its invoice (Method 'شيك مرتد', the cheque's
number in Reference, amount negative) takes back the receipt of the same cheque: that invoice
is unpaid again from its own due date and gets its letter. Before, the row was a 10,000.00
debit on account that no dunning letter, forecast or overdue figure looked at."""

from __future__ import annotations

from datetime import datetime as D

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.aging import JOB as AGING
from ar_excel.jobs.collections import JOB as COLLECTIONS
from tests._workbooks import save_sheets

AS_OF = D(2026, 10, 31).date()


def _book(tmp_path, return_reference: str = "4411", customer: str = "K1"):
    return read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["K1", "Bounce Co", "EGP", 30], ["K2", "Other Co", "EGP", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "K1", D(2026, 8, 1), 10000], ["I-2", "K1", D(2026, 9, 20), 6000],
                     ["I-3", "K2", D(2026, 8, 1), 4000]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                      "Cheque No"],
                     ["P-1", "K1", D(2026, 9, 25), 10000, "I-1", "Cheque", 4411],
                     ["P-2", customer, D(2026, 10, 6), -10000, None, "شيك مرتد",
                      return_reference],
                     ["P-3", "K2", D(2026, 9, 10), 4000, "I-3", "Cheque", "7001"]],
    }))


def _tabs(book) -> dict:
    options = JobOptions(as_of=AS_OF)
    tabs = {t.name: t.frame for t in AGING.run(book, options).tabs}
    tabs.update({t.name: t.frame for t in COLLECTIONS.run(book, options).tabs})
    return tabs


def test_the_returned_cheque_reopens_the_invoice_it_paid(tmp_path) -> None:
    tabs = _tabs(_book(tmp_path))
    detail = tabs["Aging Detail"]
    k1 = detail[detail["Customer ID"] == "K1"]
    assert k1[["Item Type", "Document No", "Open Amount", "Days Past Due"]].values.tolist() == [
        ["Invoice", "I-1", 10000.0, 61], ["Invoice", "I-2", 6000.0, 11]]
    dunning = tabs["Dunning"].set_index("Customer ID").loc["K1"]
    assert (dunning["Overdue Amount"], dunning["Days Overdue"], dunning["Overdue Invoices"]) \
        == (16000.0, 61, 2)


def test_another_cheques_return_or_customers_is_left_on_account(tmp_path) -> None:
    for kwargs in ({"return_reference": "4412"}, {"customer": "K2", "return_reference": "4411"}):
        tabs = _tabs(_book(tmp_path, **kwargs))
        detail = tabs["Aging Detail"]
        invoices = detail[detail["Item Type"] == "Invoice"]
        assert invoices["Document No"].tolist() == ["I-2"]  # I-1 stays paid (I-3 by P-3)
        # 6,000 owed on I-2 and the returned 10,000 as a debit on account, as before
        assert round(float(detail["Open Amount"].sum()), 2) == 16000.0
