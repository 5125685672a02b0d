"""Prices and units come from the price list valid on the invoice date.

Rules:

* A line's list price is the Price List row for its item and unit whose Valid From … Valid To
  (blank = open-ended) covers the invoice date; among several, the one starting last. A row
  for the invoice's customer wins over a general row, and a row in the invoice's currency
  over one without a currency; a row in another currency or for another customer never applies.
* The unit price is off the list when it differs from the list price by more than half a
  unit of the currency's last decimal (PRICE_OFF_LIST, Error). Discounts are stated apart,
  in Discount %, so the price before discount is what is compared.
* A line in a unit the price list does not have for the item is converted through
  ``Unit Conversions`` (``1 From Unit = Factor To Unit``; item blank = every item; each row
  also works in reverse): the list price per the line's unit is the list price × factor.
  No conversion: UNIT_MISMATCH (Error). A blank unit is the item's usual unit.
* A price row without a currency is in the company's own currency (the policy's
  ``base_currency``, else the currency most invoices are in). For invoices in another
  currency it is only a guide (a difference is PRICE_OFF_LIST as a Warning), unless most of
  that currency's lines are at those very prices: then the list is used as it is (Error).
* A unit that says what it holds (``Box of 12``, ``كرتونة 12 قطعة``, ``شيكارة 50 كجم``) needs
  no conversion row: it is priced as 12 of the list's pieces (50 of its kilos), or as the
  list's box; a list priced per such a unit prices a line in pieces at a twelfth.
* A price row without a unit prices the item in any unit.
* A credit note naming its invoice returns the goods at the price they were billed at: its
  lines are held to the list valid on that invoice's date.
* An item missing from the price list, or with no price valid on the invoice date: NO_PRICE
  (Warning; new or discontinued items are real, but someone should confirm the price).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import (
    CURRENCY,
    CUSTOMER,
    DATE,
    DECIMALS,
    KEY,
    PRICE_INCL,
    UNIT,
    BillingBook,
    per_distinct,
)
from ar_excel.core.billing.credit_notes import original_dates
from ar_excel.core.billing.currency import FLOAT_SLACK, half_unit
from ar_excel.core.billing.findings import dates, empty, findings, number, text
from ar_excel.core.billing.lines import prices_include_tax
from ar_excel.core.billing.units import pack_size
from ar_excel.model import ROW

_ITEM, _CUST, _CCY, _FROM, _TO = "_item", "_pcust", "_pccy", "_vfrom", "_vto"
_EARLIEST, _LATEST = pd.Timestamp("1900-01-01"), pd.Timestamp("2200-12-31")


def _code(value: object) -> str:
    return str(value).strip().upper()


def _key(values: pd.Series) -> pd.Series:
    return per_distinct(values, _code).fillna("").astype("object")


def _joined(*parts: pd.Series | str) -> pd.Series:
    """One text key from several (merge_asof matches one object key much faster than four)."""
    out = None
    for part in parts:
        piece = part if isinstance(part, str) else part.astype("object")
        out = piece if out is None else out + "\x1f" + piece
    return out.astype("object")


def _price_rows(prices: pd.DataFrame) -> pd.DataFrame:
    rows = prices[prices["Item"].notna() & prices["Price"].notna()]
    return pd.DataFrame({
        _ITEM: _key(rows["Item"]), UNIT: rows[UNIT].astype("object"),
        _CUST: _key(rows["Customer ID"]), _CCY: _key(rows["Currency"]),
        _FROM: rows["Valid From"].fillna(_EARLIEST).astype("datetime64[ns]"),
        _TO: rows["Valid To"].fillna(_LATEST).astype("datetime64[ns]"),
        "list_price": rows["Price"].astype("float64"),
    })


def _lookup(want: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """List price for each wanted (item, unit, customer, currency, date); NaN when none, and
    whether it came from a row in the line's currency.

    Tried from the most specific rows to the general ones: customer and currency, customer,
    currency, neither.
    """
    found = pd.Series(np.nan, index=want.index)
    in_currency = pd.Series(False, index=want.index)
    for by_customer in (True, False):
        for by_currency in (True, False):
            rows = table[(table[_CUST] != "").eq(by_customer) & (table[_CCY] != "").eq(by_currency)]
            todo = want[found.isna()]
            if rows.empty or todo.empty:
                continue
            left = pd.DataFrame({
                "_by": _joined(todo[_ITEM], todo[UNIT],
                               todo[_CUST] if by_customer else "",
                               todo[_CCY] if by_currency else ""),
                DATE: todo[DATE], "_i": todo.index,
            }).sort_values(DATE, kind="stable")
            right = pd.DataFrame({
                "_by": _joined(rows[_ITEM], rows[UNIT], rows[_CUST], rows[_CCY]),
                _FROM: rows[_FROM], _TO: rows[_TO], "list_price": rows["list_price"],
            }).sort_values(_FROM, kind="stable")
            hit = pd.merge_asof(left, right, left_on=DATE, right_on=_FROM, by="_by",
                                direction="backward")
            hit = hit[hit["list_price"].notna() & (hit[DATE] <= hit[_TO])]
            found.loc[hit["_i"].to_numpy()] = hit["list_price"].to_numpy()
            in_currency.loc[hit["_i"].to_numpy()] = by_currency
    return pd.DataFrame({"price": found, "in_currency": in_currency})


def _conversions(book: BillingBook) -> pd.DataFrame:
    """Factor from each (item, unit) to another unit, both directions; item "" = any item."""
    c = book.conversions
    c = c[c["Factor"].notna() & (c["Factor"] > 0) & (c["_from"] != "") & (c["_to"] != "")]
    item = _key(c["Item"])
    forward = pd.DataFrame({_ITEM: item, "from": c["_from"], "to": c["_to"],
                            "factor": c["Factor"].astype("float64")})
    # a unit that says what it holds (Box of 12) converts by itself, to its contents and to
    # its bare container, after the sheet's own rows
    packed = [(u, *size) for u in sorted(set(book.lines[UNIT]) | set(book.prices[UNIT]))
              if (size := pack_size(u)) is not None]
    if packed:
        forward = pd.concat([forward, pd.DataFrame(
            [("", u, base, n) for u, _, n, base in packed]
            + [("", u, container, 1.0) for u, container, _, _ in packed],
            columns=[_ITEM, "from", "to", "factor"])], ignore_index=True)
    backward = pd.DataFrame({_ITEM: forward[_ITEM], "from": forward["to"],
                             "to": forward["from"], "factor": 1.0 / forward["factor"]})
    return pd.concat([forward, backward], ignore_index=True).drop_duplicates(
        [_ITEM, "from", "to"])


def _converted(todo: pd.DataFrame, item_units: pd.DataFrame, conv: pd.DataFrame) -> pd.DataFrame:
    """For lines in a unit the list lacks: the list unit to price them in, and the factor."""
    if todo.empty or conv.empty:
        return pd.DataFrame(columns=["_i", "to", "factor"])
    left = pd.DataFrame({"_i": todo.index, _ITEM: todo[_ITEM], "from": todo[UNIT]})
    specific = left.merge(conv, on=[_ITEM, "from"]).assign(_rank=0)
    generic = left.merge(conv[conv[_ITEM] == ""].drop(columns=_ITEM), on="from").assign(_rank=1)
    options = pd.concat([specific, generic], ignore_index=True)
    options = options.merge(item_units, left_on=[_ITEM, "to"], right_on=[_ITEM, UNIT])
    options = options.sort_values(["_i", "_rank", "to"], kind="stable")
    return options.drop_duplicates("_i")[["_i", "to", "factor"]]


def priced_on(book: BillingBook, lines: pd.DataFrame) -> pd.Series:
    """The day each line's price is held to: its invoice's date; a credit note naming its
    invoice returns the goods at the price they were billed at, the list of that invoice's
    date."""
    originals = original_dates(book)
    if originals.empty:
        return lines[DATE]
    return lines[KEY].map(originals).astype("datetime64[ns]").fillna(lines[DATE])


def list_prices(book: BillingBook) -> pd.DataFrame:
    """Each priced line's list price per its own unit and why a line has none.

    Columns: ``list_price`` (NaN when none), ``list_unit``, ``status``: ``priced``,
    ``unknown_item``, ``no_unit`` (unit not convertible) or ``no_date`` (nothing valid then),
    ``in_currency``: the price is certainly in the invoice's currency, and ``priced_on``: the
    day the price is held to (``priced_on``).
    """
    lines = book.lines
    lines = lines[lines["Item"].notna() & lines[DATE].notna()]
    table = _price_rows(book.prices)
    out = pd.DataFrame({"list_price": np.nan, "list_unit": "", "status": "unknown_item",
                        "priced_on": lines[DATE]}, index=lines.index)
    if lines.empty or table.empty:
        return out
    item_units = table[[_ITEM, UNIT]].drop_duplicates()
    usual = (table.groupby([_ITEM, UNIT]).size().rename("n").reset_index()
             .sort_values([_ITEM, "n", UNIT], ascending=[True, False, True], kind="stable")
             .drop_duplicates(_ITEM).set_index(_ITEM)[UNIT])
    item = _key(lines["Item"])
    unit = lines[UNIT].where(lines[UNIT] != "", item.map(usual)).fillna("")
    want = pd.DataFrame({_ITEM: item, UNIT: unit, _CUST: _key(lines[CUSTOMER]),
                         _CCY: _key(lines[CURRENCY]), DATE: priced_on(book, lines)},
                        index=lines.index)
    out["priced_on"] = want[DATE]

    known_item = item.isin(set(item_units[_ITEM]))
    pairs = pd.MultiIndex.from_frame(item_units)
    known_unit = pd.Series(pd.MultiIndex.from_arrays([item, unit]).isin(pairs), index=lines.index)
    # a list that states no unit for an item prices it in whatever unit the line uses
    any_unit = pd.Series(pd.MultiIndex.from_arrays([item, pd.Series("", index=item.index)])
                         .isin(pairs), index=lines.index) & ~known_unit
    want.loc[any_unit, UNIT] = ""
    known_unit = known_unit | any_unit
    out["status"] = np.where(~known_item, "unknown_item", np.where(known_unit, "no_date", "no_unit"))
    out["in_currency"] = False

    own = want[known_unit]
    hit = _lookup(own, table)
    out.loc[own.index, "list_price"] = hit["price"]
    out.loc[own.index, "in_currency"] = hit["in_currency"]
    out.loc[own.index, "list_unit"] = own[UNIT]

    conv = _converted(want[known_item & ~known_unit], item_units, _conversions(book))
    if len(conv):
        moved = want.loc[conv["_i"].to_numpy()].assign(**{UNIT: conv["to"].to_numpy()})
        hit = _lookup(moved, table)
        out.loc[moved.index, "status"] = "no_date"
        out.loc[moved.index, "list_price"] = hit["price"] * conv["factor"].to_numpy()
        out.loc[moved.index, "in_currency"] = hit["in_currency"]
        out.loc[moved.index, "list_unit"] = moved[UNIT]
    out.loc[out["list_price"].notna(), "status"] = "priced"
    # a price without a currency is in the company's own currency: certain for invoices in it
    home = book.home_currency
    line_ccy = want[_CCY]
    out["in_currency"] = out["in_currency"].astype(bool) | line_ccy.eq("") | line_ccy.eq(home)
    return out


def _units_of(book: BillingBook) -> pd.Series:
    table = _price_rows(book.prices)
    return table.groupby(_ITEM)[UNIT].agg(lambda u: ", ".join(sorted(set(u) - {""})))


def _list_in_currency(prices: pd.DataFrame, lines: pd.DataFrame, priced: pd.Series,
                      is_off: pd.Series) -> pd.Series:
    """Whether each line's list price is in its invoice's currency: certain for rows in that
    currency or in the home currency; for another currency priced from rows without one, when
    most of that currency's lines are at the list price (the list is used as it is)."""
    sure = prices["in_currency"].astype(bool)
    guess = priced & ~sure
    if guess.any():
        at_list = (~is_off[guess]).groupby(lines.loc[guess, CURRENCY].fillna("")).mean()
        used = at_list[at_list >= 0.5].index
        sure = sure | (guess & lines[CURRENCY].fillna("").isin(used))
    return sure


