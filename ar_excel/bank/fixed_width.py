"""Statements printed to a text file in fixed-width columns (core-banking reports: Flexcube,
T24, an "Account Statement" saved as .txt): a header line, a ruler of dashes under it, and the
lines aligned under the ruler's dashes.

The rule: the columns are the ruler's runs of dashes (``----------  ----------  ------``);
each line is cut into its pieces of text (two spaces or more apart), and each piece belongs to
the column whose dashes it overlaps most (the nearest, where it overlaps none), so text that
runs a little past its column or amounts aligned right are not cut; a page footer ("Page 1 of
2") goes to the widest column, the narrative's, where a table export prints it. Lines above the first
header are the report's preamble (account, period, currency), their pieces as cells. A
ruler repeated on each page is no line; its header is a repeated page header, left to the
table reader. A ruler drawn in one run across the page ("--------------------") marks no
columns: they are then the header's own pieces of text (two spaces or more apart), as an
Egyptian core-banking report prints "التاريخ      البيان      مدين      دائن      الرصيد" over
one rule. A file with no ruler, or whose header has a delimiter, is not read here.
"""

from __future__ import annotations

import re

_RULER = re.compile(r"^\s*[-=_]{3,}(?:\s+[-=_]{3,}){2,}\s*$")
_ONE_RULE = re.compile(r"^\s*[-=_]{20,}\s*$")  # a rule across the page, in one run
_DASHES = re.compile(r"^[\s\-=_]*[-=_]{3,}[\s\-=_]*$")
_PAGE = re.compile(r"(?i)^\s*(?:page|صفحة|seite)\s*\d+(?:\s*(?:of|/|من|von)\s*\d+)?\s*$")
_PIECE = re.compile(r"\S+(?: \S+)*")
_DELIMITERS = (",", ";", "\t", "|", "،")


def _spans(ruler: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[-=_]+", ruler)]


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """A line's pieces of text, each in the column whose dashes it overlaps most."""
    cells = [""] * len(spans)
    for m in _PIECE.finditer(line):
        start, end = m.span()
        overlap = [min(end, e) - max(start, s) for s, e in spans]
        best = max(range(len(spans)), key=lambda i: (overlap[i], -abs(
            (start + end) / 2 - (spans[i][0] + spans[i][1]) / 2)))
        cells[best] = f"{cells[best]} {m.group(0)}".strip()
    return cells


def _above(lines: list[str], i: int) -> str:
    """The nearest line above line ``i`` that holds anything ("" where none does)."""
    return next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")


def _header_line_above(lines: list[str], header: int, spans: list[tuple[int, int]]
                       ) -> int | None:
    """The line right above a header line that names fewer columns than its ruler marks,
    where that line holds the header's first words ("Booking  Value  Description  Debit" over
    "Date     Date"): a header printed over two lines. None where there is none."""
    if header == 0 or len(_PIECE.findall(lines[header])) >= len(spans):
        return None
    above = lines[header - 1]
    if any(d in above for d in _DELIMITERS) or len(_PIECE.findall(above)) < 3:
        return None
    return header - 1 if sum(bool(c) for c in _cells(above, spans)) * 2 > len(spans) else None


def fixed_width_rows(text: str) -> tuple[list[list[str]], list[int]] | None:
    """The rows of a fixed-width report (see the module's rule) with their 1-based line
    numbers, or None where the text is not one."""
    head = text[:40_000].splitlines()[:200]  # a delimited file is told apart by its head
    if not any(_RULER.match(line) or _ONE_RULE.match(line) for line in head):
        return None
    lines = text.splitlines()
    rulers = [i for i, line in enumerate(lines[:200]) if _RULER.match(line)]
    if not rulers:  # one rule across the page: under the header, or above and under it
        rules = [i for i, line in enumerate(lines[:200]) if _ONE_RULE.match(line)]
        rulers = [i for i in rules if i > 0 and len(_PIECE.findall(lines[i - 1])) >= 3]
        if not rulers:  # a blank line between the header and its rule (not before: a rule
            # may stand under a blank line below the preamble, above the header)
            rulers = [i for i in rules if len(_PIECE.findall(_above(lines, i))) >= 3]
        if not rulers:
            return None
    first = rulers[0]
    header = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
    if header is None or any(d in lines[header] for d in _DELIMITERS):
        return None
    spans = _spans(lines[first])
    one_rule = len(spans) == 1
    if one_rule:  # (the rule marks no columns: the header's pieces do)
        spans = [m.span() for m in _PIECE.finditer(lines[header])]
    top = _header_line_above(lines, header, spans) if not one_rule else None
    if len(_PIECE.findall(lines[header])) < 3 and top is None:
        return None
    after = [line for line in lines[first + 1:first + 200] if line.strip()]
    if sum(any(d in line for d in ("\t", ";", "|")) for line in after) * 2 > len(after):
        return None  # a delimited file under a decorative rule
    if one_rule and sum(len(_PIECE.findall(line)) >= 3 for line in after) * 2 <= len(after):
        return None  # a title over one rule, a CSV under it: its lines are no printed columns
    rows: list[list[str]] = []
    numbers: list[int] = []
    widest = max(range(len(spans)), key=lambda k: spans[k][1] - spans[k][0])
    for i, line in enumerate(lines):
        if _DASHES.match(line) or i == header and top is not None:
            continue  # a ruler, the rule drawn over a totals row, a header's second line
        if i == top:  # a header over two lines: each column's words together
            rows.append([f"{a} {b}".strip() for a, b in zip(
                _cells(line, spans), _cells(lines[header], spans), strict=True)])
        elif i < header:  # "Account No : 123   Currency : EGP": each label with its value
            rows.append(_PIECE.findall(line))
        elif _PAGE.match(line):  # a page footer, in the widest (the narrative's) column
            rows.append([line.strip() if k == widest else "" for k in range(len(spans))])
        else:
            rows.append(_cells(line, spans))
        numbers.append(i + 1)
    return rows, numbers
