"""Credit limits kept in a column per currency (``Credit Limit EGP``, ``Credit Limit USD``,
``حد الائتمان (ج.م)``): each customer's limit is the one of its own currency. Where its
currency has no column (or it has none), the one limit filled on its row is taken; with
several filled and none of its currency, the first column's stands, as before, and an Input
Issue names the row. The reader reads the first column as the Credit Limit and carries the
others as written; this step picks, per row."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.io.headers import alias_index, header_field
from ar_excel.model import Issue
from ar_excel.parsing import parse_column, parse_currency
from ar_excel.schema import CUSTOMERS

_IN_THOUSANDS = re.compile(r"(?i)\([^)]*(?:'?\b000s?\b|thousands?|بالأ?[لا]ف|بالآلاف|ألف)[^)]*\)")


def in_thousands(header: str) -> bool:
    """A limit column headed as kept in thousands ("(EGP '000)", "(بالألف)")."""
    return bool(_IN_THOUSANDS.search(header))

_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_LAST_WORD = re.compile(r"(?:\s+|\s*[-/]\s*)([^\s()\[\]]+)\s*$")


def header_currency(header: str) -> str | None:
    """The ISO code a limit column's header names (``Credit Limit USD``, ``حد الائتمان
    (ج.م)``), or None."""
    m = _BRACKETED.search(header) or _LAST_WORD.search(header.strip())
    if m is None:
        return None
    unit = next(g for g in m.groups() if g is not None).strip()
    for said in (unit, *unit.split()):  # "(EGP '000)": the code among the words
        if (code := parse_currency(said)) in ISO_4217:
            return code
    return None


def limits_by_currency(parsed: dict[str, pd.Series], names: list[str], header: list[Any],
                       written: dict[str, str], columns: list[np.ndarray], sheet: str,
                       letters: dict[str, str], excel_rows: list[int],
                       decimal_comma: bool) -> list[Issue]:
    """Replace ``parsed["Credit Limit"]`` by each row's limit in its own currency, where the
    sheet has further limit columns named by currency; the Input Issues of rows left alone."""
    if "Credit Limit" not in parsed or "Currency" not in parsed:
        return []
    index = alias_index(CUSTOMERS)
    first = header_currency(written.get("Credit Limit", ""))
    more = [j for j, (n, h) in enumerate(zip(names, header, strict=False))
            if n not in index.values() and isinstance(h, str)
            and header_field(h, index) == "Credit Limit" and header_currency(h)]
    if first is None or not more:
        return []
    by_ccy = {first: parsed["Credit Limit"]}
    for j in more:
        ccy = header_currency(header[j])
        if ccy not in by_ccy:
            limits = parse_column(columns[j], "money", decimal_comma=decimal_comma)[0]
            if in_thousands(header[j]):  # "(USD '000)", as the first column's
                limits = limits.astype(float) * 1000
            by_ccy[ccy] = limits
    limits = parsed["Credit Limit"].copy()
    issues = []
    for pos, own in enumerate(parsed["Currency"].tolist()):
        filled = {c: s.iat[pos] for c, s in by_ccy.items() if pd.notna(s.iat[pos])}
        if own in filled:
            limits.iat[pos] = filled[own]
        elif len(filled) == 1:
            limits.iat[pos] = next(iter(filled.values()))
        elif len(filled) > 1:
            issues.append(Issue(sheet, f"{letters['Credit Limit']}{excel_rows[pos]}",
                                written["Credit Limit"], limits.iat[pos],
                                f"limits in {', '.join(sorted(filled))} and none in the "
                                f"customer's currency ({own or 'none'}): the {first} limit "
                                "is read"))
    parsed["Credit Limit"] = limits
    return issues
