"""The account's currency named in words above the table, as Gulf and Egyptian portals write
it: "Currency | UAE Dirham" (its first word is three capitals, no currency code), and
"العملة | الجنيه المصري" (the name with the Arabic article), and either under a bilingual
label, "Currency / العملة"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from ar_excel.bank import read_statement


def _sheet(path: Path, label: str, currency: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Account Number", "019100012345"])
    ws.append([label, currency])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([dt.date(2026, 11, 2), "TT FROM DESERT ROSE TRADING", None, 12600.0, 96810.0])
    ws.append([dt.date(2026, 11, 7), "DEWA BILL", 2315.4, None, 94494.6])
    wb.save(path)
    return path


@pytest.mark.parametrize(("label", "currency", "code"), [
    ("Currency", "UAE Dirham", "AED"),
    ("Currency:", "US Dollar", "USD"),
    ("العملة", "الجنيه المصري", "EGP"),
    ("العملة :", "الريال السعودي", "SAR"),
    ("عملة الحساب", "الدينار الكويتي", "KWD"),
    ("Currency", "AED", "AED"),
    ("Currency / العملة", "US DOLLAR", "USD"),  # a bilingual label
    ("العملة / Currency", "درهم إماراتي", "AED"),
])
def test_the_currency_named_in_words_above_the_table(tmp_path: Path, label: str,
                                                     currency: str, code: str) -> None:
    st = read_statement(_sheet(tmp_path / "st.xlsx", label, currency))
    assert st.lines["Amount"].tolist() == [12600.0, -2315.4]
    assert st.lines["Currency"].tolist() == [code, code]


def test_three_capitals_that_are_no_currency_code_are_not_taken_for_one(tmp_path: Path) -> None:
    # a name the importer does not know: no currency rather than "GCC" on every line ("USA
    # Dollar", once this case, is read as USD since parse_currency knows it)
    st = read_statement(_sheet(tmp_path / "st.xlsx", "Currency", "GCC Currency"))
    assert st.lines["Currency"].isna().all()


@pytest.mark.parametrize(("title", "code"), [
    ("Current Account - USD", "USD"),
    ("Account: 1012345678 (AED)", "AED"),
    ("حساب جاري KWD", "KWD"),
])
def test_the_currency_code_in_the_account_s_title_line(tmp_path: Path, title: str,
                                                       code: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Statement of Account"])
    ws.append([title])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([dt.date(2026, 11, 2), "SWIFT IN GLOBAL PARTS INV-88", None, 1500.0, 2500.0])
    wb.save(tmp_path / "st.xlsx")
    st = read_statement(tmp_path / "st.xlsx")
    assert st.lines["Currency"].tolist() == [code]


def test_a_currency_label_wins_over_a_code_in_the_title(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Current Account - USD"])  # (the product's name)
    ws.append(["Currency", "AED"])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([dt.date(2026, 11, 2), "TT IN", None, 1500.0, 2500.0])
    wb.save(tmp_path / "st.xlsx")
    assert read_statement(tmp_path / "st.xlsx").lines["Currency"].tolist() == ["AED"]


def test_words_of_three_capitals_in_the_title_are_no_currency(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["ACCOUNT STATEMENT - ALL TRANSACTIONS - TRY AGAIN LATER FOR PDF"])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([dt.date(2026, 11, 2), "TT IN", None, 1500.0, 2500.0])
    wb.save(tmp_path / "st.xlsx")
    assert read_statement(tmp_path / "st.xlsx").lines["Currency"].isna().all()
