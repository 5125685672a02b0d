"""Where the importer cannot decide, its message names what and how to map it, in terms the
clerk can type: two amount columns under the same header (a Gulf core system's 'Amount' in
the payment's currency beside 'Amount' in the account's) are told apart by their letters."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def _two_amounts(path: Path) -> Path:
    path.write_text("Date,Description,Amount,Amount\n"
                    "03/11/2026,SWIFT IN GLOBAL PARTS INV-88,100.00,367.25\n"
                    "05/11/2026,CHARGES,-20.00,-73.45\n", encoding="utf-8")
    return path


def test_two_amount_columns_of_one_header_are_named_by_their_letters(tmp_path: Path) -> None:
    st = read_statement(_two_amounts(tmp_path / "st.csv"))
    assert st.lines["Amount"].tolist() == [100.0, -20.0]
    [note] = [i.message for i in st.issues if "more than one amount column" in i.message]
    assert "'Amount' (column C) was read" in note
    assert '--bank-columns "Amount=D"' in note


def test_once_the_amount_is_named_the_note_is_not_repeated(tmp_path: Path) -> None:
    st = read_statement(_two_amounts(tmp_path / "st.csv"), mapping={"Amount": "D"})
    assert st.lines["Amount"].tolist() == [367.25, -73.45]
    assert [i.message for i in st.issues if "more than one amount column" in i.message] == []


def test_english_debit_credit_headers_are_not_taken_for_french(tmp_path: Path) -> None:
    # dinars to the fils, all under a thousand, no currency named: '10.000' reads both ways.
    # 'Date', 'Debit', 'Credit' are English words too: no reason to read 10.000 as ten thousand
    path = tmp_path / "bh.csv"
    path.write_text("Date,Narration,Debit,Credit,Balance\n"
                    "02/11/2026,FAWRI+ FROM SITRA FOODS,,500.000,620.500\n"
                    "03/11/2026,CARD FEE,10.000,,610.500\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, -10.0]
    [note] = [i.message for i in st.issues if "decimal mark" in i.message]
    assert "French" not in note
    assert "the more common reading" in note and '"decimal=,"' in note


def test_french_headers_still_read_the_comma(tmp_path: Path) -> None:
    path = tmp_path / "fr.csv"
    path.write_text("Date,Libellé,Débit,Crédit,Solde\n"
                    "02/11/2026,VIREMENT RECU,,500.000,620.500\n"
                    "03/11/2026,FRAIS,10.000,,610.500\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500000.0, -10000.0]
    [note] = [i.message for i in st.issues if "decimal mark" in i.message]
    assert "French" in note
