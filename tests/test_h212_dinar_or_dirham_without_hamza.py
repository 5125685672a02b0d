"""'د.ا' is 'د.أ' (Jordan's dinar) or 'د.إ' (the UAE's dirham) typed without the hamza, as
Arabic is often typed: which one, the letters do not say. 9803ee0 read it as JOD in a
Currency cell, while a bank's money header 'المبلغ (د.ا)' reads it as AED
(bank.column_words): a UAE book typing its dirham so had every amount silently in Jordanian
dinars. It is kept as typed again, for the customer checks to flag (INVALID_CURRENCY); the
abbreviations with their hamza name their currency.
"""

from __future__ import annotations

from ar_excel.parsing.codes import parse_currency


def test_the_abbreviation_without_its_hamza_names_no_currency():
    assert parse_currency("د.ا") == "د.ا"
    assert parse_currency("د. ا") == "د. ا"


def test_with_its_hamza_it_names_one():
    assert parse_currency("د.أ") == "JOD"
    assert parse_currency("د.إ") == "AED"
    assert parse_currency("د.ع") == "IQD"
