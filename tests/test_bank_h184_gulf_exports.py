"""Gulf and Egyptian bank exports made by hand as the banks produce them, each line's truth
written first (helper-184's realism round)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
from hijridate import Gregorian

from ar_excel.bank import read_statement


def _hijri(day: dt.date, shift: int = 0) -> str:
    """The Hijri date a Saudi export prints beside the Gregorian one ('21/05/1448 هـ'); a
    bank's own calendar may be a day off Umm al-Qura's (``shift``)."""
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return f"{h.day + shift:02d}/{h.month:02d}/{h.year} هـ"


# (day of November 2026, amount, narrative)
RAJHI = [(1, 11500.00, "حوالة واردة سريع من مؤسسة النخبة للمقاولات فاتورة 2026-1101"),
         (2, -5.75, "رسوم تحويل سريع"),
         (3, 8050.00, "SARIE INWARD TRANSFER FROM AL MADAR TRADING EST INV 2026-1102"),
         (13, -1240.30, "سداد فاتورة الشركة السعودية للكهرباء")]


def test_hijri_column_named_date_is_not_the_booking_date(tmp_path: Path) -> None:
    """Al Rajhi's Arabic export: the Hijri dates under plain 'التاريخ', the Gregorian ones
    under 'التاريخ الميلادي' to its right. The Hijri column was taken as the booking date
    (converted in Umm al-Qura), so a bank whose Hijri calendar is a day off it had every
    line a day off; the Gregorian column is the booking date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.sheet_view.rightToLeft = True
    ws["A1"] = "مصرف الراجحي"
    ws.merge_cells("A1:F1")
    ws["A3"], ws["B3"] = "رقم الحساب", "SA0380000000608010167519"
    ws.append([])
    ws.append(["التاريخ", "التاريخ الميلادي", "البيان", "المبلغ", "نوع الحركة", "الرصيد"])
    balance = 25000.00
    for day, amount, words in RAJHI:
        balance = round(balance + amount, 2)
        when = dt.date(2026, 11, day)
        ws.append([_hijri(when, shift=1), when.strftime("%d/%m/%Y"), words, abs(amount),
                   "دائن" if amount > 0 else "مدين", balance])
    path = tmp_path / "alrajhi.xlsx"
    wb.save(path)
    st = read_statement(path)
    assert st.lines["Date"].dt.day.tolist() == [day for day, _, _ in RAJHI]
    assert st.lines["Amount"].tolist() == [amount for _, amount, _ in RAJHI]
    assert st.lines["Description"].tolist() == [words for _, _, words in RAJHI]
    assert st.issues == []  # no Hijri dates read, none to say


def test_header_again_in_arabic_under_the_english_one_is_no_line(tmp_path: Path) -> None:
    """SNB's CSV: the header in English, then again in Arabic on the next row. That row was
    read as a line whose date 'التاريخ' cannot be read (an Input Issue)."""
    truth = [(3, 45000.00, "INCOMING SARIE AL BAYAN REAL ESTATE DEV CO INV 3301"),
             (4, -47000.00, "OUTGOING TRANSFER AL RAYAN SUPPLIES"),
             (14, 7250.50, "CASH DEPOSIT OLAYA BRANCH KHALID ABDULRAHMAN")]
    rows = [["Date", "Hijri Date", "Description", "Amount", "Balance"],
            ["التاريخ", "التاريخ الهجري", "الوصف", "المبلغ", "الرصيد"]]
    balance = 1200.00
    for day, amount, words in truth:
        balance = round(balance + amount, 2)
        when = dt.date(2026, 11, day)
        rows.append([when.strftime("%d-%m-%Y"), _hijri(when), words, f"{amount:,.2f}",
                     f"{abs(balance):,.2f}{'CR' if balance >= 0 else 'DR'}"])
    path = tmp_path / "snb.csv"
    for order in (rows, [rows[1], rows[0], *rows[2:]]):  # Arabic first, too
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            csv.writer(f).writerows(order)
        st = read_statement(path)
        assert st.lines["Date"].dt.day.tolist() == [day for day, _, _ in truth]
        assert st.lines["Amount"].tolist() == [amount for _, amount, _ in truth]
        assert st.lines["Balance"].tolist() == [46200.0, -800.0, 6450.5]
        assert st.issues == []


