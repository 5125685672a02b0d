"""Structured creditor references read as the reference they carry.

Invoices in Europe print a payment reference the customer's bank copies into the transfer, with
check digits around the creditor's own reference (most often the invoice number):

* ISO 11649 ``RF`` references: ``RF`` + two check digits (mod 97) + up to 21 letters and digits,
  printed in groups of four (``RF18 5390 0754 7034``);
* Swiss QR / ISR (ESR) references: 27 digits, the last a check digit (mod 10, recursive),
  the reference right-aligned in zeros (``00 00000 00000 00000 00123 45678``);
* Belgian structured communications: ``+++123/4567/89002+++`` (or with ``*``), ten digits and
  two check digits (mod 97).

Read as printed, the check digits glue onto the reference (``RF7812345`` is no ``12345``): the
invoice was not found, or another one a digit away was. A reference whose check digits hold is
replaced by what it carries (leading zeros dropped); one whose check digits do not hold is left as
printed (it is some other number). A QR reference is read where the bank gives it, as the line's
reference: in a narrative 27 digits are as often an account (an Egyptian IBAN is EG and 27).
"""

from __future__ import annotations

import re

_RF = re.compile(r"\bRF(\d\d) ?((?:[A-Z0-9]{1,4} ?){1,6})")
# (27 digits as printed: together, or 2 and five groups of 5)
_QR = re.compile(r"(\d{27}|\d\d(?: \d{5}){5})")
_QR_TABLE = (0, 9, 4, 6, 8, 2, 7, 1, 3, 5)
_OGM = re.compile(r"(?:\+{3}|\*{3}) ?(\d{3}) ?/ ?(\d{4}) ?/ ?(\d{5}) ?(?:\+{3}|\*{3})")


def rf_check_holds(check: str, body: str) -> bool:
    """Whether ``check`` is the ISO 11649 (mod 97) check of an RF reference carrying ``body``."""
    digits = "".join(str(int(c, 36)) for c in body + "RF" + check)
    return int(digits) % 97 == 1


def _rf_body(check: str, printed: str) -> str | None:
    """The longest run of ``printed``'s groups that makes a valid reference with ``check``."""
    groups = printed.split()
    for n in range(len(groups), 0, -1):
        body = "".join(groups[:n])
        if len(body) <= 21 and rf_check_holds(check, body):
            return body
    return None


def _qr_valid(digits: str) -> bool:
    carry = 0
    for d in digits[:-1]:
        carry = _QR_TABLE[(carry + int(d)) % 10]
    return (10 - carry) % 10 == int(digits[-1])


def _carried(body: str) -> str:
    return body.lstrip("0") or body


def readable(text: str) -> str:
    """``text`` (folded) with each RF reference and Belgian structured communication whose
    check digits hold replaced by the reference it carries."""
    if "RF" in text:
        text = _RF.sub(_rf_read, text)
    if "+++" in text or "***" in text:
        text = _OGM.sub(_ogm_read, text)
    return text


def creditor_references(text: str) -> list[str]:
    """The RF references (``RF`` + check + what they carry, without spaces) printed in a folded
    ``text`` whose check digits hold: glued, in groups, or followed by other words."""
    if "RF" not in text:
        return []
    return [f"RF{m[1]}{body}" for m in _RF.finditer(text)
            if (body := _rf_body(m[1], m[2])) is not None]


def reference_read(reference: str) -> str:
    """A line's own reference (folded): a QR reference whose check digit holds, as the
    reference it carries; else as ``readable`` reads it."""
    if len(reference) >= 27 and _QR.fullmatch(reference.strip()):
        digits = reference.replace(" ", "").strip()
        if _qr_valid(digits):
            return _carried(digits[:-1])
    return readable(reference)


def _rf_read(m: re.Match) -> str:
    body = _rf_body(m[1], m[2])
    if body is None:
        return m[0]
    rest = m[2].replace(" ", "")[len(body):]
    # (the groups after the reference were other words of the narrative)
    return f"{_carried(body)} " + _regroup(m[2], len(body)) if rest else f"{_carried(body)} "


def _ogm_read(m: re.Match) -> str:
    digits = m[1] + m[2] + m[3]
    check = int(digits[:10]) % 97 or 97
    return _carried(digits[:10]) if check == int(digits[10:]) else m[0]


def _regroup(printed: str, used: int) -> str:
    """What follows the first ``used`` characters of ``printed`` (spaces not counted), as
    printed."""
    seen = 0
    for k, ch in enumerate(printed):
        if seen == used:
            return printed[k:].lstrip()
        if ch != " ":
            seen += 1
    return ""
