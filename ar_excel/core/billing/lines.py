"""Invoice lines add up: each line, and each invoice to its lines.

Rules:

* A line's value is quantity × unit price × (1 − discount %) − discount amount, plus tax
  at its rate. Its Line Total is right when within half a unit of the currency's last
  decimal of that exact value (any rounding rule lands there), or when it equals the net and
  the tax each rounded first. One discount stated both as a rate and as what it comes to
  (Zoho's Discount and Discount Amount) is taken once.
* Workbooks state line totals either including tax or before tax. The sheet's own convention
  is read from its lines (whichever basis more taxed lines follow; including tax on a tie)
  and every line is held to it, so one convention never hides an error in the other.
* An invoice's Amount (including tax, per the contract) equals the sum of its lines: their
  Line Totals, or the computed value where a Line Total is blank; on the before-tax basis each
  line's tax is added, and the tolerance grows by half a unit per taxed line because tax may
  be rounded per line or on the total. A sheet whose Amounts are mostly the lines' sum before
  tax is held to that instead. A credit note may list its lines as positive amounts. Where
  the lines' arithmetic cannot tell the basis (lump sums beside their tax: SAP's billing
  items), the basis more invoices add up to is taken. An invoice whose lines state no tax at
  all (ERPNext charges VAT on the invoice) is held to the register's net column instead,
  where it has one (INVOICE_TOTAL_MISMATCH on that column).
* A stated Tax Amount is the line's tax (the total may also be rounded on its own from the
  rate), and must itself be the rate applied to the net within rounding (or to the net
  rounded first): else TAX_AMOUNT_MISMATCH (Error). Egypt's table tax, where the lines show
  it (``Table Tax``, ``ضريبة الجدول``, an amount or a rate of the net), is added to the net
  and VAT is charged on both.
* A price with tax in (headed so, or a stated tax that is the tax inside quantity × price)
  has that as the line's value with tax; income tax withheld shown on the line (Egypt's 1 %)
  may be taken off its total or its invoice's Amount. VAT rounded once on the invoice's net
  rather than per line is no mismatch.
* A priced line without a quantity is one unit. A line without a unit price is a lump sum:
  its Line Total is taken as it is; with no Line Total either it cannot be valued
  (INCOMPLETE_LINE, Warning) and its invoice's total is not checked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import (
    DECIMALS,
    INVOICE_ROW,
    KEY,
    PRICE_INCL,
    QTY_UNREAD,
    TABLE_TAX,
    TABLE_TAX_RATE,
    WITHHELD,
    WITHHELD_RATE,
    BillingBook,
    invoice_key,
    per_distinct,
)
from ar_excel.core.billing.currency import FLOAT_SLACK, half_unit
from ar_excel.core.billing.findings import empty, findings, money, number, text
from ar_excel.core.billing.invoice_tax import (
    NET_HEADERS,
    invoice_discount,
    register_amounts,
    register_columns,
)
from ar_excel.core.customers.ids import TOTAL_WORDS
from ar_excel.core.money import excel_round
from ar_excel.model import ROW
from ar_excel.names import match_key

GROSS, NET = "gross", "net"


def _price_includes_tax(lines: pd.DataFrame, priced: np.ndarray, rate: np.ndarray,
                        stated_tax: np.ndarray, total: np.ndarray, tol: np.ndarray
                        ) -> np.ndarray:
    """Lines priced with tax in: headed so (``PRICE_INCL``), or a taxed line whose stated tax
    is the tax inside quantity × price (15/115 of it) and not the tax on top of it, with its
    total that same amount or the amount before tax (blank: not against it)."""
    marked = (lines[PRICE_INCL].fillna(False).to_numpy(dtype=bool) if PRICE_INCL in lines
              else np.zeros(len(lines), dtype=bool))
    with np.errstate(invalid="ignore", divide="ignore"):
        inside = priced * rate / (100.0 + rate)
        on_top = priced * rate / 100.0
        evidence = ((rate > 0) & (np.abs(stated_tax - inside) <= tol)
                    & (np.abs(stated_tax - on_top) > tol)
                    & (np.isnan(total) | (np.abs(total - priced) <= tol)
                       | (np.abs(total - (priced - inside)) <= tol)))
    return marked | evidence


# an invoice's subtotal row in its lines: its Item blank or starting with a total word
# ("Sum" aside: items start so, as the reader's labels read it only alone)
_SUBTOTAL_ITEM = tuple(w for w in TOTAL_WORDS if w != "sum")


def subtotal_rows(lines: pd.DataFrame) -> pd.Series:
    """Rows of Invoice Lines that are an invoice's subtotal, not a line, keyed by the invoice's
    own number (a clerk's 'إجمالي الفاتورة' beside F-1; Excel's Data > Subtotal labels, 'F-1
    Total', the reader sets aside: ``io.report_rows``): no quantity and no unit price, the Item blank or saying total, and a Line Total that is
    the sum of that invoice's rows above it since its last such row. A lump-sum line of its
    own (freight, a fee) is never that sum."""
    out = pd.Series(False, index=lines.index)
    item = lines["Item"]
    said = item.isna() | per_distinct(item, lambda v: match_key(v).startswith(_SUBTOTAL_ITEM))
    candidate = (lines["Quantity"].isna() & lines["Unit Price"].isna()
                 & lines["Line Total"].notna() & lines["Invoice No"].notna() & said.astype(bool))
    if not candidate.any():
        return out
    key = invoice_key(lines["Invoice No"])
    involved = lines[key.isin(set(key[candidate]))]
    for _, rows in involved.groupby(key.loc[involved.index], sort=False, dropna=False):
        running, count = 0.0, 0
        for i, total in zip(rows.index, rows["Line Total"].to_numpy(dtype="float64"),
                            strict=True):
            if np.isnan(total):
                continue
            if candidate[i] and count and abs(total - running) <= 0.005 + FLOAT_SLACK * max(
                    1.0, abs(total)):
                out[i] = True
                running, count = 0.0, 0
            else:
                running, count = running + total, count + 1
    return out


def prices_include_tax(book: BillingBook, lines: pd.DataFrame) -> pd.Series:
    """Whether each of ``lines`` (rows of ``book.lines``) has its tax in its unit price
    (headed so, or its stated tax is the tax inside quantity × price)."""
    return _arithmetic_of(book, lines)["incl"].astype(bool)


def _on_lines(lines: pd.DataFrame, net: np.ndarray, amount: str, rate: str) -> np.ndarray:
    """A tax shown on each line (0 where none): its ``amount`` column, or its ``rate`` column
    of the line's net (``context.withholding_on_lines``, ``context.table_tax_on_lines``)."""
    if amount in lines:
        return lines[amount].fillna(0.0).to_numpy(dtype="float64")
    if rate in lines:
        return net * lines[rate].fillna(0.0).to_numpy(dtype="float64") / 100.0
    return np.zeros(len(lines))


def _stated_twice(lines: pd.DataFrame) -> pd.Series:
    """Lines stating their one discount twice, as a rate and as what it comes to (Zoho's
    Discount and Discount Amount): it is taken once."""
    qty = lines["Quantity"].fillna(1.0).to_numpy(dtype="float64")
    gross = qty * lines["Unit Price"].to_numpy(dtype="float64")
    disc = lines["Discount %"].fillna(0.0).to_numpy(dtype="float64")
    amount = lines["Discount Amount"].fillna(0.0).to_numpy(dtype="float64")
    tol = half_unit(lines[DECIMALS].to_numpy(dtype="int64")) + FLOAT_SLACK * np.maximum(
        1.0, amount)
    with np.errstate(invalid="ignore"):
        twice = (disc > 0) & (amount > 0) & (np.abs(amount - gross * disc / 100.0) <= tol)
    return pd.Series(twice, index=lines.index)


def _arithmetic_of(book: BillingBook, lines: pd.DataFrame) -> pd.DataFrame:
    """``arithmetic`` of ``lines``, rows of ``book.lines``: their rows of the book's, worked
    out once (each line's figures are its own, whatever lines are beside it)."""
    if book.lines.index.is_unique:  # (rows a repeated label names could not be told apart)
        return book.line_arithmetic.loc[lines.index]
    return arithmetic(lines)


def arithmetic(lines: pd.DataFrame) -> pd.DataFrame:
    """Exact net, tax and gross of each line, and whether its Line Total fits either basis.
    A line priced with tax in has quantity × price (less discounts) as its gross and that
    less the tax inside it as its net. Line by line: no line's figures depend on another's
    (``BillingBook.line_arithmetic`` takes them once for the book)."""
    # a priced line without a quantity is one unit (a single service, a fee)
    qty = lines["Quantity"].fillna(1.0).to_numpy(dtype="float64")
    price = lines["Unit Price"].to_numpy(dtype="float64")
    disc = lines["Discount %"].fillna(0.0).to_numpy(dtype="float64")
    rate = lines["Tax Rate"].fillna(0.0).to_numpy(dtype="float64")
    places = lines[DECIMALS].to_numpy(dtype="int64")
    total = lines["Line Total"].to_numpy(dtype="float64")
    stated_tax = lines["Tax Amount"].to_numpy(dtype="float64")
    has_tax = ~np.isnan(stated_tax)
    disc_amount = lines["Discount Amount"].fillna(0.0).to_numpy(dtype="float64")
    twice = _stated_twice(lines).to_numpy()
    priced = qty * price * (1.0 - disc / 100.0) - np.where(twice, 0.0, disc_amount)
    slack = FLOAT_SLACK * np.maximum(1.0, np.abs(total))
    tol = half_unit(places) + slack
    incl = _price_includes_tax(lines, priced, rate, stated_tax, total,
                               half_unit(places) + FLOAT_SLACK * np.maximum(1.0, np.abs(priced)))
    net = np.where(incl, priced / (1.0 + rate / 100.0), priced)
    # Egypt's table tax is added to the net, and VAT charged on both (the VAT base)
    table = np.where(incl, 0.0, _on_lines(lines, net, TABLE_TAX, TABLE_TAX_RATE))
    base = net + table
    gross = np.where(incl, priced, base + np.where(has_tax, stated_tax, base * rate / 100.0))
    rounded_net = excel_round(net, places)
    rounded_base = rounded_net + excel_round(table, places)
    net_plus_tax = np.where(incl, excel_round(priced, places), rounded_base + np.where(
        has_tax, stated_tax, excel_round(rounded_base * rate / 100.0, places)))
    by_rate = base * (1.0 + rate / 100.0)  # a total rounded on its own, tax stated apart
    withheld = _on_lines(lines, net, WITHHELD, WITHHELD_RATE)  # income tax withheld
    # (by the rate only where there is one: a tax stated without a rate makes the rate's
    # total the net, which is no total with tax)
    by_rate_fits = (np.abs(total - by_rate) <= tol) & ~(has_tax & (stated_tax != 0) & (rate == 0))
    fits_gross = ((np.abs(total - gross) <= tol) | (np.abs(total - net_plus_tax) <= slack)
                  | by_rate_fits
                  # a total net of the income tax withheld, as Egypt's e-invoices show it
                  | ((withheld != 0) & (np.abs(total - (gross - withheld)) <= 2 * tol)))
    # before tax from a price with tax in: the tax inside taken off, either one rounded
    fits_net = (np.abs(total - net) <= tol) | (
        incl & has_tax & (np.abs(total - (priced - stated_tax)) <= tol))
    return pd.DataFrame({"net": net, "base": base, "table": table, "gross": gross,
                         "rate": rate, "stated_tax": stated_tax,
                         "taxed": (rate != 0) | (has_tax & (stated_tax != 0)),
                         "fits_gross": fits_gross, "fits_net": fits_net, "places": places,
                         "incl": incl, "withheld": withheld},
                        index=lines.index)


def line_basis(calc: pd.DataFrame) -> str:
    """``gross`` when Line Totals include tax, ``net`` when they are before tax; ``calc``:
    the lines' ``arithmetic``."""
    return _basis_vote(calc)[0]


def _basis_vote(calc: pd.DataFrame) -> tuple[str, bool]:
    """The basis of the lines whose ``arithmetic`` is ``calc``, and whether it decided it
    (some taxed line priced, its total fitting one basis only); undecided, ``gross``."""
    taxed = calc["taxed"].to_numpy()
    only_net = (calc["fits_net"] & ~calc["fits_gross"]).to_numpy() & taxed
    only_gross = (calc["fits_gross"] & ~calc["fits_net"]).to_numpy() & taxed
    return (NET if only_net.sum() > only_gross.sum() else GROSS), bool(
        only_net.sum() != only_gross.sum())


def _basis_note(basis: str, arabic: bool) -> str:
    if basis == GROSS:
        return ""
    return "، قبل الضريبة" if arabic else ", before tax"


_INCL_NOTE = {False: ", price includes tax", True: "، السعر شامل الضريبة"}


def _discount(lines: pd.DataFrame, places: list[int]) -> list[str]:
    """The discount as stated: ``5%``, ``12.50``, or both."""
    pct = [f"{v}%" for v in number(lines["Discount %"].fillna(0.0))]
    # (the one discount stated as a rate and as what it comes to is said once: as the rate)
    amounts = money(lines["Discount Amount"].where(~_stated_twice(lines)), places)
    return [f"{p} + {a}" if a and p != "0%" else (a or p) for p, a in zip(pct, amounts, strict=True)]


def line_totals(book: BillingBook) -> pd.DataFrame:
    """LINE_TOTAL_MISMATCH: Line Total ≠ quantity × price − discount (+ tax) within rounding."""
    lines = book.lines
    calc = _arithmetic_of(book, lines)
    basis = line_basis(calc)
    fits = calc["fits_gross"] if basis == GROSS else calc["fits_net"]
    checkable = lines["Unit Price"].notna() & lines["Line Total"].notna()
    if QTY_UNREAD in lines:  # a quantity that could not be read is no quantity of 1
        checkable &= ~lines[QTY_UNREAD].fillna(False).astype(bool)
    bad = lines[checkable & ~fits]
    if bad.empty:
        return empty()
    c = calc.loc[bad.index]
    exact = c["gross"] if basis == GROSS else c["net"]
    # a sheet whose totals are after the income tax withheld (Egypt's e-invoice lines) wants
    # that figure typed in, not the total before it
    after_wht = (c["withheld"] != 0).to_numpy() & (basis == GROSS) & _totals_after_withholding(
        lines, calc)
    exact = exact.where(~after_wht, c["gross"] - c["withheld"])
    expected = excel_round(exact, c["places"])
    places = c["places"].tolist()
    less = money(c["withheld"], places)
    wht_note = [("" if not a else f"، بعد خصم {w} ضريبة الخصم من المنبع" if book.arabic
                 else f", less {w} income tax withheld") for a, w in zip(after_wht, less,
                                                                       strict=True)]
    return findings(
        "LINE_TOTAL_MISMATCH", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Line Total", invoice=bad["Invoice No"], customer=bad["_customer"],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={
            "actual": money(bad["Line Total"], places),
            "expected": money(expected, places),
            "qty": number(bad["Quantity"].fillna(1.0)),
            "price": number(bad["Unit Price"]),
            "disc": _discount(bad, places),
            "tax": number(bad["Tax Rate"].fillna(0.0)),
            "basis": [_basis_note(basis, book.arabic) + (_INCL_NOTE[book.arabic] if i else "")
                      + w for i, w in zip(c["incl"], wht_note, strict=True)],
            "diff": money(bad["Line Total"].to_numpy() - expected, places),
        },
    )


