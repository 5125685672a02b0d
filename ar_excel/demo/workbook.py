"""Write a demo ledger as the messy workbook a finance team really keeps.

The values are the ledger's; only their typing is messy, the way clerks type and systems
export: most amounts are number cells, some are text with thousands separators, a currency
word or Arabic-Indic / Persian digits; most dates are date cells, some are bare Excel serials,
ISO text or day-first text; terms as ``30``, ``Net 30``, ``30 days`` or ``٣٠``; stray spaces;
a merged title row above the header; a blank row in the middle; the invoices as an Excel table
named ``tblInvoices``. The Arabic variant uses the Arabic sheet names and headers from
``ar_excel.schema`` and a right-to-left sheet view. A reader that follows the contract gets the
ledger back exactly, apart from the few unusable values planted on purpose (``bad_values``),
each of which it must report with its cell address.

XlsxWriter in ``constant_memory`` mode streams rows to disk, so a workbook of half a million
rows is written in seconds with flat memory.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_range

from ar_excel.demo.identities import to_arabic_digits
from ar_excel.model import ROW, column_letter
from ar_excel.names import is_arabic
from ar_excel.schema import SCHEMAS

SHEET_ORDER = ("Customers", "Invoices", "Payments", "Orders", "Credit Requests", "Invoice Lines",
               "Price List", "Payment Plans", "Policy")

# English sheet names as such books are usually labelled (contract names or their aliases).
ENGLISH_SHEETS = {"Payments": "Receipts"}
ARABIC_SHEETS = {"Customers": "العملاء", "Invoices": "الفواتير", "Payments": "التحصيلات",
                 "Orders": "أوامر البيع", "Credit Requests": "طلبات الائتمان",
                 "Invoice Lines": "بنود الفواتير", "Price List": "قائمة الأسعار",
                 "Payment Plans": "خطط السداد", "Policy": "السياسة"}
# Headers for columns outside the contract (carried through by the reader).
ARABIC_EXTRA = {"Sales Rep": "مندوب المبيعات", "Salesperson": "المندوب", "Notes": "ملاحظات",
                "Method": "طريقة الدفع", "Reference": "المرجع", "Description": "الوصف بالإنجليزية",
                "Description (AR)": "الوصف", "Key": "البند", "Value": "القيمة"}
ENGLISH_HEADERS = {("Payments", "Payment ID"): "Receipt No", ("Payments", "Date"): "Receipt Date"}
ARABIC_STATUS = {"Active": "نشط", "Hold": "موقوف", "Closed": "مغلق"}
ARABIC_CURRENCY = {"EGP": "ج.م", "SAR": "ر.س", "AED": "د.إ"}
TITLES = {
    "Customers": ("Customer Master", "بيانات العملاء"),
    "Payments": ("Cash Receipts Register", "سجل التحصيلات"),
    "Orders": ("Open Sales Orders", "أوامر البيع المفتوحة"),
    "Invoice Lines": ("Invoice Detail", "تفاصيل الفواتير"),
}
BLANK_ROW_SHEETS = ("Customers", "Payments", "Orders")
TABLE_SHEET, TABLE_NAME = "Invoices", "tblInvoices"
CREATED = datetime(2026, 1, 1)

# How a cell is written.
BLANK, TEXT, NUMBER, MONEY, DATE, PERCENT = range(6)


@dataclass
class SheetLayout:
    """Where a ledger sheet went in the workbook: enough to name the cell of any value."""

    kind: str
    sheet: str
    header_row: int  # 1-based
    rows: np.ndarray  # 1-based worksheet row of each ledger record, in ledger order
    letters: dict[str, str]  # column -> letter
    headers: dict[str, str]  # column -> header as written
    table: str | None = None
    title: str | None = None
    blank_rows: list[int] = field(default_factory=list)

    def cell(self, index: int, column: str) -> str:
        return f"{self.letters[column]}{int(self.rows[index])}"


@dataclass
class WrittenBook:
    path: Path
    sheets: dict[str, SheetLayout]
    planted: pd.DataFrame  # unusable values planted on purpose: Sheet, Kind, Record (position in
    # the ledger frame), Column, Cell, Value
    styles: pd.DataFrame  # how many cells of each column were written in each style


def write_workbook(frames: dict[str, pd.DataFrame], path: str | Path, *, arabic: bool = False,
                   seed: int = 0, messy: bool = True, bad_values: bool = True,
                   constant_memory: bool | None = None) -> WrittenBook:
    """Write the ledger sheets in ``frames`` (keys as in ``make_ledger``; others ignored) to
    ``path``. ``messy=False`` writes every value in its proper cell type (a clean baseline)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    kinds = [k for k in SHEET_ORDER if k in frames]
    total = sum(len(frames[k]) for k in kinds)
    if constant_memory is None:
        constant_memory = total > 50_000
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory,
                                         "strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})
    fmt = _formats(wb)
    currency = _row_currencies(frames)
    layouts: dict[str, SheetLayout] = {}
    planted: list[dict[str, Any]] = []
    styles: list[dict[str, Any]] = []
    try:
        for kind in kinds:
            frame = frames[kind]
            layout, sheet_styles = _write_sheet(
                wb, fmt, kind, frame, rng, arabic=arabic, messy=messy,
                currency=currency.get(kind), plant=bad_values and messy, planted=planted)
            layouts[kind] = layout
            styles.extend(sheet_styles)
        wb.set_properties({"title": "Accounts receivable", "company": "ar_excel demo",
                           "comments": "Generated by ar_excel.demo",
                           "created": CREATED})  # fixed: same ledger, same bytes
    finally:
        wb.close()
    return WrittenBook(path, layouts,
                       pd.DataFrame(planted, columns=["Sheet", "Kind", "Record", "Column", "Cell",
                                                      "Value"]),
                       pd.DataFrame(styles, columns=["Sheet", "Column", "Style", "Cells"]))


