"""What the billing checks look at: the workbook's frames, joined once and read-only.

Joining lines to their invoices and invoices to their customers is done here, once, so each
check stays a short rule over columns. The joins follow the contract:

* An invoice number is matched ignoring case and spaces (``inv-001`` is ``INV-001``); when
  a number is used twice, lines are joined to its first row (the duplicate is its own Error).
* An invoice's currency is its Currency, or when blank the customer's; its decimals come from
  ISO 4217. A book naming no currency anywhere (a clerk's register) takes the currency of the
  country nearly all its customers' tax IDs are from (``currency_by_tax_ids``), said in a
  note: its lines are then held to that country's VAT rates.
* Receipts listed among the invoices (a ledger export's Payment rows, a running ledger's
  "سند قبض") are no billing documents: ``BillingBook.billed`` leaves them out of the
  numbering and duplicate checks (``receipt_rows``).
* A line's blank tax rate is its VAT category's, where the lines state one (``tax_category``).
* Rates typed as fractions (0.14) are read as percentages where the sheet means them so
  (see ``percentages``).
* The billing position is taken once every invoice in the workbook exists: as of the later of
  the run's as-of date and the last invoice date, so invoices prepared ahead are checked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.billing.currency import decimals
from ar_excel.core.billing.percentages import as_percentages
from ar_excel.core.billing.tax_category import (
    categories_on_lines,
    rates_from_categories,
    standard_rates,
)
from ar_excel.core.billing.units import normalize_units
from ar_excel.core.customers.contacts import TAX_FORMATS
from ar_excel.core.entries import per_distinct, receipt_rows
from ar_excel.core.fx import Rates
from ar_excel.core.ledger import TILL_AMOUNT, open_items
from ar_excel.model import ROW, SHEET
from ar_excel.policy import Policy
from ar_excel.schema import empty_frame

KEY = "_key"  # invoice number as matched
CUSTOMER = "_customer"  # the invoice's customer (lines, joined)
CURRENCY = "_currency"  # the invoice's effective currency
DECIMALS = "_decimals"
DATE = "_date"  # the invoice date (lines, joined)
INVOICE_ROW = "_invoice_row"
UNIT = "_unit"  # normalized unit
PRICE_INCL = "_price_incl"  # the line's unit price includes tax (its header says so)
# the line's Quantity cell holds what is no quantity (an Input Issue): the line not valued
QTY_UNREAD = "_qty_unread"
WITHHELD = "_withheld"  # income tax withheld shown on the line (Egypt's 1 %): an amount
WITHHELD_RATE = "_withheld_rate"  # or its rate, of the line's net
TABLE_TAX = "_table_tax"  # Egypt's table tax on the line (part of the VAT base): an amount
TABLE_TAX_RATE = "_table_tax_rate"  # or its rate, of the line's net

# A unit price column headed as including tax: retail and B2C price lists in the Gulf and
# Egypt are kept with VAT in (``Price Incl VAT``, ``السعر شامل الضريبة``).
_PRICE_WORD = re.compile(r"price|rate|سعر")
_INCLUDING = re.compile(r"incl|inclusive|withvat|withtax|gross|شامل|بالضريبه|مع(?:ال)?ضريبه")


def _number_key(value: Any) -> Any:
    key = re.sub(r"\s+", "", str(value)).upper()
    return key or None


def invoice_key(numbers: pd.Series) -> pd.Series:
    """Invoice numbers as matched: upper case, no spaces; blank stays missing."""
    return per_distinct(numbers, _number_key)


def lookup(keys: pd.Series, table: pd.DataFrame, column: str) -> pd.Series:
    """``table[column]`` at each key of ``keys`` (``table`` indexed by unique keys); NaN/None
    where the key is missing."""
    at = table.index.get_indexer(keys)
    values = table[column].to_numpy()
    found = at >= 0
    if values.dtype.kind in "fiM":
        fill = np.datetime64("NaT") if values.dtype.kind == "M" else np.nan
        out = np.full(len(keys), fill, dtype=values.dtype if values.dtype.kind != "i"
                      else "float64")
    else:
        out = np.full(len(keys), None, dtype="object")
    out[found] = values[at[found]]
    return pd.Series(out, index=keys.index)


@dataclass(frozen=True)
class BillingBook:
    invoices: pd.DataFrame
    customers: pd.DataFrame
    lines: pd.DataFrame
    prices: pd.DataFrame
    conversions: pd.DataFrame
    deliveries: pd.DataFrame
    payments: pd.DataFrame
    policy: Policy
    as_of: pd.Timestamp
    arabic: bool = False
    sheets: dict[str, str] = field(default_factory=dict)  # kind -> sheet name as in the book
    notes: tuple[str, ...] = ()  # how the input was read, where it needed a choice
    # as the credit job weighs a limit (jobs.credit.limit_terms): the Policy's exchange
    # rates, what a blank currency means, and per Customer ID the currency its limit is in
    # where the master keeps it in another than the customer's (SAP B1's, 'EGP 50,000')
    rates: Rates | None = None
    blank_currency: str | None = None
    limit_currencies: dict[object, str] = field(default_factory=dict)

    def sheet(self, kind: str) -> str:
        return self.sheets.get(kind, kind)

    def sheet_of(self, kind: str, rows: pd.DataFrame) -> str | pd.Series:
        """The sheet each of ``rows`` is on: a book kept a month per sheet reads its sheets
        as one list, each row keeping its own sheet (``model.SHEET``)."""
        if SHEET in rows.columns:
            return rows[SHEET].where(rows[SHEET].notna(), self.sheet(kind))
        return self.sheet(kind)

    @property
    def home_currency(self) -> str:
        """The company's own currency: the policy's base currency, else the currency most
        invoices are in (ties: alphabetical)."""
        return _home(self.policy, self.invoices)

    @property
    def cycle_start(self) -> pd.Timestamp:
        """Invoices dated after this are the current billing cycle: the policy's
        ``billing_cycle_days`` (default 30) before the as-of date, or before the last invoice
        date when the workbook ends earlier (a past period checked later)."""
        days = pd.to_numeric(self.policy.get("billing_cycle_days", 30), errors="coerce")
        days = 30 if pd.isna(days) else int(days)
        last = self.invoices["Invoice Date"].max()
        anchor = self.as_of if pd.isna(last) else min(self.as_of, pd.Timestamp(last).normalize())
        return anchor - pd.Timedelta(days=days)

    @property
    def position_date(self) -> pd.Timestamp:
        """The date the credit position is taken: as-of, or the last invoice date if later."""
        last = self.invoices["Invoice Date"].max()
        return self.as_of if pd.isna(last) else max(self.as_of, pd.Timestamp(last).normalize())

    @cached_property
    def billed(self) -> pd.DataFrame:
        """The invoice list's invoices and credit notes: its rows less the receipts a ledger
        export lists among them (QuickBooks' Payment rows, a hand-kept ledger's سند قبض),
        whose numbers are cheque or voucher numbers, no billing document's."""
        return self.invoices[~receipt_rows(self.invoices)]

    @cached_property
    def open_items(self) -> pd.DataFrame:
        """The ledger's open items as of ``position_date``, taken once per book (several checks
        read them; nobody changes them)."""
        return open_items(self.customers, self.invoices, self.payments, as_of=self.position_date)

    @cached_property
    def invoicing_days(self) -> pd.DataFrame:
        """Each delivered row with its invoice and the days it waited, taken once per book
        (see ``deliveries.invoicing_days``; the deliveries checks and the exception report
        read it)."""
        from ar_excel.core.billing.deliveries import invoicing_days  # builds on this module

        return invoicing_days(self)

    @cached_property
    def line_arithmetic(self) -> pd.DataFrame:
        """Each Invoice Lines row's exact net, tax and gross and the bases its Line Total
        fits (``lines.arithmetic``), taken once per book: the line totals, the invoice
        totals, the tax amounts and the price checks each read them, a line at a time, so
        a part of the lines reads its rows of it."""
        from ar_excel.core.billing.lines import arithmetic  # builds on this module

        return arithmetic(self.lines)


