"""Statements as Egyptian and Gulf banks export them, written by hand (helper-174): every
line's date, signed amount and narrative, and the balances, checked against what was written.

* A table whose narrative column is headed with a word we have no name for ("Posting Date |
  Text | Amount", SAP-style exports): every line's narrative was left blank, with no issue.
  The column of words varying from line to line is now the narrative.
* The rest read right already and are pinned: an XLSX with a title block, account details,
  a merged caption, Arabic headers (التاريخ / البيان / مدين / دائن / الرصيد), an opening
  balance row, a totals row and a footer; a CSV of "1,234.50 CR" / "250.00 DR"; a cp1256 CSV;
  a narrative carried over to a second row; a PDF-to-Excel conversion (numbers as text,
  stray spaces, a page footer); an HTML table saved as .xls; right-to-left marks around the
  figures; a Dr/Cr column; debits written "250.00-"; Kuwaiti dinars to the fils.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from ar_excel.bank import read_statement

OPENING = 100000.00
LINES = [  # (day of November 2026, signed amount, narrative)
    (2, 15250.00, "حوالة واردة من شركة النيل للأدوية سداد فاتورة INV-2026-1001"),
    (3, -250.00, "عمولة تحويل"),
    (5, 8400.50, "INWARD TRANSFER FROM DELTA TRADING CO INV-2026-1002"),
    (9, 1234.50, "CHQ DEPOSIT 004512 INV-2026-1003"),
    (15, -12000.00, "تحويل صادر إلى شركة المقاولون العرب"),
    (20, 30000.00, "ايداع نقدي من محمد علي حسن"),
]
BALANCES = [115250.00, 115000.00, 123400.50, 124635.00, 112635.00, 142635.00]
CLOSING = 142635.00


def day(d: int) -> dt.date:
    return dt.date(2026, 11, d)


def money(x: float) -> str:
    return f"{x:,.2f}"


def assert_lines(path: Path, narratives: list[str] | None = None) -> object:
    st = read_statement(path)
    lines = st.lines
    assert [d.date() for d in lines["Date"]] == [day(d) for d, _, _ in LINES]
    assert lines["Amount"].tolist() == [a for _, a, _ in LINES]
    assert lines["Description"].tolist() == (narratives or [n for _, _, n in LINES])
    assert lines["Balance"].tolist() == BALANCES
    return st


def test_narrative_under_a_header_no_word_names(tmp_path: Path) -> None:
    rows = ["Posting Date,Text,Amount,Balance"] + [
        f"{d:02d}.11.2026,{n},\"{money(-a)}-\",\"{money(b)}\"" if a < 0 else
        f"{d:02d}.11.2026,{n},\"{money(a)}\",\"{money(b)}\""
        for (d, a, n), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "sap.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = assert_lines(path)
    assert st.issues == []


def test_a_column_of_codes_is_no_narrative(tmp_path: Path) -> None:
    """A column of a few codes repeated (the kind of each line) stays unread, as before."""
    rows = ["Posting Date,Type,Amount"] + [
        f"{d:02d}.11.2026,{'TRF' if a > 0 else 'CHG'},{a:.2f}" for d, a, _ in LINES]
    path = tmp_path / "codes.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert read_statement(path).lines["Description"].tolist() == [None] * 6


def test_nbe_style_workbook_with_title_block_and_totals(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "كشف حساب"
    ws["A1"] = "البنك الأهلي المصري"
    ws.merge_cells("A1:E1")
    ws["A2"] = "كشف حساب تفصيلي"
    ws.merge_cells("A2:E2")
    for r, (label, value) in enumerate([("اسم العميل:", "شركة الأمل للتوزيع"),
                                        ("رقم الحساب:", "EG380003000100000000123450001"),
                                        ("العملة:", "EGP"),
                                        ("الفترة:", "من 01/11/2026 إلى 30/11/2026")], start=4):
        ws.cell(r, 1, label)
        ws.cell(r, 2, value)
    ws["A9"] = "بيانات الحركة"
    ws.merge_cells("A9:E9")
    ws.append(["التاريخ", "البيان", "مدين", "دائن", "الرصيد"])
    ws.append([day(1), "رصيد افتتاحي", None, None, OPENING])
    for (d, a, n), b in zip(LINES, BALANCES, strict=True):
        ws.append([day(d), n, -a if a < 0 else None, a if a > 0 else None, b])
    ws.append([None, "الإجمالي", 12250.00, 54885.00, None])
    ws.append([])
    ws.append(["هذا الكشف صادر آليا ولا يحتاج إلى توقيع"])
    path = tmp_path / "nbe.xlsx"
    wb.save(path)
    st = assert_lines(path)
    assert st.lines["Currency"].unique().tolist() == ["EGP"]
    (bal,) = st.balances
    assert (bal.account, bal.opening, bal.credits, bal.debits, bal.lines) == (
        "EG380003000100000000123450001", OPENING, 54885.00, 12250.00, 6)
    # the footer is no line, and no issue either (helper-184)
    assert st.issues == []


def test_csv_of_cr_and_dr_amounts(tmp_path: Path) -> None:
    rows = ["Account Statement", "Account No,0012345678901", "Currency,EGP", "",
            "Date,Description,Amount,Balance",
            f"01/11/2026,OPENING BALANCE,,\"{money(OPENING)} CR\""] + [
        f"{d:02d}/11/2026,\"{n}\",\"{money(abs(a))} {'CR' if a > 0 else 'DR'}\","
        f"\"{money(b)} CR\"" for (d, a, n), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "crdr.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = assert_lines(path)
    assert st.balances[0].opening == OPENING
    assert st.issues == []


def test_cp1256_csv_with_arabic_headers(tmp_path: Path) -> None:
    rows = ["التاريخ,البيان,مدين,دائن,الرصيد", f"01/11/2026,رصيد افتتاحي,,,{OPENING:.2f}"] + [
        f"{d:02d}/11/2026,{n},{-a:.2f},,{b:.2f}" if a < 0 else
        f"{d:02d}/11/2026,{n},,{a:.2f},{b:.2f}" for (d, a, n), b in zip(LINES, BALANCES,
                                                                          strict=True)]
    path = tmp_path / "cp1256.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1256"))
    st = assert_lines(path)
    assert st.encoding == "cp1256"


def test_narrative_carried_over_to_a_second_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Banque Misr - Account Statement"])
    ws.append(["Account", "1234567890123"])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([day(1), "Opening Balance", None, None, OPENING])
    for (d, a, n), b in zip(LINES, BALANCES, strict=True):
        words = n.split()
        first, more = (" ".join(words[:4]), " ".join(words[4:])) if len(words) > 4 else (n, "")
        ws.append([day(d), first, -a if a < 0 else None, a if a > 0 else None, b])
        if more:
            ws.append([None, more, None, None, None])
    path = tmp_path / "two_rows.xlsx"
    wb.save(path)
    st = assert_lines(path)
    assert st.issues == []


def test_pdf_conversion_numbers_as_text_with_stray_spaces(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["QNB ALAHLI"])
    ws.append([])
    ws.append([" Date ", " Description ", " Debit ", " Credit ", " Balance "])
    ws.append(["01/11/2026 ", "رصيد أول المدة", None, None, f" {money(OPENING)} "])
    for (d, a, n), b in zip(LINES, BALANCES, strict=True):
        ws.append([f" {d:02d}/11/2026", f" {n}  ", f"{money(-a)} " if a < 0 else "",
                   f" {money(a)}" if a > 0 else "", f"{money(b)}  "])
    ws.append([None, "Page 1 of 1"])
    path = tmp_path / "pdf.xlsx"
    wb.save(path)
    st = assert_lines(path)
    assert st.balances[0].opening == OPENING
    assert [i.value for i in st.issues] == ["Page 1 of 1"]


def test_html_table_saved_as_xls(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{d:02d}-11-2026</td><td>{d:02d}-11-2026</td><td>{n}</td>"
        f"<td>{money(-a) if a < 0 else '0.00'}</td><td>{money(a) if a > 0 else '0.00'}</td>"
        f"<td>{money(b)}</td></tr>\n" for (d, a, n), b in zip(LINES, BALANCES, strict=True))
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
            "</head><body><table><tr><td colspan=5><b>بنك مصر</b></td></tr><tr><td>رقم الحساب"
            "</td><td>1234567890123</td></tr></table><table border=1><tr><th>تاريخ العملية</th>"
            "<th>تاريخ القيمة</th><th>الوصف</th><th>مدين</th><th>دائن</th><th>الرصيد</th></tr>\n"
            + rows + "</table></body></html>")
    path = tmp_path / "statement.xls"
    path.write_text(html, encoding="utf-8")
    assert_lines(path)


def test_right_to_left_marks_around_dates_and_figures(tmp_path: Path) -> None:
    rlm, lrm = "\u200f", "\u200e"
    rows = ["التاريخ,البيان,مدين,دائن,الرصيد"] + [
        f"{rlm}{d:02d}/11/2026{rlm},{rlm}{n},"
        f"{lrm + money(-a).replace(',', chr(160)) + lrm if a < 0 else ''},"
        f"{lrm + money(a).replace(',', chr(160)) if a > 0 else ''},\"{lrm}{money(b)}{lrm}\""
        for (d, a, n), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "marks.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert_lines(path)


@pytest.mark.parametrize("arabic", [False, True])
def test_unsigned_amounts_with_a_dr_cr_column(tmp_path: Path, arabic: bool) -> None:
    credit, debit = ("دائن", "مدين") if arabic else ("Cr", "Dr")
    rows = ["Txn Date,Narrative,Amount,Dr/Cr,Balance"] + [
        f"{day(d):%d-%b-%y},\"{n}\",\"{money(abs(a))}\",{credit if a > 0 else debit},"
        f"\"{money(b)}\"".upper() for (d, a, n), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "drcr.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert_lines(path, [n.upper() for _, _, n in LINES])


def test_kuwaiti_dinars_to_the_fils(tmp_path: Path) -> None:
    rows = ["Currency,KWD", "Posting Date,Value Date,Description,Debit,Credit,Balance",
            "02/11/2026,02/11/2026,TRANSFER FROM AL SHAYA TRADING CO W.L.L INV-2026-1010,,"
            "\"1,250.125\",\"2,250.125\"",
            "03/11/2026,03/11/2026,SMS CHARGES,2.500,,\"2,247.625\"",
            "09/11/2026,09/11/2026,CHEQUE DEPOSIT 123456,,480.750,\"2,728.375\""]
    path = tmp_path / "nbk.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250.125, -2.5, 480.75]
    assert st.lines["Balance"].tolist() == [2250.125, 2247.625, 2728.375]
    assert st.lines["Currency"].unique().tolist() == ["KWD"]
    assert st.issues == []


@pytest.mark.parametrize("header", ["م/د", "نوع"])
def test_arabic_letters_for_debit_and_credit(tmp_path: Path, header: str) -> None:
    """"م" / "د" (مدين / دائن, as "Dr" / "Cr"): the amounts read unsigned, every debit as
    money in where no running balance told them apart."""
    rows = [f"التاريخ,البيان,المبلغ,{header}"] + [
        f"{d:02d}/11/2026,{n},\"{money(abs(a))}\",{'د' if a > 0 else 'م'}" for d, a, n in LINES]
    path = tmp_path / "letters.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [a for _, a, _ in LINES]
    assert st.lines["Description"].tolist() == [n for _, _, n in LINES]
    assert st.issues == []


def test_arabic_letters_after_the_amounts(tmp_path: Path) -> None:
    """"15,250.00 د" / "250.00 م" (and the balance so): read as "CR" / "DR" after it; they were
    not numbers, every line left out. The م of ج.م (Egyptian pounds) is no mark."""
    rows = ["التاريخ,البيان,المبلغ,الرصيد"] + [
        f"{d:02d}/11/2026,{n},\"{money(abs(a))} {'د' if a > 0 else 'م'}\",\"{money(b)} ج.م\""
        for (d, a, n), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "letters_after.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = assert_lines(path)
    assert st.issues == []


def test_commas_unquoted_in_many_narratives_of_a_short_file(tmp_path: Path) -> None:
    """Two lines of three with the delimiter in their narrative, unquoted: taken for a layout
    (many rows wider than the header), their tails were read as the amounts ('INV-2026-1001'
    is not a number), both lines left out and the currency read as 'INV'."""
    path = tmp_path / "commas.csv"
    path.write_text("Date,Description,Amount,Balance\n"
                    "02/11/2026,TRANSFER FROM NILE PHARMA, INV-2026-1001,15250.00,115250.00\n"
                    "03/11/2026,CHARGES,-250.00,115000.00\n"
                    "05/11/2026,INWARD TT FROM DELTA TRADING CO, REF INV-2026-1002,8400.50,"
                    "123400.50\n", encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [15250.0, -250.0, 8400.5]
    assert lines["Description"].tolist() == [
        "TRANSFER FROM NILE PHARMA, INV-2026-1001", "CHARGES",
        "INWARD TT FROM DELTA TRADING CO, REF INV-2026-1002"]
    assert lines["Currency"].tolist() == [None] * 3
    assert [(i.cell, i.column) for i in st.issues] == [("B2:C2", "Description"),
                                                      ("B4:C4", "Description")]


def _drawn(text: str) -> str:
    """Arabic as a PDF converter takes it from the page, left to right (its own inverse)."""
    from ar_excel.bank.visual_arabic import reading_order

    return reading_order(text)


def test_arabic_written_backwards_by_a_pdf_conversion(tmp_path: Path) -> None:
    """A PDF statement converted to Excel: each Arabic word's letters reversed and a text's
    words in reverse order ('ليوحت ةلومع' for 'عمولة تحويل'), headers too; the header was not
    found ('could not find the header row'). Read back, with one note."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Table 1"])
    ws.append([_drawn("كشف حساب"), None, None, _drawn("رقم الحساب"), "1234567890123"])
    ws.append([_drawn(h) for h in ["الرصيد", "دائن", "مدين", "البيان", "التاريخ"]])
    ws.append([money(OPENING), None, None, _drawn("رصيد افتتاحي"), None])
    for (d, a, n), b in zip(LINES, BALANCES, strict=True):
        ws.append([money(b), money(a) if a > 0 else None, money(-a) if a < 0 else None,
                   _drawn(n), f"{d:02d}/11/2026"])
    path = tmp_path / "converted.xlsx"
    wb.save(path)
    st = assert_lines(path)
    assert st.balances[0].opening == OPENING
    assert st.balances[0].account == "1234567890123"
    assert [(i.value, i.message) for i in st.issues] == [(
        "باسح فشك", "the Arabic of the file is written backwards, letters and words (as a PDF "
        "converted to Excel gives it: 'باسح فشك'); it was read back in reading order "
        "('كشف حساب'): check a line against the bank's statement")]
    assert _drawn(LINES[0][2]) == "INV-2026-1001 ةروتاف دادس ةيودألل لينلا ةكرش نم ةدراو ةلاوح"
