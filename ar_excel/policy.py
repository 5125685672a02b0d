"""The company's AR policy: the optional ``Policy`` key/value sheet, with the contract's defaults.

Keys are matched like headers (case, spaces, ``_`` and ``-`` ignored); unknown keys are kept in
``extra`` so a later job can use them without a contract change. A value that cannot be read
keeps the default and is reported by the reader as an input issue; so does a value read but out
of its range (a negative number of days, a percentage above 100, aging buckets not ascending, a
language other than Arabic or English, a currency that is not a 3-letter code, a date order or
aging basis not among those ar_excel knows): a typing slip never runs the month on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ar_excel.parsing.terms import MAX_TERMS_DAYS

if TYPE_CHECKING:
    from ar_excel.core.fx import SheetRate

# The words meaning yes in a yes/no cell: a Policy sheet's switch (Decimal Comma: Yes) and an
# ERP's flag column (SAP's Deletion Flag: X, ERPNext's Disabled: 1, نعم), read lower-cased.
YES_WORDS = frozenset({"1", "true", "yes", "y", "نعم", "x"})


# The default dunning minimum: 10 units of a currency. That is about the same money as a
# trivial balance in the currencies whose unit is worth a few US cents to a dollar or so (EGP,
# SAR, AED, QAR, USD, EUR ...: 10 SAR or AED is some USD 2.70). A unit worth far more or far
# less made 10 the wrong money: 10 KWD, BHD or OMR is some USD 26-33, more than a credit
# controller leaves unchased, and 10 JPY or 10 IQD is under a US cent, nothing. Those
# currencies default to a round amount about the worth of 10 SAR or AED instead (1.000 KWD ~
# USD 3.25; 500 JPY ~ USD 3.30). A table, not today's exchange rates: a threshold that moves
# with the rate sheet would chase a customer one month and not the next for the same debt.
DUNNING_MINIMUM_DEFAULT = 10.0
DUNNING_MINIMUMS: dict[str, float] = {
    # three decimals, a unit worth several US dollars
    "KWD": 1.0, "BHD": 1.0, "OMR": 1.0, "JOD": 2.0,
    # a unit worth a fraction of a US cent (the Iraqi dinar counts in fils, yet 1,300 make
    # a dollar)
    "JPY": 500.0, "KRW": 5_000.0, "IQD": 5_000.0, "LBP": 250_000.0,
}


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
    # The least Amount To Collect worth a letter, a call or a visit: a 0.50 left by a short
    # payment is written off or collected with the next invoice, not chased with a final
    # notice. Set on the sheet: one figure in each currency's own units, for every currency
    # (0 chases every cent). None (not on the sheet): ``dunning_minimum`` by currency.
    dunning_min_amount: float | None = None
    allowed_tax_rates_pct: tuple[float, ...] = (0.0, 5.0, 14.0, 15.0)
    # Income tax a customer withholds at source from each payment (Egypt's Form 41: 1 % on
    # goods, 3 % on services, 5 % on some professional fees). None (not on the Policy sheet):
    # Egypt's rates, read only on invoices in EGP, since a receipt 1 % short of a USD or a
    # SAR invoice is a part payment or charges, not a tax certificate to come. Set on the
    # sheet, the rates apply to every currency; "0" or "none" turns the reading off.
    withholding_tax_rates_pct: tuple[float, ...] | None = None
    uninvoiced_delivery_days: int = 7
    base_currency: str = ""
    bank_statement: str = ""  # path of the statement file for the month-end run / buttons
    language: str = ""  # "ar" or "en"; blank = from the workbook's headers
    extra: dict[str, str] = field(default_factory=dict)
    # The dated rows of an exchange-rates sheet (``io.rates_sheet``), to take each currency's
    # rate as of a job's date; ``extra``'s exchange rates are their latest. No Policy key.
    rate_sheet: tuple[SheetRate, ...] = ()
    # Where the exchange rates came from where not typed in the Policy, for the notes that
    # name them: ("sheet", its name) for an exchange-rates sheet (``io.rates_sheet``),
    # ("invoices", the column) for the invoices' own rates (``io.invoice_rates``). No key.
    rates_from: tuple[str, str] = ()

    @property
    def day_first(self) -> bool:
        return not self.date_order.strip().lower().startswith("month")

    def fee_tolerance(self, invoice_amount: float) -> float:
        """Short-payment accepted as bank charges / discount: the larger of absolute and %."""
        return max(self.fee_tolerance_abs, abs(invoice_amount) * self.fee_tolerance_pct / 100.0)

    def dunning_minimum(self, currency: Any = None) -> float:
        """The least Amount To Collect that is dunned in ``currency`` (blank: the base
        currency's): the Policy's ``dunning_min_amount`` where the sheet sets it, else
        ``DUNNING_MINIMUMS``' figure for the currency, else 10."""
        if self.dunning_min_amount is not None:
            return float(self.dunning_min_amount)
        code = currency.strip().upper() if isinstance(currency, str) else ""
        return DUNNING_MINIMUMS.get(code or self.base_currency.strip().upper(),
                                    DUNNING_MINIMUM_DEFAULT)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(_key(key), default)


def _key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", str(text)).lower()


_FIELDS = {_key(f.name): f for f in fields(Policy) if f.name not in ("extra", "rate_sheet",
                                                                  "rates_from")}
_ALIASES = {
    _key("fee tolerance"): "fee_tolerance",
    _key("tolerance"): "fee_tolerance",
    _key("aging buckets"): "aging_buckets_days",
    _key("dunning levels"): "dunning_levels_days",
    _key("allowed terms"): "allowed_terms_days",
    _key("allowed tax rates"): "allowed_tax_rates_pct",
    _key("withholding tax rates"): "withholding_tax_rates_pct",
    _key("withholding tax"): "withholding_tax_rates_pct",
    _key("wht rates"): "withholding_tax_rates_pct",
}

# Keys as people write them on a settings sheet, English or Arabic (matched like headers).
_WORDED = {
    "allowed_terms_days": ("Allowed Payment Terms", "شروط الدفع المسموحة", "الآجال المسموحة"),
    "max_discount_pct": ("Max Discount", "Max Discount %", "Maximum Discount",
                         "Maximum Discount %", "أقصى خصم", "الحد الأقصى للخصم",
                         "أقصى نسبة خصم"),
    "credit_warning_pct": ("Credit Warning", "Credit Warning %", "Warning %", "Warning Level",
                           "نسبة التحذير", "حد التحذير", "نسبة تحذير الائتمان"),
    "overdue_hold_days": ("Hold Days", "Overdue Hold Days", "Hold After Days",
                          "Hold After (days)", "أيام الإيقاف", "الإيقاف بعد أيام",
                          "إيقاف بعد أيام التأخير"),
    "aging_buckets_days": ("Aging Buckets Days", "فئات الأعمار", "فترات أعمار الديون",
                           "فئات أعمار الديون"),
    "aging_basis": ("أساس الأعمار", "أساس أعمار الديون"),
    "date_order": ("Date Format", "ترتيب التاريخ", "صيغة التاريخ"),
    "decimal_comma": ("الفاصلة العشرية",),
    "fee_tolerance": ("Fee Tolerance", "Bank Charges Tolerance", "سماحية الرسوم",
                      "حد فرق العمولة"),
    "dunning_levels_days": ("مستويات التذكير",),
    "dunning_min_amount": ("Minimum Dunning Amount", "Dunning Minimum", "Min Dunning Amount",
                           "Minimum Amount To Dun", "الحد الأدنى للمطالبة",
                           "أقل مبلغ للمطالبة"),
    "withholding_tax_rates_pct": ("Withholding Tax %", "WHT %", "نسب الخصم تحت حساب الضريبة",
                                  "الخصم تحت حساب الضريبة", "نسب الخصم من المنبع"),
    "base_currency": ("Functional Currency", "Company Currency", "Home Currency",
                      "العملة الأساسية", "عملة الشركة",
                      # a hand-kept Policy sheet's own words for the company's currency
                      "Currency", "Local Currency", "Default Currency", "Accounting Currency",
                      "العملة", "العملة المحلية", "عملة الحسابات", "العملة الافتراضية"),
    "language": ("اللغة",),
    "as_of": ("As Of Date", "Report Date", "Cut-off Date", "Cutoff Date", "تاريخ التقرير",
              "حتى تاريخ", "تاريخ الإقفال"),
    "company_name": ("اسم الشركة", "الشركة"),
    "max_credit_limit": ("Max Credit Limit", "Maximum Credit Limit", "Credit Limit Cap",
                         "أقصى حد ائتمان", "الحد الأقصى للائتمان", "أقصى حد للائتمان"),
    "exchange_rates": ("FX Rates", "Currency Rates", "Rates", "أسعار الصرف", "سعر الصرف",
                       "أسعار العملات"),
}


# The bare words for the company's currency: on a Policy sheet they may also head a small
# rates table laid under the settings ("Currency | Rate to EGP"), which sets nothing.
_BARE_CURRENCY_KEYS = frozenset(("currency", "العمله"))


def _worded_index() -> dict[str, str]:
    from ar_excel.names import match_key

    return {match_key(w): name for name, words in _WORDED.items() for w in words}


# Values of the text keys written in words, English or Arabic.
_TEXT_VALUES = {
    "aging_basis": (("invoice date", ("تاريخ الفاتورة", "الفاتورة", "invoice")),
                    ("due date", ("تاريخ الاستحقاق", "الاستحقاق", "due"))),
    "date_order": (("month first", ("الشهر أولا", "الشهر أولاً", "mm/dd/yyyy", "mdy", "us")),
                   ("day first", ("اليوم أولا", "اليوم أولاً", "dd/mm/yyyy", "dmy"))),
    "language": (("ar", ("عربي", "العربية", "arabic")), ("en", ("إنجليزي", "انجليزي",
                                                                "الإنجليزية", "english"))),
}


def _numbers(text: str) -> list[float]:
    from ar_excel.parsing import normalize_digits

    # A minus sign only after a separator: "30-60-90" is three buckets, "-5" is negative.
    return [float(n) for n in re.findall(r"(?:(?<![\w.])-)?\d+(?:\.\d+)?",
                                         normalize_digits(str(text)))]


# "1,000" or "2,500,000.00" typed as text: one amount with its thousands separators (a list
# key keeps its commas: "30,60,90,120" is four buckets, not 30 and 60,090,120).
_THOUSANDS = re.compile(r"(?<![\d.,٫٬])\d{1,3}(?:[,٬]\d{3})+(?![\d,٬])")


def _thousands_joined(text: str) -> str:
    return _THOUSANDS.sub(lambda m: re.sub("[,٬]", "", m.group(0)), text)


def _fee_tolerance(value: Any) -> dict[str, float]:
    """``25.00 absolute or 0.5 % of the invoice`` -> abs and pct; a bare number is absolute."""
    from ar_excel.parsing import normalize_digits

    text = _thousands_joined(normalize_digits(str(value)))
    if re.search(r"(?<![\w.])-\s*\d", text):
        raise ValueError(f"'{_shown(value)}' {_FEE_EXPECTED}")
    out: dict[str, float] = {}
    pct = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    if pct:
        out["fee_tolerance_pct"] = float(pct.group(1))
        text = text.replace(pct.group(0), " ")
    absolute = re.search(r"\d+(?:\.\d+)?", text)
    if absolute:
        out["fee_tolerance_abs"] = float(absolute.group(0))
    if out.get("fee_tolerance_pct", 0.0) > 100:
        raise ValueError(f"'{_shown(value)}' {_FEE_EXPECTED}")
    if not out:
        raise ValueError("expected an amount and/or a percentage, e.g. '25 or 0.5 %'")
    return out


def _withholding_rates(value: Any) -> tuple[float, ...]:
    """``1, 3, 5`` -> (1.0, 3.0, 5.0); ``0`` / ``none`` / ``لا`` -> () (no withholding read)."""
    text = "" if value is None else str(value).strip().lower()
    if text in ("none", "no", "off", "لا", "لا يوجد"):
        return ()
    nums = _numbers(text)
    if not nums or any(n < 0 or n >= 100 for n in nums):
        raise ValueError("expected percentages, e.g. '1, 3, 5' (or 'none')")
    return tuple(sorted({float(n) for n in nums if n > 0}))


def _convert(name: str, value: Any) -> dict[str, Any]:
    if name == "fee_tolerance":
        return _fee_tolerance(value)
    if name == "withholding_tax_rates_pct":
        return {name: _withholding_rates(value)}
    f = _FIELDS[_key(name)]
    default = getattr(Policy(), f.name)
    if f.name == "dunning_min_amount":  # None: by currency; typed, one number
        default = DUNNING_MINIMUM_DEFAULT
    text = "" if value is None else str(value).strip()
    if isinstance(default, bool):
        return {f.name: text.lower() in YES_WORDS}
    if isinstance(default, tuple):
        nums = _numbers(text)
        if not nums:
            raise ValueError("expected a list of numbers, e.g. '30, 60, 90'")
        _check_list(f.name, value, nums, default)
        kind = float if isinstance(default[0], float) else int
        return {f.name: tuple(sorted(kind(n) for n in nums))}
    if isinstance(default, int | float):
        nums = _numbers(_thousands_joined(text))
        if len(nums) != 1:
            raise ValueError("expected one number")
        _check_number(f.name, value, nums[0], default)
        return {f.name: type(default)(nums[0])}
    if f.name in _TEXT_VALUES:
        return {f.name: _text_value(f.name, value, text)}
    if f.name == "base_currency":
        from ar_excel.parsing import parse_currency

        code = parse_currency(text)
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"'{_shown(value)}' is not a currency code (expected 3 letters, "
                             "e.g. EGP, SAR, USD)")
        return {f.name: code}
    return {f.name: text}