def test_ledger_words_for_him_and_on_him_give_the_side(tmp_path: Path) -> None:
    """An Egyptian export's unsigned amounts beside a type column in the ledger's words: 'له'
    (for him: a credit) and 'عليه' / 'منه' (on him, from him: a debit). They were no marks,
    so without a running balance the side was guessed."""
    truth = [(2, 23380.00, "تحويل وارد من شركة الدلتا للتجارة"), (3, -500.00, "عمولة تحويل"),
             (9, 15000.00, "ايداع نقدي"), (16, -3250.75, "شيك منصرف رقم 10045")]
    rows = [["التاريخ", "البيان", "المبلغ", "النوع"]]
    for k, (day, amount, words) in enumerate(truth):
        debit = "عليه" if k == 1 else "منه"
        rows.append([f"{day:02d}/11/2026", words, f"{abs(amount):,.2f}",
                     "له" if amount > 0 else debit])
    path = tmp_path / "nbe.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [amount for _, amount, _ in truth]
    assert st.issues == []


def test_other_partys_account_in_arabic_and_on_each_line(tmp_path: Path) -> None:
    """The other party's account beside its name: 'آيبان الطرف الآخر' (the IBAN in Arabic
    letters) and a plain 'رقم الحساب' / 'Account' changing from line to line were not read,
    so a payer known by its account was not found by it. A per-line account column the same
    on every line (the holder's own), or without the other party's name beside it, is not."""
    lines = [(1, 11500.00, "NUKHBA CONTRACTING EST", "SA4420000001234567891234"),
             (4, -500.00, "DESERT LOGISTICS FZE", "AE070331234567890123456"),
             (20, 700.25, "", "")]
    for party, account in (("الطرف الآخر", "آيبان الطرف الآخر"),
                           ("اسم المحول / المستفيد", "رقم الحساب"),
                           ("Remitter / Beneficiary Name", "Account")):
        rows = [["التاريخ", "البيان", party, account, "المبلغ"]]
        rows += [[f"{day:02d}/11/2026", "TRANSFER", name, iban, f"{amount:,.2f}"]
                 for day, amount, name, iban in lines]
        path = tmp_path / "party.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        st = read_statement(path)
        assert st.lines["Amount"].tolist() == [11500.0, -500.0, 700.25]
        assert st.lines["Counterparty"].tolist() == [
            "NUKHBA CONTRACTING EST", "DESERT LOGISTICS FZE", None]
        assert st.lines["Counterparty Account"].tolist() == [
            "SA4420000001234567891234", "AE070331234567890123456", None]
    # the holder's own account on every line, and a per-line account with no party's name
    for header, values in ((["Date", "Description", "Name", "Account", "Amount"],
                            ["1014123456701"] * 3),
                           (["Date", "Description", "Account", "Amount"],
                            ["1014123456701", "1014123456702", "1014123456701"])):
        rows = [header]
        for (day, amount, name, _), own in zip(lines, values, strict=True):
            rows.append([f"{day:02d}/11/2026", "TRANSFER", *([name] if len(header) == 5 else []),
                         own, f"{amount:,.2f}"])
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        st = read_statement(path)
        assert st.lines["Counterparty Account"].tolist() == [None, None, None]


def test_ledger_words_at_the_balance_and_the_amount(tmp_path: Path) -> None:
    """An overdrawn account's balances written '5,000.00 عليه' (on him) and '2,300.00 له':
    read as in credit, the opening was 5,000.00 and the running balance unreadable, so the
    statement did not tie out by 10,000.00; amounts marked so are signed by the mark."""
    truth = [(2, 4300.00, "INWARD TRANSFER FROM RAWABI HOLDING CO INV 5501"),
             (3, -9000.00, "OUTWARD TRANSFER TO ALFA SUPPLIES"),
             (6, 12000.00, "CHEQUE DEPOSIT 77120 SAUDI BUILDERS EST")]

    def marked(figure: float) -> str:
        return f"{abs(figure):,.2f} {'له' if figure >= 0 else 'عليه'}"

    rows = [["التاريخ", "البيان", "المبلغ", "الرصيد"], ["", "رصيد أول المدة", "", marked(-5000)]]
    balance = -5000.00
    for day, amount, words in truth:
        balance = round(balance + amount, 2)
        rows.append([f"{day:02d}/11/2026", words, marked(amount), marked(balance)])
    rows.append(["", "رصيد آخر المدة", "", marked(balance)])
    path = tmp_path / "overdrawn.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [amount for _, amount, _ in truth]
    assert st.lines["Balance"].tolist() == [-700.0, -9700.0, 2300.0]
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (-5000.0, 2300.0, 0.0)
    assert st.issues == []


