"""Invoice numbers run without gaps within each series.

Rules:

* A series is the text before an invoice number's trailing digits: ``INV-2024-0001`` is
  number 1 of series ``INV-2024-``; ``CN-17`` is number 17 of ``CN-``; ``1001`` is 1001 of
  the unnamed series. Series are case-insensitive; numbers without trailing digits have no
  series. Different series are never compared.
* Between the lowest and highest number of a series every number is used. Each missing
  range is one NUMBER_GAP (Warning: cancelled numbers are legitimate but must be explained to
  the auditor and, under e-invoicing, to the tax authority), on the row of the invoice after
  the gap, named by its first missing number written like its neighbour (same zero padding).
* Receipts listed among the invoices (a ledger export's Payment rows, a running ledger's
  "سند قبض" entries) are left out: their numbers are cheque or voucher numbers, and a gap in
  them is no billing question. Credit notes whose numbers lie wholly above or below the
  invoices' of the same prefix (9001... beside 101...) are a series of their own.
* A series with more gaps than 10 or a tenth of its invoices, whichever is more, is most
  likely only part of the register (e.g. the open invoices): one summary finding, not a flood.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import BillingBook
from ar_excel.core.billing.findings import empty, findings
from ar_excel.model import ROW, SHEET

NUMBER_PATTERN = r"^(?P<series>.*?)(?P<digits>\d{1,18})$"  # series prefix, then its number


def _credit_blocks(series: pd.Series, number: pd.Series, credit: pd.Series) -> pd.Series:
    """The series of each number, with the credits of a series put in one of their own where
    they lie wholly above or below its invoices' numbers (credit notes numbered 9001... among
    invoices 101...: two series sharing a prefix, not 8,850 numbers missing)."""
    out = series.copy()
    for name in pd.unique(series):
        at = series == name
        debit, owed = number[at & ~credit], number[at & credit]
        if len(debit) and len(owed) and (owed.min() > debit.max() or owed.max() < debit.min()):
            out[at & credit] = f"{name}\x00credit"
    return out


def _numbered(invoices: pd.DataFrame) -> pd.DataFrame:
    numbers = invoices["Invoice No"].astype("string").str.strip()
    parts = numbers.str.extract(NUMBER_PATTERN)
    keep = parts["digits"].notna()
    parts = parts[keep]
    credit = (invoices.loc[keep[keep].index, "Amount"] < 0).fillna(False).astype(bool)
    return pd.DataFrame({
        "series": _credit_blocks(parts["series"].str.upper().astype("object"),
                                 parts["digits"].astype("int64"), credit),
        "label": parts["series"].astype("object"),
        "digits": parts["digits"].astype("object"),
        "number": parts["digits"].astype("int64"),
        ROW: invoices.loc[keep[keep].index, ROW],
        **({SHEET: invoices.loc[keep[keep].index, SHEET]} if SHEET in invoices.columns else {}),
    }).sort_values(["series", "number", ROW], kind="stable").drop_duplicates(["series", "number"])


def _series(label: str, arabic: bool, capital: bool = False) -> str:
    """The series named in a message: its prefix, or "the numeric series" for plain numbers
    (``1001``, ``1002``: no prefix to quote)."""
    if arabic:
        return f"التسلسل '{label}'" if label else "التسلسل الرقمي"
    if label:
        return f"{'S' if capital else 's'}eries '{label}'"
    return f"{'T' if capital else 't'}he numeric series"


def _name(label: str, digits: str, number: int) -> str:
    return f"{label}{str(number).zfill(len(digits))}"


def numbering_gaps(book: BillingBook) -> pd.DataFrame:
    """NUMBER_GAP: numbers missing inside a series, once per missing range."""
    seq = _numbered(book.billed)  # a receipt's number (a cheque's) is in no invoice series
    if len(seq) < 2:
        return empty()
    same = seq["series"].to_numpy()[1:] == seq["series"].to_numpy()[:-1]
    step = np.diff(seq["number"].to_numpy())
    at = np.flatnonzero(same & (step > 1))  # gap between seq[at] and seq[at + 1]
    if len(at) == 0:
        return empty()
    prev, nxt = seq.iloc[at], seq.iloc[at + 1]
    gaps = pd.DataFrame({
        "series": prev["series"].to_numpy(), "label": prev["label"].to_numpy(),
        "prev_digits": prev["digits"].to_numpy(), "prev": prev["number"].to_numpy(),
        "next_label": nxt["label"].to_numpy(), "next_digits": nxt["digits"].to_numpy(),
        "next": nxt["number"].to_numpy(), ROW: nxt[ROW].to_numpy(),
        **({SHEET: nxt[SHEET].to_numpy()} if SHEET in nxt.columns else {}),
    })
    sizes = seq.groupby("series").size()
    limit = np.maximum(10, sizes / 10.0)
    per_series = gaps.groupby("series", sort=False).size()
    flood = set(per_series[per_series > limit.reindex(per_series.index)].index)
    ar = book.arabic
    parts = []

    ranges = gaps[~gaps["series"].isin(flood)]
    if len(ranges):
        first = [_name(lb, d, p + 1) for lb, d, p in
                 zip(ranges["label"], ranges["prev_digits"], ranges["prev"], strict=True)]
        last = [_name(lb, d, n - 1) for lb, d, n in
                zip(ranges["label"], ranges["prev_digits"], ranges["next"], strict=True)]
        missing = [f if f == la else f"{f} – {la}" for f, la in zip(first, last, strict=True)]
        parts.append(findings(
            "NUMBER_GAP", n=len(ranges), sheet=book.sheet_of("Invoices", ranges), row=ranges[ROW],
            field="Invoice No", invoice=first, customer=None, arabic=ar,
            params={
                "count": [str(int(c)) for c in ranges["next"] - ranges["prev"] - 1],
                "series": [_series(lb, ar) for lb in ranges["label"]], "missing": missing,
                "prev": [_name(lb, d, p) for lb, d, p in
                         zip(ranges["label"], ranges["prev_digits"], ranges["prev"], strict=True)],
                "next": [_name(lb, d, n) for lb, d, n in
                         zip(ranges["next_label"], ranges["next_digits"], ranges["next"],
                             strict=True)],
            },
        ))
    for series in sorted(flood):
        g = gaps[gaps["series"] == series]
        s = seq[seq["series"] == series]
        lo, hi = s.iloc[0], s.iloc[-1]
        parts.append(findings(
            "NUMBER_GAP", n=1, sheet=book.sheet_of("Invoices", g.iloc[:1]),
            row=[int(g[ROW].iloc[0])],
            field="Invoice No", invoice=[_name(lo["label"], lo["digits"], int(lo["number"]))],
            customer=None, arabic=ar, variant="series",
            params={"Series": [_series(str(lo["label"]), ar, capital=True)],
                    "ranges": [str(len(g))],
                    "count": [str(int((g["next"] - g["prev"] - 1).sum()))],
                    "prev": [_name(lo["label"], lo["digits"], int(lo["number"]))],
                    "next": [_name(hi["label"], hi["digits"], int(hi["number"]))]},
        ))
    return pd.concat(parts, ignore_index=True) if parts else empty()
