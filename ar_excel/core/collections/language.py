"""Which language a customer is written to in.

Rule: Arabic when the workbook is Arabic (its headers or sheet names are Arabic, or the
policy's ``language`` says ``ar``) or when the customer's name is written in Arabic letters;
otherwise English. A policy ``language`` of ``en`` forces English for everybody except
customers whose name is Arabic.
"""

from __future__ import annotations

import re
from datetime import date

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: object) -> bool:
    return bool(text) and bool(_ARABIC.search(str(text)))


def letter_language(name: object, book_arabic: bool) -> str:
    """``"ar"`` or ``"en"`` for one customer."""
    return "ar" if book_arabic or has_arabic(name) else "en"


def format_money(amount: float, currency: str | None = None, places: int | None = None) -> str:
    """``1234.5`` -> ``1,234.50`` (followed by the currency code when known), in the
    currency's minor units: ``1,234.567 KWD`` (fils), never rounded to two places.
    ``places``: the decimals for an amount printed without its code (a letter's table)."""
    from ar_excel.core.money import decimals_of

    digits = decimals_of(currency) if places is None else places
    text = f"{amount:,.{digits}f}"
    return f"{text} {currency}" if currency else text


def format_date(value: object) -> str:
    """Dates in letters: ISO ``YYYY-MM-DD`` reads the same in Arabic and English."""
    import pandas as pd

    if isinstance(value, date) and 1000 <= value.year <= 9999:
        # a Timestamp or datetime, as most dates are: what strftime("%Y-%m-%d") gives, made
        # directly (strftime is most of the time of a statement's or letter's dates)
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d")
