"""A workbook written by a program (openpyxl, an ERP's "export with formulas") holds formulas
without their values until Excel saves it: the reader works out plain arithmetic on cells
(``io.uncalculated``) and says so; a formula it cannot work out is told at its cell, with
what to do, instead of "required but blank"."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from ar_excel.cli import main
from ar_excel.io.formula_values import Evaluator, NotWorkedOut
from ar_excel.io.reader import read_book
from ar_excel.io.uncalculated import _formula_cells_without_value, uncalculated_formulas


def _book(path, amount_formula="=E{r}*F{r}+G{r}"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Customer Name", "Credit Limit", "Payment Terms"])
    ws.append(["C1", "Nile Foods", "=Rates!B1*10", 30])
    ws.append(["C2", "Delta Traders", 20000, 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Qty", "Unit Price",
                "VAT", "Amount"])
    for r, (no, cust, day, qty, price) in enumerate(
            [("I1", "C1", date(2026, 10, 1), 10, 100), ("I2", "C2", date(2026, 10, 5), 3, 333.33)],
            start=2):
        inv.append([no, cust, day, f"=C{r}+30", qty, price, f"=ROUND(E{r}*F{r}*14%,2)",
                    amount_formula.format(r=r)])
    inv.append(["Total", None, None, None, None, None, "=SUM(G2:G3)", "=SUM(H2:H3)"])
    wb.create_sheet("Rates").append(["limit base", 5000])
    wb.save(path)
    return path


def test_formulas_saved_without_values_are_worked_out_and_said(tmp_path):
    book = read_book(_book(tmp_path / "book.xlsx"))
    inv = book.invoices.set_index("Invoice No")
    assert inv.index.tolist() == ["I1", "I2"]  # the totals row is still no invoice
    assert inv.loc["I1", "Amount"] == 1140.0  # 10 x 100 + 14 % VAT
    assert inv.loc["I2", "Amount"] == pytest.approx(1139.99)  # 999.99 + ROUND(139.9986, 2)
    assert inv.loc["I1", "Due Date"] == datetime(2026, 10, 31)
    assert inv.loc["I2", "Due Date"] == datetime(2026, 11, 4)
    assert book.customers.set_index("Customer ID").loc["C1", "Credit Limit"] == 50_000
    notes = [(i.sheet, i.cell, i.value, i.message) for i in book.issues
             if "formula" in i.message]
    assert notes == [
        ("Customers", "C2", 1, "1 formula cell(s) were saved without their values (the file "
         "was written by a program, not saved by Excel): their values were worked out from "
         "their formulas (e.g. C2 =Rates!B1*10 = 50,000.00)"),
        ("Invoices", "D2", 8, "8 formula cell(s) were saved without their values (the file "
         "was written by a program, not saved by Excel): their values were worked out from "
         "their formulas (e.g. D2 =C2+30 = 2026-10-31)")]


def test_aging_of_a_program_written_workbook_adds_up_to_its_formulas(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(_book(tmp_path / "book.xlsx")), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True))
    totals = {r[0]: r[7] for r in rows[1:] if r[0] in ("C1", "C2")}
    assert totals == {"C1": 1140.0, "C2": 1139.99}


def test_a_formula_it_cannot_work_out_is_told_at_its_cell_and_the_rest_is_read(tmp_path):
    book = read_book(_book(tmp_path / "book.xlsx",
                           amount_formula="=IFERROR(E{r}*F{r},VLOOKUP(A{r},P!A:B,2,0))"))
    told = {i.cell: (i.column, i.value, i.message) for i in book.issues
            if i.sheet == "Invoices" and i.cell.startswith("H")}
    assert told == {
        "H2": ("Amount", "=IFERROR(E2*F2,VLOOKUP(A2,P!A:B,2,0))",
               "Amount holds the formula =IFERROR(E2*F2,VLOOKUP(A2,P!A:B,2,0)) with no "
               "saved value (the file was written by a program, not saved by Excel) and it "
               "uses IFERROR, which is not worked out here, so the row cannot be used: open the "
               "workbook in Excel, save it and run again"),
        "H3": ("Amount", "=IFERROR(E3*F3,VLOOKUP(A3,P!A:B,2,0))",
               "Amount holds the formula =IFERROR(E3*F3,VLOOKUP(A3,P!A:B,2,0)) with no "
               "saved value (the file was written by a program, not saved by Excel) and it "
               "uses IFERROR, which is not worked out here, so the row cannot be used: open the "
               "workbook in Excel, save it and run again")}
    # the due dates and the customers were still worked out and read
    assert book.customers.set_index("Customer ID").loc["C1", "Credit Limit"] == 50_000


def test_a_workbook_saved_by_excel_is_not_looked_into(tmp_path):
    path = _book(tmp_path / "book.xlsx")
    saved = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(saved, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/calcChain.xml", "<calcChain/>")  # Excel writes it with formulas
    assert uncalculated_formulas(saved, ["Invoices"]) == {}
    assert set(uncalculated_formulas(path, ["Invoices", "Customers"])) == {"Invoices", "Customers"}


def test_a_formula_with_its_saved_value_is_not_worked_out_again():
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    xml = (f'<worksheet {ns}><sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c>'
           '<c r="B2"><f>A2*3</f></c><c r="C2" t="str"><f>A2&amp;"x"</f><v></v></c>'
           '<c r="D2"><v>5</v></c></row></sheetData></worksheet>').encode()
    assert _formula_cells_without_value(xml) == {"B2": "=A2*3", "C2": '=A2&"x"'}


@pytest.mark.parametrize(("formula", "expected"), [
    ("=2+3*4^2", 50.0), ("=-2^2", 4.0), ("=(1+2)*3", 9.0), ("=50%*A1", 5.0),
    ("=A1&\"-\"&B1", "10-x"), ("=SUM(A1:A3)", 35.0), ("=ROUND(2.345,2)", 2.35),
    ("=ROUND(-2.345,2)", -2.35), ("=MAX(A1:A3)-MIN(A1:A3)", 15.0), ("=ABS(-3)", 3.0),
    ("=AVERAGE(A1:A3)", 35 / 3), ("=D1-C1", 30.0), ("=C1+30", datetime(2026, 10, 31)),
    ("=Other!A1*2", 14.0), ("='My Sheet'!A1+1", 2.0),
    ("=IF(A1>A2,1,IF(B1=\"X\",A1*2,0))", 20.0), ("=IF(A3<>5,1)", False),
    ("=IF(A1>=10,A1-A3)", 5.0), ("=DATE(2026,14,1)", datetime(2027, 2, 1)),
    ("=DATE(2026,11,30)-C1", 60.0), ("=1+2>=3", True),
])
def test_the_arithmetic_is_excels(formula, expected):
    cells = {("S", 0, 0): 10, ("S", 1, 0): 20, ("S", 2, 0): 5, ("S", 0, 1): "x",
             ("S", 0, 2): datetime(2026, 10, 1), ("S", 0, 3): datetime(2026, 10, 31),
             ("Other", 0, 0): 7, ("My Sheet", 0, 0): 1}
    ev = Evaluator({"S": {"Z9": formula}}, lambda s, r, c: cells.get((s, r, c)))
    assert ev.value("S", "Z9") == (pytest.approx(expected) if isinstance(expected, float)
                                   else expected)


@pytest.mark.parametrize(("formulas", "why"), [
    ({"A1": "=B1+1", "B1": "=A1+1"}, "it refers to itself"),
    ({"A1": "=1/0"}, "it divides by zero (#DIV/0!)"),
    ({"A1": "=TODAY()+1"}, "it uses TODAY, which is not worked out here"),
    ({"A1": "=IF(\"yes\",1,2)"}, "it tests the text 'yes'"),
    ({"A1": "=VAT_RATE*2"}, "it names 'VAT_RATE', which is not worked out here"),
    ({"A1": "=\"abc\"*2"}, "it counts with the text 'abc'"),
    ({"A1": "=__import__(\"os\").system(\"echo hi\")"},
     "it uses __IMPORT__, which is not worked out here"),
])
def test_what_is_not_plain_arithmetic_is_not_worked_out(formulas, why):
    ev = Evaluator({"S": formulas}, lambda s, r, c: None)
    with pytest.raises(NotWorkedOut, match=f"^{__import__('re').escape(why)}$"):
        ev.value("S", "A1")


def test_an_arabic_workbook_is_told_in_arabic(tmp_path):
    from ar_excel.io.messages_ar import arabic_message

    book = read_book(_book(tmp_path / "book.xlsx", amount_formula="=VLOOKUP(A{r},P!A:B,2,0)"))
    said = {i.cell: arabic_message(i.message) for i in book.issues
            if i.sheet == "Invoices" and i.cell in ("D2", "H2")}
    assert said == {
        "D2": "5 خلية معادلات حُفظت بلا قيمها (كتب الملفَ برنامجٌ ولم يحفظه Excel): حُسبت قيمها "
              "من معادلاتها (مثلاً D2 =C2+30 = 2026-10-31)",
        "H2": "Amount فيه المعادلة =VLOOKUP(A2,P!A:B,2,0) بلا قيمة محفوظة (كتب الملفَ برنامجٌ "
              "ولم يحفظه Excel) ولا تُحسب هنا (تستخدم VLOOKUP)، فلا يمكن استخدام الصف: افتح "
              "المصنف في Excel واحفظه ثم أعد التشغيل"}
