"""A comma CSV whose amounts carry the currency and their thousands comma unquoted
(helper-155): the split amount is joined back, not the narrative with the blank cell after it."""

from __future__ import annotations

from ar_excel.bank import read_statement

# a credit's amount "EGP 37,000.50" written without quotes: cells "EGP 37" | "000.50", after
# the blank Debit; the other lines' amounts are below a thousand
TEXT = ("Date,Description,Debit,Credit,Balance\n"
        "01/11/2026,Opening Balance,,,\"200,000.00 ج.م\"\n"
        "02/11/2026,Cash deposit Nile Foods INV-101,,EGP 37,000.50,\"237,000.50 ج.م\"\n"
        "03/11/2026,Fees,EGP 0.50,,\"237,000.00 ج.م\"\n"
        "04/11/2026,Stamp duty,EGP 2.50,,\"236,997.50 ج.م\"\n"
        "05/11/2026,\"Transfer from Delta Trading, INV-102\",,EGP 997.50,\"237,995.00 ج.م\"\n")


def test_a_credit_split_at_its_thousands_comma_after_a_blank_debit(tmp_path):
    path = tmp_path / "nbe.csv"
    path.write_text(TEXT, encoding="utf-8")
    stmt = read_statement(path)
    # before: the narrative was joined with the blank Debit ('Cash deposit Nile Foods
    # INV-101,'), and the amount read as Debit 37 and Credit 0.50: -36.50
    assert stmt.lines["Amount"].tolist() == [37000.5, -0.5, -2.5, 997.5]
    assert stmt.lines["Description"].tolist() == [
        "Cash deposit Nile Foods INV-101", "Fees", "Stamp duty",
        "Transfer from Delta Trading, INV-102"]
    assert stmt.lines["Currency"].tolist() == ["EGP"] * 4
    assert stmt.lines["Line No"].tolist() == [3, 4, 5, 6]
    assert [(i.cell, i.value) for i in stmt.issues] == [("row 3", 1)]
    assert stmt.issues[0].message.startswith(
        "1 row: the thousands separator of amounts is the file's delimiter, without quotes")


def test_a_narrative_part_with_digits_stays_the_narratives(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Date,Description,Amount,Balance\n"
                    "01/11/2026,Opening Balance,,1000.00\n"
                    "02/11/2026,INV 55, 56,250.00,1250.00\n"
                    "13/11/2026,FEE,-1.00,1249.00\n", encoding="utf-8")
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [250.0, -1.0]
    assert stmt.lines["Description"].tolist() == ["INV 55, 56", "FEE"]
