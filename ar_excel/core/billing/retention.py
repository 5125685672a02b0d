"""Retention invoices: the part of a contract's price a customer holds back until the works
are accepted, billed to fall due long after the terms (a construction contract releases it
12 months after completion).

Rule: an invoice is a retention invoice where a text column of its row (a type, a
description, a narration) says so: "Retention", "Retainage", "محتجزات", "ضمان أعمال". Words
that take retention off a progress invoice ("less retention 10 %", "بعد خصم المحتجزات") do
not make it one. Its due date later than the customer's terms is expected, not an error.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.api.types import is_object_dtype, is_string_dtype

from ar_excel.model import ROW, SHEET

_RETENTION = re.compile(r"(?i)\bretentions?\b|\bretainage\b|محتجز|ضمان\s*(?:ال)?[اأإ]عمال")
_TAKEN_OFF = re.compile(
    r"(?i)\b(?:less|net\s+of|after|minus|excl\.?|excluding|deduct\w*)\s+(?:the\s+)?"
    r"(?:\d+(?:\.\d+)?\s*%\s*)?(?:retention|retainage)|(?:خصم|بعد|ناقص)\s+(?:ال)?محتجز")
# columns whose text is a key or a code, never a narration (and the frame's own, "_...")
_KEYS = ("Invoice No", "Customer ID", "Currency", "Customer PO", "Payment Reference", ROW,
         SHEET)


def retention_invoices(invoices: pd.DataFrame) -> pd.Series:
    """Whether each invoice is marked a retention invoice (module docstring)."""
    marked = pd.Series(False, index=invoices.index)
    for column in invoices.columns:
        if column in _KEYS or str(column).startswith("_") or not (
                is_object_dtype(invoices[column]) or is_string_dtype(invoices[column])):
            continue
        cells = invoices[column]
        try:
            says = cells.str.contains(_RETENTION, na=False)  # (a cell not a text: False)
        except AttributeError:  # no text in the column at all (dates, numbers, blanks)
            continue
        if says.any():
            marked |= says & ~cells.str.contains(_TAKEN_OFF, na=False)
    return marked
