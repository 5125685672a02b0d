"""The sheets of an OpenDocument spreadsheet's ``content.xml``, element by element.

Both readers of what the cell reader does not give for an .ods file (merged cells,
``ods_merges``; error cells, ``ods_errors``) walk the same structure: each sheet is a
``table:table`` of ``table:table-row`` elements holding ``table:table-cell`` and
``table:covered-table-cell`` elements; a table inside a cell (a nested table) is not the
sheet's, and rows and cells repeated (``number-rows-repeated``, ``number-columns-repeated``)
count as many. The XML is parsed with defusedxml (entities and DTDs refused).

Within a read of the workbook (``read_once``), ``content.xml`` is unzipped once and shared by
all of them (the merges, the error cells, the hidden rows and columns), in whichever thread
asks first.
"""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
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


_SHARED: dict[str, list[Any]] = {}  # file -> [reads under way, its content.xml or None]
_LOCK = threading.Lock()


@contextmanager
def read_once(path: Path) -> Iterator[None]:
    """Within the block, the ``content.xml`` of the .ods file ``path`` is unzipped once for
    every look into it (``content_xml``), and let go at its end."""
    key = str(path)
    with _LOCK:
        _SHARED.setdefault(key, [0, None])[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            shared = _SHARED[key]
            shared[0] -= 1
            if not shared[0]:
                del _SHARED[key]


def content_xml(path: Path) -> bytes:
    """The ``content.xml`` of an .ods file: unzipped once within ``read_once``, else each
    time. Raises what opening the archive raises (OSError, KeyError, BadZipFile)."""
    with _LOCK:  # (a thread asking meanwhile waits for the one unzipping it)
        shared = _SHARED.get(str(path))
        if shared is not None:
            if shared[1] is None:
                shared[1] = _unzip(path)
            return shared[1]
    return _unzip(path)


def _unzip(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("content.xml")
