"""An open-items list (a Balance column, no Payments sheet) on the customer's statement: the
ledger takes the list at its word, so the statement does too. Before, every document was on
the statement at its full amount: Mu Traders' closing balance was 13,900.00 against an Aging
(and Dunning Open Balance) of 7,400.00, its opening 12,000.00 for the 7,000.00 still open."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main


def _book(tmp_path, cn8_against=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["M1", "Mu Traders", "m@mu.com", "EGP", 30, 50000])
    ws.append(["M2", "Nu Stores", "n@nu.com", "EGP", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Balance",
               "Original Invoice"])
    for no, cid, day, due, amount, balance in [
            ("I-1", "M1", "2026-07-01", "2026-07-31", 8000, 3000),
            ("I-2", "M1", "2026-09-15", "2026-10-15", 4000, 4000),
            ("I-3", "M1", "2026-10-10", "2026-11-09", 2500, 1000),
            ("CN-9", "M1", "2026-10-20", None, -600, -600),
            ("CN-8", "M1", "2026-10-22", None, -200, 0),  # applied in full
            ("I-4", "M2", "2026-09-01", "2026-10-01", 1000, 0),
            ("I-5", "M2", "2026-10-05", "2026-11-04", 700, 700)]:
        ws.append([no, cid, datetime.fromisoformat(day),
                   datetime.fromisoformat(due) if due else None, amount, balance,
                   cn8_against if no == "CN-8" else None])
    path = tmp_path / "open_items.xlsx"
    wb.save(path)
    return path


def test_the_statement_of_an_open_items_list_closes_on_its_balances(tmp_path):
    path = _book(tmp_path)
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(path), "--as-of", "2026-10-31", "--no-pdf",
                 "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    m1 = tab[(tab["Customer ID"] == "M1") & (tab["Type"] != "Aging")]
    assert list(zip(m1["Type"], m1["Document"].fillna(""), m1["Reference"].fillna(""),
                    m1["Debit"].fillna(0), m1["Credit"].fillna(0), m1["Balance"],
                    strict=True)) == [
        # I-1's 3,200 open on 1 October (CN-8 took 200 off it on the 22nd, oldest first) and
        # I-2's 4,000
        ("Opening balance", "", "", 0, 0, 7200.0),
        ("Invoice", "I-3", "", 2500.0, 0, 9700.0),
        ("Receipt", "", "I-3", 0, 1500.0, 8200.0),  # the part the list says is paid
        ("Credit Note", "CN-9", "", 0, 600.0, 7600.0),
        ("Credit Note", "CN-8", "", 0, 200.0, 7400.0),  # applied: once, no Adjustment
        ("Closing balance", "", "", 0, 0, 7400.0)]
    aging = tab[(tab["Customer ID"] == "M1") & (tab["Type"] == "Aging")]
    assert aging["Balance"].sum() == 7400.0
    m2 = tab[(tab["Customer ID"] == "M2") & (tab["Type"] != "Aging")]
    assert m2["Balance"].tolist() == [0.0, 700.0, 700.0]  # I-4 paid before the period

    dunning = tmp_path / "collections.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(dunning)]) == 0
    dun = pd.read_excel(dunning, sheet_name="Dunning", engine="calamine")
    assert dict(zip(dun["Customer ID"], dun["Open Balance"], strict=True)) == {
        "M1": 7400.0, "M2": 700.0}


def _book_with_receipts(tmp_path):
    """Mu Traders' list keeps its receipts as rows too (Type Payment, Balance 0: applied)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["M1", "Mu Traders", "m@mu.com", "EGP", 30, 50000])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Type", "Customer ID", "Invoice Date", "Due Date", "Amount",
               "Balance"])
    for no, kind, day, due, amount, balance in [
            ("I-1", "Invoice", "2026-10-01", "2026-10-31", 1000, 400),
            ("R-1", "Payment", "2026-10-20", None, -600, 0),  # paid 600 of I-1
            ("I-2", "Invoice", "2026-10-05", "2026-11-04", 700, 700)]:
        ws.append([no, kind, "M1", datetime.fromisoformat(day),
                   datetime.fromisoformat(due) if due else None, amount, balance])
    path = tmp_path / "open_items_receipts.xlsx"
    wb.save(path)
    return path


