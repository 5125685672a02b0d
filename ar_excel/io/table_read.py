"""One sheet or Excel table of a known kind read into a ``Table``: the header found and
mapped, rows that are no records set aside (each said, with its cell), every value parsed
into its type, and every value that cannot be used an ``Issue`` with its cell address, left
empty in the frame with its row kept. Amounts typed in thousands ("50K") are read at face
value and said; terms counting from a month's end are kept beside their days."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.billing.terms import TERMS_FROM_RECEIPT
from ar_excel.core.money import TOTAL_DECIMALS
from ar_excel.io.age_band_amounts import amount_of_bands, band_columns, first_filled
from ar_excel.io.cells_named import cells_named
from ar_excel.io.decimal_marks import MAY_HOLD_THOUSANDTHS, amount_marks
from ar_excel.io.dinars import DINAR, names_a_dinar
from ar_excel.io.ditto_customers import ditto_customers
from ar_excel.io.due_terms import due_dates_as_terms
from ar_excel.io.duplicate_columns import one_field_twice
from ar_excel.io.grid import Grid
from ar_excel.io.headers import (
    DERIVED,
    NET_AMOUNT,
    NOT_COPIED,
    RUNNING_BALANCE,
    alias_index,
    bare_key,
    customer_beside_account,
    customer_column_that_varies,
    debit_credit_as_amount,
    discount_beside_net,
    due_as_balance,
    find_header_row,
    gl_account_column,
    header_field,
    in_company_currency_beside,
    map_headers,
    net_as_amount,
    non_empty,
    one_ledger_account,
    two_row_header,
)
from ar_excel.io.hold_flags import hold_flags, inactive_flags
from ar_excel.io.limit_currencies import (
    in_thousands,
    limits_by_currency,
    limits_in_other_currencies,
)
from ar_excel.io.limit_types import limit_types, type_column
from ar_excel.io.line_items import line_rows, line_rows_issue
from ar_excel.io.net_payable import net_payable, net_payable_issue
from ar_excel.io.numbered_rows import numbered_ahead
from ar_excel.io.opening_balances import (
    CLOSING,
    OPENING,
    closing_issue,
    labelled_rows,
    narration_as_number,
    opening_amounts,
    running_balance_breaks,
    running_balance_column,
)
from ar_excel.io.percent_columns import percentages_read_alike
from ar_excel.io.receipt_terms import receipt_rows
from ar_excel.io.receipts_naming_invoices import receipt_lines, receipts_naming_invoices
from ar_excel.io.report_footers import footer_rows
from ar_excel.io.report_rows import (
    customer_rows_with_sums,
    customers_of_groups,
    group_headings,
    heading_customer,
    headings_with_sums,
    ledger_group_issues,
    ledger_group_rows,
    record_rows,
    repeated_headers,
    sub_headings,
    sum_rows,
    sum_rows_issues,
    totals_issues,
    totals_rows,
)
from ar_excel.io.review_dates import review_periods
from ar_excel.io.split_terms import terms_from_day_and_kind
from ar_excel.io.swapped_dates import swapped_date_cells
from ar_excel.io.tax_beside_amount import amount_before_tax, vat_of_amount
from ar_excel.io.unlabelled_column import unlabelled_first_column
from ar_excel.io.yearless_dates import yearless_dates
from ar_excel.model import ROW, Issue, Table, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import (
    EARLY_DISCOUNT,
    EARLY_DISCOUNT_COLUMN,
    MAY_BE_HIJRI,
    MAY_BE_SCALED,
    MAY_COUNT_FROM_MONTH_END,
    ValueTypes,
    as_ledger_sides,
    blank_mask,
    early_discount_column,
    hijri_date_text,
    is_blank,
    means_no_credit,
    means_unlimited,
    month_end_terms,
    parse_column,
    scaled,
)
from ar_excel.parsing.codes import ANY_CURRENCY
from ar_excel.policy import Policy
from ar_excel.schema import NO_CREDIT, SCHEMAS, TERMS_EOM, UNLIMITED


def vat_on_the_discounted(net: pd.Series, discount: pd.Series, tax: pd.Series) -> bool:
    """Whether a discount column beside net and VAT is an amount taken off before the VAT
    (25,000.00 less 1,250.00, VAT 14 % of 23,750.00 = 3,325.00), told by the VAT of the
    discounted rows: at the rate of the rows without a discount (else a usual rate, 5, 10,
    14 or 15 %) on the net less the discount, to the cent, and not on the net (a discount
    rate, 5 for 5 %, or one given after the tax, leaves the total as net + VAT)."""
    both = discount.gt(0) & tax.gt(0) & net.gt(0) & (net > discount)
    if not both.any():
        return False
    plain = discount.fillna(0.0).eq(0) & tax.gt(0) & net.gt(0)
    rates = set((tax[plain] / net[plain]).round(4)) or {0.05, 0.1, 0.14, 0.15}

    def fits(base: pd.Series) -> bool:
        return all(any(abs(t - round(b * r, 2)) <= 0.011 for r in rates)
                   for b, t in zip(base[both], tax[both], strict=True))

    return fits(net - discount) and not fits(net)


def _parse(values: Any, kind: str, policy: Policy, types: ValueTypes
           ) -> tuple[pd.Series, dict[int, str]]:
    """``parsing.parse_column`` by the Policy's conventions."""
    return parse_column(values, kind, day_first=policy.day_first,
                        decimal_comma=policy.decimal_comma, types=types)


def _words_for_limits(errors: dict[int, str], values: np.ndarray,
                      means: Callable[[Any], bool], parsed: dict[str, pd.Series],
                      flag: str) -> list[int]:
    """The positions of the cells not read as numbers (``errors``) that are a word ``means``
    reads ("Unlimited", "كاش"): no longer errors, marked True in ``parsed[flag]``."""
    said = [p for p in errors if means(values[p])]
    if said:
        for p in said:
            del errors[p]
        flags = np.zeros(len(values), dtype=bool)
        flags[said] = True
        parsed[flag] = pd.Series(flags, copy=False)
    return said


