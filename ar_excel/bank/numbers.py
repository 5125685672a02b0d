"""Amounts and dates as banks write them in CSV/XLSX exports.

Amounts: ``1.234,56`` and ``1,234.56``, ``1'234.56``, ``1 234,56``, ``1000,`` (no decimals),
``$1,036.47``, ``-€ 12,00``, ``12.50-`` and ``(12.50)`` (negative), ``12.50 CR`` / ``DR``,
Arabic-Indic digits and the Arabic decimal/thousands signs. The decimal mark of a whole column
is decided from all its values (``decide_decimal``), because ``1.234`` alone is ambiguous.

Dates: ISO ``2024-02-01``, ``01.02.2024``, ``1/2/24``, ``20240201``, ``01-Feb-2024``. The
day/month order of a column is decided from all its values: a first part above 12 means
day first, a second part above 12 means month first; otherwise the caller's preference,
else day first (the contract's default ``date_order``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from itertools import compress
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.marks import AMOUNT_ONLY_LETTERS, GLUED, SIDES, WORDS, alternation
from ar_excel.parsing import is_blank, normalize_digits, parse_money
from ar_excel.parsing import parse_date as _parse_date

# a currency written at the amount: a code, a sign, and the region's own abbreviations (L.E.,
# KD, BD, QR, RO, Dh; د.ك, د.ب, ر.ق, ر.ع; جنيه, ريال, درهم, دينار), so "BD 8,012.550" still
# shows its decimal mark
_CURRENCY = re.compile(r"[A-Za-z]{3}|[$€£¥₹₺﷼]|ج\.?م\.?|ر\.?س\.?|د\.?إ\.?|د\.?ك\.?|د\.?ب\.?|"
                       r"ر\.?ق\.?|ر\.?ع\.?|L\.E\.?|SR|LE|E£|KD|BD|QR|RO|Dh|جنيه|ريال|درهم|دينار",
                       re.UNICODE)


def _core(text: str) -> tuple[str, bool] | None:
    """Strip currency, signs and markers; return (digits with separators, negative)."""
    s = normalize_digits(text).replace("\u00a0", " ").strip()
    if not s:
        return None
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    upper = s.upper()
    for marker in GLUED:
        if upper.endswith(marker) and any(ch.isdigit() for ch in s):
            s, negative = s[: -len(marker)].strip(), negative or SIDES[marker.lower()] < 0
            break
    s = _CURRENCY.sub(" ", s).strip()
    if s.endswith("-"):
        negative, s = True, s[:-1].strip()
    if s.startswith("+"):
        s = s[1:].strip()
    elif s.startswith("-"):
        negative, s = not negative, s[1:].strip()
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _CURRENCY.sub(" ", s).strip()
    if not s or not re.fullmatch(r"\d[\d.,' ]*|[.,]\d+", s):
        return None
    return s, negative


@lru_cache(maxsize=65536)
def decimal_mark(text: str) -> str | None:
    """The decimal mark ``text`` must use ('.' or ','), or None when it cannot tell."""
    core = _core(text)
    if core is None:
        return None
    s = core[0].replace(" ", "").replace("'", "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        return "." if s.rfind(".") > s.rfind(",") else ","
    for mark, count in ((".", dots), (",", commas)):
        if count > 1:
            return "," if mark == "." else "."  # repeated: a thousands separator
        if count == 1:
            head, tail = s.split(mark)
            if len(tail) != 3 or s.startswith(("0" + mark, mark)) or len(head) > 3:
                return mark  # 12,5 / 1000, / 0,125 / 12.50 / 1374.005 (no group of 4)
            return None  # 1.234 or 1,234: either way
    return None


def decide_decimal(values: list[Any]) -> str:
    """The decimal mark of a column of amount texts: the one its values agree on, else '.'."""
    votes = {".": 0, ",": 0}
    for v in values:
        if isinstance(v, str) and v:
            mark = decimal_mark(v)
            if mark:
                votes[mark] += 1
                if votes[mark] >= 200 and votes[mark] > 20 * votes["," if mark == "." else "."]:
                    break  # settled: a long statement need not be read twice
    return "," if votes[","] > votes["."] else "."


# debit/credit written at the amount in ways the general number reader does not take:
# "1,234.50 Cr.", "CR 1,234.50", "Dr. 1,234.50", "1,234.50 D", "1,234.50 مدين"
# also German Haben/Soll ("1.234,50 H", "15,00 S"), the Arabic letters of مدين / دائن
# ("1,234.50 د", "250.00 م"; not the م of ج.م, after a dot), the ledger's له / عليه / منه (for
# him: credit; on him, from him: debit) and a sign after it ("1,234.50 +", "5,000.00+")
_AMOUNT_MARKS = {**SIDES, **AMOUNT_ONLY_LETTERS, "-": -1, "+": 1}
_MARK_AFTER = re.compile(r"(?i)(?<=[\d)\s])\s*(" + alternation([*SIDES, *AMOUNT_ONLY_LETTERS])
                         + r")\.?\s*$|(?<=\d)\s*([+-])\s*$")
_MARK_BEFORE = re.compile(r"(?i)^\s*(" + alternation(WORDS) + r")\.?\s+(?=[-+(]?\s*\d)")
# a currency code before brackets or after them: "EGP (1,234.50)", "(1,234.50) EGP"
_CODE_AT_BRACKETS = re.compile(r"^\s*[A-Za-z]{3}\s*(?=\()|(?<=\))\s*[A-Za-z]{3}\s*$")


def _marked(text: str) -> tuple[str, bool | None]:
    """The amount text without a debit/credit mark, and whether the mark said debit (None
    without one)."""
    for pattern in (_MARK_AFTER, _MARK_BEFORE):
        m = pattern.search(text)
        if m and any(ch.isdigit() for ch in normalize_digits(text)):
            mark = (m.group(1) or m.group(2)).lower()
            return (text[:m.start()] + text[m.end():]).strip(), _AMOUNT_MARKS[mark] < 0
    return text, None


def mark_side(value: Any) -> int:
    """The side a debit/credit mark written at an amount says: -1 ("52.50 Dr", "52.50-"), 1
    ("12,500.00CR", "5,000.00+"), 0 without a mark (a plain figure, a leading minus)."""
    if not isinstance(value, str):
        return 0
    _, debit = _marked(value)
    return 0 if debit is None else -1 if debit else 1


# dashes a PDF conversion or a word processor writes for the minus ("– 15,00", "‒15.00")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d", "-"))


def parse_amount(value: Any, decimal: str = ".") -> float | None:
    """A cell -> float, None when blank; raises ValueError (clerk-readable) when not a number."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        value = value.translate(_DASHES)
        if value.strip() in ("-", "--"):
            return None
    try:
        return parse_money(value, decimal_comma=decimal == ",")
    except ValueError:
        if not isinstance(value, str):
            raise
        text, debit = _marked(value)
        text = _CODE_AT_BRACKETS.sub("", text)
        if text == value:
            raise
        try:
            amount = parse_money(text, decimal_comma=decimal == ",")
        except ValueError:
            raise ValueError(f"'{value}' is not a number") from None
        return amount if debit is None else (-abs(amount) if debit else abs(amount))


