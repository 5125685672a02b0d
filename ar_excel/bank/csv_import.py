"""CSV and XLSX statement exports -> normalised statement lines.

Every bank exports its own layout, so the layout is detected from the file, not configured:

* encoding (``text.decode_bytes``), delimiter (the one that splits most rows into the same
  number of fields; the Arabic comma too), account-info lines above the header (the header is
  the first row naming at least two known columns); a header over two rows (``Amount`` merged
  over ``Debit | Credit``) is read as one; a file without a header row is read from its
  values only where they leave no doubt (one date column, one money column), and says so;
* headers in English, Arabic, German or French through the ``Bank Statement`` aliases in
  ``schema.BANK`` (matching ignores case, spaces, ``_-./()``); where no alias names a header,
  its words do (``Trans Date``, ``Withdrawal Amt.``, ``Available Balance``, ``Cargo``), but
  only when the values under it agree (dates for a date, amounts for money); ``Amount (EUR)``
  also gives the currency; numbered narrative columns (``VWZ1``..``VWZ14``) are joined;
* the decimal mark and the date order are decided per column from all its values; where
  every date reads both ways, a statement period above the header decides, else the order
  that keeps the statement within a month (said in an issue); date cells that Excel swapped
  (a day-first export opened month first) are put right when the dates left as text show it;
* HTML pages saved as ``.xls`` (a common "Excel" export of bank portals): their table rows;
* a signed amount, or separate Debit/Credit columns (a debit is money out: negative, whether
  the bank printed it positive or negative), or an amount plus a D/C indicator column (found
  by its header or by its values: ``CR``/``DR``, ``Credit``/``Debit``, ``دائن``/``مدين``);
  amounts with no sign at all take it from the running balance.

Rows that are not transactions are told apart: totals rows (``Total``, ``Summe``, ``المجموع``)
are skipped and checked against the lines above them (reported where they differ); rows with
only text continue the narrative of the line above; opening/closing and brought/carried
forward rows become the statement's balances (also when printed as a dated credit line).
A running balance is checked line by line. A row with a date or an amount that cannot be
read is reported as an issue naming its row and column; it never silently disappears.

``mapping`` ({canonical column: header as in the file}) overrides detection; extra keys:
``decimal`` ("," or "."), ``date_format`` (strptime), ``day_first``, ``delimiter``,
``header_row`` (1-based), ``sheet`` (XLSX sheet name).
"""

from __future__ import annotations

import csv
import io
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from itertools import zip_longest
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.numbers import (
    LONG_SPAN_DAYS,
    date_order_shown,
    date_parts,
    decide_day_first,
    decide_decimal,
    order_by_span,
    parse_amount,
    parse_amount_column,
    parse_date,
    parse_date_column,
)
from ar_excel.bank.statement import (
    Statement,
    StatementBalance,
    check_running_balance,
    clean_text,
    lines_frame,
    signs_from_running_balance,
    tie_out,
)
from ar_excel.bank.text import decode_bytes
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, normalize_digits, parse_currency
from ar_excel.schema import BANK

OPTION_KEYS = {"decimal", "date_format", "day_first", "delimiter", "header_row", "sheet"}
HEADER_SCAN_ROWS = 40

# Columns the contract does not name but exports carry and the importer uses.
EXTRA_FIELDS: dict[str, tuple[str, ...]] = {
    "_sign": ("Debit/Credit", "Credit/Debit", "D/C", "C/D", "Cr/Dr", "Dr/Cr", "DC", "CD",
              "Soll/Haben", "S/H", "Sens", "Debit Credit Indicator", "CdtDbtInd", "مدين/دائن",
              "Af Bij", "Af/Bij"),
    "_posting_text": ("Posting Text", "Buchungstext", "Transaction Type", "Type d'opération",
                      "نوع العملية", "Mutatiesoort"),
    "_status": ("Status", "Booking Status", "الحالة", "Info"),  # Sparkasse: "Umsatz vorgemerkt"
}
# Narrative split over numbered columns: "VWZ1".."VWZ14", "Description 1", "Verwendungszweck 2".
_PART_STEMS = ("vwz", "description", "verwendungszweck", "narrative", "details", "memo",
               "libelle", "remittanceinformation", "purpose", "البيان", "الوصف")  # folded keys
_TOTAL_RE = re.compile(r"(?i)^\s*((page|sub|grand)[\s-]*)?(total|totals|sum|summe|gesamt|"
                       r"المجموع|الإجمالي|اجمالي|إجمالي|الاجمالي|مجموع|totaux|solde total)\b")
# a dated row is a totals row only when its label says nothing else ("Total", "Page total:",
# "Total debits"), never a payment to "TOTAL ENERGIES"
_TOTAL_LABEL = re.compile(r"(?i)^\s*((page|sub|grand)[\s-]*)?(totals?|sum|summe|gesamt|"
                          r"المجموع|الإجمالي|اجمالي|إجمالي|الاجمالي|مجموع|totaux)"
                          r"(\s+(debits?|credits?|for\s.*|of\s.*|الصفحة|الحركات|المدين|الدائن))?"
                          r"\s*:?\s*$")
_TOTAL_CREDITS = re.compile(r"(?i)credit|deposit|دائن|إيداع|ايداع|haben|crédit")
_TOTAL_DEBITS = re.compile(r"(?i)debit|withdrawal|مدين|سحب|soll|débit")
_OPENING_RE = re.compile(r"(?i)(opening|start|beginning|previous|alter|anfangs|ouverture|"
                         r"initial)\s*(balance|saldo|kontostand|solde)|solde\s+(initial|"
                         r"d'ouverture|précédent)|الرصيد\s*(الافتتاحي|الافتتاحى|السابق|أول|اول|المنقول|المدور)|"
                         r"رصيد\s*(افتتاحي|افتتاحى|أول|اول|منقول|مدور|سابق)|brought\s*forward|\bb\s*/\s*f(wd)?\b|"
                         r"\bbal(ance)?\s*b/?f\b|übertrag|report\s+à\s+nouveau")
_CLOSING_RE = re.compile(r"(?i)(closing|ending|end|final|neuer|schluss|clôture|cloture)\s*"
                         r"(balance|saldo|kontostand|solde)|solde\s+(final|de clôture)|"
                         r"الرصيد\s*(الختامي|الختامى|النهائي|النهائى|الحالي|المرحل)|"
                         r"رصيد\s*(آخر|اخر|مرحل|ختامي|ختامى|نهائي|نهائى)|"
                         r"carried\s*forward|\bc\s*/\s*f(wd)?\b|\bbal(ance)?\s*c/?f\b")
_CURRENCY_LABEL = re.compile(r"(?i:currency|ccy|währung|devise|monnaie|العملة)\s*:?\s*"
                             r"([A-Z]{3})\b")
_BALANCE_WORD = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|brought\s*forward|"
                           r"carried\s*forward|\b[bc]\s*/\s*f(wd)?\b|übertrag|à nouveau")
_HEADER_CCY = re.compile(r"^(.*?)[\s_]*[(\[]\s*([A-Za-z]{3})\s*[)\]]\s*$|^(.*?)\s+in\s+([A-Z]{3})$")
_SYMBOL_CCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "ج.م": "EGP",
               "ر.س": "SAR", "د.إ": "AED", "﷼": "SAR"}
_PENDING = {"pending", "pend", "pdng", "vorgemerkt", "umsatz vorgemerkt", "en attente", "معلق",
            "قيد التنفيذ"}
# what exports write in a reference column that has none
_NO_REFERENCE = {"NOTPROVIDED", "NOT PROVIDED", "NONREF", "NONE", "N/A", "-"}
_DEBIT_MARKS = {"d", "dr", "debit", "db", "s", "soll", "-", "مدين", "سحب", "debet", "débit",
                "withdrawal", "w", "out", "af"}
_CREDIT_MARKS = {"c", "cr", "credit", "h", "haben", "+", "دائن", "إيداع", "ايداع", "crédit",
                 "deposit", "in", "bij"}


def _fold(text: Any) -> str:
    """match_key plus Latin accents dropped, so ``Débit`` finds ``Debit``."""
    key = match_key(text)
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _alias_keys() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for f in BANK.fields:
        keys[f.name] = list(dict.fromkeys(_fold(a) for a in (f.name, *f.aliases)))
    for name, aliases in EXTRA_FIELDS.items():
        keys[name] = list(dict.fromkeys(_fold(a) for a in aliases))
    return keys


ALIASES = _alias_keys()


