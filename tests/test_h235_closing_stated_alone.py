"""A statement that states its closing balance and no opening one.

An OFX download states only LEDGERBAL, the booked balance at its end (OFX has no opening
balance); the Reconciliation tab said 'Closing balance (statement): not stated' beside an
empty amount though the file says 197,848.25 - the figure an accountant compares with the
cash account in the books. It is now shown as the bank states it, with the note that there
is no opening balance to tie the lines out to; a statement of the file stating none leaves
it unsaid (a sum of the others' would be no closing balance of the file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from ar_excel.cli import main

HEAD = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1>"


def _statement(account: str, lines: list[tuple[str, str, str, str]], ledger: str | None) -> str:
    trns = "".join(f"<STMTTRN><TRNTYPE>{'CREDIT' if amount[0] != '-' else 'DEBIT'}"
                   f"<DTPOSTED>{day}<TRNAMT>{amount}<FITID>{fitid}<NAME>{name}\n</STMTTRN>"
                   for day, amount, fitid, name in lines)
    balance = (f"<LEDGERBAL><BALAMT>{ledger}<DTASOF>20261130235959[+4:GST]</LEDGERBAL>"
               if ledger is not None else "")
    return ("<STMTTRNRS><STMTRS><CURDEF>AED<BANKACCTFROM><BANKID>ADCBAEAA"
            f"<ACCTID>{account}<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>"
            f"<DTSTART>20261101<DTEND>20261130{trns}</BANKTRANLIST>{balance}"
            "</STMTRS></STMTTRNRS>")


def _summary(tmp_path: Path, *statements: str) -> dict[str, tuple]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C01", "Al Noor Trading LLC", "AED", 30])
    ws = wb.create_sheet("Invoices")
    ws.append(["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"])
    ws.append(["INV-1001", "C01", dt.date(2026, 10, 5), "AED", 12500.0])
    wb.save(tmp_path / "book.xlsx")
    (tmp_path / "stmt.ofx").write_text(HEAD + "".join(statements) + "</BANKMSGSRSV1></OFX>\n")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(tmp_path / "book.xlsx"), "--bank", str(tmp_path / "stmt.ofx"),
                 "-o", str(out)]) == 0
    rows = CalamineWorkbook.from_path(out).get_sheet_by_name("Reconciliation").to_python()
    return {r[0]: (r[1], r[3]) for r in rows[1:]}


LINES = [("20261102", "12500.00", "F1", "AL NOOR TRADING LLC INV-1001"),
         ("20261103", "-52.50", "F2", "SERVICE CHARGES")]


def test_the_ledger_balance_of_an_ofx_download_is_its_closing_balance(tmp_path: Path) -> None:
    got = _summary(tmp_path, _statement("12345678901", LINES, "162447.50"))
    assert got["Closing balance (statement)"] == (
        162447.5, "as stated by the bank; no opening balance stated, so no tie-out")
    assert got["Opening balance"] == ("", "not stated")
    assert got["Closing balance (computed)"][0] == ""
    assert "Difference" not in got
    from ar_excel.io.reasons_ar import arabic_note

    assert arabic_note(got["Closing balance (statement)"][1]) == (
        "كما أورده البنك؛ لم يُذكر رصيد افتتاحي، فلا مطابقة للرصيد")


def test_two_accounts_each_stating_its_closing_add_up(tmp_path: Path) -> None:
    other = [("20261104", "700.00", "G1", "TRANSFER")]
    got = _summary(tmp_path, _statement("12345678901", LINES, "162447.50"),
                   _statement("98765432100", other, "5700.00"))
    assert got["Closing balance (statement)"][0] == 168147.5


def test_a_statement_stating_no_balance_leaves_the_closing_unsaid(tmp_path: Path) -> None:
    other = [("20261104", "700.00", "G1", "TRANSFER")]
    got = _summary(tmp_path, _statement("12345678901", LINES, "162447.50"),
                   _statement("98765432100", other, None))
    assert got["Closing balance (statement)"] == ("", "not stated")