def _cash_only_limits(series: pd.Series, values: np.ndarray, errors: dict[int, str],
                      parsed: dict[str, pd.Series], sheet: str, letter: str, header: str,
                      excel_rows: list[int]) -> tuple[pd.Series, list[Issue]]:
    """A Credit Limit typed as cash only ("كاش", "Cash only", "نقدي"): no credit, a limit of 0
    meaning none, as a Credit Limit Type's No Credit (``limit_types``), so what is owed is
    Over Limit. The contract's bare 0 is no limit set, so the reading is said at the cells
    (one Input Issue), not taken for a limit that cannot be read."""
    said = _words_for_limits(errors, values, means_no_credit, parsed, NO_CREDIT)
    if not said:
        return series, []
    series = series.copy()
    series.iloc[said] = 0.0
    cells = [f"{letter}{excel_rows[p]}" for p in said]
    first = str(values[said[0]]).strip()
    return series, [Issue(sheet, cells[0], header, values[said[0]], (
        f"{len(said)} credit limit(s) typed as cash only ('{first}'): read as no credit, a "
        f"limit of 0, so what is owed is Over Limit ({cells_named(cells)}); leave the cell "
        f"blank for no limit"))]


def _not_currencies(series: pd.Series, values: np.ndarray, sheet: str, letter: str,
                    header: str, excel_rows: list[int], parsed: dict[str, pd.Series],
                    receipts: bool = False) -> tuple[pd.Series, list[Issue]]:
    """An invoice's Currency that is no currency ('EGX', '900', a code mistyped; the real
    spellings, 'L.E', 'ج.م', 'جنيه', 'SR', 'ريال', 'درهم', are read as their codes): read as
    blank, the invoice in its customer's currency as the contract reads a blank, and said at
    its cells, one Input Issue per value typed. Kept, it was a currency of its own: aged and
    dunned apart, never matched to the bank's line. 'دينار' alone is a dinar, which one the
    book says (``io.dinars``): blank here, the word kept beside it in ``parsed``.
    ``receipts``: a Payments row's Currency, read so too (a receipt in no currency of its own
    is in its invoice's, else its customer's: ``core.ledger.stated_currencies``); a dinar
    there is blank, as it means the customer's."""
    from ar_excel.core.customers.currencies import ISO_4217

    codes = series.tolist()
    wrong: dict[str, list[int]] = {}
    dinars = []
    for pos, code in enumerate(codes):
        if code is not None and code not in ISO_4217:
            value = values[pos]
            if isinstance(value, str) and names_a_dinar(value):
                dinars.append(pos)  # which dinar: the customer's, once the book is read
                continue
            typed = str(int(value)) if isinstance(value, float) and value.is_integer() \
                else " ".join(str(value).split())
            wrong.setdefault(typed, []).append(pos)
    if dinars:
        if not receipts:  # (a receipt's dinar is its customer's: nothing to tell which)
            typed_dinars = np.full(len(values), None, dtype=object)
            typed_dinars[dinars] = [" ".join(str(values[p]).split()) for p in dinars]
            parsed[DINAR] = pd.Series(typed_dinars, dtype="object", copy=False)
        series = series.copy()
        series.iloc[dinars] = None
    if not wrong:
        return series, []
    series = series.copy()
    issues = []
    meant = "the receipt in the currency of the invoice it names, else its customer's" \
        if receipts else "the invoice in its customer's currency"
    for typed, at in wrong.items():
        series.iloc[at] = None
        cells = [f"{letter}{excel_rows[p]}" for p in at]
        issues.append(Issue(sheet, cells[0], header, values[at[0]], (
            f"'{typed}' is not a currency (an ISO code such as EGP, SAR or USD): read as blank, "
            f"{meant} ({cells_named(cells)})")))
    return series, issues


def _amount_from(net_at: int, names: list[str], parsed: dict[str, pd.Series],
                 raw: dict[str, pd.Series], unreadable: dict[str, set[int]],
                 written: dict[str, str], letters: dict[str, str], header: list[Any],
                 values: np.ndarray, net: tuple[pd.Series, dict[int, str]], left: int) -> None:
    """The Amount read from column ``net_at`` (``io.net_payable``); the column read as the
    Amount until now kept as one of the sheet's other columns, under its header."""
    old_at, net_name = names.index("Amount"), names[net_at]
    old_name = str(header[old_at]).strip() or f"Column {column_letter(left + old_at)}"
    while old_name in parsed:
        old_name += " (2)"
    kept = raw["Amount"].to_numpy(object).copy()
    kept[blank_mask(kept)] = None
    parsed[old_name], raw[old_name] = pd.Series(kept, dtype="object"), raw["Amount"]
    parsed["Amount"], raw["Amount"] = net[0], pd.Series(values, dtype="object", copy=False)
    del parsed[net_name], raw[net_name], letters[net_name]
    unreadable["Amount"] = set(net[1])
    names[net_at], names[old_at] = "Amount", old_name
    written["Amount"] = str(header[net_at]).strip()
    letters["Amount"], letters[old_name] = (column_letter(left + net_at),
                                            column_letter(left + old_at))


def pad_rows(rows: list[list[Any]], width: int) -> list[list[Any]]:
    if set(map(len, rows)) <= {width}:
        return rows
    return [r + [None] * (width - len(r)) if len(r) < width else r[:width] for r in rows]


def as_columns(rows: list[list[Any]], width: int) -> list[np.ndarray]:
    """The rows (all ``width`` long) turned into columns (object arrays of the same values).
    Through one numpy object array: ``zip(*rows)`` over a few hundred thousand rows is many
    times slower."""
    grid = np.empty((width, len(rows)), dtype=object)  # column by column in memory
    if rows:
        grid.T[:] = rows
    return list(grid)


