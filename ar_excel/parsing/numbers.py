"""Amounts as typed: thousands separators (Western and Indian grouping), decimal commas, currency
words and symbols, scales (50k, 1.5M), ledger sides (Dr/Cr, مدين/دائن) and brackets for
negatives."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.parsing.codes import DINAR_COUNTRIES
from ar_excel.parsing.digits import normalize_digits


def _either_way(word: str) -> str:
    """A pattern for an Arabic word as typed either way: a final ي as ى, an initial أ as ا."""
    if word.startswith("أ"):
        word = "[أا]" + word[1:]
    return word[:-1] + "[يى]" if word.endswith("ي") else word


# the dinar after its country, as parsing.codes names them (دينار كويتي / كويتى)
_DINARS = "|".join(_either_way(country) for country in DINAR_COUNTRIES.values())
_CURRENCY_WORDS = re.compile(
    r"(?i)(?:E£|US\$|(?<![A-Z])[A-Z]{3}(?![A-Z])\.?|L\.?E\.?|(?:S|Q|K|B|R|J)\.?[RDO]\.?(?![A-Z])|Dhs?\.?|Rs\.?(?![A-Z])|ج\.?\s?م\.?|جم|ج(?![\u0621-\u064a])|جنيه(?:\s*مصر[يى])?|ر\.?\s?س\.?|ريال(?:\s*(?:سعودي|قطري|عماني|يمني))?"
    r"|د\.?\s?إ\.?|درهم(?:\s*إماراتي)?|د\.?\s?ك\.?|دينار(?:\s*(?:" + _DINARS + r"))?|دولار(?:\s*[أا]مريكي)?|يورو|[$€£¥₹﷼₤]"
    # QAR, OMR; BHD, JOD, IQD (ر.ق، ر.ع، د.ب، د.أ، د.ع), not a word's start ("دائن": a credit)
    r"|ر\.?\s?[قع]\.?(?![\u0621-\u064a])|د\.?\s?[بأاع]\.?(?![\u0621-\u064a]))"
)
CURRENCY_WORDS = _CURRENCY_WORDS  # (the words an amount may carry: "KD 12.000", "500 ج.م")
_NUMBER_SHAPE = re.compile(r"^\d[\d.,' ]*$|^[.,]\d+$")
# thousands grouped by commas: "1,250,000.00", or the Indian way (lakhs and crores, as Tally
# prints them): "12,50,000.00"
_GROUPED = re.compile(r"^(?:\d{1,3}(?:[,]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?$")
_GROUPED_DOT = re.compile(r"^\d{1,3}(?:[.]\d{3})+(?:,\d+)?$")


# "فقط ... لا غير" ("only, nothing more"), "Rs. 1,250/- only": how an amount is closed on a
# voucher so nothing can be added to it
_ONLY = re.compile(r"(?i)فقط|لا\s*غير|\bonly\b")

_NIL = frozenset(("-", "\u2013", "\u2014", "--"))

# An amount in thousands or millions, as a credit limit is often typed: "50K", "1.5M",
# "2 mn", "٥٠ ألف", "1.5 مليون". Read at its face value (an Input Issue says how: ``scaled``).
_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6, "thousand": 1e3,
           "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6,
           # India's (Tally's) lakh and crore: "5 lakh" 500,000, "1.2 crore" 12,000,000
           "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
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


# The Arabic separators: ٫ is the decimal mark and ٬ groups thousands, as Excel shows a number
# in an Arabic locale (pasted as text). Unlike a comma or a point they say which is which.
ARABIC_DECIMAL, ARABIC_GROUP = "\u066b", "\u066c"
_MARKED_RUN = re.compile(r"[\d\x01\x02]+")


def arabic_marks(text: str) -> str | None:
    """A text showing its amount with the Arabic separators alone (``"٢٠٬٠٠٠"``,
    ``"١٢٫٥٠٠ ج.م"``, ``"٣٬٥٠٠٫٥٠"``) made ASCII, to be read with a decimal point whatever
    a column's other amounts or the Policy say of commas (``"20,000"``, ``"12.500 ج.م"``);
    None for any other text: one with an ASCII comma or point too (which mark is which is
    then not theirs to say), or whose grouping is not in threes (``"٢٠٬٠٠"``)."""
    if ARABIC_DECIMAL not in text and ARABIC_GROUP not in text:
        return None
    bare = _CURRENCY_WORDS.sub("", normalize_digits(
        text.replace(ARABIC_DECIMAL, "\x01").replace(ARABIC_GROUP, "\x02")))
    if "," in bare or "." in bare:
        return None
    runs = _MARKED_RUN.findall(bare)
    if len(runs) != 1:
        return None
    number = runs[0].replace("\x01", ".").replace("\x02", ",")
    if number.count(".") > 1 or ("," in number and not _GROUPED.match(number)):
        return None
    return normalize_digits(text)


@lru_cache(maxsize=65536)
def parse_number_text(text: str, decimal_comma: bool = False) -> float:
    """``"50,000"``, ``"1.234,50"`` (decimal comma), ``"EGP 1,200"``, ``"(12.50)"``, ``"٣٠٠"``;
    ``"٢٠٬٠٠٠"`` and ``"١٢٫٥"`` by their Arabic marks, whatever ``decimal_comma`` says."""
    marked = arabic_marks(text)
    if marked is not None:
        text, decimal_comma = marked, False
    s = normalize_digits(text).strip()
    if not s:
        raise ValueError("blank")
    if "\u2013" in s:  # a report typeset before it was pasted prints its minus as an en dash
        s = s.replace("\u2013", "-")
    negative = False
    # "(750.00)", and Oracle's PR number format "<750.00>"
    if (s.startswith("(") and s.endswith(")")) or (s.startswith("<") and s.endswith(">")):
        negative, s = True, s[1:-1].strip()
    if "فقط" in s or "غير" in s or "only" in s.lower():  # "1,250 جنيه فقط لا غير": words only
        s = _ONLY.sub(" ", s).strip()
    s = _CURRENCY_WORDS.sub("", s).strip()
    if s in _NIL:  # an accounting-format zero typed as text: "-", "EGP -", "—"
        return 0.0
    if s.endswith(("/-", ".-", ",-")):
        # "AED 1,250/-": no fils, as the Gulf's clerks write it; "15000.-", "1.250,-" (no
        # cents, the Swiss and German way): no minus sign, and the mark before it is the
        # decimal one ("1.250,-" is 1,250, never 1.25; "1,250.-" in a decimal-comma book too)
        if s[-2] in ".,":
            decimal_comma = s[-2] == ","
        s = s[:-2].strip()
    if (s.startswith("(") and s.endswith(")")) or (s.startswith("<") and s.endswith(">")):
        negative, s = not negative, s[1:-1].strip()  # "EGP (1,250.00)": the currency first
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
            return _finite(-value if negative else value, text)
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
    return _finite(-value if negative else value, text)


# No amount is this large: Excel keeps 15 significant digits, so it cannot hold one to the
# unit, and the ledger sums amounts in thousandths in 64-bit integers (9.2E+15 at most),
# which wrapped round to a negative aging in silence. It is an ID or a serial pasted into an
# amount column.
MAX_AMOUNT = 1e15


def _finite(value: float, text: str) -> float:
    """A number of more digits than a float holds (a 400-digit paste) reads as infinity,
    which no sum, rounding or limit can use: it is a value that cannot be parsed."""
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is too large to be an amount")
    return value


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
    if not -2**63 < number < 2**63:  # 1E+308 typed: no count, and no column can hold it (the
        # whole book's reading failed with OverflowError)
        raise ValueError(f"'{value}' is too large to be a count")
    if number != int(number):
        raise ValueError(f"'{value}' is not a whole number")
    return int(number)
