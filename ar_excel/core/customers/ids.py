"""Customer IDs written as the customer's name.

Small businesses often key their invoice and receipt lists by the customer's name ("Al Nour
Trading") rather than the master's ID ("C001"). Such a value is not an unknown customer: when
it is no ID of the master but names exactly one customer (the same words, or the same name
once legal forms and spelling variants are set aside: "Delta Foods" for "Delta Foods LLC",
"النور" for "شركة النور"), it is read as that customer's ID, and the workbook is told so.
A name two customers share is left as written (the invoice checks report it as unknown).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.customers.names import normalize_name
from ar_excel.names import match_key


def name_index(customers: pd.DataFrame) -> dict[str, str | None]:
    """Folded name (exact, then without legal forms) -> Customer ID; None where two
    customers share it."""
    index: dict[str, str | None] = {}
    ids = customers["Customer ID"].tolist()
    names = customers["Name"].tolist() if "Name" in customers else [None] * len(ids)
    for cid, name in zip(ids, names, strict=True):
        if cid is None or not isinstance(name, str) or not name.strip():
            continue
        for key in {"=" + match_key(name), "~" + normalize_name(name).compact}:
            if len(key) > 1:
                index[key] = cid if index.get(key, cid) == cid else None
    return index


def ids_from_names(values: pd.Series, known: set[str], index: dict[str, str | None]
                   ) -> dict[str, str]:
    """For each distinct value of ``values`` that is no known ID but one customer's name:
    value -> that customer's ID."""
    found = {}
    for value in pd.unique(values.dropna()):
        if not isinstance(value, str) or value in known:
            continue
        exact = "=" + match_key(value)
        # the exact name decides when the master has it (None: two customers share it)
        cid = index[exact] if exact in index else index.get("~" + normalize_name(value).compact)
        if cid is not None:
            found[value] = cid
    return found
