"""Values as people type them into AR workbooks, parsed into numbers, dates and codes.

Each ``parse_*`` function takes one raw cell value and returns the parsed value, or raises
``ValueError`` with a message a clerk understands. ``parse_column`` applies one to a whole
column with fast paths for values that are already numbers or dates (most of a real sheet),
so only typed text goes through the slow, careful parsers.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.names import match_key

_DIGITS = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian / Urdu
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u060c": ",",  # Arabic comma
    "\u2212": "-",  # minus sign
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",  # no-break and thin spaces
    # direction marks Excel puts in Arabic-locale dates and numbers ("١٥\u200f/٩\u200f/٢٠٢٦")
    **dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                            "\u2066\u2067\u2068\u2069\ufeff\u200b"), None),
})


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits and separators -> ASCII (``"٥٠٬٠٠٠"`` -> ``"50,000"``)."""
    return text.translate(_DIGITS)


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return False


# ---------------------------------------------------------------- numbers

_CURRENCY_WORDS = re.compile(
    r"(?i)(?:[A-Z]{3}(?![A-Z])|L\.?E\.?|(?:S|Q|K|B|R)\.?[RDO]\.?(?![A-Z])|Dhs?\.?|Rs\.?(?![A-Z])|ج\.?\s?م\.?|جنيه(?:\s*مصري)?|ر\.?\s?س\.?|ريال(?:\s*سعودي)?"
    r"|د\.?\s?إ\.?|درهم(?:\s*إماراتي)?|د\.?\s?ك\.?|دينار|[$€£¥₹﷼₤])"
)
_NUMBER_SHAPE = re.compile(r"^\d[\d.,' ]*$|^[.,]\d+$")
# thousands grouped by commas: "1,250,000.00", or the Indian way (lakhs and crores, as Tally
# prints them): "12,50,000.00"
_GROUPED = re.compile(r"^(?:\d{1,3}(?:[,]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?$")
_GROUPED_DOT = re.compile(r"^\d{1,3}(?:[.]\d{3})+(?:,\d+)?$")


_NIL = frozenset(("-", "\u2013", "\u2014", "--"))

# An amount in thousands or millions, as a credit limit is often typed: "50K", "1.5M",
# "2 mn", "٥٠ ألف", "1.5 مليون". Read at its face value (an Input Issue says how: ``scaled``).
_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6, "thousand": 1e3,
           "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6}
_SCALE_WORDS = "|".join(map(re.escape, sorted(_SCALES, key=len, reverse=True)))
_SCALED = re.compile(rf"(?i)^(\d[\d.,' ]*?)\s*({_SCALE_WORDS})\.?$")
# A whole column's texts searched at once for one that may be so written (``scaled`` decides).
MAY_BE_SCALED = re.compile(rf"(?i)\d\s*(?:{_SCALE_WORDS})")


# A debit or credit mark after an amount ("1,200.00 DR", "500 Cr.", "1,000 مدين"): read as a
# bank statement does (a debit is money out: negative); a customer ledger reads them the
# other way round (``as_ledger_sides``).
_SIDE = re.compile(r"(?i)(?<=[\d\s.])(dr|cr|مدين|دائن)\.?$")
_LEDGER_SIDE = re.compile(r"(?i)\d[\s.]*(?:dr|cr|مدين|دائن)\.?\s*$")
_MAY_HAVE_SIDE = re.compile(r"(?im)(?:dr|cr|مدين|دائن)\.?\s*$")


def as_ledger_sides(values: np.ndarray, amounts: pd.Series) -> pd.Series:
    """Amounts of a customer ledger marked Dr / مدين (the customer owes them: an invoice)
    positive and Cr / دائن (owed to the customer: a credit note, a receipt) negative, the
    opposite of a bank statement's marks, which ``parse_number_text`` reads by."""
    joined = "\n".join(v for v in values.tolist() if isinstance(v, str))
    lowered = joined.lower()  # most columns have no mark at all: plain searches first
    if not ("dr" in lowered or "cr" in lowered or "مدين" in joined or "دائن" in joined) \
            or not _MAY_HAVE_SIDE.search(joined):
        return amounts
    where = [i for i, v in enumerate(values.tolist())
             if isinstance(v, str) and _LEDGER_SIDE.search(normalize_digits(v).strip())]
    if not where:
        return amounts
    amounts = amounts.copy()
    amounts.iloc[where] = -amounts.iloc[where]
    return amounts


def scaled(text: Any) -> bool:
    """Whether a typed amount is written in thousands or millions (``"50K"``, ``"٥٠ ألف"``)."""
    if not isinstance(text, str):
        return False
    s = _CURRENCY_WORDS.sub("", normalize_digits(text)).strip().strip("()-+ ")
    return _SCALED.match(s) is not None


