"""Amounts that do not say plainly which way the money went, and rows that look like summaries
but are lines: negative figures in Debit/Credit columns (credits reversed, cheques returned,
charges refunded), rows with both a debit and a credit, an undated line opening 'AVAILABLE
...' under a page total, a 3-decimal currency's OFX, a camt statement zipped twice."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.bank import read_statement

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank"


def write(tmp_path: Path, text: str, name: str = "statement.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(stmt) -> list[tuple[str, str, str]]:
    return [(i.cell, i.column, i.message) for i in stmt.issues]


# --- 1. an undated line opening "AVAILABLE ..." is no summary row ------------------------

PAGED = ("Date,Description,Debit,Credit\n"
         "28/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00\n"
         "29/11/2026,BANK CHARGES,25.00,\n"
         ",Page total,25.00,12500.00\n"
         "Date,Description,Debit,Credit\n"
         ",AVAILABLE FUNDS TRANSFER FROM DELTA TRADERS INV-1003,,4100.00\n"
         ",Total,25.00,16600.00\n")


def test_an_available_funds_transfer_under_a_page_total_is_a_line(tmp_path):
    # the day's date printed once, the page broken inside the day: the line under the page
    # total was left out as a 'summary row without a date', and the Total said not to agree
    stmt = read_statement(write(tmp_path, PAGED, "hsbc_paged.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -25.0, 4100.0]
    assert stmt.lines["Description"].tolist()[2] == (
        "AVAILABLE FUNDS TRANSFER FROM DELTA TRADERS INV-1003")
    assert [d.day for d in stmt.lines["Date"]] == [28, 29, 29]
    assert stmt.lines["Line No"].tolist() == [2, 3, 6]
    assert messages(stmt) == [("", "Date", "1 line has no date of its own (row 6): the "
                               "statement prints each day's date once, so each took the date "
                               "of the dated row above it")]
    # with no dated row above it to take the date from, it is a line whose date is missing
    text = ("Date,Description,Debit,Credit\n"
            ",AVAILABLE FUNDS TRANSFER FROM DELTA TRADERS INV-1003,,4100.00\n"
            "28/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00\n")
    stmt = read_statement(write(tmp_path, text, "hsbc_paged.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0]
    assert messages(stmt) == [("A2", "Date", "date '' could not be read (blank); the line "
                               "was left out")]


def test_the_running_balance_decides_an_available_line_and_a_summary_row(tmp_path):
    text = ("Opening balance,,,,100000.00\n"
            "Date,Description,Debit,Credit,Balance\n"
            "28/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00,112500.00\n"
            "29/11/2026,BANK CHARGES,25.00,,112475.00\n"
            ",Page total,25.00,12500.00,\n"
            "Date,Description,Debit,Credit,Balance\n"
            ",AVAILABLE FUNDS TRF,,4100.00,116575.00\n"  # no party, no reference: the balance
            ",Total,25.00,16600.00,\n"
            ",Closing balance,,,116575.00\n"
            ",Available balance,,,\"116,575.00\"\n")
    stmt = read_statement(write(tmp_path, text, "adcb.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -25.0, 4100.0]
    assert stmt.lines["Balance"].tolist() == [112500.0, 112475.0, 116575.0]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (100000.0, 116575.0, 0.0)
    assert messages(stmt)[1] == ("row 10", "", "summary row under the closing balance "
                                 "('Available balance'): not a transaction; left out")
    assert len(stmt.issues) == 2


def test_real_summary_rows_under_the_lines_stay_summaries(tmp_path):
    text = ("Date,Description,Debit,Credit\n"
            "28/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00\n"
            "29/11/2026,BANK CHARGES,25.00,\n"
            ",Total,25.00,12500.00\n"
            ",Available balance,,\"12,345.00\"\n"
            ",الرصيد المتاح,,\"12,345.00\"\n"
            ",Available funds as of 30 Nov 2026,,\"12,345.00\"\n"
            ",Available balance for account AE070331234567890123456,,\"12,345.00\"\n")
    stmt = read_statement(write(tmp_path, text, "foot.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -25.0]
    summary = "summary row without a date ('{}'): not a transaction; left out"
    assert messages(stmt) == [
        ("A5", "Date", summary.format("Available balance 12,345.00")),
        ("A6", "Date", summary.format("الرصيد المتاح 12,345.00")),
        ("A7", "Date", summary.format("Available funds as of 30 Nov 2026 12,345.00")),
        ("A8", "Date", summary.format(
            "Available balance for account AE070331234567890123456 12,345.00"))]
    # with a running balance: a row the balance does not move by its figure is no line
    text = ("Date,Description,Debit,Credit,Balance\n"
            "28/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00,\"12,500.00\"\n"
            "29/11/2026,BANK CHARGES,25.00,,\"12,475.00\"\n"
            ",Total,25.00,12500.00,\n"
            ",Available balance transfer limit,,\"12,345.00\",\"12,345.00\"\n")
    stmt = read_statement(write(tmp_path, text, "foot.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [i.cell for i in stmt.issues] == ["A5"]


# --- 2. a negative figure in a Debit or Credit column ------------------------------------

RETURNED = ("Posting Date,Value Date,Narrative,Cheque No,Debit,Credit{bal}\n"
            "13/11/2026,13/11/2026,CHQ DEP NILE FOODS INV-1001,000123,,\"12,500.00\"{b1}\n"
            "16/11/2026,16/11/2026,RETURNED CHQ 000123 INSUFFICIENT FUNDS,000123,,"
            "\"-12,500.00\"{b2}\n"
            "17/11/2026,17/11/2026,TRF FROM DELTA TRADERS INV-1003,,,\"4,100.00\"{b3}\n"
            "18/11/2026,18/11/2026,BANK CHARGES,,25.00,{b4}\n"
            "19/11/2026,19/11/2026,CHARGES REFUND,,-25.00,{b5}\n")


def test_a_returned_cheque_as_a_negative_credit_is_money_out(tmp_path):
    # was read as a second receipt of 12,500.00
    text = RETURNED.format(bal="", b1="", b2="", b3="", b4="", b5="")
    stmt = read_statement(write(tmp_path, text, "nbe.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -12500.0, 4100.0, -25.0, 25.0]
    assert messages(stmt) == [
        ("F3", "Credit", "Credit '-12,500.00' is negative: read as a credit reversed (a "
         "cheque returned unpaid, a transfer recalled), money out (-12,500.00); the file has "
         "no running balance to confirm it"),
        ("E6", "Debit", "Debit '-25.00' is negative: read as a debit reversed (a charge "
         "refunded, a payment returned), money in (25.00); the file has no running balance "
         "to confirm it")]


def test_the_running_balance_decides_a_negative_figure(tmp_path):
    text = RETURNED.format(bal=",Balance", b1=",\"112,500.00\"", b2=",\"100,000.00\"",
                           b3=",\"104,100.00\"", b4=",\"104,075.00\"", b5=",\"104,100.00\"")
    text += "20/11/2026,20/11/2026,CORRECTION CREDIT,,,-300.00,\"104,400.00\"\n"
    text = "Opening balance,,,,,,\"100,000.00\"\n" + text
    stmt = read_statement(write(tmp_path, text, "nbe.csv"))
    assert stmt.lines["Amount"].tolist() == [12500.0, -12500.0, 4100.0, -25.0, 25.0, 300.0]
    assert messages(stmt) == [  # and no word from the line-by-line balance check
        ("F4", "Credit", "Credit '-12,500.00' is negative: read as a credit reversed (a "
         "cheque returned unpaid, a transfer recalled), money out (-12,500.00), as the "
         "running balance falls by it"),
        ("E7", "Debit", "Debit '-25.00' is negative: read as a debit reversed (a charge "
         "refunded, a payment returned), money in (25.00), as the running balance rises by "
         "it"),
        ("F8", "Credit", "Credit '-300.00' is negative, but the running balance rises by "
         "it: read as money in (300.00)")]
    # newest first: the balance before a line is the one printed below it
    head, *rows = text.splitlines()[1:]
    newest_first = "\n".join([head, *reversed(rows)]) + "\n"
    stmt = read_statement(write(tmp_path, newest_first, "nbe.csv"))
    assert stmt.lines["Amount"].tolist() == [300.0, 25.0, -25.0, 4100.0, -12500.0, 12500.0]
    assert [i.cell for i in stmt.issues] == ["F2", "E3", "F6"]


def test_debits_all_printed_with_a_minus_are_money_out(tmp_path):
    # Deutsche Bank, Polish banks: 'Soll' / 'Obciążenia' with a minus on every debit
    text = ("Buchungstag;Verwendungszweck;Soll;Haben;Saldo\n"
            "13.11.2026;RE 4711 ACME GmbH;;1.250,00;11.250,00\n"
            "14.11.2026;Telekom Lastschrift;-120,50;;11.129,50\n"
            "15.11.2026;Kontoführung;-9,90;;11.119,60\n")
    stmt = read_statement(write(tmp_path, text, "db.csv"))
    assert stmt.lines["Amount"].tolist() == [1250.0, -120.5, -9.9]
    assert stmt.issues == []


# --- 3. both a debit and a credit on one row ---------------------------------------------

def test_both_sides_filled_are_read_as_their_difference_and_told(tmp_path):
    text = ("Date,Description,Debit,Credit,Balance\n"
            ",Opening balance,,,\"105,000.00\"\n"
            "13/11/2026,TT IN GULF STAR INV-1002 LESS CHGS,35.00,\"5,000.00\",\"109,965.00\"\n"
            "14/11/2026,TRF FROM NILE FOODS INV-1001,0.00,\"1,000.00\",\"110,965.00\"\n"
            "15/11/2026,CASH DEP,-,500.00,\"111,465.00\"\n"
            "16/11/2026,SWIFT IN DELTA INV-1003 GROSS,15.00,\"2,000.00\",\"113,465.00\"\n")
    stmt = read_statement(write(tmp_path, text, "enbd.csv"))
    assert stmt.lines["Amount"].tolist() == [4965.0, 1000.0, 500.0, 2000.0]
    assert messages(stmt) == [  # 0.00 and '-' on the empty side: nothing to say
        ("row 3", "Debit / Credit", "both Debit (35.00) and Credit (5,000.00) are filled: read "
         "as one line of their difference, 4,965.00; the running balance moved by 4,965.00, "
         "so they are two movements booked on one row (5,000.00 in, 35.00 out)"),
        ("row 6", "Debit / Credit", "both Debit (15.00) and Credit (2,000.00) are filled, but "
         "the running balance moved by the Credit alone: read as money in (2,000.00); the "
         "other figure moved no money")]
    assert stmt.issues[0].value == "35.00 / 5,000.00"
    # no running balance: the difference, and the clerk asked to check it
    text = ("Date,Description,Withdrawals,Deposits\n"
            "13/11/2026,TT IN GULF STAR INV-1002 LESS CHGS,35.00,\"5,000.00\"\n"
            "14/11/2026,TRF FROM NILE FOODS INV-1001,0.00,\"1,000.00\"\n")
    stmt = read_statement(write(tmp_path, text, "enbd.csv"))
    assert stmt.lines["Amount"].tolist() == [4965.0, 1000.0]
    assert messages(stmt) == [
        ("row 2", "Withdrawals / Deposits", "both Withdrawals (35.00) and Deposits (5,000.00) "
         "are filled: read as one line of their difference, 4,965.00; the file has no running "
         "balance to tell whether they are two movements booked on one row, so check it "
         "against the bank's statement")]


@st.composite
def _statements(draw):
    """Movements (cents, never zero) printed as banks do: plainly, as a negative figure in
    the other column (a reversal), or as both a credit and a charge on one row."""
    count = draw(st.integers(2, 12))
    rows = []
    for _ in range(count):
        cents = draw(st.integers(1, 10**8)) * draw(st.sampled_from([1, -1]))
        how = draw(st.sampled_from(["plain", "plain", "plain", "reversed", "both"]))
        rows.append((cents / 100, how, draw(st.integers(1, 5000)) / 100))
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(rows=_statements())
def test_with_a_running_balance_every_line_moves_it_by_its_amount(tmp_path, rows):
    # a receipt and its charge on one row; most debits printed positive (where most carry a
    # minus, a minus is how the column writes debits, not a reversal)
    rows = [(m, "plain" if how == "both" and m < 0 else how, c) for m, how, c in rows]
    minus = sum(1 for m, how, _ in rows if how == "reversed" and m > 0)
    plus = sum(1 for m, how, _ in rows if how == "both" or (how == "plain" and m < 0))
    if minus > plus:
        rows = [(m, "plain" if how == "reversed" and m > 0 else how, c) for m, how, c in rows]
    balance = 50000.0
    lines = [",Opening balance,,,50000.00"]
    for day, (money, how, charge) in enumerate(rows, start=1):
        balance = round(balance + money, 2)
        if how == "plain":
            debit, credit = (f"{-money:.2f}", "") if money < 0 else ("", f"{money:.2f}")
        elif how == "reversed":
            debit, credit = (f"{-money:.2f}", "") if money > 0 else ("", f"{money:.2f}")
        else:  # a receipt and its charge on one row, the balance moved by both
            debit, credit = f"{charge:.2f}", f"{money + charge:.2f}"
        lines.append(f"{day:02d}/12/2026,LINE {day},{debit},{credit},{balance:.2f}")
    text = "Date,Description,Debit,Credit,Balance\n" + "\n".join(lines) + "\n"
    stmt = read_statement(write(tmp_path, text, "prop.csv"))
    assert stmt.lines["Amount"].tolist() == [m for m, _, _ in rows]
    assert round(stmt.lines["Amount"].sum(), 2) == round(balance - 50000.0, 2)
    assert not [i for i in stmt.issues if i.column == "Balance"]  # it follows every line
    told = [i.cell for i in stmt.issues if i.column in ("Debit", "Credit", "Debit / Credit")]
    # a reversal at its cell (a debit's minus in C, a credit's in D); both sides: the row's
    assert told == [(f"{'C' if m > 0 else 'D'}{k + 3}" if how == "reversed" else f"row {k + 3}")
                    for k, (m, how, _) in enumerate(rows) if how != "plain"]


# --- 4. an OFX in a currency of three decimals -------------------------------------------

def _ofx(currency: str, amounts: list[str], balance: str) -> str:
    trns = "".join(f"<STMTTRN>\n<TRNTYPE>{'DEBIT' if a.startswith('-') else 'CREDIT'}\n"
                   f"<DTPOSTED>202611{13 + k}\n<TRNAMT>{a}\n<FITID>KW26111{k}\n"
                   f"<NAME>PAYER {k}\n<MEMO>INV-100{k}\n</STMTTRN>\n"
                   for k, a in enumerate(amounts))
    return ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
            "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX>\n"
            "<BANKMSGSRSV1>\n<STMTTRNRS>\n<TRNUID>1\n<STMTRS>\n"
            f"<CURDEF>{currency}\n<BANKACCTFROM>\n<BANKID>NBOKKWKW\n<ACCTID>2001234567\n"
            "<ACCTTYPE>CHECKING\n</BANKACCTFROM>\n<BANKTRANLIST>\n<DTSTART>20261101\n"
            f"<DTEND>20261130\n{trns}</BANKTRANLIST>\n<LEDGERBAL>\n<BALAMT>{balance}\n"
            "<DTASOF>20261130\n</LEDGERBAL>\n</STMTRS>\n</STMTTRNRS>\n</BANKMSGSRSV1>\n</OFX>\n")


@pytest.mark.parametrize("currency", ["KWD", "BHD", "OMR", "JOD"])
def test_an_ofx_in_dinars_written_to_the_fils_has_no_decimal_note(tmp_path, currency):
    # every amount below a thousand dinars, so none has four digits before its point: each
    # was said to 'read both ways' though the fils after the point are the currency's own
    path = tmp_path / "kfh.ofx"
    path.write_text(_ofx(currency, ["250.500", "-2.500", "875.125"], "923.125"),
                    encoding="ascii")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [250.5, -2.5, 875.125]
    assert stmt.lines["Currency"].tolist() == [currency] * 3
    assert stmt.balances[0].closing == 923.125
    assert stmt.issues == []


def test_a_csv_in_dinars_written_to_the_fils_has_no_decimal_note(tmp_path):
    text = ("Date,Description,Amount,Balance,Currency\n"
            "13/11/2026,TRF AL SHAYA INV-1001,250.500,750.500,KWD\n"
            "14/11/2026,BANK CHARGES,-2.500,748.000,KWD\n")
    stmt = read_statement(write(tmp_path, text, "nbk.csv"))
    assert stmt.lines["Amount"].tolist() == [250.5, -2.5]
    assert stmt.issues == []
    # in dollars the same figures still read both ways: the clerk is told
    stmt = read_statement(write(tmp_path, text.replace("KWD", "USD"), "nbk.csv"))
    assert [i.value for i in stmt.issues] == ["250.500"]


# --- 5. a camt statement twice in one ZIP ------------------------------------------------

def test_a_camt_statement_fetched_twice_into_one_zip_is_read_once(tmp_path):
    source = SHARED / "camt053" / "vrbank_de_v02.xml"
    if not source.is_file():
        pytest.skip(f"shared bank fixtures not found at {SHARED} (../shared is absent)")
    data = source.read_bytes()
    path = tmp_path / "EBICS_C53.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("C53_20131227.xml", data)
        archive.writestr("C53_20131227_2.xml", data)  # the same download fetched again
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [-2.0, -3.0, 1.0, -3.5, -2.5]
    [bal] = stmt.balances
    assert (bal.statement, bal.difference) == ("0352C5320131227220503", 0.0)
    [note] = stmt.issues
    assert (note.sheet, note.cell, note.value) == (
        "EBICS_C53.zip", "statement 0352C5320131227220503", 5)
    assert note.message == (
        "statement 0352C5320131227220503 in EBICS_C53.zip/C53_20131227_2.xml repeats "
        "statement 0352C5320131227220503 in EBICS_C53.zip/C53_20131227.xml (the same "
        "statement id, account, balances and 5 lines): the archive holds it twice; "
        "EBICS_C53.zip/C53_20131227_2.xml was skipped so its receipts are not counted twice")
    # another statement id with the same lines: both read, and pointed out
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("C53_20131227.xml", data)
        archive.writestr("C53_20131227_2.xml", data.replace(b"220503</Id>", b"220999</Id>"))
    stmt = read_statement(path)
    assert len(stmt.lines) == 10
    [note] = stmt.issues
    assert "both were read" in note.message


@pytest.mark.parametrize(("label", "line"), [
    ("AVAILABLE FUNDS TRANSFER FROM DELTA TRADERS", True),
    ("AVAILABLE FUNDS TRF INV-1003", True),
    ("تحويل وارد من شركة الدلتا", True),
    ("Available balance 12,345.00", False),
    ("الرصيد المتاح", False),
    ("Available balance as at 30th November", False),
    ("Available balance Nov-2026", False),
    ("Available balance for account AE070331234567890123456", False),
    ("Total transfers to other banks", False),
    ("Total from previous page", False),
    ("Net movement from 01/11/2026 to 30/11/2026", False),
])
def test_without_a_running_balance_the_label_s_shape_tells_a_line(label, line):
    from ar_excel.bank.row_screening import a_line_for_all_its_summary_word

    assert a_line_for_all_its_summary_word([[label, 100.0]], 0, {"Description": 0,
                                                                 "Amount": 1}, ".", label) is line
