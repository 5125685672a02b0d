"""Invoice registers that state each invoice's net amount and its tax beside the total.

Egyptian and Gulf invoice lists (and many ERP registers) carry, beside the invoice total,
its amount before tax (``الصافي``, ``Net Amount``, ``Amount Excl VAT``) and its VAT
(``ضريبة القيمة المضافة``, ``VAT Amount``, ``Tax``). Where the Invoices sheet has both
columns, each invoice without lines in Invoice Lines (those are checked line by line) is held
to the same rules as a line:

* its total is the net plus the tax, within half a unit of the currency's last decimal on
  each, else INVOICE_TOTAL_MISMATCH (Error), unless the register also takes amounts off
  after VAT (a contractor's retention, an advance recovered); a credit note whose net and
  tax are written positive beside its negative total (Egypt's portal export) is the same
  sum with the total's sign;
* its tax is an allowed rate (``tax.allowed_rates``: the Policy's, or the currency's
  country's) of the net, within rounding (tax rounded per line: two units, or 0.001 % of the
  net on a large invoice). A tax that is exactly another whole rate of the net (10 %) is
  TAX_RATE_NOT_ALLOWED; any other is TAX_AMOUNT_MISMATCH (tax on the wrong base: before the
  discount, on the total with tax), naming the allowed rate it is nearest to;
* a discount on the whole invoice (``Discount``, ``Invoice Discount``, ``خصم إضافي``) beside
  a net before it is taken off that net: the total is net − discount + tax, the tax a rate
  of the net less the discount (a net already after the discount adds up without it).

A blank net or tax, or a value that is no amount, is not judged; a tax column holding rates
(every value an allowed rate) is no tax amount and is left alone; a register showing another
tax too (withholding, Egypt's table tax, stamp duty) is not judged, since its total and its
VAT's base are then more than the columns say.
"""

from __future__ import annotations

import contextlib
import re

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import CURRENCY, DECIMALS, INVOICE_ROW, KEY, BillingBook
from ar_excel.core.billing.currency import FLOAT_SLACK, half_unit
from ar_excel.core.billing.einvoice import portal_refusals
from ar_excel.core.billing.findings import empty, findings, money, number
from ar_excel.core.billing.tax import allowed_label, allowed_rates
from ar_excel.core.entries import void_or_draft
from ar_excel.core.money import excel_round
from ar_excel.model import ROW
from ar_excel.names import match_key
from ar_excel.parsing import parse_money

# The amount before tax, as the reader knows it (io.headers.NET_AMOUNT).
NET_HEADERS = frozenset(match_key(h) for h in (
    "Net Amount", "Net", "Net Value", "Amount Before Tax", "Amount Excl Tax", "Amount Excl VAT",
    "Amount Before VAT", "Taxable Amount", "Subtotal", "Sub Total", "الصافي", "صافي المبلغ",
    "المبلغ الصافي", "المبلغ قبل الضريبة", "القيمة قبل الضريبة", "القيمة الصافية",
    "صافي القيمة", "الإجمالي قبل الضريبة",
    "Net Total"))  # ERPNext's Sales Invoice (beside Total Taxes and Charges, Grand Total)
_TAX_HEADER = re.compile(
    r"^(?:total)?(?:vat|tax|gst|ال?ضريبه|قيمهالضريبه|مبلغالضريبه|ضريبهالقيمهالمضافه)")
_NOT_TAX_AMOUNT = re.compile(r"rate|percent|نسبه|id$|no$|number|code|type|رقم")


def _a_rate(header: str) -> bool:
    """``VAT %`` / ``Tax Pct`` holds rates; ``VAT (5%)`` or ``VAT 14%`` names the rate of
    its amounts."""
    key = match_key(header)
    return ("%" in header or "pct" in key) and re.search(r"\d\s*(?:%|pct)", key + header) is None


# Other taxes a register may show beside VAT: Egypt's withholding (ضريبة الخصم والإضافة) and
# table tax (ضريبة الجدول, part of the VAT base); then the total and the VAT's base are not
# known from the columns, and the register is not judged.
_OTHER_TAX = re.compile(r"withholding|wht|خصم|اضافه|جدول|stamp|دمغه")


# Amounts a contractor's register takes off the total after VAT (retention, advance
# recovered): there the total is not net + VAT, and only the VAT's rate is judged.
_DEDUCTION = re.compile(r"retention|advance|deduct|recover|محتجز|استقطاع|مقدم|مستقطع")


def _deductions(invoices: pd.DataFrame) -> bool:
    return any(isinstance(c, str) and _DEDUCTION.search(match_key(c))
               for c in invoices.columns)


