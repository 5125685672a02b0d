"""The locale a statement file is written in: its decimal mark and whether dates run day first.

The rule: the amounts decide the decimal mark where any shows it; where every amount reads both
ways ("1.250"), the file's language or delimiter decides (German, French... and ';'-separated
files write the decimal comma), dinars to the fils keep the point, else the point. The day comes
first where the dates or the running balance say so, else where the file comes from a country
that writes it first: its language, Arabic text, or its currency.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.bank.cells import (
    ColumnCells,
    currency_code,
)
from ar_excel.bank.column_words import SAMPLE_ROWS, Layout, decimal_asked
from ar_excel.bank.date_order import (
    currency_of_a_day_first_country,
    headers_of_a_day_first_language,
)
from ar_excel.bank.numbers import (
    decide_decimal,
    decimal_mark,
    parse_amount_column,
)
from ar_excel.bank.preamble import (
    currencies_above,
    currency_from_text,
)
from ar_excel.bank.signs import net_of
from ar_excel.bank.statement import (
    THREE_DECIMALS,
)
from ar_excel.bank.text import language_of
from ar_excel.bank.two_columns import running_direction
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.parsing import is_blank, normalize_digits

_DECIMAL_COMMA_LANGUAGES = {"de": "German", "fr": "French", "pl": "Polish", "cs": "Czech",
                            "hu": "Hungarian"}


# headers English writes as French does ("Date | Narration | Debit | Credit"): no sign of
# French, whose own spelling ("Débit", "Crédit") still is
_ENGLISH_ALIKE = re.compile(r"(?i)\b(?:date|debit|credit)\b")


def undecided_decimal(table: ColumnCells, amount_cols: list[int], layout: Layout,
                      data: list[list[Any]], delimiter: str | None,
                      preamble: list[list[Any]]) -> tuple[str, str, str] | None:
    """Where no amount shows its decimal mark and some read both ways (``1.250``: one and a
    quarter, or twelve hundred and fifty), the mark the file's language or delimiter writes
    (German, French... and ';'-separated files: the comma), else the point; with the note
    for the clerk (mark, sample, message). None where the amounts leave no doubt."""
    texts = [v for i in amount_cols for v in table.cells(i)[:SAMPLE_ROWS * 5]
             if isinstance(v, str) and v]
    if any(decimal_mark(v) for v in texts):
        return None
    both = [v for v in texts if _EITHER_MARK.search(normalize_digits(v))]
    if not both:
        return None
    codes = {c for c in currencies_named(table, layout, preamble, amount_cols) if c}
    if codes and codes <= THREE_DECIMALS and not any("," in v for v in both):
        return None  # dinars written to the fils ("250.500"): the point is the mark
    language = language_of(_ENGLISH_ALIKE.sub(" ", " ".join(
        [*layout.headers, *(str(c) for r in data[:20] for c in r if isinstance(c, str))])))
    why = None
    if language in _DECIMAL_COMMA_LANGUAGES:
        why = f"the headers are {_DECIMAL_COMMA_LANGUAGES[language]}"
    elif delimiter == ";":
        why = "the file is separated by ';', as where the comma is the decimal mark"
    mark = "," if why else "."
    value = parse_amount_column([both[0]], mark)[0][0]
    return mark, both[0], (
        f"no amount in the file shows its decimal mark: '{both[0]}' and {len(both) - 1} more "
        f"like it were read with '{mark}' as the decimal mark ('{both[0]}' = "
        f"{value:,.{3 if round(value, 2) != value else 2}f}), "
        f"{'because ' + why if why else 'the more common reading'}. If that is wrong, name "
        f"the mark with --bank-columns \"decimal={'.' if why else ','}\"")


_EITHER_MARK = re.compile(r"\d[.,]\d{3}(?![\d.,])")


def balance_direction(table: ColumnCells, cols: dict[str, int], decimal: str,
                      balance: np.ndarray | None) -> int | None:
    """+1 where the running balance (``balance``: None without one) follows the rows top down
    (each balance is the one above plus the row's amount: oldest first), -1 where it follows
    them bottom up (newest first), None where it says neither."""
    if balance is None:
        return None
    if "Amount" in cols:
        net = parse_amount_column(table.cells(cols["Amount"]), decimal)[0]
    elif "Debit" in cols or "Credit" in cols:
        debit, credit = (parse_amount_column(table.cells(cols[c]), decimal)[0] if c in cols
                         else np.full(table.count, np.nan) for c in ("Debit", "Credit"))
        net = net_of(debit, credit)
    else:
        return None
    return running_direction(balance, net)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def day_first_locale(table: ColumnCells, layout: Layout, preamble: list[list[Any]],
                     amount_cols: list[int], sample: list[list[Any]]) -> str | None:
    """Why the file comes from a country that writes the day first, if it says so: headers in
    its language, Arabic text (every Arab country writes the day first), or its currency (the
    Currency column, a header, the account lines, a code at the amounts)."""
    if headers_of_a_day_first_language(layout.headers):
        return "the headers are in a language of countries that write the day first"
    if any(isinstance(c, str) and _ARABIC.search(c) for row in (*preamble, *sample)
           for c in row):
        return "the file is written in Arabic, and Arab countries write the day first"
    code = currency_of_a_day_first_country(currencies_named(table, layout, preamble,
                                                             amount_cols))
    return f"the account is in {code}, the money of countries that write the day first" \
        if code else None


def currencies_named(table: ColumnCells, layout: Layout, preamble: list[list[Any]],
                     amount_cols: list[int]) -> list[str | None]:
    """The currencies the file names for its account: a header's code, the Currency column,
    the lines above the header (a label, the account's line, the title), a code or symbol at
    the amounts."""
    cols = layout.columns
    codes = [layout.currency_hint]
    if "Currency" in cols:
        codes += [currency_code(v) for v in dict.fromkeys(table.cells(cols["Currency"])[:200])]
    codes += currencies_above(preamble)  # "Currency: KWD", "Current Account - KWD"...
    if "Counterparty Account" in cols:  # Lloyds: "300000-12345678 GBP" on every line
        accounts = {str(v).strip() for v in table.cells(cols["Counterparty Account"])[:200]
                    if not is_blank(v)}
        own = re.fullmatch(r".*\d\s+([A-Z]{3})", accounts.pop()) if len(accounts) == 1 else None
        codes += [own.group(1)] if own and own.group(1) in ISO_4217 else []
    codes.append(currency_from_text([v for i in amount_cols for v in table.cells(i)[:50]]))
    return codes


def decide_the_decimal_mark(table: ColumnCells, amount_cols: list[int], layout: Layout,
                            data: list[list[Any]], options: dict[str, Any], source: str,
                            delimiter: str | None, preamble: list[list[Any]]
                            ) -> tuple[str, tuple[str, str, str] | None]:
    """The file's decimal mark: the one asked for, else as the amounts show it (read row by
    row, as the file reads), else as its language or delimiter writes it; with the note for
    the clerk where no amount showed it (``undecided_decimal``)."""
    asked = decimal_asked(options, source)
    decimal = asked or decide_decimal(
        v for row in zip(*(table.cells(i) for i in amount_cols), strict=True) for v in row)
    note = None if asked else undecided_decimal(table, amount_cols, layout, data, delimiter,
                                                preamble)
    return (note[0] if note is not None else decimal), note
