"""Lines a report prints at its foot or at each page's foot, not records: when it was run
("Monday, November 23, 2026 01:02 AM GMT+02:00", QuickBooks' "Accrual Basis ..." line), its
page count ("Page 1 of 3", "صفحة ١ من ٣"), who printed it ("Printed by", "تاريخ الطباعة"),
"End of Report", and a clerk's note or sign-off under a hand-kept list ("Note: ...",
"ملاحظة: ...", "Prepared by"). Each is a text alone in its row; a page or print line is one
wherever it stands, a bare date and time or a note only below the last record (above it, a
text alone is a record missing the rest). A customer list keyed by name would otherwise take the stamp for a
customer. They hold no value of the ledger, so they are set aside without an Input Issue, as
a report's group headings are (``report_rows.group_headings``)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.parsing import ValueTypes, blank_mask, is_blank, normalize_digits, parse_date_text

_PRINT_LINE = re.compile(
    r"(?i)^(?:accrual|cash)\s+basis\b|^page\s*:?\s*\d+\s*(?:of|/)\s*\d+\s*$|"
    r"^(?:printed|generated|exported|created|run)\s+(?:on|by|at|date)\b|^(?:run|print)\s+date\b|"
    r"^report\s+(?:generated|printed|run)\b|^\**\s*end\s+of\s+(?:the\s+)?report\b|"
    r"^صفح[ةه]\s*:?\s*\d+\s*(?:من|/)\s*\d+\s*$|^تاريخ\s+(?:الطباع[ةه]|الاستخراج)|"
    r"^(?:طبع|طُبع|تم\s+الطباع[ةه]|تمت\s+الطباع[ةه])\s|^\**\s*نهاي[ةه]\s+التقرير")
# a time zone after a run stamp's time ("01:02 AM GMT+02:00", "10:15 UTC")
_ZONE = re.compile(r"(?i)\s*(?:GMT|UTC|Z)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\s*$|\s*[+-]\d{2}:?\d{2}\s*$")
_TIME = re.compile(r"\d{1,2}:\d{2}")
# A clerk's note or sign-off under a hand-kept list ("Note: limits approved by the CFO",
# "ملاحظة: ...", "Prepared by: Ahmed"): a footer only below the last record.
_NOTE_LINE = re.compile(
    r"(?i)^(?:notes?|n\.\s?b\.?|remarks?|comments?|ملاحظ[ةه]|ملاحظات|ملحوظ[ةه]|تنبيه)\s*[:：\-–]|"
    r"^(?:prepared|approved|reviewed|checked|authori[sz]ed)\s+by\b|"
    r"^(?:إعداد|اعداد|اعتماد|مراجع[ةه]|أعده|اعده|اعتمده|توقيع)\s*[:：]")


def print_line(text: Any) -> bool:
    """Whether a text is a report's page or print line (``Page 1 of 3``, ``Printed on``)."""
    return isinstance(text, str) and bool(_PRINT_LINE.search(normalize_digits(text).strip()))


def note_line(text: Any) -> bool:
    """Whether a text is a note or sign-off line of a hand-kept list (``Note: ...``)."""
    return isinstance(text, str) and bool(_NOTE_LINE.search(normalize_digits(text).strip()))


def run_stamp(text: Any) -> bool:
    """Whether a text is the date and time a report was run (a date with a time of day)."""
    if not isinstance(text, str):
        return False
    s = normalize_digits(text).strip()
    s = re.sub(r"(?i)^(?:accrual|cash)\s+basis\s+", "", s)
    if not _TIME.search(s):
        return False
    try:
        parse_date_text(_ZONE.sub("", s))
    except ValueError:
        return False
    return True


def footer_rows(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                blanks: dict[int, np.ndarray], keys: list[int]) -> list[tuple[int, int]]:
    """(position, column) of the report's page and print lines among the rows kept: a text
    alone in its row saying so, anywhere; a run stamp alone in its row below the last row
    with more than one value. Only rows with at most one of the ``keys`` columns (the
    required ones) filled are looked at cell by cell: a record fills more."""
    if not columns or not len(keep):
        return []
    filled_keys = np.zeros(len(keep), dtype=np.int64)
    for j in keys:
        filled_keys += ~(blanks[j] if j in blanks else blank_mask(columns[j], types[j]))
    records = np.flatnonzero(keep & (filled_keys >= 2))
    last_record = int(records[-1]) if len(records) else -1
    found, lone = [], []
    for pos in np.flatnonzero(keep & (filled_keys <= 1)).tolist():
        cells = [j for j, c in enumerate(columns) if not is_blank(c[pos])]
        if len(cells) >= 2:
            last_record = max(last_record, pos)
        elif len(cells) == 1:
            lone.append((pos, cells[0]))
    for pos, at in lone:
        value = columns[at][pos]
        if print_line(value) or (pos > last_record and (run_stamp(value) or note_line(value))):
            found.append((pos, at))
    return found