# ---------------------------------------------------------------- dates

_NUMERIC = re.compile(r"^(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{2,4})(?:[ T]\d{1,2}:\d{2}(:\d{2})?.*)?$")


def date_parts(value: Any) -> tuple[int, int] | None:
    """Numeric dd/mm/yyyy-like text -> its first two numbers (day and month, either order)
    else None: all the day/month order is decided on."""
    if not isinstance(value, str):
        return None
    return _date_parts(value)


@lru_cache(maxsize=65536)
def _date_parts(value: str) -> tuple[int, int] | None:
    m = _NUMERIC.match(normalize_digits(value).strip())
    if not m or len(m.group(1)) == 4:
        return None
    return int(m.group(1)), int(m.group(2))


def date_order_shown(values: Iterable[Any]) -> bool | None:
    """True (day first) or False (month first) where some date text shows its order (a part
    above 12), None where every one reads both ways."""
    month_first = False
    for v in values:
        parts = date_parts(v)
        if parts:
            if parts[0] > 12:
                return True
            month_first = month_first or parts[1] > 12
    return False if month_first else None


def decide_day_first(values: list[Any], day_first: bool | None = None) -> bool:
    """Day/month order of a column of date texts (see module docstring)."""
    shown = date_order_shown(values)
    if shown is not None:
        return shown
    return True if day_first is None else day_first