@dataclass
class Layout:
    header_row: int  # 0-based index in rows
    columns: dict[str, int]  # canonical -> column index
    parts: list[int] = field(default_factory=list)  # numbered narrative columns
    currency_hint: str | None = None
    headers: list[str] = field(default_factory=list)
    note: str | None = None  # how the layout was decided, where the clerk should check it


def _split_header(cell: Any) -> tuple[str, str | None]:
    text = "" if cell is None else str(cell).strip()
    m = _HEADER_CCY.match(text)
    if m:
        name, ccy = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
        return name, ccy.upper()
    return text, None


def _match_columns(row: list[Any], mapping: dict[str, Any] | None) -> Layout | None:
    headers = ["" if c is None else str(c).strip() for c in row]
    split = [_split_header(c) for c in headers]
    keys = [_fold(name) for name, _ in split]
    columns: dict[str, int] = {}
    used: set[int] = set()
    if mapping:
        for canon, header in mapping.items():
            if canon in OPTION_KEYS or (canon == "Description" and isinstance(header, list)):
                continue
            want = _fold(_split_header(header)[0])
            idx = next((i for i, k in enumerate(keys) if k == want and i not in used), None)
            if idx is None:
                return None
            columns[canon] = idx
            used.add(idx)
    for canon, alias_keys in ALIASES.items():
        if canon in columns:
            continue
        for alias in alias_keys:  # the canonical name first, then aliases in order
            idx = next((i for i, k in enumerate(keys) if k == alias and i not in used), None)
            if idx is not None:
                columns[canon] = idx
                used.add(idx)
                break
    parts = []
    if mapping and isinstance(mapping.get("Description"), list):
        wanted = [_fold(h) for h in mapping["Description"]]
        parts = [i for i, k in enumerate(keys) if k in wanted]
    else:
        for i, k in enumerate(keys):
            stem = k.rstrip("0123456789")
            if i not in used and stem != k and stem in _PART_STEMS:
                parts.append(i)
    money_cols = {columns.get(c) for c in ("Amount", "Debit", "Credit", "Balance")}
    ccy = next((c for i, (_, c) in enumerate(split) if c and i in money_cols), None)
    return Layout(0, columns, parts, ccy, headers)


# Words that name a column's role in headers no alias spells out ("Trans Date", "Val Date",
# "Withdrawal Amt.", "Available Balance", "Débit euros", "Kontonummer/IBAN"): the fallback
# after the aliases, each role confirmed by the values under the header (dates, amounts).
_DATE_WORDS = {"date", "dt", "datum", "تاريخ", "fecha", "data", "tarih"}
_ROLE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Value Date", frozenset({"valuta", "valutadatum", "wertstellung", "valeur", "الاستحقاق",
                              "rentedatum"})),
    ("Date", frozenset(_DATE_WORDS)),
    ("Balance", frozenset({"balance", "bal", "saldo", "solde", "رصيد", "kontostand",
                           "bakiye"})),
    ("Debit", frozenset({"debit", "debits", "withdrawal", "withdrawals", "debet", "مدين",
                         "سحب", "مسحوبات", "soll", "ausgang", "retrait", "retraits",
                         "cargo", "cargos", "debito", "dare", "borc", "borç"})),
    ("Credit", frozenset({"credit", "credits", "deposit", "deposits", "دائن", "ايداع", "إيداع",
                          "إيداعات", "ايداعات", "haben", "eingang", "versement", "abono",
                          "abonos", "credito", "avere", "alacak"})),
    ("Amount", frozenset({"amount", "amt", "betrag", "montant", "مبلغ", "importe", "umsatz",
                          "bedrag", "importo", "valor", "tutar", "قيمة"})),
    ("Reference", frozenset({"ref", "reference", "referenz", "kundenreferenz", "chq", "cheque",
                             "check", "slip", "مرجع"})),
    ("Counterparty Account", frozenset({"iban", "tegenrekening"})),  # not "Kontonummer": GLS's own
    ("Counterparty", frozenset({"beguenstigter", "begunstigter", "zahlungspflichtiger",
                                "payer", "payee", "beneficiary", "counterparty", "empfanger",
                                "empfaenger", "auftraggeber", "remitter", "naam",
                                "مستفيد", "المستفيد"})),
    ("Description", frozenset({"description", "narration", "narrative", "details",
                               "particulars", "memo", "remarks", "بيان", "وصف", "تفاصيل",
                               "verwendungszweck", "libelle", "purpose", "omschrijving",
                               "mededelingen", "concepto", "descripcion", "descrizione",
                               "causale", "descricao", "historico", "aciklama", "acıklama",
                               "ملاحظات"})),
    ("Currency", frozenset({"currency", "ccy", "waehrung", "wahrung", "devise", "عملة"})),
)
_WORDS_OF = dict(_ROLE_WORDS)
_MONEY_ROLES = {"Amount", "Debit", "Credit", "Balance"}
_SAMPLE_ROWS = 200


