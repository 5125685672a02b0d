"""Workbooks that are a web page or an Excel 2003 XML spreadsheet saved as .xls (the "export
to Excel" of many ERPs and portals): read as workbooks by the book commands, their values
parsed as typed text is, an unusable value an Input Issue at its table cell, and never
written into (``io.web_workbook``)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from ar_excel.io.reader import read_book
from ar_excel.io.web_workbook import html_sheets, web_kind

AS_OF = "2026-11-30"
AGING_HEAD = ("Customer ID", "Customer", "Current", "1-30", "31-60", "61-90", "90+", "Total")

# Odoo-like web export: two tables, each under its heading; amounts and dates as printed
TWO_TABLES = """<html><head><meta charset="utf-8"><title>Export</title></head><body>
<h2>Customers</h2>
<table border="1"><tr><th>Customer ID</th><th>Name</th><th>Payment Terms</th><th>Credit Limit</th></tr>
<tr><td>C001</td><td>Nile Foods</td><td>30</td><td>50,000.00</td></tr>
<tr><td>C002</td><td>Delta Trading</td><td>Net 30</td><td>١٠٠٠٠</td></tr>
</table>
<h2>Invoices</h2>
<table border="1"><tr><th>Invoice No</th><th>Customer ID</th><th>Invoice Date</th><th>Due Date</th><th>Amount</th></tr>
<tr><td>INV-1</td><td>C001</td><td>01/09/2026</td><td>01/10/2026</td><td>1,500.00</td></tr>
<tr><td>INV-2</td><td>C001</td><td>15/10/2026</td><td>14/11/2026</td><td>(250.00)</td></tr>
<tr><td>INV-3</td><td>C002</td><td>2026-11-01</td><td>2026-12-01</td><td>٢٬٠٠٠٫٥٠</td></tr>
<tr><td>INV-4</td><td>C002</td><td>01/08/2026</td><td>31/08/2026</td><td>abc</td></tr>
</table></body></html>"""


def _cell(kind: str, value: str, attrs: str = "") -> str:
    return f'<Cell{attrs}><Data ss:Type="{kind}">{value}</Data></Cell>'


def _row(*cells: str) -> str:
    return "<Row>" + "".join(cells) + "</Row>"


def _s(*texts: str) -> list[str]:
    return [_cell("String", t) for t in texts]


def _date(iso: str) -> str:
    return _cell("DateTime", f"{iso}T00:00:00.000")


# Excel 2003 XML: a title merged across the Customers sheet, a blank cell skipped with
# ss:Index, a customer's ID merged down beside its two invoices
SPREADSHEET_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <Worksheet ss:Name="Customers"><Table>
  {_row(_cell("String", "Customer master", ' ss:MergeAcross="3"'))}
  {_row(*_s("Customer ID", "Name", "Payment Terms", "Credit Limit"))}
  {_row(*_s("C001", "Nile Foods"), _cell("Number", "30"), _cell("Number", "50000"))}
  {_row(*_s("C002", "شركة الدلتا"), _cell("String", "1,0x0", ' ss:Index="4"'))}
 </Table></Worksheet>
 <Worksheet ss:Name="Invoices"><Table>
  {_row(*_s("Customer ID", "Invoice No", "Invoice Date", "Due Date", "Amount"))}
  {_row(_cell("String", "C001", ' ss:MergeDown="1"'), *_s("INV-1"), _date("2026-09-01"),
        _date("2026-10-01"), _cell("Number", "1500"))}
  {_row(_cell("String", "INV-2", ' ss:Index="2"'), _date("2026-10-15"), _date("2026-11-14"),
        _cell("String", "(250.00)"))}
  {_row(*_s("C002", "INV-3"), _date("2026-11-01"), _date("2026-12-01"),
        _cell("String", "٢٬٠٠٠٫٥٠"))}
 </Table></Worksheet>
 <Worksheet ss:Name="Payments"><Table>
  {_row(*_s("Payment ID", "Customer ID", "Date", "Amount", "Invoice No"))}
  {_row(*_s("P1", "C001"), _date("2026-10-20"), _cell("Number", "500"), *_s("INV-1"))}
  {_row(*_s("P2", "C002"), _date("2026-11-10"), _cell("Number", "300"))}
 </Table></Worksheet>
 <Worksheet ss:Name="Old copy"><Table>{_row(*_s("Customer ID", "Name"))}</Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>"""