def _totals_after_withholding(lines: pd.DataFrame, calc: pd.DataFrame) -> bool:
    """Whether the sheet's lines showing income tax withheld mostly total after it."""
    withheld = calc["withheld"].to_numpy()
    shown = (withheld != 0) & lines["Line Total"].notna().to_numpy()
    total = lines["Line Total"].to_numpy(dtype="float64")
    gross = calc["gross"].to_numpy()
    tol = half_unit(calc["places"].to_numpy()) + FLOAT_SLACK * np.maximum(1.0, np.abs(total))
    after = shown & (np.abs(total - (gross - withheld)) <= 2 * tol)
    before = shown & (np.abs(total - gross) <= tol)
    return bool(after.sum() > before.sum())


def incomplete_lines(book: BillingBook) -> pd.DataFrame:
    """INCOMPLETE_LINE: an item or quantity with neither a unit price nor a line total."""
    lines = book.lines
    bad = lines[(lines["Item"].notna() | lines["Quantity"].notna())
                & lines["Unit Price"].isna() & lines["Line Total"].isna()]
    if bad.empty:
        return empty()
    return findings(
        "INCOMPLETE_LINE", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Unit Price", invoice=bad["Invoice No"], customer=bad["_customer"],
        document=bad[KEY], arabic=book.arabic,
        params={"item": text(bad["Item"]), "qty": number(bad["Quantity"])},
    )


