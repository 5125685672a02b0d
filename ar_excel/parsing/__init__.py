"""Values as people type them into AR workbooks, parsed into numbers, dates and codes.

Each ``parse_*`` function takes one raw cell value and returns the parsed value, or raises
``ValueError`` with a message a clerk understands. ``parse_column`` applies one to a whole
column with fast paths for values that are already numbers or dates (most of a real sheet),
so only typed text goes through the slow, careful parsers.

One module per kind of value: ``digits`` (digits and blanks), ``numbers`` (amounts),
``dates``, ``terms`` (payment terms, limits, percentages), ``codes`` (statuses,
currencies, keys, text) and ``columns`` (whole columns). Everything is importable from
``ar_excel.parsing`` as before.
"""

from __future__ import annotations

from ar_excel.parsing.codes import (
    CURRENCY_ABBREVIATIONS,
    parse_currency,
    parse_id,
    parse_status,
    parse_text,
)
from ar_excel.parsing.columns import (
    PARSERS,
    ValueTypes,
    blank_mask,
    column_day_first,
    column_decimal_comma,
    date_cells,
    object_array,
    of_type,
    parse_column,
    parse_dates,
)
from ar_excel.parsing.dates import (
    EXCEL_EPOCH,
    MAY_BE_HIJRI,
    excel_serial_to_date,
    hijri_date_text,
    month_number,
    parse_date,
    parse_date_text,
)
from ar_excel.parsing.digits import (
    is_blank,
    normalize_digits,
)
from ar_excel.parsing.early_discount import (
    EARLY_DISCOUNT,
    EARLY_DISCOUNT_COLUMN,
    EarlyDiscount,
    early_discount_column,
    early_payment_discount,
)
from ar_excel.parsing.numbers import (
    MAY_BE_SCALED,
    as_ledger_sides,
    parse_int,
    parse_money,
    parse_number_text,
    scaled,
)
from ar_excel.parsing.terms import (
    MAY_COUNT_FROM_MONTH_END,
    date_formula_terms,
    means_no_credit,
    means_unlimited,
    month_end_terms,
    parse_percent,
    parse_terms,
    parse_terms_text,
)

__all__ = [
    "CURRENCY_ABBREVIATIONS",
    "normalize_digits",
    "month_number",
    "is_blank",
    "MAY_BE_SCALED",
    "as_ledger_sides",
    "scaled",
    "parse_number_text",
    "parse_money",
    "parse_int",
    "EXCEL_EPOCH",
    "MAY_BE_HIJRI",
    "excel_serial_to_date",
    "parse_date_text",
    "hijri_date_text",
    "parse_date",
    "MAY_COUNT_FROM_MONTH_END",
    "date_formula_terms",
    "month_end_terms",
    "parse_terms_text",
    "means_no_credit",
    "means_unlimited",
    "parse_terms",
    "parse_percent",
    "EARLY_DISCOUNT",
    "EARLY_DISCOUNT_COLUMN",
    "EarlyDiscount",
    "early_discount_column",
    "early_payment_discount",
    "parse_status",
    "parse_currency",
    "parse_id",
    "parse_text",
    "PARSERS",
    "column_decimal_comma",
    "column_day_first",
    "ValueTypes",
    "of_type",
    "object_array",
    "blank_mask",
    "date_cells",
    "parse_dates",
    "parse_column",
]
