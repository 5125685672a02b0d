"""Digits and blanks as typed: Arabic-Indic and Persian digits and separators made ASCII, and what
counts as an empty cell."""

from __future__ import annotations

import math
from typing import Any

_DIGITS = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian / Urdu
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
    "\u060c": ",",  # Arabic comma
    "\u060d": "/",  # Arabic date separator ("٠٢؍٠٣؍٢٠٢٥" is 02/03/2025)
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