def _header_words(header: str) -> set[str]:
    """Lower-case words of a header, accents dropped, Arabic 'ال' also taken off."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)  # "PostingDate"
    text = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))
    words = set(re.findall(r"[^\W_]+", text))
    return words | {w[2:] for w in words if w.startswith("ال") and len(w) > 4}


_HIJRI_WORDS = {"هجري", "الهجري", "هجرى", "hijri", "hijrah", "hegira"}  # Saudi exports' second date
# the payment as instructed abroad ("Original Amount", "Orig Ccy"), not the account's money
_FOREIGN_WORDS = {"original", "orig", "instructed", "foreign", "fx", "source", "الأصلي",
                  "الاصلي", "الأصلية", "الاصلية", "ursprungsbetrag"}


def _role_by_words(header: str, taken: set[str]) -> str | None:
    words = _header_words(header)
    if words & _HIJRI_WORDS or words & _FOREIGN_WORDS:
        return None
    if words & _WORDS_OF["Debit"] and words & _WORDS_OF["Credit"]:  # "Debit/Credit ..."
        return "Amount" if words & _WORDS_OF["Amount"] and "Amount" not in taken else None
    for canon, keys in _ROLE_WORDS:
        hit = bool(words & keys)
        if canon == "Value Date":
            hit = hit or bool(words & {"value", "val", "قيمة"} and words & _DATE_WORDS)
        if hit and canon not in taken:
            return canon
    return None


def _is_gregorian_date(value: Any) -> bool:
    """A date of this era (a Hijri 1448/05/11 in a Saudi export's second column is not)."""
    try:
        stamp = parse_date(value)
    except (ValueError, OverflowError):
        return False
    return stamp is not None and 1900 <= stamp.year <= 2100


def _values_read_as(rows: list[list[Any]], idx: int, canon: str) -> bool:
    """Whether the values under a header guessed from its words fit the role: dates for a
    date column, amounts for a money column (at least 4 in 5; a column blank in the sample
    passes)."""
    if canon not in _MONEY_ROLES and canon not in ("Date", "Value Date"):
        return True
    values = [r[idx] for r in rows[:_SAMPLE_ROWS] if idx < len(r) and not is_blank(r[idx])]
    ok = 0
    for v in values:
        if canon in _MONEY_ROLES:
            if isinstance(v, str) and not re.search(r"\d", v):
                continue
            for mark in (".", ","):
                try:
                    parse_amount(v, mark)
                    ok += 1
                    break
                except ValueError:
                    pass
        else:
            if isinstance(v, str) and not re.search(r"\d", v):
                continue
            ok += _is_gregorian_date(v)
    return ok >= 0.8 * len(values)


def _add_roles_by_words(rows: list[list[Any]], layout: Layout, data_from: int) -> None:
    """Give the headers no alias names a role from their words (see ``_ROLE_WORDS``)."""
    used = set(layout.columns.values()) | set(layout.parts)
    data = rows[data_from:]
    for idx, header in enumerate(layout.headers):
        if idx in used or not header:
            continue
        taken = set(layout.columns)
        if taken & {"Debit", "Credit"}:
            # the money is in Debit/Credit; another amount ("Original Amount (USD)") is not it
            taken.add("Amount")
        canon = _role_by_words(_split_header(header)[0], taken)
        if canon is None and "Description" in layout.columns and _role_by_words(
                _split_header(header)[0], set(layout.columns) - {"Description"}
        ) == "Description" and any(isinstance(r[idx], str) and " " in r[idx].strip()
                                   for r in data[:_SAMPLE_ROWS] if idx < len(r)):
            # a second narrative column of free text ("Mededelingen", "Memo"), not of codes
            layout.parts.append(idx)
            used.add(idx)
            continue
        if canon and _values_read_as(data, idx, canon):
            layout.columns[canon] = idx
            used.add(idx)
            if canon in _MONEY_ROLES and layout.currency_hint is None:
                layout.currency_hint = _split_header(header)[1]


def _sign_column_by_values(rows: list[list[Any]], layout: Layout, data_from: int) -> None:
    """An amount without a sign, next to a column whose every value is a debit/credit mark
    ("CR"/"DR", "Credit"/"Debit", "دائن"/"مدين") under a header no alias names ("Type",
    "نوع الحركة"): that column gives the sign."""
    cols = layout.columns
    if "Amount" not in cols or "_sign" in cols:
        return
    used = set(cols.values()) | set(layout.parts)
    candidates = [i for i in range(len(layout.headers)) if i not in used]
    if "_posting_text" in cols:
        candidates.insert(0, cols["_posting_text"])
    data = rows[data_from: data_from + _SAMPLE_ROWS]
    for idx in candidates:
        marks = {str(r[idx]).strip().lower().rstrip(".") for r in data
                 if idx < len(r) and not is_blank(r[idx])}
        # both kinds written, in words or letters: one constant letter is some other code
        if (marks <= _DEBIT_MARKS | _CREDIT_MARKS and marks & _DEBIT_MARKS
                and marks & _CREDIT_MARKS and any(m.isalpha() for m in marks)):
            if cols.get("_posting_text") == idx:
                del cols["_posting_text"]
            cols["_sign"] = idx
            return


def _layout_by_values(rows: list[list[Any]]) -> Layout | None:
    """A file without a header row (Wells Fargo's CSV: date, amount, *, check number,
    description): the columns told apart by their values, where that is unambiguous - one
    date column, one column of amounts with cents or signs, the longest text the narrative."""
    sample = [r for r in rows[:_SAMPLE_ROWS] if any(not is_blank(c) for c in r)]
    if len(sample) < 2:
        return None
    width = max(len(r) for r in sample)
    dates, amounts, texts = [], [], []
    for i in range(width):
        values = [r[i] for r in sample if i < len(r) and not is_blank(r[i])]
        if not values:
            continue
        as_text = [normalize_digits(v).strip() if isinstance(v, str) else v for v in values]
        if all(_is_gregorian_date(v) and (not isinstance(v, str) or _DATE_TEXT.search(v)
                                          or re.fullmatch(r"\d{4}-\d{2}-\d{2}", v))
               for v in as_text):
            dates.append(i)
        elif all(isinstance(v, str) and re.fullmatch(r"[-+(]?\d[\d,.' ]*\)?", v)
                 for v in as_text):
            if any(re.search(r"[.,]\d{1,2}\)?$|^[-(]", v) for v in as_text):
                amounts.append(i)  # cents or a sign: money, not a cheque or serial number
        elif all(isinstance(v, str) for v in values):
            texts.append((sum(len(v) for v in values) / len(values), i))
    if len(dates) != 1 or len(amounts) != 1:
        return None
    columns = {"Date": dates[0], "Amount": amounts[0]}
    if texts:
        columns["Description"] = max(texts)[1]
    placed = ", ".join(f"{canon} = column {idx + 1}" for canon, idx in columns.items())
    return Layout(-1, columns, [], None, [],
                  note=f"the file has no header row; its columns were read from their values: "
                       f"{placed}. If that is wrong, add a header row (Date, Amount, Description) "
                       "to the file")


def _merge_second_header_row(rows: list[list[Any]], layout: Layout) -> None:
    """A header over two rows (merged cells in Excel exports: "المبلغ" over "مدين | دائن",
    "Amount" over "Debit | Credit"): the second row names the columns under the first's
    group, and the lines start after it."""
    r = layout.header_row + 1
    if r >= len(rows):
        return
    cells = ["" if is_blank(c) else str(c).strip() for c in rows[r]]
    if not any(cells):
        return
    sub = _match_columns(rows[r], None)
    named = set(sub.columns.values()) if sub else set()
    # every filled cell of the row is a column name, at least one of them money
    if sub is None or any(c and i not in named for i, c in enumerate(cells)) or not (
            _MONEY_ROLES & set(sub.columns)):
        return
    for canon, idx in sub.columns.items():
        held = next((c for c, i in layout.columns.items() if i == idx), None)
        if held is not None and held not in _MONEY_ROLES:
            continue  # the first row's own name wins over a stray second-row one
        if held is not None:
            del layout.columns[held]
        layout.columns.pop(canon, None)
        layout.columns[canon] = idx
    layout.headers = [sub_name or top for top, sub_name in
                      zip_longest(layout.headers, cells, fillvalue="")]
    layout.header_row = r


def find_layout(rows: list[list[Any]], mapping: dict[str, Any] | None, source: str) -> Layout:
    """The header row and what each column holds; InputError when it cannot be decided."""
    if mapping and mapping.get("header_row"):
        candidates = [int(mapping["header_row"]) - 1]
    else:
        candidates = list(range(min(len(rows), HEADER_SCAN_ROWS)))
    best: Layout | None = None
    anchors = {"Date", "Value Date", "Amount", "Debit", "Credit", "Balance"}
    for by_words in (False, True):  # the aliases first; header words only where they fail
        for r in candidates:
            if r >= len(rows):
                break
            layout = _match_columns(rows[r], mapping)
            if layout is None:
                continue
            if by_words:
                _add_roles_by_words(rows, layout, r + 1)
            contract_cols = [c for c in layout.columns if not c.startswith("_")]
            # an account-info line ("Account Number: .., Currency: ..") is not the header;
            # headers read from their words need a date, money and a third column
            enough = (len(contract_cols) + (1 if layout.parts else 0)
                      >= (3 if by_words else 2))
            if enough and anchors & set(contract_cols) and (not by_words or (
                    {"Date", "Value Date"} & set(contract_cols)
                    and _MONEY_ROLES & set(contract_cols))):
                layout.header_row = r
                best = layout
                break
        if best is not None:
            if not (mapping and mapping.get("header_row")):
                _merge_second_header_row(rows, best)
            if not by_words:
                _add_roles_by_words(rows, best, best.header_row + 1)
            _sign_column_by_values(rows, best, best.header_row + 1)
            break
    if best is None and mapping:
        wanted = [h for k, h in mapping.items() if k not in OPTION_KEYS]
        raise InputError(
            f"{source}: the mapping names headers not found in one row of the file: {wanted}; "
            "check their spelling against the file's header row"
        )
    if best is None:
        best = _layout_by_values(rows)
    if best is None:
        first = next((r for r in rows if any(str(c).strip() for c in r if c is not None)), [])
        raise InputError(
            f"{source}: could not find the header row of the bank statement (looked in the first "
            f"{HEADER_SCAN_ROWS} rows for column names such as Date, Amount, Debit, Credit, "
            f"Description; the first row is {[str(c) for c in first][:8]}). Name the columns "
            "with --bank-columns \"Date=<date header>;Amount=<amount header>\" (for the Excel "
            "buttons: the Policy key bank_columns)"
        )
    cols = best.columns
    if "Date" not in cols and "Value Date" not in cols:
        guessed = _date_column_by_content(rows, best)
        if guessed is None:
            raise InputError(
                f"{source}: could not decide which column holds the booking date (headers: "
                f"{_header_list(best)}). Name it with --bank-columns \"Date=<header of the date column>\""
            )
        cols["Date"] = guessed
    if "Amount" not in cols and "Debit" not in cols and "Credit" not in cols:
        raise InputError(
            f"{source}: could not decide which column holds the amount (headers: "
            f"{_header_list(best)}). Name it with --bank-columns \"Amount=<signed amount header>\" "
            "or \"Debit=<money out header>;Credit=<money in header>\""
        )
    return best


def _header_list(layout: Layout) -> str:
    return ", ".join(h for h in layout.headers if h) or "none"


def _date_column_by_content(rows: list[list[Any]], layout: Layout) -> int | None:
    data = rows[layout.header_row + 1: layout.header_row + 200]
    width = max((len(r) for r in data), default=0)
    found = []
    for i in range(width):
        if i in layout.columns.values():
            continue
        values = [r[i] for r in data if i < len(r) and r[i] not in (None, "")]
        if not values:
            continue
        ok = 0
        for v in values:
            if isinstance(v, str) and not re.search(r"\d[./\-]\d|\d{8}", v):
                continue
            ok += _is_gregorian_date(v)
        if ok >= max(1, 0.9 * len(values)):
            found.append(i)
    return found[0] if len(found) == 1 else None


def _cell(row: list[Any], idx: int | None) -> Any:
    if idx is None or idx >= len(row):
        return None
    v = row[idx]
    return v.strip() if isinstance(v, str) else v


def _constant(column: list[Any], blank: np.ndarray) -> bool:
    values = {str(v) for v, b in zip(column, blank, strict=True) if not b}
    return len(column) > 1 and len(values) <= 1


def _narratives_split_by_the_delimiter(data: list[list[Any]], layout: Layout, delimiter: str
                                       ) -> tuple[list[list[Any]], list[int]]:
    """Rows longer than the header because the narrative holds the delimiter unquoted
    ("TT IN ACME, LLC" in a comma file): the narrative's parts joined back, where that puts
    an amount or nothing in every money column. Returns the rows and the positions mended."""
    width = max((i + 1 for i, h in enumerate(layout.headers) if h), default=0)
    desc = layout.columns["Description"]
    money = [layout.columns[c] for c in ("Amount", "Debit", "Credit", "Balance")
             if c in layout.columns]
    if not money or width <= desc:
        return data, []
    longer = [pos for pos, row in enumerate(data) if len(row) > width and any(
        not is_blank(c) for c in row[width:])]
    if not longer or (len(longer) > 1 and len(longer) * 5 > len(data)):
        return data, []  # most rows fill columns the header does not name: a layout, no error
    out, mended = data, []
    for pos in longer:
        row = data[pos]
        filled = max((i + 1 for i, c in enumerate(row) if not is_blank(c)), default=0)
        extra = filled - width
        if extra <= 0 or len(row) < desc + extra + 1:
            continue
        joined = (row[:desc] + [delimiter.join(row[desc: desc + extra + 1])]
                  + row[desc + extra + 1:])
        if not _moneys(joined, money):
            continue
        if out is data:
            out = list(data)
        out[pos] = joined
        mended.append(pos)
    return out, mended


def _moneys(row: list[Any], money: list[int]) -> bool:
    """Whether every money cell of the row is blank or reads as an amount."""
    for i in money:
        cell = row[i] if i < len(row) else None
        if is_blank(cell):
            continue
        try:
            parse_amount(cell, ".")
        except ValueError:
            try:
                parse_amount(cell, ",")
            except ValueError:
                return False
    return True


def _currency_from_text(values: list[Any]) -> str | None:
    for v in values:
        if isinstance(v, str):
            for sym, code in _SYMBOL_CCY.items():
                if sym in v:
                    return code
            # a code written at the amount ("EGP 1,234.50", "1,234.50 AED"), not a word that
            # a row out of place put in a money column ("LLC")
            m = re.search(r"^\s*([A-Z]{3})\s*[-+(]?\s*\d|\d\s*([A-Z]{3})\s*$", v)
            if m:
                return m.group(1) or m.group(2)
    return None


class _Columns:
    """The data rows read column by column: each cell as the importer reads it (text stripped;
    None where a short row has no such cell) and which cells are blank."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.count = len(rows)
        self.raw = list(zip_longest(*rows)) if rows else []
        self.width = len(self.raw)
        self._cells: dict[int, list[Any]] = {}
        self._blank: dict[int, np.ndarray] = {}

    def cells(self, idx: int | None) -> list[Any]:
        if idx is None or idx >= self.width:
            return [None] * self.count
        if idx not in self._cells:
            column = self.raw[idx]
            if set(map(type, column)) == {str}:  # a CSV's cells: all text
                self._cells[idx] = list(map(str.strip, column))
            else:
                self._cells[idx] = [v.strip() if isinstance(v, str) else v for v in column]
        return self._cells[idx]

    def blank(self, idx: int | None) -> np.ndarray:
        if idx is None or idx >= self.width:
            return np.ones(self.count, dtype=bool)
        if idx not in self._blank:
            cells = self.cells(idx)
            if set(map(type, cells)) == {str}:
                self._blank[idx] = np.fromiter(map(operator.not_, cells), dtype=bool,
                                               count=len(cells))
            else:
                self._blank[idx] = np.array(
                    [not v if isinstance(v, str) else (v is None or (isinstance(v, float) and v != v))
                     for v in cells], dtype=bool)
        return self._blank[idx]


def _per_value(values: list[Any], fn: Any) -> list[Any]:
    """``fn`` of each value, computed once per distinct value (statements repeat codes)."""
    if set(map(type, values)) == {str}:  # text cells: the value is its own key
        table = {v: fn(v) for v in dict.fromkeys(values)}
        return list(map(table.__getitem__, values))
    done: dict[tuple[type, Any], Any] = {}
    out = []
    for v in values:
        key = (type(v), v)
        if key not in done:
            done[key] = fn(v)
        out.append(done[key])
    return out


def rows_to_statement(rows: list[list[Any]], row_numbers: list[int], source: str, fmt: str,
                      mapping: dict[str, Any] | None = None, day_first: bool | None = None,
                      delimiter: str = ",") -> Statement:
    """Parsed rows of a CSV or sheet (with their 1-based row numbers) -> Statement.

    The layout (header, column roles, decimal mark, date order) is decided once; the columns
    are then parsed whole. Only rows that may not be transactions (no readable date, or no
    amount: totals, balances, repeated headers, narrative carried over) are looked at one by one.
    """
    layout = find_layout(rows, mapping, source)
    cols = layout.columns
    header = layout.headers
    data = rows[layout.header_row + 1:]
    mended: list[int] = []
    if fmt == "csv" and "Description" in cols and header:
        data, mended = _narratives_split_by_the_delimiter(data, layout, delimiter)
    numbers = row_numbers[layout.header_row + 1:]
    options = mapping or {}
    table = _Columns(data)
    n = table.count

    date_idx = cols.get("Date", cols.get("Value Date"))
    amount_cols = [cols[c] for c in ("Amount", "Debit", "Credit", "Balance") if c in cols]
    decimal = options.get("decimal") or decide_decimal(  # row by row, as the file reads
        v for row in zip(*(table.cells(i) for i in amount_cols), strict=True) for v in row)
    date_values = dict.fromkeys([*table.cells(date_idx), *table.cells(cols.get("Value Date"))])
    first = options.get("day_first", day_first)
    date_format = options.get("date_format")
    # the statement period above the header ("11/01/2026 - 11/30/2026") shows the order too
    preamble = rows[: max(layout.header_row, 0)]
    shown = date_order_shown([*date_values, *_date_texts(preamble)])
    dayfirst = decide_day_first([], first) if shown is None else shown
    order_note = None
    if shown is None and "day_first" not in options and not date_format:
        by_span = order_by_span(list(date_values), dayfirst)
        if by_span != dayfirst:
            order_note = _order_note(list(date_values), by_span)
            dayfirst = by_span
    # a narrative column with the same text on every row names the account product, not the line
    parts = [i for i in layout.parts if not _constant(table.cells(i), table.blank(i))]
    desc_cols = ([cols["Description"]] if "Description" in cols and not (
        parts and _constant(table.cells(cols["Description"]), table.blank(cols["Description"])))
        else []) + parts

    found: list[tuple[int, int, Issue]] = []  # (row position, order within the row, issue)
    balances = StatementBalance("1")

    def issue(pos: int, order: int, canon: str, value: Any, message: str) -> None:
        idx = cols.get(canon)
        name = header[idx] if idx is not None and idx < len(header) else canon
        found.append((pos, order, Issue(source, f"row {numbers[pos]}", name, value, message)))

    if layout.note:
        found.append((-1, -1, Issue(source, "", "", None, layout.note)))
    for pos in mended:
        found.append((pos, -1, Issue(
            source, f"row {numbers[pos]}", header[cols["Description"]],
            data[pos][cols["Description"]],
            "the narrative holds the file's delimiter without quotes, which split it over "
            "the next columns; its parts were joined back and the line kept")))
    if order_note is not None:
        found.append((-1, 0, Issue(source, "", header[date_idx] if date_idx is not None
                                   and date_idx < len(header) else "Date", order_note[0],
                                   order_note[1])))
    stated_ccy = _read_preamble(preamble, balances, decimal, dayfirst)
    file_ccy = layout.currency_hint or stated_ccy or _currency_from_text(
        [_cell(r, i) for r in data[:50] for i in amount_cols])

    raw_dates = table.cells(date_idx)

    def unswapped(idx: int, cells: list[Any]) -> list[Any]:
        """The column with dates Excel swapped put right, and an issue saying so."""
        swapped = _swapped_by_excel(cells) if dayfirst and not date_format else []
        if not swapped:
            return cells
        cells = list(cells)
        for pos in swapped:
            cells[pos] = _swap_day_month(cells[pos])
        rows_named = ", ".join(str(numbers[pos]) for pos in swapped[:10])
        found.append((-1, 1, Issue(
            source, "", header[idx] if idx < len(header) else "Date", len(swapped),
            f"{len(swapped)} dates were stored as dates with day and month swapped (rows "
            f"{rows_named}{' ...' if len(swapped) > 10 else ''}): the file went through Excel "
            "set to month first, which turned 01/11/2026 into 11 January and left 13/11/2026 "
            "as text. They were read day first, as the dates left as text show")))
        return cells

    raw_dates = unswapped(date_idx, raw_dates)
    booked, _, date_errors = parse_date_column(raw_dates, dayfirst, date_format)
    dated = ~np.isnat(booked)
    empty = (np.logical_and.reduce([table.blank(i) for i in range(table.width)])
             if table.width else np.ones(n, dtype=bool))
    no_money = table.blank(cols.get("Amount")) & table.blank(cols.get("Debit")) & table.blank(
        cols.get("Credit"))
    date_blank = table.blank(date_idx)
    main = ~empty

    # Rows without a readable date or without an amount may be repeated page headers, totals,
    # balances or narrative continued from the line above. A row repeating the header has the
    # header's date cell, no date, unless that header cell itself looks like one.
    header_keys = [_fold(h) for h in header]
    suspect = main & (~dated | no_money)
    for i in desc_cols:  # a dated totals or balance row with figures: "30/11/2026, Total, .."
        suspect |= main & _starts_with_total(table.cells(i))
    if date_idx is None or date_idx >= len(header_keys) or any(
            ch.isdigit() for ch in header_keys[date_idx]):
        suspect = main.copy()
    folded: dict[tuple[type, Any], str] = {}

    def fold(cell: Any) -> str:
        key = (type(cell), cell)
        if key not in folded:
            folded[key] = _fold(cell)
        return folded[key]

    continued: list[tuple[int, str, str]] = []  # (row position, narrative, row text)
    totals: list[tuple[int, str]] = []  # (row position, its label)
    page_heading = {_row_key(r) for r in preamble} - {()}
    closing_at = None  # the row of the last closing / carried-forward balance
    sections: list[tuple[int, str]] = []  # (row position, currency) of a section's label
    money = {cols[c] for c in ("Amount", "Debit", "Credit", "Balance") if c in cols}
    money_and_dates = money | {cols[c] for c in ("Date", "Value Date") if c in cols}
    for pos in np.flatnonzero(suspect).tolist():
        row = data[pos]
        if header_keys and all(fold(c) == k for c, k in zip(row, header_keys, strict=False)):
            main[pos] = False  # the header repeated on each page of a multi-page export
            continue
        if _row_key(row) in page_heading:
            main[pos] = False  # the account details above the header, repeated on each page
            continue
        texts = " ".join(str(c) for c in row if isinstance(c, str) and c.strip())
        label = " ".join(str(c).strip() for i, c in enumerate(row) if isinstance(c, str)
                         and c.strip() and i not in (money_and_dates if dated[pos] else money))
        if (_TOTAL_RE.search(label) and not dated[pos]) or _TOTAL_LABEL.match(label):
            main[pos] = False
            totals.append((pos, label))
            continue
        if _label_balance(row, texts, cols, balances, decimal, dayfirst, date_format):
            main[pos] = False
            if not _OPENING_RE.search(texts):
                closing_at = pos
            continue
        if no_money[pos] and not dated[pos]:
            section = _CURRENCY_LABEL.search(texts)
            code = section.group(1).upper() if section else _currency_named(row)
            if code:  # "Currency: USD" opening the next account's section of the export
                main[pos] = False
                sections.append((pos, code))
                continue
        if date_blank[pos] and no_money[pos]:
            main[pos] = False
            desc = clean_text(" ".join(str(_cell(row, i)) for i in desc_cols
                                       if not is_blank(_cell(row, i))))
            if desc:
                continued.append((pos, desc, texts))

    date_column = "Date" if "Date" in cols else "Value Date"
    for pos in np.flatnonzero(main & ~dated).tolist():
        raw = raw_dates[pos]
        if no_money[pos] and not is_blank(raw):  # "Page 1 of 2", a printed footer
            issue(pos, 0, date_column, raw, f"row with no date and no amount ('{raw}'): not a "
                  "transaction; left out")
            continue
        issue(pos, 0, date_column, raw, f"date '{raw}' could not be read "
              f"({date_errors.get(pos, 'blank')}); the line was left out")
    live = main & dated

    if "Value Date" in cols and "Date" in cols:
        raw_values = unswapped(cols["Value Date"], table.cells(cols["Value Date"]))
        value_dates, _, value_errors = parse_date_column(raw_values, dayfirst, date_format)
        for pos in sorted(value_errors):
            if live[pos]:  # the booking date is what matching needs: keep the line
                issue(pos, 1, "Value Date", raw_values[pos], f"value date '{raw_values[pos]}' "
                      "could not be read; the line was kept with its booking date")
    elif "Date" not in cols:
        value_dates = booked
    else:
        value_dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")

    amount, failed = _signed_amounts(table, cols, decimal, live, issue)
    live &= ~failed
    for pos in np.flatnonzero(live & np.isnan(amount)).tolist():
        issue(pos, 5, "Amount" if "Amount" in cols else "Credit", None,
              "no amount on this line; the line was left out")
    live &= ~np.isnan(amount)
    if "_status" in cols:
        statuses = table.cells(cols["_status"])
        pending = np.array(_per_value(statuses, lambda v: str(v or "").strip().lower()
                                      in _PENDING), dtype=bool)
        for pos in np.flatnonzero(live & pending).tolist():
            issue(pos, 6, "_status", statuses[pos],
                  "pending (not yet booked) line left out; it will come on a later statement")
        live &= ~pending

    kept = np.flatnonzero(live)
    if closing_at is not None and (kept < closing_at).any() and (kept > closing_at).any():
        # a page's "carried forward" with lines after it: not the statement's closing balance
        balances.closing = balances.closing_date = None
    for pos, label, text in _totals_that_differ(totals, data, cols, decimal, amount, kept):
        issue(pos, 0, "Amount" if "Amount" in cols else "Credit", label,
              "totals row left out, but it does not agree with the lines above it: " + text)
    descriptions = _descriptions(table, desc_cols, cols.get("_posting_text"), kept)
    if continued:  # narrative carried over to the next rows belongs to the line above
        last_kept = np.maximum.accumulate(np.where(live, np.arange(n), -1))
        carried: dict[int, list[str]] = {}
        for pos, desc, texts in continued:
            if last_kept[pos] >= 0:
                carried.setdefault(int(last_kept[pos]), []).append(desc)
            else:
                found.append((pos, 0, Issue(source, f"row {numbers[pos]}", "", texts,
                              "row has text but no date and no amount; not a transaction")))
        slot = {int(p): k for k, p in enumerate(kept.tolist())}
        for pos, more in carried.items():
            k = slot[pos]
            descriptions[k] = " ".join(filter(None, [descriptions[k], *more]))

    found.sort(key=lambda item: (item[0], item[1]))
    issues = [item[2] for item in found]
    if not len(kept) and issues:
        raise InputError(
            f"{source}: no line of the statement could be used; the first problem: "
            f"{issues[0].cell}, {issues[0].column}: {issues[0].message}. If a column was "
            "misread, name it with --bank-columns \"Date=<header>;Amount=<header>\" (also "
            "date_format=%d.%m.%Y, decimal=,)"
        )

    kept_rows = kept.tolist()

    def kept_cells(canon: str) -> list[Any]:
        if canon not in cols:
            return [None] * len(kept_rows)
        return list(map(table.cells(cols[canon]).__getitem__, kept_rows))

    balance = (parse_amount_column(kept_cells("Balance"), decimal)[0] if "Balance" in cols
               else None)  # an unreadable running balance does not cost the line
    line_numbers = np.asarray(numbers, dtype=np.int64)[kept] if n else np.zeros(0, np.int64)
    lines = lines_frame({
        "Date": booked[kept],
        "Value Date": value_dates[kept],
        "Amount": amount[kept],  # rounded to each currency's minor unit by lines_frame
        "Currency": [c or section_ccy for c, section_ccy in zip(
            _per_value(kept_cells("Currency"), _currency),
            _section_currencies(kept, sections, file_ccy), strict=True)],
        "Description": descriptions,
        "Reference": _references(_texts(kept_cells("Reference"))),
        "Counterparty": _texts(kept_cells("Counterparty")),
        "Counterparty Account": _counterparty_accounts(
            _texts(kept_cells("Counterparty Account")),
            header[cols["Counterparty Account"]] if "Counterparty Account" in cols
            and cols["Counterparty Account"] < len(header) else "", balances),
        "Bank Ref": _texts(kept_cells("Bank Ref")),
        "Balance": balance,
        "Statement": ["1"] * len(kept),
        "Line No": line_numbers.tolist(),
    }, len(kept))
    stated = [balances] if balances.opening is not None or balances.closing is not None else []
    if stated and lines["Currency"].notna().any():
        balances.currency = lines["Currency"].dropna().iloc[0]
    if ("Balance" in cols and "Amount" in cols and not {"_sign", "Debit", "Credit"} & set(cols)
            and len(lines) > 1 and (lines["Amount"] >= 0).all()):
        issues += _signs_from_balance(lines, balances.opening, source,
                                      header[cols["Amount"]] if cols["Amount"] < len(header)
                                      else "Amount")
    if "Balance" in cols:
        left_out = {int(i.cell[4:]) for i in issues if i.cell.startswith("row ")
                    and i.cell[4:].isdigit()}
        name = header[cols["Balance"]] if cols["Balance"] < len(header) else ""
        issues += check_running_balance(lines, source, name or "Balance", left_out)
    issues += tie_out(stated, lines, source)
    return Statement(lines, stated, issues, fmt, source)


def _descriptions(table: _Columns, desc_cols: list[int], posting_idx: int | None,
                  kept: np.ndarray) -> list[str]:
    """The narrative of each kept row: its narrative cells, then the posting text unless it
    repeats one of them."""
    columns = [(table.cells(i), table.blank(i)) for i in desc_cols]
    if len(columns) == 1 and posting_idx is None and set(map(type, columns[0][0])) == {str}:
        return list(map(columns[0][0].__getitem__, kept.tolist()))  # one narrative cell each
    posting = table.cells(posting_idx) if posting_idx is not None else None
    posting_blank = table.blank(posting_idx) if posting_idx is not None else None
    out = []
    for p in kept.tolist():
        parts = [str(values[p]) for values, blank in columns if not blank[p]]
        if posting is not None and not posting_blank[p] and str(posting[p]) not in parts:
            parts.append(str(posting[p]))
        out.append(" ".join(parts))
    return out


def _signed_amounts(table: _Columns, cols: dict[str, int], decimal: str, live: np.ndarray,
                    issue: Any) -> tuple[np.ndarray, np.ndarray]:
    """Credits positive, debits negative, from whichever columns the export has; NaN where a
    row has no amount. Returns the amounts and the rows whose amount could not be read (each
    reported, for the rows still ``live``)."""
    n = table.count
    failed = np.zeros(n, dtype=bool)

    def column(canon: str, order: int, report: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raw = table.cells(cols[canon])
        values, errors = parse_amount_column(raw, decimal)
        bad = np.zeros(n, dtype=bool)
        for pos in sorted(errors):
            bad[pos] = True
            if report[pos]:
                issue(pos, order, canon, raw[pos], f"{canon} '{raw[pos]}' could not be read "
                      f"as an amount ({errors[pos]}); the line was left out")
        return values, bad

    amount = np.full(n, np.nan)
    use_columns = np.ones(n, dtype=bool)
    if "Amount" in cols:
        amount, failed = column("Amount", 2, live)
        if "_sign" in cols:
            marks = _per_value(table.cells(cols["_sign"]),
                               lambda v: str(v or "").strip().lower().rstrip("."))
            debit = np.array([m in _DEBIT_MARKS for m in marks], dtype=bool)
            credit = np.array([m in _CREDIT_MARKS for m in marks], dtype=bool)
            amount = np.where(debit, -np.abs(amount), np.where(credit, np.abs(amount), amount))
        use_columns = np.isnan(amount) & ~failed  # no amount: the debit/credit columns say
    if "Debit" in cols or "Credit" in cols:
        debit = credit = np.full(n, np.nan)
        bad_debit = bad_credit = np.zeros(n, dtype=bool)
        if "Debit" in cols:
            debit, bad_debit = column("Debit", 3, live & use_columns)
        if "Credit" in cols:
            credit, bad_credit = column("Credit", 4, live & use_columns)
        failed |= use_columns & (bad_debit | bad_credit)
        net = np.where(np.isnan(credit), 0.0, np.abs(credit)) - np.where(
            np.isnan(debit), 0.0, np.abs(debit))
        net[np.isnan(debit) & np.isnan(credit)] = np.nan
        amount = np.where(use_columns, net, amount)
    return amount, failed


def _signs_from_balance(lines: Any, opening: float | None, source: str, column: str
                        ) -> list[Issue]:
    """Amounts printed without a sign and no column saying debit or credit: the running
    balance tells the money out (it falls by the amount). Applied only where the balance
    follows every line; each line read as money out is named in one issue."""
    found = signs_from_running_balance(lines["Amount"].to_numpy(dtype="float64"),
                                       lines["Balance"].to_numpy(dtype="float64"), opening)
    if found is None or not found[0].any():
        return []
    out, undecided = found
    lines["Amount"] = np.where(out, -lines["Amount"].to_numpy(), lines["Amount"].to_numpy())
    rows = lines["Line No"].to_numpy()[out].tolist()
    named = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
    issues = [Issue(source, "", column, len(rows),
                    f"the amounts carry no sign and no column says debit or credit; {len(rows)} "
                    f"lines were read as money out because the running balance falls by their "
                    f"amount (rows {named})")]
    if undecided is not None:
        row = int(lines["Line No"].iloc[undecided])
        issues.append(Issue(source, f"row {row}", column, float(lines["Amount"].iloc[undecided]),
                            "no balance before this line to tell whether it is money in or "
                            "out (the statement states no opening balance); read as money in"))
    return issues


_COUNTERPARTY_WORDS = {"counterparty", "payer", "payee", "beneficiary", "partner", "remitter",
                       "tegenrekening", "gegenkonto", "empfanger", "auftraggeber", "مستفيد",
                       "المحول", "المستفيد", "zahlungspflichtiger", "beguenstigter"}


def _counterparty_accounts(values: list[str | None], header: str,
                           balances: StatementBalance) -> list[str | None]:
    """A generic account column ("Account Number") holding one number on every line is the
    statement's own account (Lloyds, HSBC exports repeat it), not who paid: kept as the
    statement's account, and no line is said to come from it."""
    filled = {v for v in values if v}
    if (len(values) >= 3 and len(filled) == 1 and all(values)
            and not _header_words(header) & _COUNTERPARTY_WORDS):
        balances.account = balances.account or next(iter(filled))
        return [None] * len(values)
    return values


def _swap_day_month(value: Any) -> Any:
    return value.replace(month=value.day, day=value.month)


def _swapped_by_excel(cells: list[Any]) -> list[int]:
    """Positions of date cells Excel made from day-first text read month first.

    Opened in Excel set to month first, a day-first export keeps the dates that cannot be
    month first (13/11/2026) as text and turns the others into wrong dates (01/11/2026 ->
    11 January). The sign: text dates that show day first beside date cells that all have a
    day of 12 or less, which fall among the text dates only with day and month swapped.
    """
    if set(map(type, cells)) <= {str, type(None)}:
        return []  # a CSV's text: no date cells for Excel to have swapped
    stored = [i for i, v in enumerate(cells) if isinstance(v, date)]
    texts = [v for v in cells if isinstance(v, str) and date_parts(v) is not None]
    if not stored or not texts or date_order_shown(texts) is not True:
        return []
    if any(cells[i].day > 12 for i in stored):
        return []
    try:
        written = [parse_date(v, True) for v in texts]
    except (ValueError, OverflowError):
        return []
    low, high = min(written), max(written)

    def outside(days: list[pd.Timestamp]) -> int:
        return sum(not (low - pd.Timedelta(days=31) <= d <= high + pd.Timedelta(days=31))
                   for d in days)

    as_stored = [pd.Timestamp(cells[i]).normalize() for i in stored]
    as_swapped = [pd.Timestamp(_swap_day_month(cells[i])).normalize() for i in stored]
    return stored if outside(as_swapped) < outside(as_stored) else []


def _row_key(row: list[Any]) -> tuple[str, ...]:
    """A row's filled cells as text, to recognise the same row printed again."""
    return tuple(str(c).strip() for c in row if not is_blank(c))


def _totals_that_differ(totals: list[tuple[int, str]], data: list[list[Any]],
                        cols: dict[str, int], decimal: str, amount: np.ndarray,
                        kept: np.ndarray) -> list[tuple[int, str, str]]:
    """Totals rows whose figures are not the sums of the imported lines above them (from the
    start or from the totals row before: page totals) - a line missing or misread there.
    A totals row is left out either way; one that agrees needs no word."""
    out = []
    previous = -1
    for pos, label in totals:
        stated: dict[str, float] = {}
        for canon in ("Debit", "Credit", "Amount"):
            try:
                value = parse_amount(_cell(data[pos], cols.get(canon)), decimal)
            except ValueError:
                value = None
            if value is not None:
                stated[canon] = abs(value) if canon != "Amount" else value
        if "Amount" in stated:  # one column: a net total, or "Total credits" / "Total debits"
            if _TOTAL_CREDITS.search(label) and not _TOTAL_DEBITS.search(label):
                stated["Credit"] = abs(stated.pop("Amount"))
            elif _TOTAL_DEBITS.search(label) and not _TOTAL_CREDITS.search(label):
                stated["Debit"] = abs(stated.pop("Amount"))
        if not stated:
            continue

        def sums(lo: int, hi: int) -> dict[str, float]:
            part = amount[kept[(kept > lo) & (kept < hi)]]
            return {"Credit": round(float(part[part > 0].sum()), 3) + 0.0,
                    "Debit": round(float(-part[part < 0].sum()), 3) + 0.0,
                    "Amount": round(float(part.sum()), 3) + 0.0}

        # the lines above it, those since the totals row before (a page's), or all of them
        # (a summary printed at the top)
        found = [sums(-1, pos), sums(previous, pos), sums(-1, len(amount))]
        previous = pos
        if any(all(abs(got[k] - v) < 0.005 for k, v in stated.items()) for got in found):
            continue
        words = {"Debit": "debits", "Credit": "credits", "Amount": "net"}
        said = ", ".join(f"{words[k]} {v:,.2f}" for k, v in stated.items())
        whole = found[2] if not (kept < pos).any() else found[0]
        where = "the lines above" if (kept < pos).any() else "the lines"
        added = ", ".join(f"{words[k]} {whole[k]:,.2f}" for k in stated)
        out.append((pos, label, f"'{label}' says {said}; {where} add up to {added}; "
                                "a line may be missing from the file or misread"))
    return out


# after a "\0" that starts each cell: the scan looks for that one character first
_TOTAL_AT_CELL_START = re.compile("\0" + _TOTAL_RE.pattern.removeprefix("(?i)^"), re.I)
# a word every balance label has (lower case): the cells holding one are then read whole
_BALANCE_KEYS = ("balance", "saldo", "solde", "kontostand", "رصيد", "forward", "b/f", "c/f",
                 "fwd", "bertrag", "nouveau")  # "bertrag": "übertrag" without a slow letter


def _find_all(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` occurs in ``text`` (str.find: far faster than a regex of
    alternatives over a whole column)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return found
_PLACEHOLDER_CELL = re.compile(r"\0(?:notprovided|not provided|nonref|none|n/a|-|0+)(?=\0)",
                               re.I)


def _starts_with_total(cells: list[Any]) -> np.ndarray:
    """Which cells start like a totals row (``_TOTAL_RE``) or name a balance: one search over
    the column's text joined, not one per cell (a statement has tens of thousands of
    narratives, and a totals row or two)."""
    texts = cells if set(map(type, cells)) == {str} else [
        c if isinstance(c, str) else "" for c in cells]
    hits = np.zeros(len(texts), dtype=bool)
    joined = "\0" + "\0".join(texts)
    found = [m.start() for m in _TOTAL_AT_CELL_START.finditer(joined)]
    lower = joined.lower()
    keyed = _find_all(lower, _BALANCE_KEYS)
    if found or keyed:
        starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        hits[np.searchsorted(starts, found, side="right") - 1] = True
        cells = (set((np.searchsorted(starts, keyed, side="right") - 1).tolist())
                 if len(lower) == len(joined)  # else a letter changed length in lower case
                 else {k for k, t in enumerate(texts) if _find_all(t.lower(), _BALANCE_KEYS)})
        for k in cells:
            text = texts[k]  # a short cell naming a balance: "Opening Balance", "BALANCE B/F"
            hits[k] |= len(text) <= 60 and bool(_OPENING_RE.search(text)
                                                or _CLOSING_RE.search(text))
    return hits


def _references(values: list[str | None]) -> list[str | None]:
    """Reference cells, without the placeholders exports write where there is none
    (NOTPROVIDED, NONREF, N/A, a cheque number of zeros)."""
    if not _PLACEHOLDER_CELL.search("\0" + "\0".join(v or "" for v in values) + "\0"):
        return values  # most statements: one look at the whole column
    dropped = {v for v in set(values) if v is not None and (
        v.upper() in _NO_REFERENCE or not v.strip("0"))}
    return [None if v in dropped else v for v in values]


def _text(value: Any) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a check number read from a number cell
    return str(value)


def _texts(values: list[Any]) -> list[str | None]:
    """``_text`` of each (stripped) cell; most are plain non-empty strings."""
    if values and set(map(type, values)) == {str}:  # stripped text: empty is blank
        return [v or None for v in values]
    return [v if type(v) is str and v else None if v is None else _text(v) for v in values]


def _currency(value: Any) -> str | None:
    return None if is_blank(value) else parse_currency(value)


_LABEL_FILLER = re.compile(r"(?i)\b(as|of|at|on|for|the|period|date|في|بتاريخ)\b")


def _only_a_balance_label(row: list[Any], cols: dict[str, int]) -> bool:
    """Whether the row's text says nothing but 'Opening balance' (or closing, brought
    forward...), maybe 'as of <date>': some banks print the opening balance as a dated credit
    line, which is no money received."""
    money_and_dates = {cols[c] for c in ("Date", "Value Date", "Amount", "Debit", "Credit",
                                         "Balance", "_sign") if c in cols}
    label = " ".join(str(c) for i, c in enumerate(row)
                     if isinstance(c, str) and c.strip() and i not in money_and_dates)
    rest = _CLOSING_RE.sub(" ", _OPENING_RE.sub(" ", _DATES_IN_TEXT.sub(" ", label)))
    return not re.search(r"[^\W\d_]", _LABEL_FILLER.sub(" ", rest))


def _label_balance(row, texts, cols, balances: StatementBalance, decimal, dayfirst, fmt) -> bool:
    """An 'Opening balance' / 'Closing balance' row: record it, it is not a transaction."""
    if not _BALANCE_WORD.search(texts):
        return False
    is_open, is_close = bool(_OPENING_RE.search(texts)), bool(_CLOSING_RE.search(texts))
    if not (is_open or is_close):
        return False
    dated = not is_blank(_cell(row, cols.get("Date", cols.get("Value Date"))))
    moved = any(not is_blank(_cell(row, cols.get(c))) for c in ("Amount", "Debit", "Credit"))
    if dated and moved and not _only_a_balance_label(row, cols):
        return False  # a real line whose narrative happens to mention a balance
    value = None
    for canon in ("Balance", "Amount", "Credit", "Debit"):
        try:
            value = parse_amount(_cell(row, cols.get(canon)), decimal)
        except ValueError:
            value = None
        if value is not None:
            if canon == "Debit":
                value = -abs(value)
            break
    if value is None:
        value = _number_in_text(row, decimal)
    if value is None:
        return False
    try:
        when = parse_date(_cell(row, cols.get("Date")), dayfirst, fmt)
    except (ValueError, OverflowError):
        when = None
    if is_open:
        # each page repeats "brought forward": the first opens (the row may date the
        # preamble's opening balance)
        if balances.opening is None or (balances.opening == value
                                        and balances.opening_date is None):
            balances.opening, balances.opening_date = value, when
    else:  # and the last "carried forward" or closing balance closes
        balances.closing, balances.closing_date = value, when
    return True


# dates inside a balance label ("Ending balance as of 11/30/2026", "as at 30-Nov-2026"):
# their digits are not the balance
_DATES_IN_TEXT = re.compile(
    r"(?<![\d.,])(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|"
    r"\d{1,2}[\s-]+[^\W\d_]{3,9}\.?[\s-]+\d{4})(?![\d.,])")


def _number_in_text(row: list[Any], decimal: str) -> float | None:
    for cell in reversed(row):
        if isinstance(cell, (int, float)) and not isinstance(cell, bool) and cell == cell:
            return float(cell)
        if isinstance(cell, str):
            cell = _DATES_IN_TEXT.sub(" ", normalize_digits(cell))
        if isinstance(cell, str) and re.search(r"\d", cell):
            m = re.search(r"[-(]?\s*[$€£]?\s*\d[\d.,' ]*\d(?:\s*(?:CR|DR))?\)?|\d", cell)
            try:
                return parse_amount(m.group(0), decimal) if m else None
            except ValueError:
                continue
    return None


_CURRENCY_CELL = re.compile(r"(?i)^\s*(currency|ccy|währung|devise|monnaie|العملة|عملة الحساب)"
                            r"\s*:?\s*$")


def _section_currencies(kept: np.ndarray, sections: list[tuple[int, str]],
                        file_ccy: str | None) -> list[str | None]:
    """The currency of each kept row: the file's, or that of the last currency label above
    it (an export of several accounts, one section each)."""
    if not sections:
        return [file_ccy] * len(kept)
    starts = np.array([pos for pos, _ in sections])
    codes = [file_ccy] + [code for _, code in sections]
    return [codes[k] for k in np.searchsorted(starts, kept, side="right").tolist()]


def _currency_named(row: list[Any]) -> str | None:
    """A currency written by name beside its label: "العملة: | جنيه مصري", "Currency | US
    Dollar" (a code is read by ``_CURRENCY_LABEL``)."""
    cells = [str(c).strip() for c in row if not is_blank(c)]
    for label, value in zip(cells, cells[1:], strict=False):
        if _CURRENCY_CELL.match(label):
            code = parse_currency(value)
            return code if re.fullmatch(r"[A-Z]{3}", code) else None
    return None


def _read_preamble(rows: list[list[Any]], balances: StatementBalance, decimal: str,
                   dayfirst: bool) -> str | None:
    """Account-info lines above the header: keep stated balances; return a stated currency."""
    currency = None
    for row in rows:
        texts = " ".join(str(c) for c in row if not is_blank(c))
        m = _CURRENCY_LABEL.search(texts)
        if m and currency is None:
            currency = m.group(1).upper()
        elif currency is None:
            currency = _currency_named(row)
        for regex, attr in ((_OPENING_RE, "opening"), (_CLOSING_RE, "closing")):
            m = regex.search(texts)
            if not m:
                continue
            after = [c for c in row if not is_blank(c)]
            tail = _DATES_IN_TEXT.sub(" ", normalize_digits(texts[m.end():]))
            value = None
            m2 = re.search(r"[-(]?\s*[$€£]?\s*\d[\d.,' ]*\d(?:\s*(?:CR|DR))?\)?", tail)
            if m2:
                try:
                    value = parse_amount(m2.group(0).strip(), decimal)
                except ValueError:
                    value = None
            if value is None:
                value = _number_in_text(after, decimal)
            if value is not None:
                setattr(balances, attr, value)
    return currency


# ---------------------------------------------------------------- file readers

_DATE_TEXT = re.compile(r"(?<![\d.])\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?![\d.])")


def _date_texts(rows: list[list[Any]]) -> list[str]:
    """Numeric dates written in text cells (a preamble's statement period, 'as of ...')."""
    return [m.group(0) for row in rows for c in row if isinstance(c, str)
            for m in _DATE_TEXT.finditer(normalize_digits(c))]


def _order_note(values: list[Any], day_first: bool) -> tuple[str, str]:
    """The issue telling the clerk that the day/month order was decided by the span."""
    sample = next(v for v in values if date_parts(v) is not None)
    read = parse_date(sample, day_first)
    order = "day first" if day_first else "month first"
    other = "month first" if day_first else "day first"
    sep = next((c for c in str(sample) if c in "./- "), "/")
    year = "%Y" if re.search(r"\d{4}", str(sample)) else "%y"
    fmt = sep.join(("%m", "%d", year) if day_first else ("%d", "%m", year))  # the other order
    return sample, (
        f"every date of the statement reads both ways; read {order} ('{sample}' = "
        f"{read:%d %b %Y}) because {other} would spread the statement over more than "
        f"{LONG_SPAN_DAYS} days. If that is wrong, name the order with --bank-columns "
        f"\"date_format={fmt}\"")


def _first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting the whole of a long file."""
    size = 8192
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count + 1:  # the cut can only touch the lines after these
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most rows into the same number (>1) of fields."""
    sample = [line for line in _first_lines(text, 60) if line.strip()]
    best, best_score = ",", (-1, -1)
    for delim in (";", ",", "\t", "|", "\u060c"):  # U+060C: the Arabic comma
        counts: dict[int, int] = {}
        for fields in csv.reader(sample, delimiter=delim):
            counts[len(fields)] = counts.get(len(fields), 0) + 1
        width, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
        # rows agreeing on a width, weighted by how many separators each has: a decimal comma
        # splits a ';' file into 2 fields on every row, the ';' into more
        score = (freq * (width - 1), width)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
             encoding: str | None = None, day_first: bool | None = None) -> Statement:
    decoded = decode_bytes(data, encoding)
    text = decoded.text
    delim = (mapping or {}).get("delimiter") or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows = list(reader)
    numbers = list(range(1, len(rows) + 1))
    if reader.line_num != len(rows):  # a quoted cell spans lines: count each row's first line
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        rows, numbers = [], []
        start = 1
        for fields in reader:
            rows.append(fields)
            numbers.append(start)
            start = reader.line_num + 1
    if '="' in text:  # Excel-safe exports write text as a formula: ="000123", ="01/11/2026"
        rows = [[c[2:-1] if c.startswith('="') and c.endswith('"') else c for c in r]
                for r in rows]
    stmt = rows_to_statement(rows, numbers, path.name, "csv", mapping, day_first, delim)
    stmt.encoding = decoded.encoding
    stmt.issues[:0] = decoded.issues(path.name)
    return stmt


def read_xlsx(path: Path, mapping: dict[str, Any] | None = None,
              day_first: bool | None = None) -> Statement:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several of its own error types
        raise InputError(f"{path.name}: could not open the workbook ({exc})") from exc
    names = list(wb.sheet_names)
    wanted = (mapping or {}).get("sheet")
    bank_keys = {match_key(n) for n in (BANK.name, *BANK.aliases)}
    order = ([n for n in names if n == wanted] if wanted else
             [n for n in names if match_key(n) in bank_keys] + names)
    last_error: InputError | None = None
    for name in dict.fromkeys(order):
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        if not rows:
            continue
        try:
            stmt = rows_to_statement([list(r) for r in rows], list(range(1, len(rows) + 1)),
                                     f"{path.name}", "xlsx", mapping, day_first)
        except InputError as exc:
            last_error = exc
            continue
        for i, iss in enumerate(stmt.issues):  # name the sheet: the clerk opens it in Excel
            stmt.issues[i] = Issue(f"{path.name} [{name}]", iss.cell, iss.column, iss.value,
                                   iss.message)
        return stmt
    raise last_error or InputError(f"{path.name}: the workbook has no sheet with data")


class _TableRows(HTMLParser):
    """Cells of every <table> row in an HTML page (banks' "Excel" exports are often HTML),
    laid out as Excel shows them: a cell spanning columns or rows (``colspan``/``rowspan``: a
    header "Amount" over "Debit | Credit") fills the first position and leaves the others
    empty, so every column keeps its place. Closing tags HTML lets a page leave out
    (``</td>``, ``</tr>``) are supplied."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)  # colspan, rowspan of the open cell
        self._below: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def _skip_covered(self) -> None:
        """Empty cells where a cell of a row above reaches down."""
        assert self._row is not None
        while self._below.get(len(self._row), 0) > 0:
            self._below[len(self._row)] -= 1
            self._row.append("")

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "table":
            self._below = {}
        elif tag == "tr":
            if self._row is not None:
                self.handle_endtag("tr")
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            if self._cell is not None:
                self.handle_endtag(tag)
            named = dict(attrs)

            def span(key: str) -> int:
                text = str(named.get(key) or "1").strip()
                return max(1, min(int(text), 100)) if text.isdigit() else 1

            self._span = (span("colspan"), span("rowspan"))
            self._skip_covered()
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            columns, rows = self._span
            first = len(self._row)
            self._row.append(" ".join("".join(self._cell).split()))
            self._row.extend([""] * (columns - 1))
            if rows > 1:
                for col in range(first, first + columns):
                    self._below[col] = rows - 1
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._cell is not None:
                self.handle_endtag("td")
            self._skip_covered()
            for col, left in self._below.items():  # a row ending before a covered column
                if col >= len(self._row) and left > 0:
                    self._below[col] = left - 1
            self.rows.append(self._row)
            self._row = None
        elif tag == "table" and self._row is not None:
            self.handle_endtag("tr")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_html(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
              encoding: str | None = None, day_first: bool | None = None) -> Statement:
    decoded = decode_bytes(data, encoding)
    parser = _TableRows()
    parser.feed(decoded.text)
    parser.close()
    rows = parser.rows
    if not rows:
        raise InputError(f"{path.name}: an HTML file without a table of statement lines")
    stmt = rows_to_statement(rows, list(range(1, len(rows) + 1)), path.name, "html", mapping,
                             day_first)
    stmt.encoding = decoded.encoding
    stmt.issues[:0] = decoded.issues(path.name)
    return stmt
