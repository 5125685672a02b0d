"""Gulf and Levant exports not covered before, written by hand the way core banking systems
export them (names, accounts and figures ours):

* a Bahraini / Finacle-style sheet with ``Amount | Dr/Cr | Balance | Dr/Cr``: the balance has a
  debit/credit mark of its own, an overdrawn balance printed positive beside ``Dr``;
* a Saudi sheet whose Hijri date is the first column and the Gregorian the second, the closing
  balance row written ``الرصيد الختامي | 70627.50`` (its figure under the Gregorian date).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from ar_excel.bank import read_statement


def _bahrain_sheet(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Bank of Bahrain and Kuwait"])
    ws.append(["Account", "100000123456", "BHD"])
    ws.append([])
    ws.append(["Date", "Narration", "Cheque/Ref No", "Amount", "Dr/Cr", "Balance", "Dr/Cr"])
    for row in [
        (dt.date(2026, 11, 1), "BALANCE BROUGHT FORWARD", "", None, "", 2500.000, "Cr"),
        (dt.date(2026, 11, 2), "FAWRI+ FROM BAHRAIN MARINE CO", "FWP261102001", 650.250, "Cr",
         3150.250, "Cr"),
        (dt.date(2026, 11, 4), "EFTS OUT MANAMA SUPPLIES", "EFT261104009", 3500.000, "Dr",
         349.750, "Dr"),
        (dt.date(2026, 11, 6), "CASH DEPOSIT ATM 0123", "ATM261106", 400.000, "Cr", 50.250, "Cr"),
        (dt.date(2026, 11, 9), "SWIFT CHARGES", "CHG261109", 7.500, "Dr", 42.750, "Cr"),
    ]:
        ws.append(list(row))
    wb.save(path)
    return path


def test_a_balance_with_its_own_dr_cr_mark_is_overdrawn_where_marked_dr(tmp_path: Path) -> None:
    st = read_statement(_bahrain_sheet(tmp_path / "bbk.xlsx"))
    lines = st.lines
    assert lines["Amount"].tolist() == [650.25, -3500.0, 400.0, -7.5]
    assert lines["Date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09"]
    assert lines["Currency"].tolist() == ["BHD"] * 4
    assert lines["Reference"].tolist() == ["FWP261102001", "EFT261104009", "ATM261106",
                                           "CHG261109"]
    # the overdrawn balance is -349.750, and the running balance follows every line
    assert lines["Balance"].tolist() == [3150.25, -349.75, 50.25, 42.75]
    assert [i.message for i in st.issues if "running balance" in i.message] == []
    bal = st.balances[0]
    assert (bal.opening, bal.credits, bal.debits) == (2500.0, 1050.25, 3507.5)


def test_an_overdrawn_balance_brought_forward_marked_dr_opens_below_zero(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Narration", "Amount", "Dr/Cr", "Balance", "Dr/Cr"])
    ws.append([dt.date(2026, 11, 1), "BALANCE BROUGHT FORWARD", None, "", 120.500, "Dr"])
    ws.append([dt.date(2026, 11, 2), "FAWRI+ FROM SITRA FOODS", 500.000, "Cr", 379.500, "Cr"])
    ws.append([dt.date(2026, 11, 3), "CARD FEE", 10.000, "Dr", 369.500, "Cr"])
    ws.append([None, "CLOSING BALANCE", None, "", 369.500, "Cr"])
    wb.save(tmp_path / "od.xlsx")
    st = read_statement(tmp_path / "od.xlsx")
    assert st.lines["Amount"].tolist() == [500.0, -10.0]
    bal = st.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (-120.5, 369.5, 0.0)
    assert [i.message for i in st.issues if "balance" in i.message.lower()] == []


def test_closing_balance_under_the_gregorian_date_column_is_no_date(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.sheet_view.rightToLeft = True
    ws.append(["رقم الحساب", "68201234567000"])
    ws.append(["العملة", "ريال سعودي"])
    ws.append(["الرصيد الافتتاحي", 50000.00])
    ws.append([])
    ws.append(["التاريخ الهجري", "التاريخ الميلادي", "تفاصيل العملية", "رقم المرجع", "مدين",
               "دائن", "الرصيد"])
    ws.append(["1448/05/23", dt.date(2026, 11, 3), "حوالة واردة من شركة الفا للتجارة",
               "FT26307A1B2", None, 17250.00, 67250.00])
    ws.append(["1448/05/24", dt.date(2026, 11, 4), "رسوم خدمة شهرية", "CHG0411", 23.00, None,
               67227.00])
    ws.append([])
    ws.append(["الرصيد الختامي", 67227.00])
    wb.save(tmp_path / "sa.xlsx")
    st = read_statement(tmp_path / "sa.xlsx")
    assert st.lines["Amount"].tolist() == [17250.0, -23.0]
    assert st.lines["Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-03", "2026-11-04"]
    bal = st.balances[0]
    assert (bal.opening, bal.closing, bal.difference) == (50000.0, 67227.0, 0.0)
    # 67227 read as an Excel day number would be 2084-01-21: the row states no date
    assert bal.closing_date is None


def _debit_credit_balance_flag(path: Path, currency_line: bool) -> Path:
    # an Omani / Bahraini core system's CSV: the amounts in two columns, the balance's own
    # mark after it; the dinars written to the fils, all under a thousand
    head = "Currency,BHD\n\n" if currency_line else ""
    path.write_text(head + "Date,Narration,Debit,Credit,Balance,Cr/Dr\n"
                    "01/11/2026,OPENING BALANCE,,,120.500,Dr\n"
                    "02/11/2026,FAWRI+ FROM SITRA FOODS,,500.000,379.500,Cr\n"
                    "03/11/2026,CARD FEE,10.000,,369.500,Cr\n"
                    "04/11/2026,EFTS OUT MANAMA,400.000,,30.500,Dr\n", encoding="utf-8")
    return path


def test_the_only_dr_cr_column_after_the_balance_of_debit_and_credit_columns_signs_it(
        tmp_path: Path) -> None:
    st = read_statement(_debit_credit_balance_flag(tmp_path / "omr.csv", True))
    assert st.lines["Amount"].tolist() == [500.0, -10.0, -400.0]
    assert st.lines["Balance"].tolist() == [379.5, 369.5, -30.5]
    assert st.lines["Currency"].tolist() == ["BHD"] * 3
    assert st.balances[0].opening == -120.5
    assert st.issues == []


def test_a_mark_after_the_balance_that_says_each_line_s_side_leaves_the_balance(
        tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text("Currency,BHD\n\nDate,Narration,Debit,Credit,Balance,Dr/Cr\n"
                    "02/11/2026,FAWRI+ FROM SITRA FOODS,,500.000,620.500,Cr\n"
                    "03/11/2026,CARD FEE,10.000,,610.500,Dr\n"
                    "04/11/2026,EFTS OUT MANAMA,400.000,,210.500,Dr\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, -10.0, -400.0]
    assert st.lines["Balance"].tolist() == [620.5, 610.5, 210.5]
    assert st.issues == []