# Excel's "Single File Web Page": a frame page naming the sheets, a part per sheet; dates
# shown as a month-first Excel shows them, beside their values (x:num: 46266 is 1 Sep 2026)
MHTML = """MIME-Version: 1.0
X-Document-Type: Workbook
Content-Type: multipart/related; boundary="----=_NextPart_01DB3E1A.5C3B7F60"

This document is a Single File Web Page, also known as a Web Archive file.

------=_NextPart_01DB3E1A.5C3B7F60
Content-Location: file:///C:/D3E1A5C3/book.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="utf-8"

<html xmlns:x=3D"urn:schemas-microsoft-com:office:excel"><head>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>
 <x:ExcelWorksheet><x:Name>Customers</x:Name>
  <x:WorksheetSource HRef=3D"book_files/sheet001.htm"/></x:ExcelWorksheet>
 <x:ExcelWorksheet><x:Name>Invoices</x:Name>
  <x:WorksheetSource HRef=3D"book_files/sheet002.htm"/></x:ExcelWorksheet>
</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>
<frameset rows=3D"*,39"><frame src=3D"book_files/sheet001.htm" name=3D"frSheet"></frameset>
</html>

------=_NextPart_01DB3E1A.5C3B7F60
Content-Location: file:///C:/D3E1A5C3/book_files/sheet002.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="utf-8"

<html><body><table x:str border=3D0>
 <tr><td>Invoice No</td><td>Customer ID</td><td>Invoice Date</td><td>Due Date</td><td>Amount</td></tr>
 <tr><td>INV-1</td><td>C001</td><td x:num=3D"46266">9/1/2026</td><td x:num=3D"46296">10/1/2026<=
/td><td x:num=3D"1500">1,500.00</td></tr>
 <tr><td>INV-2</td><td>C002</td><td x:num=3D"46327">11/1/2026</td><td x:num=3D"46357">12/1/2026<=
/td><td x:num=3D"-250">(250.00)</td></tr>
</table></body></html>

------=_NextPart_01DB3E1A.5C3B7F60
Content-Location: file:///C:/D3E1A5C3/book_files/sheet001.htm
Content-Transfer-Encoding: quoted-printable
Content-Type: text/html; charset="utf-8"

<html><body><table x:str border=3D0>
 <tr><td>Customer ID</td><td>Name</td><td>Payment Terms</td></tr>
 <tr><td>C001</td><td>Nile Foods</td><td>30</td></tr>
 <tr><td>C002</td><td>=D8=B4=D8=B1=D9=83=D8=A9 =D8=A7=D9=84=D8=AF=D9=84=D8=AA=D8=A7</td><td>30</td></tr>
</table></body></html>

------=_NextPart_01DB3E1A.5C3B7F60--
"""