MONTH_SPAN_DAYS = 35  # a monthly statement's lines, a few days of slack
LONG_SPAN_DAYS = 45  # more than a month: with every date readable both ways, suspicious


def span_days(values: Iterable[Any], day_first: bool) -> int | None:
    """Days between the first and the last date of ``values`` read in one order."""
    days = []
    for v in values:
        if date_parts(v) is None:
            continue
        try:
            days.append(parse_date(v, day_first))
        except (ValueError, OverflowError):
            return None  # not a date in this order: the order was shown, not guessed
    return (max(days) - min(days)).days if len(days) > 1 else None


# a time of day after the date: "01 Nov 2026 10:22", "05/11/2026 10:22 AM", "... 09:00 م",
# "... 03:15:00 مساءً" (the designators spelt out: مساءً / صباحاً, with or without their marks)
_TIME_OF_DAY = re.compile(r"(?<=\d)(?:[ T,]+|\s*[-–|@]\s*|\s+(?:ص|م)\s+)"  # "- 10:15", "م 04:20"
                          r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*"
                          r"(?:[AaPp]\.?[Mm]\.?|مساء[\u064b\u064e]?ا?[\u064b]?|"
                          r"صباح[\u064b\u064e]?ا?[\u064b]?|ص|م)?\s*$")


# a weekday before the date: "Sun 01 Nov 2026", "Mon, 02/11/2026", "الأحد 01/11/2026"
_WEEKDAY = re.compile(r"(?i)^\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|"
                      r"^\s*(الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|"
                      r"الجمعة|السبت)\s*[،,]?\s*")


# the Hijri date Saudi exports print beside the Gregorian one in the same cell:
# "22/11/2026 - 1448/06/12", "22/11/2026 (12/06/1448 هـ)", "1448/06/12 | 22/11/2026"
_HIJRI_BESIDE = re.compile(r"\s*[-–|/(\[]?\s*(?:1[34]\d\d[./-]\d{1,2}[./-]\d{1,2}|"
                           r"\d{1,2}[./-]\d{1,2}[./-]1[34]\d\d)\s*(?:هـ|ه|AH)?\s*[)\]]?\s*[-–|]?\s*")


def parse_date(value: Any, day_first: bool = True, fmt: str | None = None) -> pd.Timestamp | None:
    """A cell -> Timestamp (date only), None when blank; raises ValueError when not a date."""
    if is_blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.normalize()
    if fmt and isinstance(value, str):
        return pd.Timestamp(datetime.strptime(value.strip(), fmt)).normalize()
    try:
        return pd.Timestamp(_parse_date(value, day_first))
    except ValueError as first:
        if not isinstance(value, str):
            raise
        bare = _WEEKDAY.sub("", _TIME_OF_DAY.sub("", _HIJRI_BESIDE.sub(" ", value).strip()))
        bare = bare.replace("ڤ", "ف")  # نوڤمبر: the Gulf's v for the month's name
        if bare == value:
            raise
        try:
            return pd.Timestamp(_parse_date(bare, day_first))
        except ValueError:
            raise first from None  # the message names the cell as written


# ---------------------------------------------------------------- whole columns
#
# A statement has tens of thousands of lines in one uniform format: the columns are parsed in
# one pass each, plain numbers by a strict pattern and everything else (currency signs, CR/DR,
# brackets, Arabic digits, bad values) by the careful parsers above, once per distinct value.
# The strict patterns accept only texts the careful parser reads the same way.