def _on_the_lines_basis(book: BillingBook, lines: pd.DataFrame, list_price: pd.Series
                        ) -> tuple[pd.Series, pd.Series]:
    """The list price as each line states its price, with or without VAT: a list kept with
    VAT in against a price before it is the list price less the VAT inside it (11.50 at
    15 %: 10), and a list before VAT against a price with VAT in is that plus the VAT; and
    how to say it where it was converted ("10 (11.50 with 15% VAT)"), else ""."""
    list_incl = bool(PRICE_INCL in book.prices and book.prices[PRICE_INCL].any())
    rate = lines["Tax Rate"].fillna(0.0).astype("float64")
    line_incl = prices_include_tax(book, lines) if len(lines) else pd.Series(False, index=lines.index)
    to_net = (line_incl != list_incl) & (rate != 0) & list_incl
    to_gross = (line_incl != list_incl) & (rate != 0) & ~list_incl
    listed = list_price.where(~to_net, list_price / (1.0 + rate / 100.0))
    listed = listed.where(~to_gross, list_price * (1.0 + rate / 100.0))
    ar = book.arabic
    said = pd.Series("", index=lines.index, dtype="object")
    for mask, en, arabic in ((to_net, "with", "شامل"), (to_gross, "before", "قبل")):
        if mask.any():
            said[mask] = [f"{x} ({y} {arabic} ضريبة {r}%)" if ar else f"{x} ({y} {en} {r}% VAT)"
                          for x, y, r in zip(number(listed[mask].round(6)),
                                             number(list_price[mask]), number(rate[mask]),
                                             strict=True)]
    return listed, said