def _incl_header(header: object) -> bool:
    from ar_excel.names import match_key

    key = match_key(header)
    return bool(_PRICE_WORD.search(key) and _INCLUDING.search(key))


_WITHHOLDING = re.compile(r"withholding|wht|خصموالاضافه|خصماضافه|خصمواضافه|منالمنبع|"
                          r"تحتحسابالضريبه|ضريبهالخصم")
_A_RATE = re.compile(r"pct|rate|percent|نسبه")


_TABLE_TAX = re.compile(r"tabletax|scheduletax|ضريبهالجدول|جدول")


def _tax_column(lines: pd.DataFrame, pattern: re.Pattern[str], amount: str, rate: str
                ) -> pd.DataFrame:
    """The lines with the amounts of the column ``pattern`` names (as positive numbers) as
    ``amount``, or its rates (a header saying %, rate, نسبة) as ``rate``; unchanged without
    one."""
    from ar_excel.names import match_key
    from ar_excel.parsing import parse_money, parse_percent

    column = next((c for c in lines.columns if isinstance(c, str) and not c.startswith("_")
                   and pattern.search(match_key(c))), None)
    if column is None:
        return lines
    is_rate = bool(_A_RATE.search(match_key(column)) or "%" in column)
    parse = parse_percent if is_rate else parse_money

    def value(v: object) -> float:
        try:
            return abs(float(parse(v)))
        except (TypeError, ValueError):  # blank or no number: none
            return 0.0

    values = per_distinct(lines[column], value).astype("float64")
    if is_rate:
        return lines.assign(**{rate: values.where(values >= 1.0, values * 100.0)})  # 0.05: 5 %
    return lines.assign(**{amount: values})


