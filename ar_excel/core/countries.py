"""Countries as a customer master's Country cell names them, and their currencies.

A Country cell is written as an ISO code (``EG``, ``SAU``), in English (``Saudi Arabia``,
``KSA``, ``U.A.E.``) or in Arabic (``المملكة العربية السعودية``); letters are unified first
(``names.fold_text``), so ``السعوديه`` and ``السعودية`` are one name. One table serves the tax-ID
checks (which country's format a tax ID must have, which countries have no VAT) and the
local currency a blank Currency stands for.
"""

from __future__ import annotations

from ar_excel.names import fold_text

# The countries' currencies, by ISO code.
CURRENCY_OF = {
    "EG": "EGP", "SA": "SAR", "AE": "AED", "BH": "BHD", "OM": "OMR", "KW": "KWD", "QA": "QAR",
    "JO": "JOD", "IQ": "IQD", "LB": "LBP", "LY": "LYD", "TN": "TND", "MA": "MAD", "DZ": "DZD",
    "SD": "SDG", "YE": "YER", "SY": "SYP", "PS": "ILS", "US": "USD", "GB": "GBP", "IN": "INR",
    "PK": "PKR", "TR": "TRY", "CN": "CNY", "CH": "CHF", "JP": "JPY",
}
# Their names as Country cells write them (each code names its country too).
_NAMES = {
    "EG": ("egy", "egypt", "arab republic of egypt", "مصر", "جمهورية مصر العربية"),
    "SA": ("sau", "ksa", "saudi", "saudi arabia", "kingdom of saudi arabia", "السعودية",
           "المملكة العربية السعودية"),
    "AE": ("are", "uae", "u.a.e", "u.a.e.", "emirates", "united arab emirates", "الامارات",
           "الإمارات", "الامارات العربية المتحدة", "الإمارات العربية المتحدة"),
    "BH": ("bhr", "bahrain", "kingdom of bahrain", "البحرين", "مملكة البحرين"),
    "OM": ("omn", "oman", "sultanate of oman", "عمان", "عُمان", "سلطنة عمان", "سلطنة عُمان"),
    "KW": ("kwt", "kuwait", "state of kuwait", "الكويت", "دولة الكويت"),
    "QA": ("qat", "qatar", "state of qatar", "قطر", "دولة قطر"),
    "JO": ("jor", "jordan", "hashemite kingdom of jordan", "الأردن", "الاردن",
           "المملكة الأردنية الهاشمية"),
    "IQ": ("irq", "iraq", "العراق"),
    "LB": ("lbn", "lebanon", "لبنان"),
    "US": ("usa", "u.s.a.", "united states", "united states of america",
           "الولايات المتحدة"),
    "GB": ("gbr", "uk", "u.k.", "united kingdom", "great britain", "المملكة المتحدة",
           "بريطانيا"),
}
_CODE_OF = {fold_text(code): code for code in CURRENCY_OF} | {
    fold_text(name): code for code, names in _NAMES.items() for name in names}


def country_code(country: object) -> str | None:
    """The ISO code of the country a Country cell names ("KW", "Kuwait", "الكويت" -> KW)."""
    if country is None or (isinstance(country, float) and country != country):
        return None
    return _CODE_OF.get(" ".join(fold_text(str(country)).split()))


def country_currency(country: object) -> str | None:
    """The currency of the country a Country cell names ("KW", "Kuwait", "الكويت" -> KWD)."""
    code = country_code(country)
    return CURRENCY_OF.get(code) if code else None
