"""A line's VAT category (ZATCA's and the EN 16931 codes) is its tax treatment.

Saudi (ZATCA), UAE and European e-invoices state each line's tax category as one letter beside
(or instead of) its rate: ``S`` standard rate, ``Z`` zero-rated, ``E`` exempt, ``O`` out of
scope (also the words: Standard, Zero rated, Exempt, Out of scope, ``خاضع للنسبة الأساسية``,
``صفري``, ``معفى``, ``خارج النطاق``). Rules:

* A column of the Invoice Lines headed as a tax category (``Tax Category``, ``VAT Category
  Code``, ``فئة الضريبة``...) is read as one only where every value in it is a category; a
  column of other words (Goods, Services) is left alone.
* Where a line's rate is blank, its category gives it: ``Z``, ``E`` and ``O`` charge 0 %;
  ``S`` the standard rate of the line's country on the invoice date (its currency's VAT, else
  the company's: the home currency's), where one is known. A rate stated is never replaced.
* TAX_CATEGORY_MISMATCH (Error): the category and the tax charged disagree: an ``S`` line
  charging 0 % (or a stated tax of 0 on a positive net), or a ``Z``/``E``/``O`` line charging
  tax. Either the category reported to the tax authority or the tax billed is wrong.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ar_excel.core.billing.currency import half_unit
from ar_excel.core.billing.findings import empty, findings, number
from ar_excel.model import ROW
from ar_excel.names import match_key

if TYPE_CHECKING:  # (context reads the categories: it imports this module)
    from ar_excel.core.billing.context import BillingBook
    from ar_excel.policy import Policy

CATEGORY = "_tax_category"  # the line's VAT category: S, Z, E, O (None: not stated)
CATEGORY_COLUMN = "_tax_category_column"  # the header it was read from

_HEADER = re.compile(r"(?:tax|vat|ضريبه).*(?:categ|فئه|تصنيف)|(?:categ|فئه|تصنيف).*(?:tax|vat|ضريبه)")
_LETTER = re.compile(r"(?i)^\s*([SZEO])\s*(?:$|[-–:(/]|\s)")
_WORDS = {
    "S": ("standard", "standardrate", "standardrated", "خاضعللنسبهالاساسيه", "اساسي",
          "قياسي", "النسبهالاساسيه", "خاضع"),
    "Z": ("zero", "zerorate", "zerorated", "صفري", "نسبهصفريه", "خاضعللنسبهالصفريه"),
    "E": ("exempt", "vatexempt", "معفى", "معفي", "معفاه"),
    "O": ("outofscope", "outsidescope", "notsubject", "notsubjecttovat", "خارجالنطاق",
          "غيرخاضع", "غيرخاضعللضريبه"),
}
_NAMES = {"S": ("standard rate", "النسبة الأساسية"), "Z": ("zero-rated", "خاضع للنسبة الصفرية"),
          "E": ("exempt", "معفى"), "O": ("out of scope", "خارج نطاق الضريبة")}


def _category(value: object) -> str | None:
    """The category a cell states, or None (blank or no category)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    raw = str(value)
    if (m := _LETTER.match(raw)) is not None:
        return m.group(1).upper()
    key = match_key(raw)
    for code, words in _WORDS.items():
        if key in words:
            return code
    return None


def categories_on_lines(lines: pd.DataFrame) -> pd.DataFrame:
    """The lines with ``CATEGORY`` (and ``CATEGORY_COLUMN``) where a column of the sheet is
    headed as a tax category and holds only categories; unchanged otherwise."""
    for column in lines.columns:
        if not isinstance(column, str) or column.startswith("_") or not _HEADER.search(
                match_key(column)):
            continue
        values = lines[column]
        given = values.notna() & values.astype("string").str.strip().ne("")
        if not given.any():
            continue
        read = values.map(_category)
        if read[given].isna().any():
            continue  # not a column of categories
        return lines.assign(**{CATEGORY: read.where(given, None), CATEGORY_COLUMN: column})
    return lines


