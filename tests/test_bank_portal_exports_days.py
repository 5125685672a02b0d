"""Bank statements as portals and PDF-to-Excel conversions really print them, written by hand:
the date printed once per day (HSBC UK, Barclays, many Egyptian and Gulf statements), a
transaction over several rows with its amount on the last (HSBC), a Kuwaiti export whose
currency is a bare code on an account line or not stated at all (fils kept), a Rabobank CSV
('Munt'), an MT940 whose second ``:61:`` line carries the payer's reference. Each is read line
by line: dates, signed amounts, narratives, balances, and what the clerk is told."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd

from ar_excel.bank import read_statement


def write(tmp_path: Path, text: str, name: str = "bank.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def days(*values: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(v) for v in values]


def test_lines_under_a_day_s_first_line_take_its_date(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        "03/11/2026,Opening Balance,,,\"5,000.00\"\n"
        "04/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"6,000.00\"\n"
        ",TRF FROM GLOBEX INV-1002,,\"2,000.00\",\"8,000.00\"\n"
        ",CHQ 123456,500.00,,\"7,500.00\"\n"
        "05/11/2026,FEES,10.00,,\"7,490.00\"\n"
        "05/11/2026,Closing Balance,,,\"7,490.00\"\n")))
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-04", "2026-11-04", "2026-11-04", "2026-11-05")
    assert lines["Amount"].tolist() == [1000.0, 2000.0, -500.0, -10.0]
    assert lines["Description"].tolist() == ["TRF FROM ACME INV-1001", "TRF FROM GLOBEX INV-1002",
                                             "CHQ 123456", "FEES"]
    assert lines["Line No"].tolist() == [3, 4, 5, 6]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (5000.0, 7490.0, 0.0)
    [note] = stmt.issues
    assert note.cell == "" and note.value == 2
    assert "rows 4, 5" in note.message and "prints each day's date once" in note.message


def test_hsbc_transactions_over_several_rows_with_the_amount_on_the_last(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Payment type and details,Paid out,Paid in,Balance\n"
        "01 Nov 26,BALANCE BROUGHT FORWARD,,,\"10,000.00\"\n"
        ",CR ACME TRADING LTD,,,\n"
        ",INV-1001,,\"1,250.00\",\"11,250.00\"\n"
        "03 Nov 26,CR GLOBEX LIMITED,,,\n"
        ",REF INV-1002,,,\n"
        ",PART PAYMENT,,500.00,\n"
        ",DD BRITISH GAS,120.50,,\"11,629.50\"\n"
        "04 Nov 26,VIS TESCO STORES,,,\n"
        ",LONDON,15.00,,\"11,614.50\"\n"
        "05 Nov 26,BALANCE CARRIED FORWARD,,,\"11,614.50\"\n")))
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-01", "2026-11-03", "2026-11-03", "2026-11-04")
    assert lines["Amount"].tolist() == [1250.0, 500.0, -120.5, -15.0]
    assert lines["Description"].tolist() == [
        "CR ACME TRADING LTD INV-1001", "CR GLOBEX LIMITED REF INV-1002 PART PAYMENT",
        "DD BRITISH GAS", "VIS TESCO STORES LONDON"]
    assert lines["Line No"].tolist() == [4, 7, 8, 10]  # the row with the amount
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.credits, bal.debits, bal.difference) == (
        10000.0, 11614.5, 1750.0, 135.5, 0.0)
    [note] = stmt.issues  # no row reported as a line without an amount
    assert "rows 4, 7, 8, 10" in note.message and "read as one transaction" in note.message


def test_merged_date_cells_of_an_egyptian_xlsx_and_its_footer(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "البنك التجاري الدولي - كشف حساب"
    ws["A2"], ws["B2"] = "العملة", "EGP"
    ws.append([])
    ws.append(["تاريخ الحركة", "البيان", "مدين", "دائن", "الرصيد"])
    ws.append([dt.datetime(2026, 11, 1), "رصيد افتتاحي", None, None, 20000])
    ws.append([dt.datetime(2026, 11, 2), "تحويل وارد شركة النور INV-1001", None, 12500, 32500])
    ws.append([None, "إيداع شيك شركة الأمل INV-1002", None, 3300.75, 35800.75])
    ws.append([None, "عمولة", 25, None, 35775.75])
    ws.merge_cells("A6:A8")  # the day's date over its three lines
    ws.append([dt.datetime(2026, 11, 3), "شيك رقم 100234", 4000, None, 31775.75])
    ws.append([None, "الإجمالي", 4025, 15800.75, None])
    ws.append([None, "الرصيد الختامي", None, None, 31775.75])
    ws.append([None, "عدد الحركات الدائنة", None, 2, None])
    path = tmp_path / "cib.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-02", "2026-11-02", "2026-11-02", "2026-11-03")
    assert lines["Amount"].tolist() == [12500.0, 3300.75, -25.0, -4000.0]
    assert lines["Currency"].tolist() == ["EGP"] * 4
    assert lines["Description"].tolist()[1] == "إيداع شيك شركة الأمل INV-1002"
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (20000.0, 31775.75, 0.0)
    messages = [i.message for i in stmt.issues]
    assert any("rows 7, 8" in m for m in messages)
    # the count of credits under the totals is no transaction: reported, not dated and kept
    [count] = [i for i in stmt.issues if i.cell == "A12"]
    assert count.value == "عدد الحركات الدائنة"
    assert count.message == ("summary row without a date ('عدد الحركات الدائنة'): not a "
                             "transaction; left out")


def test_kuwaiti_export_with_a_bare_currency_code_keeps_its_fils(tmp_path):
    def book(code: str | None) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["National Bank of Kuwait"])
        ws.append(["Account", "2001234567", code])
        ws.append([])
        ws.append(["Date", "Description", "Reference", "Withdrawals", "Deposits", "Balance"])
        ws.append([dt.date(2026, 11, 1), "Balance Brought Forward", None, None, None, 1000.125])
        ws.append([dt.date(2026, 11, 2), "KNET TRANSFER AL SAFAT CO INV-7001", "K1", None,
                   250.375, 1250.5])
        ws.append([dt.date(2026, 11, 3), "SERVICE FEE", None, 1.5, None, 1249.0])
        ws.append([dt.date(2026, 11, 4), "TRANSFER GULF MARINE INV-7002", "K2", None, 125.005,
                   1374.005])
        path = tmp_path / f"nbk_{code}.xlsx"
        wb.save(path)
        return path

    named = read_statement(book("KWD"))
    assert named.lines["Currency"].tolist() == ["KWD"] * 3
    assert named.lines["Amount"].tolist() == [250.375, -1.5, 125.005]
    assert named.issues == []  # the running balance follows every line to the fils
    unnamed = read_statement(book(None))
    assert unnamed.lines["Currency"].tolist() == [None] * 3
    assert unnamed.lines["Amount"].tolist() == [250.375, -1.5, 125.005]  # not 250.38, 125.0
    assert unnamed.issues == []


def test_rabobank_csv_currency_column_munt(tmp_path):
    stmt = read_statement(write(tmp_path, (
        '"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn",'
        '"Tegenrekening IBAN/BBAN","Naam tegenpartij","Code","Omschrijving-1","Oorspr bedrag",'
        '"Oorspr munt"\n'
        '"NL11RABO0101010101","EUR","RABONL2U","000000000000007213","2026-11-03","2026-11-03",'
        '"+1.250,00","+2.250,00","NL02ABNA0123456789","ACME BV","cb","Factuur INV-5001","",""\n'
        '"NL11RABO0101010101","EUR","RABONL2U","000000000000007214","2026-11-04","2026-11-04",'
        '"-120,50","+2.129,50","NL20INGB0001234567","KPN BV","ei","Rekening 11","-140,00",'
        '"USD"\n')))
    lines = stmt.lines
    assert lines["Currency"].tolist() == ["EUR", "EUR"]
    assert lines["Amount"].tolist() == [1250.0, -120.5]
    assert lines["Counterparty"].tolist() == ["ACME BV", "KPN BV"]
    assert lines["Description"].tolist() == ["Factuur INV-5001", "Rekening 11"]


def test_mt940_second_61_line_with_the_payer_s_reference_is_kept(tmp_path):
    path = tmp_path / "enbd.sta"
    path.write_text(
        ":20:STMT261105001\n:25:AE070331234567890123456\n:28C:00305/001\n"
        ":60F:C261104AED125000,00\n"
        ":61:2611051105CD1500,00NTRFFT26309ABC123//FT26309ABC123\n/INV/INV-2001\n"
        ":86:INWARD TRANSFER\n"
        ":61:2611051105D250,50NCHGNONREF//CHG0001\n/OCMT/USD68,20/\n"
        ":86:BANK CHARGES\n"
        ":62F:C261105AED126249,50\n", encoding="utf-8")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1500.0, -250.5]  # "CD": credit, funds code D
    assert lines["Description"].tolist() == ["INWARD TRANSFER /INV/INV-2001",
                                             "BANK CHARGES (paid USD 68.20)"]
    assert lines["Bank Line"].tolist() == ["FT26309ABC123", "CHG0001"]
    assert stmt.balances[0].difference == 0.0


def test_an_export_of_several_accounts_one_per_sheet_reads_every_sheet(tmp_path):
    wb = openpyxl.Workbook()

    def account(ws, ccy, rows, opening, closing):
        ws.append(["Mashreq Bank - Account Statement"])
        ws.append(["Currency", ccy])
        ws.append(["Opening Balance", opening])
        ws.append(["Date", "Description", "Reference", "Debit", "Credit", "Balance"])
        for row in rows:
            ws.append(row)
        ws.append(["Closing Balance", None, None, None, None, closing])

    ws = wb.active
    ws.title = "AED 1015123456701"
    account(ws, "AED", [(dt.datetime(2026, 11, 2), "TT FROM DESERT ROSE INV-6001", "FT1", None,
                         1500, 11500),
                        (dt.datetime(2026, 11, 3), "CHARGES", None, 50, None, 11450)],
            10000, 11450)
    account(wb.create_sheet("USD 1015123456702"), "USD",
            [(dt.datetime(2026, 11, 4), "SWIFT IN GLOBEX INC INV-6002", "FT2", None, 2000, 7000)],
            5000, 7000)
    cheques = wb.create_sheet("Cheques")
    cheques.append(["Cheque No", "Issue Date", "Amount", "Status"])
    cheques.append(["100234", dt.datetime(2026, 11, 1), 500, "Cleared"])
    path = tmp_path / "mashreq.xlsx"
    wb.save(path)
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [1500.0, -50.0, 2000.0]
    assert lines["Currency"].tolist() == ["AED", "AED", "USD"]
    assert lines["Statement"].tolist() == ["AED 1015123456701"] * 2 + ["USD 1015123456702"]
    assert lines["Bank Line"].is_unique
    assert [(b.statement, b.opening, b.closing, b.difference) for b in stmt.balances] == [
        ("AED 1015123456701", 10000.0, 11450.0, 0.0),
        ("USD 1015123456702", 5000.0, 7000.0, 0.0)]
    [note] = stmt.issues  # the cheque register is another table: not read, and said so
    assert note.sheet == "mashreq.xlsx [Cheques]" and "sheet=Cheques" in note.message


def _ar_book(path: Path, currency: str, customers: list[tuple[str, str]],
             invoices: list[tuple[str, str, float]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms", "Currency"])
    for cid, name in customers:
        ws.append([cid, name, 30, currency])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"])
    for no, cid, amount in invoices:
        inv.append([no, cid, dt.datetime(2026, 10, 1), amount, currency])
    wb.save(path)
    return path


def _tab(path: Path, name: str) -> list[tuple]:
    return list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))


def test_reconcile_end_to_end_on_an_hsbc_statement_with_dates_printed_once(tmp_path):
    from ar_excel.cli import main

    book = _ar_book(tmp_path / "book.xlsx", "GBP",
                    [("C1", "Acme Trading Ltd"), ("C2", "Globex Limited")],
                    [("INV-1001", "C1", 1250.0), ("INV-1002", "C2", 500.0)])
    bank = write(tmp_path, (
        "Date,Payment type and details,Paid out,Paid in,Balance\n"
        "01 Nov 26,BALANCE BROUGHT FORWARD,,,\"10,000.00\"\n"
        ",CR ACME TRADING LTD,,,\n"
        ",INV-1001,,\"1,250.00\",\"11,250.00\"\n"
        "03 Nov 26,CR GLOBEX LIMITED,,,\n"
        ",REF INV-1002,,500.00,\"11,750.00\"\n"
        ",DD BRITISH GAS,120.50,,\"11,629.50\"\n"
        "05 Nov 26,BALANCE CARRIED FORWARD,,,\"11,629.50\"\n"), "hsbc.csv")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out),
                 "--as-of", "2026-11-30"]) == 0
    matches = [r[:9] for r in _tab(out, "Bank Matches")[1:]]
    assert matches == [
        ("1", dt.datetime(2026, 11, 1), 1250, "INV-1001", "C1", 1250, "reference", matches[0][7],
         "Matched"),
        ("2", dt.datetime(2026, 11, 3), 500, "INV-1002", "C2", 500, "reference", matches[1][7],
         "Matched")]
    recon = {r[0]: r[1:4] for r in _tab(out, "Reconciliation")[1:] if r[0]}
    assert recon["Opening balance"][0] == 10000
    assert recon["Credits (money in)"][:2] == (1750, 2)
    assert recon["Debits (money out, not AR)"][:2] == (-120.5, 1)
    assert recon["Closing balance (statement)"][0] == 11629.5
    assert recon["Difference"] == (0, None, "ties out")
    assert recon["Unmatched credits"][:2] == (0, 0)


def test_reconcile_end_to_end_on_a_kuwaiti_export_in_fils(tmp_path):
    from ar_excel.cli import main

    book = _ar_book(tmp_path / "book.xlsx", "KWD",
                    [("K1", "Al Safat Co"), ("K2", "Gulf Marine")],
                    [("INV-7001", "K1", 250.375), ("INV-7002", "K2", 125.005)])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["National Bank of Kuwait"])
    ws.append(["Account", "2001234567"])
    ws.append(["Date", "Description", "Reference", "Withdrawals", "Deposits", "Balance"])
    ws.append([dt.date(2026, 11, 1), "Balance Brought Forward", None, None, None, 1000.125])
    ws.append([dt.date(2026, 11, 2), "KNET TRANSFER AL SAFAT CO INV-7001", "K1", None, 250.375,
               1250.5])
    ws.append([dt.date(2026, 11, 3), "SERVICE FEE", None, 1.5, None, 1249.0])
    ws.append([dt.date(2026, 11, 4), "TRANSFER GULF MARINE INV-7002", "K2", None, 125.005,
               1374.005])
    ws.append([None, "Closing Balance", None, None, None, 1374.005])
    bank = tmp_path / "nbk.xlsx"
    wb.save(bank)
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out),
                 "--as-of", "2026-11-30"]) == 0
    matches = [(r[3], r[5], r[8]) for r in _tab(out, "Bank Matches")[1:]]
    assert matches == [("INV-7001", 250.375, "Matched"), ("INV-7002", 125.005, "Matched")]
    recon = {r[0]: r[1:4] for r in _tab(out, "Reconciliation")[1:] if r[0]}
    assert recon["Credits (money in)"][:2] == (375.38, 2)
    assert recon["Difference"] == (0, None, "ties out")
    assert recon["Matched (applied)"][:2] == (375.38, 2)


def test_placeholders_on_the_empty_side_of_debit_and_credit(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "S.No,Txn Date,Value Date,Description,Chq No,Debit,Credit,Balance\n"
        "1,13/11/2026,13/11/2026,NEFT CR ACME INV-1001,-,-,\"1,250.00\",\"11,250.00\"\n"
        "2,14/11/2026,14/11/2026,CHQ PAID,000123,500.00,N/A,\"10,750.00\"\n"
        "3,15/11/2026,15/11/2026,IMPS FROM GLOBEX,,nil,300.00,\"11,050.00\"\n"
        "4,16/11/2026,16/11/2026,ADJUSTMENT,,N/A,N/A,\"11,050.00\"\n")))
    assert stmt.lines["Amount"].tolist() == [1250.0, -500.0, 300.0]
    assert stmt.lines["Reference"].tolist() == [None, "000123", None]
    # a row with no amount on either side is still named, with both cells
    assert [(i.cell, i.column, i.value) for i in stmt.issues] == [
        ("F5", "Debit", "N/A"), ("G5", "Credit", "N/A")]


def test_a_pdf_statement_is_refused_with_what_to_download_instead(tmp_path):
    import pytest

    from ar_excel.errors import InputError

    path = tmp_path / "statement_nov.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    with pytest.raises(InputError, match=r"statement_nov\.pdf: a PDF statement, which is not "
                                         r"read .* as Excel or CSV"):
        read_statement(path)


def test_kuwait_finance_house_csv_keeps_fils_without_a_currency(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Posting Date,Value Date,Description,Transaction Number,Debit,Credit,Balance\n"
        "13/11/2026,13/11/2026,TRF FROM AL SAFAT INV-7001,TN1,,500.125,1500.125\n"
        "14/11/2026,14/11/2026,FEE,TN2,0.500,,1499.625\n")))
    assert stmt.lines["Amount"].tolist() == [500.125, -0.5]
    assert stmt.lines["Bank Line"].tolist() == ["TN1", "TN2"]
    assert stmt.issues == []


def test_a_reference_on_a_narrative_row_carried_over_is_kept_with_its_line(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Narration,Reference,Debit,Credit,Balance,Currency\n"
        "13/11/2026,IPI TT INWARD,FT26306ABC,,\"15,000.00\",\"40,000.00\",AED\n"
        ",FROM: DESERT ROSE TRADING LLC,,,,,AED\n"
        ",,INV-6001,,,,\n"
        "14/11/2026,CHQ DEP,000123,,\"3,400.00\",\"43,400.00\",AED\n")))
    assert stmt.lines["Description"].tolist() == [
        "IPI TT INWARD FROM: DESERT ROSE TRADING LLC INV-6001", "CHQ DEP"]
    assert stmt.lines["Reference"].tolist() == ["FT26306ABC", "000123"]
    assert stmt.lines["Amount"].tolist() == [15000.0, 3400.0]
    assert stmt.issues == []


def test_utf16_exports_with_and_without_a_byte_order_mark(tmp_path):
    text = ("التاريخ\tالبيان\tمدين\tدائن\tالرصيد\r\n"
            "13/11/2026\tتحويل من شركة النور INV-1001\t\t1,250.00\t11,250.00\r\n"
            "14/11/2026\tعمولة\t5.00\t\t11,245.00\r\n")
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):  # Excel's "Unicode Text", portals
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        stmt = read_statement(path)
        assert stmt.lines["Amount"].tolist() == [1250.0, -5.0], codec
        assert stmt.lines["Description"].tolist() == ["تحويل من شركة النور INV-1001", "عمولة"]
    camt = (
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        "<Stmt><Id>S1</Id><Acct><Id><IBAN>SA0380000000608010167519</IBAN></Id><Ccy>SAR</Ccy>"
        "</Acct><Ntry><Amt Ccy=\"SAR\">5000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
        "<BookgDt><Dt>2026-11-05</Dt></BookgDt><NtryDtls><TxDtls><RltdPties><Dbtr>"
        "<Nm>شركة الرياض</Nm></Dbtr></RltdPties><RmtInf><Ustrd>INV-4001</Ustrd></RmtInf>"
        "</TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>")
    path = tmp_path / "camt.xml"
    path.write_bytes(camt.encode("utf-16"))
    stmt = read_statement(path)
    assert stmt.source_format == "camt053"
    assert stmt.lines[["Amount", "Counterparty", "Description"]].values.tolist() == [
        [5000.0, "شركة الرياض", "INV-4001"]]


def test_arabic_deduction_and_addition_words_sign_the_amounts(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "التاريخ,البيان,نوع الحركة,المبلغ\n"
        "13/11/2026,تحويل وارد شركة النور,إضافة,\"1,250.00\"\n"
        "14/11/2026,عمولة,خصم,\"5.00\"\n"
        "15/11/2026,شيك رقم 100234,خصم,\"245.00\"\n")))
    assert stmt.lines["Amount"].tolist() == [1250.0, -5.0, -245.0]
    assert stmt.issues == []


def test_unsigned_amounts_with_payments_out_among_them_are_pointed_out(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Description,Amount\n"
        "13/11/2026,TRANSFER FROM ACME INV-1001,1250.00\n"
        "14/11/2026,SWIFT CHARGES,25.00\n"
        "15/11/2026,CHQ PAID 100234,500.00\n")))
    assert stmt.lines["Amount"].tolist() == [1250.0, 25.0, 500.0]  # nothing says otherwise
    [note] = stmt.issues
    assert (note.column, note.value) == ("Amount", 2)
    assert "rows 3, 4 read like payments out" in note.message
    signed = read_statement(write(tmp_path, (
        "Date,Description,Amount\n"
        "13/11/2026,TRANSFER FROM ACME INV-1001,1250.00\n"
        "14/11/2026,SWIFT CHARGES,-25.00\n"), "signed.csv"))
    assert signed.issues == []


EXPORTS = Path(__file__).resolve().parent / "data" / "bank_exports"


def test_reconcile_end_to_end_on_a_camt_batch_each_receipt_meets_its_invoice(tmp_path):
    from ar_excel.cli import main

    book = _ar_book(tmp_path / "book.xlsx", "SAR",
                    [("R1", "شركة الرياض"), ("J1", "Jeddah Foods"), ("D1", "Dammam Co")],
                    [("INV-4001", "R1", 5000.0), ("INV-4002", "J1", 2000.0),
                     ("INV-4003", "D1", 1000.0)])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank",
                 str(EXPORTS / "camt053_batch_reversal_sar.xml"), "-o", str(out),
                 "--as-of", "2026-11-30"]) == 0
    matches = [(r[0], r[2], r[3], r[5], r[8]) for r in _tab(out, "Bank Matches")[1:]]
    assert matches == [("BATCH-77", 5000, "INV-4001", 5000, "Matched"),
                       ("BATCH-77-2", 2000, "INV-4002", 2000, "Matched"),
                       ("BATCH-77-3", 1000, "INV-4003", 1000, "Matched")]
    recon = {r[0]: r[1:4] for r in _tab(out, "Reconciliation")[1:] if r[0]}
    assert recon["Opening balance"][0] == 10000
    assert recon["Credits (money in)"][:2] == (8000, 3)
    assert recon["Debits (money out, not AR)"][:2] == (-500, 1)  # the returned payment
    assert recon["Closing balance (statement)"][0] == 17500
    assert recon["Difference"] == (0, None, "ties out")
    unmatched = _tab(out, "Unmatched Bank")[1:]
    assert [(r[0], r[2]) for r in unmatched] == [("RV1", -500)]


def test_a_currency_row_under_the_header_is_part_of_it(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        ",,(EGP),(EGP),(EGP)\n"
        "13/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"6,000.00\"\n"
        "14/11/2026,FEES,10.00,,\"5,990.00\"\n")))
    assert stmt.lines["Amount"].tolist() == [1000.0, -10.0]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    assert stmt.lines["Line No"].tolist() == [3, 4]
    assert stmt.issues == []


def test_the_ledger_balance_is_the_running_balance_not_the_available_one(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Description,Debit,Credit,Available Balance,Ledger Balance\n"
        "13/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\",\"5,500.00\",\"6,000.00\"\n"
        "14/11/2026,FEES,10.00,,\"5,490.00\",\"5,990.00\"\n"
        "15/11/2026,TRF FROM GLOBEX,,\"100.00\",\"5,090.00\",\"6,090.00\"\n")))
    assert stmt.lines["Balance"].tolist() == [6000.0, 5990.0, 6090.0]
    assert stmt.issues == []  # the available balance (holds) broke the line-by-line check


MT940_DAY = (
    ":20:STMT261105001\n:25:AE070331234567890123456\n:28C:00305/001\n"
    ":60F:C261104AED125000,00\n"
    ":61:2611051105C1500,00NTRFFT26309ABC123//FT26309ABC123\n"
    ":86:/ORDP//NAME/GULF TRADING/REMI/INV-2001\n"
    ":61:2611051105D250,50NCHGNONREF//CHG0001\n:86:BANK CHARGES\n"
    ":62F:C261105AED126249,50\n-\n")


def test_a_statement_held_twice_in_one_file_is_read_once(tmp_path):
    path = tmp_path / "nov05.sta"
    path.write_text(MT940_DAY + MT940_DAY, encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1500.0, -250.5]
    assert stmt.lines["Bank Line"].tolist() == ["FT26309ABC123", "CHG0001"]
    assert [b.difference for b in stmt.balances] == [0.0]
    [note] = stmt.issues
    assert note.value == 2 and "the file holds it twice; the copy was left out" in note.message
    # the next day's statement is another statement, even with the same lines and balances
    nextday = MT940_DAY.replace("261104AED", "261105AED").replace("261105AED126", "261106AED126")
    path.write_text(MT940_DAY + nextday, encoding="utf-8")
    assert len(read_statement(path).lines) == 4


def test_the_same_statement_given_in_two_files_is_read_once(tmp_path):
    from ar_excel.bank.combine import combine_statements

    first, second = tmp_path / "nov05.sta", tmp_path / "nov05 (1).sta"
    first.write_text(MT940_DAY, encoding="utf-8")
    second.write_text(MT940_DAY, encoding="utf-8")
    stmt = combine_statements([("nov05", read_statement(first)),
                               ("nov05 (1)", read_statement(second))])
    # read once, as a statement a file or an archive holds twice (its receipts would be
    # applied twice, or suggested against other invoices of their amounts)
    assert len(stmt.lines) == 2
    assert [b.statement for b in stmt.balances] == ["nov05"]
    [note] = stmt.issues
    assert note.sheet == "nov05 (1).sta"
    assert note.message.startswith("every line of this file (2 dated 2026-11-05 to 2026-11-05) "
                                   "is also in nov05.sta")
    assert "read once, so their receipts are not applied twice" in note.message


def test_a_row_with_a_value_date_but_no_booking_date_does_not_take_the_date_above(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Posting Date,Value Date,Description,Debit,Credit\n"
        "13/11/2026,13/11/2026,TRF FROM ACME INV-1001,,\"1,000.00\"\n"
        ",15/11/2026,CARD PURCHASE,50.00,\n")))
    assert stmt.lines["Amount"].tolist() == [1000.0]
    [issue] = stmt.issues  # not booked yet: named, left out, never dated 13 Nov
    assert (issue.cell, issue.column) == ("A3", "Posting Date")


def test_whole_amounts_of_a_german_export_are_not_read_as_thousandths(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Buchungstag;Verwendungszweck;Betrag\n"
        "03.11.2026;RE 4711 ACME;1.250\n04.11.2026;Miete;-2.000\n05.11.2026;Gutschrift;300\n")))
    assert stmt.lines["Amount"].tolist() == [1250.0, -2000.0, 300.0]  # not 1.25 and -2.0
    [note] = stmt.issues
    assert (note.column, note.value) == ("Betrag", "1.250")
    assert "read with ',' as the decimal mark ('1.250' = 1,250.00), because the headers are " \
           "German" in note.message and 'decimal=.' in note.message
    # a dinar export: fils after the point, which a group of four digits before it shows
    kwd = read_statement(write(tmp_path, (
        "Date,Description,Debit,Credit,Balance\n"
        "13/11/2026,KNET AL SAFAT INV-7001,,250.375,1250.500\n"
        "14/11/2026,TRF GULF MARINE INV-7002,,125.005,1375.505\n"), "kwd.csv"))
    assert kwd.lines["Amount"].tolist() == [250.375, 125.005]
    assert kwd.issues == []
    # nothing shows the mark and nothing says comma: the point, and the clerk is told
    small = read_statement(write(tmp_path, (
        "Date,Description,Amount\n13/11/2026,KNET AL SAFAT,250.375\n"
        "14/11/2026,FEE,-1.500\n"), "small.csv"))
    assert small.lines["Amount"].tolist() == [250.375, -1.5]
    [note] = small.issues
    assert "read with '.' as the decimal mark ('250.375' = 250.375)" in note.message


def test_santander_text_export_of_label_value_records(tmp_path):
    text = ("From: 01/11/2026 to 30/11/2026\r\n\r\nAccount: XXXX XXXX XXXX 1234\r\n\t\t\t\r\n"
            "Date: 03/11/2026\r\n"
            "Description: FASTER PAYMENTS RECEIPT REF INV-1001 FROM ACME TRADING LTD\r\n"
            "Amount: 1250.00 \xa3\r\nBalance: 11250.00 \xa3\r\n\t\t\t\r\n"
            "Date: 04/11/2026\r\n"
            "Description: DIRECT DEBIT PAYMENT TO BRITISH GAS REF 123, MANDATE NO 45\r\n"
            "Amount: -120.50 \xa3\r\nBalance: 11129.50 \xa3\r\n\t\t\t\r\n"
            "Date: 05/11/2026\r\nDescription: CARD PAYMENT TO TESCO STORES\r\n"
            "ON 03-11-2026\r\nAmount: -15.00 \xa3\r\nBalance: 11114.50 \xa3\r\n")
    path = tmp_path / "Statement.txt"
    path.write_bytes(text.encode("cp1252"))
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-03", "2026-11-04", "2026-11-05")
    assert lines["Amount"].tolist() == [1250.0, -120.5, -15.0]
    assert lines["Currency"].tolist() == ["GBP"] * 3  # '£' read as cp1252, not cp852 'ú'
    assert lines["Description"].tolist() == [
        "FASTER PAYMENTS RECEIPT REF INV-1001 FROM ACME TRADING LTD",
        "DIRECT DEBIT PAYMENT TO BRITISH GAS REF 123, MANDATE NO 45",
        "CARD PAYMENT TO TESCO STORES ON 03-11-2026"]
    assert lines["Balance"].tolist() == [11250.0, 11129.5, 11114.5]
    assert lines["Line No"].tolist() == [5, 10, 15]  # each record's first line
    assert all("does not follow" not in i.message for i in stmt.issues)


def test_a_csv_with_colons_in_its_narratives_stays_a_csv(tmp_path):
    stmt = read_statement(write(tmp_path, (
        "Date,Description,Amount\n"
        "13/11/2026,REF: INV-1001 FROM: ACME,100.00\n14/11/2026,REF: FEE,-2.00\n"
        "15/11/2026,NOTE: X,3.00\n16/11/2026,NOTE: Y,4.00\n17/11/2026,NOTE: Z,5.00\n"
        "18/11/2026,NOTE: W,6.00\n")))
    assert stmt.lines["Amount"].tolist() == [100.0, -2.0, 3.0, 4.0, 5.0, 6.0]


def test_qif_download_with_an_opening_balance_record_splits_and_quicken_dates(tmp_path):
    import pytest

    from ar_excel.errors import InputError

    path = tmp_path / "statement.qif"
    path.write_text(
        "!Type:Bank\r\nD11/ 3'26\r\nT10,000.00\r\nPOpening Balance\r\nL[Checking]\r\n^\r\n"
        "D11/ 3'26\r\nT1,250.00\r\nPACME TRADING LTD\r\nMINV-1001\r\nN000123\r\n^\r\n"
        "D11/ 4'26\r\nT-120.50\r\nPBRITISH GAS\r\nMDD REF 123\r\nLUtilities\r\n^\r\n"
        "D11/15'26\r\nT300.00\r\nPGLOBEX LTD\r\nMINV-1002\r\nSIncome\r\n$200.00\r\nSOther\r\n"
        "$100.00\r\n^\r\n", encoding="ascii")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Date"].tolist() == days("2026-11-03", "2026-11-04", "2026-11-15")
    assert lines["Amount"].tolist() == [1250.0, -120.5, 300.0]  # the split is one line
    assert lines["Counterparty"].tolist() == ["ACME TRADING LTD", "BRITISH GAS", "GLOBEX LTD"]
    assert lines["Description"].tolist() == ["ACME TRADING LTD INV-1001",
                                             "BRITISH GAS DD REF 123", "GLOBEX LTD INV-1002"]
    assert lines["Reference"].tolist() == ["000123", None, None]
    assert lines["Line No"].tolist() == [7, 13, 19]
    assert stmt.balances[0].opening == 10000.0  # the opening balance record is no receipt
    invest = tmp_path / "invest.qif"
    invest.write_text("!Type:Invst\nD11/03/2026\nNBuy\nYACME\nT100.00\n^\n", encoding="ascii")
    with pytest.raises(InputError, match=r"invest\.qif: a QIF file of type 'invst'"):
        read_statement(invest)


def test_a_debit_credit_column_of_signed_amounts_is_the_amount(tmp_path):
    for header in ("مدين / دائن", "Debit/Credit"):
        stmt = read_statement(write(tmp_path, (
            f"التاريخ,البيان,{header},الرصيد\n"
            "13/11/2026,تحويل وارد شركة النور,\"1,250.00\",\"11,250.00\"\n"
            "14/11/2026,عمولة,\"-5.00\",\"11,245.00\"\n")))
        assert stmt.lines["Amount"].tolist() == [1250.0, -5.0], header
        assert stmt.issues == []


def test_money_out_and_in_columns_by_other_names(tmp_path):
    for out, into in (("Payments", "Receipts"), ("Outflow", "Inflow"), ("Out", "In")):
        stmt = read_statement(write(tmp_path, (
            f"Date,Description,{out},{into},Balance\n"
            "13/11/2026,TRF IN ACME INV-1001,,\"1,250.00\",\"11,250.00\"\n"
            "14/11/2026,FEE,5.00,,\"11,245.00\"\n")))
        assert stmt.lines["Amount"].tolist() == [1250.0, -5.0], (out, into)


def test_abbreviated_headers_and_a_payee_column_without_a_narrative(tmp_path):
    for date, text in (("Txn Dt", "Txn Desc"), ("Posting Dt.", "Narr."), ("Date Posted", "Payee")):
        stmt = read_statement(write(tmp_path, (
            f"{date},{text},Amount\n"
            "13/11/2026,TRF IN ACME INV-1001,\"1,250.00\"\n14/11/2026,FEE,-5.00\n")))
        assert stmt.lines["Amount"].tolist() == [1250.0, -5.0], date
        assert stmt.lines["Description"].tolist() == ["TRF IN ACME INV-1001", "FEE"], text


def test_deutsche_bank_csv_with_its_kontostand_lines(tmp_path):
    text = ("Umsätze Girokonto;Zeitraum: 01.11.2026 - 30.11.2026;\n"
            "Alter Kontostand;;;;11.216,17;EUR\n\n"
            "Buchungstag;Wert;Umsatzart;Begünstigter / Auftraggeber;Verwendungszweck;IBAN;BIC;"
            "Kundenreferenz;Mandatsreferenz ;Gläubiger ID;Fremde Gebühren;Betrag;"
            "Abweichender Empfänger;Anzahl der Aufträge;Anzahl der Schecks;Soll;Haben;Währung\n"
            "03.11.2026;03.11.2026;SEPA-Überweisung von;ACME GmbH;RE 4711 Kd 100;"
            "DE02120300000000202051;BYLADEM1001;;;;;;;;;;1.250,00;EUR\n"
            "04.11.2026;04.11.2026;SEPA-Lastschrift;Telekom Deutschland GmbH;Rechnung 11/2026;"
            "DE02100100100006820101;PBNKDEFF;;M-123;DE123;;;;;;-120,50;;EUR\n"
            "Kontostand;30.11.2026;;;12.345,67;EUR\n")
    path = tmp_path / "db.csv"
    path.write_bytes(text.encode("cp1252"))
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1250.0, -120.5]
    assert stmt.lines["Counterparty"].tolist() == ["ACME GmbH", "Telekom Deutschland GmbH"]
    bal = stmt.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (11216.17, 12345.67, 0.0)
    assert stmt.issues == []  # the last line is the closing balance, no unreadable row


def test_two_halves_of_one_account_s_month_chain_in_the_reconciliation(tmp_path):
    from ar_excel.cli import main

    book = _ar_book(tmp_path / "book.xlsx", "EGP",
                    [("C1", "Alnoor Trading"), ("C2", "Alamal Co")],
                    [("INV-1001", "C1", 1250.0), ("INV-1002", "C2", 500.0)])
    first = write(tmp_path, (
        "Account No.,100012345678\nCurrency,EGP\nOpening Balance,\"10,000.00\"\n"
        "Closing Balance,\"11,250.00\"\n\n"
        "Date,Description,Debit,Credit,Balance\n"
        "03/11/2026,TRF FROM ALNOOR TRADING INV-1001,,\"1,250.00\",\"11,250.00\"\n"), "nov_1.csv")
    second = write(tmp_path, (
        "Account No.,100012345678\nCurrency,EGP\nOpening Balance,\"11,250.00\"\n"
        "Closing Balance,\"11,740.00\"\n\n"
        "Date,Description,Debit,Credit,Balance\n"
        "17/11/2026,TRF FROM ALAMAL CO INV-1002,,500.00,\"11,750.00\"\n"
        "18/11/2026,FEES,10.00,,\"11,740.00\"\n"), "nov_2.csv")
    assert [b.account for b in read_statement(first).balances] == ["100012345678"]
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(first), "--bank", str(second),
                 "-o", str(out), "--as-of", "2026-11-30"]) == 0
    recon = {r[0]: r[1:4] for r in _tab(out, "Reconciliation")[1:] if r[0]}
    assert recon["Opening balance"][0] == 10000  # the first half opens, the second closes
    assert recon["Closing balance (statement)"][0] == 11740
    assert recon["Difference"] == (0, None, "ties out")
    assert recon["Matched (applied)"][:2] == (1750, 2)
