"""Day first or month first: the order of a statement's numeric dates.

The rule: a column whose dates show the order (a part above 12) is read that way; a statement
period above the header shows it too. Where every date reads both ways (``03/11/2026``), the
other evidence in the file decides, strongest first: a statement period written with the
month's name, such dates among the lines, value dates (within days of the booking date one way,
a month or more the other), the span (within a month one way only), the lines' date order,
dots (``03.11.2026``: never month first), the headers' language or the account's currency
(Arabic, German...; EGP, AED, EUR...: countries that write the day first). Where that turns
the order asked for, the clerk is told why; where nothing decides and the two readings give
different dates, the order asked for is used and the clerk is told so, with a sample and how
to name the order (``date_order=month first``). Date cells that Excel
swapped (a day-first export opened in Excel set to month first: 01/11/2026 became 11 January,
13/11/2026 stayed text) are put right when the dates left as text show it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.numbers import (
    LONG_SPAN_DAYS,
    MONTH_SPAN_DAYS,
    date_order_shown,
    date_parts,
    decide_day_first,
    parse_date,
    span_days,
)
from ar_excel.errors import InputError
from ar_excel.parsing import normalize_digits


def swap_day_month(value: Any) -> Any:
    return value.replace(month=value.day, day=value.month)


def swapped_by_excel(cells: list[Any]) -> list[int]:
    """Positions of date cells Excel made from day-first text read month first.

    Opened in Excel set to month first, a day-first export keeps the dates that cannot be
    month first (13/11/2026) as text and turns the others into wrong dates (01/11/2026 ->
    11 January). The sign: text dates that show day first beside date cells that all have a
    day of 12 or less, which fall among the text dates only with day and month swapped.
    """
    if set(map(type, cells)) <= {str, type(None)}:
        return []  # a CSV's text: no date cells for Excel to have swapped
    stored = [i for i, v in enumerate(cells) if isinstance(v, date)]
    texts = [v for v in cells if isinstance(v, str) and date_parts(v) is not None]
    if not stored or not texts or date_order_shown(texts) is not True:
        return []
    if any(cells[i].day > 12 for i in stored):
        return []
    try:
        written = [parse_date(v, True) for v in texts]
    except (ValueError, OverflowError):
        return []
    low, high = min(written), max(written)

    def outside(days: list[pd.Timestamp]) -> int:
        return sum(not (low - pd.Timedelta(days=31) <= d <= high + pd.Timedelta(days=31))
                   for d in days)

    as_stored = [pd.Timestamp(cells[i]).normalize() for i in stored]
    as_swapped = [pd.Timestamp(swap_day_month(cells[i])).normalize() for i in stored]
    return stored if outside(as_swapped) < outside(as_stored) else []


DATE_TEXT = re.compile(r"(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?![\d.])")


def date_texts(rows: list[list[Any]]) -> list[str]:
    """Numeric dates written in text cells (a preamble's statement period, 'as of ...')."""
    return [m.group(0) for row in rows for c in row if isinstance(c, str)
            for m in DATE_TEXT.finditer(normalize_digits(c))]


_MONTH_NAME_DATE = re.compile(
    r"(?i)\b\d{1,2}[\s./-]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"[\s./,-]*\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{1,2},?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")
_ORDER_WORDS = {"dayfirst": True, "dmy": True, "ddmmyyyy": True, "ddmmyy": True,
                "monthfirst": False, "mdy": False, "mmddyyyy": False, "mmddyy": False,
                "us": False}


def order_named(value: Any, source: str) -> bool | None:
    """The ``date_order`` option (``day first``, ``month first``, ``DMY``, ``MDY``,
    ``dd/mm/yyyy``...) -> day first or not; None where not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    key = re.sub(r"[^a-z]", "", str(value).lower())
    if key not in _ORDER_WORDS:
        raise InputError(f"{source}: date_order '{value}' is neither 'day first' (dd/mm/yyyy) "
                         "nor 'month first' (mm/dd/yyyy)")
    return _ORDER_WORDS[key]


def _both_readings(values: list[Any]) -> dict[Any, tuple[pd.Timestamp, pd.Timestamp]]:
    """Each numeric date text read day first and month first (where both read)."""
    out = {}
    for v in values:
        if date_parts(v) is None:
            continue
        try:
            pair = (parse_date(v, True), parse_date(v, False))
        except (ValueError, OverflowError):
            continue
        if pair[0] is not None and pair[1] is not None:
            out[v] = pair
    return out


def _by_period(readings: dict[Any, tuple[pd.Timestamp, pd.Timestamp]],
               preamble: list[list[Any]]) -> bool | None:
    """Dates above the header that read one way only ("Period: 01 Nov 2026 - 30 Nov 2026", a
    date cell): the order that puts every line within the period they state."""
    stated = [pd.Timestamp(c).normalize() for row in preamble for c in row
              if isinstance(c, date)]
    for row in preamble:
        for c in row:
            if isinstance(c, str):
                for m in _MONTH_NAME_DATE.finditer(c):
                    try:
                        when = parse_date(m.group(0))
                    except (ValueError, OverflowError):
                        continue
                    if when is not None:
                        stated.append(when)
    if not stated or (max(stated) - min(stated)).days > 100:
        return None  # no period, or dates of something else (the account opened in 2015)
    low, high = min(stated) - pd.Timedelta(days=40), max(stated) + pd.Timedelta(days=40)
    if len(stated) > 1:
        low, high = min(stated) - pd.Timedelta(days=3), max(stated) + pd.Timedelta(days=3)
    fits = [all(low <= pair[k] <= high for pair in readings.values()) for k in (0, 1)]
    return fits[0] if fits[0] != fits[1] else None


def _by_line_dates(readings: dict[Any, tuple[pd.Timestamp, pd.Timestamp]],
                   cells: list[Any]) -> bool | None:
    """Dates among the lines that read one way (``03 Nov 2026``, ``2026-11-03``, a date cell):
    the order that puts the others within a month of them."""
    plain = []
    for c in dict.fromkeys(cells):
        if isinstance(c, date):
            plain.append(pd.Timestamp(c).normalize())
        elif isinstance(c, str) and date_parts(c) is None and _MONTH_NAME_DATE.search(c):
            try:
                when = parse_date(c)
            except (ValueError, OverflowError):
                continue
            if when is not None:
                plain.append(when)
    if not plain:
        return None
    low, high = min(plain) - pd.Timedelta(days=35), max(plain) + pd.Timedelta(days=35)
    fits = [all(low <= pair[k] <= high for pair in readings.values()) for k in (0, 1)]
    return fits[0] if fits[0] != fits[1] else None


def _by_dots(readings: dict[Any, tuple[pd.Timestamp, pd.Timestamp]]) -> bool | None:
    """``01.03.2024``: dates written with dots are day first (German, Swiss, Turkish,
    Russian...); the month-first habit writes slashes."""
    return True if any(isinstance(v, str) and re.search(r"\d\.\d", v) for v in readings) else None


def _by_value_dates(booked: list[Any], valued: list[Any],
                    readings: dict[Any, tuple[pd.Timestamp, pd.Timestamp]]) -> bool | None:
    """A value date lies within days of its booking date: the order that keeps every pair
    within 10 days where the other puts one a month or more apart."""
    gaps = [0, 0]
    for b, v in zip(booked, valued, strict=False):
        if b in readings and v in readings:
            for k in (0, 1):
                gaps[k] = max(gaps[k], abs((readings[v][k] - readings[b][k]).days))
    if gaps[0] <= 10 < 27 <= gaps[1]:
        return True
    if gaps[1] <= 10 < 27 <= gaps[0]:
        return False
    return None


def _by_row_order(booked: list[Any], readings: dict[Any, tuple[pd.Timestamp, pd.Timestamp]],
                  running: Callable[[], int | None] | None = None) -> bool | None:
    """A statement lists its lines in date order: the order in which the dates run one way,
    where the other has them going back and forth (or the wrong way: ``running`` tells +1
    where the running balance follows the rows top down, oldest first, -1 newest first)."""
    days = [np.array([readings[b][k].value for b in booked if b in readings], dtype=np.int64)
            for k in (0, 1)]
    ascending = [bool((np.diff(d) >= 0).all()) for d in days]
    descending = [bool((np.diff(d) <= 0).all()) for d in days]
    ordered = [len(d) > 2 and (a or z) for d, a, z in zip(days, ascending, descending,
                                                          strict=True)]
    if ordered[0] != ordered[1]:
        return ordered[0]
    if ordered[0] and ascending != descending and running is not None:
        # both run one way, in opposite directions: the balance tells which way is time's
        direction = running()
        if direction:
            fits = ascending if direction > 0 else descending
            return fits[0] if fits[0] != fits[1] else None
    return None


def _by_span(values: list[Any]) -> bool | None:
    """The order that keeps the statement within a month where the other spreads it over more
    than a month and a half (a US export read day first jumps a month a day)."""
    first, other = span_days(values, True), span_days(values, False)
    if first is None or other is None:
        return None
    if first > LONG_SPAN_DAYS and other <= MONTH_SPAN_DAYS:
        return False
    if other > LONG_SPAN_DAYS and first <= MONTH_SPAN_DAYS:
        return True
    return None


# header words of languages whose countries all write the day first (the month-first habit
# is American): German, French, Spanish, Italian, Portuguese, Dutch, Turkish, and Arabic
_DAY_FIRST_WORDS = frozenset({
    "datum", "buchungstag", "buchungsdatum", "valuta", "wertstellung", "betrag", "umsatz",
    "verwendungszweck", "buchungstext", "auftraggeber", "empfanger", "soll", "haben",
    "libelle", "montant", "valeur", "debit", "credit", "operation", "solde", "fecha",
    "importe", "concepto", "cargo", "abono", "saldo", "movimiento", "importo", "causale",
    "descrizione", "dare", "avere", "valor", "descricao", "historico", "bedrag",
    "omschrijving", "mededelingen", "rentedatum", "tarih", "tutar", "aciklama", "bakiye"})
_ENGLISH_ONLY = frozenset({"date", "amount", "description", "balance", "details", "posting",
                           "transaction", "reference", "withdrawal", "deposit", "memo"})


# currencies of the countries that write the month first (the US dollar also circulates in
# day-first Gulf and Egyptian accounts, so it tells nothing either way)
_NOT_TELLING_CURRENCIES = frozenset({"USD", "CAD", "PHP", "BZD", "FJD"})


def currency_of_a_day_first_country(codes: Any) -> str | None:
    """The first ISO code (``EGP``, ``AED``, ``EUR``...) of a currency whose countries write the
    day first; None where only the dollar or nothing is named."""
    for code in codes:
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code) and (
                code not in _NOT_TELLING_CURRENCIES):
            return code
    return None


def headers_of_a_day_first_language(headers: list[str]) -> bool:
    """Whether the header row is written in a language of day-first countries (Arabic script,
    or German, French, Spanish... words), not English: then ``03/11/2026`` is 3 November."""
    text = " ".join(h for h in headers if h)
    if re.search(r"[\u0600-\u06FF]", text):
        return True
    words = {w for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKD", text.lower()))
             if w.isascii()}
    foreign = words & _DAY_FIRST_WORDS - {"debit", "credit"}
    return bool(foreign) and not (words & _ENGLISH_ONLY and len(foreign) < 2)


_BECAUSE = {
    "period": "the statement period above the lines holds the dates only when read {order}",
    "value dates": "its value dates then fall within days of the booking dates ({other}: a "
                   "month or more apart)",
    "span": "{other} would spread the statement over more than " + str(LONG_SPAN_DAYS)
            + " days",
    "row order": "its lines are then in date order ({other}: back and forth)",
    "dots": "dates written with dots are day first",
    "other dates": "the dates written with the month's name put the statement there",
    "locale": "{locale}",
}


def _force_hint(sample: Any, day_first: bool) -> str:
    """How to name the other order: the date_order option, or a date format."""
    other = "month first" if day_first else "day first"
    sep = next((c for c in str(sample) if c in "./- "), "/")
    year = "%Y" if re.search(r"\d{4}", str(sample)) else "%y"
    fmt = sep.join(("%m", "%d", year) if day_first else ("%d", "%m", year))
    return (f"name the order with --bank-columns \"date_order={other}\" (or "
            f"\"date_format={fmt}\"; for the Excel buttons in the Policy key bank_columns)")


# the ``kind`` of the note of dates read in the order asked for, where nothing else decides
ASKED_ORDER = "date order as asked"


def decide_date_order(booked: list[Any], valued: list[Any] | None, preamble: list[list[Any]],
                      preference: bool | None, forced: bool = False, column: str = "Date",
                      locale: str | None = None, running: Callable[[], int | None] | None = None
                      ) -> tuple[bool, tuple[str, str, str] | None]:
    """Whether the statement's dates are day first, and the note for the clerk (sample,
    message, its ``Issue.kind``: ``ASKED_ORDER`` where the order asked for was followed for
    want of evidence) where that was not plain from the dates themselves.

    ``booked``/``valued``: the date cells of each row (booking date, value date);
    ``preamble``: the rows above the header; ``preference``: the order asked for (the
    Policy's date_order, else the contract's day first); ``forced``: the order or a date
    format was named for this file, so no evidence overrides it.

    Evidence, strongest first: a date showing its order (a part above 12, also in a statement
    period above the header); the period stated above the header in dates that read one way;
    dates among the lines that read one way (``03 Nov 2026``); value dates within days of
    their booking dates; the statement's span; its lines in date order; dates written with
    dots; ``locale``: why the file comes from a day-first country (its headers' language,
    its currency), said in the note; ``running``: which way the running balance runs (+1 top
    down, -1 bottom up), asked only where the lines' order needs it. Where none decides and the two readings differ, the preference is used and the
    clerk is told, with the sample and how to name the order.
    """
    values = list(dict.fromkeys([*booked, *(valued or ())]))
    shown = date_order_shown([*values, *date_texts(preamble)])
    if shown is not None:
        return shown, None
    dayfirst = decide_day_first([], preference)
    if forced:
        return dayfirst, None
    readings = _both_readings(values)
    differ = [v for v, (a, b) in readings.items() if a != b]
    if not differ:
        return dayfirst, None  # 01/01, 02/02...: the same dates either way
    evidence = (("period", lambda: _by_period(readings, preamble)),
                ("other dates", lambda: _by_line_dates(readings, [*booked, *(valued or ())])),
                ("value dates", lambda: _by_value_dates(booked, valued or [], readings)),
                ("span", lambda: _by_span(values)),
                ("span", lambda: _by_span([*values, *date_texts(preamble)])),
                ("row order", lambda: _by_row_order(booked, readings, running)),
                ("dots", lambda: _by_dots(readings)),
                ("locale", lambda: True if locale else None))
    for name, verdict in evidence:
        decided = verdict()
        if decided is None:
            continue
        if decided == dayfirst:
            return dayfirst, None
        sample = differ[0]
        order = "day first" if decided else "month first"
        other = "month first" if decided else "day first"
        read = readings[sample][0 if decided else 1]
        because = _BECAUSE[name].format(order=order, other=other, locale=locale)
        return decided, (sample, (
            f"every date of the statement reads both ways; read {order} ('{sample}' = "
            f"{read:%d %b %Y}) because {because}. If that is wrong, "
            + _force_hint(sample, decided)), "")
    sample = differ[0]
    order = "day first" if dayfirst else "month first"
    other = "month first" if dayfirst else "day first"
    first, second = readings[sample]
    return dayfirst, (sample, (
        f"the dates in column '{column}' read both ways ('{sample}' is {first:%d %b %Y} day "
        f"first, {second:%d %b %Y} month first) and nothing in the file tells which (no date "
        f"with a day above 12, statement period, value dates or date order that decides): "
        f"read {order}, the order asked for (the Policy's date_order). If the bank wrote "
        f"them {other}, " + _force_hint(sample, dayfirst)), ASKED_ORDER)
