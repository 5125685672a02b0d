"""Lines a report prints at its foot or at each page's foot, not records: when it was run
("Monday, November 23, 2026 01:02 AM GMT+02:00", QuickBooks' "Accrual Basis ..." line), its
page count ("Page 1 of 3", "صفحة ١ من ٣"), who printed it ("Printed by", "تاريخ الطباعة"),
"End of Report", and a clerk's note or sign-off under a hand-kept list ("Note: ...",
"ملاحظة: ...", "Prepared by"). Each is a text alone in its row; a page or print line is one
wherever it stands, a bare date and time or a note only below the last record (above it, a
text alone is a record missing the rest). A customer list keyed by name would otherwise take the stamp for a
customer. A signature block under the list ("المحاسب ... المدير المالي", "Prepared by: ...
Approved by: ...", a name under each title) holds two texts or more on a row: below the last
row with an amount or a date, each of its texts a sign-off (a role, a signature or stamp
line, a blank to fill), it is one too, with the rows under it. They hold no value of the
ledger, so they are set aside without an Input Issue, as a report's group headings are
(``report_rows.group_headings``)."""

from __future__ import annotations

import re
from datetime import date
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


# A cell of a signature block: who signs ("Prepared by", "المحاسب", "المدير المالي") or where
# ("Signature: ....", "توقيع:", "الختم"), the rest of the cell a name or a blank to fill.
_SIGN_OFF = re.compile(
    r"(?i)^(?:prepared|approved|reviewed|checked|verified|audited|authori[sz]ed|received)"
    r"\s+by\b|^(?:signature|signed|sign|stamp|seal|company\s+stamp)\b|"
    r"^(?:(?:chief\s+|senior\s+)?accountant|(?:chief\s+)?financial\s+officer|cfo|ceo|"
    r"(?:general|finance|financial|credit|accounts?|sales)\s+manager|managing\s+director|"
    r"(?:financial\s+)?controller|credit\s+controller|auditor|cashier|treasurer|"
    r"ar\s+clerk|accounts\s+receivable\s+clerk)\s*(?:$|[:：/\-–])|"
    r"^(?:ال)?(?:توقيع|ختم)|^(?:إعداد|اعداد|المعد|أعده|اعده|اعتماد|المعتمد|اعتمده|"
    r"مراجع[ةه]|المراجع|راجعه|تدقيق|المدقق|دققه|استلام|المستلم)\s*(?:$|[:：/\-–]|بواسط)|"
    r"^(?:المحاسب|محاسب|رئيس\s+الحسابات|المدير\s+المالي|المدير\s+العام|مدير\s+الحسابات|"
    r"مدير\s+الائتمان|مدير\s+المبيعات|المدير|أمين\s+الصندوق|امين\s+الصندوق|الصراف|"
    r"مراقب\s+الائتمان|المراقب\s+المالي)\s*(?:$|[:：/\-–])")
# a label and a blank to fill beside the signatures ("Date: ______", "التاريخ: ......"), or
# the blank alone
_BLANK_TO_FILL = re.compile(r"^(?:[^\d:：]{1,25}[:：])?\s*[._\-–—ـ…/]*\s*$")


_BLOCK_ROWS = 12  # a signature block's rows at most (a list of texts is not read through)


def sign_off(text: Any) -> bool:
    """Whether a text is a cell of a signature block (``Prepared by``, ``المحاسب``,
    ``توقيع: ....``)."""
    return isinstance(text, str) and bool(_SIGN_OFF.search(text.strip()))


def _dated(value: Any) -> bool:
    """A date cell, or a date typed (``30/11/2026``, ``Date: 30/11/2026``, ``التاريخ: ...``)."""
    if isinstance(value, date):
        return True
    if not isinstance(value, str):
        return False
    text = re.sub(r"^[^\d:：]{1,25}[:：]\s*", "", normalize_digits(value).strip())
    try:
        parse_date_text(text)
    except ValueError:
        return False
    return True


def _sign_cell(value: Any) -> bool:
    """A cell a signature row may hold: a sign-off, a blank to fill, the day it was signed."""
    return sign_off(value) or (isinstance(value, str) and _BLANK_TO_FILL.match(value)
                               is not None) or _dated(value)


def signature_rows(columns: list[np.ndarray], keep: np.ndarray) -> list[tuple[int, int]]:
    """(position, first filled column) of the rows of a signature block at the list's foot:
    from a row of a sign-off (a role alone, ``المحاسب``) or of two cells or more, each a
    sign-off (one at least), a blank to fill or the day signed (``Date: 30/11/2026``, a
    date cell), to the end, every other row of it texts alone with no figure (so no
    amount: every row with one is above it), and not the list's first row. A record
    missing its amount is no such row: its texts are not sign-offs."""
    rows = np.flatnonzero(keep).tolist()
    block: list[tuple[int, list[Any]]] = []
    for pos in reversed(rows[-_BLOCK_ROWS:]):
        cells = [c[pos] for c in columns if not is_blank(c[pos])]
        if not all(isinstance(c, str) and not any(ch.isdigit() for ch in c) for c in cells) \
                and not (any(sign_off(c) for c in cells) and all(map(_sign_cell, cells))):
            break  # (a figure: an amount, a date, a number; the rows from here up are read)
        block.append((pos, cells))
    block.reverse()
    start = next((k for k, (_, cells) in enumerate(block) if cells
                  and any(sign_off(c) for c in cells) and all(map(_sign_cell, cells))), None)
    if start is None or block[start][0] == (rows[0] if rows else -1):
        return []  # (no sign-off, or nothing above it: a list of texts, not its foot)
    return [(pos, next(j for j, c in enumerate(columns) if not is_blank(c[pos])))
            for pos, _ in block[start:]]


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
    required ones) filled are looked at cell by cell: a record fills more. And the rows of a
    signature block at the foot (``signature_rows``), at their first filled column."""
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
        if print_line(value) or (pos > last_record and (run_stamp(value) or note_line(value)
                                                        or sign_off(value))):
            found.append((pos, at))
    signed = signature_rows(columns, keep)
    taken = {pos for pos, _ in found}
    return found + [(pos, at) for pos, at in signed if pos not in taken]
