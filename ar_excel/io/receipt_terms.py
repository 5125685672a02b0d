"""Payment terms counted from the goods' receipt or delivery, not the invoice date: "30 يوم
من تاريخ الاستلام", "30 days from receipt", "45 days after delivery", "Net 30 from delivery".
The days are read as any terms' (30); beside them the reader marks the rows so counted
(``TERMS_FROM_RECEIPT``), as it marks terms counted from a month's end, for the billing checks:
the day the goods arrived is in no sheet, so a due date some days later than the invoice date
plus the terms is what such terms give, not an inconsistency."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.parsing import ValueTypes, parse_terms
from ar_excel.parsing.digits import normalize_digits

_FROM_RECEIPT = re.compile(
    r"(?i)\b(?:from|after|of|upon|on)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+)?(?:goods\s+)?"
    r"(?:receipt|receiving|delivery|delivered|grn|acceptance)\b"
    r"(?:\s+of\s+(?:the\s+)?(?:goods|invoice|materials?))?|"
    r"(?:من|بعد)\s*(?:تاريخ\s*)?(?:ال)?(?:استلام|إستلام|تسليم|توريد|وصول|تسلم)"
    r"(?:\s*(?:ال)?(?:بضاعة|بضاعه|فاتورة|فاتوره|بضائع))?")


def counts_from_receipt(text: str) -> bool:
    return bool(_FROM_RECEIPT.search(normalize_digits(text)))


def receipt_rows(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                 errors: dict[int, str]) -> tuple[pd.Series, pd.Series | None]:
    """The terms (``series``, parsed) with those only the receipt wording kept from being
    read ("Net 30 from delivery") read without it, their errors dropped; and the rows whose
    terms count from receipt or delivery (None when none do)."""
    where = np.flatnonzero(value_kinds.mask(str))
    if not len(where):
        return series, None
    texts = values[where].tolist()
    joined = "\n".join(texts)
    if not re.search(r"(?i)receipt|receiv|deliver|grn|accept|استلام|تسليم|توريد|وصول|تسلم",
                     joined):
        return series, None
    flags = np.zeros(len(values), dtype=bool)
    # (each wording read once: a register repeats its terms)
    read: dict[str, bool] = {}
    days_of: dict[str, int | None] = {}
    for pos, text in zip(where.tolist(), texts, strict=True):
        counted = read.get(text)
        if counted is None:
            counted = read[text] = counts_from_receipt(text)
        if not counted:
            continue
        if pos in errors:
            if text not in days_of:
                days_of[text] = _without_the_wording(text)
            days = days_of[text]
            if days is None:
                continue
            series.iat[pos] = days  # (the column as just parsed: its own)
            del errors[pos]
        flags[pos] = True
    if not flags.any():
        return series, None
    return series, pd.Series(flags, copy=False)


def _without_the_wording(text: str) -> int | None:
    bare = " ".join(_FROM_RECEIPT.sub(" ", normalize_digits(text)).split())
    try:
        return parse_terms(bare)
    except ValueError:
        return None