def _scaled_amounts(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                    errors: dict[int, str], sheet: str, letter: str, header: str,
                    excel_rows: list[int]) -> list[Issue]:
    """An amount typed in thousands or millions ("50K", "1.5M", "٥٠ ألف") is read at its
    face value; the clerk is told how, at its cell (the texts screened in one search)."""
    where = np.flatnonzero(value_kinds.mask(str))
    texts = values[where].tolist()
    if not MAY_BE_SCALED.search("\n".join(texts)):
        return []
    found = []
    for pos, text in zip(where.tolist(), texts, strict=True):
        if pos not in errors and scaled(text):
            amount = float(series.iat[pos])
            shown = f"{amount:,.0f}" if amount.is_integer() else f"{amount:,.2f}"
            found.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, text,
                               f"'{text.strip()}' read as {shown} (written in thousands or "
                               f"millions)"))
    return found


def _limits_in_thousands(series: pd.Series, values: np.ndarray, errors: dict[int, str],
                         sheet: str, letter: str, header: str, header_row: int
                         ) -> tuple[pd.Series, list[Issue]]:
    """The limits of a column headed in thousands, as amounts (x 1,000; a figure typed with
    its own scale, "50K", is left as typed), and one Input Issue at the header saying so."""
    if not in_thousands(header):  # "Credit Limit (EGP '000)", "(بالألف)"
        return series, []
    plain = [p for p in range(len(series)) if p not in errors and pd.notna(series.iat[p])
             and not (isinstance(values[p], str) and scaled(values[p]))]
    if not plain:
        return series, []
    series = series.copy()
    series.iloc[plain] = series.iloc[plain].astype(float) * 1000
    return series, [Issue(sheet, f"{letter}{header_row}", header, header,
                          f"'{header}' gives limits in thousands: {len(plain)} read x 1,000 "
                          f"(e.g. {float(series.iat[plain[0]]):,.0f})")]


def _hijri_dates(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                 errors: dict[int, str], sheet: str, letter: str, header: str,
                 excel_rows: list[int]) -> list[Issue]:
    """Dates typed in the Hijri calendar (a Saudi system's 1448/05/15) are read as their
    Gregorian day; one Input Issue per column says so, at the first, with how many."""
    where = np.flatnonzero(value_kinds.mask(str))
    texts = values[where].tolist()
    if not MAY_BE_HIJRI.search("\n".join(texts)):
        return []
    found = [pos for pos, text in zip(where.tolist(), texts, strict=True)
             if ("14" in text or "١٤" in text) and pos not in errors and hijri_date_text(text)]
    if not found:
        return []
    first = found[0]
    day = series.iat[first].strftime("%d/%m/%Y")
    cells = [f"{letter}{excel_rows[p]}" for p in found]
    return [Issue(sheet, cells[0], header, values[first],
                  f"{len(found)} date(s) in the Hijri calendar read as Gregorian dates "
                  f"('{str(values[first]).strip()}' = {day}): {cells_named(cells)}")]


def _month_end_rows(values: np.ndarray, value_kinds: ValueTypes) -> pd.Series | None:
    """On the rows whose terms count from a month's end (``Net 30 EOM``), from which
    (``month_end_terms``); None when none do (the texts screened in one search first)."""
    where = np.flatnonzero(value_kinds.mask(str))
    texts = values[where].tolist()
    if not MAY_COUNT_FROM_MONTH_END.search("\n".join(texts)):
        return None
    months = np.full(len(values), None, dtype=object)
    months[where] = [month_end_terms(t) for t in texts]
    found = pd.Series(months, dtype="Int64")
    return found if found.notna().any() else None


def _in_date_order(frame: pd.DataFrame) -> bool:
    """Whether the records' dates (invoice dates, receipt dates) never go back down the list,
    or never forward (newest first): at least three dates, not all the same day."""
    column = "Invoice Date" if "Invoice Date" in frame.columns else "Date"
    if column not in frame.columns:
        return False
    dates = pd.to_datetime(frame[column], errors="coerce").dropna()
    if len(dates) < 3 or dates.nunique() < 2:
        return False
    return bool(dates.is_monotonic_increasing or dates.is_monotonic_decreasing)


def _customers_filled_down(frame: pd.DataFrame, raw: pd.DataFrame, unreadable: set[int],
                           sheet: str, letter: str, header: str, excel_rows: list[int],
                           beside: list[str], subtotalled: bool = False) -> list[Issue]:
    """A list grouped by customer as a report prints it: the customer written on the first
    row of its group only, the rows under it blank there. Where each customer is written once
    (no customer on two written rows) and at least two records under one leave it blank,
    each blank is the customer above it, as the accountant reads the list; one Input Issue
    says so. A list where customers are written again and again has a blank as a gap: it is
    reported as one (``Customer ID is required but blank``); so is a blank beside a column
    naming the customer on that row (``beside``: read through the name elsewhere). So is a
    blank in a list kept in date order throughout (a receipts log, each customer paying once,
    an unidentified receipt left blank): a report grouped by customer starts each group's
    dates again, a log kept as it happened does not, and the customer above is no one's;
    unless the list sums its groups (``subtotalled``: two subtotal or totals rows or more),
    as only a report grouped so does."""
    ids = frame["Customer ID"]
    if not subtotalled and _in_date_order(frame):
        return []
    blank = ids.isna().to_numpy() & ~np.isin(np.arange(len(ids)), list(unreadable))
    for column in beside:
        blank &= blank_mask(raw[column].to_numpy(object))
    written = ids[~ids.isna()]
    # a report that sums each customer's group says it is grouped: one blank is enough
    least = 1 if subtotalled else 2
    if blank.sum() < least or not len(written) or written.duplicated().any():
        return []
    above = ids.ffill()
    fill = blank & above.notna().to_numpy()
    if fill.sum() < least:
        return []
    frame["Customer ID"] = ids.where(~fill, above)
    raw["Customer ID"] = raw["Customer ID"].where(~fill, above)
    cells = [f"{letter}{excel_rows[p]}" for p in np.flatnonzero(fill).tolist()]
    return [Issue(sheet, cells[0], header, None,
                  f"{header} is written only on the first row of each customer's group: "
                  f"{len(cells)} blank cell(s) read as the customer above ({cells_named(cells)})")]


