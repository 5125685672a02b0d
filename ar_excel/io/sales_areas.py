"""A customer master exported a row per sales area (SAP's KNVV: one row per customer per sales
organisation, distribution channel and division; Dynamics' and Oracle's per-site or
per-business-unit rows alike): the rows of one Customer ID that differ in the sales-area
columns, and agree on who the customer is (its name and tax ID), are one customer's areas,
not customers sharing an ID. The customer is read once, from its first row; one Input Issue
says which rows were its areas, and which of its terms, limit or currency differ between
them (the first row's are read). Rows of one ID in one sales area, or under different names,
stay separate records: DUPLICATE_ID says so."""

from __future__ import annotations

import pandas as pd

from ar_excel.model import ROW, Book, Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank

# SAP's sales-area keys (as SE16 and ALV label them, and their field names) and the like
_AREA_HEADERS = frozenset(match_key(w) for w in (
    "Sales Organization", "Sales Organisation", "Sales Org.", "Sales Org", "SOrg.", "VKORG",
    "Distribution Channel", "Distr. Channel", "Distr Channel", "DChl", "VTWEG",
    "Division", "Dv", "SPART", "Sales Area", "Sales Office", "VKBUR", "Sales Group",
    "VKGRP", "منظمة المبيعات", "قناة التوزيع", "القسم", "منطقة المبيعات"))
# who the customer is: rows of one ID that disagree on these are two customers
_IDENTITY = ("Name", "Tax ID")
# what may differ by area, said when it does
_PER_AREA = ("Payment Terms", "Credit Limit", "Currency", "Discount %", "Status")


def _same(values: list[object]) -> bool:
    said = {" ".join(str(v).split()).casefold() for v in values if not is_blank(v)}
    return len(said) <= 1


def sales_areas_as_one_customer(book: Book) -> None:
    """Fold each customer's sales-area rows into its first row, with an Input Issue."""
    table = book.tables.get("Customers")
    if table is None or "Customer ID" not in table.frame.columns:
        return
    frame, raw = table.frame, table.raw
    areas = [c for c in frame.columns if isinstance(c, str) and match_key(c) in _AREA_HEADERS]
    if not areas:
        return
    ids = raw["Customer ID"].map(lambda v: None if is_blank(v) else str(v).strip())
    repeated = ids[ids.duplicated(keep=False) & ids.notna()]
    if repeated.empty:
        return
    dropped: list[object] = []
    for cid, group in repeated.groupby(repeated, sort=False):
        index = list(group.index)
        keys = [tuple(" ".join(str(raw.at[i, c]).split()) if not is_blank(raw.at[i, c])
                      else "" for c in areas) for i in index]
        if len(set(keys)) < len(keys):
            continue  # two rows in one area: a duplicate ID, not areas
        if not all(_same([raw.at[i, f] for i in index]) for f in _IDENTITY if f in raw):
            continue  # two names or tax IDs on one ID: two customers
        rows = [int(frame.at[i, ROW]) for i in index]
        differ = [f for f in _PER_AREA if f in raw and f in table.letters
                  and not _same([raw.at[i, f] for i in index])]
        said = "" if not differ else "; the areas differ in " + ", ".join(
            f"{f} ({', '.join(_distinct(raw, index, f))})" for f in differ
        ) + f": row {rows[0]}'s are read"
        letter = table.letters.get("Customer ID", "A")
        book.issues.append(Issue(
            table.sheet, f"{letter}{rows[0]}", table.headers.get("Customer ID", "Customer ID"),
            cid, f"customer {cid} is on {len(rows)} rows ({', '.join(map(str, rows))}), one "
                 f"per sales area ({', '.join('/'.join(v for v in k if v) for k in keys)}): "
                 f"read as one customer{said}"))
        dropped.extend(index[1:])
    if dropped:
        table.frame = frame.drop(index=dropped).reset_index(drop=True)
        table.raw = raw.drop(index=dropped).reset_index(drop=True)


def _distinct(raw: pd.DataFrame, index: list[object], field: str) -> list[str]:
    seen: dict[str, None] = {}
    for i in index:
        v = raw.at[i, field]
        if not is_blank(v):
            seen.setdefault(str(v).strip(), None)
    return list(seen)
