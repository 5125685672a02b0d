"""Which single-byte code page a statement export was saved in: the letters of the file's own
language decide between code pages that read its bytes about as well (cp1252's ä is cp852's ń)."""

from __future__ import annotations

from ar_excel.bank import read_statement
from ar_excel.bank.text import decode_bytes, language_of
from tests.test_bank_csv import write

GERMAN = ("Buchungstag;Wertstellung;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung\n"
          "03.11.2026;03.11.2026;Jäger Maschinenbau GmbH;Rechnung 2026-1001;1.250,00;EUR\n")


def test_plainly_german_cp1252_file_needs_no_word_about_cp852(tmp_path):
    stmt = read_statement(write(tmp_path, GERMAN, "cp1252"))
    assert stmt.encoding == "cp1252"
    assert stmt.issues == []
    assert stmt.lines["Counterparty"].tolist() == ["Jäger Maschinenbau GmbH"]
    assert stmt.lines["Amount"].tolist() == [1250.0]


def test_german_file_saved_in_dos_cp852_is_read_so(tmp_path):
    text = GERMAN.replace("Jäger", "Müller Straße")
    stmt = read_statement(write(tmp_path, text, "cp852"))
    assert stmt.encoding == "cp852"
    assert stmt.lines["Counterparty"].tolist() == ["Müller Straße Maschinenbau GmbH"]


def test_polish_cp852_file_keeps_its_letters(tmp_path):
    text = ("Data operacji;Opis;Nadawca;Kwota;Waluta\n"
            "03.11.2026;Przelew za fakturę FV/2026/11/001;Łódzka Spółka Zoo;1 250,00;PLN\n"
            "04.11.2026;Opłata za prowadzenie rachunku;;-9,90;PLN\n")
    stmt = read_statement(write(tmp_path, text, "cp852"))
    assert stmt.encoding == "cp852"
    assert stmt.issues == []
    assert stmt.lines["Description"].tolist() == ["Przelew za fakturę FV/2026/11/001",
                                                  "Opłata za prowadzenie rachunku"]
    assert stmt.lines["Counterparty"].tolist() == ["Łódzka Spółka Zoo", None]
    assert stmt.lines["Amount"].tolist() == [1250.0, -9.9]


def test_an_accented_name_in_a_file_of_no_telling_language_is_still_said(tmp_path):
    # English headers, one byte 0xE4: Jäger (cp1252) or Jńger (cp852) - nothing else tells
    decoded = decode_bytes("Date,Description,Amount\n03/11/2026,Jäger,1.00\n".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert [w.split(" (")[0] for w in decoded.warnings] == [
        "the file is not UTF-8; it was read as cp1252, but cp852 fits it about as well"]


def test_language_of_statement_words():
    assert language_of("Buchungstag;Valuta;Betrag;Verwendungszweck") == "de"
    assert language_of("Data;Opis;Kwota;Przelew") == "pl"
    assert language_of("Date;Libellé;Montant;Débit;Crédit") == "fr"
    assert language_of("Date,Description,Amount,Balance") is None


def test_a_utf16_export_cut_short_keeps_its_lines_and_says_so(tmp_path):
    """A UTF-16 export ending in half a character (an interrupted download, one byte short):
    decoding it failed the month-end's reconcile with an internal error (UnicodeDecodeError).
    The lines before it are read and the statement says the file may have been cut short,
    in Arabic too. Found by fuzzing the shared bank fixtures."""
    from ar_excel.io.messages_ar import arabic_message

    path = tmp_path / "nov.csv"
    path.write_bytes(("Date,Description,Amount\r\n03/11/2026,TRF NILE FOODS INV-1,1200.00\r\n"
                      "14/11/2026,TRF DELTA STEEL,3400.00\r\n").encode("utf-16")[:-1])
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1200.0, 3400.0]
    assert stmt.lines["Description"].tolist() == ["TRF NILE FOODS INV-1", "TRF DELTA STEEL"]
    said = [i.message for i in stmt.issues]
    assert said == ["the file ends in half a character (UTF-16 takes two bytes each): it may "
                    "have been cut short, and its last line may be incomplete"]
    assert arabic_message(said[0]).startswith("ينتهي الملف بنصف حرف")
