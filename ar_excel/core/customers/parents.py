"""The account each customer record belongs under: a parent or head-office account, or the
account it is billed to (Dynamics 365's Invoice account, Business Central's Bill-to Customer
No., a ``Parent Customer`` / ``الحساب الرئيسي`` column), where the master keeps one."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.customers import duplicates
from ar_excel.core.customers.check_context import as_typed
from ar_excel.names import match_key

PARENT_HEADERS = frozenset(match_key(h) for h in (
    "Invoice account", "Invoice Account No", "Bill-to Customer No", "Bill-to Customer No.",
    "Bill-to Customer", "Bill To Customer", "Parent Customer", "Parent Account",
    "Parent Customer No", "Head Office", "Head Office Account", "Main Account",
    "Parent", "الحساب الرئيسي", "العميل الرئيسي", "المركز الرئيسي", "الحساب الأم"))


def parent_column(frame: pd.DataFrame) -> str | None:
    """The master's column naming each record's parent account, if it has one."""
    return next((c for c in frame.columns if isinstance(c, str) and not c.startswith("_")
                 and match_key(c) in PARENT_HEADERS), None)


def parent_accounts(customers: pd.DataFrame) -> dict[str, str]:
    """Per Customer ID (as text), the Customer ID of the listed account it belongs under;
    records naming no listed account, or themselves, are left out."""
    column = parent_column(customers)
    if column is None or "Customer ID" not in customers:
        return {}
    # (a numeric ID column with a blank in it is read as floats: parent 1001.0 is account 1001,
    # as the duplicate checks read the same column)
    ids = {_key(c): str(c) for c in customers["Customer ID"].dropna()}
    out: dict[str, str] = {}
    for cid, parent in zip(customers["Customer ID"], customers[column], strict=True):
        found = ids.get(_key(parent)) if _key(parent) else None
        if found is not None and not pd.isna(cid) and found != str(cid):
            out[str(cid)] = found
    return out


def _key(value: object) -> str:
    return "" if value is None or pd.isna(value) else duplicates.id_key(as_typed(value))