def lines_without_invoice(book: BillingBook) -> pd.DataFrame:
    """LINE_WITHOUT_INVOICE: lines whose invoice number is not in Invoices (once per number)."""
    lines = book.lines
    orphan = lines[lines[KEY].notna() & lines[INVOICE_ROW].isna()]
    if orphan.empty:
        return empty()
    counts = orphan.groupby(KEY, sort=False)[ROW].size()
    first = orphan.drop_duplicates(KEY)
    return findings(
        "LINE_WITHOUT_INVOICE", n=len(first), sheet=book.sheet("Invoice Lines"),
        row=first[ROW], field="Invoice No", invoice=first["Invoice No"], customer=None,
        document=first[KEY], arabic=book.arabic,
        params={"invoice": text(first["Invoice No"]),
                "n": [str(int(v)) for v in first[KEY].map(counts)]},
    )


def _invoice_sums(lines: pd.DataFrame, calc: pd.DataFrame, basis: str | None = None
                  ) -> tuple[pd.DataFrame, str]:
    """Per invoice key: the sum of its lines with tax (``gross``) and before tax (``net``),
    the tolerance steps of each, the line count; and the lines' basis (``basis``: taken as
    given). ``calc``: the lines' ``arithmetic``."""
    basis = line_basis(calc) if basis is None else basis
    exact = calc["gross"] if basis == GROSS else calc["net"]
    lump = lines["Unit Price"].isna()
    value = lines["Line Total"].where(lines["Line Total"].notna() | lump,
                                      excel_round(exact, calc["places"]))
    rate = calc["rate"] / 100.0
    stated = calc["stated_tax"]
    table = calc["table"]
    if basis == GROSS:
        # the VAT taken off leaves the VAT base: the net and any table tax
        gross, net = value, value - stated.where(stated.notna(), value * rate / (1.0 + rate))
        net = net - table
    else:
        net, gross = value, value + table + stated.where(stated.notna(),
                                                         (value + table) * rate)
    # the invoice's tax computed once on its net total (not per line): each line's net as
    # its Line Total gives it, to the minor unit, the tax on their sum (rounded on the
    # invoice, not here)
    line_base = excel_round(net + table, calc["places"])  # as the lines state it
    sums = pd.DataFrame({KEY: lines[KEY], "gross": gross, "net": net,
                         "on_total": line_base * (1.0 + rate), "withheld": calc["withheld"],
                         "unknown": value.isna(), "taxed": calc["taxed"]}).groupby(
        KEY, sort=False).agg(gross=("gross", "sum"), net=("net", "sum"),
                             on_total=("on_total", "sum"), withheld=("withheld", "sum"),
                             unknown=("unknown", "sum"), n=("gross", "size"),
                             taxed=("taxed", "sum"))
    # a line whose value is unknown leaves the invoice's total unknown: not checked
    known = sums["unknown"] == 0
    sums["gross"] = sums["gross"].where(known)
    sums["net"] = sums["net"].where(known)
    sums["on_total"] = sums["on_total"].where(known)
    # the side derived from the other carries tax rounded per line or on the total
    sums["gross_steps"] = 1 + (sums["taxed"] if basis == NET else 0)
    sums["net_steps"] = 1 + (sums["taxed"] if basis == GROSS else 0)
    return sums, basis


