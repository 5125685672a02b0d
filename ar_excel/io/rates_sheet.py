"""Exchange rates kept on a sheet of their own, as a distributor's workbook keeps them.

Rules:

* Where the Policy sheet gives no ``exchange_rates``, a sheet named for the rates (``FX
  Rates``, ``FX``, ``Exchange Rates``, ``Currency Rates``, ``أسعار الصرف``, ``سعر الصرف``,
  ``أسعار العملات``) gives them: a column of currency codes (``Currency``, ``Code``,
  ``العملة``...) and, after it, a column of rates (its header says so: ``Rate``, ``Exchange
  Rate``, ``Mid``, ``سعر الصرف``, or names a currency code: ``EGP``, ``Rate to EGP``; an
  ``Amount`` column is no rate), each what one unit of that currency is worth in the base
  currency (the Policy key's meaning: ``USD 50.50`` in an EGP book).
* A currency on several rows (a rate a month) takes its last row, or where the sheet has a
  date column (date cells or dates typed as text, read as the Policy's date order) its latest
  rate dated on or before the job's as-of date (``core.fx.rates_as_of``: a report as of 30
  November uses November's rate, not one of 5 December that did not exist yet); where each
  of its rates is dated after the as-of date, the earliest of them, and an Input Issue at its
  date cell says so. Jobs without an as-of date of their own take the latest-dated row.
* A rate header naming one ISO 4217 currency code, as a word of its own (``Rate to EGP``,
  ``RATE TO EGP``, ``EGP per unit``; ``RATE`` names none, nor does ``QTY``), names the currency the rates are against
  (its rate is 1), and so the base currency where the Policy does not say it; where the
  Policy names another (USD), amounts convert through it.
* A row whose rate is no number above zero is an Input Issue at its cell (sheet, cell,
  column, value) and gives its currency no rate; the sheet's other rates are used.
* The rates are what the Policy key would hold (``USD=50.5; EUR=55``), so every job that
  reads the Policy's rates (credit limits, the management pack, cross-currency receipts)
  reads these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.core.fx import SheetRate
from ar_excel.io.grid import Grid
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import normalize_digits, parse_currency, parse_date, parse_money
from ar_excel.policy import Policy

SHEET_NAMES = {match_key(n) for n in (
    "FX Rates", "FX", "Exchange Rates", "Exchange Rate", "Currency Rates", "FX Table",
    "أسعار الصرف", "سعر الصرف", "أسعار العملات")}
_CURRENCY_HEADERS = {match_key(h) for h in (
    "Currency", "Currency Code", "Code", "CCY", "From", "From Currency", "العملة", "رمز العملة")}
_DATE_HEADERS = {match_key(h) for h in ("Date", "As Of", "Rate Date", "Month", "Effective Date",
                                         "التاريخ", "تاريخ السعر")}
_CODE = re.compile(r"^[A-Z]{3}$")
_CODE_WORD = re.compile(r"\b[A-Z]{3}\b")
_RATE_WORDS = re.compile(r"rate|fx|exchange|mid|buy|sell|سعر|صرف|شراء|بيع")
_HEADER_ROWS = 10


def rates_from_sheet(grids: list[Grid], policy: Policy,
                     loader: Callable[[str], list[list[Any]] | None] | None = None
                     ) -> tuple[Policy, list[Issue]]:
    """The Policy with the rates of an exchange-rates sheet where it gives none itself, and
    the issues of the sheet's unusable rates."""
    if str(policy.get("exchange_rates") or "").strip():
        return policy, []
    for grid in grids:
        if grid.header is not None or match_key(grid.name) not in SHEET_NAMES:
            continue
        rows = grid.rows or (loader(grid.name) if loader else None) or []
        found = _read(grid, rows, policy.day_first)
        if found is None:
            continue
        rates, base, dated, issues = found
        if not rates:
            return policy, issues
        if base and base not in rates:
            rates[base] = 1.0  # the rates are against it, whatever the Policy's base is
        text = "; ".join(f"{code}={_plain(rate)}" for code, rate in sorted(rates.items()))
        # the sheet's base becomes the book's only where the Policy names none
        named_base = base if base and not policy.base_currency.strip() else ""
        changed = replace(policy, extra={**policy.extra, "exchangerates": text},
                          rate_sheet=dated, rates_from=("sheet", grid.name),
                          **({"base_currency": named_base} if named_base else {}))
        return changed, issues
    return policy, []


