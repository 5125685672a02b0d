"""Payment terms as typed (Net 30, 30 days, آجل ٦٠ يوم, COD, EOM, 2/10 net 30, SAP keys), credit
limits that mean no limit, and percentages."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ar_excel.parsing.digits import normalize_digits
from ar_excel.parsing.early_discount import discount_terms_net_days, early_payment_discount
from ar_excel.parsing.numbers import parse_money, parse_number_text

_TERMS_ZERO = re.compile(r"(?i)^(cod|cash|c\.o\.d\.?|immediate(?: payment)?|due on receipt|"
                         r"due upon receipt|upon receipt|on receipt|prepaid|"
                         r"advance|نقد[اي]?|نقدي|فوري|عند الاستلام|مقدم|"
                         # Egypt's spoken word for cash (كاش، كاش عند الاستلام)
                         r"كاش|كاش عند الاستلام|"
                         # SAP Business One's built-in cash terms, "- Cash Basic -"
                         r"-?\s*cash\s+basic\s*-?|"
                         r"(?:ال)?دفع (?:ال)?فوري|(?:ال)?سداد (?:ال)?فوري|"
                         # the Gulf's current-dated cheque: paid on delivery
                         r"cdc|c\.d\.c\.?|current dated cheques?|cash on delivery|"
                         # paid before delivery (cash or payment in advance)
                         r"cia|pia|cash in advance|payment in advance|دفع مقدم|مقدما|مقدمًا|"
                         # a wire before shipping, cash before or against delivery, a letter
                         # of credit or documents paid at sight: nothing left owing after it
                         r"(?:100\s*%\s*)?(?:t/?t\s+|wire\s+|bank transfer\s+)?(?:in\s+)?"
                         r"advance(?:\s+(?:payment|t/?t))?|advance\s+payment|"
                         r"cbd|c\.b\.d\.?|cash before delivery|cash against delivery|"
                         r"(?:payment\s+)?(?:on|against|upon)\s+delivery|cod\s*/\s*cash|"
                         r"cash\s*/\s*cod|(?:irrevocable\s+)?(?:l/?c|letter of credit)\s+at\s+sight|"
                         r"sight\s+l/?c|at sight|d/?p(?:\s+at\s+sight)?|cash against documents|"
                         r"cad|(?:تحويل|حوالة)(?: بنكي| بنكية)? مقدم|دفعة مقدمة|(?:ال)?دفع عند الاستلام|"
                         r"(?:نقدي|نقدا|نقداً) عند الاستلام|مقدم\s*100\s*%)$")
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
MAY_COUNT_FROM_MONTH_END = re.compile(r"(?i)e\.?\s?o\.?\s?m|month|شهر|c\s*m|prox|m\.?\s?f\.?\s?i")
# A day of the month after the invoice's: "15th of following month", "Due 10th of next month",
# "Net 10th Prox" / "Prox 10" (proximo), "10 MFI" (month following invoice), "يوم 15 من الشهر
# التالي": that many days after the end of the invoice's month.
_DAY_OF_NEXT_MONTH = re.compile(
    r"(?i)^(?:(?:net|due|payable)\s+)?(?:(?:on|by)\s+)?(?:the\s+)?(?:(?:يوم|في)\s+)?"
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+(?:the\s+)?|من\s+)?(?:"
    + _NEXT_MONTH + r"|prox(?:imo|\.)?|m\.?\s?f\.?\s?i\.?)|prox(?:imo|\.)?\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?)$")
# A day of the invoice's own month: "20th of current month" (Xero's OFCURRENTMONTH), "يوم 20
# من الشهر الحالي": 20 days after the end of the month before it (``month_end_terms`` -1).
_DAY_OF_THIS_MONTH = re.compile(
    r"(?i)^(?:(?:net|due|payable)\s+)?(?:(?:on|by)\s+)?(?:the\s+)?(?:(?:يوم|في)\s+)?"
    r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+(?:the\s+)?|من\s+)?"
    r"(?:(?:current|this)\s+month|(?:ال)?شهر\s+(?:ال)?(?:حالي|جاري))$")
# Xero's due-date kinds with their day in one cell ("20 OFFOLLOWINGMONTH", "OFCURRENTMONTH
# 25", "Days after bill date: 30"), as its two contact columns hold them (io.split_terms).
_XERO_KIND = re.compile(
    r"(?i)^(?:(\d{1,3})\s*[-:/,]?\s*)?(days\s*after\s*bill\s*date|days\s*after\s*bill\s*month|"
    r"of\s*following\s*month|of\s*current\s*month)(?:\s*[-:/,]?\s*(\d{1,3}))?$")
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


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def xero_terms_text(day: int, kind: str) -> str | None:
    """The Payment Terms a Xero due-date kind and its day make: DAYSAFTERBILLDATE 30 ->
    ``Net 30``; DAYSAFTERBILLMONTH 7 -> ``EOM + 7``; OFFOLLOWINGMONTH 20 -> ``20th of
    following month``; OFCURRENTMONTH 25 -> ``25th of current month``; None for another
    kind."""
    said = re.sub(r"[\s_\-]+", "", kind).lower()
    return {"daysafterbilldate": f"Net {day}", "daysafterbillmonth": f"EOM + {day}",
            "offollowingmonth": f"{_ordinal(day)} of following month",
            "ofcurrentmonth": f"{_ordinal(day)} of current month"}.get(said)


def _xero_in_one_cell(text: str) -> str | None:
    """Terms written as Xero's kind and day in one cell, as the terms they make."""
    m = _XERO_KIND.match(" ".join(text.split()))
    if m is None or (m[1] is None) == (m[3] is None):  # one day, before or after the kind
        return None
    return xero_terms_text(int(m[1] or m[3]), m[2])


