"""Ordinary bank statements that the import's heuristics for portal exports must not
misread: a line of a day printed without its date whose narrative mentions a balance
("PAYMENT OF OUTSTANDING BALANCE", "سداد رصيد") is a transaction, not a summary row; two
identical transfers on one day are two lines; a Description mentioning 'خصم' (a discount)
beside a type column does not turn a receipt into money out; a memo row is no line and
takes nothing from the lines around it.

An accountant expects every real line read, and nothing dropped without an Input Issue."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.bank import read_statement


def _csv(tmp_path, text: str):
    path = tmp_path / "bank.csv"
    path.write_text(text, encoding="utf-8")
    return read_statement(path)


def test_undated_lines_mentioning_a_balance_are_lines_of_the_day(tmp_path):
    """HSBC/Egyptian layout (the day's date on its first line only): a customer paying off its
    outstanding balance, in English and in Arabic, is a receipt of that day; only the
    summary rows under the statement's closing balance are left out as such."""
    stmt = _csv(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        "03/11/2026,Opening Balance,,,\"5,000.00\"\n"
        "04/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"6,000.00\"\n"
        ",PAYMENT OF OUTSTANDING BALANCE NILE FOODS,,\"2,000.00\",\"8,000.00\"\n"
        ",سداد رصيد مستحق شركة الدلتا,,500.00,\"8,500.00\"\n"
        "05/11/2026,FEES,10.00,,\"8,490.00\"\n"
        ",BALANCE TRANSFER TO DEPOSIT,\"1,000.00\",,\"7,490.00\"\n"
        "05/11/2026,Closing Balance,,,\"7,490.00\"\n"
        ",Available balance,,,\"7,490.00\"\n"
        ",No. of credits,,3,\n"))
    lines = stmt.lines
    assert lines["Date"].dt.strftime("%d/%m").tolist() == ["04/11", "04/11", "04/11", "05/11",
                                                           "05/11"]
    assert lines["Amount"].tolist() == [1000.0, 2000.0, 500.0, -10.0, -1000.0]
    assert lines["Description"].tolist() == [
        "TRF FROM ACME INV-1001", "PAYMENT OF OUTSTANDING BALANCE NILE FOODS",
        "سداد رصيد مستحق شركة الدلتا", "FEES", "BALANCE TRANSFER TO DEPOSIT"]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        5000.0, 7490.0, 3500.0, 1010.0, 0.0)
    left_out = {i.cell: i.message for i in stmt.issues if "left out" in i.message}
    assert left_out == {
        "row 9": "summary row under the closing balance ('Available balance'): not a "
                  "transaction; left out",
        "A10": "summary row without a date ('No. of credits 3'): not a transaction; left "
               "out"}  # (at its Date cell, the one it lacks; the row above is all summary)


def test_two_identical_transfers_on_one_day_are_two_lines(tmp_path):
    """The same customer paying the same invoice amount twice on one day (two instalments):
    both lines read, neither taken for a copy."""
    stmt = _csv(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        "14/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"6,000.00\"\n"
        "14/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"7,000.00\"\n"
        "15/11/2026,FEES,10.00,,\"6,990.00\"\n"))
    assert stmt.lines["Amount"].tolist() == [1000.0, 1000.0, -10.0]
    assert stmt.lines["Line No"].tolist() == [2, 3, 4]


def test_a_discount_named_in_the_narrative_beside_a_type_column(tmp_path):
    """An Egyptian export with a type column (إضافة / خصم): a receipt 'after a 2% discount'
    (بعد خصم) is money in, a fee marked خصم money out; amounts already signed are not signed
    twice."""
    stmt = _csv(tmp_path, (
        "التاريخ,البيان,النوع,المبلغ\n"
        "14/11/2026,تحويل من شركة النيل فاتورة 1001 بعد خصم 2%,إضافة,\"9,800.00\"\n"
        "15/11/2026,عمولة تحويل,خصم,-25.00\n"
        "16/11/2026,إيداع نقدي - خصم تعجيل سداد,إضافة,\"4,900.00\"\n"))
    assert stmt.lines["Amount"].tolist() == [9800.0, -25.0, 4900.0]


def _day(d: int):
    return pd.Timestamp(2026, 11, d).to_pydatetime()


_HEADER = ["Date", "Description", "Debit", "Credit", "Balance"]
_ROWS = [[_day(14), "TRF FROM ACME INV-1001", None, 1000, 6000],
         [_day(14), "TRF FROM ACME INV-1001", None, 1000, 7000],
         [_day(15), "FEES", 25, None, 6975]]


def _workbook(tmp_path, second: list[list]):
    wb = openpyxl.Workbook()
    for row in [_HEADER, *_ROWS]:
        wb.active.append(row)
    ws = wb.create_sheet("Sheet2")
    for row in [_HEADER, *second]:
        ws.append(row)
    path = tmp_path / "bank.xlsx"
    wb.save(path)
    return read_statement(path)


