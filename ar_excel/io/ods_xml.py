"""The sheets of an OpenDocument spreadsheet's ``content.xml``, element by element.

Both readers of what the cell reader does not give for an .ods file (merged cells,
``ods_merges``; error cells, ``ods_errors``) walk the same structure: each sheet is a
``table:table`` of ``table:table-row`` elements holding ``table:table-cell`` and
``table:covered-table-cell`` elements; a table inside a cell (a nested table) is not the
sheet's, and rows and cells repeated (``number-rows-repeated``, ``number-columns-repeated``)
count as many. The XML is parsed with defusedxml (entities and DTDs refused).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from defusedxml import ElementTree

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
SHEET = f"{{{TABLE}}}table"
ROW = f"{{{TABLE}}}table-row"
CELLS = (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell")
NAME = f"{{{TABLE}}}name"
ROWS_REPEATED = f"{{{TABLE}}}number-rows-repeated"
COLS_REPEATED = f"{{{TABLE}}}number-columns-repeated"


def count(element: Any, attribute: str) -> int:
    """A repeat or span attribute's number, at least 1."""
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def sheet_elements(data: bytes) -> Iterator[tuple[str, Any, str]]:
    """(event, element, sheet name) for each sheet's start (tag ``SHEET``, so its rows can be
    counted from 0) and for the "start" and "end" of the elements that are the sheet's own,
    in document order. A sheet's element is cleared at its end."""
    depth, sheet = 0, ""
    for event, element in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        if element.tag == SHEET:
            if event == "start":
                depth += 1
                if depth == 1:
                    sheet = element.get(NAME, "")
                    yield event, element, sheet
            else:
                depth -= 1
                element.clear()
        elif depth == 1:
            yield event, element, sheet
