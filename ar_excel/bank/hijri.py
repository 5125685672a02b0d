"""Hijri dates in Saudi and Gulf statement exports, converted to the Gregorian calendar.

The rule: a date column whose every date has a year of the Hijri era (1300-1500, e.g.
``1448/06/12`` or ``12/06/1448``, the day always before the month) is a Hijri column; its dates
are read in the Umm al-Qura calendar (Saudi Arabia's official one, as the banks print it) with
``hijridate`` and become the Gregorian dates matching and aging work with (1448/06/12 = 22 Nov
2026). A Gregorian column beside it is preferred where there is one (``column_words``).
The month may be written by its name, as Saudi portals print it (``11 جمادى الأولى 1448``,
``12 Jumada al-Ula 1448``): Muharram ... Dhu al-Hijjah, in Arabic or transliterated.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ar_excel.parsing import is_blank, normalize_digits

_HIJRI = re.compile(r"^\s*(?:(1[34]\d\d)[./-](\d{1,2})[./-](\d{1,2})|(\d{1,2})[./-](\d{1,2})[./-]"
                    r"(1[34]\d\d))\s*(?:هـ|ه|AH)?\s*$")


# the Hijri months by name, folded (hamza and alif forms alike, no "al-", no spaces or
# punctuation): Arabic as the portals print them, and their common transliterations
_MONTH_NAMES = {
    **dict.fromkeys(("محرم", "muharram"), 1),
    **dict.fromkeys(("صفر", "safar"), 2),
    **dict.fromkeys(("ربيعالاول", "ربيعاول", "rabiulawwal", "rabialawwal", "rabiali",
                     "rabii"), 3),
    **dict.fromkeys(("ربيعالاخر", "ربيعالثاني", "ربيعاخر", "ربيعثاني", "rabiulakhir",
                     "rabialthani", "rabiussani", "rabialakhir", "rabiulthani", "rabiii"), 4),
    **dict.fromkeys(("جمادىالاولى", "جماديالاولى", "جمادىاولى", "جماديالاولي",
                     "جمادىالاولي", "jumadaalula", "jumadaalawwal", "jumadalula",
                     "jumadaula", "jumadai", "jumadiulawwal", "jumadaalaula"), 5),
    **dict.fromkeys(("جمادىالاخرة", "جمادىالاخره", "جمادىالثانية", "جمادىالثانيه",
                     "جماديالاخرة", "جماديالثانية", "جمادىاخرة", "jumadaalakhirah",
                     "jumadaalthani", "jumadaalakhira", "jumadathani", "jumadaii",
                     "jumadialthani", "jumadiussani"), 6),
    **dict.fromkeys(("رجب", "rajab"), 7),
    **dict.fromkeys(("شعبان", "shaban", "shaaban"), 8),
    **dict.fromkeys(("رمضان", "ramadan", "ramadhan"), 9),
    **dict.fromkeys(("شوال", "shawwal", "shawal"), 10),
    **dict.fromkeys(("ذوالقعدة", "ذوالقعده", "ذيالقعدة", "dhualqadah", "dhulqadah",
                     "dhualqidah", "dhulqidah", "zulqadah", "thulqidah"), 11),
    **dict.fromkeys(("ذوالحجة", "ذوالحجه", "ذيالحجة", "dhualhijjah", "dhulhijjah",
                     "zulhijjah", "thulhijjah", "dhualhijja", "dhulhijja"), 12),
}
_NAMED = re.compile(r"^\s*(\d{1,2})\s+(.+?)\s+(1[34]\d\d)\s*(?:هـ|ه|AH)?\s*$")


_FOLD = str.maketrans("أإآىةي", "اااىهى")  # ى and ي, ة and ه: written either way


def _fold(text: str) -> str:
    return re.sub(r"[\s\-'`ʿʼ’._]", "", text.lower()).translate(_FOLD)


_BY_NAME = {_fold(name): month for name, month in _MONTH_NAMES.items()}


def _month_by_name(text: str) -> int | None:
    return _BY_NAME.get(_fold(text))


def hijri_parts(value: Any) -> tuple[int, int, int] | None:
    """(year, month, day) of a Hijri date text (``1448/06/12``, ``12-06-1448 هـ``,
    ``11 جمادى الأولى 1448``), else None."""
    if not isinstance(value, str):
        return None
    text = normalize_digits(value)
    m = _HIJRI.match(text)
    if not m:
        named = _NAMED.match(text)
        month = _month_by_name(named.group(2)) if named else None
        if month is None:
            return None
        return int(named.group(3)), month, int(named.group(1))
    if m.group(1):
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return int(m.group(6)), int(m.group(5)), int(m.group(4))


def mostly_hijri(cells: list[Any]) -> bool:
    """Whether the dates of a column are Hijri: at least 4 in 5 of its distinct filled values
    (the others: page footers, totals rows, balances). A statement repeats its dates, so the
    distinct values are few."""
    filled = [c for c in dict.fromkeys(cells) if not is_blank(c)]
    hits = sum(hijri_parts(c) is not None for c in filled)
    return hits > 0 and hits >= 0.8 * len(filled)


def to_gregorian(value: Any) -> Any:
    """A Hijri date text -> the Gregorian ``date``; any other value is returned as it is (a
    Hijri date that does not exist, 1448/13/40, stays text and is reported as unreadable)."""
    from hijridate import Hijri

    parts = hijri_parts(value)
    if parts is None:
        return value
    try:
        day = Hijri(*parts).to_gregorian()
    except (ValueError, OverflowError):
        return value
    return date(day.year, day.month, day.day)