# The bounds a mistyped value is checked against (the reader's message says what is expected).
_PERCENTAGES = ("max_discount_pct", "credit_warning_pct", "fee_tolerance_pct")
_DAY_COUNTS = ("overdue_hold_days", "uninvoiced_delivery_days")
_AMOUNTS = ("dunning_min_amount",)
_FEE_EXPECTED = ("is not a fee tolerance (expected an amount of 0 or more and/or a percentage "
                 "from 0 to 100, e.g. '25 or 0.5 %')")
# Days after the due date that start each aging bucket (above 0) or dunning level (a letter may
# go on the day an invoice falls due), each past the one before.
_ASCENDING_DAYS = {"aging_buckets_days": "above 0", "dunning_levels_days": "of 0 or more"}
# Anything else a person may write for the text keys, beyond _TEXT_VALUES' words.
_TEXT_PREFIXES = {
    "aging_basis": (("invoice date", ("inv",)), ("due date", ("due",))),
    "date_order": (("month first", ("month", "mm/dd", "m/d")),
                   ("day first", ("day", "dd/mm", "d/m"))),
    "language": (("ar", ("arab",)), ("en", ("engl",))),
}
_TEXT_EXPECTED = {
    "aging_basis": "is not an aging basis (expected 'due date' or 'invoice date')",
    "date_order": "is not a date order (expected 'day first' or 'month first')",
    "language": "is not a language (expected 'ar' or 'en'; blank: from the workbook's headers)",
}


