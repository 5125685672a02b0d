"""Statements as people hand them over (helper-155's realism round): exports re-saved by hand,
Gulf and Egyptian banks' CSVs. Each input is built here, by hand, and read line by line."""

from __future__ import annotations

from ar_excel.bank import read_statement
from tests._workbooks import save_sheets

# Kuwait Finance House, re-saved: the account block, then a Hijri column beside the Gregorian
# date, Arabic-Indic digits with the Arabic decimal and thousands marks, dinars to the fils;
# the first row of the table is the balance taken over from last month, "رصيد مرحل"
KFH = [
    ["بيت التمويل الكويتي"],
    ["رقم الحساب", "٠١١٢٣٤٥٦٧٨"],
    ["العملة", "دينار كويتي"],
    [],
    ["التاريخ", "التاريخ الهجري", "البيان", "مدين", "دائن", "الرصيد"],
    ["٠١/١٠/٢٠٢٦", "٢٠/٠٤/١٤٤٨", "رصيد مرحل", None, None, "١٬٢٣٤٫٥٠٠"],
    ["٠٣/١٠/٢٠٢٦", "٢٢/٠٤/١٤٤٨", "حوالة واردة من شركة الصقر للتجارة فاتورة ٧٧١", None,
     "٥٠٠٫٢٥٠", "١٬٧٣٤٫٧٥٠"],
    ["٠٥/١٠/٢٠٢٦", "٢٤/٠٤/١٤٤٨", "رسوم خدمة", "٠٫٧٥٠", None, "١٬٧٣٤٫٠٠٠"],
    ["٣١/١٠/٢٠٢٦", "٢٠/٠٥/١٤٤٨", "الرصيد الختامي", None, None, "١٬٧٣٤٫٠٠٠"],
]


def test_balance_carried_over_above_the_lines_opens_the_statement(tmp_path):
    stmt = read_statement(save_sheets(tmp_path / "kfh.xlsx", {"كشف": KFH}))
    assert stmt.lines["Amount"].tolist() == [500.25, -0.75]
    assert stmt.lines["Line No"].tolist() == [7, 8]
    assert stmt.lines["Currency"].tolist() == ["KWD", "KWD"]
    assert stmt.lines["Description"].tolist()[0] == "حوالة واردة من شركة الصقر للتجارة فاتورة ٧٧١"
    [bal] = stmt.balances
    # 'رصيد مرحل' (a balance carried over) above the lines was read as a closing balance,
    # which the real one below overwrote: the statement had no opening and was not tied out
    assert (bal.opening, bal.closing, bal.credits, bal.debits) == (1234.5, 1734.0, 500.25, 0.75)
    assert bal.difference == 0.0
    assert str(bal.opening_date.date()) == "2026-10-01"
    assert stmt.issues == []


def test_balance_carried_over_below_the_lines_still_closes_it(tmp_path):
    rows = [r[:] for r in KFH[:-1]]
    rows[5][2] = "رصيد سابق"
    rows.append(["٣١/١٠/٢٠٢٦", "٢٠/٠٥/١٤٤٨", "الرصيد المرحل", None, None, "١٬٧٣٤٫٠٠٠"])
    stmt = read_statement(save_sheets(tmp_path / "kfh.xlsx", {"Sheet1": rows}))
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (1234.5, 1734.0, 0.0)


def test_newest_first_balance_carried_over_at_the_foot_opens_it(tmp_path):
    body = [KFH[8], KFH[7], KFH[6], KFH[5]]  # newest first: the carried-over balance last
    body = [r[:] for r in body]
    body[0][2] = "رصيد آخر المدة"
    stmt = read_statement(save_sheets(tmp_path / "kfh.xlsx", {"Sheet1": [*KFH[:5], *body]}))
    assert stmt.lines["Amount"].tolist() == [-0.75, 500.25]
    [bal] = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (1234.5, 1734.0, 0.0)