def _formats(wb: xlsxwriter.Workbook) -> dict[str, Any]:
    return {
        "money": wb.add_format({"num_format": "#,##0.00"}),
        "date": wb.add_format({"num_format": "dd/mm/yyyy"}),
        "percent": wb.add_format({"num_format": "0.0%"}),
        "header": wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                 "text_wrap": True, "valign": "top"}),
        "title": wb.add_format({"bold": True, "font_size": 14, "align": "center",
                                "valign": "vcenter"}),
    }


def _row_currencies(frames: dict[str, pd.DataFrame]) -> dict[str, np.ndarray]:
    """The currency each amount is in, to decorate amounts typed with a currency word."""
    if "Customers" not in frames:
        return {}
    home = frames["Customers"].drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    out: dict[str, np.ndarray] = {}
    if "Invoices" in frames:
        inv = frames["Invoices"]
        out["Invoices"] = inv["Currency"].fillna(inv["Customer ID"].map(home)).to_numpy()
    # a credit limit is in its customer's currency (typed with that currency's code)
    out["Customers"] = frames["Customers"]["Currency"].to_numpy()
    for kind in ("Payments", "Orders", "Payment Plans", "Credit Requests"):
        if kind in frames:
            out[kind] = frames[kind]["Customer ID"].map(home).to_numpy()
    if "Invoice Lines" in frames:
        out["Invoice Lines"] = np.full(len(frames["Invoice Lines"]), "EGP", dtype=object)
    if "Price List" in frames:
        out["Price List"] = np.full(len(frames["Price List"]), "EGP", dtype=object)
    return out


def _header(kind: str, column: str, arabic: bool) -> str:
    if not arabic:
        return ENGLISH_HEADERS.get((kind, column), column)
    if column in ARABIC_EXTRA:
        return ARABIC_EXTRA[column]
    schema = SCHEMAS.get(kind)
    if schema is not None and column in schema.columns:
        return next((a for a in schema.field(column).aliases if is_arabic(a)), column)
    return column


def _column_kind(kind: str, column: str) -> str:
    schema = SCHEMAS.get(kind)
    if schema is not None and column in schema.columns:
        return schema.field(column).kind
    return "text"