def table_tax_on_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Lines showing Egypt's table tax (ضريبة الجدول, on some goods): it is added to the
    line's net before VAT, which is charged on both."""
    return _tax_column(lines, _TABLE_TAX, TABLE_TAX, TABLE_TAX_RATE)


def withholding_on_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """Lines showing the income tax the customer will withhold (Egypt's e-invoices carry it
    as a tax of their own, T4, taken off the total): the column's amounts (as positive
    numbers) as ``WITHHELD``, or its rates as ``WITHHELD_RATE``."""
    return _tax_column(lines, _WITHHOLDING, WITHHELD, WITHHELD_RATE)


def prices_with_tax(lines: pd.DataFrame, headers: dict[str, str]) -> pd.DataFrame:
    """Lines whose unit prices are stated with tax in: ``Unit Price`` headed so, or, where the
    sheet has no unit price, a column headed as a price including tax (read as the unit
    price). Such lines are marked ``PRICE_INCL``; the others are as they were."""
    from ar_excel.parsing import parse_money

    if _incl_header(headers.get("Unit Price", "")):
        return lines.assign(**{PRICE_INCL: True})
    if lines["Unit Price"].notna().any():
        return lines
    column = next((c for c in lines.columns if isinstance(c, str) and not c.startswith("_")
                   and c not in headers and _incl_header(c)), None)
    if column is None:
        return lines

    def amount(value: object) -> float:
        try:
            return float(parse_money(value))
        except (TypeError, ValueError):  # blank or no amount: a lump-sum line
            return float("nan")

    price = per_distinct(lines[column], amount).astype("float64")
    return lines.assign(**{"Unit Price": price, PRICE_INCL: price.notna()})


def _frame(frame: pd.DataFrame | None, kind: str) -> pd.DataFrame:
    if frame is None:
        return empty_frame(kind)
    missing = [c for c in empty_frame(kind).columns if c not in frame.columns]
    if missing:  # a sheet without an optional column: the column is blank
        frame = frame.assign(**{c: empty_frame(kind)[c].reindex(frame.index) for c in missing})
    return frame


# A tax registration number's country by its digits alone, and its currency: the customer
# checks' formats (Saudi Arabia's 15 from 3 to 3, the UAE's 15 from 100), Egypt's by its
# company registration number of 9 alone.
_TAX_ID_CURRENCY = ((re.compile(r"\d{9}"), "EGP"), (TAX_FORMATS["SA"][0], "SAR"),
                    (TAX_FORMATS["AE"][0], "AED"))


def currency_by_tax_ids(customers: pd.DataFrame) -> str | None:
    """The currency of the country nearly all the customers' tax IDs are from (at least 3,
    and 80 % of those read), for a book that names no currency; None when they do not say
    one country."""
    if "Tax ID" not in customers.columns:
        return None
    found = []
    for value in customers["Tax ID"].dropna().astype(str):
        digits = re.sub(r"\D", "", value)
        found.append(next((c for p, c in _TAX_ID_CURRENCY if p.fullmatch(digits)), None))
    counts = pd.Series([c for c in found if c], dtype="object").value_counts()
    if counts.empty or counts.iloc[0] < 3 or counts.iloc[0] < 0.8 * len(found):
        return None
    return str(counts.index[0])


def _home(policy: Policy, invoices: pd.DataFrame) -> str:
    """The company's currency as ``BillingBook.home_currency`` gives it, before the book is."""
    if policy.base_currency:
        return policy.base_currency.strip().upper()
    counts = invoices[CURRENCY].dropna().astype(str).str.upper().value_counts()
    if counts.empty:
        return ""
    return str(counts.sort_index().sort_values(ascending=False, kind="stable").index[0])