def test_bilingual_headers_repeated_on_each_page(tmp_path: Path) -> None:
    """Al Rajhi's workbook: each header in both languages on one line ('مدين Debit', 'دائن
    Credit'), the header printed again on the next page. No alias names such a header, and
    its words were checked against the values under it, the header again among them (one
    value in three no amount): no Debit or Credit column, and the whole statement failed
    ('could not decide which column holds the amount')."""
    header = ["التاريخ الهجري Hijri Date", "التاريخ Date", "الوصف Description", "مدين Debit",
              "دائن Credit", "الرصيد Balance"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["مصرف الراجحي"])
    ws.append([])
    ws.append(header)
    ws.append([_hijri(dt.date(2026, 11, 1)), "01/11/2026", "حوالة واردة سريع", None, 11500,
               36500])
    ws.append([None, None, "من: مؤسسة النخبة للمقاولات", None, None, None])
    ws.append([_hijri(dt.date(2026, 11, 2)), "02/11/2026", "رسوم تحويل", 5.75, None, 36494.25])
    ws.append(["صفحة 1 من 2"])
    ws.append(header)
    ws.append([_hijri(dt.date(2026, 11, 13)), "13/11/2026", "سداد فاتورة كهرباء", 1240.30, None,
               35253.95])
    path = tmp_path / "alrajhi.xlsx"
    wb.save(path)
    st = read_statement(path)
    assert st.lines["Date"].dt.day.tolist() == [1, 2, 13]
    assert st.lines["Amount"].tolist() == [11500.0, -5.75, -1240.30]
    assert st.lines["Description"].tolist() == [
        "حوالة واردة سريع من: مؤسسة النخبة للمقاولات", "رسوم تحويل", "سداد فاتورة كهرباء"]
    assert [i.value for i in st.issues] == ["صفحة 1 من 2"]  # the page number's one note


def test_currency_abbreviated_in_the_money_header(tmp_path: Path) -> None:
    """'Amount (Dhs)' gave every line the currency 'DHS' (three letters in brackets taken for
    a code: no AED invoice is in it), 'Amount (Net)' a currency 'NET'; 'Amount (KD)', 'المبلغ
    د.ك', 'المبلغ ر.ق' named none. Now a code only where it is one, and the Gulf and Egyptian
    abbreviations of one currency each read as it; 'ريال' alone (Saudi, Qatari or Omani)
    names none."""
    for header, currency in (("Amount (Dhs)", "AED"), ("Amount (KD)", "KWD"),
                             ("المبلغ د.ك", "KWD"), ("المبلغ ر.ق", "QAR"),
                             ("Amount (Net)", None), ("المبلغ (ريال)", None)):
        rows = [["التاريخ", "البيان", header], ["01/11/2026", "INWARD TT", "1,250.50"],
                ["14/11/2026", "FEES", "-5.00"]]
        path = tmp_path / "ccy.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        st = read_statement(path)
        assert st.lines["Amount"].tolist() == [1250.5, -5.0]
        assert st.lines["Currency"].tolist() == [currency] * 2, header


def test_currency_column_of_a_word_naming_no_one_currency(tmp_path: Path) -> None:
    """A Currency column written 'Dirham' (the UAE's or Morocco's) gave every line the
    currency 'DIRHAM', which no invoice is in; it names none now, and the lines take the
    currency the statement names above them."""
    for above, currency in (([["Currency:", "AED"], []], "AED"), ([], None)):
        rows = [*above, ["Date", "Description", "Amount", "Currency"],
                ["01/11/2026", "INWARD TT", "1,250.50", "Dirham"],
                ["14/11/2026", "FEES", "-5.00", "Dirham"]]
        path = tmp_path / "dirham.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        st = read_statement(path)
        assert st.lines["Amount"].tolist() == [1250.5, -5.0]
        assert st.lines["Currency"].tolist() == [currency] * 2