_CODE_WORDS = re.compile(r"\b(?:code|no|id|number|num|ref|reference|acct|account)\b|#|كود|"
                         r"رقم|رمز|مرجع", re.IGNORECASE)


def _code_like_headers(header: list[Any], names: list[str], schema: Any) -> list[str]:
    """The headers of columns read as no field whose words say they hold codes or numbers
    ("Debtor Code", "Client Ref", "كود")."""
    fields = {f.name for f in schema.fields}
    return [f"'{str(h).strip()}'" for h, n in zip(header, names, strict=False)
            if isinstance(h, str) and n not in fields and _CODE_WORDS.search(h)]


def _missing_columns(sheet: str, header: list[Any], header_row: int, missing: list[str]
                     ) -> Issue:
    found = ", ".join(str(h) for h in header if not is_blank(h))
    return Issue(sheet, f"A{header_row}", ", ".join(missing), None,
                 f"sheet '{sheet}' has no column for {', '.join(missing)} "
                 f"(header row {header_row} has: {found})")


def kinds_required(schema: Any) -> set[str]:
    """The names of a schema's required columns."""
    return {f.name for f in schema.fields if f.required}


def _letters(names: list[str], left: int) -> dict[str, str]:
    """Each column name's letter on the sheet (the table starting at column ``left``), built
    again wherever a rule renames columns (a later name of the same text wins)."""
    return {n: column_letter(left + j) for j, n in enumerate(names)}


