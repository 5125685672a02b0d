"""A web page saved as the 'Excel' export that holds no list, in the forms web_workbook reads
(a single-file web page, a page a browser saved with its 'saved from url' comment first), is
said as the web page it is, as a plain <html> page is (0eef58f): not a text file to rename
.csv, which would read no list either."""

from __future__ import annotations

from ar_excel.cli import main

SAID = ("it is a web page or XML file saved under a workbook's name, not a workbook; "
        "open it in Excel and save it as .xlsx")

MHTML = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"'
         b'\r\n\r\n------=_NextPart_01\r\nContent-Location: file:///C:/x/book.htm\r\n'
         b'Content-Type: text/html; charset="utf-8"\r\n\r\n<html><body><p>Session expired. '
         b'Please log in.</p></body></html>\r\n------=_NextPart_01--\r\n')
SAVED_FROM = (b"<!-- saved from url=(0014)about:internet -->\n"
              b"<html><body><p>Session expired</p></body></html>\n")


def test_a_web_page_without_a_list_is_said_as_a_web_page(tmp_path, capsys):
    for name, data in (("login.xls", MHTML), ("page.xls", SAVED_FROM)):
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["aging", str(path), "--as-of", "2026-11-30",
                     "-o", str(tmp_path / "o.xlsx")]) == 1
        assert capsys.readouterr().err == f"ar-excel: cannot open '{name}': {SAID}\n"


def test_a_page_opening_with_its_head_is_no_text_export(tmp_path, capsys):
    """A page opening with <head> whose first line holds a ';' (content="text/html;
    charset=utf-8") was read as a ';'-separated text export: 'the workbook has no
    Customers sheet' instead of what the file is."""
    path = tmp_path / "login.xls"
    path.write_bytes(b'<head><meta http-equiv="Content-Type" content="text/html; '
                     b'charset=utf-8"></head>\n<body><p>Session expired.</p></body>\n')
    assert main(["aging", str(path), "--as-of", "2026-11-30",
                 "-o", str(tmp_path / "o.xlsx")]) == 1
    assert capsys.readouterr().err == f"ar-excel: cannot open 'login.xls': {SAID}\n"
