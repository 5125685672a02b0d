"""Many systems' "Export to Excel" writes delimited text under an .xls name (tab-separated,
or Excel's own "Unicode Text" in UTF-16): Excel opens it without a word, so the clerk sees a
workbook. It is read as the CSV list it is; written into, never."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from ar_excel.cli import main

_HEAD = "Customer ID\tCustomer Name\tInvoice No\tInvoice Date\tDue Date\tAmount\tCurrency"


def _aging(out: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(out)["Aging"]
    return [r[:9] for r in ws.iter_rows(min_row=2, values_only=True)
            if re.fullmatch(r"C\d{3}", str(r[0]))]


def test_a_tab_separated_export_named_xls_is_aged(tmp_path: Path, capsys) -> None:
    book = tmp_path / "ar_export.xls"
    book.write_text(f"{_HEAD}\nC001\tNile Trading\tINV-1\t01/10/2026\t31/10/2026\t1,500.00\tEGP\n"
                    "C002\tDelta Foods\tINV-2\t15/11/2026\t15/12/2026\t250.50\tEGP\n",
                    encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert _aging(out) == [
        ("C001", "Nile Trading", 0, 1500, 0, 0, 0, 1500, "EGP"),
        ("C002", "Delta Foods", 250.5, 0, 0, 0, 0, 250.5, "EGP")]


def test_excels_unicode_text_with_arabic_names(tmp_path: Path) -> None:
    book = tmp_path / "unicode.xls"
    book.write_bytes(f"{_HEAD}\r\nC001\tشركة النيل للتجارة\tF-1\t01/09/2026\t01/10/2026\t"
                     "2000\tEGP\r\n".encode("utf-16"))
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert _aging(out) == [("C001", "شركة النيل للتجارة", 0, 0, 2000, 0, 0, 2000, "EGP")]


def test_a_semicolon_list_is_read_but_never_written_into(tmp_path: Path, capsys) -> None:
    book = tmp_path / "export.xls"
    text = ("Customer ID;Customer Name;Invoice No;Invoice Date;Due Date;Amount;Currency\n"
            "C001;Nile Trading;INV-1;01/10/2026;31/10/2026;1500;EGP\n")
    book.write_text(text, encoding="utf-8")
    assert main(["aging", str(book), "--as-of", "2026-11-30"]) == 1
    assert "'export.xls' is a .xls file and ar_excel writes only into .xlsx workbooks" in \
        capsys.readouterr().err
    assert book.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xls"]
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert _aging(out) == [("C001", "Nile Trading", 0, 1500, 0, 0, 0, 1500, "EGP")]


def test_a_list_named_xlsx_is_refused_as_excel_refuses_it(tmp_path: Path, capsys) -> None:
    book = tmp_path / "export.xlsx"
    book.write_text(f"{_HEAD}\nC001\tNile\tINV-1\t01/10/2026\t31/10/2026\t1500\tEGP\n",
                    encoding="utf-8")
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "o.xlsx")]) == 1
    assert "it is a text file (a CSV or similar export), not an Excel workbook; rename it .csv" \
        in capsys.readouterr().err


def test_text_that_is_no_list_keeps_its_message(tmp_path: Path, capsys) -> None:
    book = tmp_path / "notes.xls"
    book.write_text("remember to send the statements\n", encoding="utf-8")
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "o.xlsx")]) == 1
    assert "it is a text file (a CSV or similar export), not an Excel workbook" in \
        capsys.readouterr().err