@lru_cache(maxsize=65536)
def parse_number_text(text: str, decimal_comma: bool = False) -> float:
    """``"50,000"``, ``"1.234,50"`` (decimal comma), ``"EGP 1,200"``, ``"(12.50)"``, ``"٣٠٠"``."""
    s = normalize_digits(text).strip()
    if not s:
        raise ValueError("blank")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    s = _CURRENCY_WORDS.sub("", s).strip()
    if s in _NIL:  # an accounting-format zero typed as text: "-", "EGP -", "—"
        return 0.0
    if s.endswith("/-"):  # "AED 1,250/-": no fils, as the Gulf's clerks write it
        s = s[:-2].strip()
    if s.startswith("(") and s.endswith(")"):  # "EGP (1,250.00)": the currency came first
        negative, s = not negative, s[1:-1].strip()
    if s.endswith("-"):
        negative, s = not negative, s[:-1].strip()
    if s.startswith("-"):
        negative, s = not negative, s[1:].strip()
    elif s.startswith("+"):
        s = s[1:].strip()
    s = _CURRENCY_WORDS.sub("", s).strip()
    if side := _SIDE.search(s):  # bank style "1,200.00 DR", "١٢٠٠ مدين"
        negative, s = (not negative if side[1].lower() in ("dr", "مدين") else negative), \
            s[:side.start()].strip()
    if not _NUMBER_SHAPE.match(s):
        if m := _SCALED.match(s):  # "50K", "1.5M", "٥٠ ألف": thousands, millions
            value = round(parse_number_text(m[1], decimal_comma) * _SCALES[m[2].lower()], 6)
            return -value if negative else value
        raise ValueError(f"'{text}' is not a number")
    s = s.replace(" ", "").replace("'", "")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        integer = s[: s.rfind(decimal)]
        if not (_GROUPED.match(integer) or _GROUPED_DOT.match(integer) or integer.isdigit()):
            raise ValueError(f"'{text}' is not a number")
    elif "," in s:
        if decimal_comma:
            decimal = "," if not (_GROUPED.match(s) and s.count(",") > 1) else ""
        else:
            decimal = "" if _GROUPED.match(s) else ("," if s.count(",") == 1 else "")
    elif "." in s:
        if s.count(".") > 1:
            if not _GROUPED_DOT.match(s):
                raise ValueError(f"'{text}' is not a number")  # "1.2.3" is no grouping
            decimal = ""  # "1.234.567"
        elif decimal_comma and _GROUPED_DOT.match(s):
            decimal = ""  # "1.234" in a decimal-comma workbook
        else:
            decimal = "."
    else:
        decimal = "."
    if decimal == ",":
        s = s.replace(".", "").replace(",", ".")
    elif decimal == ".":
        s = s.replace(",", "")
    else:
        if decimal_comma is False and "," in s and not _GROUPED.match(s):
            raise ValueError(f"'{text}' has misplaced thousands separators")
        s = s.replace(",", "").replace(".", "")
    value = float(s)
    return -value if negative else value


def parse_money(value: Any, decimal_comma: bool = False) -> float:
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is TRUE/FALSE, not an amount")
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("blank")
        return float(value)
    if isinstance(value, str):
        return parse_number_text(value, decimal_comma)
    if isinstance(value, date | datetime | time | timedelta):
        raise ValueError(f"a date ({value}) where an amount was expected")
    raise ValueError(f"'{value}' is not a number")


def parse_int(value: Any, decimal_comma: bool = False) -> int:
    number = parse_money(value, decimal_comma)
    if number != int(number):
        raise ValueError(f"'{value}' is not a whole number")
    return int(number)


# ---------------------------------------------------------------- dates

EXCEL_EPOCH = datetime(1899, 12, 30)
_MIN_SERIAL, _MAX_SERIAL = 367, 73051  # 1901-01-01 .. 2099-12-31: anything else is no date
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})"
                  r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|ص|م))?)?$")
# A weekday written before a date ("Thu 01/10/2026", "الخميس 01/10/2026") says nothing more.
_WEEKDAY = re.compile(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|"
                      r"^(?:ال)?(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|جمعه)،?\s+")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "sept": 9,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "أبريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يوليو": 7, "اغسطس": 8, "أغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}
_WORD_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([^\d\s\-/.,]+(?:\s[^\d\s\-/.,]+)?)"
                        r"[\s\-/.,]*(\d{2}|\d{4})$")
_WORD_DATE_US = re.compile(r"^([^\d\s\-/.,]+)[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[,\s\-/.]+(\d{2}|\d{4})$")


def _year(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 70 else 1900 + n)


