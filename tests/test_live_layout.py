"""A tab written live (the Excel buttons) is viewed and printed as the file writer makes it:
header row frozen, landscape, one page wide, the header repeated on printed pages only where
the table runs over pages, the title in the page header. Run against the xlwings stand-in,
which records each property of Excel's PageSetup and window set, in order; where the engine has
no Excel object model (xlwings Lite) the tabs are written without them and the job succeeds.
"""

from __future__ import annotations

import fake_xlwings as fake
import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main as cli_main
from ar_excel.excel import buttons
from ar_excel.excel.writing import fill_sheet, write_tabs_live
from ar_excel.io.print_layout import ROWS_ON_A_PAGE
from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab
from tests.test_live_parity import AS_OF, build_workbook

LONG = ROWS_ON_A_PAGE + 10


def _aging(rows: int, **kw) -> Tab:
    frame = pd.DataFrame({"Customer ID": [f"C{i:03d}" for i in range(rows)],
                          "Customer Name": [f"Customer {i}" for i in range(rows)],
                          "Balance": [100.0 + i for i in range(rows)]})
    return Tab("Aging", frame, **kw)


def _trend() -> Tab:
    frame = pd.DataFrame({"Month": ["2026-08", "2026-09", "2026-10"], "DSO": [41.0, 44.5, 39.0],
                          "Sales": [1e5, 1.2e5, 9e4], "Receivables": [4.1e4, 5e4, 3.9e4]})
    return Tab("DSO trend", frame, title="DSO by month")


def _book() -> fake.Book:
    return fake.book_from_sheets({"Start": [["buttons"]], "Customers": [["Customer ID"]]})


def _file_print(tab: Tab, tmp_path, arabic: bool = False):
    out = write_tabs([tab], out=tmp_path / "file.xlsx", arabic=arabic, backup=False)
    return openpyxl.load_workbook(out)[tab.name]


def test_long_table_frozen_landscape_one_page_wide_header_on_every_page(tmp_path):
    tab = _aging(LONG, title="Aging as of 2026-10-31 & before")
    book = _book()
    assert write_tabs_live(book, [tab], arabic=True) == ["Aging"]
    sheet = book.sheets["Aging"]
    # Arabic label row, then the header on row 2: rows 1-2 stay in view, 50 rows under them
    assert sheet.range("A2").value == "Customer ID" and sheet.range("A52").value == "C049"
    assert sheet._frozen == (2, 0)
    assert sheet._com_calls == [
        ("ActiveWindow.FreezePanes", False),
        ("ActiveWindow.ScrollRow", 1), ("ActiveWindow.ScrollColumn", 1),
        ("ActiveWindow.SplitColumn", 0), ("ActiveWindow.SplitRow", 2),
        ("ActiveWindow.FreezePanes", True),
        ("PageSetup.Orientation", 2), ("PageSetup.Zoom", False),
        ("PageSetup.FitToPagesWide", 1), ("PageSetup.FitToPagesTall", False),
        ("PageSetup.PrintTitleRows", "$1:$2"),  # the Arabic labels with the header
        ("PageSetup.PrintArea", "$A$1:$C$52"),  # not the caption at E1
        ("PageSetup.LeftMargin", 28.8), ("PageSetup.RightMargin", 28.8),
        ("PageSetup.TopMargin", 64.8), ("PageSetup.BottomMargin", 43.2),
        ("PageSetup.HeaderMargin", 21.6), ("PageSetup.FooterMargin", 21.6),
        ("PageSetup.CenterHeader", "Aging as of 2026-10-31 && before"),  # & printed as &
        ("PageSetup.LeftFooter", "&A"), ("PageSetup.CenterFooter", "صفحة &P من &N"),
        ("PageSetup.RightFooter", "&F"),
    ]
    # printer talk held back while setting up, and switched on again
    assert book.app._print_communication == [False, True]
    assert book.sheets.active is sheet  # the tab written is shown, as before

    ws = _file_print(tab, tmp_path, arabic=True)  # what the file writer gives the same tab
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$2"
    assert (ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text) == (
        "&A", "صفحة &P من &N", "&F")
    assert (ws.page_margins.left, ws.page_margins.top) == (0.4, 0.9)
    assert ws.oddHeader.center.text == "Aging as of 2026-10-31 && before"
    assert str(ws.print_area).endswith("$A$1:$C$52")


def test_short_table_with_blocks_under_it_prints_no_title_rows(tmp_path):
    tab = _aging(3, title="KPIs", blocks=[_trend()])
    book = _book()
    write_tabs_live(book, [tab])
    sheet = book.sheets["Aging"]
    # header, 3 rows, blank, block title, block header, 3 block rows: 10 rows, 4 columns wide
    assert sheet.range("A7").value == "Month" and sheet.range("D10").value == 39000
    assert sheet._frozen == (1, 0)
    page = [c for c in sheet._com_calls if c[0].startswith("PageSetup.")]
    assert page == [
        ("PageSetup.Orientation", 2), ("PageSetup.Zoom", False),
        ("PageSetup.FitToPagesWide", 1), ("PageSetup.FitToPagesTall", False),
        ("PageSetup.PrintArea", "$A$1:$D$10"),  # the block is wider than the table
        ("PageSetup.LeftMargin", 28.8), ("PageSetup.RightMargin", 28.8),
        ("PageSetup.TopMargin", 64.8), ("PageSetup.BottomMargin", 43.2),
        ("PageSetup.HeaderMargin", 21.6), ("PageSetup.FooterMargin", 21.6),
        ("PageSetup.CenterHeader", "KPIs"),
        ("PageSetup.LeftFooter", "&A"), ("PageSetup.CenterFooter", "Page &P of &N"),
        ("PageSetup.RightFooter", "&F"),
    ]
    ws = _file_print(tab, tmp_path)
    assert ws.print_title_rows is None and ws.freeze_panes == "A2"
    assert str(ws.print_area).endswith("$A$1:$D$10")


