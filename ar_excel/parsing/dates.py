"""Dates as typed: Excel serials, ISO, day-first or month-first with any separator, month names in
English and Arabic, Hijri years, weekdays in front."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from ar_excel.parsing.digits import normalize_digits

EXCEL_EPOCH = datetime(1899, 12, 30)
_MIN_SERIAL, _MAX_SERIAL = 367, 73051  # 1901-01-01 .. 2099-12-31: anything else is no date
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})"
                  r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|ص|م))?)?$")
# A weekday written before a date ("Thu 01/10/2026", "الخميس 01/10/2026") says nothing more.
_WEEKDAY = re.compile(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|"
                      r"^(?:ال)?(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|جمعه)،?\s+")
# The calendar written after a date: Gregorian (م, ميلادي, AD) or Hijri (هـ, AH); the year
# tells the calendar either way.
_ERA = re.compile(r"(?i)\s*(?:م|ميلادي|ميلادية|هـ|ه|هجري|هجرية|A\.?D\.?|A\.?H\.?)\s*$")
# a date's separator with spaces typed around it, between its digits
_SPACED_SEPARATOR = re.compile(r"(?<=\d)\s*([-/.])\s*(?=\d)")
# "20240115"; core banking exports add the time: "20240115 152750", "20240115T1527"
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:[ T](?:\d{4}|\d{6}|\d{1,2}:\d{2}(?::\d{2})?))?$")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "sept": 9,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "أبريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يوليو": 7, "اغسطس": 8, "أغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    # Egypt writes June and July as يونيه / يوليه (government, banks and most hand-kept sheets)
    "يونيه": 6, "يوليه": 7,
    # the Maghreb's: Morocco's (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر), Algeria's and Tunisia's
    # (جانفي، فيفري، أفريل، جوان، جويلية، أوت)
    "ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "جوان": 6, "جويلية": 7, "أوت": 8,
}
# Arabic month names as hand typed: hamza and madda dropped (اذار, ايار, اغسطس), the article
# left off the Levantine pairs (تشرين اول, كانون ثاني), a final ه for ة: all one spelling
# (and the Gulf's ڤ for the v of نوڤمبر, ڤبراير; tanween and vowel marks dropped)
_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ڤ": "ف",
                        **{chr(c): None for c in range(0x064B, 0x0653)}})


def _arabic_month_key(word: str) -> str:
    parts = word.translate(_ALEFS).replace("ـ", "").split()
    return " ".join(p[2:] if i and p.startswith("ال") else p for i, p in enumerate(parts))


_ARABIC_MONTHS = {_arabic_month_key(k): v for k, v in _MONTHS.items() if not k.isascii()}
# a time of day after a date written with its month's name ("15 Nov 2026 00:00", an ERP's
# timestamp; "Nov 15, 2026 10:32 AM") says nothing more about the day
_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:[AaPp]\.?[Mm]\.?|ص|م))?)?"
_WORD_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([^\d\s\-/.,]+(?:\s[^\d\s\-/.,]+)?)"
                        r"[\s\-/.,،]*(\d{2}|\d{4})" + _TIME + "$")
_WORD_DATE_US = re.compile(r"^([^\d\s\-/.,]+)[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[,،\s\-/.]+(\d{2}|\d{4})"
                           + _TIME + "$")


def _year(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 70 else 1900 + n)


def _month(word: str) -> int:
    w = word.strip().lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    if w[:3] in _MONTHS and w.isascii():
        return _MONTHS[w[:3]]
    if not w.isascii() and (n := _ARABIC_MONTHS.get(_arabic_month_key(w))):
        return n
    raise ValueError(f"'{word}' is not a month")


def _text_month(word: str, text: str) -> int:
    """The month a date's word names; where it names none, the error says the whole value
    (``'Q1 2027' is not a date ('Q' is not a month)``), not the word alone."""
    try:
        return _month(word)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date ({exc})") from None


def month_number(word: str) -> int | None:
    """A month's name as typed (``Nov``, ``November``, ``نوفمبر``, ``يونيه``) -> 1..12, or
    None where the word is no month."""
    try:
        return _month(word)
    except (ValueError, KeyError):
        return None


# Years of the Hijri calendar (Umm al-Qura, as Saudi systems print dates: 1448/05/15) of
# today's receivables (1400-1470 AH: 1979-2047): no receivable is dated in the Gregorian
# 15th century; a year further off stays a date that cannot be used.
_HIJRI_YEARS = range(1400, 1471)
MAY_BE_HIJRI = re.compile(r"(?<!\d)14[0-7]\d(?!\d)|(?<![\d٠-٩])١٤[٠-٧][٠-٩](?![\d٠-٩])")


def _make(y: int, m: int, d: int, raw: Any) -> datetime:
    if y in _HIJRI_YEARS:
        from hijridate import Hijri

        try:
            return datetime.combine(Hijri(y, m, d).to_gregorian(), time())
        except (ValueError, OverflowError):
            raise ValueError(f"'{raw}' is not a valid Hijri date") from None
    try:
        return datetime(y, m, d)
    except ValueError:
        raise ValueError(f"'{raw}' is not a valid date") from None


def excel_serial_to_date(serial: float) -> datetime:
    if not (_MIN_SERIAL <= serial <= _MAX_SERIAL):
        raise ValueError(f"{serial:g} is not a date (as an Excel date number it is out of range)")
    return EXCEL_EPOCH + timedelta(days=int(serial))


@lru_cache(maxsize=65536)
def parse_date_text(text: str, day_first: bool = True) -> datetime:
    """ISO, ``DD/MM/YYYY`` (or month first when the policy says so, or when day > 12),
    ``15-Jan-2024``, ``Jan 15, 2024``, ``15 يناير 2024``, ``20240115``, Excel serials as text."""
    s = normalize_digits(text).strip()
    if not s:
        raise ValueError("blank")
    s = _ERA.sub("", _WEEKDAY.sub("", s))
    if " " in s:  # "15 / 10 / 2026": spaces typed around the separators (right to left)
        s = _SPACED_SEPARATOR.sub(r"\1", s)
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := DAY_MONTH_YEAR.match(s):
        a, b, y = int(m[1]), int(m[2]), _year(m[3])
        if a > 12 and b <= 12:
            d, mo = a, b
        elif b > 12 and a <= 12:
            d, mo = b, a
        else:
            d, mo = (a, b) if day_first else (b, a)
        return _make(y, mo, d, text)
    if m := _COMPACT.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if re.fullmatch(r"\d{3,5}(?:\.\d+)?", s):
        return excel_serial_to_date(float(s))
    if m := _WORD_DATE.match(s):
        return _make(_year(m[3]), _text_month(m[2], text), int(m[1]), text)
    if m := _WORD_DATE_US.match(s):
        return _make(_year(m[3]), _text_month(m[1], text), int(m[2]), text)
    raise ValueError(f"'{text}' is not a date (expected e.g. 31/01/2024 or 2024-01-31)")


# The dates a month-end can be run as of: within 292 years (what nanoseconds span) of every
# date a record may carry, 1900 to 2261 (``columns._usable_date``), so that each item's age
# can be counted; and before the April 2262 a frame's dates end in, with room for the due
# dates, forecasts and plan instalments after it.
AS_OF_YEARS = range(1970, 2191)


def usable_as_of(day: date) -> date:
    """``day`` if a month-end can be run as of it; else ValueError saying the years."""
    if day.year not in AS_OF_YEARS:
        raise ValueError(f"{day:%Y-%m-%d} is outside the years {AS_OF_YEARS[0]} to "
                         f"{AS_OF_YEARS[-1]} a month-end can be run as of")
    return day


def hijri_date_text(text: Any) -> bool:
    """Whether a typed date is in the Hijri calendar (``1448/05/15``, ``١٥/٠٥/١٤٤٨``)."""
    if not isinstance(text, str) or not MAY_BE_HIJRI.search(text):
        return False
    s = _ERA.sub("", _WEEKDAY.sub("", normalize_digits(text).strip()))
    m = _ISO.match(s)
    year = int(m[1]) if m else (int(m[3]) if (m := DAY_MONTH_YEAR.match(s)) and len(m[3]) == 4 else 0)
    return year in _HIJRI_YEARS


def parse_date(value: Any, day_first: bool = True) -> datetime:
    if isinstance(value, datetime):
        return value.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is TRUE/FALSE, not a date")
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("blank")
        if 19000101 <= value <= 21001231 and float(value).is_integer():
            return parse_date_text(str(int(value)), day_first)
        return excel_serial_to_date(float(value))
    if isinstance(value, str):
        return parse_date_text(value, day_first)
    raise ValueError(f"'{value}' is not a date")