def _month(word: str) -> int:
    w = word.strip().lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    if w[:3] in _MONTHS and w.isascii():
        return _MONTHS[w[:3]]
    raise ValueError(f"'{word}' is not a month")


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
    s = _WEEKDAY.sub("", s)
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _DMY.match(s):
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
        return _make(_year(m[3]), _month(m[2]), int(m[1]), text)
    if m := _WORD_DATE_US.match(s):
        return _make(_year(m[3]), _month(m[1]), int(m[2]), text)
    raise ValueError(f"'{text}' is not a date (expected e.g. 31/01/2024 or 2024-01-31)")


def hijri_date_text(text: Any) -> bool:
    """Whether a typed date is in the Hijri calendar (``1448/05/15``, ``١٥/٠٥/١٤٤٨``)."""
    if not isinstance(text, str) or not MAY_BE_HIJRI.search(text):
        return False
    s = _WEEKDAY.sub("", normalize_digits(text).strip())
    m = _ISO.match(s)
    year = int(m[1]) if m else (int(m[3]) if (m := _DMY.match(s)) and len(m[3]) == 4 else 0)
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


# ---------------------------------------------------------------- codes and text

_TERMS_ZERO = re.compile(r"(?i)^(cod|cash|c\.o\.d\.?|immediate(?: payment)?|due on receipt|"
                         r"due upon receipt|upon receipt|on receipt|prepaid|"
                         r"advance|نقد[اي]?|نقدي|فوري|عند الاستلام|مقدم|"
                         r"(?:ال)?دفع (?:ال)?فوري|(?:ال)?سداد (?:ال)?فوري|"
                         # the Gulf's current-dated cheque: paid on delivery
                         r"cdc|c\.d\.c\.?|current dated cheques?|cash on delivery)$")
# "PDC 60": a post-dated cheque 60 days on (the Gulf's credit terms)
_TERMS_DAYS = re.compile(r"(?i)^(?:net|n|terms?|credit|pdc|p\.d\.c\.?|اجل|أجل|آجل)?\s*(\d{1,3})\s*"
                         r"(?:days?|d|ds|day net|يوم|أيام|ايام|يوما|يومًا)?(?:\s*net)?$")


# End-of-month terms: "EOM", "Net 30 EOM", "60 days EOM", "EOM + 30", "30 days from end of
# month", "30 يوم من نهاية الشهر": due N days after the end of the invoice's month; "End of
# Following Month" (Odoo), "Due end of next month" (Zoho), "نهاية الشهر التالي": after the end
# of the month after it. The days are the terms; ``month_end_terms`` says from which month's
# end they count.
_NEXT_MONTH = r"(?:following|next)\s+month|(?:ال)?شهر\s+(?:ال)?(?:تالي|قادم|التالي|القادم)"
_EOM = re.compile(r"(?i)(?<![a-z])e\.?\s?o\.?\s?m\.?(?![a-z])|end\s+of\s+(?:the\s+)?"
                  r"(?:(?:following|next)\s+)?month|"
                  r"(?:(?:من|بعد)\s+)?(?:نهاي[ةه]|آخر|اخر)\s+(?:ال)?شهر(?:\s+(?:ال)?(?:تالي|قادم))?")
_EOM_NEXT = re.compile(r"(?i)" + _NEXT_MONTH)
# A whole column's texts searched at once for terms that may count from a month's end
# (``month_end_terms`` decides): every ``_EOM`` match holds one of these, and every date
# formula naming the current month ("CM").
MAY_COUNT_FROM_MONTH_END = re.compile(r"(?i)e\.?\s?o\.?\s?m|month|شهر|c\s*m")
_EOM_JOINER = re.compile(r"(?i)^(?:\+|from|after|following|due|payable|من|بعد|مستحق)\s*|"
                         r"\s*(?:\+|from|after|following|من|بعد)$")


# Dynamics 365 Business Central's (and NAV's) payment terms: codes and date formulas of days,
# weeks and months ("14D", "30D", "2W", "1M": a month is 30 days, as "1 month"), "CM" the end
# of the current month, "CM+30D" 30 days after it, "CM+1M" or "1M+CM" the end of the next
# month. A code's bracketed part is its early-payment discount period, not the due date's:
# "1M(8D)" is Business Central's "1 Month/2% 8 days", due in a month.
_FORMULA_TERM = r"(?:\d{1,3}\s*[dwm]|c\s*m)"
_DATE_FORMULA = re.compile(rf"(?i)^({_FORMULA_TERM}(?:\s*\+\s*{_FORMULA_TERM})*)"
                           r"(?:\s*\(\s*\d{1,3}\s*[dwm]\s*\))?$")
_FORMULA_DAYS = {"D": 1, "W": 7, "M": 30}


