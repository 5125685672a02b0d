"""Statements exported as text records, one ``Label: value`` line per field (Santander UK's
"text file" download and portals like it)::

    From: 01/11/2026 to 30/11/2026
    Account: XXXX XXXX XXXX 1234

    Date: 03/11/2026
    Description: FASTER PAYMENTS RECEIPT REF INV-1001 FROM ACME TRADING LTD
    Amount: 1250.00 GBP
    Balance: 11250.00 GBP

The rule: where most lines of a text file are ``Label: value`` lines grouped into records
(separated by blank lines), and at least two records share labels that name a date and money,
the shared labels are the header and each such record a row; the lines above the first record
are the account lines above a header, and any other record (a summary, a closing balance) a row
of its own, which the table rules then read or report. A line without a label continues the
value above it. Nothing else is changed: the rows go through the same table import as a CSV.
"""

from __future__ import annotations

import re
from collections import Counter

from ar_excel.bank.column_words import match_columns

# a label: words (Latin or Arabic letters, spaces, a few marks), never a CSV row's commas
_LABELLED = re.compile(r"^\s*([^\W\d_][\w .()/#&'-]{0,38}?)\s*:\s*(.*?)\s*$")


def labelled_rows(text: str) -> tuple[list[list[str]], list[int]] | None:
    """The records of a ``Label: value`` text export as table rows (header first) and the file
    line of each row; None where the text is not such an export."""
    head = [ln for ln in text[:20_000].splitlines()[:200] if ln.strip()][:60]
    if len(head) < 6:
        return None
    labelled = [_LABELLED.match(ln) for ln in head]  # a look at the start decides
    if sum(1 for m in labelled if m) < 0.6 * len(head) or any(
            m and m.group(2).count(",") > 3 for m in labelled[:5]):
        return None
    lines = text.splitlines()
    records: list[tuple[int, list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] | None = None
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            current = None
            continue
        m = _LABELLED.match(line)
        if m is None:
            if current:  # a value continued on the next line
                label, value = current[-1]
                current[-1] = (label, f"{value} {line.strip()}".strip())
            else:
                records.append((no, [("", line.strip())]))
            continue
        label, value = m.group(1).strip(), m.group(2)
        if current is None or label in {lbl for lbl, _ in current}:
            current = []
            records.append((no, current))
        current.append((label, value))
    shapes = Counter(tuple(lbl for lbl, _ in fields) for _, fields in records if len(fields) >= 3)
    if not shapes:
        return None
    header, count = shapes.most_common(1)[0]
    layout = match_columns(list(header), None)
    if count < 2 or layout is None or not (
            {"Date", "Value Date"} & set(layout.columns)
            and {"Amount", "Debit", "Credit"} & set(layout.columns)):
        return None
    first = next(no for no, fields in records if tuple(lbl for lbl, _ in fields) == header)
    rows: list[list[str]] = []
    numbers: list[int] = []
    for no, fields in records:
        if no < first:  # the account lines above the records
            for offset, (label, value) in enumerate(fields):
                rows.append([f"{label}:" if label else "", value] if label else [value])
                numbers.append(no + offset)
    rows.append(list(header))
    numbers.append(first)
    for no, fields in records:
        if no < first:
            continue
        values = dict(fields)
        if set(values) <= set(header):
            rows.append([values.get(label, "") for label in header])
        else:  # another record (a summary): its text in the first cell, values after it
            rows.append([" ".join(f"{label}: {value}" if label else value
                                  for label, value in fields)])
        numbers.append(no)
    return rows, numbers