def _fits_amount(amount: np.ndarray, total: np.ndarray, steps: np.ndarray,
                 places: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    compare = np.where((amount < 0) & (total > 0), -total, total)  # credit note, lines positive
    tol = half_unit(places) * steps + FLOAT_SLACK * np.maximum(1.0, np.abs(amount))
    return np.isnan(total) | (np.abs(amount - compare) <= tol), compare


def invoice_totals(book: BillingBook) -> pd.DataFrame:
    """INVOICE_TOTAL_MISMATCH: an invoice's Amount ≠ the sum of its lines (with tax)."""
    lines = book.lines[book.lines[INVOICE_ROW].notna()]
    if lines.empty:
        return empty()
    calc = _arithmetic_of(book, lines)
    per_invoice, basis = _invoice_sums(lines, calc)
    inv = book.invoices
    duplicated = inv[KEY].duplicated(keep=False)
    inv = inv[inv[KEY].isin(per_invoice.index) & ~duplicated & inv["Amount"].notna()]
    if not _basis_vote(calc)[1]:
        # lump-sum lines (no unit price: SAP's VBRP net value beside its tax) cannot say
        # whether their totals include the tax they state: the basis more invoices add up to
        other = NET if basis == GROSS else GROSS
        per_other, _ = _invoice_sums(lines, calc, other)
        if _adding_up(inv, per_other) > _adding_up(inv, per_invoice):
            per_invoice = per_other
    sums = per_invoice.reindex(inv[KEY])
    amount = inv["Amount"].to_numpy(dtype="float64")
    places = inv[DECIMALS].to_numpy()
    fits_gross, gross = _fits_amount(amount, sums["gross"].to_numpy(),
                                     sums["gross_steps"].to_numpy(), places)
    fits_net, net = _fits_amount(amount, sums["net"].to_numpy(), sums["net_steps"].to_numpy(),
                                 places)
    # tax rounded once on the invoice's net rather than per line: the lines' rounded taxes
    # may add up to a minor unit or more away from it; that is no error
    fits_gross |= _fits_amount(amount, sums["on_total"].to_numpy(),
                               np.ones(len(amount)), places)[0] & ~np.isnan(gross)
    # the amount due after the income tax the customer withholds (Egypt's e-invoices show it
    # taken off): the lines with tax less what is withheld, rounded once more
    withheld = sums["withheld"].to_numpy()
    fits_gross |= (withheld != 0) & _fits_amount(
        amount, sums["gross"].to_numpy() - withheld, sums["gross_steps"].to_numpy() + 1,
        places)[0] & ~np.isnan(gross)
    # the contract's Amount includes tax; a sheet whose amounts mostly are before tax is held
    # to that instead, so one convention never floods the tab
    taxed = sums["taxed"].to_numpy() > 0
    before_tax = (fits_net & ~fits_gross & taxed).sum() > (fits_gross & ~fits_net & taxed).sum()
    fits, expected = (fits_net, net) if before_tax else (fits_gross, gross)
    fits = fits | _discounted_on_invoice(inv, sums, amount, places, before_tax)
    # lines stating no tax at all (ERPNext's items: the VAT is charged on the invoice, in its
    # taxes table) are the invoice's amount before tax: held to the register's net column
    net_col, stated_net = _register_net(inv)
    on_net = ~taxed & ~np.isnan(stated_net)
    if on_net.any():
        fits_reg, expected_reg = _fits_amount(stated_net, sums["net"].to_numpy(),
                                              sums["net_steps"].to_numpy(), places)
        fits = np.where(on_net, fits_reg, fits)
        expected = np.where(on_net, expected_reg, expected)
    bad = inv[~fits]
    if bad.empty:
        return empty()
    expected = expected[~fits]
    p = places[~fits].tolist()
    if before_tax:
        note = " قبل الضريبة" if book.arabic else " before tax"
    else:
        note = " مع الضريبة" if book.arabic else " with tax"
    stated = np.where(on_net, stated_net, amount)[~fits]
    return findings(
        "INVOICE_TOTAL_MISMATCH", n=len(bad), sheet=book.sheet_of("Invoices", bad), row=bad[ROW],
        field=np.where(on_net[~fits], net_col or "Amount", "Amount").tolist(),
        invoice=bad["Invoice No"], customer=bad["Customer ID"],
        amount=bad["Amount"], document=bad[KEY], arabic=book.arabic,
        variant=np.where(on_net[~fits], "net", None).tolist(),
        params={
            "actual": money(stated, p),
            "expected": money(expected, p),
            "n": [str(int(v)) for v in sums["n"].to_numpy()[~fits]],
            "basis": [note] * len(bad),
            "diff": money(stated - expected, p),
            "net_col": [net_col or ""] * len(bad),
        },
    )


def _discounted_on_invoice(inv: pd.DataFrame, sums: pd.DataFrame, amount: np.ndarray,
                           places: np.ndarray, before_tax: bool) -> np.ndarray:
    """Amounts that are their lines less the invoice's own discount: taken off the total
    with tax, or off the net before the VAT (the VAT then on the discounted net)."""
    column, off = invoice_discount(inv)
    if column is None:
        return np.zeros(len(inv), dtype=bool)
    given = ~np.isnan(off) & (off > 0)
    gross, net = sums["gross"].to_numpy(), sums["net"].to_numpy()
    if before_tax:
        return given & _fits_amount(amount, net - off, sums["net_steps"].to_numpy() + 1,
                                    places)[0] & ~np.isnan(net)
    steps = sums["gross_steps"].to_numpy() + 1
    with np.errstate(invalid="ignore", divide="ignore"):
        with_tax = np.where(net != 0, gross / net, 1.0)
    return given & ~np.isnan(gross) & (
        _fits_amount(amount, gross - off, steps, places)[0]
        | _fits_amount(amount, gross - off * with_tax, steps, places)[0])


def _adding_up(inv: pd.DataFrame, sums: pd.DataFrame) -> int:
    """How many of the invoices' Amounts their lines' sums with tax make."""
    at = sums.reindex(inv[KEY])
    return int((_fits_amount(inv["Amount"].to_numpy(dtype="float64"), at["gross"].to_numpy(),
                             at["gross_steps"].to_numpy(), inv[DECIMALS].to_numpy())[0]
                & ~np.isnan(at["gross"].to_numpy())).sum())


def _register_net(inv: pd.DataFrame) -> tuple[str | None, np.ndarray]:
    """The Invoices sheet's amount before tax (its net column beside its tax column,
    ``invoice_tax.register_columns``; else a column headed as one alone, Zoho's SubTotal
    beside its Total in a row-per-line export) per invoice; NaN where it has none."""
    net_col, _ = register_columns(inv)
    if net_col is None:
        net_col = next((c for c in inv.columns if isinstance(c, str) and not c.startswith("_")
                        and match_key(c) in NET_HEADERS), None)
    if net_col is None:
        return None, np.full(len(inv), np.nan)
    return net_col, register_amounts(inv[net_col])


def tax_amounts(book: BillingBook) -> pd.DataFrame:
    """TAX_AMOUNT_MISMATCH: a stated Tax Amount ≠ the rate applied to the net, within rounding."""
    lines = book.lines
    judged = (lines["Tax Amount"].notna() & lines["Tax Rate"].notna()
              & lines["Unit Price"].notna())
    lines = lines[judged]
    if lines.empty:
        return empty()
    calc = _arithmetic_of(book, lines)
    stated = calc["stated_tax"].to_numpy()
    places = calc["places"].to_numpy()
    exact = calc["base"].to_numpy() * calc["rate"].to_numpy() / 100.0  # net + table tax
    on_rounded_net = excel_round(excel_round(calc["base"], places) * calc["rate"] / 100.0,
                                   places)
    slack = FLOAT_SLACK * np.maximum(1.0, np.abs(stated))
    fits = (np.abs(stated - exact) <= half_unit(places) + slack) | (
        np.abs(stated - on_rounded_net) <= slack)
    bad = lines[~fits]
    if bad.empty:
        return empty()
    c = calc.loc[bad.index]
    p = c["places"].tolist()
    expected = excel_round(exact[~fits], c["places"])
    return findings(
        "TAX_AMOUNT_MISMATCH", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Tax Amount", invoice=bad["Invoice No"], customer=bad["_customer"],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={"actual": money(bad["Tax Amount"], p), "expected": money(expected, p),
                "tax": number(bad["Tax Rate"]), "net": money(excel_round(c["base"], p), p),
                "diff": money(bad["Tax Amount"].to_numpy() - expected, p)},
    )
