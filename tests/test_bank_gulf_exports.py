"""Statement exports as Egyptian and Gulf banks write them, read line for line.

Each export is built here as the bank's portal writes it (CIB, NBE, Banque Misr, QNB Alahli,
Emirates NBD, ADCB, FAB, Al Rajhi, SNB, NBK, BBK): merged titles, account details above the
header (on the right of an Arabic sheet laid out right to left), bilingual headers, value and
transaction dates, references, running balances, totals rows, dates as 01-Nov-2026,
2026/11/01 or ١/١١/٢٠٢٦, amounts as text with thousands separators and the region's currency
abbreviations (L.E., KD, BD, ج.م, د.ك). Every line must come out with its date, signed amount
and narrative, and nothing else.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.preamble import account_named, currency_from_text, currency_named


def _xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = (), rtl: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    ws.sheet_view.rightToLeft = rtl
    wb.save(path)
    return path


def _csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _read(path: Path) -> tuple[list[tuple[str, float, str]], object]:
    stmt = read_statement(path)
    lines = [(f"{d:%Y-%m-%d}", a, t) for d, a, t in
             zip(stmt.lines["Date"], stmt.lines["Amount"], stmt.lines["Description"],
                 strict=True)]
    return lines, stmt


def test_nbe_right_to_left_with_its_details_on_the_right(tmp_path):
    # NBE's Arabic export: columns and the account details laid out right to left
    rows = [[None, None, None, None, "البنك الأهلي المصري"],
            [None, None, None, "0011223344556", "رقم الحساب"],
            [None, None, None, "جنيه مصري", "العملة"],
            ["الرصيد\nBalance", "دائن\nCredit", "مدين\nDebit", "البيان\nDescription",
             "التاريخ\nDate"],
            ["٩٨٧٬٦٥٤٫٣٢", None, None, "رصيد أول المدة", "١/١١/٢٠٢٦"],
            ["1,018,992.92", "31,338.60", None, "تحويل وارد INV-2026-03462", "٢/١١/٢٠٢٦"],
            ["1,018,867.42", None, "125.50", "عمولة بنكية", "١٣/١١/٢٠٢٦"],
            ["1,018,867.42", None, None, "رصيد آخر المدة", "٣٠/١١/٢٠٢٦"]]
    lines, stmt = _read(_xlsx(tmp_path / "nbe.xlsx", rows, merges=("A1:D1",), rtl=True))
    assert lines == [("2026-11-02", 31338.60, "تحويل وارد INV-2026-03462"),
                     ("2026-11-13", -125.50, "عمولة بنكية")]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    (bal,) = stmt.balances
    assert (bal.account, bal.currency, bal.opening, bal.closing, bal.difference) == (
        "0011223344556", "EGP", 987654.32, 1018867.42, 0.0)
    assert stmt.issues == []


def test_a_label_on_the_right_of_its_value():
    assert currency_named(["جنيه مصري", "العملة"]) == "EGP"
    assert currency_named(["Currency", "US Dollar"]) == "USD"  # left to right, as before
    assert account_named(["0011223344556", "رقم الحساب"]) == "0011223344556"
    assert account_named(["Account No.", "100012345678"]) == "100012345678"
    assert account_named(["0011223344556", "رقم الحساب", "AE070260001014567890101",
                          "IBAN"]) == "0011223344556"


@pytest.mark.parametrize(("text", "code"), [
    ("BD 8,012.550", "BHD"), ("1,234.500 د.ك", "KWD"), ("KD 1,234.500", "KWD"),
    ("L.E. 1,234.00", "EGP"), ("1,234.00 L.E.", "EGP"), ("Dhs 1,234.00", "AED"),
    ("QR 250.00", "QAR"), ("1,234.000 ر.ع", "OMR"), ("1,234.00 ج.م", "EGP"),
    ("1,234.00 CR", None), ("1,234.00 Dr", None), ("(1,234.00)", None), ("TOTAL 1,234.00", None)])
def test_the_regions_abbreviations_at_an_amount_name_its_currency(text, code):
    assert currency_from_text([text]) == code


def test_bbk_dinars_to_the_fils_with_bd_before_them(tmp_path):
    rows = [["Bank of Bahrain and Kuwait"], ["Opening Balance: BD 8,000.000"],
            ["Closing Balance: BD 9,237.550"], [],
            ["Txn Date", "Narrative", "Withdrawal", "Deposit", "Balance"],
            ["02/11/2026", "TRF FROM AL ASALA TRADING INV-2026-03390", None, "BD 1,250.000",
             "BD 9,250.000"],
            [],
            ["13/11/2026", "BANK CHARGES", "BD 12.450", None, "BD 9,237.550"]]
    lines, stmt = _read(_xlsx(tmp_path / "bbk.xlsx", rows))
    assert lines == [("2026-11-02", 1250.0, "TRF FROM AL ASALA TRADING INV-2026-03390"),
                     ("2026-11-13", -12.45, "BANK CHARGES")]
    assert stmt.lines["Currency"].tolist() == ["BHD", "BHD"]
    assert stmt.issues == []  # no "decimal mark" note: 9,250.000 shows it
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (8000.0, 9237.55, 0.0)


def test_cib_merged_title_details_and_a_totals_row(tmp_path):
    rows = [["Commercial International Bank - Egypt S.A.E"], [],
            ["Account Number:", "100034567890", None, "Account Type:", "Current Account"],
            ["Currency:", "EGP", None, "Branch:", "Smart Village"],
            ["From Date:", "01/11/2026", None, "To Date:", "30/11/2026"], [],
            ["Booking Date", "Value Date", "Reference", "Description", "Debit", "Credit",
             "Balance"],
            ["01/11/2026", "01/11/2026", None, "Opening Balance", None, None, "1,250,000.00"],
            ["02/11/2026", "03/11/2026", "FT26300X", "INWARD TRF FROM DELTA CO INV-2026-03462",
             None, "31,338.60", "1,281,338.60"],
            ["20/11/2026", "20/11/2026", "CHQ004512", "CHEQUE PAID 004512", "48,250.00", None,
             "1,233,088.60"],
            [None, None, None, "Total", "48,250.00", "31,338.60", None],
            ["30/11/2026", None, None, "Closing Balance", None, None, "1,233,088.60"]]
    lines, stmt = _read(_xlsx(tmp_path / "cib.xlsx", rows, merges=("A1:G1",)))
    assert lines == [("2026-11-02", 31338.60, "INWARD TRF FROM DELTA CO INV-2026-03462"),
                     ("2026-11-20", -48250.0, "CHEQUE PAID 004512")]
    assert stmt.lines["Value Date"].tolist() == [pd.Timestamp(2026, 11, 3),
                                                 pd.Timestamp(2026, 11, 20)]
    assert stmt.lines["Reference"].tolist() == ["FT26300X", "CHQ004512"]
    assert stmt.issues == []
    (bal,) = stmt.balances
    assert (bal.account, bal.opening, bal.closing, bal.difference) == (
        "100034567890", 1_250_000.0, 1_233_088.60, 0.0)


def test_banque_misr_windows_arabic_csv_with_a_debit_credit_word(tmp_path):
    rows = [["كشف حساب"], ["رقم الحساب", "1234000056789"], ["العملة", "EGP"],
            ["تاريخ الحركة", "البيان", "المبلغ", "مدين/دائن", "الرصيد"],
            ["2026/11/02", "تحويل وارد من شركة الأفق INV-2026-03462", "31,338.60", "دائن",
             "101,338.60"],
            ["2026/11/13", "عمولة بنكية", "125.50", "مدين", "101,213.10"]]
    lines, stmt = _read(_csv(tmp_path / "bm.csv", rows, encoding="cp1256"))
    assert lines == [("2026-11-02", 31338.60, "تحويل وارد من شركة الأفق INV-2026-03462"),
                     ("2026-11-13", -125.50, "عمولة بنكية")]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]
    assert stmt.lines["Balance"].tolist() == [101338.60, 101213.10]


def test_qnb_alahli_signed_amounts_with_dd_mon_yyyy(tmp_path):
    rows = [["QNB ALAHLI"], ["Account No.", "2030405060708"], ["Currency", "EGP"],
            ["Period", "01-Nov-2026 To 30-Nov-2026"], [],
            ["Transaction Date", "Value Date", "Narrative", "Reference No.", "Amount",
             "Balance"],
            ["02-Nov-2026", "02-Nov-2026", "INWARD TRF INV-2026-03462", "FT1", "31,338.60",
             "331,338.60"],
            ["05-Nov-2026", "06-Nov-2026", "OUTWARD TRANSFER SALARIES", "OT1", "-12,000.00",
             "319,338.60"]]
    lines, stmt = _read(_xlsx(tmp_path / "qnb.xlsx", rows))
    assert lines == [("2026-11-02", 31338.60, "INWARD TRF INV-2026-03462"),
                     ("2026-11-05", -12000.0, "OUTWARD TRANSFER SALARIES")]
    assert stmt.lines["Value Date"].dt.day.tolist() == [2, 6]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]


def test_adcb_amounts_marked_cr_and_dr(tmp_path):
    rows = [["Account Statement"], ["Account No", "12345678920001"], ["Currency", "AED"],
            ["Posting Date", "Value Date", "Description", "Reference", "Amount",
             "Running Balance"],
            ["02/11/2026", "03/11/2026", "INWARD TRF INV-2026-03390", "FT1", "8,513.36 Cr",
             "58,513.36 Cr"],
            ["13/11/2026", "13/11/2026", "BANK CHARGES", "CHG", "125.50 Dr", "58,387.86 Cr"]]
    lines, stmt = _read(_csv(tmp_path / "adcb.csv", rows))
    assert lines == [("2026-11-02", 8513.36, "INWARD TRF INV-2026-03390"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
    assert stmt.lines["Currency"].tolist() == ["AED", "AED"]
    assert stmt.lines["Balance"].tolist() == [58513.36, 58387.86]


def test_fab_currency_in_the_headers_and_a_balance_brought_forward(tmp_path):
    rows = [["First Abu Dhabi Bank"], ["Customer Name", "ACME GENERAL TRADING LLC"],
            ["Transaction Date", "Value Date", "Narration", "Transaction Ref", "Debit (AED)",
             "Credit (AED)", "Running Balance (AED)"],
            ["01/11/2026", "01/11/2026", "BALANCE BROUGHT FORWARD", None, None, None,
             "75,000.00"],
            ["02/11/2026", "02/11/2026", "IPI TT REF INV-2026-00994", "TT1", "", "11,500.00",
             "86,500.00"],
            ["25/11/2026", "26/11/2026", "OUTWARD TRANSFER", "OT1", "12,000.00", "",
             "74,500.00"],
            ["", "", "TOTAL", "", "12,000.00", "11,500.00", ""]]
    lines, stmt = _read(_xlsx(tmp_path / "fab.xlsx", rows))
    assert lines == [("2026-11-02", 11500.0, "IPI TT REF INV-2026-00994"),
                     ("2026-11-25", -12000.0, "OUTWARD TRANSFER")]
    assert stmt.lines["Currency"].tolist() == ["AED", "AED"]
    assert stmt.balances[0].opening == 75000.0
    assert stmt.issues == []


def test_al_rajhi_hijri_dates_only(tmp_path):
    rows = [["مصرف الراجحي"], ["التاريخ", "البيان", "مدين", "دائن", "الرصيد"],
            ["22/05/1448", "حوالة واردة INV-2026-00243", "", "15,415.80", "25,415.80"],
            ["03/06/1448", "رسوم خدمة", "25.00", "", "25,390.80"]]
    lines, stmt = _read(_xlsx(tmp_path / "rajhi.xlsx", rows, rtl=True))
    assert lines == [("2026-11-02", 15415.80, "حوالة واردة INV-2026-00243"),
                     ("2026-11-13", -25.0, "رسوم خدمة")]
    assert [i.message.split(";")[0] for i in stmt.issues] == [
        "the dates are in the Hijri calendar ('22/05/1448')"]


def test_snb_amounts_with_sar_before_them(tmp_path):
    rows = [["The Saudi National Bank"], ["IBAN", "SA4410000001234567890123"], [],
            ["Date", "Transaction Details", "Debit", "Credit", "Balance"],
            ["02/11/2026", "INWARD TRF INV-2026-00243", "", "SAR 15,415.80", "SAR 103,415.80"],
            ["13/11/2026", "BANK CHARGES", "SAR 125.50", "", "SAR 103,290.30"]]
    lines, stmt = _read(_csv(tmp_path / "snb.csv", rows))
    assert lines == [("2026-11-02", 15415.80, "INWARD TRF INV-2026-00243"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
    assert stmt.lines["Currency"].tolist() == ["SAR", "SAR"]
    assert stmt.issues == []


def test_nbk_dinars_with_kd_and_iso_dates(tmp_path):
    rows = [["National Bank of Kuwait"], ["Account", "2001234567"], [],
            ["Posting Date", "Value Date", "Description", "Debit", "Credit", "Balance"],
            ["2026-11-02", "2026-11-02", "TRANSFER IN INV-2026-00243", "", "KD 1,253.317",
             "KD 16,253.317"],
            ["2026-11-13", "2026-11-13", "BANK CHARGES", "KD 10.200", "", "KD 16,243.117"]]
    lines, stmt = _read(_xlsx(tmp_path / "nbk.xlsx", rows))
    assert lines == [("2026-11-02", 1253.317, "TRANSFER IN INV-2026-00243"),
                     ("2026-11-13", -10.2, "BANK CHARGES")]
    assert stmt.lines["Currency"].tolist() == ["KWD", "KWD"]
    assert stmt.issues == []


def test_emirates_nbd_newest_first_with_date_cells(tmp_path):
    rows = [["Emirates NBD"], ["Account", "1014567890101"], [],
            ["Date", "Description", "Debit", "Credit", "Balance"],
            [dt.datetime(2026, 11, 25), "OUTWARD TRANSFER", 12000.0, None, 98500.0],
            [dt.datetime(2026, 11, 2), "INWARD TT INV-2026-00994", None, 11500.0, 110500.0]]
    lines, stmt = _read(_xlsx(tmp_path / "enbd.xlsx", rows))
    assert lines == [("2026-11-25", -12000.0, "OUTWARD TRANSFER"),
                     ("2026-11-02", 11500.0, "INWARD TT INV-2026-00994")]
    assert stmt.issues == []


def test_arabic_digits_and_separators_with_a_pound_sign(tmp_path):
    rows = [["بنك القاهرة"], ["التاريخ", "البيان", "المبلغ", "الرصيد"],
            ["٠٢/١١/٢٠٢٦", "تحويل وارد INV-2026-03462", "٣١٬٣٣٨٫٦٠ ج.م", "٩١٬٣٣٨٫٦٠ ج.م"],
            ["١٣/١١/٢٠٢٦", "عمولة بنكية", "١٢٥٫٥٠- ج.م", "٩١٬٢١٣٫١٠ ج.م"]]
    lines, stmt = _read(_xlsx(tmp_path / "bdc.xlsx", rows, rtl=True))
    assert lines == [("2026-11-02", 31338.60, "تحويل وارد INV-2026-03462"),
                     ("2026-11-13", -125.50, "عمولة بنكية")]
    assert stmt.lines["Currency"].tolist() == ["EGP", "EGP"]


def test_hsbc_egypt_balance_brought_forward_printed_as_a_dated_credit(tmp_path):
    rows = [["HSBC Bank Egypt"], ["Account", "001-123456-001", "Currency", "USD"],
            ["Date", "Details", "Withdrawals", "Deposits", "Balance"],
            ["01/11/2026", "BALANCE BROUGHT FORWARD", None, "1,000.00", "1,000.00"],
            ["02/11/2026", "INWARD TRF INV-2026-03083", None, "USD 8,401.80", "USD 9,401.80"],
            ["13/11/2026", "BANK CHARGES", "USD 125.50", None, "USD 9,276.30"],
            ["30/11/2026", "BALANCE CARRIED FORWARD", None, None, "USD 9,276.30"]]
    lines, stmt = _read(_xlsx(tmp_path / "hsbc.xlsx", rows))
    assert lines == [("2026-11-02", 8401.80, "INWARD TRF INV-2026-03083"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference, bal.currency) == (1000.0, 9276.30, 0.0,
                                                                         "USD")
    assert stmt.issues == []


def test_the_posting_date_before_the_transaction_date(tmp_path):
    # Emirates Islamic: a card payment made on 1 Nov is booked on 2 Nov; the statement (and
    # its running balance) follows the booking
    rows = [["Emirates Islamic"],
            ["Posting Date", "Transaction Date", "Value Date", "Description", "Remarks",
             "Debit", "Credit", "Balance"],
            ["02/11/2026", "01/11/2026", "02/11/2026", "INWARD TRF", "INV-2026-00994", None,
             "11,500.00", "21,500.00"],
            ["13/11/2026", "12/11/2026", "13/11/2026", "POS PURCHASE", None, "125.50", None,
             "21,374.50"]]
    lines, stmt = _read(_xlsx(tmp_path / "ei.xlsx", rows))
    assert lines == [("2026-11-02", 11500.0, "INWARD TRF INV-2026-00994"),
                     ("2026-11-13", -125.50, "POS PURCHASE")]
    assert stmt.issues == []


def test_month_first_dates_with_a_time_as_a_core_system_writes_them(tmp_path):
    rows = [["TRANSACTION_DATE", "VALUE_DATE", "DESCRIPTION", "AMOUNT", "BALANCE"],
            ["11/2/2026 12:00:00 AM", "11/3/2026 12:00:00 AM", "INWARD TRF INV-2026-03462",
             "31338.60", "41338.60"],
            ["11/13/2026 12:00:00 AM", "11/13/2026 12:00:00 AM", "BANK CHARGES", "-125.50",
             "41213.10"]]
    lines, stmt = _read(_csv(tmp_path / "aaib.csv", rows))
    assert lines == [("2026-11-02", 31338.60, "INWARD TRF INV-2026-03462"),
                     ("2026-11-13", -125.50, "BANK CHARGES")]
    assert stmt.lines["Value Date"].dt.day.tolist() == [3, 13]


def test_arabic_totals_of_debits_and_credits_under_the_lines(tmp_path):
    rows = [["بنك مصر"], ["التاريخ", "البيان", "المبلغ", "الرصيد"],
            ["02/11/2026", "تحويل وارد INV-2026-03462", "31,338.60", "41,338.60"],
            ["13/11/2026", "عمولة بنكية", "-125.50", "41,213.10"],
            [None, "إجمالي المدين", "-125.50", None],
            [None, "إجمالي الدائن", "31,338.60", None],
            [None, "الرصيد الختامي", None, "41,213.10"]]
    lines, stmt = _read(_xlsx(tmp_path / "bm.xlsx", rows, rtl=True))
    assert lines == [("2026-11-02", 31338.60, "تحويل وارد INV-2026-03462"),
                     ("2026-11-13", -125.50, "عمولة بنكية")]
    assert stmt.balances[0].closing == 41213.10
    assert stmt.issues == []
