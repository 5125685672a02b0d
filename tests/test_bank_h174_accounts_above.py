"""The account the lines above a German export's table name (helper-174).

A "Kontonummer" column holding one account on every line is the holder's own (GLS), unless
the lines above name another as the statement's account (DKB's "Kontonummer:"): then it is
the other party's. Any run of six digits above the table counted as such an account, and any
code of an IBAN's shape: a customer number, a telephone number or a reference above the
table made the holder's own IBAN the payer's account on every line. Now an account above
counts where a label names it, or where it is an IBAN whose check digits hold
(``narrative.is_iban``, the bank readers' one IBAN test).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.narrative import is_iban

BODY = ("Kontonummer;Buchungstag;Wertstellung;Auftraggeber/Empfänger;Buchungstext;VWZ1;Betrag;"
        "Saldo;Währung\n"
        "DE44500105175407324931;03.11.2026;03.11.2026;NILE TRADING GMBH;Gutschrift;RE 2026-1001;"
        "1.250,00;11.250,00;EUR\n"
        "DE44500105175407324931;04.11.2026;04.11.2026;Stadtwerke;Lastschrift;Strom Nov;-85,20;"
        "11.164,80;EUR\n")


@pytest.mark.parametrize("above", ["Kundennummer:;0012345678;\n\n", "Telefon: 0800 1234567\n\n",
                                   "Referenz;AB12CDEF345678\n\n", ""])
def test_numbers_above_the_table_are_no_account_of_the_statement(tmp_path: Path,
                                                                 above: str) -> None:
    path = tmp_path / "gls.csv"
    path.write_text(above + BODY, encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Counterparty Account"].tolist() == [None, None]
    assert lines["Counterparty"].tolist() == ["NILE TRADING GMBH", "Stadtwerke"]
    assert lines["Amount"].tolist() == [1250.0, -85.2]


@pytest.mark.parametrize("above", ["Kontonummer:;DE89370400440532013000;\n\n",
                                   "IBAN DE89370400440532013000\n\n"])
def test_another_account_above_makes_the_column_the_other_partys(tmp_path: Path,
                                                                 above: str) -> None:
    path = tmp_path / "dkb.csv"
    path.write_text(above + BODY, encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Counterparty Account"].tolist() == ["DE44500105175407324931"] * 2


def test_is_iban() -> None:
    assert is_iban("DE89370400440532013000")
    assert is_iban("EG380019000500000000263180002")
    assert not is_iban("DE89370400440532013001")  # a check digit off
    assert not is_iban("SI2600984BLUEOCEAN")  # a code and a name, glued
    assert not is_iban("0012345678")
