"""A customer list's credit limit type beside its amount (Dynamics GP's ``Credit Limit Type``:
No Credit, Unlimited or Amount; Sage 300's and hand-kept lists' ``Limit Type``). The type
says what the amount means:

* ``No Credit`` (``Cash Only``, ``COD``, ``بدون ائتمان``): a limit of zero, cash only. GP
  stores its amount as 0, which on credit terms would read as no limit at all: the row is
  marked so that credit holds any exposure Over Limit, as for a cash customer.
* ``Unlimited`` (``No Limit``, ``غير محدود``): no limit, whatever the amount says (blank).
* ``Amount`` (``Fixed``, ``Limited``, ``مبلغ``): the amount as it stands.

A type that is none of these is an Input Issue at its cell, and the amount is read as it
stands."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.model import Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank
from ar_excel.schema import NO_CREDIT, UNLIMITED

TYPE_HEADERS = frozenset(match_key(w) for w in (
    "Credit Limit Type", "Limit Type", "Credit Type", "CRLMTTYP", "Credit Limit Kind",
    "نوع حد الائتمان", "نوع الحد الائتماني", "نوع الائتمان"))
# (the digits: the type as GP stores it in CRLMTTYP, 0 No Credit, 1 Unlimited, 2 Amount)
_NONE = frozenset(match_key(w) for w in (
    "No Credit", "No Credit Allowed", "Cash Only", "Cash", "COD", "None", "0",
    "بدون ائتمان", "لا ائتمان", "نقدي", "نقدا", "نقداً"))
_UNLIMITED = frozenset(match_key(w) for w in (
    "Unlimited", "No Limit", "Unlimited Credit", "1", "غير محدود", "مفتوح", "بدون حد"))
_AMOUNT = frozenset(match_key(w) for w in (
    "Amount", "Fixed", "Fixed Amount", "Limited", "Limit", "Credit Limit", "2", "مبلغ", "محدد"))


def type_column(names: list[str]) -> str | None:
    """The name of the limit type column among a sheet's columns, if it has one."""
    return next((n for n in names if match_key(n) in TYPE_HEADERS), None)


def limit_types(parsed: dict[str, pd.Series], column: str, sheet: str, letter: str,
                header: str, excel_rows: list[int]) -> list[Issue]:
    """Apply each row's limit type to its Credit Limit in ``parsed`` (adding the NO_CREDIT
    and UNLIMITED marks), and say each type that cannot be read."""
    types = parsed[column].tolist()
    n = len(types)
    limit = parsed["Credit Limit"].astype("float64").copy() if "Credit Limit" in parsed \
        else pd.Series(np.nan, index=range(n), dtype="float64")
    none = parsed[NO_CREDIT].to_numpy(bool).copy() if NO_CREDIT in parsed \
        else np.zeros(n, dtype=bool)  # (a limit typed "كاش": ``table_read``)
    unlimited = parsed[UNLIMITED].to_numpy(bool).copy() if UNLIMITED in parsed \
        else np.zeros(n, dtype=bool)
    issues = []
    for pos, value in enumerate(types):
        if is_blank(value):
            continue
        said = match_key(str(int(value)) if isinstance(value, float) and value.is_integer()
                         else value)
        if said in _NONE:
            none[pos] = True
            limit.iat[pos] = 0.0
        elif said in _UNLIMITED:
            unlimited[pos] = True
            limit.iat[pos] = np.nan
        elif said not in _AMOUNT:
            issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, value,
                                f"'{str(value).strip()}' is not a credit limit type (No "
                                "Credit, Unlimited or Amount): the limit is read as it stands"))
    parsed["Credit Limit"] = limit
    if none.any():
        parsed[NO_CREDIT] = pd.Series(none, copy=False)
    if unlimited.any():
        parsed[UNLIMITED] = pd.Series(unlimited, copy=False)
    return issues
