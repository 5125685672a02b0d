"""The currency named in full in the statement's title, with no label and no code ("كشف حساب
جاري | الجنيه المصري", "Current Account Statement - Egyptian Pound"), as Egyptian and Gulf
banks print it: the lines' currency. A word alone ("Pound", "ريال") is no currency, two names
are none, and a Currency label or a code in the account line wins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from ar_excel.bank import read_statement


def _sheet(path: Path, *above: list[object]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in above:
        ws.append(row)
    ws.append(["Account Number", "019100012345"])
    ws.append([])
    ws.append(["Date", "Description", "Debit", "Credit", "Balance"])
    ws.append([dt.date(2026, 11, 2), "TRANSFER FROM NILE FOODS", None, 12600.0, 96810.0])
    ws.append([dt.date(2026, 11, 7), "CHQ 4471", 2315.4, None, 94494.6])
    wb.save(path)
    return path


@pytest.mark.parametrize(("title", "code"), [
    (["كشف حساب جاري", None, "الجنيه المصري"], "EGP"),
    (["كشف حساب جاري | | الجنيه المصري"], "EGP"),
    (["Current Account Statement - Egyptian Pound"], "EGP"),
    (["Statement of Account (UAE Dirham)"], "AED"),
    (["كشف حساب - الريال السعودي"], "SAR"),
])
def test_the_currency_named_in_the_title(tmp_path: Path, title: list[object], code: str
                                         ) -> None:
    st = read_statement(_sheet(tmp_path / "st.xlsx", title))
    assert st.lines["Amount"].tolist() == [12600.0, -2315.4]
    assert st.lines["Currency"].tolist() == [code, code]


@pytest.mark.parametrize("title", [
    ["Current Account Statement - Pound"],
    ["Current Account Statement - Dollar"],
    ["كشف حساب جاري | ريال"],
    ["كشف حساب جاري | جنيه"],
    ["Account Statement - Egyptian Pound / US Dollar"],  # two currencies: neither
    ["Egyptian Pound"],  # no title of the account
])
def test_a_word_alone_or_two_names_give_no_currency(tmp_path: Path, title: list[object]
                                                    ) -> None:
    st = read_statement(_sheet(tmp_path / "st.xlsx", title))
    assert st.lines["Amount"].tolist() == [12600.0, -2315.4]
    assert st.lines["Currency"].isna().all()


def test_a_currency_label_wins_over_the_title(tmp_path: Path) -> None:
    st = read_statement(_sheet(tmp_path / "st.xlsx",
                               ["Current Account Statement - Egyptian Pound"],
                               ["Currency", "USD"]))
    assert st.lines["Currency"].tolist() == ["USD", "USD"]


def test_a_code_in_the_account_line_wins_over_the_title(tmp_path: Path) -> None:
    st = read_statement(_sheet(tmp_path / "st.xlsx",
                               ["Account Statement - Egyptian Pound"],
                               ["Current Account - USD"]))
    assert st.lines["Currency"].tolist() == ["USD", "USD"]