# A discount the Invoices sheet takes off the whole invoice ('Invoice Discount', 'Discount',
# 'خصم إضافي', 'خصم على الفاتورة'); not Egypt's withholding (الخصم والإضافة).
_INVOICE_DISCOUNT = re.compile(
    r"^(?:invoice|total|additional|extra|special|cash|overall|trade)?discount"
    r"(?:amount|value|amt)?$|^(?:ال)?خصم(?:ال)?(?:اضافي|فاتوره|عليالفاتوره|نقدي|خاص)?$"
    r"|^(?:قيمه|مبلغ)الخصم$")


def invoice_discount(invoices: pd.DataFrame) -> tuple[str | None, np.ndarray]:
    """The Invoices sheet's discount on the whole invoice and its amounts (as positive
    numbers; NaN where blank or no amount); no column, None."""
    column = next((c for c in invoices.columns if isinstance(c, str) and not c.startswith("_")
                   and _INVOICE_DISCOUNT.match(match_key(c))), None)
    if column is None:
        return None, np.full(len(invoices), np.nan)
    return column, np.abs(register_amounts(invoices[column]))


def register_columns(invoices: pd.DataFrame) -> tuple[str | None, str | None]:
    """The net and the tax amount columns of an Invoices sheet, where it has both and no
    other tax amount."""
    keys = {c: match_key(c) for c in invoices.columns if isinstance(c, str) and
            not c.startswith("_")}
    net = next((c for c, k in keys.items() if k in NET_HEADERS), None)
    taxes = [c for c, k in keys.items() if c != net and (
        _TAX_HEADER.match(k) or _OTHER_TAX.search(k)) and not _NOT_TAX_AMOUNT.search(k)
        and not _a_rate(c) and not _INVOICE_DISCOUNT.match(k)]
    if net is None or len(taxes) != 1 or _OTHER_TAX.search(keys[taxes[0]]):
        return None, None
    return net, taxes[0]


def register_amounts(values: pd.Series) -> np.ndarray:
    """Typed amounts as numbers; NaN where blank or no amount."""
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values.tolist()):
        with contextlib.suppress(ValueError, TypeError):  # blank or no amount: not judged
            out[i] = parse_money(v)
    return out


def invoice_taxes(book: BillingBook) -> pd.DataFrame:
    """INVOICE_TOTAL_MISMATCH / TAX_RATE_NOT_ALLOWED / TAX_AMOUNT_MISMATCH on an invoice
    register's own net and tax columns."""
    net_col, tax_col = register_columns(book.invoices)
    if net_col is None:
        return empty()
    lined = set(book.lines.loc[book.lines[INVOICE_ROW].notna(), KEY])
    inv = book.invoices[~book.invoices[KEY].isin(lined)]
    net, tax = register_amounts(inv[net_col]), register_amounts(inv[tax_col])
    days = pd.to_datetime(inv["Invoice Date"]).dt.normalize()
    pairs = list(zip(inv[CURRENCY].tolist(), days.tolist(), strict=True))
    known = {pair: allowed_rates(book.policy, *pair) for pair in set(pairs)}  # once per pair
    rates_of = [known[pair] for pair in pairs]
    given = ~np.isnan(tax)
    if given.any() and all(any(abs(t - r) < 1e-9 or abs(t * 100 - r) < 1e-6 for r in rates)
                           for t, rates, g in zip(tax, rates_of, given, strict=True) if g):
        return empty()  # a column of rates, not of tax amounts
    places = inv[DECIMALS].to_numpy(dtype="int64")
    unit = 2 * half_unit(places)
    # a discount on the whole invoice beside a subtotal before it: the VAT is charged on the
    # subtotal less the discount, and the total is that plus the VAT (a subtotal already
    # after the discount adds up without it: read so)
    disc_col, disc = invoice_discount(inv)
    off = np.where(np.isnan(disc), 0.0, disc)
    amount = inv["Amount"].to_numpy(dtype="float64")
    # a credit note the register writes positive in its net and tax columns (Egypt's portal
    # export), its Amount read negative: the same sum, its sign the Amount's
    sign = np.where((amount < 0) & (net > 0), -1.0, 1.0)
    undiscounted = np.abs(amount - sign * (net + np.nan_to_num(tax))) <= unit + FLOAT_SLACK * (
        np.maximum(1.0, np.abs(amount)))
    off = np.where(undiscounted, 0.0, off)
    parts = [] if _deductions(inv) else [
        _totals(book, inv, net, tax, sign, places, unit, net_col, tax_col, off, disc_col)]
    parts.append(_rates(book, inv, net - off, tax, places, unit, rates_of, tax_col))
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else empty()