@lru_cache(maxsize=1024)
def date_formula_terms(text: str) -> tuple[int, int | None] | None:
    """The days and the month's end they count from (0: the invoice's month, 1: the next;
    None: from the invoice date) of payment terms written as a Business Central date
    formula ("30D", "CM", "CM+30D", "1M(8D)"); None for text that is none, or a formula
    whose due date these cannot say (days before the month's end: "10D+CM")."""
    m = _DATE_FORMULA.match(text.strip())
    if m is None:
        return None
    days, months, month_end = 0, 0, None
    for term in m[1].upper().replace(" ", "").split("+"):
        if term == "CM":
            if month_end is not None or days:
                return None  # the month a day count ends in depends on the date
            month_end, months = months, 0
        elif term[-1] == "M" and month_end is not None:
            month_end += int(term[:-1])  # "CM+1M": the end of the next month
        elif term[-1] == "M":
            months += int(term[:-1])  # "1M+CM": the end of the month a month on
        else:
            days += int(term[:-1]) * _FORMULA_DAYS[term[-1]]
    if month_end is None:
        days += 30 * months
    return days, month_end


def month_end_terms(value: Any) -> int | None:
    """From the end of which month typed payment terms count: 0 for the invoice's month
    (``"EOM"``, ``"Net 30 EOM"``, ``"30 يوم من نهاية الشهر"``), 1 for the month after it
    (``"End of Following Month"``); None for terms counted from the invoice date."""
    if not isinstance(value, str):
        return None
    s = normalize_digits(value)
    if (formula := date_formula_terms(s)) is not None:
        return formula[1]
    if (m := _EOM.search(s)) is None:
        return None
    return 1 if _EOM_NEXT.search(m[0]) else 0


@lru_cache(maxsize=4096)
def parse_terms_text(text: str) -> int:
    s = " ".join(normalize_digits(text).strip().split())
    if _EOM.search(s):  # the days after the month's end: "EOM" alone is 0
        rest = " ".join(_EOM.sub(" ", s).split())
        while (bare := _EOM_JOINER.sub("", rest).strip()) != rest:
            rest = bare
        return 0 if rest.lower() in ("", "net", "n", "due") else parse_terms_text(rest)
    if _TERMS_ZERO.match(s):
        return 0
    if _DATE_FORMULA.match(s):
        if (formula := date_formula_terms(s)) is None:
            raise ValueError(f"'{text}' is not payment terms in days (e.g. 30, Net 30, 30 days)")
        return formula[0]
    if m := _TERMS_DAYS.match(s):
        return int(m[1])
    if m := _SAP_TERMS_KEY.match(s):
        return _sap_terms_days(m, text)
    return _terms_in_words(s, text)


# SAP's payment terms keys (ZTERM) as customer masters export them: "NT30", "ZB30", "ZN45",
# "Z030" (keys a company defines, named for their net days), "0001" (SAP's standard key:
# payable immediately). SAP's other standard keys ("0002", "ZB01": cash discount and
# instalment schedules) and a key naming fewer than a week's days say no net days in their
# name: reported, not guessed.
_SAP_TERMS_KEY = re.compile(r"(?i)^(?:(nt|zb|zn|zt|z)(\d{2,3})|(00\d\d))$")


def _sap_terms_days(m: re.Match[str], text: str) -> int:
    if m[3] is not None:
        if m[3] == "0001":
            return 0
    elif (days := int(m[2])) == 0 or days >= 7:
        return days
    raise ValueError(f"'{text.strip()}' is an SAP payment terms key whose net days cannot be "
                     f"read from it: write its days (e.g. 30, Net 30)")


# Terms written out: "2/10 Net 30" (a discount for early payment, then net 30), "Due in 30
# days", "30-day", "30 days from invoice", "60 يوماً", "1 month" / "شهر" / "شهرين" (30 days a
# month), "45 Tage", "90 jours".
# "2/10 Net 30", and QuickBooks' "2% 10 Net 30"
_TERMS_NET = re.compile(r"(?i)^\d+(?:\.\d+)?\s*(?:%\s*/?|/)\s*\d+\s*,?\s*n(?:et)?\s*(\d{1,3})$")
_TERMS_DAY_WORD = re.compile(r"(?i)(?<![\d.])(\d{1,3})\s*-?\s*(?:days?|d|يوم|ايام|أيام|يوما|tage?n?|"
                             r"jours?|dias|días)(?![a-z])")
_TERMS_MONTHS = re.compile(r"(?i)^(?:(\d{1,2})\s*)?(months?|mo|شهر|شهور|اشهر|أشهر|شهرين|شهران)$")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")


