"""Statements as Egyptian banks' online banking exports them, written by hand (helper-196):
NBE, Banque Misr, CIB, QNB Alahli, Banque du Caire, AAIB, Faisal Islamic. Each line's date,
signed amount and narrative, and the balances, checked against what was written.

* A page heading repeated on each page with its page number ("البنك الأهلي المصري - كشف
  حساب | صفحة 2 من 3"): it was read as a line whose date could not be read (an Input Issue
  per page); it is the first page's heading again.
* The closing balance printed only on the totals row at the foot (الإجمالي | debits |
  credits | balance, Faisal Islamic's export): not read, so the statement was not tied out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from ar_excel.bank import read_statement

OPENING = 250000.00
LINES = [  # (day of March 2025, signed amount, narrative)
    (2, 15250.00, "تحويل وارد من شركة النيل للتجارة سداد فاتورة INV-2025-1001"),
    (3, -25.50, "عمولة تحويل"),
    (5, 8400.75, "InstaPay تحويل لحظي من مؤسسة الدلتا للصلب"),
    (9, 1234.50, "تحصيل شيك مقاصة 4455667 بنك مصر"),
    (15, -12000.00, "شيك مسحوب رقم 100234"),
    (20, 30000.00, "إيداع نقدي"),
]
BALANCES = [265250.00, 265224.50, 273625.25, 274859.75, 262859.75, 292859.75]
CLOSING = 292859.75
HEADER = ["تاريخ القيد", "تاريخ الحق", "البيان", "رقم المرجع", "مدين", "دائن", "الرصيد"]


def day(d: int) -> dt.datetime:
    return dt.datetime(2025, 3, d)


def line_row(i: int) -> list[object]:
    d, a, text = LINES[i]
    return [day(d), day(d), text, f"FT25{i:06d}", -a if a < 0 else None, a if a > 0 else None,
            BALANCES[i]]


def save(rows: list[list[object]], path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.sheet_view.rightToLeft = True
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def assert_lines(st: object) -> None:
    lines = st.lines  # type: ignore[attr-defined]
    assert [d.day for d in lines["Date"]] == [d for d, _, _ in LINES]
    assert lines["Amount"].tolist() == [a for _, a, _ in LINES]
    assert lines["Description"].tolist() == [t for _, _, t in LINES]
    assert lines["Balance"].tolist() == BALANCES


def page_heading(page: int) -> list[object]:
    return ["البنك الأهلي المصري - كشف حساب", None, None, None, None, f"صفحة {page} من 2"]


def test_page_heading_with_its_page_number_repeated(tmp_path: Path) -> None:
    rows = [page_heading(1), ["رقم الحساب", "1903040512345600017", None, "العملة", "ج.م"], HEADER,
            [None, None, "رصيد سابق", None, None, None, OPENING],
            *[line_row(i) for i in range(3)], [],
            page_heading(2), ["رقم الحساب", "1903040512345600017", None, "العملة", "ج.م"], HEADER,
            *[line_row(i) for i in range(3, 6)],
            [None, None, "رصيد ختامي", None, None, None, CLOSING]]
    st = read_statement(save(rows, tmp_path / "nbe.xlsx"))
    assert_lines(st)
    assert st.issues == []
    assert (st.balances[0].opening, st.balances[0].closing) == (OPENING, CLOSING)
    assert st.balances[0].difference == 0.0


def test_page_heading_of_another_title_is_still_reported(tmp_path: Path) -> None:
    """Only the first page's heading is recognised again: other words beside a page number
    stay a row that could not be read, reported at its cell."""
    rows = [page_heading(1), HEADER, *[line_row(i) for i in range(6)],
            ["بنك مصر - كشف حساب", None, None, None, None, "صفحة 2 من 2"]]
    st = read_statement(save(rows, tmp_path / "other.xlsx"))
    assert len(st.lines) == 6
    assert [i.cell for i in st.issues] == ["A9"]


def totals_row(closing: float) -> list[object]:
    return [None, None, "الإجمالي", None, 12025.50, 54885.25, closing]


def test_closing_balance_on_the_totals_row(tmp_path: Path) -> None:
    rows = [["بنك فيصل الإسلامي المصري"], ["العملة: جنيه مصري"], HEADER,
            [None, None, "رصيد افتتاحي", None, None, None, OPENING],
            *[line_row(i) for i in range(6)], totals_row(CLOSING)]
    st = read_statement(save(rows, tmp_path / "faisal.xlsx"))
    assert_lines(st)
    assert st.issues == []
    assert (st.balances[0].opening, st.balances[0].closing) == (OPENING, CLOSING)
    assert st.balances[0].difference == 0.0
    assert st.closing_row == 11


def test_totals_row_balance_that_does_not_tie_out_is_reported(tmp_path: Path) -> None:
    """A line missing above the totals row: the balance it states is the closing one, and
    the statement does not tie out to it by the missing 30,000.00."""
    rows = [HEADER, [None, None, "رصيد افتتاحي", None, None, None, OPENING],
            *[line_row(i) for i in range(5)], totals_row(CLOSING)]
    st = read_statement(save(rows, tmp_path / "short.xlsx"))
    assert len(st.lines) == 5
    assert st.balances[0].closing == CLOSING
    assert st.balances[0].difference == -30000.0
    assert any(i.kind == "tie-out" for i in st.issues)


def test_totals_row_balance_of_a_newest_first_statement_is_no_closing(tmp_path: Path) -> None:
    """Newest first, the row at the foot follows the oldest line: its balance is not taken
    as the closing one."""
    rows = [HEADER, *[line_row(i) for i in reversed(range(6))], totals_row(OPENING)]
    st = read_statement(save(rows, tmp_path / "newest.xlsx"))
    assert sorted(st.lines["Amount"].tolist()) == sorted(a for _, a, _ in LINES)
    assert all(b.closing is None for b in st.balances)


def html_page(above: str, below: str) -> str:
    rows = "".join(
        f"<tr><td>{d:02d}/03/2025</td><td>{t}</td><td>{-a if a < 0 else ''}</td>"
        f"<td>{a if a > 0 else ''}</td><td>{b:,.2f}</td></tr>"
        for (d, a, t), b in zip(LINES, BALANCES, strict=True))
    return ('<html><head><meta charset="utf-8"><title>كشف حساب 2025</title>'
            "<style>td {font-family: Tahoma}</style></head><body dir=\"rtl\">" + above +
            "<table border=1><tr><th>Posting Date التاريخ</th><th>Description البيان</th>"
            "<th>Debit مدين</th><th>Credit دائن</th><th>Balance الرصيد</th></tr>" + rows +
            "</table>" + below + "</body></html>")


def test_html_account_details_outside_the_table(tmp_path: Path) -> None:
    """Banque Misr's page saved as .xls: the account, currency and balances in <p> and <div>
    around the table (they were never read: no currency, no account, no tie-out)."""
    above = ("<p>بنك مصر - Banque Misr</p><div>Account No / رقم الحساب: 2110001000456789</div>"
             "<div>Currency / العملة: EGP</div><p>Opening Balance: 250,000.00</p>")
    below = "<p>Closing Balance: 292,859.75</p><p>This statement is computer generated.</p>"
    path = tmp_path / "misr.xls"
    path.write_text(html_page(above, below), encoding="utf-8")
    st = read_statement(path)
    assert_lines(st)
    assert st.lines["Currency"].tolist() == ["EGP"] * 6
    assert st.issues == []
    b = st.balances[0]
    assert (b.account, b.currency, b.opening, b.closing, b.difference) == (
        "2110001000456789", "EGP", OPENING, CLOSING, 0.0)


def test_html_note_below_the_table_is_reported(tmp_path: Path) -> None:
    """Text below the table that is neither a balance nor the bank's note is said, at its
    row, not lost."""
    path = tmp_path / "note.xls"
    path.write_text(html_page("", "<div>يرجى تحديث بياناتكم لدى الفرع</div>"),
                    encoding="utf-8")
    st = read_statement(path)
    assert len(st.lines) == 6
    assert [i.cell for i in st.issues] == ["A8"]
    assert "يرجى تحديث بياناتكم" in st.issues[0].message


def test_currency_by_name_and_code(tmp_path: Path) -> None:
    """QNB Alahli's "العملة / Currency | جنيه مصري EGP": the name beside its code."""
    rows = [["QNB ALAHLI"], ["العملة / Currency", "جنيه مصري EGP"], HEADER,
            *[line_row(i) for i in range(6)]]
    st = read_statement(save(rows, tmp_path / "qnb.xlsx"))
    assert st.lines["Currency"].tolist() == ["EGP"] * 6