# a Gulf web ERP's open-items page in Windows-1256, Arabic headers, Arabic-Indic digits as
# character references (the code page has none)
OPEN_ITEMS_AR = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>
<body dir="rtl"><p>كشف الذمم المدينة - الأرصدة المفتوحة</p>
<table border="1">
<tr><th>رقم العميل</th><th>اسم العميل</th><th>رقم الفاتورة</th><th>تاريخ الفاتورة</th><th>تاريخ الاستحقاق</th><th>المبلغ</th></tr>
<tr><td>C001</td><td>شركة النيل للأغذية</td><td>F-101</td><td>01/09/2026</td><td>01/10/2026</td><td>١٬٥٠٠٫٠٠</td></tr>
<tr><td>C001</td><td>شركة النيل للأغذية</td><td>F-102</td><td>20/10/2026</td><td>19/11/2026</td><td>2,250.00</td></tr>
<tr><td>C002</td><td>مؤسسة الخليج</td><td>F-103</td><td>05/11/2026</td><td>05/12/2026</td><td>(100.00)</td></tr>
<tr><td>C002</td><td>مؤسسة الخليج</td><td>F-104</td><td>06/11/2026</td><td>06/12/2026</td><td>١٢x</td></tr>
</table></body></html>"""


def _html_book(tmp_path: Path) -> Path:
    path = tmp_path / "odoo_export.xls"
    path.write_text(TWO_TABLES, encoding="utf-8")
    return path


def _xml_book(tmp_path: Path) -> Path:
    path = tmp_path / "erp_book.xls"
    path.write_text(SPREADSHEET_XML, encoding="utf-8")
    return path


def _mhtml_book(tmp_path: Path) -> Path:
    path = tmp_path / "book.xls"
    path.write_bytes(MHTML.replace("\n", "\r\n").encode("ascii"))
    return path


def _arabic_book(tmp_path: Path) -> Path:
    path = tmp_path / "open_items.xls"
    path.write_bytes(OPEN_ITEMS_AR.encode("cp1256", "xmlcharrefreplace"))
    return path


def _run(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()):
        return main(args)


def _tab(path: Path, name: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    rows = list(wb[name].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] in ("Customer ID", "Sheet"))
    width = len(AGING_HEAD) if name == "Aging" else 5
    body = []
    for r in rows[start:]:
        if r[0] is None:
            break
        body.append(tuple(r[:width]))
    return body


def _aging(path: Path, tmp_path: Path, command: str = "aging") -> tuple[list, list]:
    out = tmp_path / f"{command}_{path.stem}.xlsx"
    assert _run([command, str(path), "--as-of", AS_OF, "-o", str(out)]) == 0
    return _tab(out, "Aging"), _tab(out, "Input Issues")


def test_what_each_file_is_told_from_its_first_bytes():
    assert web_kind(TWO_TABLES.encode()) == "html"
    assert web_kind(SPREADSHEET_XML.encode()) == "spreadsheetml"
    assert web_kind(MHTML.encode()) == "mhtml"
    assert web_kind(b"\xef\xbb\xbf<table><tr><td>a</td><td>b</td></tr></table>") == "html"
    assert web_kind("\ufeff<html><table>".encode("utf-16")) == "html"  # saved as "Unicode"
    assert web_kind(b"From: <Saved by Windows Internet Explorer 8>\r\nSubject: x\r\n"
                    b'Content-Type: multipart/related; type="text/html"\r\n') == "mhtml"
    for other in (b"PK\x03\x04<html>", b"\xd0\xcf\x11\xe0<table>", b"Customer ID,Name\nC1,A\n",
                  b'<?xml version="1.0"?><orders><order id="1"/></orders>', b""):
        assert web_kind(other) is None


def test_an_html_xls_of_two_tables_named_by_their_headings(tmp_path):
    aging, issues = _aging(_html_book(tmp_path), tmp_path)
    assert aging == [AGING_HEAD,
                     ("C001", "Nile Foods", 0, 0, 1250, 0, 0, 1250),  # 1,500.00 and (250.00)
                     ("C002", "Delta Trading", 2000.5, 0, 0, 0, 0, 2000.5)]  # ٢٬٠٠٠٫٥٠
    # the bad amount at its table's cell: the heading's table, row 5 (header row 1), column E
    assert issues == [("Sheet", "Cell", "Column", "Value", "Message"),
                      ("Invoices", "E5", "Amount", "abc", "'abc' is not a number")]
    book = read_book(_html_book(tmp_path))
    assert book.tables["Customers"].frame["Credit Limit"].tolist() == [50000, 10000]


def test_an_html_xls_through_the_month_end_run(tmp_path):
    out = tmp_path / "run.xlsx"
    assert _run(["run", str(_html_book(tmp_path)), "--as-of", AS_OF, "-o", str(out)]) == 0
    assert _tab(out, "Aging")[1:] == [("C001", "Nile Foods", 0, 0, 1250, 0, 0, 1250),
                                      ("C002", "Delta Trading", 2000.5, 0, 0, 0, 0, 2000.5)]
    names = openpyxl.load_workbook(out).sheetnames
    assert {"Customer Checks", "Credit Status", "Invoice Checks", "Aging", "Dunning",
            "Input Issues"} <= set(names)


def test_a_spreadsheet_xml_xls_by_its_worksheet_names(tmp_path):
    path = _xml_book(tmp_path)
    aging, issues = _aging(path, tmp_path)
    # INV-1 1,500 less P1 500, 60 days past due, and INV-2, a credit note (250.00) of 15/10,
    # (31-60: C001's ID merged down over INV-2's row); INV-3 not yet due; P2 300 unapplied,
    # 20 days old (1-30)
    assert aging == [AGING_HEAD,
                     ("C001", "Nile Foods", 0, 0, 750, 0, 0, 750),
                     ("C002", "شركة الدلتا", 2000.5, -300, 0, 0, 0, 1700.5)]
    # row 4 of the sheet (the merged title is row 1), the credit limit in column D (Index 4)
    assert issues == [("Sheet", "Cell", "Column", "Value", "Message"),
                      ("Customers", "D4", "Credit Limit", "1,0x0", "'1,0x0' is not a number")]
    from ar_excel.io import web_workbook

    sheets = web_workbook._spreadsheet_sheets(path.read_bytes(), path.name)
    assert [(s.name, s.hidden) for s in sheets] == [
        ("Customers", False), ("Invoices", False), ("Payments", False), ("Old copy", True)]
    out = tmp_path / "run.xlsx"
    assert _run(["run", str(path), "--as-of", AS_OF, "-o", str(out)]) == 0
    assert _tab(out, "Aging") == aging
    credit = {r[0]: r for r in openpyxl.load_workbook(out)["Credit Status"].iter_rows(
        min_row=2, values_only=True)}
    assert credit["C001"][2:6] == (50000, 750, 1000, 750)  # limit, open, overdue, exposure


def test_a_single_file_web_page_by_its_sheet_names(tmp_path):
    path = _mhtml_book(tmp_path)
    book = read_book(path)
    assert book.tables["Invoices"].frame["Invoice No"].tolist() == ["INV-1", "INV-2"]
    aging, issues = _aging(path, tmp_path)
    assert aging == [AGING_HEAD,
                     ("C001", "Nile Foods", 0, 0, 1500, 0, 0, 1500),
                     ("C002", "شركة الدلتا", 0, -250, 0, 0, 0, -250)]
    assert issues == [("Sheet", "Cell", "Column", "Value", "Message")]
    out = tmp_path / "run.xlsx"
    assert _run(["run", str(path), "--as-of", AS_OF, "-o", str(out)]) == 0
    assert _tab(out, "Aging") == aging


def test_a_windows_1256_open_items_page_with_arabic_headers(tmp_path):
    path = _arabic_book(tmp_path)
    out = tmp_path / "aging.xlsx"
    assert _run(["aging", str(path), "--as-of", AS_OF, "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True))
    head = rows.index(next(r for r in rows if r[0] == "Customer ID"))
    assert [r[:8] for r in rows[head + 1:head + 3]] == [
        ("C001", "شركة النيل للأغذية", 0, 2250, 1500, 0, 0, 3750),
        ("C002", "مؤسسة الخليج", 0, -100, 0, 0, 0, -100)]
    issues = list(openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True))
    # the one sheet is named after the file, as a CSV export's; the bad amount at F5
    assert ("open_items", "F5", "المبلغ", "١٢x") in [r[:4] for r in issues]
    out = tmp_path / "run.xlsx"
    assert _run(["run", str(path), "--as-of", AS_OF, "-o", str(out)]) == 0


def test_a_windows_1256_page_of_two_tables_under_arabic_headings(tmp_path):
    page = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body dir="rtl">
<h3>العملاء</h3><table><tr><th>رقم العميل</th><th>اسم العميل</th><th>شروط الدفع</th></tr>
<tr><td>ع-1</td><td>شركة النيل</td><td>30</td></tr></table>
<h3>الفواتير</h3><table><tr><th>رقم الفاتورة</th><th>رقم العميل</th><th>تاريخ الفاتورة</th>
<th>المبلغ</th></tr>
<tr><td>ف-1</td><td>ع-1</td><td>01/11/2026</td><td>1,000.00</td></tr>
<tr><td>ف-2</td><td>ع-1</td><td>01/09/2026</td><td>5O0</td></tr></table></body></html>"""
    path = tmp_path / "erp.xls"
    path.write_bytes(page.encode("cp1256"))
    out = tmp_path / "aging.xlsx"
    assert _run(["aging", str(path), "--as-of", AS_OF, "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True))
    # ف-1 due 1 December (the customer's 30 days): not yet due
    assert [r[:8] for r in rows if r[0] == "ع-1"] == [("ع-1", "شركة النيل", 1000, 0, 0, 0, 0, 1000)]
    issues = list(openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True))
    assert [r[:4] for r in issues if r[1] == "D3"] == [("الفواتير", "D3", "المبلغ", "5O0")]


@pytest.mark.parametrize("command", ["validate", "credit", "invoices", "collections",
                                     "statements", "report"])
def test_every_book_command_reads_a_web_page(tmp_path, command):
    out = tmp_path / f"{command}.xlsx"
    assert _run([command, str(_html_book(tmp_path)), "--as-of", AS_OF, "-o", str(out)]
                if command not in ("validate",) else
                [command, str(_html_book(tmp_path)), "-o", str(out)]) == 0
    assert out.exists()


@pytest.mark.parametrize("make", [_html_book, _xml_book, _mhtml_book])
def test_never_written_into_without_o(tmp_path, capsys, make):
    path = make(tmp_path)
    before = path.read_bytes()
    assert main(["aging", str(path), "--as-of", AS_OF]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ar-excel: '{path.name}' is a .xls file and ar_excel writes only "
                          "into .xlsx workbooks; use -o OUT")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no backup, no tab


def test_a_web_page_named_xlsx_is_refused_for_writing_too(tmp_path, capsys):
    path = tmp_path / "export.xlsx"
    path.write_text(TWO_TABLES, encoding="utf-8")
    assert main(["aging", str(path), "--as-of", AS_OF]) == 1
    assert "use -o OUT" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == TWO_TABLES


def test_a_file_that_is_neither_keeps_its_message(tmp_path, capsys):
    said = ("it is a web page or XML file saved under a workbook's name, not a workbook; "
            "open it in Excel and save it as .xlsx")
    for name, data in (("orders.xls", b'<?xml version="1.0"?><orders><o id="1"/></orders>'),
                       ("page.xls", b"<html><body><p>Session expired</p></body></html>"),
                       ("one.xls", b"<table><tr><td>C1</td></tr></table>"),
                       ("login.xls", b"<html><body><table><tr><td>User</td><td>Password</td>"
                                     b"</tr><tr><td>Forgot?</td><td>Help</td></tr></table>"),
                       ("empty.xls", SPREADSHEET_XML.split("<Worksheet")[0].encode()
                        + b"<Worksheet ss:Name='Sheet1'><Table/></Worksheet></Workbook>")):
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["aging", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "o.xlsx")]) == 1
        assert capsys.readouterr().err == f"ar-excel: cannot open '{name}': {said}\n"


