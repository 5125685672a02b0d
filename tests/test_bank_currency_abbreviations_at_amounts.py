"""A statement without a Currency column whose amounts carry their currency as the Gulf's
banks abbreviate it ('KD 1,250.000', 'BD 8,012.550', '1,250.000 د.ك'): each line its own
currency, as with ISO codes (8c19d62). The quick look before reading each row saw only
three-letter codes, so such a file took one currency for every line (the BHD 8,012.550 in
dinars of Kuwait)."""

from ar_excel.bank import read_statement


def test_abbreviated_currencies_at_the_amounts_give_each_line_its_own(tmp_path):
    path = tmp_path / "gulf.csv"
    path.write_text("Date,Description,Amount\n"
                    '02/11/2026,TT IN AL SALAM TRADING INV 77,"KD 1,250.000"\n'
                    '03/11/2026,TT IN MANAMA STEEL INV 78,"BD 8,012.550"\n'
                    '04/11/2026,CHARGES,"KD -2.500"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [1250.0, 8012.55, -2.5]
    assert stmt.lines["Currency"].tolist() == ["KWD", "BHD", "KWD"]


def test_one_abbreviated_currency_with_credit_marks_stays_one(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("Date,Description,Amount\n"
                    '02/11/2026,TT IN AL SALAM TRADING INV 77,"KD 1,250.000 Cr"\n'
                    '04/11/2026,CHARGES,"KD 2.500 Dr"\n', encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Currency"].tolist() == ["KWD", "KWD"]