def read_table(grid: Grid, kind: str, policy: Policy) -> tuple[Table | None, list[Issue]]:
    """Parse one sheet or Excel table of a known kind into a ``Table`` plus its issues."""
    schema = SCHEMAS[kind]
    kinds = {f.name: f.kind for f in schema.fields}
    sheet = grid.sheet or grid.name
    issues: list[Issue] = []
    if grid.header is not None:
        header, data, first_row = grid.header, grid.rows, grid.top
    else:
        h = find_header_row(grid.rows, schema)
        if h is None:
            if any(non_empty(r) for r in grid.rows):
                issues.append(Issue(sheet, f"A{grid.top + 1}", "", None,
                                    f"no header row found in sheet '{sheet}'"))
            return None, issues
        header, data, first_row = grid.rows[h], grid.rows[h + 1:], grid.top + h + 1
        two_rows = two_row_header(grid.rows, h, schema)
        if two_rows is not None:  # a group label merged over the labels under it
            header, data, first_row = two_rows, grid.rows[h + 2:], grid.top + h + 2
    width = max([len(header)] + [len(r) for r in data[:1]])
    header = list(header) + [None] * (width - len(header))
    names, written = map_headers(header, schema, grid.left)
    due_as_balance(kind, header, names, written, data)  # Xero's "Due" beside its Due Date
    tax_column = net_as_amount(kind, header, names, written)
    credit_column = None if tax_column is not None else debit_credit_as_amount(
        schema, header, names, written)  # a ledger's Debit and Credit columns: Amount = Dr - Cr
    # an aging detail's invoices given only in their age bands: the bands sum to the Amount
    bands = [] if tax_column is not None or credit_column is not None else band_columns(
        kind, header, names, written, {f.name for f in schema.fields})
    header_row = first_row  # 1-based row of the header = 0-based row of first data row
    if credit_column is not None:  # (no number column: each entry known by its narration)
        issues.extend(narration_as_number(header, names, written, sheet, grid.left, header_row))
    letters = _letters(names, grid.left)

    first = unlabelled_first_column(kind, header, names, written, data)
    if first is not None:
        # a report's first column left unlabelled (Odoo's Aged Receivable, its Partner
        # Ledger): the documents' numbers or dates, under a heading row per customer
        if first in written:  # (Odoo 17's "Ref", blank on most lines: a plain column)
            at = names.index(first)
            names[at] = str(header[at]).strip()
            del written[first], letters[first]
            letters[names[at]] = column_letter(grid.left + at)
        names[0] = first
        written[first] = f"Column {column_letter(grid.left)}"
        letters[first] = column_letter(grid.left)
        unlabelled = True
        account = one_ledger_account(written, names, data)
        if account is not None:  # the receivable account: the customers are the headings
            names[account] = written.pop("Customer ID")
            del letters["Customer ID"]
    else:
        unlabelled = False
        account = gl_account_column(written, names, data) if kind in (
            "Invoices", "Payments") else None
        if account is not None:  # each line's ledger account: the customers are elsewhere
            names[account] = written.pop("Customer ID")
            if customer_beside_account(schema, header, names, written, account):
                letters = _letters(names, grid.left)
            else:
                del letters["Customer ID"]
    missing = [f.name for f in schema.fields if f.required and f.name not in written
               and DERIVED.get((kind, f.name)) not in written]
    # a report grouped under a heading per customer (QuickBooks' Open Invoices, Xero's Aged
    # Receivables) names the customer in the headings, not in a column
    by_headings = missing == ["Customer ID"] and kind in ("Invoices", "Payments")
    by_sheet = by_headings and grid.customer is not None  # a sheet per customer
    if missing and not by_headings:
        return None, [*issues, _missing_columns(sheet, header, header_row, missing)]

    data = pad_rows(data, width)
    columns = as_columns(data, width)
    if "Customer ID" in written and kind in ("Invoices", "Payments"):
        customer_column_that_varies(schema, header, names, written, columns)
        letters = _letters(names, grid.left)
    if schema.name == "Customers" or grid.hidden_columns:
        # two columns giving one field (an old limit kept; an old amount hidden)
        said = one_field_twice(header, names, written, columns, schema, sheet, grid.left,
                               header_row, grid.hidden_columns,
                               only_hidden=schema.name != "Customers")
        if said:
            issues.extend(said)
            letters = _letters(names, grid.left)
    if schema.name == "Customers" and (at := terms_from_day_and_kind(header, names,
                                                                     columns)) is not None:
        names[at] = "Payment Terms"  # Xero's DueDateSalesDay + DueDateSalesTerm
        written["Payment Terms"] = str(header[at]).strip()
        letters["Payment Terms"] = column_letter(grid.left + at)
    types = [ValueTypes(c) for c in columns]
    blanks: dict[int, np.ndarray] = {}  # each column's blank cells, where found whole
    keep = record_rows(columns, types, blanks)  # blank rows are not records
    # rows numbered ahead, nothing on them but their serial, are not records either
    ahead, carried = numbered_ahead(columns, types, header, names,
                                    {f.name for f in schema.fields}, keep, kinds_required(schema))
    keep[ahead] = False
    if carried:  # (their figure is the row above's, as said)
        cells = [f"{column_letter(grid.left)}{pos + first_row + 1}" for pos in carried]
        issues.append(Issue(sheet, cells[0], "", None, (
            f"{len(carried)} row(s) numbered ahead hold nothing but their number and the "
            f"figures of the row above carried down (a formula copied down): not read "
            f"({cells_named(cells)})")))
    for pos in repeated_headers(columns, header, keep, names, alias_index(schema)):
        keep[pos] = False  # the header printed again (a pasted block, a print layout)
        issues.append(Issue(sheet, f"{column_letter(grid.left)}{pos + first_row + 1}", "",
                            None, f"row {pos + first_row + 1} repeats the header row: not read"))
    totals = totals_rows(columns, types, names, schema, keep, blanks)
    for pos, _, _ in totals:
        keep[pos] = False  # a totals row sums the records above it: it is none of them
    issues.extend(totals_issues(totals, sheet, header, grid.left, first_row))
    if schema.name == "Customers":  # a ledger list's groups (Tally's Sundry Debtors)
        groups = ledger_group_rows(columns, header, names, keep)
        keep[[pos for pos, *_ in groups]] = False
        issues.extend(ledger_group_issues(groups, sheet, header, grid.left, first_row))

    def ledger_amounts(j: int) -> pd.Series:
        series, _ = _parse(columns[j], "money", policy, types[j])
        return as_ledger_sides(columns[j], series) if schema.name == "Invoices" else series

    sums = sum_rows(columns, types, names, schema, keep, blanks, ledger_amounts)
    for pos, _, _ in sums:
        keep[pos] = False  # the sum of the rows above, printed without a label
    issues.extend(sum_rows_issues(sums, sheet, header, grid.left, first_row))
    if kind == "Invoices" and not unlabelled:
        # a customer's row carrying its documents' sums, the documents under it naming no
        # customer (SAP Business One's Customer Receivables Aging): the documents' customer
        carriers = customer_rows_with_sums(columns, types, keep, names, schema, blanks,
                                           ledger_amounts)
        if len(carriers):
            who = names.index("Customer ID")
            filled = columns[who].copy()
            for pos, end in zip(carriers.tolist(), [*carriers.tolist()[1:], len(keep)],
                                strict=True):
                filled[pos + 1:end] = filled[pos]
            columns[who], types[who] = filled, ValueTypes(filled)
            keep[carriers] = False
            money = [j for j, n in enumerate(names) if kinds.get(n) == "money"]
            sums = [p for p in carriers.tolist() if any(not is_blank(columns[j][p])
                                                        for j in money)]
            for rows, said in ((sums, "carry the sums of the documents listed under them"), (
                    [p for p in carriers.tolist() if p not in sums],
                    "name only the customer of the documents listed under them")):
                if not rows:
                    continue
                cells = [f"{letters['Customer ID']}{pos + first_row + 1}" for pos in rows]
                issues.append(Issue(
                    sheet, cells[0], written["Customer ID"], columns[who][rows[0]],
                    f"{len(rows)} customer row(s) {said}: not documents, not read; each "
                    f"document is its customer's ({cells_named(cells)})"))
    opening: list[int] = []
    balance = None  # a ledger's running balance, parsed
    if credit_column is not None:  # a running-balance ledger's brought and carried forward
        closing = labelled_rows(columns, types, keep, CLOSING)
        keep[closing] = False
        issues.extend(closing_issue(columns, closing, sheet, grid.left, first_row))
        opening = labelled_rows(columns, types, keep, OPENING)
    footers = footer_rows(columns, types, keep, blanks, [
        j for j, n in enumerate(names) if n in kinds_required(schema)])
    for pos, _ in footers:
        keep[pos] = False  # the report's page or print line ("Page 1 of 3", its run time)
    if kind == "Invoices":  # an invoice's lines on rows of their own under it (Odoo's export)
        contract = {f.name for f in schema.fields}
        lines = line_rows(columns, types, header, names, contract, keep, blanks)
        keep[lines] = False
        issues.extend(line_rows_issue(lines, sheet, header, names, contract, grid.left,
                                      first_row))
    headings = group_headings(columns, types, keep, names, schema, blanks)
    if unlabelled:
        headings = headings_with_sums(columns, types, keep, names, schema, blanks,
                                      ledger_amounts)
    keep[headings] = False  # a group's heading (a customer, an age band) is no record
    if by_sheet:
        customers = np.full(len(keep), grid.customer, dtype=object)
    elif by_headings:
        if not len(headings):
            return None, [*issues, _missing_columns(sheet, header, header_row, missing)]
        heads = [heading_customer(v) for v in columns[0][headings].tolist()]
        subs = sub_headings(columns, types, keep, header, names,
                            {f.name for f in schema.fields}, headings, totals)
        keep[[pos for pos, _ in subs]] = False  # a job's heading under its customer's
        customers = customers_of_groups(
            heads, headings, [(pos, str(columns[j][pos]).strip()) for pos, j in subs],
            [pos for pos, at, _ in totals if at > 0], len(keep))
    positions = np.flatnonzero(keep)
    if opening:  # (as positions among the records)
        opening = np.flatnonzero(np.isin(positions, opening)).tolist()
    if len(positions) < len(data):
        columns = [c[keep] for c in columns]
        types = [t.take(keep) for t in types]
    if by_headings:  # the heading above each record, in the headings' column
        columns.append(customers[keep])
        types.append(ValueTypes(columns[-1]))
        names.append("Customer ID")
        header.append(None)
        written["Customer ID"] = "Customer Name"
        letters["Customer ID"] = letters[names[0]]
        if by_sheet:  # (the sheet's title names it)
            written["Customer ID"] = "Customer"
            letters["Customer ID"] = grid.customer_letter or letters[names[0]]
    row_numbers = positions + (first_row + 1)
    excel_rows = row_numbers.tolist()

    parsed: dict[str, pd.Series] = {}
    raw: dict[str, pd.Series] = {}
    unreadable: dict[str, set[int]] = {}
    unlimited = {f.name for f in schema.fields if f.unlimited_words}
    thousandths: set[str] = set()
    for j, name in enumerate(names):
        values, value_kinds = columns[j], types[j]
        if name == "Next Credit Review":  # "Mar 2027", "2027": due by the period's end
            values, said = review_periods(values, sheet, letters[name],
                                          str(written.get(name, name)), excel_rows)
            if said:
                value_kinds = ValueTypes(values)
                issues.extend(said)
        raw[name] = pd.Series(values, dtype="object", copy=False)  # the cells as read
        kind = kinds.get(name, "raw")
        if kind == "raw":  # as read, blanks as None
            kept = values.copy()
            kept[blank_mask(values, value_kinds)] = None
            parsed[name] = pd.Series(kept, dtype="object", copy=False)
            continue
        series, errors = parse_column(values, kind, day_first=policy.day_first,
                                      decimal_comma=policy.decimal_comma, types=value_kinds)
        if kind == "money" and schema.name == "Invoices" and str in value_kinds.present:
            series = as_ledger_sides(values, series)  # "10,000.00 Dr": owed by the customer
        if kind == "currency" and str in value_kinds.present:
            # SAP Business One's "##" (All Currencies): billed in any, so no one currency
            series = series.where(~series.isin(ANY_CURRENCY), None)
        if kind == "currency" and schema.name in ("Invoices", "Payments"):
            series, said = _not_currencies(series, values, sheet, letters[name],
                                           str(written.get(name, name)), excel_rows, parsed,
                                           receipts=schema.name == "Payments")
            issues.extend(said)
        if name in unlimited and errors:  # "Unlimited" / "مفتوح": no limit, as a blank cell
            _words_for_limits(errors, values, means_unlimited, parsed, UNLIMITED)
        if name == "Credit Limit" and errors:
            series, said = _cash_only_limits(series, values, errors, parsed, sheet,
                                             letters[name], str(written.get(name, name)),
                                             excel_rows)
            issues.extend(said)
        if name == "Credit Limit":
            series, said = _limits_in_thousands(series, values, errors, sheet, letters[name],
                                                str(written.get(name, name)), header_row)
            issues.extend(said)
        if kind in ("money", "number") and str in value_kinds.present:
            said, three = amount_marks(values, np.flatnonzero(value_kinds.mask(str)), errors,
                                       policy.decimal_comma, sheet, letters[name],
                                       written.get(name, name), excel_rows)
            issues.extend(said)
            if three:  # (a "12.000" the currency decides: ``decimal_marks``)
                thousandths.add(name)
            issues.extend(_scaled_amounts(values, value_kinds, series, errors, sheet,
                                          letters[name], written.get(name, name), excel_rows))
        if kind == "date" and str in value_kinds.present:
            series, said = swapped_date_cells(values, value_kinds, series, errors, sheet,
                                              letters[name], written.get(name, name),
                                              excel_rows)  # a CSV opened the other way
            issues.extend(said)
            issues.extend(_hijri_dates(values, value_kinds, series, errors, sheet,
                                       letters[name], written.get(name, name), excel_rows))
            if errors:  # "12/10" in a register of 2026: the year of the rows around it
                series, said = yearless_dates(values, value_kinds, series, errors, sheet,
                                              letters[name], str(written.get(name, name)),
                                              excel_rows, policy.day_first)
                issues.extend(said)
        if kind == "terms" and str in value_kinds.present:
            # "30 يوم من تاريخ الاستلام": counted from the goods' receipt, marked so
            series, received = receipt_rows(values, value_kinds, series, errors)
            if received is not None:
                parsed[TERMS_FROM_RECEIPT] = received
            eom = _month_end_rows(values, value_kinds)
            if eom is not None:
                parsed[TERMS_EOM] = eom
            discounts = early_discount_column(values, value_kinds.mask(str))
            if discounts is not None:  # "2/10 Net 30": 2 % off within 10 days
                parsed[EARLY_DISCOUNT] = discounts
        if kind == "percent" and ((series.abs() < 1) & series.ne(0)).any():
            # 0.08 and '0.08' in one column: both 8 %, or said where it cannot be told
            series, said = percentages_read_alike(values, value_kinds, series, errors, sheet,
                                                  letters[name], str(written.get(name, name)),
                                                  excel_rows)
            issues.extend(said)
        if kind == "percent" and str in value_kinds.present:
            # A Discount % written as the terms that grant it ("2/10 Net 30"): the percent
            # keeps the 2, cash application needs the 10 days too.
            discounts = early_discount_column(values, value_kinds.mask(str))
            if discounts is not None:
                parsed[EARLY_DISCOUNT_COLUMN] = discounts
        parsed[name] = series
        unreadable[name] = set(errors)
        for pos, message in errors.items():
            issues.append(Issue(sheet, f"{letters[name]}{excel_rows[pos]}",
                                written.get(name, name), values[pos], message))
    if schema.name == "Invoices" and "Due Date" in written:  # '45 يوم' as the due date
        due_dates_as_terms(parsed, raw, unreadable, issues, sheet, letters["Due Date"],
                           excel_rows)

    def say_unread(j: int, errors: dict[int, str]) -> None:
        """Each cell of column ``j`` that could not be read (``errors``), said at its cell."""
        issues.extend(Issue(sheet, f"{column_letter(grid.left + j)}{excel_rows[pos]}",
                            str(header[j]), columns[j][pos], message)
                      for pos, message in errors.items())

    def side_money(j: int) -> tuple[pd.Series, dict[int, str]]:
        """A money column read beside the Amount (its tax, an age band, a ledger's Credit),
        each cell that cannot be read said at its own cell."""
        series, errors = _parse(columns[j], "money", policy, types[j])
        say_unread(j, errors)
        return series, errors

    if tax_column is not None:  # Amount = net + its tax, the invoice total
        tax, _ = side_money(tax_column)
        discount_column = discount_beside_net(header, names, written)
        if discount_column is not None:
            discount, errors = _parse(columns[discount_column], "money", policy,
                                      types[discount_column])
            if vat_on_the_discounted(parsed["Amount"], discount, tax):
                parsed["Amount"] = parsed["Amount"] - discount.fillna(0.0)
                # a discount that cannot be read leaves its invoice at net + VAT: said
                say_unread(discount_column, errors)
        parsed["Amount"] = (parsed["Amount"] + tax.fillna(0.0)).round(TOTAL_DECIMALS)
    if len(bands) > 1:  # Amount = the sum of the row's band cells
        others = []
        for j in bands[1:]:
            band, errors = side_money(j)
            unreadable["Amount"] |= set(errors)
            others.append(band)
        parsed["Amount"] = amount_of_bands(parsed["Amount"], others).round(TOTAL_DECIMALS)
        raw["Amount"] = pd.Series(first_filled([columns[j] for j in bands]), dtype="object")
    if credit_column is not None:
        credit, errors = side_money(credit_column)
        debit = parsed["Amount"]
        either = debit.notna() | credit.notna()
        parsed["Amount"] = (debit.fillna(0.0) - credit.fillna(0.0)).round(
            TOTAL_DECIMALS).where(either)
        unreadable["Amount"] = unreadable["Amount"] | {
            p for p in errors if pd.isna(debit.iat[p])}
        running = running_balance_column(header, names, RUNNING_BALANCE, bare_key)
        balance = None if running is None else _parse(
            columns[running], "money", policy, types[running])[0]
        if opening:
            issues.extend(opening_amounts(columns, opening, parsed["Amount"], balance, sheet,
                                          grid.left, excel_rows, letters, written["Amount"],
                                          parsed.get("Invoice Date"), parsed.get("Customer ID")))
    switched = False  # the Amount read from the net payable column beside it
    if schema.name == "Invoices" and tax_column is None and credit_column is None \
            and "Amount" in parsed and "Amount" in names:
        found = net_payable(header, names, {f.name for f in schema.fields}, parsed["Amount"],
                            lambda j: _parse(columns[j], "money", policy, types[j])[0])
        if found is not None:
            net_at, discount_at, tax_at = found
            issues.append(net_payable_issue(sheet, letters[names[net_at]], header, net_at,
                                            str(written["Amount"]), discount_at, tax_at,
                                            header_row))
            _amount_from(net_at, names, parsed, raw, unreadable, written, letters, header,
                         columns[net_at], _parse(columns[net_at], "money", policy,
                                                 types[net_at]), grid.left)
            switched = True
    if schema.name == "Invoices" and tax_column is None and credit_column is None \
            and "Amount" in parsed and not switched:
        # Amount headed as before tax (Net Amount, Amount before VAT) beside a column headed
        # just VAT / Tax (which may be a rate, so not taken by its header): it is the tax
        # where each row's is a VAT rate of the row's amount, and the total is their sum
        # (a VAT one rate of every row's amount is a VAT rate of each: where that finds no
        # tax, the Input Issue of an amount before tax has nothing to say)
        if match_key(written.get("Amount", "")) in NET_AMOUNT:
            vat = vat_of_amount(header, names, written, columns, parsed["Amount"],
                                policy.decimal_comma, each_its_own=True)
            discount_at = discount_beside_net(header, names, written)
            if vat is None and discount_at is not None:
                # the VAT on the net less a discount taken off before it (a Gulf VAT
                # register's Net Amount, Discount, VAT): the total is net - discount + VAT.
                # A discount that cannot be read (said) leaves its row out of the test.
                discount, unread = _parse(columns[discount_at], "money", policy,
                                          types[discount_at])
                net = parsed["Amount"] - discount.fillna(0.0)
                vat = vat_of_amount(header, names, written, columns, net.where(
                    ~net.index.isin(list(unread))), policy.decimal_comma, each_its_own=True)
                if vat is not None and discount.fillna(0.0).ne(0.0).any():
                    parsed["Amount"] = net
                    say_unread(discount_at, unread)
                else:
                    vat = None
            if vat is not None:
                parsed["Amount"] = (parsed["Amount"] + vat[1].fillna(0.0)).round(
                    TOTAL_DECIMALS)
        else:
            issues.extend(amount_before_tax(header, names, written, columns, parsed["Amount"],
                                            sheet, grid.left, header_row, excel_rows,
                                            policy.decimal_comma))
    if schema.name in ("Invoices", "Payments"):
        # a document in the company's currency has no foreign-currency amount: its own
        in_company = None  # which documents are, told by their totals
        for name, j in sorted(in_company_currency_beside(written, names, header).items(),
                              key=lambda item: item[0] != "Amount"):
            local, _ = _parse(columns[j], "money", policy, types[j])
            foreign = parsed[name]
            none = local.notna() & (foreign.isna() | (foreign.eq(0.0) & local.ne(0.0)))
            if name == "Amount":
                in_company = foreign.isna() | foreign.eq(0.0)
            elif in_company is not None:
                # a foreign document whose balance (FC) is 0 is paid, though its balance in
                # the company's currency still holds the exchange difference of its payment
                none &= in_company
            parsed[name] = foreign.where(~none, local)
            unreadable[name] -= set(np.flatnonzero(none.to_numpy(bool)).tolist())
    if schema.name == "Customers":  # a limit column per currency: each row's own
        issues.extend(limits_by_currency(parsed, names, header, written, columns, sheet,
                                         letters, excel_rows, policy.decimal_comma))
        issues.extend(limits_in_other_currencies(parsed, names, written, columns, sheet,
                                                 letters, excel_rows))
    if "On Hold" in written:  # a customer list's Yes/No hold flag: its Status says Hold
        parsed["Status"], said = hold_flags(parsed["On Hold"], parsed.get("Status"), sheet,
                                            letters["On Hold"], written["On Hold"], excel_rows)
        issues.extend(said)
    if "Inactive" in written:  # NetSuite's Inactive, ERPNext's Disabled: Status Closed
        parsed["Status"], said = inactive_flags(parsed["Inactive"], parsed.get("Status"),
                                                sheet, letters["Inactive"], written["Inactive"],
                                                excel_rows)
        issues.extend(said)
    if schema.name == "Customers" and (limit_type := type_column(list(parsed))):
        # GP's No Credit / Unlimited / Amount: what the limit's amount means
        issues.extend(limit_types(parsed, limit_type, sheet, letters[limit_type],
                                  str(written.get(limit_type, limit_type)), excel_rows))
    frame = pd.DataFrame(parsed, copy=False)
    frame.attrs[MAY_HOLD_THOUSANDTHS] = frozenset(thousandths)
    for f in schema.fields:  # optional columns the sheet lacks: present, empty, typed
        if f.name not in frame.columns:
            empty, _ = parse_column([None] * len(frame), f.kind)
            frame[f.name] = empty
    frame[ROW] = pd.Series(row_numbers, dtype="int64")
    raw_frame = pd.DataFrame(raw, copy=False)
    raw_frame[ROW] = frame[ROW]
    for (sheet_kind, field), source in DERIVED.items():
        if sheet_kind == schema.name and field not in written and \
                (sheet_kind, field) not in NOT_COPIED:
            frame[field] = frame[source]  # (the receipts' customers: their invoices')
            letters[field] = letters[source]
            codes = _code_like_headers(header, names, schema) \
                if (sheet_kind, field) == ("Customers", "Customer ID") else []
            if codes:
                # A list keyed by name (QuickBooks') is read so in silence; beside a column
                # that looks like the customers' codes, the reader may have missed them.
                issues.append(Issue(sheet, f"{letters[source]}{header_row}", "Customer ID",
                                    None, f"sheet '{sheet}' has no Customer ID column (column "
                                    f"{', '.join(codes)} is not read as one): each "
                                    f"customer's {written[source]} is read as its ID; name "
                                    "the code column 'Customer ID' to key by code"))

    if schema.name in ("Invoices", "Payments") and not by_headings and "Customer ID" in written:
        index = alias_index(schema)
        beside = [n for n, h in zip(names, header, strict=False) if n != "Customer ID"
                  and isinstance(h, str) and header_field(h, index) == "Customer ID"]
        issues.extend(_customers_filled_down(frame, raw_frame, unreadable["Customer ID"], sheet,
                                             letters["Customer ID"], written["Customer ID"],
                                             excel_rows, beside,
                                             subtotalled=len(sums) + len(totals) >= 2))
        # a ditto: '"' for the customer above, or one blank between two rows of one customer
        issues.extend(ditto_customers(frame, raw_frame, unreadable["Customer ID"], schema.name,
                                      sheet, letters["Customer ID"], written["Customer ID"],
                                      excel_rows, beside))
    for f in schema.fields:
        if f.required and f.name in written:
            for pos in frame[f.name].isna().to_numpy().nonzero()[0]:
                if pos in unreadable[f.name] or pos in opening:
                    continue  # reported already, as a value that could not be read
                issues.append(Issue(sheet, f"{letters[f.name]}{excel_rows[pos]}", written[f.name],
                                    None, f"{written[f.name]} is required but blank"))
    if credit_column is not None and balance is not None and "Customer ID" in frame:
        # (every record's debit less credit, held to the ledger's own running balance)
        issues.extend(running_balance_breaks(
            frame["Amount"], balance, frame["Customer ID"], sheet,
            column_letter(grid.left + running), excel_rows))
    if credit_column is not None and schema.name == "Invoices":
        receipts_naming_invoices(frame)  # a receipt row naming the invoice it pays
    elif schema.name == "Invoices" and (typed := receipt_lines(frame)) is not None:
        receipts_naming_invoices(frame, typed)  # a register's Payment line naming its invoice
    table = Table(schema.name, sheet, frame, raw_frame, letters, header_row, written)
    return table, issues