def _terms_in_words(s: str, text: str) -> int:
    s = _ARABIC_MARKS.sub("", s)
    if m := _TERMS_NET.match(s):
        return int(m[1])
    if m := _TERMS_MONTHS.match(s):
        months = 2 if m[2] in ("شهرين", "شهران") else int(m[1] or 1)
        return 30 * months
    days = {int(n) for n in _TERMS_DAY_WORD.findall(s)}
    if len(days) == 1 and len(re.findall(r"\d+", s)) == 1:
        return days.pop()
    raise ValueError(f"'{text}' is not payment terms in days (e.g. 30, Net 30, 30 days)")


_UNLIMITED = re.compile(r"(?i)^(?:unlimited|no limit|open|open limit|n/?a|none|مفتوح|مفتوحة|"
                        r"غير محدود|غير محددة?|بدون حد|بلا حد|لا يوجد حد|مفتوح بدون حد)$")


def means_unlimited(value: Any) -> bool:
    """A credit limit typed as a word for "no limit": what a blank limit means."""
    return isinstance(value, str) and _UNLIMITED.match(" ".join(value.strip().split())) is not None


def parse_terms(value: Any, decimal_comma: bool = False) -> int:
    if isinstance(value, str):
        return parse_terms_text(value)
    days = parse_money(value)
    if days < 0 or not float(days).is_integer():
        raise ValueError(f"'{value}' is not a whole number of days")
    return int(days)


def parse_percent(value: Any, decimal_comma: bool = False) -> float:
    if isinstance(value, str):
        s = normalize_digits(value).replace("%", "").replace("٪", "").strip()
        return parse_number_text(s, decimal_comma)
    return parse_money(value)


_STATUS = {
    "Active": ("active", "open", "ok", "normal", "نشط", "فعال", "مفعل", "ساري", "نشيط"),
    "Hold": ("hold", "on hold", "onhold", "blocked", "block", "stop", "stopped", "suspended",
             "credit hold", "موقوف", "معلق", "متوقف", "محظور", "ايقاف", "إيقاف", "موقوف مؤقتا",
             "مجمد", "frozen", "stop credit", "credit stop", "on stop"),
    "Closed": ("closed", "inactive", "close", "terminated", "مغلق", "ملغي", "ملغى", "غير نشط",
               "مقفل", "dormant", "خامل", "deleted", "cancelled", "canceled"),
}
_STATUS_LOOKUP = {v: k for k, vs in _STATUS.items() for v in vs}


def parse_status(value: Any, decimal_comma: bool = False) -> str:
    key = " ".join(str(value).strip().lower().split())
    if key in _STATUS_LOOKUP:
        return _STATUS_LOOKUP[key]
    raise ValueError(f"'{value}' is not a customer status (Active, Hold or Closed)")


_CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "LE": "EGP", "L.E": "EGP",
    "L.E.": "EGP", "ج.م": "EGP", "ج م": "EGP", "جنيه": "EGP", "جنيه مصري": "EGP",
    "ر.س": "SAR", "ريال": "SAR", "ريال سعودي": "SAR", "د.إ": "AED", "درهم": "AED",
    "درهم إماراتي": "AED", "د.ك": "KWD", "دينار كويتي": "KWD", "ر.ق": "QAR", "ريال قطري": "QAR",
    "ر.ع": "OMR", "د.ب": "BHD", "دولار": "USD", "يورو": "EUR",
}


# Currencies by name, as typed in English or Arabic (matched folded: case, spaces, dots and
# Arabic letter variants aside).
_CURRENCY_NAMES = {  # names only: abbreviations (SR, KD) stay as typed, for the checks to flag
    "EUR": ("Euro", "Euros"), "USD": ("US Dollar", "US Dollars", "USD$",
                                     "American Dollar", "دولار أمريكي", "دولار امريكي"),
    "EGP": ("Egyptian Pound", "Egyptian Pounds", "جنيه مصرى"),
    "GBP": ("Sterling", "Pound Sterling", "British Pound", "استرليني", "جنيه استرليني"),
    "SAR": ("Saudi Riyal", "ريال سعودى"), "AED": ("UAE Dirham", "Emirati Dirham"),
    "KWD": ("Kuwaiti Dinar", "دينار كويتى"), "QAR": ("Qatari Riyal",),
    "OMR": ("Omani Rial", "ريال عماني"), "BHD": ("Bahraini Dinar", "دينار بحريني"),
    "JOD": ("Jordanian Dinar", "دينار أردني"),
}
_CURRENCY_BY_NAME = {match_key(n): code for code, names in _CURRENCY_NAMES.items() for n in names}


