"""The CSV dialect of a statement export: its delimiter, and narratives that hold it.

The rule: the delimiter is the one (``;``, ``,``, tab, ``|``, the Arabic comma) that splits
most rows into the same number of fields, weighted by that number. A row longer than the
header because its narrative holds the delimiter unquoted ("TT IN ACME, LLC") has the
narrative's parts joined back, where that leaves an amount or nothing in every money column.
An amount whose thousands separator is the delimiter, unquoted ("2,000.75" in a comma file:
cells "2" and "000.75") is joined back the same way: a money cell of one to three digits
followed by a cell of three digits (and its decimals) in a row longer than the header is one
amount, never the "2" it would otherwise silently read as. Where a row reads either way and
the narrative would take in nothing but the blank cell after it (a credit's empty Debit),
the amount is the one split.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from typing import Any

from ar_excel.bank.cells import filled_width
from ar_excel.bank.column_words import Layout
from ar_excel.bank.marks import WORD_AFTER
from ar_excel.bank.numbers import parse_amount
from ar_excel.parsing import is_blank, normalize_digits


def narratives_split_by_the_delimiter(data: list[list[Any]], layout: Layout, delimiter: str
                                       ) -> tuple[list[list[Any]], list[int]]:
    """Rows longer than the header because the narrative holds the delimiter unquoted
    ("TT IN ACME, LLC" in a comma file): the narrative's parts joined back, where that puts
    an amount or nothing in every money column. Returns the rows and the positions mended."""
    width = max((i + 1 for i, h in enumerate(layout.headers) if h), default=0)
    desc = layout.columns["Description"]
    money = [layout.columns[c] for c in ("Amount", "Debit", "Credit", "Balance")
             if c in layout.columns]
    if not money or width <= desc:
        return data, []
    # The fields a row has, not its last filled cell, say how far the narrative spilled: a
    # debit's Credit (or Balance) left blank at the end of the row is a field all the same,
    # and counting only to the last filled cell left the debit unjoined, its amount read
    # from the narrative's tail ("no amount", or the Debit taken for the Credit).
    fields = max(width, _usual_length(data))
    longer = [pos for pos, row in enumerate(data) if len(row) > width and (
        any(not is_blank(c) for c in row[width:])
        or (len(row) > fields and not _moneys(row, money)))]
    if len(longer) > 1 and len(longer) * 5 > len(data):
        # many rows fill columns the header does not name: a layout, no error, where their
        # money cells read as they are; a row whose money cell is words ("TRANSFER FROM NILE
        # PHARMA, INV-2026-1001": the narrative's tail in the Amount) is split all the same
        # (a bank writing commas in its narratives does so on many lines of a short file)
        longer = [pos for pos in longer if not _moneys(data[pos], money)]
    if not longer:
        return data, []
    out, mended = data, []
    # an amount split at its thousands comma ("EGP 37" | "000.50") is the amounts' to join
    # where the narrative would take in nothing but the blank cell after it (the empty Debit
    # of a credit): joined so, the split amount read as Debit 37 and Credit 0.50. A part
    # with words or digits ("INV 55, 56") is the narrative's.
    in_order = sorted(layout.columns[c] for c in ("Amount", "Debit", "Credit", "Balance")
                      if c in layout.columns)
    for pos in longer:
        row = data[pos]
        if (delimiter == "," and desc + 1 < len(row) and is_blank(row[desc + 1])
                and _amounts_joined(row, width, in_order) is not None):
            continue
        filled = filled_width(row)
        for extra in dict.fromkeys((filled - width, len(row) - fields)):
            if extra <= 0 or len(row) < desc + extra + 1:
                continue
            joined = (row[:desc] + [delimiter.join(row[desc: desc + extra + 1])]
                      + row[desc + extra + 1:])
            if _moneys(joined, money):
                break
        else:
            continue
        if out is data:
            out = list(data)
        out[pos] = joined
        mended.append(pos)
    return out, mended


def _usual_length(data: list[list[Any]]) -> int:
    """The number of fields most rows have (the longer when as many have each): the header's,
    with the trailing delimiter some exports put on every row."""
    counts = Counter(map(len, data))
    return max(counts, key=lambda n: (counts[n], n), default=0)


_HEAD = re.compile(r"^[-+(]?\s*(?:[A-Z]{3}\s*)?\d{1,3}(?:,\d{3})*$")  # "2", "-12", "SAR 1,250"
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?(?:\)|-|\s*" + WORD_AFTER + r")?$")  # "000.75", "250 Cr"


def amounts_split_by_the_delimiter(data: list[list[Any]], layout: Layout, delimiter: str
                                   ) -> tuple[list[list[Any]], list[int]]:
    """Rows longer than the header because an amount's thousands separator is the delimiter,
    unquoted: each money cell that is the head of such an amount is joined with its groups.
    Returns the rows and the positions mended."""
    if delimiter != ",":
        return data, []
    width = max((i + 1 for i, h in enumerate(layout.headers) if h), default=0)
    money = sorted(layout.columns[c] for c in ("Amount", "Debit", "Credit", "Balance")
                   if c in layout.columns)
    if not money:
        return data, []
    out, mended = data, []
    for pos, row in enumerate(data):
        cells = _amounts_joined(row, width, money)
        if cells is not None:
            if out is data:
                out = list(data)
            out[pos] = cells
            mended.append(pos)
    return out, mended


def _amounts_joined(row: list[Any], width: int, money: list[int]) -> list[Any] | None:
    """``row`` with its split amounts joined back, where that makes it as long as the header
    (``width``); else None."""
    if len(row) <= width:
        return None
    filled = filled_width(row)
    if filled <= width:
        return None
    cells = list(row)
    joined = False
    for i in money:  # left to right: a join shifts the columns after it back into place
        while (filled > width and i + 1 < len(cells) and isinstance(cells[i], str)
               and isinstance(cells[i + 1], str)
               and _HEAD.match(_bare(cells[i])) and _GROUP.match(_bare(cells[i + 1]))
               and "." not in _bare(cells[i])):
            cells[i: i + 2] = [f"{cells[i].strip()},{cells[i + 1].strip()}"]
            filled -= 1
            joined = True
    return cells if joined and filled == width else None


def columns_in_the_file(raw: list[str], joined: list[str], delimiter: str) -> list[int]:
    """The column of ``raw`` (a CSV row as the delimiter split it: as Excel shows it) each
    cell of ``joined`` (the row with its split narrative or amount joined back, above)
    starts at."""
    starts, k = [], 0
    for cell in joined:
        starts.append(k)
        width = 1
        if k < len(raw) and cell != raw[k]:  # parts joined back: as many as make the cell
            width = next((m for m in range(2, len(raw) - k + 1) if cell in (
                delimiter.join(raw[k:k + m]), ",".join(c.strip() for c in raw[k:k + m]))), 1)
        k += width
    return starts


def _bare(cell: str) -> str:
    return normalize_digits(cell).strip()


def _moneys(row: list[Any], money: list[int]) -> bool:
    """Whether every money cell of the row is blank or reads as an amount."""
    for i in money:
        cell = row[i] if i < len(row) else None
        if is_blank(cell):
            continue
        try:
            parse_amount(cell, ".")
        except ValueError:
            try:
                parse_amount(cell, ",")
            except ValueError:
                return False
    return True


def first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting the whole of a long file."""
    size = 8192
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count + 1:  # the cut can only touch the lines after these
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most rows into the same number (>1) of fields."""
    sample = [line for line in first_lines(text, 60) if line.strip()]
    best, best_score = ",", (-1, -1)
    for delim in (";", ",", "\t", "|", "\u060c"):  # U+060C: the Arabic comma
        counts: dict[int, int] = {}
        for fields in csv.reader(sample, delimiter=delim):
            counts[len(fields)] = counts.get(len(fields), 0) + 1
        width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
        # rows agreeing on a width, weighted by how many separators each has: a decimal comma
        # splits a ';' file into 2 fields on every row, the ';' into more
        score = (freq * (width - 1), width)
        if score > best_score:
            best, best_score = delim, score
    return best