def test_the_banks_time_to_object_is_its_note(tmp_path: Path) -> None:
    """Banque du Caire's and Faisal Islamic's notes at the foot (deemed correct unless the bank
    is told within 30 days; made from internet banking): the statement's note, no Input
    Issue each ('row with no date and no amount')."""
    rows = [HEADER, *[line_row(i) for i in range(6)], [],
            ["* يعتبر هذا الكشف صحيحًا ما لم يخطر البنك بأي اعتراض خلال 30 يومًا"],
            ["تم استخراج هذا الكشف من خدمة الإنترنت البنكي - بنك فيصل الإسلامي المصري"],
            ["This statement shall be deemed correct unless the bank is notified within 30 "
             "days"]]
    st = read_statement(save(rows, tmp_path / "bdc.xlsx"))
    assert_lines(st)
    assert st.issues == []


def test_bilingual_headers_name_their_columns(tmp_path: Path) -> None:
    """Headers in both languages with a space between ("Posting Date التاريخ", "Debit مدين"):
    each language names the column. They were found only by the values under them, which
    two rows of text under a short statement's lines outweighed ("could not find the header
    row")."""
    rows = ["Posting Date التاريخ,Description البيان,Debit مدين,Credit دائن,Balance الرصيد"] + [
        f"{d:02d}/03/2025,{t},{-a if a < 0 else ''},{a if a > 0 else ''},{b}"
        for (d, a, t), b in zip(LINES, BALANCES, strict=True)] + [
        "Closing Balance: 292859.75", "Please keep your contact details up to date"]
    path = tmp_path / "bilingual.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert_lines(st)
    assert st.balances[0].closing == CLOSING
    assert [i.cell for i in st.issues] == ["A9"]


