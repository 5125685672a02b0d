"""A Kuwaiti statement names its currency only in the account line or the title ('Current
Account - KWD', 'Account Statement - Kuwaiti Dinar'), ';'-separated, every amount to the
fils: '1.250' is one dinar 250 fils, not twelve hundred and fifty, as a label would have said."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement

_LINES = ("Date;Description;Amount\n"
          "02/11/2026;TRANSFER FROM SITRA FOODS;1.250\n"
          "03/11/2026;TRANSFER FROM AL WATANIYA;250.500\n"
          "04/11/2026;CHARGES;-12.750\n")


@pytest.mark.parametrize("above", [
    "Current Account - KWD;;\n",
    "Kuwait Finance House;;\nAccount Statement - Kuwaiti Dinar;;\n",
    "Currency;KWD;\n",
])
def test_dinars_named_above_the_table_keep_the_point(tmp_path: Path, above: str) -> None:
    path = tmp_path / "kw.csv"
    path.write_text(above + _LINES, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1.25, 250.5, -12.75]
    assert [i.message for i in st.issues if "decimal mark" in i.message] == []


def test_without_a_currency_the_semicolon_still_reads_the_comma(tmp_path: Path) -> None:
    path = tmp_path / "eu.csv"
    path.write_text("Current Account;;\n" + _LINES, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250.0, 250500.0, -12750.0]
    [note] = [i.message for i in st.issues if "decimal mark" in i.message]
    assert "separated by ';'" in note