def rates_from_categories(lines: pd.DataFrame, standard: pd.Series) -> pd.DataFrame:
    """Blank rates given by the line's category: 0 for Z, E, O; ``standard`` (the line's
    standard rate, NaN where unknown) for S."""
    if CATEGORY not in lines.columns:
        return lines
    cat = lines[CATEGORY]
    blank = lines["Tax Rate"].isna()
    rate = lines["Tax Rate"].where(~(blank & cat.isin(["Z", "E", "O"])), 0.0)
    rate = rate.where(~(blank & cat.eq("S")), standard)
    return lines.assign(**{"Tax Rate": rate.astype("float64")})


def category_mismatches(book: BillingBook) -> pd.DataFrame:
    """TAX_CATEGORY_MISMATCH: the line's category says one tax treatment, its rate or tax
    amount another."""
    from ar_excel.core.billing.context import CUSTOMER, DECIMALS, KEY

    lines = book.lines
    if CATEGORY not in lines.columns:
        return empty()
    cat = lines[CATEGORY]
    rate = lines["Tax Rate"].astype("float64")
    tax = lines["Tax Amount"].astype("float64")
    tol = half_unit(lines[DECIMALS].to_numpy())
    charged = (rate > 1e-9) | (tax.abs() > tol)
    nothing = (rate.abs() <= 1e-9) | (rate.isna() & (tax.abs() <= tol))
    net = lines["Line Total"].astype("float64").abs() > tol
    bad = (cat.isin(["Z", "E", "O"]) & charged) | (cat.eq("S") & nothing & net)
    rows = lines[bad.fillna(False).to_numpy()]
    if rows.empty:
        return empty()
    arabic = bool(book.arabic)
    charged_text = []
    for r, t, d in zip(rows["Tax Rate"], rows["Tax Amount"], rows[DECIMALS], strict=True):
        if pd.notna(t) and abs(float(t)) > 0.5 * 10.0 ** -int(d) and not (pd.notna(r) and r > 0):
            charged_text.append(f"{float(t):,.{int(d)}f}")  # a stated tax on no rate
        else:
            charged_text.append(f"{number([0.0 if pd.isna(r) else r])[0]}%")
    codes = rows[CATEGORY].tolist()
    return findings(
        "TAX_CATEGORY_MISMATCH", n=len(rows), sheet=book.sheet("Invoice Lines"),
        row=rows[ROW], field=rows[CATEGORY_COLUMN].tolist(), invoice=rows["Invoice No"],
        customer=rows[CUSTOMER], amount=rows["Line Total"], document=rows[KEY], arabic=arabic,
        variant=["standard" if c == "S" else None for c in codes],
        params={"category": codes, "name": [_NAMES[c][1 if arabic else 0] for c in codes],
                "charged": charged_text},
    )


def standard_rates(lines: pd.DataFrame, policy: Policy, home: str) -> pd.Series:
    """Each line's standard VAT rate (the highest rate its country charges on the invoice
    date: its currency's, else the home currency's); NaN where neither names a country."""
    from ar_excel.core.billing.context import CURRENCY, DATE
    from ar_excel.core.billing.tax import NATIONAL_RATES, allowed_rates

    if CATEGORY not in lines.columns or not lines[CATEGORY].eq("S").any():
        return pd.Series(np.nan, index=lines.index, dtype="float64")
    out = []
    for ccy, day in zip(lines[CURRENCY], lines[DATE], strict=True):
        own = str(ccy).strip().upper() if isinstance(ccy, str) else ""
        # the currency whose country's VAT the line is under (NATIONAL_RATES is by currency)
        taxed_in = own if own in NATIONAL_RATES else home if home in NATIONAL_RATES else None
        if taxed_in is None:
            out.append(np.nan)
            continue
        rates = allowed_rates(policy, taxed_in, None if pd.isna(day) else day)
        top = max(rates) if rates else 0.0
        out.append(top if top > 0 else np.nan)
    return pd.Series(out, index=lines.index, dtype="float64")