def _totals(book: BillingBook, inv: pd.DataFrame, net: np.ndarray, tax: np.ndarray,
            sign: np.ndarray, places: np.ndarray, unit: np.ndarray, net_col: str,
            tax_col: str, off: np.ndarray, disc_col: str | None) -> pd.DataFrame:
    """INVOICE_TOTAL_MISMATCH where an Amount is not its net less ``off`` plus its tax;
    ``sign``: -1 for a credit note written positive in those columns (``invoice_taxes``)."""
    amount = inv["Amount"].to_numpy(dtype="float64")
    expected = sign * (net - off + np.nan_to_num(tax))
    # a draft or cancelled invoice (or one the tax portal refused) counts 0 beside the net
    # and tax it was written for
    void = void_or_draft(inv) | portal_refusals(inv)
    judged = ~np.isnan(net) & ~np.isnan(amount) & ~(void & (amount == 0))
    tol = unit + FLOAT_SLACK * np.maximum(1.0, np.abs(amount))  # half a unit on net and tax
    bad = judged & (np.abs(amount - expected) > tol)
    if not bad.any():
        return empty()
    rows = inv[bad]
    p = places[bad].tolist()
    return findings(
        "INVOICE_TOTAL_MISMATCH", n=len(rows), sheet=book.sheet_of("Invoices", rows), row=rows[ROW],
        field="Amount", invoice=rows["Invoice No"], customer=rows["Customer ID"],
        amount=rows["Amount"], document=rows[KEY], arabic=book.arabic,
        variant=np.where(off[bad] != 0, "parts_discount", "parts").tolist(),
        params={"actual": money(amount[bad], p), "net": money(net[bad], p),
                "tax": money(np.nan_to_num(tax[bad]), p), "expected": money(expected[bad], p),
                "net_col": net_col, "tax_col": tax_col, "disc_col": disc_col or "",
                "disc": money(off[bad], p), "diff": money(amount[bad] - expected[bad], p)},
    )


def _rates(book: BillingBook, inv: pd.DataFrame, net: np.ndarray, tax: np.ndarray,
           places: np.ndarray, unit: np.ndarray, rates_of: list[tuple[float, ...]],
           tax_col: str) -> pd.DataFrame:
    judged = ~np.isnan(net) & ~np.isnan(tax) & (net != 0)
    tol = np.maximum(unit, 1e-5 * np.abs(net)) + FLOAT_SLACK * np.maximum(1.0, np.abs(tax))
    wrong_rate, wrong_amount = [], []
    for i in np.flatnonzero(judged):
        rates = rates_of[i] or (0.0,)
        if any(abs(tax[i] - net[i] * r / 100.0) <= tol[i] for r in rates):
            continue
        implied = round(tax[i] / net[i] * 100.0)
        if implied > 0 and abs(tax[i] - net[i] * implied / 100.0) <= tol[i]:
            wrong_rate.append((i, float(implied), allowed_label(
                book.policy, inv[CURRENCY].iloc[i], book.arabic, inv["Invoice Date"].iloc[i])))
        else:
            nearest = min((r for r in rates if r > 0), default=0.0,
                          key=lambda r, i=i: abs(tax[i] - net[i] * r / 100.0))
            wrong_amount.append((i, nearest))
    parts = []
    if wrong_rate:
        at = [i for i, _, _ in wrong_rate]
        rows = inv.iloc[at]
        parts.append(findings(
            "TAX_RATE_NOT_ALLOWED", n=len(rows), sheet=book.sheet_of("Invoices", rows), row=rows[ROW],
            field=tax_col, invoice=rows["Invoice No"], customer=rows["Customer ID"],
            amount=rows["Amount"], document=rows[KEY], arabic=book.arabic,
            params={"rate": number([r for _, r, _ in wrong_rate]),
                    "allowed": [a for _, _, a in wrong_rate],
                    "hint": [""] * len(rows)}))
    if wrong_amount:
        at = [i for i, _ in wrong_amount]
        rows = inv.iloc[at]
        p = places[at].tolist()
        rate = np.array([r for _, r in wrong_amount])
        expected = excel_round(net[at] * rate / 100.0, places[at])
        parts.append(findings(
            "TAX_AMOUNT_MISMATCH", n=len(rows), sheet=book.sheet_of("Invoices", rows), row=rows[ROW],
            field=tax_col, invoice=rows["Invoice No"], customer=rows["Customer ID"],
            amount=rows["Amount"], document=rows[KEY], arabic=book.arabic,
            params={"actual": money(tax[at], p), "expected": money(expected, p),
                    "tax": number(rate), "net": money(net[at], p),
                    "diff": money(tax[at] - expected, p)}))
    return pd.concat(parts, ignore_index=True) if parts else empty()