def test_pending_section_under_the_booked_lines(tmp_path: Path) -> None:
    """CIB's export with its pending transactions under the booked ones: the pending credit
    of 5,000.00 was read as a booked line (7 lines), and the closing balance above it taken
    for a page's carried-forward (no tie-out). Now left out, named at its row."""
    rows = [["CIB"], ["Account", "100012345690", "EGP"], HEADER,
            [None, None, "Opening Balance", None, None, None, OPENING],
            *[line_row(i) for i in range(6)],
            [None, None, "Closing Balance", None, None, None, CLOSING], [],
            ["Pending Transactions / حركات تحت التنفيذ"], HEADER[:6],
            ["31/03/2025", None, "تحويل وارد من شركة النيل - قيد التنفيذ", "PND001", None, 5000.0]]
    st = read_statement(save(rows, tmp_path / "cib.xlsx"))
    assert_lines(st)
    assert (st.balances[0].opening, st.balances[0].closing) == (OPENING, CLOSING)
    assert st.balances[0].difference == 0.0
    assert [(i.cell, i.value) for i in st.issues] == [("A15", "31/03/2025")]
    assert st.issues[0].message == (
        "pending (not yet booked) line under 'Pending Transactions / حركات تحت التنفيذ' left "
        "out; it will come on a later statement")
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    assert arabic_bank_message(st.issues[0].message) == (
        "استُبعد سطر معلّق (لم يُقيَّد بعد) تحت 'Pending Transactions / حركات تحت التنفيذ'؛ "
        "سيأتي في كشف لاحق")


