"""The company's AR policy: the optional ``Policy`` key/value sheet, with the contract's defaults.

Keys are matched like headers (case, spaces, ``_`` and ``-`` ignored); unknown keys are kept in
``extra`` so a later job can use them without a contract change. A value that cannot be read
keeps the default and is reported by the reader as an input issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Policy:
    allowed_terms_days: tuple[int, ...] = (0, 7, 15, 30, 45, 60, 90)
    max_discount_pct: float = 5.0
    credit_warning_pct: float = 80.0
    overdue_hold_days: int = 90
    aging_buckets_days: tuple[int, ...] = (30, 60, 90)
    aging_basis: str = "due date"  # or "invoice date"
    date_order: str = "day first"  # or "month first"
    decimal_comma: bool = False  # numbers typed as "1.234,50"
    fee_tolerance_abs: float = 25.00
    fee_tolerance_pct: float = 0.5
    # Beyond the contract's table: defaults used by later jobs.
    dunning_levels_days: tuple[int, ...] = (7, 30, 60, 90)
    allowed_tax_rates_pct: tuple[float, ...] = (0.0, 5.0, 14.0, 15.0)
    uninvoiced_delivery_days: int = 7
    base_currency: str = ""
    bank_statement: str = ""  # path of the statement file for the month-end run / buttons
    language: str = ""  # "ar" or "en"; blank = from the workbook's headers
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def day_first(self) -> bool:
        return not self.date_order.strip().lower().startswith("month")

    def fee_tolerance(self, invoice_amount: float) -> float:
        """Short-payment accepted as bank charges / discount: the larger of absolute and %."""
        return max(self.fee_tolerance_abs, abs(invoice_amount) * self.fee_tolerance_pct / 100.0)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(_key(key), default)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", str(text)).lower()


_FIELDS = {_key(f.name): f for f in fields(Policy) if f.name != "extra"}
_ALIASES = {
    _key("fee tolerance"): "fee_tolerance",
    _key("tolerance"): "fee_tolerance",
    _key("aging buckets"): "aging_buckets_days",
    _key("dunning levels"): "dunning_levels_days",
    _key("allowed terms"): "allowed_terms_days",
    _key("allowed tax rates"): "allowed_tax_rates_pct",
}


def _numbers(text: str) -> list[float]:
    from ar_excel.parsing import normalize_digits

    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", normalize_digits(str(text)))]


def _fee_tolerance(text: str) -> dict[str, float]:
    """``25.00 absolute or 0.5 % of the invoice`` -> abs and pct; a bare number is absolute."""
    from ar_excel.parsing import normalize_digits

    text = normalize_digits(str(text))
    out: dict[str, float] = {}
    pct = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    if pct:
        out["fee_tolerance_pct"] = float(pct.group(1))
        text = text.replace(pct.group(0), " ")
    absolute = re.search(r"\d+(?:\.\d+)?", text)
    if absolute:
        out["fee_tolerance_abs"] = float(absolute.group(0))
    if not out:
        raise ValueError("expected an amount and/or a percentage, e.g. '25 or 0.5 %'")
    return out


def _convert(name: str, value: Any) -> dict[str, Any]:
    if name == "fee_tolerance":
        return _fee_tolerance(value)
    f = _FIELDS[_key(name)]
    default = getattr(Policy(), f.name)
    text = "" if value is None else str(value).strip()
    if isinstance(default, bool):
        return {f.name: text.lower() in ("1", "true", "yes", "y", "نعم", "x")}
    if isinstance(default, tuple):
        nums = _numbers(text)
        if not nums:
            raise ValueError("expected a list of numbers, e.g. '30, 60, 90'")
        kind = float if isinstance(default[0], float) else int
        return {f.name: tuple(sorted(kind(n) for n in nums))}
    if isinstance(default, int | float):
        nums = _numbers(text)
        if len(nums) != 1:
            raise ValueError("expected one number")
        return {f.name: type(default)(nums[0])}
    return {f.name: text}


def policy_from_pairs(pairs: list[tuple[str, Any, str]]) -> tuple[Policy, list[tuple[str, str]]]:
    """Build a Policy from (key, value, cell) rows; returns it and (cell, message) problems."""
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    for key, value, cell in pairs:
        k = _key(key)
        if not k:
            continue
        name = _ALIASES.get(k) or (_FIELDS[k].name if k in _FIELDS else None)
        if name is None:
            extra[k] = "" if value is None else str(value)
            continue
        if value is None or str(value).strip() == "":
            continue  # blank keeps the default
        try:
            values.update(_convert(name, value))
        except (ValueError, TypeError) as exc:
            problems.append((cell, f"policy '{key}': {exc}; the default is used"))
    return Policy(**values, extra=extra), problems
