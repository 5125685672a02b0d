"""Who paid, by the mobile number an instant payment prints.

Egypt's InstaPay and wallets, Saudi Arabia's Sarie / Fawran, the Emirates' Aani, Qatar's Fawran,
Kuwait's WAMD, Bahrain's Fawri+ print the sender's mobile in the narrative, alone or in groups
(0100 123 4567, +20 100 123 4567, 050 123 4567, +971 50 123 4567, 00966 5x xxx xxxx, 974 5512
3456), often beside a person's name (the customer's owner or accountant) rather than the
company's. The customer master's Phone column says whose number it is.

A number is compared by its national digits (country code, trunk 0, spaces, dashes and
Arabic-Indic digits aside; Excel's dropped leading 0 too: 1001234567), with its country code
where both sides write one (+966 and +971 mobiles share their shape). It names the customer
only when exactly one customer of the master has it: a number two customers share (a group's
switchboard, one accountant for two companies) names no one, nor does a landline (only mobile
numbers are read from narratives).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

import pandas as pd

from ar_excel.core.customers.contacts import phone_numbers
from ar_excel.core.matching.normalize import mobile_numbers

# The national mobile numbers of each country code (the digits after it, trunk 0 aside).
_NATIONAL = {
    "20": re.compile(r"1[0125]\d{8}"),
    "966": re.compile(r"5\d{8}"),
    "971": re.compile(r"5[0-8]\d{7}"),
    "965": re.compile(r"[569]\d{7}"),
    "974": re.compile(r"[3567]\d{7}"),
    "973": re.compile(r"3\d{7}"),
    "968": re.compile(r"[79]\d{7}"),
}
_NOT_DIGIT = re.compile(r"\D")


# A mobile number as a narrative prints it (as ``normalize`` blanks it out of the invoice
# numbers): with its country code, or Egypt's, Saudi Arabia's and the Emirates' own way; here
# Egypt's code may also be written bare (20 100 123 4567) and with its trunk 0.
_PRINTED = mobile_numbers(r"(?:\+|00)?20[ -]?0?")
# Headers of the master's columns that hold a customer's phone numbers besides Phone.
_PHONE_HEADER = re.compile(r"(?i)^\s*(?:mobile|phone|tel|cell|whatsapp)|هاتف|جوال|موبايل|محمول")

Key = tuple[str | None, str]  # (country code where written, national digits)


def mobile_key(digits: str) -> Key | None:
    """A number's digits as a mobile's (country code or None, national digits), or None when
    they are no mobile of the countries whose banks print them (a landline, a short code)."""
    d = digits[2:] if digits.startswith("00") else digits
    for code, national in _NATIONAL.items():
        if d.startswith(code):
            rest = d[len(code):]
            rest = rest[1:] if rest.startswith("0") else rest  # (+20 (0)100 ...)
            if national.fullmatch(rest):
                return code, rest
    rest = d[1:] if d.startswith("0") else d
    if any(national.fullmatch(rest) for national in _NATIONAL.values()):
        return None, rest
    return None


def printed_mobiles(folded: str) -> list[tuple[str, Key]]:
    """(as printed, key) of each mobile number in a folded text."""
    out = []
    for m in _PRINTED.finditer(folded):
        key = mobile_key(_NOT_DIGIT.sub("", m.group(0)))
        if key is not None:
            out.append((m.group(0).strip(), key))
    return out


def _cell_numbers(value: object) -> list[str]:
    """The digits of each number of a phone cell; a number Excel keeps as a number (its
    leading 0 dropped) as its digits."""
    if isinstance(value, float):
        if value != value or not value.is_integer():
            return []
        value = int(value)
    if isinstance(value, int):
        return [str(value)]
    return [_NOT_DIGIT.sub("", p) for p in phone_numbers(value)]


class MobileDirectory:
    """The customers by the mobile numbers of their Phone (and Mobile) columns."""

    def __init__(self, customers: pd.DataFrame) -> None:
        columns = [c for c in customers.columns
                   if isinstance(c, str) and (c == "Phone" or _PHONE_HEADER.search(c))]
        ids = customers["Customer ID"].tolist() if "Customer ID" in customers else []
        # (read into ``_owners`` when a line first prints a mobile: most statements print none)
        self._cells = [(str(cid), value) for column in columns
                       for cid, value in zip(ids, customers[column].tolist(), strict=True)
                       if not (cid is None or (isinstance(cid, float) and cid != cid))
                       and not (value is None or (isinstance(value, float) and value != value))]

    def __bool__(self) -> bool:
        return bool(self._cells)

    @cached_property
    def _owners(self) -> dict[str, set[tuple[str, str | None]]]:
        owners: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
        for cid, value in self._cells:
            for digits in _cell_numbers(value):
                key = mobile_key(digits)
                if key is not None:
                    owners[key[1]].add((cid, key[0]))
        return dict(owners)

    def owner(self, texts: Iterable[str]) -> tuple[str, str] | None:
        """(customer, the number as printed) when the mobile numbers the folded ``texts``
        print are one customer's; None when they are no one's, or one of them is several
        customers' (a shared number names no one), or they are two customers'."""
        found: set[str] = set()
        printed = ""
        for text in texts:
            for shown, (code, national) in printed_mobiles(text):
                owners = {cid for cid, own in self._owners.get(national, ())
                          if code is None or own is None or own == code}
                if len(owners) > 1:
                    return None
                if owners:
                    found |= owners
                    printed = printed or shown
        return (next(iter(found)), printed) if len(found) == 1 else None