def test_narrative_naming_a_blocked_amount_is_no_pending_section(tmp_path: Path) -> None:
    """The rest of a line's narrative in its own column ("BLOCKED AMOUNT RELEASE") opens no
    section: the lines under it are booked."""
    rows = [HEADER, *[line_row(i) for i in range(3)], [None, None, "BLOCKED AMOUNT RELEASE"],
            *[line_row(i) for i in range(3, 6)]]
    st = read_statement(save(rows, tmp_path / "blocked.xlsx"))
    assert st.lines["Amount"].tolist() == [a for _, a, _ in LINES]


def test_number_of_the_banks_entry(tmp_path: Path) -> None:
    """"رقم الحركة" (the bank's number of the entry) was read as nothing: each line's Bank
    Line was its position. It is the bank's id of the line."""
    rows = [["التاريخ", "البيان", "رقم الحركة", "مدين", "دائن", "الرصيد"]] + [
        [day(d), t, f"TRX{i:05d}", -a if a < 0 else None, a if a > 0 else None, b]
        for i, ((d, a, t), b) in enumerate(zip(LINES, BALANCES, strict=True))]
    st = read_statement(save(rows, tmp_path / "nbe.xlsx"))
    assert st.lines["Bank Ref"].tolist() == [f"TRX{i:05d}" for i in range(6)]
    assert st.lines["Bank Line"].tolist() == [f"TRX{i:05d}" for i in range(6)]


def test_further_details_and_the_party_column(tmp_path: Path) -> None:
    """"بيانات إضافية" (further details) and "الجهة" (who paid or was paid) were not read: the
    payer's name and invoice in them were lost without a word. Now the one is part of the
    narrative and the other the counterparty."""
    parties = ["شركة النيل للتجارة", None, "مؤسسة الدلتا للصلب", "بنك مصر", None,
               "محمد أحمد عبد الله"]
    rows = [["التاريخ", "البيان", "بيانات إضافية", "الجهة", "مدين", "دائن", "الرصيد"]] + [
        [day(d), t.split()[0], " ".join(t.split()[1:]) or None, parties[i],
         -a if a < 0 else None, a if a > 0 else None, BALANCES[i]]
        for i, (d, a, t) in enumerate(LINES)]
    st = read_statement(save(rows, tmp_path / "details.xlsx"))
    assert st.lines["Description"].tolist() == [t for _, _, t in LINES]
    assert st.lines["Counterparty"].tolist() == [
        "شركة النيل للتجارة", None, "مؤسسة الدلتا للصلب", "بنك مصر", None, "محمد أحمد عبد الله"]


def test_pasted_statements_own_rows_get_no_readers_issue(tmp_path: Path) -> None:
    """NBE's export pasted into the workbook's كشف البنك sheet: its opening and closing
    balance rows (no date), its totals row and the bank's note at the foot were each an
    Input Issue of the workbook reader ('التاريخ is required but blank' at the opening
    balance's row A4, as if the clerk should date a balance) though the statement read them
    as its own rows and tied out. Now the Input Issues tab says nothing of them."""
    import pandas as pd

    from ar_excel.cli import main

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "شركة النيل للتجارة", "EGP", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-2025-1001", "C1", dt.date(2025, 2, 20), 15250])
    bank = wb.create_sheet("كشف البنك")
    for row in [["البنك الأهلي المصري - كشف حساب"], ["العملة: جنيه مصري"], HEADER,
                [None, None, "رصيد افتتاحي", None, None, None, OPENING],
                *[line_row(i) for i in range(6)], totals_row(CLOSING),
                [None, None, "رصيد ختامي", None, None, None, CLOSING],
                ["هذا الكشف صادر آليًا ولا يحتاج إلى توقيع"]]:
        bank.append(row)
    book = tmp_path / "book.xlsx"
    wb.save(book)
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "-o", str(out), "--lang", "en"]) == 0
    frame = pd.read_excel(out, sheet_name="Input Issues", header=None)
    at = frame.index[frame[0].astype(str) == "Sheet"][0]
    issues = pd.read_excel(out, sheet_name="Input Issues", header=at)
    assert issues[issues["Sheet"] == "كشف البنك"].empty
    rec = pd.read_excel(out, sheet_name="Reconciliation", header=None)
    assert "ties out" in rec.astype(str).to_numpy().ravel().tolist()


