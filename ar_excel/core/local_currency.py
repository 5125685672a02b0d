"""What a blank currency stands for: the company's own (local) currency.

Business Central and NAV leave a customer's Currency Code blank when it is billed in the
company's local currency (their "LCY"); hand-kept lists leave it blank for the currency
everything is in. So a blank is read as the local currency, found in this order:

1. the Policy's Base Currency;
2. the currency of the company's country: the Policy's ``Country``, else the country more
   than half of the customers whose Country cell names a known one are in;
3. the currency of the country nearly all the customers' tax IDs are from
   (``billing.context.currency_by_tax_ids``);
4. the currency of the country nearly all (80 %) the customers kept without a currency are
   in (an exporter's foreign customers name their currency; its home customers leave it
   blank);
5. only then the one currency the workbook names: a guess, which the jobs say in an Input
   Issue (``GUESSED``), and not made where the amounts kept without a currency are written
   in fils (``fils``: three decimals) while that currency counts cents (``io.fils_amounts``);
and None when nothing says which (several currencies named): the blank stays blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from ar_excel.core.countries import country_currency
from ar_excel.core.money import decimals_of
from ar_excel.policy import Policy

NEARLY_ALL = 0.8  # share of the blank-currency customers that must be in one country

# How the local currency was found (``LocalCurrency.source``).
POLICY, COUNTRY, TAX_IDS, BLANKS_COUNTRY, GUESSED = (
    "policy", "country", "tax ids", "blank customers' country", "only named")


class LocalCurrency(NamedTuple):
    code: str | None
    source: str  # POLICY, COUNTRY, TAX_IDS, BLANKS_COUNTRY, GUESSED; "" when code is None


def _countries(customers: pd.DataFrame) -> pd.Series:
    """The currency of each customer's stated country (NaN where none is known)."""
    if "Country" not in customers.columns:
        return pd.Series(dtype="object")
    return customers["Country"].map(country_currency).dropna()


def _most(currencies: pd.Series) -> tuple[str | None, float]:
    """The commonest currency and the share of ``currencies`` it is; (None, 0) if none."""
    if currencies.empty:
        return None, 0.0
    counts = currencies.value_counts()
    return str(counts.index[0]), counts.iloc[0] / len(currencies)


def local_currency(policy: Policy, named: Sequence[object],
                   customers: pd.DataFrame | None = None, *, fils: bool = False
                   ) -> LocalCurrency:
    """The currency a blank currency stands for, and how it was found (module docstring).
    ``named``: the currencies the workbook's customers and invoices name; ``fils``: the
    amounts kept without a currency are written with three decimals."""
    if policy.base_currency.strip():
        return LocalCurrency(policy.base_currency.strip().upper(), POLICY)
    stated = country_currency(policy.get("country") or policy.get("company_country"))
    if stated:
        return LocalCurrency(stated, POLICY)
    if customers is not None and len(customers):
        found, share = _most(_countries(customers))
        if found and share > 0.5:
            return LocalCurrency(found, COUNTRY)
        from ar_excel.core.billing.context import currency_by_tax_ids

        found = currency_by_tax_ids(customers)
        if found:
            return LocalCurrency(found, TAX_IDS)
        if "Currency" in customers.columns:
            found, share = _most(_countries(customers[customers["Currency"].isna()]))
            if found and share >= NEARLY_ALL:
                return LocalCurrency(found, BLANKS_COUNTRY)
    codes = {str(c) for c in named if _named(c)}
    if len(codes) != 1:
        return LocalCurrency(None, "")
    code = codes.pop()
    if fils and decimals_of(code) < 3:  # a dinar's fils are no dollar's cents: not a guess
        return LocalCurrency(None, "")
    return LocalCurrency(code, GUESSED)


def _named(value: object) -> bool:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return False
    return bool(str(value).strip())