def prepare(*, invoices: pd.DataFrame, customers: pd.DataFrame,
            lines: pd.DataFrame | None = None, prices: pd.DataFrame | None = None,
            conversions: pd.DataFrame | None = None, deliveries: pd.DataFrame | None = None,
            payments: pd.DataFrame | None = None, policy: Policy | None = None,
            as_of: date | datetime | pd.Timestamp | None = None, arabic: bool = False,
            sheets: dict[str, str] | None = None,
            line_headers: dict[str, str] | None = None,
            price_headers: dict[str, str] | None = None, rates: Rates | None = None,
            blank_currency: str | None = None,
            limit_currencies: dict[object, str] | None = None) -> BillingBook:
    """Join the frames the checks need; the inputs are not changed. ``line_headers``: the
    Invoice Lines headers as written (canonical name -> header), which may say the prices
    include tax; ``price_headers``: the Price List's, the same. ``rates``,
    ``blank_currency``, ``limit_currencies``: as ``BillingBook``'s."""
    policy = policy or Policy()
    customers = _frame(customers, "Customers")
    invoices = _frame(invoices, "Invoices")
    if TILL_AMOUNT in invoices:  # a sale paid at the till is still an invoice to check
        sold = pd.to_numeric(invoices[TILL_AMOUNT], errors="coerce")
        invoices = invoices.assign(Amount=sold.where(sold.notna(), invoices["Amount"]))
    lines = table_tax_on_lines(withholding_on_lines(
        prices_with_tax(_frame(lines, "Invoice Lines"), dict(line_headers or {}))))
    prices = _frame(prices, "Price List")
    # a retailer's list kept with VAT in ('Price Incl VAT', 'السعر شامل الضريبة')
    prices = prices.assign(**{PRICE_INCL: _incl_header(dict(price_headers or {}).get("Price", ""))})
    conversions = _frame(conversions, "Unit Conversions")
    deliveries = _frame(deliveries, "Orders")
    payments = _frame(payments, "Payments")

    first_customer = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    currency = invoices["Currency"].where(invoices["Currency"].notna(),
                                          invoices["Customer ID"].map(first_customer["Currency"]))
    if policy.base_currency:
        currency = currency.where(currency.notna(), policy.base_currency.upper())
    read_notes: list[str] = []
    if len(currency) and currency.isna().all():  # a hand-kept book naming no currency
        home = currency_by_tax_ids(customers)
        if home is not None:
            currency = currency.fillna(home)
            read_notes.append(
                f"لا عملة في الدفاتر: {home}، عملة بلد الأرقام الضريبية للعملاء (ونسب ضريبتها)"
                if arabic else f"no currency in the book: {home}, the country of the "
                f"customers' tax IDs (its VAT rates)")
    invoices = invoices.assign(**{
        KEY: invoice_key(invoices["Invoice No"]),
        CURRENCY: currency,
        DECIMALS: decimals(currency),
    })

    heads = invoices[invoices[KEY].notna()].drop_duplicates(KEY).set_index(KEY)
    line_keys = invoice_key(lines["Invoice No"])
    lines = lines.assign(**{
        KEY: line_keys,
        DATE: lookup(line_keys, heads, "Invoice Date").astype("datetime64[ns]"),
        CUSTOMER: lookup(line_keys, heads, "Customer ID"),
        CURRENCY: lookup(line_keys, heads, CURRENCY),
        DECIMALS: lookup(line_keys, heads, DECIMALS).fillna(2).astype("int64"),
        INVOICE_ROW: lookup(line_keys, heads, ROW),
        UNIT: normalize_units(lines["Unit"]),
    })
    lines, notes = as_percentages(lines, lines[DECIMALS], tuple(policy.allowed_tax_rates_pct))
    lines = categories_on_lines(lines)  # ZATCA's S / Z / E / O: a blank rate is the category's
    lines = rates_from_categories(lines, standard_rates(lines, policy, _home(policy, invoices)))
    prices = prices.assign(**{UNIT: normalize_units(prices["Unit"])})
    conversions = conversions.assign(
        _from=normalize_units(conversions["From Unit"]),
        _to=normalize_units(conversions["To Unit"]),
    )
    stamp = pd.Timestamp(date.today() if as_of is None else as_of).normalize()
    return BillingBook(invoices=invoices, customers=customers, lines=lines, prices=prices,
                       conversions=conversions, deliveries=deliveries, payments=payments,
                       policy=policy, as_of=stamp, arabic=arabic, sheets=dict(sheets or {}),
                       notes=tuple(read_notes + notes), rates=rates,
                       blank_currency=blank_currency,
                       limit_currencies=dict(limit_currencies or {}))