def month_end_terms(value: Any) -> int | None:
    """From the end of which month typed payment terms count: 0 for the invoice's month
    (``"EOM"``, ``"Net 30 EOM"``, ``"30 يوم من نهاية الشهر"``), 1 for the month after it
    (``"End of Following Month"``), -1 for the month before it (a day of the invoice's own
    month: ``"25th of current month"``); None for terms counted from the invoice date."""
    if not isinstance(value, str):
        return None
    s = normalize_digits(value)
    s = _xero_in_one_cell(s) or s
    if _day_of_this_month(s) is not None:
        return -1
    if (formula := date_formula_terms(s)) is not None:
        return formula[1]
    if _day_of_next_month(s) is not None:
        return 0
    if (m := _EOM.search(s)) is None:
        return None
    return 1 if _EOM_NEXT.search(m[0]) else 0


def _day_of_this_month(text: str) -> int | None:
    """The day of the invoice's own month ``_DAY_OF_THIS_MONTH`` reads in ``text`` (1-31)."""
    m = _DAY_OF_THIS_MONTH.match(" ".join(text.split()))
    return int(m[1]) if m is not None and 1 <= int(m[1]) <= 31 else None


def _day_of_next_month(text: str) -> int | None:
    """The day of the following month ``_DAY_OF_NEXT_MONTH`` reads in ``text`` (1-31)."""
    m = _DAY_OF_NEXT_MONTH.match(" ".join(text.split()))
    if m is None:
        return None
    day = int(m[1] or m[2])
    return day if 1 <= day <= 31 else None


@lru_cache(maxsize=4096)
def parse_terms_text(text: str) -> int:
    # the tanween and vowel marks a clerk may type (نقداً، مقدماً، يوماً) change no word
    s = " ".join(_ARABIC_MARKS.sub("", normalize_digits(text)).strip().split())
    s = _xero_in_one_cell(s) or s
    if (day := _day_of_next_month(s)) is not None:
        return day
    if (day := _day_of_this_month(s)) is not None:
        return day
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
# "اسبوع" / "أسبوعين" / "2 weeks" (7 days a week), "ثلاثة أشهر" (a number written out)
_TERMS_WEEKS = re.compile(r"(?i)^(?:(\d{1,2})\s*)?(weeks?|wks?|اسبوع|أسبوع|اسابيع|أسابيع|اسبوعين|"
                          r"أسبوعين|اسبوعان|أسبوعان)$")