def _lines(path, tmp_path, as_of, start=None):
    out = tmp_path / f"statements_{as_of}.xlsx"
    assert main(["statements", str(path), "--as-of", as_of, "--no-pdf", "-o", str(out),
                 *(["--from", start] if start else [])]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    tab = tab[tab["Customer ID"] == "M1"]
    aging = tab.loc[tab["Type"] == "Aging", "Balance"].sum()
    m1 = tab[tab["Type"] != "Aging"]
    return list(zip(m1["Type"], m1["Document"].fillna(""), m1["Reference"].fillna(""),
                    m1["Debit"].fillna(0), m1["Credit"].fillna(0), m1["Balance"],
                    strict=True)), aging


def test_a_receipt_kept_in_the_list_is_on_the_statement_once(tmp_path):
    """By pencil: I-1 1,000 and I-2 700 billed, R-1 600 received, 1,100 owed. Before, the
    statement showed the 600 received twice and taken back once: R-1 as a Receipt, an
    Adjustment of 600 debiting it back beside it, and a Receipt of I-1's paid part on
    I-1's date (right balance, three lines for one cheque)."""
    path = _book_with_receipts(tmp_path)
    lines, aging = _lines(path, tmp_path, "2026-10-31")
    assert lines == [
        ("Opening balance", "", "", 0, 0, 0.0),
        ("Invoice", "I-1", "", 1000.0, 0, 1000.0),
        ("Invoice", "I-2", "", 700.0, 0, 1700.0),
        ("Receipt", "R-1", "", 0, 600.0, 1100.0),
        ("Closing balance", "", "", 0, 0, 1100.0)]
    assert aging == 1100.0
    # to a day before R-1 came in, I-1 still owed the 600 R-1 paid on the 20th: see
    # test_consecutive_statements_of_an_open_items_list_agree


def test_an_applied_credit_note_is_on_the_statement_once(tmp_path):
    """By pencil: M1's list says 6,500 of its invoices is settled (I-1 5,000 of 8,000, I-3
    1,500 of 2,500) and CN-8 (200, 22 October) applied in full: 200 of that is the credit
    note, 6,300 the receipts. The statement shows each document once: CN-8 as its credit,
    the receipts as the invoices' paid parts less CN-8's 200, closing 7,400.00 = Aging.
    Before, CN-8 was a credit of 200, then an Adjustment debiting the 200 back, and the
    invoice's paid part it settled a Receipt of 200 more: no cheque came in for it.

    A credit note naming the invoice it corrects settled that invoice's paid part: CN-8
    against I-3 leaves I-3's receipt 1,300 and I-1's 5,000 (opening 7,000)."""
    out = tmp_path / "statements.xlsx"
    assert main(["statements", str(_book(tmp_path, cn8_against="I-3")), "--as-of",
                 "2026-10-31", "--no-pdf", "-o", str(out)]) == 0
    tab = pd.read_excel(out, sheet_name="Customer Statements", engine="calamine")
    m1 = tab[(tab["Customer ID"] == "M1") & (tab["Type"] != "Aging")]
    assert list(zip(m1["Type"], m1["Document"].fillna(""), m1["Reference"].fillna(""),
                    m1["Debit"].fillna(0), m1["Credit"].fillna(0), m1["Balance"],
                    strict=True)) == [
        ("Opening balance", "", "", 0, 0, 7000.0),  # I-1's 3,000 and I-2's 4,000 open
        ("Invoice", "I-3", "", 2500.0, 0, 9500.0),
        ("Receipt", "", "I-3", 0, 1300.0, 8200.0),  # 1,500 paid, 200 of it by CN-8
        ("Credit Note", "CN-9", "", 0, 600.0, 7600.0),
        ("Credit Note", "CN-8", "I-3", 0, 200.0, 7400.0),
        ("Closing balance", "", "", 0, 0, 7400.0)]
    aging = tab[(tab["Customer ID"] == "M1") & (tab["Type"] == "Aging")]
    assert aging["Balance"].sum() == 7400.0


def test_consecutive_statements_of_an_open_items_list_agree(tmp_path):
    """The list is as of today; a settlement it dates after a statement's last day was not
    yet made on that day, so the invoice it paid still owed that part then. By pencil:

    * Mu Traders' CN-8 (200, 22 October) settled 200 of I-1's 5,000 paid part (oldest
      first): on 30 September I-1 owed 3,000 + 200 and I-2 4,000, so September closes at
      7,200.00, the opening of October's statement (7,200.00, closing 7,400.00 = Aging).
    * R-1 (600, 20 October) paid I-1's 600: on 15 October I-1 owed 1,000 and I-2 700,
      1,700.00, the opening of the statement from the 16th, which R-1 takes to 1,100.00.

    Before, the list's balances as of today closed the earlier statements (7,000.00 with a
    Receipt of I-1's whole 5,000 on 1 July; 1,100.00 with a Receipt of I-1's 600 on 1
    October): the next statement of the same customer opened 200 and 600 higher, and a
    customer ticking one against the other found the settlement counted twice."""
    book = _book(tmp_path)
    sep, aging = _lines(book, tmp_path, "2026-09-30")
    assert sep == [
        ("Opening balance", "", "", 0, 0, 3200.0),  # I-1's 3,000 open and CN-8's 200
        ("Invoice", "I-2", "", 4000.0, 0, 7200.0),
        ("Closing balance", "", "", 0, 0, 7200.0)]
    assert aging == 7200.0  # the footer ages what was owed then (61-90: I-1's 3,200)
    oct_, aging = _lines(book, tmp_path, "2026-10-31")
    assert oct_[0] == ("Opening balance", "", "", 0, 0, 7200.0)
    assert oct_[-1] == ("Closing balance", "", "", 0, 0, 7400.0)
    assert aging == 7400.0  # to today: the Aging's figure
    july, _ = _lines(book, tmp_path, "2026-07-31", "2026-07-01")
    assert july == [
        ("Opening balance", "", "", 0, 0, 0.0),
        ("Invoice", "I-1", "", 8000.0, 0, 8000.0),
        ("Receipt", "", "I-1", 0, 4800.0, 3200.0),  # paid by 31 July: all but CN-8's 200
        ("Closing balance", "", "", 0, 0, 3200.0)]

    path = _book_with_receipts(tmp_path)
    first, aging = _lines(path, tmp_path, "2026-10-15")
    assert first == [
        ("Opening balance", "", "", 0, 0, 0.0),
        ("Invoice", "I-1", "", 1000.0, 0, 1000.0),
        ("Invoice", "I-2", "", 700.0, 0, 1700.0),
        ("Closing balance", "", "", 0, 0, 1700.0)]
    assert aging == 1700.0
    second, aging = _lines(path, tmp_path, "2026-10-31", "2026-10-16")
    assert second == [
        ("Opening balance", "", "", 0, 0, 1700.0),
        ("Receipt", "R-1", "", 0, 600.0, 1100.0),
        ("Closing balance", "", "", 0, 0, 1100.0)]
    assert aging == 1100.0
