"""A book no tab can ever be written into (another format, or a web page saved under a
workbook's name) is refused before the jobs run: a month-end run without -o leaves nothing
beside it, not the letters and statements of a run whose tabs were never written."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_web_workbooks import AS_OF, TWO_TABLES, _html_book

from ar_excel.cli import main


def test_a_month_end_run_into_a_web_page_leaves_no_letters(tmp_path: Path, capsys) -> None:
    book = _html_book(tmp_path)
    before = book.read_bytes()
    assert main(["run", str(book), "--as-of", AS_OF]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"ar-excel: '{book.name}' is a .xls file and ar_excel writes only "
                          "into .xlsx workbooks; use -o OUT")
    assert sorted(p.name for p in tmp_path.iterdir()) == [book.name]  # no dunning/
    assert book.read_bytes() == before
    # with -o the same run writes its tabs and the letters it refused to write before
    assert main(["run", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "out.xlsx")]) == 0
    assert sorted(p.name for p in (tmp_path / "dunning").iterdir()) == [
        "2026-11-30_C001.eml", "Statement_C001_2026-11-30.pdf"]


def test_a_web_page_named_xlsx_is_told_for_what_it_is(tmp_path: Path, capsys) -> None:
    book = tmp_path / "export.xlsx"
    book.write_text(TWO_TABLES, encoding="utf-8")
    assert main(["collections", str(book), "--as-of", AS_OF]) == 1
    assert capsys.readouterr().err.startswith(
        "ar-excel: 'export.xlsx' is not an Excel workbook inside (a web page, XML or text "
        "export saved under that name), and ar_excel writes only into .xlsx workbooks; "
        "use -o OUT")
    assert book.read_text(encoding="utf-8") == TWO_TABLES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx"]


def test_a_real_workbook_is_still_written_in_place(tmp_path: Path) -> None:
    book = tmp_path / "demo.xlsx"
    shutil.copy(Path(__file__).parents[1] / "workbooks" / "demo_ar.xlsx", book)
    assert main(["aging", str(book), "--as-of", AS_OF]) == 0