def _plain(rate: float) -> str:
    return f"{rate:.10f}".rstrip("0").rstrip(".")


def _read(grid: Grid, rows: list[list[Any]], day_first: bool = True
          ) -> tuple[dict[str, float], str | None, tuple[SheetRate, ...], list[Issue]] | None:
    """(latest rates, the base currency a rate header names, the rows of a sheet with a date
    column, issues), or None when the sheet has no currency column with a rate column after
    it."""
    for h, header in enumerate(rows[:_HEADER_ROWS]):
        keys = [match_key(v) if isinstance(v, str) else "" for v in header]
        code_at = next((j for j, k in enumerate(keys) if k in _CURRENCY_HEADERS), None)
        if code_at is None:
            continue
        date_at = next((j for j, k in enumerate(keys) if k in _DATE_HEADERS), None)
        rate_at = next((j for j in range(code_at + 1, len(header))
                        if keys[j] and j != date_at and _names_a_rate(header[j])), None)
        if rate_at is None:
            return None
        return _rates(grid, rows, h, code_at, rate_at, date_at, day_first)
    return None


def _when(value: object, day_first: bool) -> datetime | None:
    """A rate's date: a date cell, or a date typed as text ('31/01/2026'); None when blank
    or no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_date(value, day_first)
    except (ValueError, TypeError):
        return None


def _names_a_rate(header: object) -> bool:
    """A rate column's header: Rate, Exchange Rate, Mid / Buying / Selling, سعر الصرف,
    or an ISO 4217 currency code ('EGP', 'Rate to EGP'); not an Amount or a Balance, nor a
    word in capitals that is no currency ('QTY', 'REF')."""
    text = str(header)
    return bool(_RATE_WORDS.search(text.lower()) or _currencies_named(text))


def _currencies_named(text: str) -> set[str]:
    """The ISO 4217 codes a header names as words of their own ('Rate to EGP'), never the
    start of one ('RATE') nor capitals that are no currency ('QTY')."""
    return {c for c in _CODE_WORD.findall(normalize_digits(text)) if c in ISO_4217}


def _rates(grid: Grid, rows: list[list[Any]], h: int, code_at: int, rate_at: int,
           date_at: int | None, day_first: bool = True
           ) -> tuple[dict[str, float], str | None, tuple[SheetRate, ...], list[Issue]]:
    header = str(rows[h][rate_at]).strip()
    named = _currencies_named(header)
    base = next(iter(named)) if len(named) == 1 else None
    latest: dict[str, tuple[tuple[bool, datetime, int], float]] = {}
    issues: list[Issue] = []
    dated: list[SheetRate] = []
    for i in range(h + 1, len(rows)):
        row = rows[i]
        code_cell = row[code_at] if code_at < len(row) else None
        if code_cell is None or not str(code_cell).strip():
            continue
        code = parse_currency(code_cell)
        if not _CODE.match(code) or code not in ISO_4217:
            continue  # a note or a total under the table ('SUM', 'TOTAL': no currency)
        value = row[rate_at] if rate_at < len(row) else None
        cell = f"{column_letter(grid.left + rate_at)}{grid.top + i + 1}"
        try:
            rate = parse_money(value)
        except ValueError:
            rate = float("nan")
        if not rate > 0:
            issues.append(Issue(grid.name, cell, header, value,
                                f"the exchange rate of {code} is not a number above zero; "
                                f"{code} is given no rate from this row"))
            continue
        when = _when(row[date_at] if date_at is not None and date_at < len(row) else None,
                     day_first)
        stamp = (when is not None, when or datetime.min, i)  # latest date, then last row
        if code not in latest or stamp > latest[code][0]:
            latest[code] = (stamp, rate)
        if date_at is not None:  # (the job's as-of date chooses among them)
            at = date_at if when is not None else rate_at
            dated.append(SheetRate(code, rate, when.date() if when else None, grid.name,
                                   f"{column_letter(grid.left + at)}{grid.top + i + 1}",
                                   str(rows[h][at]).strip()))
    rates = {code: rate for code, (_, rate) in latest.items()}
    return rates, base, tuple(dated), issues
