"""The customer master's change log: what changed since the previous run, field by field.

Each run keeps a *snapshot* of the master (one row per customer, every field as text) in a
hidden sheet of the workbook. The next run compares the master with that snapshot and logs,
per customer and field, the old and the new value, who ran the check and when. Values are
compared as they read, not as typed: ``"50,000"`` and ``50000`` are the same credit limit;
a value that could not be read is compared as typed, so fixing it is logged too.

* A customer in the master but not in the snapshot: ``(customer added)``.
* A customer in the snapshot but not in the master: ``(customer removed)``.
* A column the snapshot did not have is not a change of every customer: it is skipped.
* The same Customer ID twice: the 2nd occurrence is keyed ``ID #2``, so nothing is lost.

Changes to the credit limit or the payment terms are flagged (``Credit Change``): they move
credit risk and are what an auditor asks about.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from ar_excel.core.billing.terms import TERMS_FROM_RECEIPT
from ar_excel.core.customers.checks import blank
from ar_excel.model import ROW
from ar_excel.parsing import EARLY_DISCOUNT
from ar_excel.schema import NO_CREDIT, TERMS_EOM, UNLIMITED

KEY = "Customer ID"
SNAPSHOT_KEY = "Key"
ADDED = "(customer added)"
REMOVED = "(customer removed)"
_MARKERS_AR = {ADDED: "(عميل جديد)", REMOVED: "(عميل محذوف)"}
CREDIT_FIELDS = ("Credit Limit", "Payment Terms")
CHANGE_COLUMNS = ["When", "User", "Customer ID", "Customer", "Field", "Old Value", "New Value",
                  "Credit Change"]


def as_text(value: object) -> str:
    """A field's value as compared and shown in the log."""
    if isinstance(value, str):
        return " ".join(value.split())
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | int):
        v = float(value)
        if v != v:
            return ""
        return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp | datetime | date):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return " ".join(str(value).split())