def foot_rows(foot: list[list[object]]) -> list[list[object]]:
    return [HEADER, [None, None, "رصيد افتتاحي", None, None, None, OPENING],
            *[line_row(i) for i in range(6)],
            [None, None, "رصيد ختامي", None, None, None, CLOSING], [], *foot]


def test_summary_under_the_lines_is_no_line_left_out(tmp_path: Path) -> None:
    """Banque du Caire's and AAIB's summary under the lines, its labels in the date column
    ("No. of Debits | 2 | Total Debits | 12,025.50", "عدد الحركات الدائنة | 4"): each row was
    'date ... could not be read; the line was left out', as if a transaction had been lost.
    Now a summary row, said as one."""
    rows = foot_rows([["No. of Debits", 2, "Total Debits", 12025.5],
                      ["عدد الحركات الدائنة", None, None, None, 4]])
    st = read_statement(save(rows, tmp_path / "foot.xlsx"))
    assert_lines(st)
    assert st.balances[0].difference == 0.0
    assert [(i.cell, i.message) for i in st.issues] == [
        ("A11", "summary row without a date ('No. of Debits 2 Total Debits 12,025.50'): not a "
                "transaction; left out"),
        ("A12", "summary row without a date ('عدد الحركات الدائنة 4'): not a transaction; "
                "left out")]


def test_figures_under_a_row_of_summary_labels(tmp_path: Path) -> None:
    rows = foot_rows([["عدد الحركات المدينة", "إجمالي المدين", "عدد الحركات الدائنة",
                       "إجمالي الدائن"], [2, 12025.5, 4, 54885.25]])
    st = read_statement(save(rows, tmp_path / "block.xlsx"))
    assert_lines(st)
    assert [i.cell for i in st.issues] == ["A11", "A12"]
    assert st.issues[1].message == (
        "summary row without a date ('عدد الحركات المدينة 2 | إجمالي المدين 12,025.50 | عدد "
        "الحركات الدائنة 4 | إجمالي الدائن 54,885.25'): not a transaction; left out")


def test_a_line_whose_date_cannot_be_read_is_still_said_so(tmp_path: Path) -> None:
    """A line under the others whose date is no date (31/02/2025) stays a line left out for
    its date, not a summary."""
    rows = [HEADER, *[line_row(i) for i in range(6)],
            ["31/02/2025", None, "تحويل وارد من شركة الدلتا", "FT9", None, 700.0, None]]
    st = read_statement(save(rows, tmp_path / "bad.xlsx"))
    assert len(st.lines) == 6
    assert [i.cell for i in st.issues] == ["A8"]
    assert "could not be read" in st.issues[0].message


def test_a_stated_count_that_is_not_the_lines_read_is_said(tmp_path: Path) -> None:
    """The summary counts 3 debits ("عدد الحركات المدينة | 3") where 2 were read: a line
    missing or misread, said at the summary's row in English and Arabic; the counts that
    agree (4 credits, 6 lines) say nothing more."""
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    rows = foot_rows([["عدد الحركات المدينة", 3], ["No. of Credits: 4"], ["عدد الحركات", 6]])
    st = read_statement(save(rows, tmp_path / "count.xlsx"))
    assert_lines(st)
    said = [i for i in st.issues if i.message.startswith("summary row does not agree")]
    assert [(i.cell, i.value) for i in said] == [("A11", "عدد الحركات المدينة 3")]
    assert said[0].message == (
        "summary row does not agree with the lines read: 'عدد الحركات المدينة 3' says 3 "
        "debits; 2 were read; a line may be missing from the file or misread")
    assert arabic_bank_message(said[0].message) == (
        "صف الملخص لا يوافق السطور المقروءة: 'عدد الحركات المدينة 3' يذكر أن عدد الحركات "
        "المدينة 3، وقُرئ منها 2؛ ربما سقط سطر من الملف أو قُرئ خطأ")
    assert len(st.issues) == 4  # the three summary rows, and the count that differs