def test_long_table_with_blocks_under_it_repeats_its_header():
    tab = _aging(LONG, blocks=[_trend()])
    book = _book()
    write_tabs_live(book, [tab])
    calls = dict(book.sheets["Aging"]._com_calls)
    assert calls["PageSetup.PrintTitleRows"] == "$1:$1"
    assert "PageSetup.CenterHeader" not in calls  # no title, no page header


def test_the_sheet_active_before_is_active_again_after_freezing():
    book = _book()
    customers = book.sheets["Customers"]
    customers.activate()
    sheet = book.sheets.add("Staged", after=customers)
    fill_sheet(sheet, _aging(5), arabic=False)
    assert sheet._frozen == (1, 0)
    assert book.sheets.active is customers


def test_hidden_tab_is_frozen_before_it_is_hidden():
    book = _book()
    write_tabs_live(book, [_aging(5, hidden=True), _trend()])
    hidden = book.sheets["Aging"]
    assert hidden.visible is False and hidden._frozen == (1, 0)  # Excel cannot activate it hidden
    assert book.sheets["DSO trend"]._frozen == (1, 0)


def test_without_excel_object_model_tabs_are_written_plain():
    book = _book()
    book.app._com = False  # xlwings Lite: no .api
    assert write_tabs_live(book, [_aging(LONG, title="Aging")]) == ["Aging"]
    sheet = book.sheets["Aging"]
    assert sheet.range("A51").value == "C049"
    assert sheet._com_calls == [] and sheet._frozen is None
    assert book.app._print_communication == []
    assert book.sheets.active is sheet


def test_a_window_that_refuses_leaves_the_print_setup_and_the_active_sheet():
    book = _book()
    customers = book.sheets["Customers"]
    customers.activate()

    class NoWindow:  # Excel for Mac's appscript: no ActiveWindow.SplitRow
        PrintCommunication = True

        @property
        def ActiveWindow(self):  # noqa: N802
            raise AttributeError("ActiveWindow")

    book.app.api = NoWindow()
    sheet = book.sheets.add("Staged", after=customers)
    fill_sheet(sheet, _aging(5), arabic=False)
    assert sheet._frozen is None and book.sheets.active is customers
    assert ("PageSetup.FitToPagesWide", 1) in sheet._com_calls


@pytest.mark.parametrize("com", [True, False], ids=["excel", "no-object-model"])
def test_aging_button_prints_as_the_command_line_or_plain_without_object_model(com, tmp_path):
    workbook = build_workbook(tmp_path / "ar.xlsx")
    out = tmp_path / "cli.xlsx"
    assert cli_main(["aging", str(workbook), "-o", str(out), "--as-of", AS_OF]) == 0
    book = fake.book_from_file(workbook)
    book.app._com = com
    outcome = buttons.run("aging", book, as_of=AS_OF, quiet=True)
    assert outcome.ok, outcome.message
    files = openpyxl.load_workbook(out)
    for name in outcome.tabs:
        sheet, ws = book.sheets[name], files[name]
        if not com:
            assert sheet._frozen is None and sheet._com_calls == [], name
            continue
        calls = dict(sheet._com_calls)
        rows = int(ws.freeze_panes[1:]) - 1
        assert sheet._frozen == (rows, 0), name
        assert calls["PageSetup.Orientation"] == 2
        assert calls["PageSetup.FitToPagesWide"] == ws.page_setup.fitToWidth, name
        assert calls.get("PageSetup.PrintTitleRows") == ws.print_title_rows, name
        assert calls.get("PageSetup.PrintTitleColumns") == ws.print_title_cols, name
        assert calls.get("PageSetup.CenterHeader") == (ws.oddHeader.center.text or None), name
        assert calls["PageSetup.CenterFooter"] == ws.oddFooter.center.text, name
        assert calls["PageSetup.LeftMargin"] == round(ws.page_margins.left * 72, 2), name
        # the table's print range; the file adds its charts' cells as a second range
        # (9c078c4), which the live writer does not set (its charts are Excel's own size)
        assert str(ws.print_area).split(",")[0].endswith(calls["PageSetup.PrintArea"]), name
    assert book.sheets["Aging"].range("A1").value == "Customer ID"


def test_a_tab_too_wide_for_one_readable_page_prints_across_pages_as_the_file(tmp_path):
    frame = pd.DataFrame({"Bank Line": ["FT1", "FT2"],
                          **{f"Narrative {i}": ["x" * 58] * 2 for i in range(5)}})
    tab = Tab("Bank Matches", frame)
    book = _book()
    write_tabs_live(book, [tab])
    calls = dict(book.sheets["Bank Matches"]._com_calls)
    ws = _file_print(tab, tmp_path)
    assert calls["PageSetup.FitToPagesWide"] == ws.page_setup.fitToWidth == 2
    assert calls["PageSetup.PrintTitleColumns"] == ws.print_title_cols == "$A:$A"
    assert calls["PageSetup.Order"] == 2 and ws.page_setup.pageOrder == "overThenDown"
