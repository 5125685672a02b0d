"""Codes and text as typed: customer statuses, currencies by code, symbol or name, keys (a number
cell's 1001.0 is "1001") and free text."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from ar_excel.names import match_key
from ar_excel.parsing.digits import normalize_digits

_STATUS = {
    "Active": ("active", "open", "ok", "normal", "نشط", "فعال", "مفعل", "ساري", "نشيط",
               "see notes",  # Sage's "1 See Notes": open, a note to read
               "a",  # Oracle's account status codes: A(ctive), I(nactive)
               "new", "جديد", "approved", "enabled", "vip", "key account",
               # NetSuite's entity status is the sales stage after the kind of entity
               # ("CUSTOMER-Closed Won"): a customer, whichever its stage
               "customer"),
    "Hold": ("hold", "on hold", "onhold", "blocked", "block", "stop", "stopped", "suspended",
             "credit hold", "موقوف", "معلق", "متوقف", "محظور", "ايقاف", "إيقاف", "موقوف مؤقتا",
             "مجمد", "frozen", "stop credit", "credit stop", "on stop",
             # in litigation or with the debt collectors: no more credit (Egypt's قضايا)
             "legal", "legal case", "legal action", "litigation", "in litigation", "lawsuit",
             "bad debt", "doubtful", "collections", "with collections", "written off",
             "قضايا", "قضية", "قضائي", "قانوني", "شؤون قانونية", "الشؤون القانونية",
             "bad payer", "liquidator", "liquidation", "in liquidation", "receivership",
             "الشئون القانونية", "متعثر", "تحت التحصيل", "ديون معدومة", "مشكوك فيه",
             # no more credit: black-listed, or sold to for cash only
             "blacklisted", "blacklist", "black list", "black listed", "قائمة سوداء",
             "القائمة السوداء", "cash only", "كاش فقط", "نقدي فقط", "نقدا فقط"),
    "Closed": ("closed", "inactive", "close", "terminated", "مغلق", "ملغي", "ملغى", "غير نشط",
               "مقفل", "dormant", "خامل", "deleted", "cancelled", "canceled", "archived",
               "مؤرشف", "مغلقة", "موقوف نهائيا", "disabled", "in-active", "not active",
               "غير فعال", "i", "closed account", "account closed", "do not use",
               "don't use", "لا يستخدم", "متوقف عن التعامل", "لا يتم التعامل"),
}
_STATUS_LOOKUP = {v: k for k, vs in _STATUS.items() for v in vs}


# A status with its reason after it: "Hold - legal", "Blocked (over limit)", "موقوف: قضية".
_STATUS_REASON = re.compile(r"\s*[-–:(،,/]\s*")


_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
# Sage's account status is its code and name: "0 Open", "2 On Hold", "3 Closed".
_STATUS_CODE = re.compile(r"^\d{1,2}\s*[-.:)]?\s+(?=\D)")


def parse_status(value: Any, decimal_comma: bool = False) -> str:
    key = _STATUS_CODE.sub("", " ".join(str(value).strip().lower().split())).rstrip("*. ")
    key = _ARABIC_MARKS.sub("", key)  # "موقوف مؤقتاً": the tanween typed or not
    if key in _STATUS_LOOKUP:
        return _STATUS_LOOKUP[key]
    head = _STATUS_REASON.split(key, maxsplit=1)[0]
    if head != key and head in _STATUS_LOOKUP:
        return _STATUS_LOOKUP[head]
    raise ValueError(f"'{value}' is not a customer status (Active, Hold or Closed)")


_CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "LE": "EGP", "L.E": "EGP",
    "L.E.": "EGP", "ج.م": "EGP", "ج م": "EGP", "جنيه": "EGP", "جنيه مصري": "EGP",
    "ر.س": "SAR", "ريال": "SAR", "ريال سعودي": "SAR", "د.إ": "AED", "درهم": "AED",
    "درهم إماراتي": "AED", "د.ك": "KWD", "ر.ق": "QAR", "ريال قطري": "QAR",
    "ر.ع": "OMR", "د.ب": "BHD", "دولار": "USD", "يورو": "EUR",
    "جم": "EGP",  # Egypt's hand-kept sheets shorten جنيه مصري so
    "E£": "EGP", "LE.": "EGP",
    "د.أ": "JOD", "د.ع": "IQD",  # Jordan's and Iraq's dinar, as printed
    # (not "د.ا": د.أ or the dirham's د.إ typed without the hamza; bank.column_words reads
    # it as AED in a money header: which one, the letters do not say)
}


# The dinars named by their country in Arabic (دينار كويتي: Kuwait's; Iraq's banks head
# their statements "العملة: دينار عراقي"), as a name and as the word an amount carries
# (``numbers.CURRENCY_WORDS``).
DINAR_COUNTRIES = {"IQD": "عراقي", "JOD": "أردني", "KWD": "كويتي", "BHD": "بحريني"}

# Currencies by name, as typed in English or Arabic (matched folded: case, spaces, dots and
# Arabic letter variants aside, so كويتى is كويتي).
_CURRENCY_NAMES = {  # names only: the abbreviations (SR, KD) are CURRENCY_ABBREVIATIONS
    "EUR": ("Euro", "Euros"), "USD": ("US Dollar", "US Dollars", "USD$", "USA Dollar",
                                     "United States Dollar", "American Dollar",
                                     "دولار أمريكي", "دولار امريكي"),
    "EGP": ("Egyptian Pound", "Egyptian Pounds", "جنيه مصرى"),
    "GBP": ("Sterling", "Pound Sterling", "British Pound", "استرليني", "جنيه استرليني"),
    "SAR": ("Saudi Riyal", "ريال سعودى"),
    "AED": ("UAE Dirham", "Emirati Dirham", "درهم إماراتي"),
    "KWD": ("Kuwaiti Dinar",), "QAR": ("Qatari Riyal",),
    "OMR": ("Omani Rial", "ريال عماني"), "BHD": ("Bahraini Dinar",),
    "JOD": ("Jordanian Dinar",), "IQD": ("Iraqi Dinar",),
}
_CURRENCY_BY_NAME = {match_key(n): code for code, names in _CURRENCY_NAMES.items() for n in names}
_CURRENCY_BY_NAME.update((match_key(f"دينار {country}"), code)
                         for code, country in DINAR_COUNTRIES.items())
# The Arabic article on each word, as books and bank exports write a name ("الريال السعودي",
# "الجنيه المصري"): read as the name without it, so a word reads as it does bare (الريال as
# ريال) and what is no currency bare is none with it.
_ARABIC_ARTICLE = re.compile(r"(?<!\S)ال(?=\S{2})")


def _currency_by_name(s: str) -> str | None:
    key = match_key(s)
    found = _CURRENCY_BY_NAME.get(key)
    # an English plural of a name ("UAE Dirhams", "Saudi Riyals"); never a bare word's plural
    # ("Dollars"), which is no name
    if found is None and key.isascii() and key.endswith("s"):
        found = _CURRENCY_BY_NAME.get(key[:-1])
    return found


# The Gulf's local abbreviations (Dhs 1,000; SR 500; KD 1.250): read as their ISO codes, so
# invoices in them meet the bank's AED / SAR / KWD lines and keep their minor units. In a
# customer's Currency cell each is read all the same, with an INVALID_CURRENCY Warning
# saying its code (the contract's Currency is an ISO code a master can be loaded with).
CURRENCY_ABBREVIATIONS = {
    "DHS": "AED", "DH": "AED", "DHS.": "AED", "SR": "SAR", "S.R": "SAR", "S.R.": "SAR",
    "KD": "KWD", "K.D": "KWD", "K.D.": "KWD", "BD": "BHD", "B.D": "BHD", "B.D.": "BHD",
    "QR": "QAR", "Q.R": "QAR", "Q.R.": "QAR", "RO": "OMR", "R.O": "OMR", "R.O.": "OMR",
    "JD": "JOD", "J.D": "JOD", "J.D.": "JOD"}


# Great Plains' currency IDs: those its sample company (Fabrikam) installs, prefixed "Z-" so
# they sort last, and which many live companies kept; a company's own "Z-" ID names its
# currency after the prefix (a Saudi company's Z-SR).
_GP_PREFIX = re.compile(r"(?i)^Z-(?=\S)")


def is_erp_currency_id(value: Any) -> bool:
    """Whether ``value`` is an accounting system's own currency ID (Great Plains' ``Z-US$``):
    the export writes it so whatever the accountant does."""
    return isinstance(value, str) and bool(_GP_PREFIX.match(value.strip()))


_GP_SAMPLE = {"US$": "USD", "C$": "CAD", "UK": "GBP", "EURO": "EUR", "AUD": "AUD",
              "NZ$": "NZD", "SGD": "SGD", "YEN": "JPY", "MXP": "MXN", "RAND": "ZAR"}


# A customer's currency saying it is billed in any currency (SAP Business One's "##", All
# Currencies): no currency of its own (its invoices say theirs), read as a blank, not an
# invalid code.
ANY_CURRENCY = frozenset(("##", "ALL CURRENCIES", "جميع العملات", "كل العملات"))


def parse_currency(value: Any, decimal_comma: bool = False) -> str:
    """ISO code upper-cased; common symbols, the Gulf's abbreviations (``CURRENCY_ABBREVIATIONS``),
    Great Plains' "Z-" currency IDs (``Z-US$``, ``Z-C$``, ``Z-EURO``, ``Z-UK``) and English
    and Arabic names mapped. What is none of these is kept as typed, for the customer checks
    to judge (INVALID_CURRENCY)."""
    s = " ".join(str(value).strip().split())
    if is_erp_currency_id(s):
        rest = _GP_PREFIX.sub("", s)
        known = _GP_SAMPLE.get(rest.upper()) or _known_currency(rest)
        if known:
            return known
    return _known_currency(s) or s.upper()


def _known_currency(s: str) -> str | None:
    """The ISO code a symbol, an abbreviation or a name stands for; a three-letter code as
    it is; None for anything else."""
    found = _CURRENCY_SYMBOLS.get(s) or _CURRENCY_SYMBOLS.get(s.upper()) \
        or CURRENCY_ABBREVIATIONS.get(s.upper()) or _currency_by_name(s)
    if found is None and "." in s:  # "ج.م.", "ر. س": an abbreviation's dots and spaces as typed
        tight = re.sub(r"\s*\.\s*", ".", s).rstrip(".")
        found = _CURRENCY_SYMBOLS.get(tight) or _CURRENCY_SYMBOLS.get(tight.upper())
    if found is None and _ARABIC_ARTICLE.search(s):
        bare = _ARABIC_ARTICLE.sub("", s)
        found = _CURRENCY_SYMBOLS.get(bare) or _currency_by_name(bare)
    code = re.fullmatch(r"([A-Za-z]{3})\.?", s)  # ("AED. 4,200": the code, a dot after it)
    return found or (code[1].upper() if code else None)


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
