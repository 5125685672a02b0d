"""How an output tab prints: landscape, fitted to the page width unless that would print it
too small to read (then across as few pages as hold it, its key column repeated), the header
row on each page of a table that runs over pages, the tab's caption as the page header and a
footer with the tab, the page number and the file. The file writer and the live Excel writer
both lay their pages out by these rules.
"""

from __future__ import annotations

import math

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from ar_excel.io.text_direction import RLM, reads_right_to_left
from ar_excel.model import Tab

ROWS_ON_A_PAGE = 40  # rows of a landscape page fitted to its width, about


def header_on_each_page(tab: Tab, rows: int) -> bool:
    """Whether the header row is printed on each page of a tab of ``rows`` data rows: only
    where the table runs over pages; below a short table, the pages hold the tables under it
    (the pack's DSO trend), not more of its rows. The file and the live writer both ask."""
    return not tab.blocks or rows > ROWS_ON_A_PAGE


def page_header(title: str) -> str:
    """A tab's title as its printed page header: "&" starts a header code in Excel, doubled
    it prints itself; Excel takes at most 255 characters there. A longer caption (the
    aging's tie-out in four currencies) is cut after its last whole word, with an ellipsis,
    not inside a word or a figure."""
    text = title.replace("&", "&&")
    if len(text) > HEADER_CHARS:
        text = text[:HEADER_CHARS - 2].rsplit(" ", 1)[0].rstrip(" ,;:؛،") + " …"
    # an Arabic caption read right to left (text_direction): its dates and amounts in place
    return RLM + text if reads_right_to_left(text) else text


HEADER_CHARS = 249  # and a right-to-left mark before an Arabic caption
PAGE_FOOTER = {False: "Page &P of &N", True: "صفحة &P من &N"}
# Inches: narrow side margins (a wide tab prints larger), room above for a caption of up to
# three lines in the page header and below for the footer
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.9, "bottom": 0.6, "header": 0.3, "footer": 0.3}
# A landscape page's printable width in pixels of a 96-dpi screen (US Letter, the narrower of
# Letter and A4, less the side margins), the width of a column of w characters in them (as
# Excel counts with Calibri 11: 7 per character and 5 of padding), and the smallest scale a
# printed tab is fitted at: below it (11-point text at 6.6 points) the page is unreadable and
# the tab prints on more pages across instead, its first column repeated on each.
PAGE_PIXELS = (11 - MARGINS["left"] - MARGINS["right"]) * 96
SMALLEST_SCALE = 0.6


def _pixels(width: float) -> float:
    return width * 7 + 5


def pages_wide(widths: list[float]) -> int:
    """How many pages across a tab with columns ``widths`` (characters) is printed: one,
    fitted to the page, unless that would print it smaller than ``SMALLEST_SCALE``; then as
    few as hold it at that scale, its first column (the key: customer, bank line, invoice)
    repeated on each page."""
    room = PAGE_PIXELS / SMALLEST_SCALE
    total = sum(_pixels(w) for w in widths)
    if total <= room:
        return 1
    key = _pixels(widths[0])
    return math.ceil((total - key) / max(room - key, room / 2))


def print_title_rows(tab: Tab, header_row: int, rows: int, labelled: bool) -> str | None:
    """The rows repeated at the top of each printed page (``header_on_each_page``): the
    header row, and the translated label row over it on an Arabic tab, which is what its
    reader reads."""
    if not header_on_each_page(tab, rows):
        return None
    return f"{header_row - 1 if labelled else header_row}:{header_row}"


CM_PIXELS = 96 / 2.54  # a chart's size is in centimetres, a column's and a row's in pixels
DEFAULT_WIDTH = 8.43  # characters: a column the writer did not size
DEFAULT_ROW_PIXELS = 20  # a 15-point row


def _width(ws, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else DEFAULT_WIDTH


def chart_range(ws) -> tuple[str, list[float]] | None:
    """The cells a tab's charts cover (``G2:X33`` on the Dashboard) and those columns'
    widths; None without charts. The charts sit beside the table, so they show on opening
    however long it is; printed, this range is a print area of its own after the table's:
    without it a printed or PDF pack (Excel's Save as PDF, LibreOffice) has no charts, and
    one area spanning table and charts would print the table two pages across (or too small
    to read) and, beside a long table, a page of its first column on each band of rows."""
    cols, rows = [], []
    for chart in ws._charts:
        if not isinstance(chart.anchor, str):  # the writer anchors charts at a cell
            continue
        letter, row = coordinate_from_string(chart.anchor)
        col = column_index_from_string(letter)
        room = chart.width * CM_PIXELS - _pixels(_width(ws, col))
        last = col
        while room > 0:
            last += 1
            room -= _pixels(_width(ws, last))
        cols += [col, last]
        rows += [row, row + math.ceil(chart.height * CM_PIXELS / DEFAULT_ROW_PIXELS) - 1]
    if not cols:
        return None
    ref = (f"{get_column_letter(min(cols))}{min(rows)}:"
           f"{get_column_letter(max(cols))}{max(rows)}")
    return ref, [_width(ws, j) for j in range(min(cols), max(cols) + 1)]


def print_setup(ws, tab: Tab, widths: list[float], header_row: int, last_row: int, *,
                 arabic: bool) -> None:
    """Printed, a tab shows its tables (not the caption beside them, which goes into the page
    header instead), landscape, fitted to the page width (``pages_wide``), the header row on
    every page of a table that runs over pages; each page numbered, with the tab's name."""
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    charts = chart_range(ws)
    across = pages_wide(widths)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = across, 0
    title_rows = print_title_rows(tab, header_row, last_row - header_row, arabic)
    if title_rows:
        ws.print_title_rows = title_rows
    if across > 1:
        ws.print_title_cols = "A:A"
        # a band of rows is printed across before the next band: the amounts of a row on
        # the page beside its customer, not a dozen pages after all the customers
        ws.page_setup.pageOrder = "overThenDown"
    width = max([len(widths)] + [len(b.frame.columns) for b in tab.blocks])
    table = f"A1:{get_column_letter(max(width, 1))}{max(ws.max_row, last_row, 1)}"
    # the charts on the pages after the table's, at the table's scale: narrower than the
    # page the table is fitted to (two charts side by side on the Dashboard fit its width)
    ws.print_area = [table, charts[0]] if charts else table
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, inches)
    if tab.title:
        ws.oddHeader.center.text = page_header(tab.title)
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.center.text = PAGE_FOOTER[arabic]
    ws.oddFooter.right.text = "&F"
