"""The exchange rates an invoice list states beside its invoices (Zoho's and SAP Business
One's Exchange Rate, ERPNext's Conversion Rate, a clerk's سعر الصرف), read as the book's rates
where neither the Policy nor an exchange-rates sheet gives any.

Without rates, Credit Status added a customer's USD and EUR invoices to its EGP ones as they
stand: 500,000 EGP, 20,000 USD and 10,000 EUR made 530,000 against a 2,000,000 limit (26.5 %
OK) where the invoices themselves say 1,991,000 at their own rates (99.6 %, Warning).

Rule: the column's rate on each invoice is what one unit of the invoice's currency is in the
company's currency (the currency whose rows all say 1; else the customers' one currency), as
those ERPs write it. The rows are a dated rates sheet (``fx.SheetRate``): each currency is
taken at its rate on its latest invoice on or before the as-of date. One Input Issue says so.
Only where some customer is billed in another currency than its own (the master's Currency):
otherwise nothing is converted and nothing said. A list whose rates do not show one base
(two currencies at 1, or none and several currencies in the master) is left as it was.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ar_excel.core.fx import SheetRate
from ar_excel.model import ROW, Book, Issue
from ar_excel.names import match_key

# Headers the ERPs that write them define as company currency per unit of the invoice's
# (Zoho's and SAP Business One's Exchange Rate / DocRate, ERPNext's Conversion Rate)
RATE_HEADERS = frozenset(match_key(h) for h in (
    "Exchange Rate", "Exch Rate", "Conversion Rate", "Doc Rate",
    "Document Rate", "Rate to Local Currency", "سعر الصرف", "سعر التحويل", "معامل التحويل"))
# Headers that do not say which way their rates run: Odoo's 'Currency Rate'
# (account.move's invoice_currency_rate) is the document currency per unit of the company's
# (0.0206 USD per EGP would make 20,000 USD 412 EGP); a clerk's 'FX Rate' may be either. The
# figures cannot settle it (0.307 is KWD per USD, 48.5 EGP per USD), so such a column is not
# used, and said where the book needs rates
UNSURE_HEADERS = frozenset(match_key(h) for h in (
    "FX Rate", "FX", "Currency Rate", "Rate FX", "Forex Rate"))


def _plain(rate: float) -> str:
    return f"{rate:.10f}".rstrip("0").rstrip(".")


def rates_from_invoices(book: Book) -> None:
    """The Policy with the invoice list's rates (module docstring), where it has none."""
    policy = book.policy
    invoices = book.tables.get("Invoices")
    if invoices is None or str(policy.get("exchange_rates") or "").strip():
        return
    frame = invoices.frame
    named = [c for c in frame.columns if isinstance(c, str) and not c.startswith("_")]
    column = next((c for c in named if match_key(c) in RATE_HEADERS), None)
    if "Currency" not in frame:
        return
    if column is None:
        unsure = next((c for c in named if match_key(c) in UNSURE_HEADERS), None)
        if unsure is not None:
            _say_direction_unknown(book, unsure)
        return
    rate = pd.to_numeric(frame[column], errors="coerce")
    code = frame["Currency"].map(lambda v: v.strip().upper() if isinstance(v, str) else None)
    rated = rate.notna() & (rate > 0) & code.notna()
    if not rated.any():
        return
    customers = book.tables.get("Customers")
    own_of = (pd.Series(dtype=object) if customers is None or "Currency" not in customers.frame
              else customers.frame.dropna(subset=["Customer ID"]).drop_duplicates(
                  "Customer ID").set_index("Customer ID")["Currency"].map(
                  lambda v: v.strip().upper() if isinstance(v, str) and v.strip() else None))
    billed_in = frame["Customer ID"].map(own_of)
    # needed only where a customer is billed in another currency than its own
    if not (rated & billed_in.notna() & (code != billed_in)).any():
        return
    at_one = {c for c in code[rated].unique() if (rate[rated & (code == c)] == 1).all()}
    base = policy.base_currency.strip().upper() or None
    if base is None:
        if len(at_one) == 1:
            base = next(iter(at_one))
        else:
            own = set(own_of.dropna())
            base = next(iter(own)) if len(own) == 1 and not at_one - own else None
    if base is None:
        return
    dates = pd.to_datetime(frame["Invoice Date"], errors="coerce")
    foreign = rated & (code != base) & dates.notna()
    # a foreign row at 1 beside the same currency's own rate (48.50) is the form's default
    # left in place, not a rate (a currency pegged at par, BND to SGD, says 1 on every row)
    priced = set(code[foreign & (rate != 1)])
    foreign &= ~((rate == 1) & code.isin(priced))
    if not foreign.any():
        return
    letter = invoices.letters.get(column, "")
    header = column
    rows = tuple(SheetRate(str(code[i]), float(rate[i]), dates[i].date(), invoices.sheet_at(i),
                           f"{letter}{int(frame.at[i, ROW])}", header)
                 for i in frame.index[foreign])
    latest: dict[str, float] = {}
    for r in sorted(rows, key=lambda r: r.when):
        latest[r.code] = r.rate
    text = "; ".join(f"{c}={_plain(v)}" for c, v in sorted({**latest, base: 1.0}.items()))
    book.policy = replace(policy, extra={**policy.extra, "exchangerates": text},
                          rate_sheet=rows, rates_from=("invoices", header),
                          **({} if policy.base_currency.strip() else {"base_currency": base}))
    first = frame.index[foreign][0]
    book.issues.append(Issue(
        invoices.sheet_at(first), f"{letter}{int(frame.at[first, ROW])}", header, None,
        f"no exchange rates in the Policy: column '{header}' read as the invoices' rates to "
        f"{base} ({', '.join(sorted(latest))}), each currency at its latest invoice's rate on "
        f"or before the as-of date"))


def _say_direction_unknown(book: Book, column: str) -> None:
    """One Input Issue at a rate column whose direction is unknown, where the book needs rates
    (some customer billed in another currency than its own, a rate given on such a row)."""
    invoices = book.tables["Invoices"]
    frame = invoices.frame
    rate = pd.to_numeric(frame[column], errors="coerce")
    code = frame["Currency"].map(lambda v: v.strip().upper() if isinstance(v, str) else None)
    customers = book.tables.get("Customers")
    if customers is None or "Currency" not in customers.frame:
        return
    own_of = customers.frame.dropna(subset=["Customer ID"]).drop_duplicates(
        "Customer ID").set_index("Customer ID")["Currency"].map(
        lambda v: v.strip().upper() if isinstance(v, str) and v.strip() else None)
    billed_in = frame["Customer ID"].map(own_of)
    foreign = rate.notna() & (rate > 0) & code.notna() & billed_in.notna() & (code != billed_in)
    if not foreign.any():
        return
    book.issues.append(invoices.issue(
        frame.index[foreign][0], column,
        f"column '{column}' not used as exchange rates: it does not say whether a rate is the "
        f"company's currency per unit of the invoice's or the other way round (give the rates "
        f"in the Policy's exchange_rates, or name the column 'Exchange Rate' if it is the "
        f"company's currency per unit); other currencies are added as they stand"))
