"""Workbooks as accountants keep them by hand, read to the right open balance per customer:
a ledger kept a sheet per customer (the customer in the title, not in a column), a
running-balance sub-ledger (Debit, Credit, Balance, a balance brought forward and carried
forward), rows hidden by a filter, an Excel table with a totals row, subtotals per customer,
receipts typed in one list with the invoices (قبض), amounts written with their currency."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.table import Table, TableColumn

from ar_excel.core.ledger import open_items
from ar_excel.io.reader import read_book

D = dt.datetime
AS_OF = pd.Timestamp("2026-11-30")
CUSTOMERS = [("C001", "Nile Foods"), ("C002", "Delta Trading"), ("C003", "Cairo Steel")]
INVOICES = [("INV-101", "C001", D(2026, 9, 5), 12000.0), ("INV-102", "C002", D(2026, 9, 12), 8500.0),
            ("INV-103", "C001", D(2026, 10, 3), 4300.5), ("INV-104", "C003", D(2026, 10, 9), 25000.0),
            ("INV-105", "C002", D(2026, 10, 20), 3100.0), ("CN-01", "C002", D(2026, 10, 25), -500.0)]
RECEIPTS = [("RC-1", "C001", D(2026, 10, 5), 12000.0, "INV-101"),
            ("RC-2", "C002", D(2026, 10, 14), 5000.0, "INV-102"),
            ("RC-3", "C003", D(2026, 11, 8), 20000.0, "INV-104")]
# C001: 12,000 + 4,300.50 - 12,000; C002: 8,500 + 3,100 - 500 - 5,000; C003: 25,000 - 20,000
OPEN = {"C001": 4300.5, "C002": 6100.0, "C003": 5000.0}


def _book(sheets_of) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    for cid, name in CUSTOMERS:
        ws.append([cid, name, "EGP", 30, 100000])
    sheets_of(wb)
    return wb


def _payments(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet("Payments")
    ws.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for r in RECEIPTS:
        ws.append(list(r))


def _open_by_customer(book) -> dict[str, float]:
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    return {k: round(v, 2) for k, v in items.groupby("Customer ID")["Open Amount"].sum().items()
            if round(v, 2)}


def _saved(tmp_path, wb, name="book.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def _messages(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


# A ledger kept a sheet per customer --------------------------------------------------------

def _statement_sheets(wb: openpyxl.Workbook, title=lambda cid, name: f"Customer: {name} ({cid})",
                      sheet=lambda cid, name: name) -> None:
    for cid, name in CUSTOMERS:
        ws = wb.create_sheet(sheet(cid, name))
        ws.append([title(cid, name)])
        ws.append(["Statement of account"])
        ws.append([])
        ws.append(["Invoice No", "Invoice Date", "Amount", "Paid", "Balance"])
        for number, owner, date, amount in INVOICES:
            if owner == cid:
                paid = sum(r[3] for r in RECEIPTS if r[4] == number)
                ws.append([number, date, amount, paid, amount - paid])


def test_a_sheet_per_customer_is_the_invoice_list_each_customer_from_its_title(tmp_path):
    book = read_book(_saved(tmp_path, _book(lambda wb: _statement_sheets(
        wb, sheet=lambda cid, name: f"Sheet{cid[-1]}"))))
    assert _open_by_customer(book) == OPEN
    inv = book.tables["Invoices"]
    assert len(inv.frame) == 6
    assert sorted(set(inv.frame["_sheet"])) == ["Sheet1", "Sheet2", "Sheet3"]
    # each record keeps its own sheet and row: CN-01 is on Delta's sheet, row 7
    cn = inv.frame.index[inv.frame["Invoice No"] == "CN-01"][0]
    assert (inv.sheet_at(cn), inv.cell(cn, "Amount")) == ("Sheet2", "C7")
    assert _messages(book)[0] == (
        "Sheet1", "A1", "no Invoices sheet: 3 sheet(s) each holding one customer's account read "
        "as the invoice list, each sheet's customer from its title (the cell given) or its name "
        "('Sheet1' = C001 (A1); 'Sheet2' = C002 (A1); 'Sheet3' = C003 (A1))")


def test_a_customer_sheet_named_for_the_customer_without_an_id_in_the_title(tmp_path):
    book = read_book(_saved(tmp_path, _book(lambda wb: _statement_sheets(
        wb, title=lambda cid, name: "كشف حساب عميل"))))
    assert _open_by_customer(book) == OPEN
    assert "('Nile Foods' = C001; 'Delta Trading' = C002; 'Cairo Steel' = C003)" in \
        _messages(book)[0][2]


def test_a_customer_sheet_whose_customer_cannot_be_told_is_said_not_dropped(tmp_path):
    def sheets(wb):
        _statement_sheets(wb, sheet=lambda cid, name: f"Sheet{cid[-1]}")
        ws = wb.create_sheet("Sheet9")
        ws.append(["Customer: Unknown Buyer"])
        ws.append(["Invoice No", "Invoice Date", "Amount"])
        ws.append(["INV-900", D(2026, 11, 1), 999.0])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert ("Sheet9", "A1", "sheet 'Sheet9' is laid out like the other customers' sheets "
            "(header row 2) but neither its name nor its title names a customer of the list: "
            "not read; write the customer's ID in its title") in _messages(book)


def test_customer_sheets_are_not_looked_for_beside_an_invoices_sheet(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Invoices")
        ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
        for r in INVOICES:
            ws.append(list(r))
        _payments(wb)
        ws = wb.create_sheet("Nile Foods")  # a statement printed for one customer
        ws.append(["Customer: Nile Foods (C001)"])
        ws.append(["Invoice No", "Invoice Date", "Amount"])
        ws.append(["INV-101", D(2026, 9, 5), 12000.0])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert book.tables["Invoices"].sheet == "Invoices"
    assert len(book.invoices) == 6


# A running-balance sub-ledger ---------------------------------------------------------------

def _sub_ledger(wb: openpyxl.Workbook, arabic: bool, brought: dict[str, float],
                in_debit: bool = False) -> None:
    head = ["التاريخ", "المرجع", "البيان", "مدين", "دائن", "الرصيد"] if arabic else \
        ["Date", "Ref", "Description", "Debit", "Credit", "Balance"]
    for cid, name in CUSTOMERS:
        ws = wb.create_sheet(f"حساب {cid}" if arabic else cid)
        ws.append([name])
        ws.append([f"كود العميل: {cid}" if arabic else f"Customer code: {cid}"])
        ws.append(head)
        balance = brought.get(cid, 0.0)
        if cid in brought:
            label = "رصيد أول المدة" if arabic else "Balance b/f"
            ws.append([D(2026, 8, 31), None, label, balance if in_debit else None, None, balance])
        moves = [(d, n, "Invoice", a) for n, c, d, a in INVOICES if c == cid]
        moves += [(d, n, f"Receipt {i}", -a) for n, c, d, a, i in RECEIPTS if c == cid]
        for date, ref, text, amount in sorted(moves):
            balance += amount
            ws.append([date, ref, text, amount if amount > 0 else None,
                       -amount if amount < 0 else None, balance])
        ws.append([None, None, "الرصيد الختامي" if arabic else "Balance c/f", None, balance, None])


@pytest.mark.parametrize("arabic", [False, True])
def test_a_running_balance_ledger_per_customer_with_its_balance_brought_forward(tmp_path, arabic):
    book = read_book(_saved(tmp_path, _book(lambda wb: _sub_ledger(wb, arabic, {"C001": 2500.0}))))
    assert _open_by_customer(book) == {**OPEN, "C001": 6800.5}
    sheet = "حساب C001" if arabic else "C001"
    label = "رصيد أول المدة" if arabic else "Balance b/f"
    closing = "الرصيد الختامي" if arabic else "Balance c/f"
    messages = _messages(book)
    assert (sheet, "C4", f"opening balance '{label}' read as one open item of its balance, "
            "2,500.00 (nothing under Debit or Credit): the balance owed from before the "
            "ledger's first entry") in messages
    # the balance carried forward, entered on the credit side, is no receipt (said once)
    named = [f"حساب {c}" if arabic else c for c in ("C001", "C002", "C003")]
    assert (sheet, "C8", f"'{closing}' restates the account's balance: 3 closing balance row(s) "
            f"not read as records (row 8 ('{named[0]}'), 8 ('{named[1]}'), 6 ('{named[2]}'))"
            ) in messages
    assert len([m for m in messages if "restates" in m[2]]) == 1
    assert not [m for m in messages if "required but blank" in m[2]]
    frame = book.invoices
    assert frame.loc[frame["Invoice No"].isna(), "Amount"].tolist() == [2500.0]


def test_an_opening_balance_written_under_debit_is_read_as_written(tmp_path):
    book = read_book(_saved(tmp_path, _book(
        lambda wb: _sub_ledger(wb, False, {"C002": 1200.0}, in_debit=True))))
    assert _open_by_customer(book) == {**OPEN, "C002": 7300.0}
    assert ("C002", "C4", "opening balance 'Balance b/f' read as one open item of 1,200.00: the "
            "balance owed from before the ledger's first entry") in _messages(book)


def test_a_sub_ledger_in_one_sheet_under_a_heading_per_customer(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Customer Ledger")
        ws.append(["Date", "Ref", "Description", "Debit", "Credit", "Balance"])
        for cid, name in CUSTOMERS:
            ws.append([f"{cid} - {name}"])
            balance = 0.0
            if cid == "C003":
                ws.append([None, None, "Opening Balance", None, None, 750.0])
                balance = 750.0
            for n, c, d, a in INVOICES:
                if c == cid:
                    balance += a
                    ws.append([d, n, "Invoice", a if a > 0 else None, -a if a < 0 else None,
                               balance])
            for n, c, d, a, _ in RECEIPTS:
                if c == cid:
                    balance -= a
                    ws.append([d, n, "Receipt", None, a, balance])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == {**OPEN, "C003": 5750.0}
    # undated, the balance brought forward is aged from the first entry after it, not current
    assert ("Customer Ledger", "C12", "opening balance 'Opening Balance' read as one open item "
            "of its balance, 750.00 (nothing under Debit or Credit): the balance owed from "
            "before the ledger's first entry (undated: aged from that entry's date, "
            "09/10/2026)") in _messages(book)
    brought = book.invoices[book.invoices["Invoice No"].isna()]
    assert brought["Invoice Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-10-09"]


# Hidden rows, tables, subtotals ---------------------------------------------------------------

def _invoice_sheet(wb, rows=INVOICES):
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    for r in rows:
        ws.append(list(r))
    return ws


def test_rows_hidden_by_a_filter_are_read_and_said(tmp_path):
    def sheets(wb):
        ws = _invoice_sheet(wb)
        ws.auto_filter.ref = "A1:D7"
        ws.auto_filter.add_filter_column(1, ["C001"])
        for row, r in enumerate(INVOICES, start=2):
            ws.row_dimensions[row].hidden = r[1] != "C001"
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert ("Invoices", "A3", "4 row(s) of sheet 'Invoices' are hidden by the sheet's "
            "filter (AutoFilter): read like every other row (a filter is a view; the figures "
            "count them all): rows 3, 5, 6, 7") in _messages(book)


def test_rows_of_a_collapsed_group_are_read_and_said(tmp_path):
    def sheets(wb):
        ws = _invoice_sheet(wb)
        for row in (3, 4):
            ws.row_dimensions[row].outlineLevel = 1
            ws.row_dimensions[row].hidden = True
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert [m for m in _messages(book) if "hidden" in m[2]] == [
        ("Invoices", "A3", "2 row(s) of sheet 'Invoices' are hidden (by hand or in a "
         "collapsed group): read like every other row (a filter is a view; the figures count "
         "them all): rows 3, 4")]


def test_an_excel_table_with_a_totals_row_reads_its_records_only(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Sales")
        ws.append(["Sales ledger FY2026"])
        ws.append([])
        ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
        for r in INVOICES:
            ws.append(list(r))
        ws.append(["Total", None, None, 52400.5])  # (the value Excel saves)
        table = Table(displayName="Invoices", ref="A3:D10", totalsRowCount=1)
        table.tableColumns = [TableColumn(id=1, name="Invoice No", totalsRowLabel="Total"),
                              TableColumn(id=2, name="Customer ID"),
                              TableColumn(id=3, name="Invoice Date"),
                              TableColumn(id=4, name="Amount", totalsRowFunction="sum")]
        ws.add_table(table)
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert len(book.invoices) == 6


def test_subtotals_per_customer_in_a_grouped_list_are_not_records(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Invoices")
        ws.append(["Customer ID", "Invoice No", "Invoice Date", "Amount"])
        grand = 0.0
        for cid, _ in CUSTOMERS:
            rows = [r for r in INVOICES if r[1] == cid]
            for n, c, d, a in rows:
                ws.append([c, n, d, a])
            ws.append([f"Total {cid}", None, None, sum(r[3] for r in rows)])
            grand += sum(r[3] for r in rows)
        ws.append(["Grand Total", None, None, grand])
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert len(book.invoices) == 6


# One list of invoices and receipts, amounts as typed -----------------------------------------

def test_receipts_typed_qabd_in_the_invoice_list_are_money_received(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("الحركات")
        ws.append(["التاريخ", "النوع", "رقم المستند", "رقم العميل", "المبلغ"])
        for n, c, d, a in INVOICES:
            ws.append([d, "فاتورة" if a > 0 else "إشعار دائن", n, c, abs(a)])
        for (n, c, d, a, _), kind in zip(RECEIPTS, ["قبض", "سند قبض نقدي", "Payment Received"],
                                         strict=True):
            ws.append([d, kind, n, c, a])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert not [m for m in _messages(book) if "no document type" in m[2]]


def test_amounts_with_their_currency_written_and_credit_notes_in_brackets(tmp_path):
    def sheets(wb):
        written = ["12,000.00 EGP", "EGP 8,500.00", "٤٬٣٠٠٫٥٠ ج.م", "E£25,000.00", "LE 3,100",
                   "(500.00)"]
        ws = _invoice_sheet(wb, [(n, c, d, w) for (n, c, d, _), w in
                                 zip(INVOICES, written, strict=True)])
        ws.append([])
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert book.invoices["Amount"].tolist() == [12000.0, 8500.0, 4300.5, 25000.0, 3100.0, -500.0]


def test_customer_sheets_without_a_customer_list_name_each_customer_by_title_or_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _statement_sheets(wb, title=lambda cid, name: "Al Nour Supplies - statement of account")
    wb["Delta Trading"]["A2"] = "السادة/ Delta Trading Co."  # (its title labels it)
    book = read_book(_saved(tmp_path, wb))
    assert _open_by_customer(book) == {"Nile Foods": 4300.5, "Delta Trading Co.": 6100.0,
                                       "Cairo Steel": 5000.0}
    assert sorted(book.customers["Customer ID"]) == ["Cairo Steel", "Delta Trading Co.",
                                                     "Nile Foods"]
    assert "('Nile Foods' = Nile Foods; 'Delta Trading' = Delta Trading Co. (A2); " \
        "'Cairo Steel' = Cairo Steel)" in _messages(book)[0][2]


def test_one_list_without_customers_on_a_sheet_named_sheet1_is_no_customer_ledger(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Invoice No", "Invoice Date", "Amount"])
    ws.append(["INV-1", D(2026, 10, 1), 100.0])
    wb.create_sheet("Nile Foods").append(["Invoice No", "Invoice Date", "Amount"])
    book = read_book(_saved(tmp_path, wb))
    assert "Invoices" not in book.tables


def test_dates_written_with_their_calendar_hijri_or_gregorian(tmp_path):
    def sheets(wb):
        _invoice_sheet(wb, [("INV-101", "C001", "1448/04/23 هـ", 12000.0),
                            ("INV-102", "C002", "12/09/2026 م", 8500.0),
                            ("INV-103", "C001", "١٥ أكتوبر ٢٠٢٦م", 4300.5),
                            ("INV-104", "C003", "23/04/1448 AH", 25000.0)])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert [d.strftime("%Y-%m-%d") for d in book.invoices["Invoice Date"]] == [
        "2026-10-04", "2026-09-12", "2026-10-15", "2026-10-04"]
    assert [m for m in _messages(book) if "Hijri" in m[2]] == [
        ("Invoices", "C2", "2 date(s) in the Hijri calendar read as Gregorian dates "
         "('1448/04/23 هـ' = 04/10/2026): C2, C5")]


def test_a_ledger_without_a_number_column_knows_each_entry_by_its_narration(tmp_path):
    def sheets(wb):
        for cid, name in CUSTOMERS:
            ws = wb.create_sheet(cid)
            ws.append([f"A/C: {cid} {name}"])
            ws.append(["Date", "Particulars", "Dr", "Cr", "Balance"])
            ws.append([D(2026, 8, 31), "Balance b/f", None, None, 0])  # (nothing owed: silent)
            moves = [(d, f"Invoice {n}", a) for n, c, d, a in INVOICES if c == cid]
            moves += [(d, f"Cheque received - {i}", -a) for _, c, d, a, i in RECEIPTS if c == cid]
            balance = 0.0
            for date, text, amount in sorted(moves):
                balance += amount
                ws.append([date, text, amount if amount > 0 else None,
                           -amount if amount < 0 else None, balance])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert sorted(n for n in book.invoices["Invoice No"] if n.startswith("Cheque")) == [
        "Cheque received - INV-101", "Cheque received - INV-102", "Cheque received - INV-104"]
    messages = _messages(book)
    assert ("C002", "B2", "sheet 'C002' has no document number column: each entry is known by "
            "its 'Particulars' (column B)") in messages
    assert not [m for m in messages if "opening balance" in m[2]]


def _ledger_sheet(wb, title: str, rows: list[list]) -> None:
    ws = wb.create_sheet(title)
    ws.append([f"Customer: {title}"])
    ws.append(["Date", "Ref", "Description", "Debit", "Credit", "Balance"])
    for row in rows:
        ws.append(row)


def test_a_running_balance_that_does_not_follow_says_where_money_is_unaccounted_for(tmp_path):
    def sheets(wb):
        # C001's ledger starts mid-way: 2,000.00 carried in with no 'Balance b/f' row
        _ledger_sheet(wb, "C001", [[D(2026, 10, 3), "INV-103", "Invoice", 4300.5, None, 6300.5],
                                   [D(2026, 11, 2), "INV-106", "Invoice", 1000, None, 7300.5]])
        # C002's 3,100.00 invoice typed so that it cannot be read: the balance still has it
        _ledger_sheet(wb, "C002", [[D(2026, 9, 12), "INV-102", "Invoice", 8500, None, 8500],
                                   [D(2026, 10, 14), "RC-2", "Receipt", None, 5000, 3500],
                                   [D(2026, 10, 20), "INV-105", "Invoice", "3.100,00 EGP x",
                                    None, 6600],
                                   [D(2026, 10, 25), "CN-01", "Credit note", None, 500, 6100]])
        # C003's ledger is right: nothing to say
        _ledger_sheet(wb, "C003", [[D(2026, 10, 9), "INV-104", "Invoice", 25000, None, 25000],
                                   [D(2026, 11, 8), "RC-3", "Receipt", None, 20000, 5000]])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == {"C001": 5300.5, "C002": 3000.0, "C003": 5000.0}
    breaks = [m for m in _messages(book) if "balance" in m[2] and m[1].startswith("F")]
    assert breaks == [
        ("C001", "F3", "the ledger's first balance 6,300.50 is not its first entry's 4,300.50: "
         "2,000.00 brought forward has no row of its own and is not read; add a 'Balance b/f' "
         "row"),
        ("C002", "F5", "running balance 6,600.00 does not follow from the balance above "
         "(3,500.00) and this row's debit less credit (0.00): 3,100.00 unaccounted for; check "
         "the rows between")]


def test_receipts_kept_beside_the_invoices_on_each_customer_sheet(tmp_path):
    def sheets(wb):
        for cid, name in CUSTOMERS:
            ws = wb.create_sheet(name)
            ws.append([f"Customer: {name} ({cid})"])
            ws.append(["Invoice No", "Invoice Date", "Amount", None, "Receipt No",
                       "Receipt Date", "Amount Received"])
            invoices = [r for r in INVOICES if r[1] == cid]
            receipts = [r for r in RECEIPTS if r[1] == cid]
            for i in range(max(len(invoices), len(receipts))):
                n, _, d, a = invoices[i] if i < len(invoices) else (None,) * 4
                row = [n, d, a, None]
                if i < len(receipts):
                    row += [receipts[i][0], receipts[i][2], receipts[i][3]]
                ws.append(row)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    pay = book.tables["Payments"]
    assert sorted(zip(pay.frame["Payment ID"], pay.frame["Customer ID"], strict=True)) == [
        ("RC-1", "C001"), ("RC-2", "C002"), ("RC-3", "C003")]
    rc2 = pay.frame.index[pay.frame["Payment ID"] == "RC-2"][0]
    assert (pay.sheet_at(rc2), pay.cell(rc2, "Amount")) == ("Delta Trading", "G3")
    assert ("Nile Foods", "E2", "sheet 'Nile Foods' keeps its receipts beside its invoices "
            "(from column E): read as the receipts, the columns before as the invoices") in \
        _messages(book)


def test_a_receipts_log_beside_the_invoice_list_on_its_sheet(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("الفواتير")
        ws.append(["رقم الفاتورة", "رقم العميل", "التاريخ", "المبلغ", None, "رقم الإيصال",
                   "رقم العميل", "تاريخ التحصيل", "المبلغ المحصل", "رقم الفاتورة"])
        for i, (n, c, d, a) in enumerate(INVOICES):
            ws.append([n, c, d, a, None, *(RECEIPTS[i] if i < len(RECEIPTS) else ())])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert book.tables["Payments"].letters["Amount"] == "I"
    assert len(book.invoices) == 6 and len(book.payments) == 3


def test_two_invoice_blocks_side_by_side_are_not_taken_for_receipts(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Invoices")
        ws.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", None, "Invoice No",
                   "Customer ID", "Invoice Date", "Amount"])
        ws.append(["INV-1", "C001", D(2026, 10, 1), 100, None, "INV-2", "C002",
                   D(2026, 11, 1), 200])

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert "Payments" not in book.tables


def test_an_excel_table_on_sheet1_with_net_vat_and_gross_reads_the_gross(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Sheet1")
        ws.append(["Inv. No.", "Cust. Code", "Inv. Date", "Net", "VAT", "Gross"])
        for n, c, d, a in INVOICES:
            net = round(a / 1.14, 2)
            ws.append([n, c, d, net, round(a - net, 2), a])
        ws.append(["Total", None, None, None, None, 52400.5])
        table = Table(displayName="Table1", ref="A1:F8", totalsRowCount=1)
        table.tableColumns = [TableColumn(id=i + 1, name=n) for i, n in enumerate(
            ["Inv. No.", "Cust. Code", "Inv. Date", "Net", "VAT", "Gross"])]
        ws.add_table(table)
        _payments(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert book.tables["Invoices"].headers["Amount"] == "Gross"


def test_a_hand_kept_book_of_many_customer_sheets_reads_each_closing_balance(tmp_path):
    """A book as a clerk keeps it: a sheet per customer (named for it or by its code), its
    title merged above the columns, a balance brought forward on most, receipts typed as text
    amounts, a closing balance row; a summary sheet beside them. Each customer's open
    balance is the last running balance of its sheet, to the piastre."""
    import random

    rnd = random.Random(11)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["كود العميل", "اسم العميل", "حد الائتمان", "مدة السداد"])
    names = ["شركة النور للتجارة", "مؤسسة الأمل", "Nile Foods", "Delta Trading", "Cairo Steel",
             "مصنع الدلتا للأغذية", "Red Sea Marine", "مجموعة الريان", "Giza Plastics",
             "Aswan Cement", "مؤسسة السلام", "Alex Shipping"]
    summary = wb.create_sheet("ملخص")
    summary.append(["العميل", "الرصيد"])
    truth = {}
    for k, name in enumerate(names):
        cid = str(1000 + k)
        ws.append([cid, name, 100000, 30])
        sheet = wb.create_sheet(name if k % 3 else cid)
        sheet["A1"] = "شركة المستقبل للتوريدات"
        sheet["A2"] = f"كشف حساب العميل: {name}" if k % 2 else f"كود العميل: {cid}"
        sheet.merge_cells("A2:F2")
        sheet.append([])
        sheet.append(["التاريخ", "المرجع", "البيان", "مدين", "دائن", "الرصيد"])
        balance = round(rnd.uniform(0, 20000), 2) if k % 4 else 0.0
        if k % 4:
            sheet.append([D(2026, 6, 30), None, "رصيد أول المدة", None, None, balance])
        day = D(2026, 7, 1)
        for j in range(rnd.randint(3, 15)):
            day += dt.timedelta(days=rnd.randint(1, 9))
            if rnd.random() < 0.6:
                amount = round(rnd.uniform(500, 30000), 2)
                balance = round(balance + amount, 2)
                sheet.append([day, f"F-{k}-{j}", "فاتورة مبيعات", amount, None, balance])
            else:
                amount = round(min(balance, rnd.uniform(500, 20000)), 2) if balance > 0 else 100.0
                balance = round(balance - amount, 2)
                sheet.append([day.strftime("%d/%m/%Y"), f"Q-{k}-{j}", "سند قبض", None,
                              f"{amount:,.2f}", balance])
        sheet.append([None, None, "الرصيد الختامي", None, None, balance])
        summary.append([name, balance])
        if balance:
            truth[cid] = balance
    book = read_book(_saved(tmp_path, wb))
    assert _open_by_customer(book) == truth
    assert not [m for m in _messages(book) if "does not follow" in m[2] or "first balance" in m[2]]
    assert len(set(book.invoices["_sheet"])) == len(names)


def test_a_template_left_empty_beside_customer_sheets_reads_the_customer_sheets(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Invoices")
        ws.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
        wb.create_sheet("Payments").append(["Payment ID", "Customer ID", "Date", "Amount"])
        _statement_sheets(wb)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert "Payments" not in book.tables  # (the Paid columns of the customers' sheets say it)
    assert _messages(book)[:2] == [
        ("Payments", "A1", "sheet 'Payments' holds its header only: the customers' sheets are "
         "read instead"),
        ("Invoices", "A1", "sheet 'Invoices' holds its header only: the customers' sheets are "
         "read instead")]


def test_one_running_balance_over_every_customer_of_a_list_is_no_break(tmp_path):
    def sheets(wb):
        ws = wb.create_sheet("Invoices")
        ws.append(["Customer ID", "Date", "Ref", "Debit", "Credit", "Balance"])
        rows = sorted([(c, d, n, a) for n, c, d, a in INVOICES] +
                      [(c, d, n, -a) for n, c, d, a, _ in RECEIPTS])
        balance = 0.0
        for c, d, n, a in rows:
            balance += a
            ws.append([c, d, n, a if a > 0 else None, -a if a < 0 else None, balance])
        ws["F6"] = ws["F6"].value + 1000  # (one slip: said at its cell, once)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _open_by_customer(book) == OPEN
    assert [m for m in _messages(book) if m[1].startswith("F")] == [
        ("Invoices", "F6", "running balance 8,800.50 does not follow from the balance above "
         "(12,800.50) and this row's debit less credit (-5,000.00): 1,000.00 unaccounted for; "
         "check the rows between")]


def test_rows_hidden_by_a_filter_in_an_ods_saved_by_libreoffice_are_said(tmp_path):
    from tests.conftest import soffice_convert

    def sheets(wb):
        ws = _invoice_sheet(wb)
        ws.auto_filter.ref = "A1:D7"
        ws.auto_filter.add_filter_column(1, ["C001"])
        for row, r in enumerate(INVOICES, start=2):
            ws.row_dimensions[row].hidden = r[1] != "C001"
        _payments(wb)

    out = tmp_path / "lo"
    out.mkdir()
    book = read_book(soffice_convert(_saved(tmp_path, _book(sheets)), "ods", out))
    assert _open_by_customer(book) == OPEN
    assert [m for m in _messages(book) if "hidden" in m[2]] == [
        ("Invoices", "A3", "4 row(s) of sheet 'Invoices' are hidden by the sheet's filter "
         "(AutoFilter): read like every other row (a filter is a view; the figures count them "
         "all): rows 3, 5, 6, 7")]


def _aged(book) -> dict[str, dict[str, float]]:
    from ar_excel.core.aging import aging_by_customer

    aging = aging_by_customer(open_items(book.customers, book.invoices, book.payments, AS_OF),
                              book.customers)
    buckets = ["Current", "1-30", "31-60", "61-90", "90+"]
    return {r["Customer ID"]: {b: round(r[b], 2) for b in buckets if round(r[b], 2)}
            for _, r in aging.iterrows()}


@pytest.mark.parametrize("narration", ["Description", "البيان"])
def test_a_ledger_receipt_naming_its_customers_invoice_pays_that_invoice(tmp_path, narration):
    def sheets(wb):
        for cid, rows in (
                ("C001", [[D(2026, 8, 10), "INV-1005", "Invoice", 5000, None, 5000],
                          [D(2026, 9, 20), "INV-1006", "Invoice", 3000, None, 8000],
                          [D(2026, 10, 15), "RC-7", "Receipt against INV-1005", None, 5000, 3000]]),
                ("C002", [[D(2026, 10, 1), "INV-2001", "Invoice", 4000, None, 4000],
                          [D(2026, 10, 20), "RC-8", "سداد فاتورة 2001", None, 1500, 2500],
                          [D(2026, 11, 10), "INV-2002", "Invoice", 2000, None, 4500],
                          [D(2026, 11, 20), "RC-9", "Chq 4411 INV-2002", None, 2000, 2500]]),
                # naming two invoices, another customer's or a credit note: today's credits
                ("C003", [[D(2026, 9, 1), "INV-3001", "Invoice", 1000, None, 1000],
                          [D(2026, 9, 2), "INV-3002", "Invoice", 2000, None, 3000],
                          [D(2026, 11, 5), "RC-10", "Chq 4412 INV-3001 INV-3002", None, 2500, 500],
                          [D(2026, 11, 6), "RC-11", "Receipt INV-1006", None, 100, 400],
                          [D(2026, 11, 7), "CN-3", "Credit note on INV-3001", None, 50, 350]])):
            ws = wb.create_sheet(cid)
            ws.append([f"Customer: {cid}"])
            ws.append(["Date", "Ref", narration, "Debit", "Credit", "Balance"])
            for row in rows:
                ws.append(row)

    book = read_book(_saved(tmp_path, _book(sheets)))
    assert _aged(book) == {
        "C001": {"31-60": 3000.0},  # INV-1005 paid; INV-1006 due 20/10
        "C002": {"1-30": 2500.0},  # INV-2001 part paid; INV-2002 paid
        "C003": {"1-30": -2650.0, "31-60": 3000.0}}
    assert _open_by_customer(book) == {"C001": 3000.0, "C002": 2500.0, "C003": 350.0}
    items = open_items(book.customers, book.invoices, book.payments, AS_OF)
    assert sorted(items.loc[items["Customer ID"] == "C003", "Document No"]) == [
        "CN-3", "INV-3001", "INV-3002", "RC-10", "RC-11"]


# Two columns of one field in the customer list ----------------------------------------------

def _two_limit_book(head: list[str], hide: str | None = None) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(head)
    for (cid, name), old, new in zip(CUSTOMERS, (50000, 80000, 20000), (60000, 80000, 45000),
                                     strict=True):
        ws.append([cid, name, "EGP", 30, old, new])
    if hide:
        ws.column_dimensions[hide].hidden = True
    return wb


def test_an_old_credit_limit_hidden_left_of_the_current_one_gives_way(tmp_path):
    head = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "Credit Limit"]
    book = read_book(_saved(tmp_path, _two_limit_book(head, hide="E")))
    assert book.customers["Credit Limit"].tolist() == [60000.0, 80000.0, 45000.0]
    assert book.tables["Customers"].cell(0, "Credit Limit") == "F2"
    assert [m for m in _messages(book) if "both give" in m[2]] == [
        ("Customers", "F1", "columns E ('Credit Limit') and F ('Credit Limit') both give the "
         "Credit Limit and differ on 2 row(s): column F is read (the other is hidden in "
         "Excel); delete or rename the other")]


def test_two_visible_credit_limit_columns_are_said_the_first_read(tmp_path):
    head = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
            "Credit Limit 2026"]
    book = read_book(_saved(tmp_path, _two_limit_book(head)))
    assert book.customers["Credit Limit"].tolist() == [50000.0, 80000.0, 20000.0]
    assert [m for m in _messages(book) if "both give" in m[2]] == [
        ("Customers", "E1", "columns E ('Credit Limit') and F ('Credit Limit 2026') both give "
         "the Credit Limit and differ on 2 row(s): column E is read (the surer header, the "
         "leftmost); delete or rename the other")]


def test_limits_per_currency_and_names_in_two_languages_are_no_second_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Name (Arabic)", "Currency", "Credit Limit (EGP)",
               "Credit Limit (USD)"])
    ws.append(["C001", "Nile Foods", "أغذية النيل", "EGP", 100000, None])
    ws.append(["C002", "Delta Trading", "الدلتا للتجارة", "USD", None, 5000])
    book = read_book(_saved(tmp_path, wb))
    assert book.customers["Credit Limit"].tolist() == [100000.0, 5000.0]
    assert not [m for m in _messages(book) if "both give" in m[2]]


def test_two_columns_of_one_field_are_said_in_arabic_too():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message(
        "columns E ('Credit Limit') and F ('Credit Limit') both give the Credit Limit and "
        "differ on 2 row(s): column F is read (the other is hidden in Excel); delete or "
        "rename the other") == (
        "العمودان E ('Credit Limit') and F ('Credit Limit') يعطيان Credit Limit ويختلفان في 2 "
        "صف: قُرئ العمود F (الآخر مخفي في Excel)؛ احذف الآخر أو غيّر اسمه")


def test_a_ledger_receipt_paying_the_invoice_it_names_counts_as_paid_late(tmp_path):
    from ar_excel.core.kpis import days_late

    def sheets(wb):
        _ledger_sheet(wb, "C001", [[D(2026, 8, 10), "INV-1005", "Invoice", 5000, None, 5000],
                                   [D(2026, 10, 15), "RC-7", "Receipt against INV-1005", None,
                                    5000, 0]])

    book = read_book(_saved(tmp_path, _book(sheets)))
    late = days_late(book.customers, book.invoices, book.payments, AS_OF)
    # due 09/09/2026 (30 days' terms), paid 15/10/2026
    assert late[["Invoice No", "Applied Amount", "Days Late"]].values.tolist() == [
        ["INV-1005", 5000.0, 36]]


def test_a_receipt_the_list_notes_as_paying_an_invoice_joins_the_payments_sheets():
    from ar_excel.core.ledger import PAYS_INVOICE
    from ar_excel.model import ROW

    customers = pd.DataFrame({"Customer ID": ["C001"], "Currency": ["EGP"],
                              "Payment Terms": [30]})
    invoices = pd.DataFrame({
        "Invoice No": ["INV-1", "RC-1", "INV-2"], "Customer ID": ["C001"] * 3,
        "Invoice Date": pd.to_datetime(["2026-09-01", "2026-10-01", "2026-11-01"]),
        "Due Date": pd.NaT, "Currency": None, "Amount": [1000.0, -400.0, 500.0],
        PAYS_INVOICE: [None, "INV-1", None], ROW: [2, 3, 4]})
    payments = pd.DataFrame({
        "Payment ID": ["P-1"], "Customer ID": ["C001"], "Date": pd.to_datetime(["2026-10-20"]),
        "Amount": [900.0], "Invoice No": ["INV-1"], ROW: [2]}, index=[7])
    items = open_items(customers, invoices, payments, AS_OF)
    # INV-1: 400 from the list's receipt (01/10), then 600 of P-1 (20/10); 300 on account
    assert sorted(zip(items["Document No"], items["Open Amount"], strict=True)) == [
        ("INV-2", 500.0), ("P-1", -300.0)]