def snapshot(frame: pd.DataFrame, raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """The master as text, one row per customer keyed by Customer ID (``ID #2`` for repeats).

    Where a value could not be read (blank in ``frame``, typed in ``raw``), the typed text is
    kept so that correcting it shows as a change.
    """
    fields = [c for c in frame.columns
              if c not in (ROW, KEY, TERMS_EOM, TERMS_FROM_RECEIPT, UNLIMITED, NO_CREDIT,
                           EARLY_DISCOUNT)]
    ids = [as_text(v) for v in frame[KEY]] if KEY in frame.columns else [""] * len(frame)
    columns: dict[str, list[str]] = {}
    for f in fields:
        column = frame[f]
        parsed = column.tolist()
        typed = raw[f].tolist() if raw is not None and f in raw.columns else parsed
        if pd.api.types.is_datetime64_any_dtype(column):
            texts = column.dt.strftime("%Y-%m-%d").fillna("").tolist()
        else:
            texts = [" ".join(v.split()) if type(v) is str else as_text(v) for v in parsed]
        if typed is not parsed:  # unreadable values: keep what was typed
            texts = [t or as_text(r) for t, r in zip(texts, typed, strict=True)]
        if f == "Payment Terms" and TERMS_EOM in frame.columns:  # "30 EOM" is not "30"
            texts = [t if e is None or not t else f"{t} EOM" if e == 0 else f"{t} EOM+{e}M"
                     for t, e in zip(texts, frame[TERMS_EOM].astype(object).where(
                         frame[TERMS_EOM].notna(), None).tolist(), strict=True)]
        if f == "Payment Terms" and TERMS_FROM_RECEIPT in frame.columns:  # nor "30 from receipt"
            received = frame[TERMS_FROM_RECEIPT].fillna(False).astype(bool).tolist()
            texts = [f"{t} from receipt" if r and t else t
                     for t, r in zip(texts, received, strict=True)]
        if f == "Payment Terms" and EARLY_DISCOUNT in frame.columns:  # "2/10 net 30" is not "30"
            texts = [f"{d.rate:g}/{d.days} net {t}" if d is not None and t else t
                     for t, d in zip(texts, frame[EARLY_DISCOUNT].tolist(), strict=True)]
        columns[f] = texts
    keys: list[str] = []
    seen: dict[str, int] = {}
    for cid in ids:
        seen[cid] = seen.get(cid, 0) + 1
        keys.append(cid if seen[cid] == 1 else f"{cid} #{seen[cid]}")
    out = pd.DataFrame({SNAPSHOT_KEY: keys, KEY: ids, **columns}, dtype="object")
    # No ID: nothing to follow the record by (MISSING_ID reports it).
    return out[[cid != "" for cid in ids]].reset_index(drop=True)


def _name(row: pd.Series | None) -> str:
    return "" if row is None else str(row.get("Name", "") or "")


def diff(previous: pd.DataFrame, current: pd.DataFrame, user: str,
         when: datetime, arabic: bool = False) -> pd.DataFrame:
    """The log rows for every change from the ``previous`` snapshot to the ``current`` one,
    in the master's order (removed customers last, in the snapshot's order)."""
    prev = previous.copy()
    prev[SNAPSHOT_KEY] = prev[SNAPSHOT_KEY].map(as_text) if SNAPSHOT_KEY in prev else \
        prev[KEY].map(as_text)
    prev = prev.drop_duplicates(SNAPSHOT_KEY).set_index(SNAPSHOT_KEY)
    cur = current.set_index(SNAPSHOT_KEY)
    fields = [c for c in cur.columns if c != KEY and c in prev.columns]

    # (position in the master, field position, row): added customers sort before their
    # fields (-1), removed ones after every customer of the master.
    found: list[tuple[int, int, list[object]]] = []

    def entry(row: pd.Series, field: str, old: str, new: str) -> list[object]:
        shown = _MARKERS_AR.get(field, field) if arabic else field
        return [when, user, row.get(KEY, ""), _name(row), shown, old, new,
                field in CREDIT_FIELDS]

    known = cur.index.isin(prev.index)
    positions = {key: i for i, key in enumerate(cur.index)}
    for key in cur.index[~known]:
        found.append((positions[key], -1, entry(cur.loc[key], ADDED, "", _name(cur.loc[key]))))
    if fields and known.any():
        common = cur.index[known]
        old = prev.loc[common, fields].map(as_text)
        new = cur.loc[common, fields].fillna("")
        rows, cols = np.nonzero(old.to_numpy() != new.to_numpy())
        for r, c in zip(rows, cols, strict=True):
            key = common[r]
            found.append((positions[key], int(c), entry(cur.loc[key], fields[c],
                                                        old.iat[r, c], new.iat[r, c])))
    found.sort(key=lambda t: (t[0], t[1]))
    rows_out = [e for _, _, e in found]
    for key in prev.index[~prev.index.isin(cur.index)]:
        before = prev.loc[key].copy()
        before[KEY] = as_text(before.get(KEY)) or key
        rows_out.append(entry(before, REMOVED, _name(before), ""))
    return pd.DataFrame(rows_out, columns=CHANGE_COLUMNS)


def append_log(previous_log: pd.DataFrame | None, new_rows: pd.DataFrame) -> pd.DataFrame:
    """The log as it stood plus this run's rows: nothing already logged is dropped."""
    if previous_log is None or previous_log.empty:
        return new_rows.reset_index(drop=True)
    old = previous_log.copy()
    for c in CHANGE_COLUMNS:
        if c not in old.columns:
            old[c] = None
    old["Credit Change"] = old["Credit Change"].map(
        lambda v: str(v).strip().lower() in ("true", "1", "yes") if not blank(v) else False)
    old["When"] = pd.to_datetime(old["When"], errors="coerce")
    extra = [c for c in old.columns if c not in CHANGE_COLUMNS]
    new = new_rows.copy()
    for c in extra:
        new[c] = None
    merged = pd.concat([old[CHANGE_COLUMNS + extra], new[CHANGE_COLUMNS + extra]],
                       ignore_index=True)
    return merged