def _shown(value: Any) -> str:
    """The value as the accountant typed it: a number cell's 90.0 is 90."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _example(default: Any) -> str:
    if isinstance(default, tuple):
        return "'" + ", ".join(_shown(float(d)) for d in default) + "'"
    return _shown(float(default))


def _check_number(name: str, value: Any, number: float, default: Any) -> None:
    if name in _PERCENTAGES and not 0 <= number <= 100:
        raise ValueError(f"'{_shown(value)}' is not a percentage from 0 to 100 "
                         f"(e.g. {_example(default)})")
    if name == "fee_tolerance_abs" and number < 0:
        raise ValueError(f"'{_shown(value)}' {_FEE_EXPECTED}")
    if name in _AMOUNTS and number < 0:
        raise ValueError(f"'{_shown(value)}' is not an amount of 0 or more "
                         f"(e.g. {_example(default)})")
    if name in _DAY_COUNTS and number < 0:
        raise ValueError(f"'{_shown(value)}' is not a number of days of 0 or more "
                         f"(e.g. {_example(default)})")
    if name in _DAY_COUNTS and number > MAX_TERMS_DAYS:
        raise ValueError(f"'{_shown(value)}' is more days than a century "
                         f"(e.g. {_example(default)})")


def _check_list(name: str, value: Any, numbers: list[float], default: tuple) -> None:
    """Numbers as written: buckets and levels in ascending order, none before the due date."""
    if name in _ASCENDING_DAYS:
        low = 1 if name == "aging_buckets_days" else 0
        rising = all(a < b for a, b in zip(numbers, numbers[1:], strict=False))
        if not rising or min(numbers) < low:
            raise ValueError(f"'{_shown(value)}' is not a list of days {_ASCENDING_DAYS[name]} "
                             f"in ascending order (e.g. {_example(default)})")
    elif name == "allowed_terms_days" and min(numbers) < 0:
        raise ValueError(f"'{_shown(value)}' is not a list of days of 0 or more "
                         f"(e.g. {_example(default)})")
    if max(numbers) > MAX_TERMS_DAYS:  # 1E+9 days: the dunning job's dates overflowed
        raise ValueError(f"'{_shown(value)}' is more days than a century "
                         f"(e.g. {_example(default)})")


def _text_value(name: str, value: Any, text: str) -> str:
    """The canonical word for a text key; a value that is none of them is reported."""
    from ar_excel.names import match_key

    key = match_key(text)
    for canonical, words in _TEXT_VALUES[name]:
        if key in {match_key(w) for w in words}:
            return canonical
    lowered = " ".join(text.lower().split())
    for canonical, prefixes in _TEXT_PREFIXES[name]:
        if lowered.startswith(prefixes):
            return canonical
    # Locale tags: ar-EG, en_GB.
    if name == "language" and re.fullmatch(r"(ar|en)(?:[-_][a-z]{2,4})?", lowered):
        return lowered[:2]
    raise ValueError(f"'{_shown(value)}' {_TEXT_EXPECTED[name]}")


def policy_from_pairs(pairs: list[tuple[str, Any, str]]) -> tuple[Policy, list[tuple[str, str]]]:
    """Build a Policy from (key, value, cell) rows; returns it and (cell, message) problems."""
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    from ar_excel.names import match_key

    worded_keys = _worded_index()
    for key, value, cell in pairs:
        k = _key(key)
        if not k:
            continue
        name = _ALIASES.get(k) or (_FIELDS[k].name if k in _FIELDS else None)
        if name is None:
            worded = worded_keys.get(match_key(key))
            if worded is not None and (_key(worded) in _FIELDS or worded == "fee_tolerance"):
                name = worded
            else:
                extra_key = _key(worded) if worded else k
                extra[extra_key] = "" if value is None else str(value)
                if extra_key == "exchangerates" and extra[extra_key].strip():
                    from ar_excel.core.fx import parse_rates

                    try:
                        parse_rates(value)
                    except ValueError as exc:  # read once here, where the cell is known
                        problems.append((cell, f"policy '{key}': {exc}; no rate is used"))
                        del extra[extra_key]
                if extra_key == "bankcolumns" and extra[extra_key].strip():
                    from ar_excel.bank.column_mapping import bank_columns
                    from ar_excel.errors import UsageError

                    try:  # read here too: as the command's option, a misread value was bad
                        bank_columns(value)  # usage, and failed every run (exit 2)
                    except UsageError as exc:
                        why = str(exc).removeprefix("bank columns: ")
                        problems.append((cell, f"policy '{key}': {why}; the default is used"))
                        del extra[extra_key]
                continue
        if value is None or str(value).strip() == "":
            continue  # blank keeps the default
        from ar_excel.io.ods_errors import EXCEL_ERRORS

        if str(value).strip() in EXCEL_ERRORS:  # never read as a number: "#DIV/0!" is not 0
            problems.append((cell, f"policy '{key}' is the Excel error {str(value).strip()} "
                                   "(its formula has no value); the default is used"))
            continue
        try:
            values.update(_convert(name, value))
        except (ValueError, TypeError) as exc:
            if name == "base_currency" and match_key(key) in _BARE_CURRENCY_KEYS:
                continue  # a rates table's own header ("Currency | Rate to EGP"): no setting
            problems.append((cell, f"policy '{key}': {exc}; the default is used"))
    return Policy(**values, extra=extra), problems
