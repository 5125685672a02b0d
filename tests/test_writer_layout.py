"""How a written tab looks to the accountant who opens or prints it: fonts, alignment, widths,
number formats, page setup (``io.writer``), read back with openpyxl."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from ar_excel.io.print_layout import SMALLEST_SCALE, page_header, pages_wide
from ar_excel.io.writer import NUMBER_FORMATS, issues_tab, write_tabs
from ar_excel.model import Issue, Tab


def _credit(n: int = 3) -> Tab:
    frame = pd.DataFrame({
        "Customer ID": [f"C{i:03d}" for i in range(n)],
        "Customer": ["شركة النور للتجارة", "Al Nour Trading Co.", "=HYPERLINK(\"x\")"][:n],
        "Open Balance": [123456789012.5, -250.0, 0.0][:n],
        "Over Limit": [True, False, True][:n],
        "Due Date": pd.to_datetime(["2026-11-30", "2026-10-01", "2026-12-15"][:n]),
    })
    return Tab("Credit Status", frame, formats={"Open Balance": "money"},
               title="As of 2026-11-30")


def _written(tmp_path, tab: Tab, arabic: bool = False):
    out = write_tabs([tab], out=tmp_path / "out.xlsx", arabic=arabic)
    return openpyxl.load_workbook(out)[tab.name]


def test_header_and_caption_fonts_are_named_and_sized(tmp_path):
    ws = _written(tmp_path, _credit())
    head = ws["A1"].font
    assert (head.name, head.sz, head.b, head.color.rgb) == ("Calibri", 11, True, "00FFFFFF")
    caption = ws["G1"]  # one column right of the table's five
    assert caption.value == "As of 2026-11-30"
    assert (caption.font.name, caption.font.sz, caption.font.b) == ("Calibri", 12, True)


def test_english_tab_text_left_figures_right_flags_centred(tmp_path):
    ws = _written(tmp_path, _credit())
    assert [ws.cell(1, c).alignment.horizontal for c in range(1, 6)] == [
        "left", "left", "right", "center", "right"]
    # an Arabic and a Latin name stand on the same side of their column
    assert [ws[f"B{r}"].alignment.horizontal for r in (2, 3, 4)] == ["left"] * 3
    assert ws["C2"].alignment.horizontal is None  # figures keep Excel's own (right)
    assert ws["D2"].value is True and ws["D2"].alignment.horizontal == "center"
    assert ws["D2"].number_format == '"TRUE";"TRUE";"FALSE"'  # LibreOffice shows 1/0 else
    assert ws["C2"].number_format == NUMBER_FORMATS["money"]
    assert ws["E2"].number_format == "yyyy-mm-dd" and ws["E2"].is_date


def test_text_that_looks_like_a_formula_stays_text_when_aligned(tmp_path):
    ws = _written(tmp_path, _credit())
    assert ws["B4"].value == '=HYPERLINK("x")' and ws["B4"].data_type == "s"


def test_arabic_tab_label_row_upright_on_pale_blue_all_headers_right(tmp_path):
    ws = _written(tmp_path, _credit(), arabic=True)
    assert ws.sheet_view.rightToLeft
    assert ws["A2"].value == "Customer ID" and ws["A1"].value == "رقم العميل"
    label = ws["A1"]
    assert not label.font.i and (label.font.b, label.font.name) == (True, "Calibri")
    assert label.fill.fgColor.rgb == "00DDEBF7"
    assert [ws.cell(2, c).alignment.horizontal for c in range(1, 6)] == [
        "right", "right", "right", "center", "right"]
    assert [ws[f"B{r}"].alignment.horizontal for r in (3, 4)] == ["right", "right"]


def test_money_column_is_wide_enough_for_the_formatted_amount(tmp_path):
    ws = _written(tmp_path, _credit())
    # "-123,456,789,012.50" (the widest amount as shown, with room for a minus) + 2; the
    # bare 123456789012.5 would have given 17 and Excel would show #####
    assert ws.column_dimensions["C"].width == len("-123,456,789,012.50") + 2
    assert ws.column_dimensions["E"].width == len("yyyy-mm-dd") + 2


def test_arabic_labels_wider_than_their_header_widen_the_column(tmp_path):
    frame = pd.DataFrame({"90+": [1.0, 2.0]})
    ws = _written(tmp_path, Tab("Aging", frame, formats={"90+": "money"}), arabic=True)
    assert ws["A1"].value == "أكثر من ٩٠ يوم"
    assert ws.column_dimensions["A"].width == len("أكثر من ٩٠ يوم") + 2


def test_every_tab_is_printed_with_page_numbers_margins_and_its_name(tmp_path):
    ws = _written(tmp_path, _credit())
    assert (ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text) == (
        "&A", "Page &P of &N", "&F")
    margins = ws.page_margins
    assert (margins.left, margins.right, margins.top, margins.bottom) == (0.4, 0.4, 0.9, 0.6)
    assert ws.oddHeader.center.text == "As of 2026-11-30"
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_cols is None and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.pageOrder is None  # one page across: Excel's own order
    arabic = _written(tmp_path, _credit(), arabic=True)
    assert arabic.oddFooter.center.text == "صفحة &P من &N"
    assert arabic.print_title_rows == "$1:$2"  # the Arabic labels repeat with the header


def test_a_tab_too_wide_for_a_readable_page_prints_across_pages_its_key_repeated(tmp_path):
    frame = pd.DataFrame({f"Note {i}": ["x" * 58] for i in range(8)})
    frame.insert(0, "Bank Line", ["FT0001"])
    ws = _written(tmp_path, Tab("Bank Matches", frame))
    # 8 columns of 60 (425 pixels each) and the key's 13 ("Bank Line" in bold, its filter
    # button): 3,496 pixels; a page holds 1,632 at the smallest scale, 1,536 beside the key
    assert [ws.column_dimensions[c].width for c in "AB"] == [13, 60]
    assert ws.page_setup.fitToWidth == 3 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_cols == "$A:$A"
    assert ws.page_setup.pageOrder == "overThenDown"  # a row's pages side by side


@pytest.mark.parametrize(("widths", "pages"), [
    ([10.0] * 21, 1),  # 1,575 px: one page at more than the smallest scale (1,632 px)
    ([10.0] * 22, 2),  # 1,650 px
    ([60.0] * 6, 2),  # 2,550 px
    ([16.0] + [60.0] * 8, 3),
])
def test_pages_wide(widths, pages):
    assert SMALLEST_SCALE == 0.6
    assert pages_wide(widths) == pages


def test_long_caption_in_the_page_header_is_cut_after_a_whole_word():
    caption = "Aging as of 2026-11-30; " + "grand total EGP 7,202,843.52 ties & more; " * 8
    header = page_header(caption)
    assert len(header) <= 250 and header.endswith(" …")
    assert header[:-2] == caption.replace("&", "&&")[:len(header) - 2]
    assert caption.replace("&", "&&")[len(header) - 2] == " "  # no word or figure cut
    assert page_header("Short & sweet") == "Short && sweet"


def test_input_issue_messages_wrap_with_rows_tall_enough(tmp_path):
    long = "'INV-2026-026270' is not in the invoice list: the receipt is held on account, " \
           "unapplied, until the invoice is recorded or the receipt corrected"
    tab = issues_tab([Issue("Receipts", "E3041", "Invoice No", "INV-2026-026270", long),
                      Issue("Customers", "K97", "Credit Limit", "TBD", "'TBD' is not a number")])
    ws = _written(tmp_path, tab)
    assert ws["E2"].value == long and ws["E2"].alignment.wrap_text
    assert ws.column_dimensions["E"].width == 60
    assert ws.row_dimensions[2].height == 45  # three lines of 58 characters
    assert ws.row_dimensions[3].height is None


def test_rows_grown_for_wrapped_text_show_every_value_at_the_top(tmp_path):
    long = "a message long enough to wrap over two lines of its sixty-character column " * 2
    tab = issues_tab([Issue("Invoices", "D7", "Amount", 12.5, long)])
    ws = _written(tmp_path, tab)
    assert [ws.cell(2, c).alignment.vertical for c in range(1, 6)] == ["top"] * 5
    assert ws["D2"].value == "12.5"  # the Value column is text, as the issue row gives it
    assert ws["E2"].alignment.wrap_text and ws["A2"].alignment.horizontal == "left"
    plain = _written(tmp_path, _credit())  # no wrapped column: Excel's own (bottom)
    assert plain["B2"].alignment.vertical is None


def test_small_tables_below_take_the_tabs_side(tmp_path):
    block = Tab("Buckets", pd.DataFrame({"Bucket": ["غير مستحق", "1-30"], "Amount": [5.0, 7.0]}),
                formats={"Amount": "money"}, title="Aging by bucket")
    tab = Tab("Aging", pd.DataFrame({"Customer ID": ["C1"], "Total": [12.0]}),
              formats={"Total": "money"}, blocks=[block])
    for arabic, side in ((False, "left"), (True, "right")):
        ws = _written(tmp_path, tab, arabic=arabic)
        # (label row,) header, one row, a blank row, the block's caption, its header
        head = 6 if arabic else 5
        assert ws.cell(head - 1, 1).value == "Aging by bucket" and ws.cell(head, 1).value == "Bucket"
        assert [ws.cell(head, c).alignment.horizontal for c in (1, 2)] == [side, "right"]
        assert [ws.cell(r, 1).alignment.horizontal for r in (head + 1, head + 2)] == [side] * 2


def test_a_column_of_figures_shows_counts_whole_and_amounts_with_decimals(tmp_path):
    frame = pd.DataFrame({"KPI": ["Invoices Issued", "Receipts", "DSO"],
                          "Value": pd.Series([35, 561569.48, 70.0], dtype=object),
                          "Unit": ["count", "amount", "days"]})
    ws = _written(tmp_path, Tab("KPIs", frame, formats={"Value": "figure"}))
    assert [ws[f"B{r}"].number_format for r in (2, 3, 4)] == [
        "#,##0", "#,##0.00;[Red]-#,##0.00", "#,##0.00;[Red]-#,##0.00"]
    assert ws["B1"].alignment.horizontal == "right"
    fils = _written(tmp_path, Tab("KPIs", frame.assign(Currency="KWD"),
                                  formats={"Value": "figure"}))
    assert [fils[f"B{r}"].number_format for r in (2, 3)] == ["#,##0", "#,##0.000;[Red]-#,##0.000"]


def test_pack_kpis_show_counts_and_days_in_period_whole(tmp_path):
    from ar_excel.cli import main
    from tests._aging_books import kpi_book, write_book

    book, out = tmp_path / "book.xlsx", tmp_path / "pack.xlsx"
    write_book(book, *kpi_book())
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["KPIs"]
    shown = {r[0].value: (r[2].value, r[2].number_format) for r in ws.iter_rows(min_row=2)
             if r[1].value == "EGP"}
    assert shown["Invoices Issued"] == (2, "#,##0")
    assert shown["Days in Period"][1] == "#,##0"
    assert shown["Opening AR"] == (1500, "#,##0.00;[Red]-#,##0.00")
    assert shown["DSO"][1] == "#,##0.0"  # days, not money


def test_text_right_of_figures_is_indented_a_character(tmp_path):
    frame = pd.DataFrame({"Customer ID": ["C1"], "Due Date": pd.to_datetime(["2026-01-21"]),
                          "Currency": ["USD"], "Age Days": [313], "Bucket": ["90+"],
                          "Customer": ["Fahad"]})
    ws = _written(tmp_path, Tab("Aging Detail", frame))
    assert [ws.cell(1, c).alignment.indent for c in range(1, 7)] == [0, 0, 1, 0, 1, 0]
    assert [ws.cell(2, c).alignment.indent for c in (1, 3, 5, 6)] == [0, 1, 1, 0]
    assert ws["C2"].alignment.horizontal == "left"
    # "Currency" in bold with its filter button (12), and the indent's three spaces (1.5)
    assert ws.column_dimensions["C"].width == 13.5
    arabic = _written(tmp_path, Tab("Aging Detail", frame), arabic=True)  # right-aligned text
    assert [arabic.cell(r, 3).alignment.indent for r in (1, 2, 3)] == [0, 0, 0]


def test_statement_balance_rows_are_bold_in_the_file_and_live(tmp_path):
    import fake_xlwings as fake

    from ar_excel.excel.writing import write_tabs_live
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.statements import JOB
    from tests.collections_data import book as make_book
    from tests.test_statements_core import ledger

    result = JOB.run(make_book(*ledger()), JobOptions(
        as_of=pd.Timestamp("2026-10-31").date(), args={"no_pdf": True}))
    (tab,) = result.tabs
    types = tab.frame["Type"].tolist()
    balances = [i for i, t in enumerate(types) if t in ("Opening balance", "Closing balance")]
    assert len(balances) >= 4  # two customers, an opening and a closing each
    ws = _written(tmp_path, tab)
    bold = [r - 2 for r in range(2, len(types) + 2) if ws.cell(r, 5).font.b]
    assert bold == balances
    assert ws.cell(2 + balances[0], 11).font.b and ws.cell(2 + balances[0], 11).font.name == "Calibri"
    book = fake.book_from_sheets({"Customers": [["Customer ID"]]})
    write_tabs_live(book, [tab])
    sheet = book.sheets["Customer Statements"]
    live = [r - 2 for r in range(2, len(types) + 2) if sheet.range((r, 5)).font.bold]
    assert live == balances and sheet.range((2 + balances[0], 11)).font.bold


def test_bold_and_highlighted_rows_read_back_as_openpyxl_writes_them(tmp_path):
    from ar_excel.io.writer import BOLD_FONT, HIGHLIGHT_FILL, fill_sheet, make_cell

    frame = pd.DataFrame({"Type": ["Opening balance", "Invoice", "Receipt", "Closing balance"],
                          "Amount": [100.0, 50.0, None, 150.0], "Note": ["a", None, "c", "d"]})
    tab = Tab("Statement", frame, formats={"Amount": "money"},
              highlight=pd.Series([False, True, True, True]),
              bold=pd.Series([True, False, False, True]))
    ours = tmp_path / "ours.xlsx"
    write_tabs([tab], out=ours)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet(tab.name)
    rows = fill_sheet(ws, tab, arabic=False, taken_tables=set())
    ws._current_row = rows.first_row - 1
    for i, values in enumerate(zip(*rows.columns, strict=True)):
        cells = [make_cell(ws, v, rows.number_formats[j]) for j, v in enumerate(values)]
        for c in cells:
            if rows.highlight[i]:
                c.fill = HIGHLIGHT_FILL
            if rows.bold[i]:
                c.font = BOLD_FONT
        ws.append(cells)
    ref = tmp_path / "ref.xlsx"
    wb.save(ref)

    def cells(path):
        sheet = openpyxl.load_workbook(path).worksheets[0]
        return {(c.row, c.column): (c.value, c.number_format, c.fill.fgColor.rgb, c.font.b,
                                    c.alignment.horizontal)
                for row in sheet.iter_rows() for c in row if c.value is not None or c.has_style}

    got = cells(ours)
    assert got == cells(ref)
    assert got[(2, 1)][3] and got[(5, 2)][3] and not got[(3, 1)][3]  # balances bold
    assert got[(4, 2)][:3] == (None, "General", "00FFF2CC")  # a blank keeps its row's fill