# National Bank of Bahrain's CSV: the currency only in the preamble, label and name in one
# cell; Arabic-Indic digits with the Arabic decimal and thousands marks, dinars to the fils
NBB = ("بنك البحرين الوطني\n"
       "{currency}\n"
       "التاريخ,البيان,مدين,دائن,الرصيد\n"
       "٠٢/١١/٢٠٢٦,تحويل من شركة المنامة للتجارة فاتورة ٤٤٠١,,١٬٢٠٠٫٥٠٠,٣٬٢٠٠٫٥٠٠\n"
       "٠٣/١١/٢٠٢٦,رسوم,٠٫٥٠٠,,٣٬٢٠٠٫٠٠٠\n")


def test_currency_named_with_its_label_in_one_cell(tmp_path):
    for said, code in (("العملة: دينار بحريني", "BHD"), ("Currency: Bahraini Dinar", "BHD"),
                       ("العملة : الدينار الكويتي", "KWD"), ("Currency: UAE Dirham", "AED")):
        path = tmp_path / "nbb.csv"
        path.write_text(NBB.format(currency=said), encoding="utf-8")
        stmt = read_statement(path)
        # the currency was lost (None): the lines could not be told from another
        # currency's in the reconciliation
        assert stmt.lines["Currency"].tolist() == [code, code], said
        assert stmt.lines["Amount"].tolist() == [1200.5, -0.5]
        assert stmt.lines["Balance"].tolist() == [3200.5, 3200.0]
        assert stmt.lines["Line No"].tolist() == [4, 5]
        assert stmt.lines["Description"].tolist()[0] == "تحويل من شركة المنامة للتجارة فاتورة ٤٤٠١"
    path.write_text(NBB.format(currency="Currency: Dirhams of the moon"), encoding="utf-8")
    assert read_statement(path).lines["Currency"].isna().all()  # no currency: none guessed


def test_narrative_cells_excel_took_for_numbers_keep_their_digits(tmp_path):
    # a re-saved export: Excel turned a narrative of digits into a number, and a PDF
    # conversion's carried-over narrative row '102' (the rest of 'INV-102') too
    rows = [["Date", "Description", "Debit", "Credit", "Balance"],
            ["01/11/2026", "Opening Balance", None, None, 200000],
            ["03/11/2026", "Incoming transfer from Nile Foods for invoice INV-", None, 37000,
             237000],
            [None, 102, None, None, None],
            ["04/11/2026", 1234567890123, 2000, None, 235000]]
    stmt = read_statement(save_sheets(tmp_path / "bm.xlsx", {"Sheet1": rows}))
    assert stmt.lines["Amount"].tolist() == [37000.0, -2000.0]
    # before: '... INV- 102.0' and '1234567890123.0', digits the matcher reads as an amount
    assert stmt.lines["Description"].tolist() == [
        "Incoming transfer from Nile Foods for invoice INV- 102", "1234567890123"]
    assert stmt.lines["Line No"].tolist() == [3, 5]


def test_an_overdrawn_balance_stated_above_the_table_keeps_its_side(tmp_path):
    for opening, closing, line_balance in (
            ('"1,000.00 Dr"', '"500.00 Cr"', '"500.00 Cr"'),
            ('"١٬٠٠٠٫٠٠ مدين"', '"٥٠٠٫٠٠ دائن"', '"500.00 دائن"')):
        path = tmp_path / "adcb.csv"
        path.write_text("Account,0101555001\n"
                        f"Opening Balance,{opening}\nClosing Balance,{closing}\n"
                        "Date,Description,Amount,Balance\n"
                        f'13/11/2026,TT IN AL NOOR INV-101,"1,500.00",{line_balance}\n',
                        encoding="utf-8")
        stmt = read_statement(path)
        assert stmt.lines["Amount"].tolist() == [1500.0]
        # before: the opening read as 1,000.00 in credit, 'does not tie out ... difference
        # 2,000.00'
        [bal] = stmt.balances
        assert (bal.opening, bal.closing, bal.difference) == (-1000.0, 500.0, 0.0), opening
        assert stmt.issues == []
