"""Bank import leftovers of earlier rounds (helper-184): a QIF of several accounts' issues,
and the bank's note at a statement's foot."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def test_qif_of_two_accounts_says_its_decoding_once_and_keeps_each_accounts_issues(
        tmp_path: Path) -> None:
    """The second account's statement no longer has its first issues cut off by count (they
    were taken for the file's decoding words, said with the first): it does not say them."""
    from test_bank_h174_qif_accounts import QIF

    text = QIF.replace("D04/11/2026", "D44/11/2026") + "D05/11/2026\nT100.00\nPCAFÃ© ROYAL\n^\n"
    path = tmp_path / "two.qif"
    path.write_bytes(text.encode("utf-8"))
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250.0, -40.0, 100.0]
    assert [(i.cell, i.column) for i in st.issues] == [("", ""), ("row 29", "Date")]
    assert st.issues[0].message.startswith("text looks garbled")
    assert "44/11/2026" in st.issues[1].message


FOOT_AR = "هذا الكشف صادر آليا ولا يحتاج إلى توقيع"
FOOT_EN = "This is a computer generated statement and does not require a signature."


def _sheet_rows() -> list[list]:
    return [["Account No", "SA0380000000608010167519"], [],
            ["Date", "Description", "Debit", "Credit", "Balance"],
            ["2026-11-01", "INWARD TT FROM NILE FOODS CO INV 101", None, 1000, 11000],
            ["Page 1 of 2 / صفحة 1 من 2"],
            [None, FOOT_AR, None, None, None],
            ["2026-11-02", "CHARGES", 50, None, 10950],
            [None, "صفحة 2 من اصل 5"],
            [FOOT_AR],
            ["2026-11-03", "TRANSFER FROM DELTA TRADING LLC", None, 200, 11150],
            [None, FOOT_EN],
            [None, "Please report any discrepancy within 15 days."]]


