"""A unit price far from what the item usually sells for, where no price list says better.

Books without a price list (most hand-kept ones in Egypt and the Gulf) still show what each
item sells for: its other lines. Rule, for the lines of items not on a Price List:

* the item's usual price is the median unit price of its lines in the same currency and unit
  (units as ``units.normalize_units`` reads them: ``كرتونة`` is ``CTN``), over at least 5 lines
  of at least 3 invoices; the customer's own usual price (the median of at least 3 of its
  lines of the item) is preferred where it has one: a customer with a negotiated price is
  measured against itself;
* a line priced at more than 3 times, or less than a third of, that usual price is
  PRICE_UNUSUAL (Warning): almost always a price per another unit (per ton for per kg, per
  carton for per piece) or a digit too many or too few. Discounts, inflation and price rises
  move prices by far less; a free line (price 0: bonus goods) is not judged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import (
    CURRENCY,
    CUSTOMER,
    DECIMALS,
    KEY,
    UNIT,
    BillingBook,
    per_distinct,
)
from ar_excel.core.billing.findings import empty, findings, money, number, text
from ar_excel.model import ROW

FACTOR = 3.0
MIN_LINES, MIN_INVOICES, MIN_OWN_LINES = 5, 3, 3


def _code(value: object) -> str:
    return str(value).strip().upper()


def unusual_prices(book: BillingBook) -> pd.DataFrame:
    """PRICE_UNUSUAL: a unit price over 3 times or under a third of the item's usual price."""
    lines = book.lines
    price = lines["Unit Price"]
    lines = lines[lines["Item"].notna() & (price > 0) & lines[KEY].notna()]
    if len(lines) < MIN_LINES:
        return empty()
    item = per_distinct(lines["Item"], _code).astype("object")
    if len(book.prices):  # a listed item is held to its list (PRICE_OFF_LIST)
        listed = set(per_distinct(book.prices["Item"].dropna(), _code))
        keep = ~item.isin(listed)
        lines, item = lines[keep], item[keep]
    if len(lines) < MIN_LINES:
        return empty()
    frame = pd.DataFrame({
        "item": item, "unit": lines[UNIT].fillna("").astype("object"),
        "ccy": lines[CURRENCY].astype("object").where(lines[CURRENCY].notna(), ""),
        "cust": lines[CUSTOMER].astype("object").where(lines[CUSTOMER].notna(), ""),
        "invoice": lines[KEY], "price": lines["Unit Price"].astype("float64")},
        index=lines.index)
    group = ["item", "unit", "ccy"]
    by_item = frame.groupby(group, sort=False)
    usual = by_item["price"].transform("median")
    n_lines = by_item["price"].transform("size")
    n_invoices = by_item["invoice"].transform("nunique")
    own = frame.groupby([*group, "cust"], sort=False)["price"]
    own_usual = own.transform("median")
    own_n = own.transform("size")
    use_own = (own_n >= MIN_OWN_LINES) & (frame["cust"] != "")
    measured = use_own | ((n_lines >= MIN_LINES) & (n_invoices >= MIN_INVOICES))
    reference = own_usual.where(use_own, usual)
    ratio = frame["price"] / reference
    bad_mask = measured & ((ratio > FACTOR) | (ratio < 1.0 / FACTOR))
    if not bad_mask.any():
        return empty()
    bad = lines[bad_mask]
    ref = reference[bad_mask]
    counted = own_n.where(use_own, n_lines)[bad_mask]
    own_ref = use_own[bad_mask].to_numpy()
    if book.arabic:
        whose = np.where(own_ref, "المعتاد لهذا العميل", "المعتاد للصنف")
        unit_word = "لكل"
    else:
        whose = np.where(own_ref, "this customer's usual", "the item's usual")
        unit_word = "per"
    units = text(bad["Unit"].where(bad["Unit"].notna(), ""))
    per = [f" {unit_word} {u}" if u else "" for u in units]
    places = bad[DECIMALS].tolist()
    times = ratio[bad_mask].to_numpy()
    return findings(
        "PRICE_UNUSUAL", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Unit Price", invoice=bad["Invoice No"], customer=bad[CUSTOMER],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={"price": money(bad["Unit Price"], places), "item": text(bad["Item"]),
                "per": per, "usual": money(ref, places), "whose": list(whose),
                "n": [str(int(v)) for v in counted],
                "times": [number([round(t, 1)])[0] if t >= 1 else f"1/{number([round(1 / t, 1)])[0]}"
                          for t in times]},
    )