@pytest.mark.parametrize("second", [_ROWS, _ROWS[:2]], ids=["copy", "receipts-extract"])
def test_a_sheet_copying_the_statement_is_not_read_twice(tmp_path, second):
    """The bank's export with the clerk's copy of the statement (or of its receipts) on a
    second sheet under the same header: its receipts are read once, the copy named."""
    stmt = _workbook(tmp_path, second)
    assert stmt.lines["Amount"].tolist() == [1000.0, 1000.0, -25.0]
    [note] = [i for i in stmt.issues if "Sheet2" in i.sheet]
    assert note.value == len(second)
    assert note.message.startswith("the sheet 'Sheet2' repeats lines of the sheet 'Sheet'")


def test_a_second_account_on_its_own_sheet_is_still_read(tmp_path):
    """Another account's statement under the same header, one line the same as the first
    account's but for its balance: both sheets read."""
    stmt = _workbook(tmp_path, [[_day(14), "TRF FROM ACME INV-1001", None, 1000, 3000],
                                [_day(16), "CHQ 100234", 400, None, 2600]])
    assert stmt.lines["Amount"].tolist() == [1000.0, 1000.0, -25.0, 1000.0, -400.0]


def test_the_new_notes_read_in_arabic(tmp_path):
    """The copy sheet's note and the foot's summary row, in an Arabic workbook's Input Issues."""
    from ar_excel.io.messages_ar import arabic_message

    stmt = _workbook(tmp_path, _ROWS)
    [note] = [i for i in stmt.issues if "Sheet2" in i.sheet]
    assert arabic_message(note.message) == (
        "الورقة 'Sheet2' تكرر حركات الورقة 'Sheet' (كل حركاتها وعددها 3 بتاريخها ومبلغها "
        "وبيانها ورصيدها): نسخة وليست كشف حساب آخر؛ لم تُقرأ حتى لا تُحتسب تحصيلاتها مرتين")
    assert arabic_message("summary row under the closing balance ('Available balance'): not a "
                          "transaction; left out") == (
        "صف ملخص تحت الرصيد الختامي ('Available balance'): ليس حركة؛ استُبعد")


def test_a_wrapped_row_atop_one_day_does_not_move_the_other_days_references(tmp_path):
    """A statement printing each line's amount on its first row and wrapping the narrative
    below it (INV-1001 under Nile's transfer), the date once a day; one day opens with a
    narrative wrapped before its amount. Nile's invoice stays on Nile's line: it is not
    moved onto Delta's transfer below it."""
    stmt = _csv(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        "03/11/2026,Opening Balance,,,\"5,000.00\"\n"
        "04/11/2026,TRF FROM NILE FOODS,,\"1,000.00\",\"6,000.00\"\n"
        ",INV-1001,,,\n"
        ",TRF FROM DELTA TRADING,,\"2,000.00\",\"8,000.00\"\n"
        ",INV-1002,,,\n"
        "05/11/2026,TRANSFER FROM SINAI BUILD FOR,,,\n"
        ",INVOICE 1003,,\"3,000.00\",\"11,000.00\"\n"
        ",CHQ 100234,500.00,,\"10,500.00\"\n"
        ",CHEQUE BOOK CHARGES,,,\n"))
    assert stmt.lines["Description"].tolist() == [
        "TRF FROM NILE FOODS INV-1001", "TRF FROM DELTA TRADING INV-1002",
        "TRANSFER FROM SINAI BUILD FOR INVOICE 1003", "CHQ 100234 CHEQUE BOOK CHARGES"]
    assert stmt.lines["Amount"].tolist() == [1000.0, 2000.0, 3000.0, -500.0]
    assert stmt.lines["Date"].dt.day.tolist() == [4, 4, 5, 5]


def test_a_workbook_of_a_sheet_per_month_says_so(tmp_path):
    """The clerk's bank workbook, one sheet per month under the same header: both months are
    read (as sheets of one export are), and the clerk is told which month each sheet holds
    and how to reconcile one only; sheets of one period (several accounts) are not."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, row in (("Oct", [_day(5).replace(month=10), "TRF FROM ACME INV-0901", None,
                               1000, 6000]),
                      ("Nov", [_day(5), "TRF FROM DELTA INV-1002", None, 2000, 8000])):
        ws = wb.create_sheet(name)
        ws.append(_HEADER)
        ws.append(row)
    path = tmp_path / "bank.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1000.0, 2000.0]
    [note] = [i for i in stmt.issues if "month" in i.message]
    assert note.message == (
        "the workbook's sheets each hold another month of the statement ('Oct' (Oct 2026), "
        "'Nov' (Nov 2026)): all were read as one statement. If only one month is to be "
        "reconciled, name its sheet (--bank-columns \"sheet=Nov\")")
    two_accounts = _workbook(tmp_path, [[_day(14), "TRF FROM ACME INV-1001", None, 1000, 3000]])
    assert not any("month" in i.message for i in two_accounts.issues)