def test_a_stated_total_beside_its_count_is_checked(tmp_path: Path) -> None:
    """"No. of Credits | 4 | Total Credits | 54,885.25" agrees; "Total Debits 12,525.50" is
    500.00 more than the debits read (12,025.50): said, in English and Arabic."""
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    rows = foot_rows([["No. of Debits", 2, "Total Debits", "12,525.50"],
                      ["No. of Credits", 4, "Total Credits", 54885.25]])
    st = read_statement(save(rows, tmp_path / "totals.xlsx"))
    said = [i for i in st.issues if i.message.startswith("summary row does not agree")]
    assert [(i.cell, i.value, i.message) for i in said] == [(
        "A11", "Total Debits 12,525.50",
        "summary row does not agree with the lines read: 'Total Debits 12,525.50' says debits "
        "12,525.50; the lines read add up to 12,025.50; a line may be missing from the file or "
        "misread")]
    assert arabic_bank_message(said[0].message) == (
        "صف الملخص لا يوافق السطور المقروءة: 'Total Debits 12,525.50' يذكر أن إجمالي الحركات "
        "المدينة 12,525.50، ومجموع السطور المقروءة 12,025.50؛ ربما سقط سطر من الملف أو قُرئ "
        "خطأ")


def drawn(text: str) -> str:
    """Each Arabic letter in its isolated presentation form, as some converters and old
    systems write it."""
    import unicodedata

    forms = {}
    for cp in range(0xFE70, 0xFEFD):
        ch = chr(cp)
        letter = unicodedata.normalize("NFKC", ch)
        if len(letter) == 1 and "ISOLATED" in unicodedata.name(ch, ""):
            forms[letter] = ch
    return "".join(forms.get(c, c) for c in text)


def test_letters_in_their_drawn_shapes(tmp_path: Path) -> None:
    """A statement whose Arabic is written in presentation forms ('ﺭﺹﻱﺩ ﺍﻑﺕﺕﺍﺡﻱ'): its
    opening and closing rows were 'a balance under a label that names no opening or closing
    balance' (no tie-out), its currency unread and its narratives kept in shapes no payer's
    name is found in. Read as the letters they draw."""
    rows = [[drawn("كشف حساب")], [drawn("العملة"), drawn("جنيه مصري")],
            [drawn(h) for h in HEADER],
            [None, None, drawn("رصيد افتتاحي"), None, None, None, OPENING],
            *[[*r[:2], drawn(str(r[2])), *r[3:]] for r in (line_row(i) for i in range(6))],
            [None, None, drawn("رصيد ختامي"), None, None, None, CLOSING]]
    st = read_statement(save(rows, tmp_path / "drawn.xlsx"))
    assert_lines(st)
    assert st.lines["Currency"].tolist() == ["EGP"] * 6
    assert (st.balances[0].opening, st.balances[0].closing) == (OPENING, CLOSING)
    assert st.balances[0].difference == 0.0
    assert st.issues == []