_PLAIN_AMOUNT = {
    ".": re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"),
    ",": re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"),
}
_EPOCH = np.datetime64("1970-01-01", "D")


def parse_amount_column(values: Sequence[Any], decimal: str = "."
                        ) -> tuple[np.ndarray, dict[int, str]]:
    """``parse_amount`` of each value: floats (NaN where blank) and {position: error message}."""
    out = np.full(len(values), np.nan)
    errors: dict[int, str] = {}
    plain = _PLAIN_AMOUNT[decimal].fullmatch
    group = "," if decimal == "." else "."
    careful: dict[tuple[type, Any], float | None | str] = {}
    positions: Iterable[int] = range(len(values))
    if values and set(map(type, values)) == {str}:
        # A CSV's column: its plain amounts converted together, the rest one by one below.
        matched = np.fromiter(map(bool, map(plain, values)), dtype=bool, count=len(values))
        if matched.any():
            texts = "\0".join(compress(values, matched))
            out[matched] = list(map(float, texts.replace(group, "").replace(",", ".").split("\0")))
        positions = np.flatnonzero(~matched).tolist()
    for i in positions:
        v = values[i]
        kind = type(v)
        if kind is str:
            if plain(v):
                out[i] = float(v.replace(group, "").replace(",", "."))
                continue
        elif kind is float or kind is int:
            out[i] = v  # NaN stays blank
            continue
        elif v is None:
            continue
        key = (kind, v)
        if key not in careful:
            try:
                careful[key] = parse_amount(v, decimal)
            except ValueError as exc:
                careful[key] = str(exc)
        result = careful[key]
        if isinstance(result, str):
            errors[i] = result
        elif result is not None:
            out[i] = result
    return out, errors


def parse_date_column(values: Sequence[Any], day_first: bool = True, fmt: str | None = None
                      ) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """``parse_date`` of each value: datetime64[ns] (NaT where blank or unreadable), a mask of
    the blank values and {position: error message}. A statement repeats a few dozen dates
    over thousands of lines: each distinct value is read once."""
    n = len(values)
    kinds = set(map(type, values))
    if len(kinds) == 1:  # one type (text, as a CSV has): the values are the keys
        keys: list[Any] = list(values)
        distinct = {key: k for k, key in enumerate(dict.fromkeys(keys))}
        kind = next(iter(kinds))
        results = [_date_result(kind, v, day_first, fmt) for v in distinct]
    else:
        keys = list(zip(map(type, values), values, strict=True))
        distinct = {key: k for k, key in enumerate(dict.fromkeys(keys))}
        results = [_date_result(kind, v, day_first, fmt) for kind, v in distinct]
    code = np.fromiter(map(distinct.__getitem__, keys), dtype=np.int64, count=n)
    is_day = np.array([type(r) is int for r in results], dtype=bool)
    day_of = np.array([r if type(r) is int else 0 for r in results], dtype=np.int64)
    readable = is_day[code]
    blank = np.array([r is None for r in results], dtype=bool)[code]
    failed = np.array([isinstance(r, str) for r in results], dtype=bool)
    errors = ({int(i): results[code[i]] for i in np.flatnonzero(failed[code])}
              if failed.any() else {})
    out = day_of[code].astype("datetime64[D]").astype("datetime64[ns]")
    out[~readable] = np.datetime64("NaT")
    return out, blank, errors


def _date_result(kind: type, v: Any, day_first: bool, fmt: str | None) -> int | None | str:
    """One value of a date column: days since 1970-01-01, None when blank, else the message."""
    if (kind is datetime or kind is date) and 1678 <= v.year <= 2261 and (
            kind is date or v.tzinfo is None):
        return v.toordinal() - 719163  # days since 1970-01-01
    try:
        stamp = parse_date(v, day_first, fmt)
        result = None if stamp is None else int(
            (np.datetime64(stamp.date(), "D") - _EPOCH).astype("int64"))
        if stamp is not None and not (1678 <= stamp.year <= 2261):
            result = f"{stamp.date()} is out of the supported range of dates"
    except (ValueError, OverflowError) as exc:
        result = str(exc)
    return result