def price_list(book: BillingBook) -> pd.DataFrame:
    """PRICE_OFF_LIST, UNIT_MISMATCH and NO_PRICE, from one look-up of every line's price."""
    if book.prices.empty or book.lines.empty:
        return empty()
    prices = list_prices(book)
    lines = book.lines.loc[prices.index]
    sheet, arabic = book.sheet("Invoice Lines"), book.arabic
    parts = []

    priced = prices["status"].eq("priced") & lines["Unit Price"].notna()
    listed, said = _on_the_lines_basis(book, lines, prices["list_price"])
    diff = lines["Unit Price"] - listed
    tol = half_unit(lines[DECIMALS]) + FLOAT_SLACK * np.maximum(1.0, listed.abs())
    is_off = priced & (diff.abs() > tol)
    off = lines[is_off]
    if len(off):
        lp = listed.loc[off.index]
        shown = [s or e for s, e in zip(said.loc[off.index], number(lp.round(6)), strict=True)]
        pct = (off["Unit Price"] / lp.where(lp != 0) - 1.0) * 100.0
        sure = _list_in_currency(prices, lines, priced, is_off).loc[off.index].to_numpy(dtype=bool)
        parts.append(findings(
            "PRICE_OFF_LIST", n=len(off), sheet=sheet, row=off[ROW], field="Unit Price",
            invoice=off["Invoice No"], customer=off[CUSTOMER], amount=off["Line Total"],
            document=off[KEY], arabic=arabic,
            severity=np.where(sure, ERROR, WARNING),
            variant=np.where(sure, None, "other_currency").tolist(),
            params={"price": number(off["Unit Price"]), "expected": shown,
                    "item": text(off["Item"]),
                    "unit": text(prices.loc[off.index, "list_unit"].where(
                        off["Unit"].isna(), off["Unit"])),
                    "date": dates(prices.loc[off.index, "priced_on"]),
                    "pct": ["" if pd.isna(v) else f"{v:+.1f}%" for v in pct],
                    "currency": text(off[CURRENCY])},
        ))

    wrong_unit = lines[prices["status"].eq("no_unit")]
    if len(wrong_unit):
        units = _units_of(book)
        parts.append(findings(
            "UNIT_MISMATCH", n=len(wrong_unit), sheet=sheet, row=wrong_unit[ROW], field="Unit",
            invoice=wrong_unit["Invoice No"], customer=wrong_unit[CUSTOMER],
            amount=wrong_unit["Line Total"], document=wrong_unit[KEY], arabic=arabic,
            params={"unit": text(wrong_unit["Unit"]), "item": text(wrong_unit["Item"]),
                    "item_unit": text(_key(wrong_unit["Item"]).map(units))},
        ))

    status = prices["status"]
    unpriced = lines[status.isin(["unknown_item", "no_date"])]
    if len(unpriced):
        unknown = status.loc[unpriced.index].eq("unknown_item")
        parts.append(findings(
            "NO_PRICE", n=len(unpriced), sheet=sheet, row=unpriced[ROW], field="Item",
            invoice=unpriced["Invoice No"], customer=unpriced[CUSTOMER],
            amount=unpriced["Line Total"], document=unpriced[KEY], arabic=arabic,
            variant=np.where(unknown, "unknown_item", None).tolist(),
            params={"item": text(unpriced["Item"]), "date": dates(unpriced[DATE])},
        ))
    return pd.concat(parts, ignore_index=True) if parts else empty()