def test_letters_drawn_and_written_backwards(tmp_path: Path) -> None:
    """A PDF conversion's CSV: Arabic drawn in presentation forms and written backwards."""
    back = [["التاريخ", "البيان", "مدين", "دائن", "الرصيد"]] + [
        [f"{d:02d}/03/2025", t, -a if a < 0 else "", a if a > 0 else "", b]
        for (d, a, t), b in zip(LINES, BALANCES, strict=True)]
    from ar_excel.bank.visual_arabic import reading_order

    path = tmp_path / "pdf.csv"
    path.write_text("\n".join(",".join(drawn(reading_order(c)) if isinstance(c, str) else str(c)
                                       for c in row) for row in back) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [a for _, a, _ in LINES]
    assert st.lines["Description"].tolist()[0] == LINES[0][2]


def test_the_account_with_its_currency_after_it(tmp_path: Path) -> None:
    """CIB's "Account: 100012345679  EGP" and NBE's "رقم الحساب | 1903040512345600017 جنيه
    مصري": the account was not read (its currency beside it); it is the number."""
    for above, account in ((["Account: 100012345679  EGP"], "100012345679"),
                           (["رقم الحساب", "1903040512345600017 جنيه مصري"],
                            "1903040512345600017")):
        rows = [above, HEADER, [None, None, "رصيد افتتاحي", None, None, None, OPENING],
                *[line_row(i) for i in range(6)]]
        st = read_statement(save(rows, tmp_path / "account.xlsx"))
        assert st.balances[0].account == account
        assert st.lines["Currency"].tolist() == ["EGP"] * 6


def test_a_row_under_the_closing_balance_is_no_words_of_the_last_line(tmp_path: Path) -> None:
    """CIB's foot under the closing balance: "الرصيد المتاح | 287,859.75" and "المبالغ
    المحجوزة | 5,000.00" (the amounts on hold). The second was glued onto the last line's
    narrative ('إيداع نقدي المبالغ المحجوزة') and its 5,000.00 lost without a word; now the
    last line keeps its own words and the row is said with its figure, in English and
    Arabic."""
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    rows = [HEADER, [None, None, "رصيد افتتاحي", None, None, None, OPENING],
            *[line_row(i) for i in range(6)],
            [None, None, "رصيد ختامي", None, None, None, CLOSING],
            [None, None, "الرصيد المتاح", None, None, None, CLOSING - 5000],
            [None, None, "المبالغ المحجوزة", None, None, None, 5000.0]]
    st = read_statement(save(rows, tmp_path / "hold.xlsx"))
    assert_lines(st)
    assert st.balances[0].difference == 0.0
    held = st.issues[-1]
    assert (held.cell, held.value) == ("row 11", "المبالغ المحجوزة 5,000")
    assert held.message == ("row under the closing balance ('المبالغ المحجوزة 5,000'): not a "
                            "transaction, nor words of the line above it; left out")
    assert arabic_bank_message(held.message) == (
        "صف تحت الرصيد الختامي ('المبالغ المحجوزة 5,000'): ليس حركة ولا تكملة لبيان السطر الذي "
        "فوقه؛ استُبعد")
    assert len(st.issues) == 2  # and the available balance's, as before


def test_time_of_day_with_its_designator_spelt_out(tmp_path: Path) -> None:
    """Dates with the time and "مساءً" / "صباحاً" after it ("02/03/2025 03:15:00 مساءً"): no
    line could be used ('is not a date'); the time is no part of the booking day."""
    rows = ["التاريخ,البيان,مدين,دائن,الرصيد"] + [
        f"{d:02d}/03/2025 {'03:15:00 مساءً' if k % 2 else '09:40:12 صباحاً'},{t},"
        f"{-a if a < 0 else ''},{a if a > 0 else ''},{b}"
        for k, ((d, a, t), b) in enumerate(zip(LINES, BALANCES, strict=True))]
    path = tmp_path / "times.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert_lines(st)
    assert st.issues == []


def test_a_bilingual_debit_credit_mark_is_no_debit_column(tmp_path: Path) -> None:
    """"Debit/Credit مدين/دائن" beside "Amount المبلغ": the mark of each line's side, not a
    Debit column (each language's words are read whole, not word by word)."""
    rows = ["Date التاريخ,Description البيان,Amount المبلغ,Debit/Credit مدين/دائن,Balance الرصيد"]
    rows += [f"{d:02d}/03/2025,{t},{abs(a)},{'مدين' if a < 0 else 'دائن'},{b}"
             for (d, a, t), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "mark.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert_lines(st)
    assert st.issues == []


def test_the_cheque_number_beside_the_banks_reference(tmp_path: Path) -> None:
    """Faisal Islamic's "رقم الشيك | رقم المرجع": the cheque's number was the Reference and the
    bank's reference of every line (FT25000000...) was dropped without a word. The cheque's
    number is the payer's instrument, the other the bank's: its Bank Ref, each line's Bank
    Line."""
    rows = [["تاريخ القيد", "البيان", "رقم الشيك", "رقم المرجع", "مدين", "دائن", "الرصيد"]] + [
        [day(d), t, "100234" if i == 4 else None, f"FT25{i:06d}", -a if a < 0 else None,
         a if a > 0 else None, BALANCES[i]] for i, (d, a, t) in enumerate(LINES)]
    st = read_statement(save(rows, tmp_path / "cheques.xlsx"))
    assert_lines(st)
    assert st.lines["Reference"].tolist() == [None] * 4 + ["100234", None]
    assert st.lines["Bank Line"].tolist() == [f"FT25{i:06d}" for i in range(6)]


def test_printed_report_under_one_rule_across_the_page(tmp_path: Path) -> None:
    """A core-banking report saved as text, its header over one rule across the page (not a
    rule per column): 'could not find the header row'. Its columns are the header's pieces."""
    rows = ["البنك الأهلي المصري", "رقم الحساب : 1903040512345600017     العملة : EGP", "",
            "=" * 100,
            f"{'التاريخ':<14}{'البيان':<62}{'مدين':>10}{'دائن':>12}{'الرصيد':>14}",
            "=" * 100,
            f"{'':<14}{'رصيد افتتاحي':<62}{'':>10}{'':>12}{OPENING:>14,.2f}"]
    for (d, a, t), b in zip(LINES, BALANCES, strict=True):
        rows.append(f"{d:02d}/03/2025    {t:<62}{(f'{-a:,.2f}' if a < 0 else ''):>10}"
                    f"{(f'{a:,.2f}' if a > 0 else ''):>12}{b:>14,.2f}")
    rows += ["-" * 100, f"{'':<14}{'رصيد ختامي':<62}{'':>10}{'':>12}{CLOSING:>14,.2f}"]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    st = read_statement(path)
    assert_lines(st)
    b = st.balances[0]
    assert (b.account, b.currency, b.opening, b.closing, b.difference) == (
        "1903040512345600017", "EGP", OPENING, CLOSING, 0.0)
    assert st.issues == []


def test_a_csv_under_a_title_and_one_rule_stays_a_csv(tmp_path: Path) -> None:
    rows = ["NATIONAL BANK OF EGYPT   STATEMENT   MARCH 2025", "=" * 60,
            "Date,Description,Debit,Credit,Balance"] + [
        f"{d:02d}/03/2025,{t},{-a if a < 0 else ''},{a if a > 0 else ''},{b}"
        for (d, a, t), b in zip(LINES, BALANCES, strict=True)]
    path = tmp_path / "titled.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert_lines(read_statement(path))


def test_printed_report_in_one_column_of_a_sheet(tmp_path: Path) -> None:
    """The same printed report converted into a sheet a line per row, all in column A:
    'could not find the header row'. Read as the report it is, each issue at its row."""
    rows = [f"{'التاريخ':<14}{'البيان':<62}{'مدين':>10}{'دائن':>12}{'الرصيد':>14}", "-" * 100,
            f"{'':<14}{'رصيد افتتاحي':<62}{'':>10}{'':>12}{OPENING:>14,.2f}"]
    for (d, a, t), b in zip(LINES, BALANCES, strict=True):
        rows.append(f"{d:02d}/03/2025    {t:<62}{(f'{-a:,.2f}' if a < 0 else ''):>10}"
                    f"{(f'{a:,.2f}' if a > 0 else ''):>12}{b:>14,.2f}")
    rows += [f"31/02/2025    {'إيداع نقدي':<62}{'':>10}{'500.00':>12}{'':>14}",
             f"{'':<14}{'رصيد ختامي':<62}{'':>10}{'':>12}{CLOSING:>14,.2f}"]
    st = read_statement(save([[r] for r in rows], tmp_path / "column_a.xlsx"))
    assert_lines(st)
    assert (st.balances[0].opening, st.balances[0].closing) == (OPENING, CLOSING)
    assert [(i.sheet, i.cell) for i in st.issues] == [("column_a.xlsx [Sheet]", "row 10")]