_NUMBER_WORDS = {"ثلاثة": 3, "ثلاث": 3, "اربعة": 4, "أربعة": 4, "اربع": 4, "أربع": 4,
                 "ستة": 6, "ست": 6, "خمسة": 5, "three": 3, "four": 4, "six": 6, "two": 2,
                 "one": 1}
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
# Days spelled out ("thirty days", "forty-five days", "ستين يوماً", "خمسة وأربعين يوم", "net
# thirty"): the usual terms, as clerks write them in words.
_DAY_COUNTS = {
    "seven": 7, "ten": 10, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "forty five": 45, "fortyfive": 45, "sixty": 60, "seventy five": 75,
    "ninety": 90, "one hundred twenty": 120, "hundred twenty": 120, "one hundred eighty": 180,
    "سبعة": 7, "سبع": 7, "عشرة": 10, "عشر": 10, "اربعة عشر": 14, "أربعة عشر": 14,
    "خمسة عشر": 15, "خمس عشرة": 15, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
    "اربعين": 40, "أربعين": 40, "اربعون": 40, "أربعون": 40, "خمسة واربعين": 45,
    "خمسة وأربعين": 45, "خمس واربعين": 45, "خمس وأربعين": 45, "خمسة واربعون": 45,
    "خمسة وأربعون": 45, "ستين": 60, "ستون": 60, "تسعين": 90, "تسعون": 90,
    "مائة وعشرين": 120, "مئة وعشرين": 120, "مائة وثمانين": 180, "مئة وثمانين": 180,
}
_DAYS_IN_WORDS = re.compile(
    r"(?i)^(?:(?:net|n|صافي|آجل|اجل|أجل)\s+)?("
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"[\s-]+") for k in _DAY_COUNTS),
                      key=len, reverse=True))
    + r")(?:\s*(?:days?|يوم|يوما|يومًا|أيام|ايام))?$")


_ON_CREDIT = re.compile(r"(?i)^(?:آجل|اجل|أجل|net|credit)\s+")
_ONE = re.compile(r"\s+(?:واحد|واحدة|واحده)$")
_HALF_MONTH = re.compile(r"(?i)^(?:نصف|نص)\s+(?:ال)?شهر$|^half\s+(?:a\s+)?month$")


def _days_in_words(s: str) -> int | None:
    """Terms whose days are spelled out ("thirty days", "ستين يوماً"), else None."""
    m = _DAYS_IN_WORDS.match(s)
    if m is None:
        return None
    return _DAY_COUNTS[" ".join(m[1].lower().replace("-", " ").split())]


def _terms_in_words(s: str, text: str) -> int:
    s = _ARABIC_MARKS.sub("", s)
    if m := _TERMS_NET.match(s):
        return int(m[1])
    if (net := discount_terms_net_days(s)) is not None:  # "2% 10 days, net 30"
        return net
    if (spelled := _days_in_words(s)) is not None:
        return spelled
    # "آجل شهر" (on credit, a month), "Net 2 months", "شهر واحد", "نصف شهر" (half a month)
    s = _ONE.sub("", _ON_CREDIT.sub("", s))
    if _HALF_MONTH.match(s):
        return 15
    words = s.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() in _NUMBER_WORDS:
        s = f"{_NUMBER_WORDS[words[0].lower()]} {words[1]}"
    if m := _TERMS_MONTHS.match(s):
        months = 2 if m[2] in ("شهرين", "شهران") else int(m[1] or 1)
        return 30 * months
    if m := _TERMS_WEEKS.match(s):
        weeks = 2 if m[2] in ("اسبوعين", "أسبوعين", "اسبوعان", "أسبوعان") else int(m[1] or 1)
        return 7 * weeks
    days = {int(n) for n in _TERMS_DAY_WORD.findall(s)}
    if len(days) == 1 and len(re.findall(r"\d+", s)) == 1:
        return days.pop()
    raise ValueError(f"'{text}' is not payment terms in days (e.g. 30, Net 30, 30 days)")


_UNLIMITED = re.compile(r"(?i)^(?:unlimited|no limit|open|open limit|n/?a|none|مفتوح|مفتوحة|"
                        r"غير محدود|غير محددة?|بدون حد|بلا حد|لا يوجد حد|مفتوح بدون حد)$")


def means_unlimited(value: Any) -> bool:
    """A credit limit typed as a word for "no limit": what a blank limit means."""
    return isinstance(value, str) and _UNLIMITED.match(" ".join(value.strip().split())) is not None


# A credit limit typed as cash only ("كاش", "Cash only", "نقدي", "COD"): no credit at all, a
# limit of 0 meaning none (a Credit Limit Type's "No Credit", ``io.limit_types``), not the
# contract's bare 0, which is no limit set.
_NO_CREDIT = re.compile(r"(?i)^(?:cash|cash only|cash customer|cash basis|cash sales|cod|"
                        r"c\.o\.d\.?|no credit|no credit allowed|nil credit|"
                        r"كاش|كاش فقط|نقد[يى]|نقدا|نقداً|نقد|نقدي فقط|نقدا فقط|نقداً فقط|"
                        r"عميل نقدي|بيع نقدي|بدون ائتمان|لا ائتمان|لا يوجد ائتمان|بدون آجل|"
                        r"بدون اجل|لا آجل|لا اجل)$")