def test_an_xml_spreadsheet_declaring_entities_is_refused(tmp_path, capsys):
    path = tmp_path / "bomb.xls"
    path.write_text(SPREADSHEET_XML.replace(
        '<?mso-application progid="Excel.Sheet"?>',
        '<?mso-application progid="Excel.Sheet"?><!DOCTYPE Workbook [<!ENTITY a "aaaa">]>'),
        encoding="utf-8")
    assert main(["aging", str(path), "--as-of", AS_OF, "-o", str(tmp_path / "o.xlsx")]) == 1
    assert "declares XML entities or a DTD" in capsys.readouterr().err


def test_a_pages_tables_named_by_caption_heading_or_the_text_before_them():
    page = """<html><body><div><b>Report</b> printed today</div>
<table><tr><td>
<table><caption>Customers</caption><tr><th>Customer ID</th><th>Name</th></tr>
<tr><td>C1</td><td>A</td></tr></table>
</td><td><p>Open items</p>
<table><tr><th>Customer ID</th><th>Invoice No</th><th>Amount</th></tr>
<tr><td rowspan=2>C1</td><td>I1</td><td>5</td></tr><tr><td>I2</td><td>6</td></tr></table>
</td></tr></table>
<h3>Receipts</h3><p>(posted)</p>
<table><tr><th>Customer ID</th><th>Amount</th></tr><tr><td>C1<td>5</table>
<table><tr><th>Customer ID</th><th>Amount</th></tr><tr><td>C2<td>7</table>"""
    sheets = html_sheets(page, "stem")
    assert [s.name for s in sheets] == ["Customers", "Open items", "Receipts", "Table 4"]
    # a customer's ID spanning its invoices' rows fills each (as a merged cell is read)
    assert sheets[1].rows == [["Customer ID", "Invoice No", "Amount"], ["C1", "I1", "5"],
                              ["C1", "I2", "6"]]
    assert sheets[3].rows == [["Customer ID", "Amount"], ["C2", "7"]]
    one = html_sheets("<p>Customers</p><table><tr><td>ID</td><td>Name</td></tr></table>", "x")
    assert [s.name for s in one] == ["x"]  # one table: named after the file, as a CSV


def test_the_output_of_a_web_page_opens_in_libreoffice(tmp_path):
    from tests.conftest import soffice_convert

    out = tmp_path / "run.xlsx"
    assert _run(["run", str(_html_book(tmp_path)), "--as-of", AS_OF, "-o", str(out)]) == 0
    csv = soffice_convert(out, "csv", tmp_path / "lo", sheet="8")
    assert csv.read_text(encoding="utf-8").splitlines()[0].startswith(
        "Customer ID,Customer,Current,1-30,31-60,61-90,90+,Total")