def test_footer_note_and_page_numbers_are_no_lines_nor_narrative(tmp_path: Path) -> None:
    """The bank's note at the foot ('This is a computer generated statement...', 'هذا الكشف
    صادر آليا ولا يحتاج إلى توقيع') in the date column was an Input Issue each time, and in
    the narrative column glued onto the line above it (the words matching reads)."""
    import csv

    import openpyxl

    wb = openpyxl.Workbook()
    for row in _sheet_rows():
        wb.active.append(row)
    xlsx = tmp_path / "snb.xlsx"
    wb.save(xlsx)
    text = tmp_path / "snb.csv"
    with open(text, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(_sheet_rows())
    for path in (xlsx, text):
        st = read_statement(path)
        assert st.lines["Amount"].tolist() == [1000.0, -50.0, 200.0]
        assert st.lines["Description"].tolist() == [
            "INWARD TT FROM NILE FOODS CO INV 101", "CHARGES", "TRANSFER FROM DELTA TRADING LLC"]
        # the page numbers: one note for the file; the footer: none
        assert [i.message for i in st.issues] == [
            "page numbers ('Page 1 of 2 / صفحة 1 من 2', rows 5, 8): the statement's page "
            "breaks, not a transaction; left out"]


def test_indented_mt940_in_utf16_with_its_encoding_named(tmp_path: Path) -> None:
    """An MT940 indented by its portal, in UTF-16, read with encoding='utf-16' (or 'utf-16-le',
    no byte order mark): its margin was not taken off, so no tag was found: no line, no
    issue. Read as without the encoding named."""
    lines = [":20:NBE20261112", ":25:EG380003000100000000123450001", ":28C:00045/00001",
             ":60F:C261111EGP1000,00", ":61:2611121112C23380,00NTRFNONREF//NBE1",
             ":86:حوالة واردة من شركة الدلتا للتجارة فاتورة INV-2026-3002",
             ":61:2611131113D500,00NCHGNONREF//NBE2", ":86:عمولة", ":62F:C261113EGP23880,00", ""]
    text = "\r\n".join("   " + line if line else line for line in lines)
    path = tmp_path / "nbe.sta"
    for encoding in ("utf-16", "utf-16-le"):
        path.write_bytes(text.encode(encoding))
        st = read_statement(path, encoding=encoding)
        assert st.lines["Amount"].tolist() == [23380.0, -500.0]
        assert st.lines["Counterparty"].tolist() == ["شركة الدلتا للتجارة", None]
        assert st.lines["Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-12", "2026-11-13"]
        assert (st.encoding, st.issues) == (encoding, [])
        assert st.balances[0].difference == 0.0


def test_arabic_written_backwards_is_decided_for_the_whole_workbook(tmp_path: Path) -> None:
    """A PDF converted to Excel a sheet per page, its Arabic written backwards: the first
    page's were read back, but the second page, of few Arabic words, was judged on its own
    (in reading order, so its header-less rows were no page of the first): its two lines
    were lost without a word. Now decided once for the workbook, said once."""
    import openpyxl

    from ar_excel.bank.visual_arabic import reading_order as drawn

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"
    ws.append([drawn("كشف حساب"), None, None, drawn("رقم الحساب"), "1234567890123"])
    ws.append([drawn(h) for h in ["الرصيد", "دائن", "مدين", "البيان", "التاريخ"]])
    ws.append(["1,000.00", None, None, drawn("رصيد افتتاحي"), None])
    ws.append(["6,000.00", "5,000.00", None,
               drawn("حوالة واردة من شركة النيل للأدوية فاتورة INV-2026-1001"), "01/11/2026"])
    ws.append(["5,950.00", None, "50.00", drawn("عمولة تحويل"), "02/11/2026"])
    page = wb.create_sheet("Table 2")
    page.append(["8,950.00", "3,000.00", None, drawn("ايداع نقدي من محمد احمد حسن INV-2026-1002"),
                 "03/11/2026"])
    page.append(["8,900.00", None, "50.00", drawn("رسوم"), "04/11/2026"])
    path = tmp_path / "converted.xlsx"
    wb.save(path)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [5000.0, -50.0, 3000.0, -50.0]
    assert st.lines["Date"].dt.strftime("%d").tolist() == ["01", "02", "03", "04"]
    assert st.lines["Description"].tolist() == [
        "حوالة واردة من شركة النيل للأدوية فاتورة INV-2026-1001", "عمولة تحويل",
        "ايداع نقدي من محمد احمد حسن INV-2026-1002", "رسوم"]
    backwards = [i for i in st.issues if "written backwards" in i.message]
    assert [(i.sheet, i.value) for i in backwards] == [("converted.xlsx [Table 1]", "باسح فشك")]
    assert (st.balances[0].opening, st.balances[0].credits, st.balances[0].debits) == (
        1000.0, 8000.0, 100.0)


def test_qif_account_without_a_usable_line_leaves_the_others_read(tmp_path: Path) -> None:
    """A QIF of two accounts whose second has one record, its date unreadable: the whole file
    failed ('no line of the statement could be used'), the first account's lines lost with
    it. Now that account is said, and the others' lines are read."""
    from test_bank_h174_qif_accounts import QIF

    path = tmp_path / "two.qif"
    path.write_text(QIF.replace("D04/11/2026", "D44/11/2026"), encoding="ascii")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250.0, -40.0]
    (said,) = st.issues
    assert (said.cell, said.value) == ("account USD Account", "USD Account")
    assert "44/11/2026" in said.message and said.message.startswith("the account 'USD Account'")


def test_page_numbers_with_the_print_stamp_in_the_same_cell(tmp_path: Path) -> None:
    """A page's foot 'Page 2 of 5 Printed on 24/11/2026 10:15' (one cell), 'تاريخ الطباعة
    24/11/2026 صفحة ٢ من ٥', '- 2 -': no page number was seen, and each row was an Input
    Issue ('row with no date and no amount'), or in the narrative column the words of the
    line above it."""
    rows = [["Date", "Description", "Debit", "Credit", "Balance"],
            ["2026-11-01", "INWARD TT FROM NILE FOODS CO INV 101", None, 1000, 11000],
            ["Page 1 of 3 Printed on 24/11/2026 10:15"],
            ["2026-11-02", "CHARGES", 50, None, 10950],
            [None, "تاريخ الطباعة 24/11/2026 صفحة ٢ من ٣"],
            ["2026-11-03", "TRANSFER FROM DELTA TRADING LLC", None, 200, 11150],
            ["- 3 -"]]
    import csv

    path = tmp_path / "paged.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1000.0, -50.0, 200.0]
    assert st.lines["Description"].tolist() == [
        "INWARD TT FROM NILE FOODS CO INV 101", "CHARGES", "TRANSFER FROM DELTA TRADING LLC"]
    assert [(i.cell, i.value) for i in st.issues] == [("A3", "Page 1 of 3")]
    assert "rows 3, 5, 7" in st.issues[0].message