def means_no_credit(value: Any) -> bool:
    """A credit limit typed as a word for cash only: no credit, a limit of 0 meaning none."""
    return isinstance(value, str) and _NO_CREDIT.match(
        " ".join(value.strip().strip(".-").split())) is not None


# A century: beyond it a number in the terms column is an amount or a date serial typed in
# the wrong column, and its due date would fall past what a date can hold (the year 2262).
MAX_TERMS_DAYS = 36_500


def parse_terms(value: Any, decimal_comma: bool = False) -> int:
    if isinstance(value, str):
        days = parse_terms_text(value)
    else:
        days = parse_money(value)
        if days < 0 or not float(days).is_integer():
            raise ValueError(f"'{value}' is not a whole number of days")
    if days > MAX_TERMS_DAYS:
        raise ValueError(f"'{value}' is not payment terms: more days than a century "
                         f"({MAX_TERMS_DAYS:,})")
    return int(days)


# A tax rate written as the VAT treatment of the line (an exempt, zero-rated, reverse-charge
# or out-of-scope supply; ETA and ZATCA exports, the Gulf's invoices): no tax charged, 0 %.
_NO_TAX_CHARGED = frozenset(re.sub(r"[\s\-_.]+", "", w).lower() for w in (
    "Exempt", "VAT Exempt", "Tax Exempt", "Zero-rated", "Zero rated", "Zero", "Nil",
    "Reverse Charge", "RC", "Reverse-charge", "Out of scope", "Outside scope", "N/A", "NA",
    "Not applicable", "No VAT", "Non-taxable", "معفى", "معفي", "معفاة", "معفاه", "صفر",
    "خاضع للنسبة الصفرية", "نسبة صفرية", "صفري", "احتساب عكسي", "خاضع للاحتساب العكسي",
    "التكليف العكسي", "خارج النطاق", "غير خاضع", "غير خاضع للضريبة", "بدون ضريبة", "لا يوجد",
    # ZATCA's / EN 16931's category letters typed in the rate column: zero-rated, exempt,
    # out of scope (S, the standard rate, is a rate only the country tells)
    "Z", "E", "O"))


# A percentage written in words: "5 في المائة", "5 بالمئة", "5 percent", "5 per cent", "5 pct"
_PERCENT_WORDS = re.compile(r"(?i)\s*(?:(?:في\s*|بـ?\s*)?الما?ئ[ةه]|per\s?cent|pct\.?)")


def parse_percent(value: Any, decimal_comma: bool = False) -> float:
    if isinstance(value, str):
        value = _PERCENT_WORDS.sub("%", value)
        if re.sub(r"[\s\-_.]+", "", value).lower() in _NO_TAX_CHARGED:
            return 0.0
        if (early := early_payment_discount(value)) is not None:
            return early.rate  # the discount written as the terms that grant it: "2/10 Net 30"
        if len(_FIGURES.findall(normalize_digits(value))) > 1:
            return _one_of_several(value, decimal_comma)
        s = normalize_digits(value).replace("%", "").replace("٪", "").strip()
        try:
            return parse_number_text(s, decimal_comma)
        except ValueError:
            named = _NAMED_RATE.findall(normalize_digits(value))
            if len(named) != 1:  # a tax's name with one rate in it ("VAT 15%", "0% Export")
                raise
            return parse_number_text(named[0], decimal_comma)
    return parse_money(value)


# The one percentage in a tax's name as an ERP exports it (Odoo's Taxes: "VAT 15%", "0% EX")
_NAMED_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,3})?)\s*[%٪]")
_FIGURES = re.compile(r"\d+(?:[.,]\d+)*")


def _one_of_several(value: str, decimal_comma: bool) -> float:
    """A cell with several figures: the one percentage among them ("VAT 15% (2020)"); two
    percentages ("5% off 10%") or figures without one ("5 10") say no one rate: which
    applies is for a person to say, not to be glued into 510."""
    text = normalize_digits(value)
    named = _NAMED_RATE.findall(text)
    if len(named) == 1 and len(re.findall(r"[%٪]", text)) == 1:
        return parse_number_text(named[0], decimal_comma)
    rates = [f"{n}%" for n in _FIGURES.findall(text)] if len(re.findall(r"[%٪]", text)) > 1 \
        else []
    if rates:
        raise ValueError(f"'{value}' names {len(rates)} percentages ({', '.join(rates)}): "
                         "which one applies is not clear")
    raise ValueError(f"'{value}' is not one percentage")