def parse_currency(value: Any, decimal_comma: bool = False) -> str:
    """ISO code upper-cased; common symbols and English and Arabic names mapped. Validity is
    checked by the customer checks (INVALID_CURRENCY), not here, so an odd code is kept as
    typed."""
    s = " ".join(str(value).strip().split())
    found = _CURRENCY_SYMBOLS.get(s) or _CURRENCY_SYMBOLS.get(s.upper())
    return found or _CURRENCY_BY_NAME.get(match_key(s), s.upper())


def parse_id(value: Any, decimal_comma: bool = False) -> str:
    """Keys: ``1001.0`` from a number cell -> ``"1001"``; digits normalised; spaces folded."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return " ".join(normalize_digits(str(value)).split())


def parse_text(value: Any, decimal_comma: bool = False) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d") if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


# ---------------------------------------------------------------- columns

PARSERS: dict[str, Callable[..., Any]] = {
    "id": parse_id, "text": parse_text, "money": parse_money, "number": parse_money,
    "percent": parse_percent, "terms": parse_terms, "int": parse_int, "status": parse_status,
    "currency": parse_currency,
}


_COMMA_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|(?<![\d,.])\d+,\d{1,2}(?![\d,.])")
_POINT_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|(?<![\d,.])\d+\.\d{1,2}(?![\d,.])")
_SAMPLE = 5000  # typed values looked at to learn a column's conventions


def column_decimal_comma(values: Any, default: bool) -> bool:
    """Whether a column's typed numbers use a decimal comma: the policy says so by default,
    but a column whose unambiguous values ("1.234,50", "12,5") all use a comma (or all a
    point) decides for its ambiguous ones ("1.234")."""
    comma = point = 0
    for v in values:
        if type(v) is str and ("," in v or "." in v):
            t = normalize_digits(v)
            comma += bool(_COMMA_DECIMAL.search(t))
            point += bool(_POINT_DECIMAL.search(t))
            if comma + point >= _SAMPLE:
                break
    if comma and not point:
        return True
    if point and not comma:
        return False
    return default


def column_day_first(values: Any, default: bool) -> bool:
    """Whether a column's typed dates put the day first: a column where some date has a first
    part above 12 (31/01/2024) and none a second part above 12 is day first, and the other way
    round month first (01/31/2024); otherwise the policy decides."""
    first_big = second_big = False
    seen = 0
    for v in values:
        if type(v) is str:
            m = _DMY.match(normalize_digits(v).strip())
            if m:
                first_big |= int(m[1]) > 12
                second_big |= int(m[2]) > 12
                seen += 1
                if seen >= _SAMPLE or (first_big and second_big):
                    break
    if first_big != second_big:
        return first_big
    return default


_NONE = type(None)


class ValueTypes:
    """The exact type of each value of a column (``type(v)``), and which types occur: most
    columns hold one type (or one type and blanks), and are then taken whole."""

    __slots__ = ("_types", "present", "values")

    def __init__(self, values: np.ndarray, present: set[type] | None = None) -> None:
        self.values = values
        # (a list is iterated faster than an array)
        self.present = set(map(type, values.tolist())) if present is None else present  # or more
        self._types: np.ndarray | None = None

    def mask(self, *kinds: type) -> np.ndarray:
        """Which values are exactly of one of ``kinds``."""
        if self.present <= set(kinds):
            return np.ones(len(self.values), dtype=bool)
        if self.present.isdisjoint(kinds):
            return np.zeros(len(self.values), dtype=bool)
        if self._types is None:
            self._types = np.fromiter(map(type, self.values), dtype=object,
                                      count=len(self.values))
        return of_type(self._types, *kinds)

    def take(self, keep: np.ndarray) -> ValueTypes:
        """The types of ``values[keep]`` (``present`` may then name a type no longer there)."""
        taken = ValueTypes(self.values[keep], self.present)
        if self._types is not None:
            taken._types = self._types[keep]
        return taken


def of_type(types: np.ndarray, *kinds: type) -> np.ndarray:
    """Mask of the values whose exact type is one of ``kinds`` (``types``: each value's type)."""
    mask = np.zeros(len(types), dtype=bool)
    for kind in kinds:
        boxed = np.empty((), dtype=object)  # the type as a value (numpy would read it as a dtype)
        boxed[()] = kind
        mask |= np.equal(types, boxed)
    return mask


def object_array(values: Any) -> np.ndarray:
    """Values as a 1-d object array holding the very same objects (none read as a sequence)."""
    if isinstance(values, np.ndarray) and values.dtype == object and values.ndim == 1:
        return values
    values = list(values)
    return np.fromiter(values, dtype=object, count=len(values))


def blank_mask(values: np.ndarray, types: ValueTypes | None = None) -> np.ndarray:
    """``is_blank`` of each value of an object array, a whole column at a time: None, NaN and
    text of nothing but spaces are blank."""
    if types is None:
        types = ValueTypes(values)
    mask = types.mask
    blank = mask(_NONE)
    for t in types.present:
        if t is _NONE:
            continue
        where = mask(t)
        if not where.any():
            continue
        part = values if where.all() else values[where]
        if t is float:
            blank[where] = np.isnan(part.astype(np.float64))
        elif t is str:
            texts = part.tolist()
            blank[where] = np.fromiter(map(operator.not_, map(str.strip, texts)), dtype=bool,
                                       count=len(texts))
        elif issubclass(t, float | str):  # numpy floats, str subclasses: one by one
            blank[where] = [is_blank(v) for v in part.tolist()]
    return blank


def _parse_each(values: np.ndarray, positions: np.ndarray, parser: Callable[..., Any],
                decimal_comma: bool, out: np.ndarray, errors: dict[int, str],
                memo: bool) -> None:
    """``parser`` of the non-blank values at ``positions`` into ``out``; a ValueError's
    message into ``errors`` instead. With ``memo`` each distinct (type, value) is parsed once."""
    if memo and len(positions):
        texts = values[positions].tolist()
        if set(map(type, texts)) == {str}:  # typed codes: one lookup each, in C
            parsed = {v: _parse_one(parser, v, decimal_comma) for v in dict.fromkeys(texts)}
            usable = {v: None if isinstance(r, ValueError) else r for v, r in parsed.items()}
            out[positions] = np.fromiter(map(usable.__getitem__, texts), dtype=object,
                                         count=len(texts))
            if any(isinstance(r, ValueError) for r in parsed.values()):
                for i, v in zip(positions.tolist(), texts, strict=True):
                    if isinstance(parsed[v], ValueError):
                        errors[i] = str(parsed[v])
            return
    seen: dict[Any, Any] = {}
    for i in positions.tolist():
        v = values[i]
        if memo:
            key = (type(v), v)
            result = seen.get(key, seen)
            if result is seen:
                result = seen[key] = _parse_one(parser, v, decimal_comma)
            if isinstance(result, ValueError):
                errors[i] = str(result)
            elif result is not None:
                out[i] = result
            continue
        if v is None or v == "" or is_blank(v):
            continue
        try:
            out[i] = parser(v, decimal_comma)
        except ValueError as exc:
            errors[i] = str(exc)


def _parse_one(parser: Callable[..., Any], value: Any, decimal_comma: bool) -> Any:
    """The parsed value, None when blank, or the ValueError saying why it cannot be read."""
    if is_blank(value):
        return None
    try:
        return parser(value, decimal_comma)
    except ValueError as exc:
        return exc


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_NS_RANGE = (date(1678, 1, 1).toordinal(), date(2261, 12, 31).toordinal())  # what pandas holds


def _date_cells(values: Any, types: ValueTypes | None = None) -> pd.Series | None:
    """A date column holding only date cells (and empty cells), converted in one step: what
    ``parse_column``'s careful path makes of it (the day of each cell, NaT for the empty
    ones), without its per-value work. None when any value needs the careful path."""
    values = object_array(values)
    if types is None:
        types = ValueTypes(values)
    if not types.present <= {date, datetime, str, type(None)}:
        return None
    if str in types.present and not (values[types.mask(str)] == "").all():
        return None  # typed text: the careful parser reads it
    cells = types.mask(date, datetime)
    if datetime in types.present and any(v.tzinfo is not None
                                         for v in values[types.mask(datetime)]):
        return None  # a zone to think about
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    if cells.any():
        days = np.fromiter(map(date.toordinal, values[cells]), dtype=np.int64,
                           count=int(cells.sum()))
        if days.min() < _NS_RANGE[0] or days.max() > _NS_RANGE[1]:
            return None  # beyond what pandas holds: the careful parser says so
        out[cells] = (days - _EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[ns]")
    return pd.Series(out, copy=False)


def _usable_date(day: date, value: Any) -> date:
    """``day``, if a frame can hold it (an ERP's 31/12/9999 "no end date" cannot: it would
    silently become another date)."""
    if not _NS_RANGE[0] <= day.toordinal() <= _NS_RANGE[1]:
        raise ValueError(f"'{value}' is not a usable date (only years 1678 to 2261)")
    return day


def _parse_dates(arr: np.ndarray, types: ValueTypes, day_first: bool,
                 errors: dict[int, str]) -> pd.Series:
    """A date column value by value (typed text in ``day_first`` order, serials, cells);
    each value that is no usable date gets its message in ``errors``."""
    mask = types.mask
    out_dt = np.full(len(arr), np.datetime64("NaT"), dtype="datetime64[ns]")
    cells = mask(datetime, date)  # date cells: converted together
    for i in np.flatnonzero(~cells & ~mask(_NONE)).tolist():
        v = arr[i]
        if v == "" or is_blank(v):
            continue
        try:
            out_dt[i] = np.datetime64(_usable_date(parse_date(v, day_first), v), "ns")
        except ValueError as exc:
            errors[i] = str(exc)
    if cells.any():
        where = np.flatnonzero(cells)
        usable = np.ones(len(where), dtype=bool)
        for k, i in enumerate(where.tolist()):
            try:
                _usable_date(arr[i], f"{arr[i]:%Y-%m-%d}")
            except ValueError as exc:
                errors[i] = str(exc)
                usable[k] = False
        if not usable.all():  # the messages in the column's order, as the rows are
            ordered = sorted(errors.items())
            errors.clear()
            errors.update(ordered)
        where = where[usable]
        days = np.array(arr[where].tolist(), dtype="datetime64[ns]").astype("datetime64[D]")
        out_dt[where] = days.astype("datetime64[ns]")
    return pd.Series(out_dt, copy=False)


def parse_column(values: Any, kind: str, *, day_first: bool = True,
                 decimal_comma: bool = False, types: ValueTypes | None = None
                 ) -> tuple[pd.Series, dict[int, str]]:
    """Parse one column of raw cell values. Returns the parsed Series (positional index) and
    {position: message} for the non-blank values that could not be parsed (left empty).

    Values that are already what the column holds (numbers in an amount column, plain
    ASCII keys in a key column) are taken a whole column at a time; every other non-blank
    value goes through its careful parser, so each bad value has its own message.
    ``types`` (``ValueTypes`` of the values) may be passed when known."""
    arr = object_array(values)
    n = len(arr)
    if types is None:
        types = ValueTypes(arr)
    mask = types.mask
    errors: dict[int, str] = {}
    texts = mask(str)
    typed_texts = (arr.tolist() if texts.all() else arr[texts].tolist()) if texts.any() else []
    if kind in ("money", "number", "percent"):
        decimal_comma = column_decimal_comma(typed_texts, decimal_comma)
    elif kind == "date":
        day_first = column_day_first(typed_texts, day_first)
    if kind in ("money", "number"):
        out = np.full(n, np.nan)
        numbers = mask(float, int)
        if numbers.all():
            out = arr.astype(np.float64)
        elif numbers.any():
            out[numbers] = arr[numbers].astype(np.float64)
        _parse_each(arr, np.flatnonzero(~numbers & ~mask(_NONE)), parse_money, decimal_comma,
                    out, errors, memo=False)
        return pd.Series(out, dtype="float64", copy=False), errors
    if kind == "date":
        quick = _date_cells(arr, types)  # only date cells: one step
        if quick is not None:
            return quick, errors
        return _parse_dates(arr, types, day_first, errors), errors
    if kind == "percent":
        return _parse_percents(arr, blank_mask(arr, types), decimal_comma, errors), errors
    parsed = np.full(n, None, dtype=object)
    todo = ~mask(_NONE)
    if kind in ("id", "text") and len(typed_texts):
        # Most keys and names are plain ASCII already: take them as they are.
        plain = [v != "" and v.isascii() and "  " not in v and v.strip() == v for v in typed_texts]
        if texts.all() and all(plain):
            return pd.Series(arr, dtype="object"), errors
        where = np.flatnonzero(texts)[np.array(plain, dtype=bool)]
        parsed[where] = arr[where]
        todo[where] = False
    # few distinct codes: each parsed once
    memo = kind in ("currency", "status", "terms")
    _parse_each(arr, np.flatnonzero(todo), PARSERS[kind], decimal_comma, parsed, errors, memo)
    if kind in ("terms", "int"):
        return pd.Series(parsed, dtype="Int64"), errors
    return pd.Series(parsed, dtype="object", copy=False), errors


def _parse_percents(arr: np.ndarray, blank: np.ndarray, decimal_comma: bool,
                    errors: dict[int, str]) -> pd.Series:
    parsed: list[Any] = [None] * len(arr)
    for i in np.flatnonzero(~blank).tolist():
        try:
            parsed[i] = parse_percent(arr[i], decimal_comma)
        except ValueError as exc:
            errors[i] = str(exc)
    series = pd.Series(parsed, dtype="float64")
    typed = [i for i, v in enumerate(arr.tolist()) if isinstance(v, int | float) and not is_blank(v)]
    # A percent-formatted cell arrives as a fraction (0.05 for 5%): when every typed number
    # in the column is a fraction, the column is fractions.
    if typed and all(abs(series.iat[i]) <= 1 for i in typed) and any(series.iat[i] for i in typed):
        series.iloc[typed] = series.iloc[typed] * 100
    return series