def _write_sheet(wb: xlsxwriter.Workbook, fmt: dict[str, Any], kind: str, frame: pd.DataFrame,
                 rng: np.random.Generator, *, arabic: bool, messy: bool,
                 currency: np.ndarray | None, plant: bool, planted: list[dict[str, Any]]
                 ) -> tuple[SheetLayout, list[dict[str, Any]]]:
    name = (ARABIC_SHEETS if arabic else ENGLISH_SHEETS).get(kind, kind)
    ws = wb.add_worksheet(name)
    if arabic:
        ws.right_to_left()
    # A column nobody fills is not in the sheet (optional contract columns the ledger leaves out).
    columns = [c for c in frame.columns if c != ROW and (frame[c].notna().any() or not len(frame))]
    if kind == "Price List" and arabic:  # Arabic description first in an Arabic book
        columns = [c for c in columns if c != "Description"] + ["Description"]
    headers = [_header(kind, c, arabic) for c in columns]
    n, width = len(frame), len(columns)

    title = None
    header_row = 0
    if messy and kind in TITLES and kind != TABLE_SHEET:
        title = TITLES[kind][1 if arabic else 0]
        header_row = 2  # title, a blank row, then the header
    blank_at = None
    if messy and kind in BLANK_ROW_SHEETS and n > 4:
        blank_at = int(rng.integers(n // 3, 2 * n // 3))  # a blank row before this record
    rows = header_row + 2 + np.arange(n)  # 1-based
    if blank_at is not None:
        rows[blank_at:] += 1

    # Cell codes and values per column, decided before writing (rows must stream in order).
    plan: list[tuple[list[int], list[Any], tuple[Any, ...]]] = []
    sheet_styles: list[dict[str, Any]] = []
    use_fractions = not arabic  # English book: discount typed as 5% (a fraction cell)
    for j, column in enumerate(columns):
        ckind = _column_kind(kind, column)
        # (the Customers' limits draw no "$": the demo's other values stay as they were
        # generated before their limits were written in their own currency)
        codes, values, styles = _render(frame[column], ckind, rng, messy=messy, arabic=arabic,
                                        currency=currency, fractions=use_fractions and
                                        kind == "Customers", symbols=kind != "Customers")
        if plant and kind in _PLANTS and column in _PLANTS[kind] and n > 10:
            for i, bad in _plant(rng, _PLANTS[kind][column], n):
                codes[i], values[i] = TEXT, bad
                planted.append({"Sheet": name, "Kind": kind, "Record": i, "Column": column,
                                "Cell": f"{column_letter(j)}{rows[i]}", "Value": bad})
                styles["planted"] = styles.get("planted", 0) + 1
        plan.append((codes, values))
        sheet_styles.extend({"Sheet": name, "Column": column, "Style": s, "Cells": c}
                            for s, c in styles.items())

    table = None
    if kind == TABLE_SHEET and messy and n:
        table = TABLE_NAME
        _add_table(ws, TABLE_NAME, header_row, int(rows[-1]) - 1, headers)

    if title:
        ws.merge_range(0, 0, 0, max(width - 1, 1), title, fmt["title"])
        ws.set_row(0, 24)
    for j, h in enumerate(headers):
        ws.write_string(header_row, j, h, fmt["header"])
    for j, column in enumerate(columns):
        ws.set_column(j, j, _width(column))
    ws.freeze_panes(header_row + 1, 0)
    if table is None and n:
        ws.autofilter(header_row, 0, int(rows[-1]) - 1, width - 1)

    ops = _ops(ws, fmt)
    row_codes = list(zip(*(p[0] for p in plan), strict=True))
    row_values = list(zip(*(p[1] for p in plan), strict=True))
    for r, codes, values in zip((rows - 1).tolist(), row_codes, row_values, strict=True):
        for j, code in enumerate(codes):
            if code:
                write, cell_format = ops[code]
                write(r, j, values[j], cell_format)

    layout = SheetLayout(kind, name, header_row + 1, rows,
                         {c: column_letter(j) for j, c in enumerate(columns)},
                         dict(zip(columns, headers, strict=True)), table, title,
                         [] if blank_at is None else [int(rows[blank_at]) - 1])
    return layout, sheet_styles


def _add_table(ws: Any, name: str, first_row: int, last_row: int, headers: list[str]) -> None:
    """An Excel table over rows ``first_row``..``last_row`` (0-based, header first).

    XlsxWriter refuses tables in constant_memory mode and, to detect overlaps, records every
    cell of a table's range (for 300,000 rows: seconds and hundreds of MB). The table part
    only needs its range and column names, and the cells are streamed below anyway, so the
    table is declared over its header and first row and its range then widened."""
    cm = ws.constant_memory
    ws.constant_memory = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a rejected table must not pass silently
            ws.add_table(first_row, 0, min(first_row + 1, last_row), len(headers) - 1, {
                "name": name, "style": "TableStyleMedium2",
                "columns": [{"header": h} for h in headers]})
    finally:
        ws.constant_memory = cm
    spec = ws.tables[-1]
    spec["range"] = spec["a_range"] = xl_range(first_row, 0, last_row, len(headers) - 1)
    if spec.get("autofilter"):
        spec["autofilter"] = spec["a_range"]


def _ops(ws: Any, fmt: dict[str, Any]) -> tuple[Any, ...]:
    return (None, (ws.write_string, None), (ws.write_number, None),
            (ws.write_number, fmt["money"]), (ws.write_number, fmt["date"]),
            (ws.write_number, fmt["percent"]))


def _width(column: str) -> float:
    return {"Name": 38, "Email": 30, "Address": 30, "IBAN / Bank Account": 34, "Phone": 17,
            "Description": 30, "Description (AR)": 30, "Notes": 20, "Reason": 30}.get(column, 14)


# ------------------------------------------------------------------ typing values as people do

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")


def _pick(rng: np.random.Generator, n: int, shares: dict[str, float]) -> np.ndarray:
    names = list(shares)
    p = np.array([shares[k] for k in names], dtype=float)
    return np.array(names, dtype=object)[rng.choice(len(names), size=n, p=p / p.sum())]


def _render(series: pd.Series, kind: str, rng: np.random.Generator, *, messy: bool,
            arabic: bool, currency: np.ndarray | None, fractions: bool, symbols: bool = True
            ) -> tuple[list[int], list[Any], dict[str, int]]:
    """Codes (how to write) and values for one column, and a count per style used.
    ``symbols`` False: an amount typed with its currency has its code, never ``$``."""
    blank = series.isna().to_numpy()
    if kind in ("money", "number"):
        codes, values, style = _render_money(series, rng, messy, arabic, currency,
                                             money=kind == "money", symbols=symbols)
    elif kind == "date":
        codes, values, style = _render_date(series, rng, messy)
    elif kind == "percent":
        codes, values, style = _render_percent(series, rng, messy, fractions)
    elif kind in ("terms", "int"):
        codes, values, style = _render_terms(series, rng, messy, arabic, kind == "terms")
    else:
        codes, values, style = _render_text(series, kind, rng, messy, arabic)
    codes[blank] = BLANK
    style[blank] = "blank"
    counts = pd.Series(style).value_counts().to_dict()
    return codes.tolist(), list(values), {str(k): int(v) for k, v in counts.items()}


def _render_money(series: pd.Series, rng: np.random.Generator, messy: bool, arabic: bool,
                  currency: np.ndarray | None, money: bool, symbols: bool = True
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = series.to_numpy(dtype="float64", na_value=np.nan)
    n = len(x)
    codes = np.full(n, MONEY if money else NUMBER, dtype=np.int8)
    values = x.astype(object)
    style = np.full(n, "number", dtype=object)
    if not messy:
        return codes, values, style
    shares = ({"number": 0.70, "grouped": 0.14, "plain_text": 0.04, "currency": 0.04,
               "arabic_digits": 0.04, "persian_digits": 0.01, "spaces": 0.03} if money else
              {"number": 0.9, "plain_text": 0.07, "arabic_digits": 0.03})
    if arabic and money:
        shares.update(arabic_digits=0.10, number=0.64)
    style = _pick(rng, n, shares)
    style[np.isnan(x)] = "number"
    for i in np.flatnonzero(style != "number"):
        v = x[i]
        s = style[i]
        grouped = f"{abs(v):,.2f}" if money else f"{abs(v):,g}"
        if s == "plain_text":
            text = f"{v:.2f}" if money else f"{v:g}"
        elif s == "grouped":
            text = f"({grouped})" if v < 0 and rng.random() < 0.5 else (
                f"-{grouped}" if v < 0 else grouped)
        elif s == "currency":
            ccy = str(currency[i]) if currency is not None else "EGP"
            ccy = ccy if ccy in ("EGP", "SAR", "AED", "USD") else "EGP"  # a bad master code
            sign = "-" if v < 0 else ""
            if arabic and ccy in ARABIC_CURRENCY:
                text = f"{sign}{grouped} {ARABIC_CURRENCY[ccy]}"
            elif ccy == "USD" and symbols and rng.random() < 0.6:
                text = f"{sign}${grouped}"
            else:
                text = f"{ccy} {sign}{grouped}"
        elif s == "arabic_digits":
            text = ("-" if v < 0 else "") + (
                to_arabic_digits(grouped).replace(",", "٬").replace(".", "٫")
                if rng.random() < 0.5 else to_arabic_digits(grouped))
        elif s == "persian_digits":
            text = ("-" if v < 0 else "") + grouped.translate(_PERSIAN)
        else:  # spaces: typed with a stray space
            text = (" " if rng.random() < 0.5 else "") + (f"-{grouped}" if v < 0 else grouped) + " "
        codes[i], values[i] = TEXT, text
    return codes, values, style


def _render_date(series: pd.Series, rng: np.random.Generator, messy: bool
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = pd.to_datetime(series)
    n = len(d)
    days = d.to_numpy().astype("datetime64[D]")
    serial = (days - _EXCEL_EPOCH).astype("int64").astype("float64")
    codes = np.full(n, DATE, dtype=np.int8)
    values = serial.astype(object)
    style = np.full(n, "date_cell", dtype=object)
    if not messy:
        return codes, values, style
    style = _pick(rng, n, {"date_cell": 0.78, "serial": 0.05, "iso": 0.06, "day_first": 0.07,
                           "spaces": 0.02, "arabic_digits": 0.02})
    style[d.isna().to_numpy()] = "date_cell"
    codes[style == "serial"] = NUMBER
    for i in np.flatnonzero(~np.isin(style, ["date_cell", "serial"])):
        t = d.iat[i]
        s = style[i]
        if s == "iso":
            text = t.strftime("%Y-%m-%d")
        elif s == "day_first":
            sep = ("/", "/", "-", ".")[int(rng.integers(0, 4))]
            text = t.strftime(f"%d{sep}%m{sep}%Y")
        elif s == "spaces":
            text = t.strftime("%d/%m/%Y") + " "
        else:
            text = to_arabic_digits(t.strftime("%d/%m/%Y"))
        codes[i], values[i] = TEXT, text
    return codes, values, style


def _render_percent(series: pd.Series, rng: np.random.Generator, messy: bool, fractions: bool
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = series.to_numpy(dtype="float64", na_value=np.nan)
    n = len(x)
    codes = np.full(n, PERCENT if fractions else NUMBER, dtype=np.int8)
    values = (x / 100 if fractions else x).astype(object)
    style = np.full(n, "fraction_cell" if fractions else "number", dtype=object)
    if not messy:
        return codes, values, style
    text = (rng.random(n) < 0.12) & ~np.isnan(x) & (x != 0)
    for i in np.flatnonzero(text):
        codes[i], values[i] = TEXT, f"{x[i]:g}%"
        style[i] = "percent_text"
    return codes, values, style


def _render_terms(series: pd.Series, rng: np.random.Generator, messy: bool, arabic: bool,
                  terms: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = series.to_numpy(dtype="float64", na_value=np.nan)
    n = len(x)
    codes = np.full(n, NUMBER, dtype=np.int8)
    values = x.astype(object)
    style = np.full(n, "number", dtype=object)
    if not messy or not terms:
        return codes, values, style
    shares = {"number": 0.55, "net": 0.2, "days": 0.1, "arabic_digits": 0.05, "arabic_days": 0.05,
              "text": 0.05}
    if arabic:
        shares.update(arabic_digits=0.15, arabic_days=0.15, net=0.05, number=0.5)
    style = _pick(rng, n, shares)
    style[np.isnan(x)] = "number"
    for i in np.flatnonzero(style != "number"):
        days = int(x[i])
        s = style[i]
        if days == 0:
            text = ("Cash", "COD", "نقدي", "0")[int(rng.integers(0, 4))]
            style[i] = "cash"
        elif s == "net":
            text = f"Net {days}"
        elif s == "days":
            text = f"{days} days"
        elif s == "arabic_digits":
            text = to_arabic_digits(str(days))
        elif s == "arabic_days":
            text = f"{to_arabic_digits(str(days))} يوم"
        else:
            text = f"{days} "
        codes[i], values[i] = TEXT, text
    return codes, values, style


def _render_text(series: pd.Series, kind: str, rng: np.random.Generator, messy: bool,
                 arabic: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(series)
    values = series.astype(object).to_numpy().copy()
    codes = np.full(n, TEXT, dtype=np.int8)
    style = np.full(n, "text", dtype=object)
    present = series.notna().to_numpy()
    if kind == "status":
        if arabic:
            values[present] = [ARABIC_STATUS.get(v, v) for v in values[present]]
        elif messy:
            variants = {"Active": ("Active", "Active", "Active", "active"),
                        "Hold": ("Hold", "On Hold", "HOLD", "Blocked"),
                        "Closed": ("Closed", "Closed", "Inactive", "closed")}
            pick = rng.integers(0, 4, n)
            values[present] = [variants.get(v, (v,) * 4)[k]
                               for v, k in zip(values[present], pick[present], strict=True)]
    if kind == "currency" and messy:
        alt = present & (rng.random(n) < (0.3 if arabic else 0.06))
        for i in np.flatnonzero(alt):
            v = values[i]
            values[i] = (ARABIC_CURRENCY.get(v, v) if arabic else
                         {"EGP": ("L.E.", "LE", "egp")[int(rng.integers(0, 3))],
                          "USD": "$"}.get(v, v.lower()))
            style[i] = "symbol"
    if kind == "id" and messy:  # an all-digit key typed in a number cell
        digits = np.array([isinstance(v, str) and v.isdigit() and len(v) <= 15 and v[0] != "0"
                           for v in values], dtype=bool)
        as_number = digits & (rng.random(n) < 0.5)
        codes[as_number] = NUMBER
        values[as_number] = [float(v) for v in values[as_number]]
        style[as_number] = "number"
    if messy:
        spaced = present & (codes == TEXT) & (rng.random(n) < 0.025)
        for i in np.flatnonzero(spaced):
            values[i] = (" " if rng.random() < 0.3 else "") + str(values[i]) + " "
            style[i] = "spaces"
    return codes, values, style


# ------------------------------------------------------------------ planted unusable values

# Values a clerk types that no reader can use: each must come back as an Input Issue.
_PLANTS = {
    "Customers": {"Credit Limit": ("ask manager", "TBD"), "Next Credit Review": ("after audit",)},
    "Invoices": {"Amount": ("TBC", "see attached"), "Due Date": ("31/02/2026", "end of month")},
    "Payments": {"Amount": ("pending",), "Date": ("15/13/2026",)},
}


def _plant(rng: np.random.Generator, bad: tuple[str, ...], n: int) -> list[tuple[int, str]]:
    where = rng.choice(n, size=len(bad), replace=False)
    return [(int(i), b) for i, b in zip(where, bad, strict=True)]
