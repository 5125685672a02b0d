"""CSV/XLSX bank exports written in the test: encodings, delimiters, preambles, number and date
styles, debit/credit columns, bad rows (reported with their row, nothing lost)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.bank import read_statement, statement_from_table
from ar_excel.errors import InputError
from ar_excel.model import ROW, Table
from ar_excel.schema import BANK


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "bank.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def dates(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


def without_order_note(issues, column="Date"):
    """The issues besides the one note that every date reads both ways and nothing in the file
    tells day first from month first (two early-month dates: 01/11 and 02/11)."""
    notes = [i for i in issues if "nothing in the file tells which" in i.message]
    assert [(i.column, "read day first" in i.message) for i in notes] == [(column, True)]
    return [i for i in issues if i not in notes]


def test_cp1256_arabic_export(tmp_path):
    text = ("التاريخ;البيان;المبلغ;المرجع;اسم المحول\r\n"
            "15/02/2024;تحويل من شركة النور للتجارة;1500.00;INV-1001;شركة النور\r\n"
            "16/02/2024;رسوم بنكية;-25.50;;\r\n")
    stmt = read_statement(write(tmp_path, text, "cp1256"))
    assert stmt.encoding == "cp1256"
    assert not stmt.issues
    first = stmt.lines.iloc[0]
    assert first["Description"] == "تحويل من شركة النور للتجارة"
    assert first["Counterparty"] == "شركة النور"
    assert first["Amount"] == 1500.0 and first["Reference"] == "INV-1001"
    assert stmt.lines["Date"].tolist() == dates("2024-02-15", "2024-02-16")
    assert stmt.lines["Amount"].tolist() == [1500.0, -25.5]


def test_arabic_indic_digits_and_debit_credit_headers(tmp_path):
    text = ("التاريخ,البيان,مدين,دائن,الرصيد\n"
            "٠٣/٠٢/٢٠٢٤,سداد فاتورة ١٠٠٢,,\"٢٬٥٠٠٫٠٠\",\"١٠٬٠٠٠٫٠٠\"\n"
            "٠٤/٠٢/٢٠٢٤,عمولة,١٥٫٠٠,,\"٩٬٩٨٥٫٠٠\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [2500.0, -15.0]
    assert stmt.lines["Balance"].tolist() == [10000.0, 9985.0]
    assert stmt.lines["Date"].tolist() == dates("2024-02-03", "2024-02-04")  # day first default


def test_utf8_bom_header_is_found(tmp_path):
    text = "\ufeffDate,Description,Amount,Transaction ID\n2024-03-01,ACME Ltd INV-7,250.00,TX1\n"
    stmt = read_statement(write(tmp_path, text))
    assert stmt.encoding == "utf-8-sig"
    line = stmt.lines.iloc[0]
    assert line["Date"] == pd.Timestamp("2024-03-01") and line["Amount"] == 250.0
    assert line["Bank Line"] == "TX1" and line["Bank Ref"] == "TX1"


def test_semicolon_and_decimal_comma_german(tmp_path):
    text = ("Buchungstag;Wertstellung;Verwendungszweck;Betrag;Währung\n"
            "01.03.2024;04.03.2024;RE 4711 Müller GmbH;1.234,56;EUR\n"
            "02.03.2024;02.03.2024;Miete März;-800,00;EUR\n"
            "03.03.2024;03.03.2024;Gebühr;-1.000,;EUR\n")
    stmt = read_statement(write(tmp_path, text, "cp1252"))
    assert stmt.encoding == "cp1252"
    assert stmt.lines["Amount"].tolist() == [1234.56, -800.0, -1000.0]
    assert stmt.lines["Value Date"].tolist() == dates("2024-03-04", "2024-03-02", "2024-03-03")
    assert stmt.lines.iloc[0]["Description"] == "RE 4711 Müller GmbH"


def test_preamble_lines_and_stated_balances(tmp_path):
    text = ("Account number:,EG12 0003 0001 2345 6789 0123 456\n"
            "Statement period:,01/03/2024 - 31/03/2024\n"
            "Opening balance:,\"1,000.00\"\n"
            "\n"
            "Date,Description,Amount,Balance\n"
            "05/03/2024,Nile Foods INV-1001,\"1,500.00\",\"2,500.00\"\n"
            "06/03/2024,Bank charges,-20.00,\"2,480.00\"\n"
            "Total,,\"1,480.00\",\n"
            "Closing balance:,\"2,480.00\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert len(stmt.lines) == 2  # the totals row is not a line
    assert stmt.lines["Line No"].tolist() == [6, 7]  # rows in the file
    assert stmt.lines["Bank Line"].tolist() == ["1", "2"]  # no bank ids: positions
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.credits, bal.debits) == (1000.0, 2480.0, 1500.0, 20.0)
    assert bal.ties_out and not stmt.issues


def test_stated_balances_that_do_not_tie_out_are_reported(tmp_path):
    text = ("Opening balance;100,00\n"
            "Datum;Verwendungszweck;Betrag\n"
            "01.03.2024;A;50,00\n"
            "Closing balance;160,00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.balances[0].difference == -10.0
    assert len(stmt.issues) == 1 and "does not tie out" in stmt.issues[0].message


def test_debit_and_credit_columns(tmp_path):
    text = ("Posting Date,Details,Withdrawals,Deposits\n"
            "01/03/2024,Card fee,12.50,\n"
            "02/03/2024,Customer A INV-9,,500.00\n"
            "03/03/2024,Refund,-20.00,\n")
    stmt = read_statement(write(tmp_path, text))
    # the column prints debits positive: the negative one is a debit reversed, money in (it
    # was read as money out); the clerk is told so, at its cell
    assert stmt.lines["Amount"].tolist() == [-12.5, 500.0, 20.0]
    [note] = stmt.issues
    assert (note.cell, note.column, note.value) == ("C4", "Withdrawals", "-20.00")
    assert note.message.startswith("Withdrawals '-20.00' is negative: read as a debit reversed")
    # a bank that prints every debit with a minus: money out, nothing to say
    text = text.replace("Card fee,12.50", "Card fee,-12.50")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-12.5, 500.0, -20.0]
    assert stmt.issues == []


def test_narratives_split_by_the_comma_on_a_debit_and_a_credit_line_are_joined_back(tmp_path):
    # Credit is the last column: a debit's blank Credit is a trailing empty field, which the
    # join must count (it left the debit unjoined, its amount read from the narrative's tail)
    fees = "".join(f"{d:02d}/11/2026,Card fee {d},1.00,\n" for d in range(3, 13))
    text = ("Opening balance:,5000.00\n"
            "Date,Description,Debit,Credit\n"
            "01/11/2026,POS PURCHASE, CAIRO MALL,1200.50,\n"
            "02/11/2026,TT IN ACME, LLC,,2000.00\n"
            + fees + "Closing balance:,5789.50\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-1200.5, 2000.0] + [-1.0] * 10
    assert stmt.lines["Description"].tolist()[:2] == ["POS PURCHASE, CAIRO MALL",
                                                      "TT IN ACME, LLC"]
    bal = stmt.balances[0]
    assert (bal.opening, bal.credits, bal.debits, bal.closing) == (5000.0, 2000.0, 1210.5,
                                                                   5789.5)
    assert bal.ties_out
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("B3:C3", "Description", "POS PURCHASE, CAIRO MALL"),
        ("B4:C4", "Description", "TT IN ACME, LLC")]
    # the same with a signed amount and a trailing delimiter on every row
    text = ("Opening balance:,5000.00,\n"
            "Date,Description,Amount,\n"
            "01/11/2026,POS PURCHASE, CAIRO MALL,-1200.50,\n"
            "02/11/2026,TT IN ACME, LLC,2000.00,\n"
            + fees.replace(",1.00,", ",-1.00,").replace("\n", ",\n")
            + "Closing balance:,5789.50,\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-1200.5, 2000.0] + [-1.0] * 10
    assert stmt.balances[0].ties_out
    assert [i.cell for i in stmt.issues] == ["B3:C3", "B4:C4"]


def test_amount_with_debit_credit_indicator(tmp_path):
    text = ("Date;Text;Amount;S/H\n01.03.2024;Lastschrift;12,50;S\n02.03.2024;Gutschrift;99,00;H\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-12.5, 99.0]


def test_currency_formatted_and_parenthesised_amounts(tmp_path):
    text = ("Date,Description,Amount\n"
            "01/03/2024,Fee,(12.50)\n"
            "02/03/2024,Payment,\"$1,234.50\"\n"
            "03/03/2024,Chargeback,\"-$1,000.00\"\n"
            "04/03/2024,Interest,0.75 CR\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [-12.5, 1234.5, -1000.0, 0.75]
    assert stmt.lines["Currency"].tolist() == ["USD"] * 4


def test_month_first_dates_detected_from_values(tmp_path):
    text = "Date,Description,Amount\n03/15/2024,a,1.00\n04/01/2024,b,2.00\n"
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2024-03-15", "2024-04-01")


def test_ambiguous_dates_follow_day_first_argument(tmp_path):
    path = write(tmp_path, "Date,Description,Amount\n03/04/2024,a,1.00\n")
    assert read_statement(path).lines["Date"].tolist() == dates("2024-04-03")  # day first
    assert read_statement(path, day_first=False).lines["Date"].tolist() == dates("2024-03-04")


def test_undecidable_file_raises_with_a_clear_message(tmp_path):
    with pytest.raises(InputError) as exc:
        read_statement(write(tmp_path, "Foo,Bar,Baz\n1,2,3\n4,5,6\n"))
    assert "header row" in str(exc.value) and "--bank-columns" in str(exc.value)

    path = write(tmp_path, "Date,Description,Value\n01/03/2024,a,10.00\n", name="b.csv")
    with pytest.raises(InputError) as exc:
        read_statement(path)
    message = str(exc.value)
    assert "amount" in message and "Date, Description, Value" in message
    assert '--bank-columns "Amount=' in message
    stmt = read_statement(path, mapping={"Amount": "Value"})
    assert stmt.lines["Amount"].tolist() == [10.0]


def test_mapping_overrides_detection(tmp_path):
    text = "When|What|How much\n2024/03/01|x|1.234\n2024/03/02|y|2.000\n"
    stmt = read_statement(write(tmp_path, text), mapping={
        "Date": "When", "Description": "What", "Amount": "How much", "decimal": ",",
        "date_format": "%Y/%m/%d"})
    assert stmt.lines["Amount"].tolist() == [1234.0, 2000.0]
    assert stmt.lines["Date"].tolist() == dates("2024-03-01", "2024-03-02")


def test_bad_amount_row_is_an_issue_and_nothing_else_is_lost(tmp_path):
    text = ("Date,Description,Amount\n"
            "01/03/2024,ok one,10.00\n"
            "02/03/2024,broken,12..3x\n"
            "31/02/2024,bad date,5.00\n"
            "03/03/2024,ok two,-4.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == ["ok one", "ok two"]
    assert stmt.lines["Line No"].tolist() == [2, 5]
    bad = {(i.cell, i.column, i.value) for i in stmt.issues}
    assert bad == {("C3", "Amount", "12..3x"), ("A4", "Date", "31/02/2024")}
    assert all(i.sheet == "bank.csv" for i in stmt.issues)
    assert all("left out" in i.message for i in stmt.issues)


def test_a_line_that_cannot_be_read_keeps_the_bank_lines_of_the_lines_after_it(tmp_path):
    # no bank ids: a line is known by its position in the statement. The lines that could
    # not be read are still the statement's second and third, so the fourth stays "4" when
    # they are put right (last run's decision on "4" is still on the same transfer); the
    # page footer is no line
    text = ("Date,Description,Amount\n"
            "13/11/2026,TRF NILE TRADING INV-101,11400.00\n"
            "14/11/2026,TRF DELTA FOODS INV-102,12O.00\n"
            "31/11/2026,CHQ DEP 000123,500.00\n"
            ",Page 1 of 2,\n"
            "15/11/2026,TRF CAIRO STEEL INV-103,750.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == ["TRF NILE TRADING INV-101",
                                                  "TRF CAIRO STEEL INV-103"]
    assert stmt.lines["Bank Line"].tolist() == ["1", "4"]  # was "1", "2"
    fixed = read_statement(write(tmp_path, text.replace("12O.00", "120.00").replace(
        "31/11/2026", "30/11/2026")))
    assert fixed.lines["Bank Line"].tolist() == ["1", "2", "3", "4"]
    assert fixed.lines["Amount"].tolist() == [11400.0, 120.0, 500.0, 750.0]


def test_continuation_rows_repeated_ids_and_pending(tmp_path):
    text = ("Date,Description,Amount,Transaction ID,Status\n"
            "01/03/2024,Payment from Delta,100.00,T1,Booked\n"
            ",for invoices 1001 and 1002,,,\n"
            "02/03/2024,Second part,50.00,T1,Booked\n"
            "03/03/2024,Card hold,-9.99,T3,Pending\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == [
        "Payment from Delta for invoices 1001 and 1002", "Second part"]
    assert stmt.lines["Bank Line"].tolist() == ["T1", "T1-2"]
    assert [(i.cell, i.value) for i in stmt.issues] == [("E5", "Pending")]


def test_garbled_text_is_flagged(tmp_path):
    mojibake = "Müller GmbH".encode().decode("latin-1")  # saved through the wrong code page
    stmt = read_statement(write(tmp_path, f"Date,Description,Amount\n01/03/2024,{mojibake},1.00\n"))
    assert len(stmt.lines) == 1
    assert any("garbled" in i.message and "MÃ¼ller" in i.message for i in stmt.issues)


def test_xlsx_export_with_preamble(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Statement 2024-03"
    ws.append(["National Bank of Egypt"])
    ws.append(["Account", "1234567890"])
    ws.append([])
    ws.append(["Value Date", "Transaction Date", "Narrative", "Debit", "Credit", "Balance"])
    ws.append([datetime(2024, 3, 2), datetime(2024, 3, 1), "Nile Foods INV-55", None, 1500.0,
               1500.0])
    ws.append([datetime(2024, 3, 3), datetime(2024, 3, 3), "Charges", 12.5, None, 1487.5])
    ws.append([None, "Total", None, 12.5, 1500.0, None])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    assert stmt.source_format == "xlsx"
    assert stmt.lines["Amount"].tolist() == [1500.0, -12.5]
    assert stmt.lines["Date"].tolist() == dates("2024-03-01", "2024-03-03")
    assert stmt.lines["Value Date"].tolist() == dates("2024-03-02", "2024-03-03")
    assert stmt.lines["Line No"].tolist() == [5, 6]
    assert not stmt.issues


def test_statement_from_table():
    frame = pd.DataFrame({
        "Date": pd.to_datetime(["2024-03-01", "2024-03-02", None, "2024-03-04"]),
        "Value Date": pd.to_datetime([None, None, None, None]),
        "Description": ["Nile Foods INV-1", "Fee", "no date here", "bad amount"],
        "Amount": [1500.0, None, 10.0, None],
        "Debit": [None, 12.5, None, None],
        "Credit": [None, None, None, None],
        "Currency": ["egp", "EGP", "EGP", "EGP"],
        "Reference": ["INV-1", None, None, None],
        "Counterparty": ["Nile Foods", None, None, None],
        "Counterparty Account": [None] * 4,
        "Bank Ref": ["FT001", None, None, None],
        "Balance": [None] * 4,
        ROW: [2, 3, 4, 5],
    })
    raw = frame.astype(object)
    letters = {c.name: chr(65 + i) for i, c in enumerate(BANK.fields)}
    table = Table("Bank Statement", "كشف الحساب البنكي", frame, raw, letters)
    stmt = statement_from_table(table)
    assert stmt.lines["Amount"].tolist() == [1500.0, -12.5]
    assert stmt.lines["Bank Line"].tolist() == ["FT001", "2"]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    assert [(i.sheet, i.cell) for i in stmt.issues] == [
        ("كشف الحساب البنكي", f"{letters['Date']}4"), ("كشف الحساب البنكي", f"{letters['Amount']}5")]


def test_account_info_line_is_not_taken_for_the_header(tmp_path):
    text = ("Account Number:,EG1234,Currency:,EGP\n"
            "Date,Description,Amount,Balance\n"
            "01/03/2024,Closing balance adjustment,5.00,105.00\n"
            "Closing balance,,,105.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [5.0]  # a dated line with an amount stays a line
    assert stmt.balances[0].closing == 105.0


# ---------------------------------------------------------------- property: amounts survive

_STYLES = [(",", "."), (".", ","), ("'", "."), (" ", ","), ("", "."), ("", ",")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cents=st.lists(st.integers(-10**10, 10**10), min_size=1, max_size=12),
       style=st.sampled_from(_STYLES), split=st.booleans())
def test_amounts_survive_any_number_style(tmp_path, cents, style, split):
    thousands, decimal = style
    delimiter = ";" if "," in style else ","

    def fmt(c: int) -> str:
        whole, frac = divmod(abs(c), 100)
        text = f"{whole:,}".replace(",", thousands) + decimal + f"{frac:02d}"
        return ("-" if c < 0 else "") + text

    if split:  # separate debit/credit columns, both printed unsigned
        header = delimiter.join(["Date", "Description", "Debit", "Credit"])
        rows = [delimiter.join(["01.03.2024", f"L{i}", fmt(-c) if c < 0 else "",
                                fmt(c) if c >= 0 else ""]) for i, c in enumerate(cents)]
    else:
        header = delimiter.join(["Date", "Description", "Amount"])
        rows = [delimiter.join(["01.03.2024", f"L{i}", fmt(c)]) for i, c in enumerate(cents)]
    path = tmp_path / "prop.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    stmt = read_statement(path)
    zeros = cents.count(0)  # no money moved: left out, with one issue saying how many
    column = "Credit" if split else "Amount"
    assert [(i.column, i.value) for i in stmt.issues] == ([(column, zeros)] if zeros else [])
    got = [round(a * 100) for a in stmt.lines["Amount"]]
    assert got == [c for c in cents if c]  # every other line, its exact amount, in file order
    assert round(stmt.lines["Amount"].sum() * 100) == sum(cents)


def test_html_page_saved_as_xls(tmp_path):
    html = ("<html><head><meta charset='utf-8'></head><body><table>"
            "<tr><td>Bank Misr - Account Statement</td></tr>"
            "<tr><th>تاريخ العملية</th><th>الوصف</th><th>مدين</th><th>دائن</th><th>الرصيد</th></tr>"
            "<tr><td>01/04/2024</td><td>تحويل وارد<br>شركة الدلتا</td><td></td>"
            "<td>12,500.00</td><td>12,500.00</td></tr>"
            "<tr><td>02/04/2024</td><td>عمولة &amp; مصاريف</td><td>35.00</td><td></td>"
            "<td>12,465.00</td></tr>"
            "</table></body></html>")
    path = write(tmp_path, html, name="statement.xls")
    stmt = read_statement(path)
    assert stmt.source_format == "html"
    assert stmt.lines["Amount"].tolist() == [12500.0, -35.0]
    assert stmt.lines["Description"].tolist() == ["تحويل وارد شركة الدلتا", "عمولة & مصاريف"]
    assert stmt.lines["Date"].tolist() == dates("2024-04-01", "2024-04-02")


def test_a_file_with_no_usable_line_is_an_input_error(tmp_path):
    path = write(tmp_path, "Date,Description,Amount\nsoon,a,1.00\nlater,b,2.00\n")
    with pytest.raises(InputError) as exc:
        read_statement(path)
    assert "no line of the statement could be used" in str(exc.value)
    assert "the first problem: A2 (Date): date 'soon' could not be read" in str(exc.value)
    with pytest.raises(InputError, match="headers not found"):
        read_statement(path, mapping={"Date": "Booking day", "Amount": "Amount"})


def test_no_usable_line_names_the_failing_row_not_the_date_order_note(tmp_path):
    # the dates read both ways (a note about the whole file); the fault is the amount
    path = write(tmp_path, "Date,Amount,Description\n01/11/2026,abc,x\n02/11/2026,n/a,y\n")
    with pytest.raises(InputError) as exc:
        read_statement(path)
    assert "the first problem: B2 (Amount): Amount 'abc' could not be read" in str(exc.value)


def test_repeated_page_headers_and_bad_value_date(tmp_path):
    text = ("Date,Value Date,Description,Amount\n"
            "01/03/2024,01/03/2024,a,1.00\n"
            "Date,Value Date,Description,Amount\n"
            "02/03/2024,soon,b,2.00\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Amount"].tolist() == [1.0, 2.0]
    assert stmt.lines["Value Date"].isna().tolist() == [False, True]
    assert [(i.cell, i.column, i.value) for i in without_order_note(stmt.issues)] == [
        ("B4", "Value Date", "soon")]


def test_wrong_explicit_encoding_is_a_clear_error(tmp_path):
    path = write(tmp_path, "التاريخ;البيان;المبلغ\n15/02/2024;رسوم;1.00\n", "cp1256")
    with pytest.raises(InputError, match="not in utf-8: byte 0x.. on line 1"):
        read_statement(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read_statement(path, encoding="arabic-ish")
    assert read_statement(path, encoding="cp1256").lines["Description"].tolist() == ["رسوم"]


def test_gulf_bank_layout_with_narration_and_reference_no(tmp_path):
    text = ("Account Statement,,,,,\n"
            "Account No:,1012345678901,Currency:,AED,,\n"
            "Transaction Date,Narration,Cheque/Reference No,Debit,Credit,Balance\n"
            "01-Apr-2024,INWARD TT ALNOOR TRADING INV 2024-118,FT24092XYZ,,\"15,750.00\","
            "\"15,750.00\"\n"
            "02-Apr-2024,SERVICE CHARGES,,52.50,,\"15,697.50\"\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Date"].tolist() == dates("2024-04-01", "2024-04-02")
    assert stmt.lines["Amount"].tolist() == [15750.0, -52.5]
    assert stmt.lines.iloc[0]["Reference"] == "FT24092XYZ"
    assert stmt.lines.iloc[0]["Description"] == "INWARD TT ALNOOR TRADING INV 2024-118"
    assert stmt.lines["Currency"].tolist() == ["AED", "AED"]  # stated above the header


def test_quoted_narrative_over_two_lines_keeps_the_rows_excel_shows(tmp_path):
    # Excel opens the quoted narrative as one cell of row 2 (its line break inside the cell):
    # the bad amount is in C3, on the file's fourth text line
    text = ('Date,Description,Amount\n'
            '01/03/2024,"Nile Foods\nINV-1001",100.00\n'
            '02/03/2024,Fee,oops\n'
            '03/03/2024,Delta,50.00\n')
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == ["Nile Foods INV-1001", "Delta"]
    assert stmt.lines["Line No"].tolist() == [2, 4]  # the record's row, as Excel numbers it
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [("C3", "Amount", "oops")]


def test_narrative_after_a_left_out_row_continues_the_last_kept_line(tmp_path):
    text = ("Date,Description,Debit,Credit,Status\n"
            ",orphan text before any line,,,\n"
            "01/03/2024,Payment from Delta,,100.00,Booked\n"
            "02/03/2024,Card hold,9.99,,Pending\n"
            ",for invoices 1001 and 1002,,,\n"
            "03/03/2024,Broken,x,1..2,Booked\n"
            ",  second   part  ,,,\n"
            "Date,Description,Debit,Credit,Status\n"
            "04/03/2024,Fee,5.00,,Booked\n")
    stmt = read_statement(write(tmp_path, text))
    assert stmt.lines["Description"].tolist() == [
        "Payment from Delta for invoices 1001 and 1002 second part", "Fee"]
    assert stmt.lines["Amount"].tolist() == [100.0, -5.0]
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("row 2", "", "orphan text before any line"), ("E4", "Status", "Pending"),
        ("C6", "Debit", "x"), ("D6", "Credit", "1..2")]


_AMOUNT_TEXTS = st.one_of(
    st.text(alphabet="0123456789.,-+() $€'CRD٠١٢٣", max_size=14),
    st.builds(lambda c, s: s.format(f"{c / 100:,.2f}"), st.integers(-10**9, 10**9),
              st.sampled_from(["{}", "-{}", "({})", "{} CR", "$ {}", "{}-"])),
)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(_AMOUNT_TEXTS, max_size=8), decimal=st.sampled_from([".", ","]))
def test_column_amount_parser_reads_each_value_like_the_careful_parser(values, decimal):
    from ar_excel.bank.numbers import parse_amount, parse_amount_column

    got, errors = parse_amount_column(values, decimal)
    for i, v in enumerate(values):
        try:
            want = parse_amount(v, decimal)
        except ValueError as exc:
            assert errors[i] == str(exc)
            continue
        assert i not in errors
        assert (pd.isna(got[i]) and want is None) or got[i] == want


def test_mapping_options_that_cannot_be_used_are_named(tmp_path):
    from ar_excel.jobs.reconcile import bank_columns

    path = write(tmp_path, "Date,Amount,Description\n15/11/2026,100.00,x\n")
    with pytest.raises(InputError, match=r"^bank\.csv: decimal 'x' is neither ',' \(1\.234,56\) "
                                         r"nor '\.' \(1,234\.56\)$"):
        read_statement(path, mapping=bank_columns("Date=Date;Amount=Amount;decimal=x"))
    with pytest.raises(InputError, match=r"^bank\.csv: delimiter 'xx' is not one character"):
        read_statement(path, mapping=bank_columns("Date=Date;Amount=Amount;delimiter=xx"))
    book = tmp_path / "bank.xlsx"
    pd.DataFrame({"Date": ["15/11/2026"], "Amount": [100.0]}).to_excel(
        book, sheet_name="Stmt", index=False)
    with pytest.raises(InputError, match=r"^bank\.xlsx: the workbook has no sheet 'Nope' "
                                         r"\(its sheets: Stmt\)$"):
        read_statement(book, mapping=bank_columns("Date=Date;Amount=Amount;sheet=Nope"))
    stmt = read_statement(book, mapping=bank_columns("Date=Date;Amount=Amount;sheet=Stmt"))
    assert stmt.lines["Amount"].tolist() == [100.0]


def test_account_currency_labelled_in_arabic_in_one_cell(tmp_path):
    # "عملة الحساب" (the account's currency) was read beside its value, not in the same cell
    for line in ("عملة الحساب: EGP", "عملة الحساب,EGP", "العملة: EGP"):
        path = write(tmp_path, f"{line}\nالتاريخ,المبلغ,البيان\n15/11/2026,100.00,تحويل\n")
        stmt = read_statement(path)
        assert stmt.lines["Currency"].tolist() == ["EGP"], line


def test_a_zip_of_other_files_is_named_as_such(tmp_path):
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("statement.csv", "Date,Amount\n15/11/2026,100.00\n")
        archive.writestr("readme.txt", "x")
    with pytest.raises(InputError, match=r"^export\.zip: a ZIP archive of statement\.csv, "
                                         r"readme\.txt, neither a workbook nor camt XML "
                                         r"statements: unzip it"):
        read_statement(path)
