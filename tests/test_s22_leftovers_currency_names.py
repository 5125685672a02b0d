"""Currency names as Gulf and Egyptian books and bank exports write them: in English with
'USA' or a plural, in Arabic with the article on each word. Each is read as its ISO code,
never a wrong one; a bare ambiguous word keeps the rule it had."""

import pytest

from ar_excel.parsing import parse_currency


@pytest.mark.parametrize(("typed", "code"), [
    ("USA Dollar", "USD"), ("USA Dollars", "USD"), ("US Dollars", "USD"),
    ("United States Dollar", "USD"), ("UAE Dirham", "AED"), ("UAE Dirhams", "AED"),
    ("Saudi Riyal", "SAR"), ("Saudi Riyals", "SAR"), ("Egyptian Pound", "EGP"),
    ("Kuwaiti Dinar", "KWD"), ("Kuwaiti Dinars", "KWD"), ("Qatari Riyals", "QAR"),
    ("الجنيه المصري", "EGP"), ("الريال السعودي", "SAR"), ("الدرهم الإماراتي", "AED"),
    ("الدرهم الاماراتي", "AED"), ("الدينار الكويتي", "KWD"), ("الدولار الأمريكي", "USD"),
    ("الدولار الامريكي", "USD"), ("الريال القطري", "QAR"), ("الريال العماني", "OMR"),
    ("الدينار البحريني", "BHD"), ("الجنيه الاسترليني", "GBP"),
    ("جنيه مصري", "EGP"), ("ريال سعودي", "SAR"), ("درهم إماراتي", "AED"),
    ("درهم اماراتي", "AED"),
])
def test_names_read_as_their_code(typed: str, code: str) -> None:
    assert parse_currency(typed) == code


@pytest.mark.parametrize(("typed", "kept"), [
    ("UAE", "UAE"),  # a country, no ISO code
    ("Dollar", "DOLLAR"), ("Dollars", "DOLLARS"),  # which dollar: not read
    ("Dirham", "DIRHAM"), ("Riyal", "RIYAL"),
    ("الدينار", "الدينار"),  # as دينار bare: which dinar, not read
    ("Euro dollars", "EURO DOLLARS"),
])
def test_ambiguous_words_are_not_read(typed: str, kept: str) -> None:
    assert parse_currency(typed) == kept


def test_article_reads_as_the_bare_word() -> None:
    # the bare Arabic words already read so (ريال as SAR, جنيه as EGP); with the article alike
    for bare in ("ريال", "جنيه", "درهم", "دولار"):
        assert parse_currency("ال" + bare) == parse_currency(bare)


def test_a_master_written_with_names_has_warnings_saying_the_code(tmp_path) -> None:
    import pandas as pd

    from ar_excel.cli import main
    from tests.test_reader import _book

    written = ["USA Dollar", "الريال السعودي", "UAE Dirhams", "Dollar"]
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      *[[f"C{i}", f"Trader {i}", c, 30] for i, c in enumerate(written, 1)]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C1", "2026-10-01", 100]]})
    out = tmp_path / "checks.xlsx"
    assert main(["validate", str(path), "-o", str(out)]) == 0
    checks = pd.read_excel(out, sheet_name="Customer Checks", engine="calamine")
    flagged = checks[checks["Code"] == "INVALID_CURRENCY"]
    assert list(zip(flagged["Customer ID"], flagged["Cell"], flagged["Severity"],
                    strict=True)) == [("C1", "C2", "Warning"), ("C2", "C3", "Warning"),
                                      ("C3", "C4", "Warning"), ("C4", "C5", "Error")]
    assert flagged["Message"].tolist()[1].endswith("read as SAR, write SAR.")
