"""Customer ledgers as ERPs export them: Odoo's Partner Ledger (the layout of Odoo 14-16, each
line's date in the unlabelled first column, and Odoo 17's, each line's document there, its
matching numbers tying payments to invoices) and Tally's Ledger Vouchers, a sheet per party.

The ledger is the same in each (as of 30/11/2026, terms 30 days):

* Nile Foods: INV 41, 4,000 of 01/09 paid on 05/10; INV 52, 10,000 of 01/10 due 31/10 (open,
  30 days late); INV 63, 5,000 of 10/11 due 10/12, 2,000 paid on 20/11 (3,000 open, current).
* Delta Traders: INV 31, 8,000 of 15/09 due 15/10 (open, 46 days late).
* Sinai Build: INV 70, 12,000 of 20/11 due 20/12 (open, current).

Open: 33,000. Every customer, document and balance is checked against that, and the Input
Issues are exactly the ones a clerk should see.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ar_excel.core.ledger import PAYS_INVOICE
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)
D = datetime
BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]


def _tabs(book, job: str) -> dict:
    result = registry()[job].run(book, JobOptions(as_of=AS_OF))
    return {t.name: t.frame for t in result.tabs}


def _issues(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


def _aging(book) -> dict[str, list[float]]:
    aging = _tabs(book, "aging")["Aging"]
    return {r["Customer ID"]: [r[b] for b in BUCKETS] for _, r in aging.iterrows()
            if isinstance(r["Customer ID"], str)}


def _credit(book) -> dict[str, tuple]:
    status = _tabs(book, "credit")["Credit Status"]
    return {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Status"])
            for _, r in status.iterrows()}


def _lines(book) -> list[list]:
    inv = book.invoices
    return [[n, c, d.strftime("%d/%m/%Y"), a] for n, c, d, a in zip(
        inv["Invoice No"], inv["Customer ID"], inv["Invoice Date"], inv["Amount"], strict=True)]


AGED = {"Delta Traders": [0, 0, 8000, 0, 0, 8000],
        "Nile Foods": [3000, 10000, 0, 0, 0, 13000],
        "Sinai Build": [12000, 0, 0, 0, 0, 12000]}


# ---------------------------------------------------------------- Odoo 14-16


def _odoo16_partner_ledger() -> list[list]:
    """Odoo 16's Partner Ledger exported to xlsx: each partner's row carries its sums, its
    lines under it with their date in the first column (no header), the document in Ref
    (a payment's: its number and memo), the receivable account's code on every line."""
    return [
        ["Partner Ledger"], ["Nile Trading Co"], ["From 01/01/2026 to 11/30/2026"], [],
        [None, "JRNL", "Account", "Ref", "Due Date", "Matching Number", "Initial Balance",
         "Debit", "Credit", "Balance"],
        ["Nile Foods", None, None, None, None, None, 0.0, 19000.0, 6000.0, 13000.0],
        ["09/01/2026", "INV", "121000", "INV/2026/00041", "10/01/2026", "P7", 0.0, 4000.0,
         None, 4000.0],
        ["10/01/2026", "INV", "121000", "INV/2026/00052", "10/31/2026", None, 4000.0,
         10000.0, None, 14000.0],
        ["10/05/2026", "BNK1", "121000", "BNK1/2026/00019 - Customer Payment INV/2026/00041",
         "10/05/2026", "P7", 14000.0, None, 4000.0, 10000.0],
        ["11/10/2026", "INV", "121000", "INV/2026/00063", "12/10/2026", "P9", 10000.0, 5000.0,
         None, 15000.0],
        ["11/20/2026", "BNK1", "121000", "BNK1/2026/00027 - INV/2026/00063", "11/20/2026",
         "P9", 15000.0, None, 2000.0, 13000.0],
        ["Delta Traders", None, None, None, None, None, 0.0, 8000.0, 0.0, 8000.0],
        ["09/15/2026", "INV", "121000", "INV/2026/00031", "10/15/2026", None, 0.0, 8000.0,
         None, 8000.0],
        ["Sinai Build", None, None, None, None, None, 0.0, 12000.0, 0.0, 12000.0],
        ["11/20/2026", "INV", "121000", "INV/2026/00070", "12/20/2026", None, 0.0, 12000.0,
         None, 12000.0],
        ["Total", None, None, None, None, None, 0.0, 39000.0, 6000.0, 33000.0],
    ]


def test_odoo_16_partner_ledger_reads_its_dates_from_the_unlabelled_column(tmp_path):
    """The partners are the headings (not the receivable account 121000, the one value of
    "Account"); the dates the first column's (month first, as the due dates show); each
    payment pays the invoice its Ref names."""
    path = save_sheets(tmp_path / "partner_ledger.xlsx",
                       {"Partner Ledger": _odoo16_partner_ledger()})
    book = read_book(path)
    assert _issues(book) == [
        ("Partner Ledger", "A16", "'Total' row is a totals row, not a record: not read"),
        ("Partner Ledger", "A5", "the workbook has no customer list: its 3 customer(s) are the "
                                 "ones 'Partner Ledger' names (no credit limits, payment terms "
                                 "or tax IDs known)")]
    assert _lines(book) == [
        ["INV/2026/00041", "Nile Foods", "01/09/2026", 4000],
        ["INV/2026/00052", "Nile Foods", "01/10/2026", 10000],
        ["BNK1/2026/00019 - Customer Payment INV/2026/00041", "Nile Foods", "05/10/2026", -4000],
        ["INV/2026/00063", "Nile Foods", "10/11/2026", 5000],
        ["BNK1/2026/00027 - INV/2026/00063", "Nile Foods", "20/11/2026", -2000],
        ["INV/2026/00031", "Delta Traders", "15/09/2026", 8000],
        ["INV/2026/00070", "Sinai Build", "20/11/2026", 12000]]
    assert book.tables["Invoices"].cell(0, "Invoice Date") == "A7"
    assert book.invoices[PAYS_INVOICE].tolist() == [
        None, None, "INV/2026/00041", None, "INV/2026/00063", None, None]
    assert _aging(book) == AGED
    assert _credit(book) == {"Nile Foods": (13000, 10000, "OK"),
                             "Delta Traders": (8000, 8000, "OK"),
                             "Sinai Build": (12000, 0, "OK")}


# ---------------------------------------------------------------- Odoo 17


def _odoo17_book(tmp_path, ref_of_first_payment=None):
    return save_sheets(tmp_path / "odoo17.xlsx", {
        "Contacts": [["Display Name", "Email", "Customer Payment Terms", "Credit Limit"],
                     ["Nile Foods", "ap@nilefoods.eg", "30 Days", 20000],
                     ["Delta Traders", "finance@delta.eg", "30 Days", 5000],
                     ["Sinai Build", "ar@sinaibuild.eg", "30 Days", None]],
        "Partner Ledger": [
            ["Partner Ledger"], [],
            [None, "Date", "JRNL", "Account", "Ref", "Due Date", "Matching", "Debit",
             "Credit", "Amount Currency", "Balance"],
            ["Nile Foods", None, None, None, None, None, None, 19000.0, 6000.0, None,
             13000.0],
            ["INV/2026/00041", D(2026, 9, 1), "INV", "121000 Account Receivable", None,
             D(2026, 10, 1), "A12", 4000.0, None, None, 4000.0],
            ["INV/2026/00052", D(2026, 10, 1), "INV", "121000 Account Receivable", None,
             D(2026, 10, 31), None, 10000.0, None, None, 14000.0],
            ["PBNK1/2026/00019", D(2026, 10, 5), "BNK1", "121000 Account Receivable",
             ref_of_first_payment, D(2026, 10, 5), "A12", None, 4000.0, None, 10000.0],
            ["INV/2026/00063", D(2026, 11, 10), "INV", "121000 Account Receivable", "PO 7781",
             D(2026, 12, 10), "P9", 5000.0, None, None, 15000.0],
            ["PBNK1/2026/00027", D(2026, 11, 20), "BNK1", "121000 Account Receivable", None,
             D(2026, 11, 20), "P9", None, 2000.0, None, 13000.0],
            ["Delta Traders", None, None, None, None, None, None, 8000.0, 0.0, None, 8000.0],
            ["INV/2026/00031", D(2026, 9, 15), "INV", "121000 Account Receivable", None,
             D(2026, 10, 15), None, 8000.0, None, None, 8000.0],
            ["Sinai Build", None, None, None, None, None, None, 12500.0, 500.0, None, 12000.0],
            ["INV/2026/00070", D(2026, 11, 20), "INV", "121000 Account Receivable", None,
             D(2026, 12, 20), None, 12500.0, None, None, 12500.0],
            ["RINV/2026/00003", D(2026, 11, 25), "INV", "121000 Account Receivable",
             "Reversal of: INV/2026/00070", D(2026, 11, 25), None, None, 500.0, None,
             12000.0],
            ["Total", None, None, None, None, None, None, 39500.0, 6500.0, None, 33000.0],
        ]})


@pytest.mark.parametrize("ref", [None, "INV/2026/00052"])
def test_odoo_17_partner_ledger_ties_payments_to_invoices_by_matching_number(tmp_path, ref):
    """Odoo 17 prints each line's document in the unlabelled first column and its date under
    "Date"; "Ref" is the customer's own reference, blank on most lines, and is no document
    number. A payment pays the invoice it shares its matching number with (A12, P9), even
    where its Ref names another; the credit note reversing INV 70 stays a credit."""
    book = read_book(_odoo17_book(tmp_path, ref))
    assert _issues(book) == [
        ("Partner Ledger", "A15", "'Total' row is a totals row, not a record: not read")]
    assert _lines(book) == [
        ["INV/2026/00041", "Nile Foods", "01/09/2026", 4000],
        ["INV/2026/00052", "Nile Foods", "01/10/2026", 10000],
        ["PBNK1/2026/00019", "Nile Foods", "05/10/2026", -4000],
        ["INV/2026/00063", "Nile Foods", "10/11/2026", 5000],
        ["PBNK1/2026/00027", "Nile Foods", "20/11/2026", -2000],
        ["INV/2026/00031", "Delta Traders", "15/09/2026", 8000],
        ["INV/2026/00070", "Sinai Build", "20/11/2026", 12500],
        ["RINV/2026/00003", "Sinai Build", "25/11/2026", -500]]
    assert book.invoices["Ref"].tolist()[3] == "PO 7781"  # (kept, as an unknown column)
    assert book.invoices[PAYS_INVOICE].tolist() == [
        None, None, "INV/2026/00041", None, "INV/2026/00063", None, None, None]
    # (the credit note, due on its date, is aged as a credit of 5 days)
    assert _aging(book) == {**AGED, "Sinai Build": [12500, -500, 0, 0, 0, 12000]}
    assert _credit(book) == {"Nile Foods": (13000, 10000, "OK"),
                             "Delta Traders": (8000, 8000, "Over Limit"),
                             "Sinai Build": (12000, 0, "OK")}


def test_one_payment_matched_with_two_invoices_stays_a_credit(tmp_path):
    """A matching number shared by a payment and two invoices names neither alone: the
    payment is a credit on the account (aged by its own date), nothing applied twice."""
    rows = [
        [None, "Date", "JRNL", "Account", "Ref", "Due Date", "Matching", "Debit", "Credit",
         "Balance"],
        ["Nile Foods", None, None, None, None, None, None, 9000.0, 9000.0, 0.0],
        ["INV/1", D(2026, 10, 1), "INV", "121000", None, D(2026, 10, 31), "A1", 4000.0, None,
         4000.0],
        ["INV/2", D(2026, 10, 2), "INV", "121000", None, D(2026, 11, 1), "A1", 5000.0, None,
         9000.0],
        ["PBNK1/7", D(2026, 11, 3), "BNK1", "121000", None, D(2026, 11, 3), "A1", None, 9000.0,
         0.0],
    ]
    book = read_book(save_sheets(tmp_path / "pl.xlsx", {"Partner Ledger": rows}))
    assert book.invoices["Amount"].tolist() == [4000, 5000, -9000]
    assert PAYS_INVOICE not in book.invoices.columns
    assert _aging(book)["Nile Foods"][-1] == 0


def test_an_unlabelled_column_of_row_numbers_is_left_alone(tmp_path):
    """A clerk's list numbering its rows in an unlabelled first column, the invoice numbers
    under their own header on every row: nothing is taken from the row numbers."""
    rows = [[None, "Invoice No", "Customer ID", "Invoice Date", "Amount"],
            [1, "INV-1", "C1", "01/11/2026", 100.0],
            [2, "INV-2", "C1", "02/11/2026", 200.0]]
    book = read_book(save_sheets(tmp_path / "n.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]], "Invoices": rows}))
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert book.tables["Invoices"].letters["Invoice No"] == "B"
    assert _issues(book) == []


# ---------------------------------------------------------------- Tally


def _tally_ledger(party: str, lines: list[list], debit: float, credit: float) -> list[list]:
    """Tally Prime's Ledger Vouchers of one party: company, party, report and period as
    titles, an opening balance line, the period's totals, the closing balance and the
    totals again."""
    return [["Nile Trading Co"], [party], ["Ledger Account"], ["1-Apr-26 to 30-Nov-26"], [],
            ["Date", "Particulars", "Vch Type", "Vch No.", "Debit", "Credit"],
            [None, "Opening Balance", None, None, None, None], *lines,
            [None, None, None, None, f"{debit:,.2f}", f"{credit:,.2f}" if credit else None],
            [None, "Closing Balance", None, None, None, f"{debit - credit:,.2f}"],
            [None, None, None, None, f"{debit:,.2f}", f"{debit:,.2f}"]]


def test_tally_ledger_vouchers_a_sheet_per_party_keyed_by_voucher_number(tmp_path):
    """Each party's Ledger Vouchers on a sheet of its own: "Vch No." is the document's
    number (the Particulars name the ledger posted to: "Sales Account" on every sale)."""
    path = save_sheets(tmp_path / "tally.xlsx", {
        "Nile Foods": _tally_ledger("Nile Foods", [
            ["1-Sep-26", "Sales Account", "Sales", "NT/041", "4,000.00", None],
            ["1-Oct-26", "Sales Account", "Sales", "NT/052", "10,000.00", None],
            ["5-Oct-26", "HDFC Bank", "Receipt", "R/19", None, "4,000.00"],
            ["10-Nov-26", "Sales Account", "Sales", "NT/063", "5,000.00", None],
            ["20-Nov-26", "HDFC Bank", "Receipt", "R/27", None, "2,000.00"]], 19000, 6000),
        "Delta Traders": _tally_ledger("Delta Traders", [
            ["15-Sep-26", "Sales Account", "Sales", "NT/031", "8,000.00", None]], 8000, 0),
        "Sinai Build": _tally_ledger("Sinai Build", [
            ["20-Nov-26", "Sales Account", "Sales", "NT/070", "12,000.00", None]], 12000, 0)})
    book = read_book(path)
    records = book.invoices.dropna(subset=["Amount"])
    assert records[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["NT/041", "Nile Foods", 4000], ["NT/052", "Nile Foods", 10000],
        ["R/19", "Nile Foods", -4000], ["NT/063", "Nile Foods", 5000],
        ["R/27", "Nile Foods", -2000], ["NT/031", "Delta Traders", 8000],
        ["NT/070", "Sinai Build", 12000]]
    assert not [m for _, _, m in _issues(book) if "no document number column" in m]
    assert {k: v[-1] for k, v in _aging(book).items()} == {
        "Delta Traders": 8000, "Nile Foods": 13000, "Sinai Build": 12000}


# ---------------------------------------------------------------- a summary, not the ledger


def _summary(tmp_path, extra: dict | None = None):
    return save_sheets(tmp_path / "summary.xlsx", {
        "AR Aging Summary": [
            ["Nile Trading Co"], ["A/R Aging Summary"], ["As of November 30, 2026"], [],
            [None, "Current", "1 - 30", "31 - 60", "61 - 90", "91 and over", "Total"],
            ["Delta Traders", None, None, "8,000.00", None, None, "$8,000.00"],
            ["Nile Foods", "3,000.00", "10,000.00", None, None, None, "$13,000.00"],
            ["TOTAL", "$3,000.00", "$10,000.00", "$8,000.00", "$0.00", "$0.00", "$21,000.00"],
            [], ["Monday, December 01, 2026 09:14 AM GMT+02:00"]], **(extra or {})})


SUMMARY = ("sheet 'AR Aging Summary' is an aging summary (one total per customer and age band, "
           "no invoices): ar_excel works from the invoices themselves; export the detailed "
           "report instead (QuickBooks' A/R Aging Detail or Open Invoices, Xero's Aged "
           "Receivables Detail, Odoo's Aged Receivable unfolded, Sage's Aged Debtors "
           "detailed) or the open invoice list")


def test_an_aging_summary_handed_over_instead_of_the_invoices_is_named(tmp_path):
    from ar_excel.cli import main

    book = read_book(_summary(tmp_path))
    with pytest.raises(Exception, match="is an aging summary"):
        _ = book.customers
    assert book.unusable["Invoices"] == SUMMARY
    assert main(["aging", str(tmp_path / "summary.xlsx"), "-o", str(tmp_path / "o.xlsx")]) == 1


def test_beside_a_customer_list_only_the_jobs_needing_invoices_stop(tmp_path):
    book = read_book(_summary(tmp_path, {"Customers": [["Customer ID", "Name"],
                                                       ["C1", "Nile Foods"]]}))
    assert book.customers["Customer ID"].tolist() == ["C1"]
    assert book.unusable == {"Invoices": SUMMARY}
    assert "Customer Checks" in _tabs(book, "validate")


def test_a_partner_ledger_of_a_period_says_the_balance_it_brings_forward(tmp_path):
    """Run for October and November only, the Partner Ledger shows Nile's 4,000 brought
    forward (INV 41, of September) in its Initial Balance column, not as a line: nothing
    to age it by, so it is said at the first running balance, not lost in silence."""
    rows = _odoo16_partner_ledger()
    rows[1:3] = [["Nile Trading Co"], ["From 10/01/2026 to 11/30/2026"]]
    del rows[6]  # (INV 41's line falls before the period)
    rows[5][6:] = [4000.0, 15000.0, 6000.0, 13000.0]
    book = read_book(save_sheets(tmp_path / "period.xlsx", {"Partner Ledger": rows}))
    assert ("Partner Ledger", "J7", "the ledger's first balance 14,000.00 is not its first "
            "entry's 10,000.00: 4,000.00 brought forward has no row of its own and is not read; "
            "add a 'Balance b/f' row") in _issues(book)
    assert _aging(book)["Nile Foods"] == [3000, 10000, -4000, 0, 0, 9000]
