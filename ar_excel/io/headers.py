"""Header rows and the columns they name.

A sheet's header is the first row (of its first ``HEADER_SEARCH_ROWS``) naming at least two of
its contract columns, by their names or aliases (EN/AR), a unit or currency in brackets or
after the name ignored ("Amount (EGP)", "Credit limit EGP"); failing that, the contract's rule:
the first row with two non-empty cells. Where two headers name one field the surer name wins;
with a tax column, the invoice total is the Amount, and an invoice list giving only its amount
before tax has that plus its tax as the Amount. Some required columns may be left out when
another column tells them (``DERIVED``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

import numpy as np

from ar_excel.model import column_letter
from ar_excel.names import match_key
from ar_excel.parsing import (
    is_blank,
    parse_money,
)
from ar_excel.schema import SheetSchema

HEADER_SEARCH_ROWS = 30  # a header further down than this is not a header


@cache  # asked for by every table read (16 times a book): the schemas are fixed, frozen
def alias_index(schema: SheetSchema) -> Mapping[str, str]:
    """Header key -> the field it names; shared between reads, hence read-only."""
    index: dict[str, str] = {}
    for f in schema.fields:  # canonical names first, so they win over another field's alias
        index.setdefault(match_key(f.name), f.name)
    for f in schema.fields:
        for alias in f.aliases:
            index.setdefault(match_key(alias), f.name)
    fields = {f.name for f in schema.fields}
    for alias, field in _MORE_ALIASES.get(schema.name, {}).items():
        if field in fields:
            index.setdefault(match_key(alias), field)
    return MappingProxyType(index)


# Headers as Egyptian and Gulf clerks word them that the contract's aliases do not name: a
# receipts book's "تاريخ الإيصال" / "المبلغ المقبوض" / "قيمة السند" (its Amount unread, the
# whole sheet was), an invoice list's "موعد الاستحقاق", "القيمة الإجمالية".
_MORE_ALIASES = {
    "Payments": {"تاريخ الإيصال": "Date", "تاريخ الايصال": "Date", "تاريخ القبض": "Date",
                 "تاريخ السند": "Date", "تاريخ الاستلام": "Date",
                 "المبلغ المقبوض": "Amount", "قيمة الإيصال": "Amount",
                 "قيمة الايصال": "Amount", "قيمة السند": "Amount", "المقبوض": "Amount",
                 "مبلغ السند": "Amount", "مبلغ الإيصال": "Amount",
                 "طريقة التحصيل": "Method", "طريقة القبض": "Method",
                 "مقابل الفاتورة": "Invoice No", "سداد الفاتورة": "Invoice No",
                 "عن الفاتورة": "Invoice No"},
    "Invoices": {"موعد الاستحقاق": "Due Date", "ميعاد الاستحقاق": "Due Date",
                 "ميعاد السداد": "Due Date", "موعد السداد": "Due Date",
                 "القيمة الإجمالية": "Amount", "إجمالي الفاتورة بعد الضريبة": "Amount",
                 "الإجمالي بعد الضريبة": "Amount", "الاجمالي بعد الضريبة": "Amount",
                 # SAP FBL5N's short column headings (document and local currency)
                 "Amount in DC": "Amount", "Amt in DC": "Amount", "Amt in loc.cur.": "Amount",
                 "Amount in local cur.": "Amount", "Pstng Date": "Invoice Date",
                 # Business Central's "Amount Including VAT" beside its "Amount" (before
                 # VAT), the same said other ways; Tally's bill and party columns
                 "Amount Including VAT": "Amount", "Amount Including Tax": "Amount",
                 "Amount Inc. VAT": "Amount", "Amount Incl. Tax": "Amount",
                 "Invoice Amount Incl. VAT": "Amount",
                 "Invoice Amount Including VAT": "Amount",
                 "المبلغ شامل ضريبة القيمة المضافة": "Amount",
                 "الإجمالي شامل ضريبة القيمة المضافة": "Amount",
                 "القيمة شاملة الضريبة": "Amount", "Bill Amount": "Amount",
                 "Party A/c Name": "Customer ID"},
    "Customers": {"اسم العميل بالكامل": "Name", "السجل الضريبي": "Tax ID",
                  "رقم السجل الضريبي": "Tax ID", "عملة التعامل": "Currency"},
}


# A header's unit or currency in brackets or after it ("Amount (EGP)", "Credit limit EGP",
# "المبلغ (ج.م)", "Terms [days]") is no part of its name.
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")

_UNIT_SUFFIX = re.compile(
    r"(?:\s+|\s*-\s*|\s*/\s*)(?:in\s+)?(?:EGP|USD|SAR|AED|KWD|QAR|BHD|OMR|EUR|GBP|LE|L\.E\.|"
    r"ج\.?\s?م\.?|جنيه|بالجنيه|ريال|بالريال|درهم|بالدرهم|\$|€|£)\s*$", re.IGNORECASE)


# Words clerks and exports shorten in headers ("Cust Code", "Inv Dt", "Amt", "Acct No",
# "Disc %", "VAT Reg No"), and how they read in full. A header is tried with them written
# out only when it matches no alias as it stands.
_SHORT_WORDS = {
    "cust": "customer", "custmr": "customer", "cus": "customer", "clt": "client",
    "debtor": "customer",  # a British ledger's debtors are its customers
    "acct": "account", "acc": "account", "a/c": "account",
    "inv": "invoice", "invc": "invoice", "amt": "amount", "dt": "date", "dte": "date",
    "curr": "currency", "ccy": "currency", "cur": "currency", "crncy": "currency",
    "disc": "discount", "pct": "%", "ref": "reference", "desc": "description",
    "nbr": "no", "num": "no", "no.": "no", "#": "no", "qty": "quantity",
    "pmt": "payment", "pymt": "payment", "rcpt": "receipt", "lmt": "limit", "lim": "limit",
    "trn": "tax id", "vat": "vat", "tel": "phone", "mob": "mobile",
    "vch": "voucher",  # Tally's "Vch No." / "Vch Type"
    "crcy": "currency", "lcurr": "local currency",  # SAP's short column headings
    # the same words in others: "Client Code", "Client No"; an invoice's or a receipt's
    # "Value" (its amount)
    "client": "customer", "value": "amount",
    # the Maghreb's and the Levant's words for a customer (الزبون), a code (رمز) and payment
    # (الأداء): "رمز الزبون", "اسم الزبون", "أجل الأداء"
    "الزبون": "العميل", "زبون": "عميل", "رمز": "كود", "الأداء": "السداد", "الاداء": "السداد",
}
# Words that only say a number is registered ("VAT Reg No" is the VAT No).
_FILLER = {"reg", "regn", "registration", "reg.", "regd"}
_WORD = re.compile(r"a/c|#|[^\s#/._:-]+\.?")


def _written_out(text: str) -> str | None:
    """The header with its shortened words written out ("Cust Code" -> "customer code"), or
    None when it has none."""
    words = _WORD.findall(text.lower())
    full = [_SHORT_WORDS.get(w, _SHORT_WORDS.get(w.rstrip("."), w.rstrip(".")))
            for w in words if w.rstrip(".") not in _FILLER]
    out = " ".join(full)
    return out if full and out != " ".join(w.rstrip(".") for w in words) else None


def _header_key(text: str, index: dict[str, str]) -> str | None:
    """The alias key a header matches: as written, else without its unit or currency, else
    with its shortened words written out."""
    # Xero marks its import's required columns "*Name"; other templates "Amount *"
    key = match_key(text.strip().strip("*"))
    if key in index:
        return key
    if "(" in text or "[" in text:
        key = match_key(_BRACKETED.sub(" ", text))
        if key in index:
            return key
    bare = _UNIT_SUFFIX.sub("", text)
    if bare != text and bare.strip() and match_key(bare) in index:
        return match_key(bare)
    full = _written_out(_BRACKETED.sub(" ", bare if bare.strip() else text))
    if full is not None and match_key(full) in index:
        return match_key(full)
    label = _SAP_FIELDS.get(key)
    if label is not None and match_key(label) in index:
        return match_key(label)
    plain = _KIND_OF_INVOICE.sub("", text)
    if plain != text and plain.strip() and (key := _header_key(plain, index)) is not None:
        return key
    return _bilingual_key(text, index)


# The kind of invoice a Gulf or Egyptian register names in its headings ("Tax Invoice No",
# "VAT Invoice Date", "Sales Invoice No", "رقم الفاتورة الضريبية"): a VAT law's word for the
# document, not another column; read without it. Only before (after, in Arabic) the
# invoice's own word, so "VAT Amount" and "Sales Person" stay what they are.
_KIND_OF_INVOICE = re.compile(
    r"(?i)\b(?:tax|vat|sales|commercial)\s+(?=inv)|(?<=فاتور[ةه])\s+ضريبي[ةه]"
    r"|(?<=الفاتور[ةه])\s+الضريبي[ةه]")


# SAP's tables exported under their field names (SE16N's "technical names": KNA1 and KNB1,
# the customer master; KNKK, its credit limits; BSID / BSAD, the customers' open and cleared
# items) and the heading each is shown under otherwise.
_SAP_FIELDS = {match_key(k): v for k, v in {
    "KUNNR": "Customer No", "NAME1": "Name 1", "ORT01": "City", "LAND1": "Country",
    "STCEG": "VAT Number", "STCD1": "Tax Number", "WAERS": "Currency",
    "KLIMK": "Credit Limit", "BELNR": "Document Number", "BLDAT": "Document Date",
    "DMBTR": "Amount in Local Currency", "FAEDT": "Net Due Date", "AUGBL": "Clearing Document",
}.items()}


# A bilingual header cell: the Arabic and the English name side by side ("رقم العميل /
# Customer No", "Credit Limit - حد الائتمان", one above the other in a wrapped cell).
_BOTH_SCRIPTS = re.compile(r"[\u0600-\u06ff].*[A-Za-z]|[A-Za-z].*[\u0600-\u06ff]", re.DOTALL)
_LANGUAGE_SPLIT = re.compile(r"\s*(?:[/|\n\r\\]|\s[-–]\s)\s*")
# ... or only a space between them ("رقم الفاتورة Invoice No", "Due Date تاريخ الاستحقاق")
_SCRIPT_CHANGE = re.compile(r"(?<=[\u0600-\u06ff])\s+(?=[A-Za-z])|(?<=[A-Za-z0-9.)])\s+"
                            r"(?=[\u0600-\u06ff])")


def _bilingual_key(text: str, index: dict[str, str]) -> str | None:
    """The key of the first part of a header in both scripts that names a column."""
    if not _BOTH_SCRIPTS.search(text):
        return None
    parts = [p for p in _LANGUAGE_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in _SCRIPT_CHANGE.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    for part in parts:
        if _BOTH_SCRIPTS.search(part):  # one language per part, or it is no such header
            continue
        if (key := _header_key(part, index)) is not None:
            return key
    return None


def header_field(text: str, index: dict[str, str]) -> str | None:
    """The schema field a header names: as written, else without its unit or currency."""
    key = _header_key(text, index)
    return None if key is None else index[key]


def fields_named(row: Iterable[Any], index: dict[str, str]) -> set[str]:
    return {f for f in (header_field(v, index) for v in row if isinstance(v, str)) if f}


def non_empty(row: Iterable[Any]) -> int:
    return sum(1 for v in row if not is_blank(v))


# A report's filter line above its header ("Customer: | All | Currency: | EGP | Date: |
# 30/11/2026") names columns too: its labels end in a colon, or a value beside them is a date
# or a number, as no header's is.
_FILTER_VALUE = re.compile(r"^\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\s*$")


def _filter_line(row: list[Any]) -> bool:
    return any(isinstance(v, str) and (v.rstrip().endswith((":", "：")) or
                                       _FILTER_VALUE.match(v))
               or (not is_blank(v) and not isinstance(v, str)) for v in row)


def find_header_row(rows: list[list[Any]], schema: SheetSchema) -> int | None:
    """The first row that names at least two of the schema's columns (but a report's filter
    line, when a row below it names more); failing that, the contract's rule: the first row
    with at least two non-empty cells."""
    index = alias_index(schema)
    first_two = None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if non_empty(row) < 2:
            continue
        if first_two is None:
            first_two = i
        known = fields_named(row, index)
        if len(known) >= 2:
            if _filter_line(row):
                below = next((k for k in range(i + 1, min(len(rows), HEADER_SEARCH_ROWS))
                              if len(fields_named(rows[k], index)) > len(known)), None)
                if below is not None:
                    return below
            return i
    return first_two


def two_row_header(rows: list[list[Any]], h: int, schema: SheetSchema) -> list[Any] | None:
    """A header written on two rows, a group label merged across the columns it heads
    ("Customer" over "Code" and "Name", "Invoice" over "No" and "Date"): the header as one
    row ("Customer Code", "Invoice Date"; a column labelled in one row only keeps that
    label), where the row under ``h`` holds only labels and the pair names more of the
    schema's columns than the row alone. None where it is no such header."""
    if h + 1 >= len(rows):
        return None
    upper, lower = rows[h], rows[h + 1]
    if non_empty(lower) < 2 or any(not is_blank(v) and not isinstance(v, str) for v in lower):
        return None
    index = alias_index(schema)
    combined: list[Any] = []
    group = None
    for j in range(max(len(upper), len(lower))):
        top = upper[j] if j < len(upper) else None
        below = lower[j] if j < len(lower) else None
        if not is_blank(top):
            group = str(top).strip()
        elif is_blank(below):
            group = None  # a blank column ends the merged label's span
        if is_blank(below):
            combined.append(top)
            continue
        below = str(below).strip()
        joined = f"{group} {below}" if group and group != below else below
        if header_field(joined, index) is None and header_field(below, index) is not None:
            joined = below
        combined.append(joined)
    if len(fields_named(combined, index)) <= len(fields_named(upper, index)):
        return None
    return combined


@cache
def _alias_rank(schema: SheetSchema) -> Mapping[str, int]:
    """How strongly an alias names its field: 0 for the field's own name, then the order of
    its aliases (``Customer Code`` names the Customer ID more surely than ``Customer``)."""
    rank: dict[str, int] = {}
    for f in schema.fields:
        rank.setdefault(match_key(f.name), 0)
    for f in schema.fields:
        for i, alias in enumerate(f.aliases, 1):
            rank.setdefault(match_key(alias), i)
    return MappingProxyType(rank)


# An invoice list with a tax column keeps its amount before tax under "Amount" and the
# invoice total (the contract's Amount) under one of these.
GROSS_AMOUNT = frozenset(match_key(h) for h in (
    "Total", "Invoice Total", "Gross Amount", "Amount Incl Tax", "Total Amount",
    "Total Incl VAT", "Amount Incl VAT", "Total Including VAT", "الإجمالي",
    "الإجمالي شامل الضريبة", "إجمالي الفاتورة", "القيمة الإجمالية"))

# An amount header saying it includes the tax ("Amount Including VAT", "Total Incl. VAT",
# "الإجمالي شامل الضريبة", "بعد الضريبة"), as match_key writes it.
_WITH_TAX = re.compile(r"(?:incl|including|inclusive|inc|with)(?:vat|tax|gst)|شامل[ةه]?(?:ال)?ضريب"
                       r"|بعدال?ضريب")

# (ض.ق.م: ضريبة القيمة المضافة as Egyptian books abbreviate it, "ض.ق.م 14%")
_TAX_HEADER = re.compile(r"^(?:vat|tax|gst|ال?ضريبه|قيمهالضريبه|مبلغالضريبه|ضريبهالقيمهالمضافه|"
                         r"ضقم|ضريبهقم)")


def technical_name(texts: list[Any], schema: SheetSchema) -> int | None:
    """In an export under the ERP's field names (ERPNext's ``name, customer, posting_date``,
    Odoo's ``name, partner_id, invoice_date``), the column ``name`` is the document's own
    number: for an invoice list, its Invoice No. None where the headers are no such export
    (``name`` alone, or headers in words)."""
    if schema.name != "Invoices" or "name" not in texts:
        return None
    snake = sum(1 for t in texts if isinstance(t, str) and "_" in t and " " not in t.strip())
    return texts.index("name") if snake >= 2 else None


# An amount kept twice, in the document's own currency and converted to the company's
# (NetSuite's "Amount (Foreign Currency)" beside "Amount", SAP's "Amount in Doc. Curr." beside
# "Amount in Local Currency"), and the currency column of each.
_DOCUMENT_CURRENCY = re.compile(
    r"(?:foreign|transaction|document|doc|trx|original|invoice)(?:currency|curr|ccy)|fcy$"
    r"|indc$")  # (SAP FBL5N's "Amount in DC" beside its "Amt in loc.cur." / "Amount in LC")
# SAP Business One's "Document Total (FC)" beside its "Document Total"
_FC = re.compile(r"(?i)\(\s*FC\s*\)\s*$")
_LOCAL_CURRENCY = re.compile(
    r"(?:local|company|base|functional|accounting|home|reporting)(?:currency|curr|ccy)|lcy$"
    r"|loccur|inlc$|^lcurr?$")
_AMOUNTS = ("Amount", "Balance", "Paid Amount")


def _in_document(text: str) -> bool:
    """Whether a header names an amount or currency in the document's own currency."""
    return bool(_DOCUMENT_CURRENCY.search(match_key(text)) or _FC.search(text))


def in_company_currency_beside(written: Mapping[str, str], names: list[str],
                               texts: list[Any]) -> dict[str, int]:
    """For each amount read in the document's own currency (``_in_document``), the
    position of the same amount in the company's currency beside it ("Document Total" beside
    "Document Total (FC)"): SAP Business One leaves the foreign-currency amount empty (or 0)
    on a document in the company's own currency, whose amount is then that one."""
    out: dict[str, int] = {}
    for field in _AMOUNTS:
        own = written.get(field)
        if not isinstance(own, str) or not _in_document(own):
            continue
        bare = match_key(_BRACKETED.sub(" ", own))
        if bare == match_key(own):
            continue
        for j, (name, text) in enumerate(zip(names, texts, strict=False)):
            if name not in written and isinstance(text, str) and match_key(text) == bare:
                out[field] = j
                break
    return out


def _in_document_currency(texts: list[str], keys: list[str | None], index: Mapping[str, str],
                          claims: dict[str, tuple[float, int]]) -> dict[str, tuple[float, int]]:
    """The claims with each amount read in the document's own currency where the export also
    gives it in the company's: the contract's amounts are in the invoice's Currency, and
    the one converted at the day's rate would age a EUR invoice of 10,000 as 11,700 EUR.
    The currency column follows: the document's where both are given."""
    def named(field: str) -> list[int]:
        return [j for j, k in enumerate(keys) if k is not None and index[k] == field]

    out = dict(claims)
    switched = False
    for field in _AMOUNTS:
        if field not in out or _in_document(texts[out[field][1]]):
            continue
        own = [j for j in named(field) if _in_document(texts[j])]
        if own:
            out[field] = (0, own[0])
            switched = True
    if switched and "Currency" in out and _LOCAL_CURRENCY.search(
            match_key(texts[out["Currency"][1]])):
        local = out["Currency"][1]
        # (FBL5N's document currency is a bare "Curr." beside its "LCurr")
        own = [j for j in named("Currency") if _in_document(texts[j])] or [
            j for j in named("Currency")
            if j != local and not _LOCAL_CURRENCY.search(match_key(texts[j]))]
        if own:
            out["Currency"] = (0, own[0])
    return out


_BARE_CUSTOMER = frozenset(match_key(h) for h in ("Customer", "Client", "العميل", "Debtor"))
# An Arabic package's account cards (Al-Ameen's chart of accounts: رقم الحساب beside اسم
# الحساب): the account's number is the customer's own, not a bank account of it.
_ACCOUNT_NUMBER, _ACCOUNT_NAME = match_key("رقم الحساب"), match_key("اسم الحساب")


def map_headers(header: list[Any], schema: SheetSchema, left: int) -> tuple[list[str], dict[str, str]]:
    """Column names for a header row: canonical where recognised, else the header as written
    (``Column X`` for a blank header). Returns the names and {canonical: header as written}.
    Where two headers name one field, the surer name wins (the field's own name, then its
    aliases in order; a header written plainly before the same with a unit or a bracket),
    then the leftmost; with a tax column, the invoice total is the
    Amount rather than an amount before tax."""
    index, rank = alias_index(schema), _alias_rank(schema)
    texts = ["" if is_blank(h) else str(h).strip() for h in header]
    keys = [_header_key(t, index) if t else None for t in texts]
    claims: dict[str, tuple[float, int]] = {}
    for j, key in enumerate(keys):
        if key is not None:
            # a header read without its brackets or unit ("Customer Name (Arabic)") gives way
            # to the same header written plainly ("Customer Name"), wherever it stands
            qualified = match_key(texts[j].lstrip("*")) != key
            claim = (rank.get(key, 99) + (0.5 if qualified else 0), j)
            claims[index[key]] = min(claims.get(index[key], claim), claim)
    if schema.name == "Customers" and "Customer ID" not in claims:
        # a list with "Customer" beside a name column ("Name 1", "Customer Name"), as SAP and
        # Sage export it: "Customer" is the customer's number, the other its name
        named = [j for j, k in enumerate(keys) if k is not None and index[k] == "Name"]
        bare = [j for j in named if keys[j] in _BARE_CUSTOMER]
        if len(named) > 1 and bare:
            claims["Customer ID"] = (99, bare[0])
            rest = [j for j in named if j != bare[0]]
            claims["Name"] = min((rank.get(keys[j], 99), j) for j in rest)
    bank = claims.get("IBAN / Bank Account")
    if schema.name == "Customers" and "Customer ID" not in claims and bank is not None and \
            keys[bank[1]] == _ACCOUNT_NUMBER and _ACCOUNT_NAME in keys:
        claims["Customer ID"] = (99, claims.pop("IBAN / Bank Account")[1])
    gross = [j for j, k in enumerate(keys) if k in GROSS_AMOUNT and index[k] == "Amount"]
    if gross and "Amount" in claims and keys[claims["Amount"][1]] not in GROSS_AMOUNT and any(
            _TAX_HEADER.match(match_key(t)) for t in texts if t):
        claims["Amount"] = (0, gross[0])
    # a header saying its amount includes the tax is the total even with no tax column
    # beside it (Business Central's "Amount" is before VAT, "Amount Including VAT" after)
    with_tax = [j for j, k in enumerate(keys) if k is not None and index[k] == "Amount"
                and _WITH_TAX.search(k)]
    if with_tax and "Amount" in claims and not _WITH_TAX.search(keys[claims["Amount"][1]]):
        claims["Amount"] = (0, with_tax[0])
    if schema.name in ("Invoices", "Payments"):
        claims = _in_document_currency(texts, keys, index, claims)
    document = technical_name(texts, schema)
    if document is not None and "Invoice No" not in claims:
        claims["Invoice No"] = (0, document)
        claims = {f: c for f, c in claims.items() if f == "Invoice No" or c[1] != document}
    owner = {j: field for field, (_, j) in claims.items()}
    names: list[str] = []
    written: dict[str, str] = {}
    for j, text in enumerate(texts):
        if j in owner:
            written[owner[j]] = text
            names.append(owner[j])
            continue
        name = text or f"Column {column_letter(left + j)}"
        while name in names or name in index.values():
            name += " (2)"
        names.append(name)
    return names, written


# An invoice list giving the amount before tax and the tax, but no invoice total.
NET_AMOUNT = frozenset(match_key(h) for h in (
    "Net Amount", "Net", "Net Value", "Amount Before Tax", "Amount Excl Tax", "Amount Excl VAT",
    "Amount Before VAT", "Taxable Amount", "الصافي", "صافي المبلغ", "المبلغ الصافي",
    "المبلغ قبل الضريبة", "القيمة قبل الضريبة", "القيمة الصافية"))

_NOT_TAX_AMOUNT = re.compile(r"rate|نسبه|^(?:vat|tax)(?:pct)?$|^vatpct|^taxpct|id$|no$|number")


def net_as_amount(kind: str, header: list[Any], names: list[str], written: dict[str, str]
                  ) -> int | None:
    """For an invoice list without an invoice total but with its amount before tax: that
    column is read as the Amount (in ``names``/``written``), and the position of the tax
    amount column to add to it is returned (None: no tax column, the net is the total)."""
    if kind != "Invoices" or "Amount" in written:
        return None
    keys = [match_key(h) if isinstance(h, str) else "" for h in header]
    net = next((j for j, k in enumerate(keys) if k in NET_AMOUNT and names[j] not in written), None)
    if net is None:
        return None
    names[net], written["Amount"] = "Amount", str(header[net]).strip()
    return next((j for j, k in enumerate(keys) if j != net and k and _TAX_HEADER.match(k)
                 and names[j] not in written and not _NOT_TAX_AMOUNT.search(k)), None)


# A discount given on an invoice list of net and VAT columns, taken off before the VAT (not a
# rate, nor the income tax the customer withholds at payment: خصم من المنبع).
_DISCOUNT_AMOUNT = frozenset(match_key(h) for h in (
    "Discount", "Discount Amount", "Discount Value", "الخصم", "خصم", "قيمة الخصم",
    "مبلغ الخصم", "الخصم التجاري", "خصم تجاري", "خصم الكمية"))


def discount_beside_net(header: list[Any], names: list[str], written: dict[str, str]
                        ) -> int | None:
    """The position of a discount amount column of an invoice list read as net + VAT
    (``net_as_amount``): the net is before it and the VAT after it, so the invoice total is
    net - discount + VAT. None when there is none (or it is read as another field)."""
    keys = [match_key(h) if isinstance(h, str) else "" for h in header]
    return next((j for j, k in enumerate(keys) if k in _DISCOUNT_AMOUNT
                 and names[j] not in written), None)


# A customer ledger giving each entry as a debit (an invoice) or a credit (a credit note, a
# receipt) in two columns, rather than one signed amount.
DEBIT = frozenset(match_key(h) for h in (
    "Debit", "Debits", "Dr", "Debit Amount", "Debit Amt", "Debit Value", "مدين", "المدين",
    "مبلغ مدين", "قيمة مدينة"))
CREDIT = frozenset(match_key(h) for h in (
    "Credit", "Credits", "Cr", "Credit Amount", "Credit Amt", "Credit Value", "دائن", "الدائن",
    "مبلغ دائن", "قيمة دائنة"))


def bare_key(text: Any) -> str:
    """A header's key without its unit or currency ("Debit (EGP)", "مدين ج.م")."""
    if not isinstance(text, str):
        return ""
    return match_key(_UNIT_SUFFIX.sub("", _BRACKETED.sub(" ", text)).strip())


def names_debit_and_credit(row: Iterable[Any]) -> bool:
    """Whether a header row has a Debit column and a Credit column."""
    keys = {bare_key(v) for v in row}
    return bool(keys & DEBIT) and bool(keys & CREDIT)


def debit_credit_as_amount(schema: SheetSchema, header: list[Any], names: list[str],
                           written: dict[str, str]) -> int | None:
    """For an invoice list kept as a ledger, with no amount column but a Debit and a Credit
    column: the debit column is read as the Amount (in ``names``/``written``), and the
    position of the credit column, to take from it, is returned (None: no such columns)."""
    if schema.name != "Invoices" or "Amount" in written:
        return None
    index = alias_index(schema)
    keys = [bare_key(h) for h in header]
    debit = next((j for j, k in enumerate(keys) if k in DEBIT and names[j] not in written), None)
    credit = next((j for j, k in enumerate(keys) if k in CREDIT and names[j] not in written), None)
    if debit is None or credit is None:
        return None
    names[debit], written["Amount"] = "Amount", str(header[debit]).strip()
    if "Balance" in written and bare_key(written["Balance"]) in RUNNING_BALANCE:
        # beside a ledger's debits and credits, "Balance" is the running balance (or each
        # line's debit less credit), not what is open of the item: an open amount column
        # (Odoo's "Amount Residual") is read instead, if any
        at = names.index("Balance")
        name = written.pop("Balance")
        while name in names or name in index.values():  # carried, as another unknown column
            name += " (2)"
        names[at] = name
        open_amount = [j for j, h in enumerate(header) if j != at and names[j] not in written
                       and isinstance(h, str) and header_field(h, index) == "Balance"
                       and bare_key(h) not in RUNNING_BALANCE]
        if open_amount:
            names[open_amount[0]], written["Balance"] = "Balance", str(
                header[open_amount[0]]).strip()
    return credit


# Headers that may name a customer's account or the ledger's (general ledger) account.
_LEDGER_ACCOUNT = frozenset(match_key(h) for h in ("Account", "Account No", "Account Number",
                                                    "الحساب", "رقم الحساب"))


# An account's code and name ("1100 Trade Debtors", "4010 Consulting"): so too a customer's
# own sub-account in ledgers that keep one per customer ("120101 شركة النيل للأغذية").
_CODE_AND_NAME = re.compile(r"^\d{3,}[\s-]+[^\W\d_]{3,}")
# The words of a receivable account's name, in both readings below.
_RECEIVABLE_WORDS = r"receivable|debtor|\ba/r\b|ذمم|المدينون"

# How a receivable (general ledger) account reads: its code and name ("121000 Account
# Receivable", "1100 Trade Debtors") or its name ("Accounts Receivable (A/R)", "Sundry
# Debtors", "ذمم مدينة - عملاء"); a customer's code ("C001", "100001") reads as none of these.
_LEDGER_ACCOUNT_VALUE = re.compile(
    rf"(?i){_RECEIVABLE_WORDS}|العملاء|{_CODE_AND_NAME.pattern}")


# How the general ledger's accounts read where a report prints each line's account (QuickBooks'
# Transaction List by Customer: the receivable for an invoice, "Undeposited Funds" for a
# payment): no customer's name reads so.
_GL_ACCOUNT_WORDS = re.compile(
    rf"(?i){_RECEIVABLE_WORDS}|undeposited|\bfunds\b|\bbank\b|\bcash\b|\bsales\b|"
    r"\bincome\b|\brevenue\b|\bdiscounts?\b|write.?off|مدينون|الصندوق|"
    r"النقدية|البنك|المبيعات|الإيرادات")
# The receivable account itself, as ledgers name it ("Accounts Receivable (A/R)", "1100
# Trade Debtors", "ذمم مدينة"): no customer is called so ("Receivables Finance Ltd" may be).
_RECEIVABLE_ACCOUNT = re.compile(
    r"(?i)\baccounts?\s+receivable|\ba/r\b|\btrade\s+(?:debtors|receivables)|"
    r"\bsundry\s+debtors|ذمم\s+مدينة|^\d{3,}[\s-]+.*(?:receivable|debtors)")


def gl_account_column(written: dict[str, str], names: list[str], rows: list[list[Any]]
                      ) -> int | None:
    """The position of a customer column that is the general ledger's account on every line
    ("Account" holding "Accounts Receivable (A/R)", "Undeposited Funds"...), or None: its
    customers are elsewhere (the report's headings). A column naming the receivable account
    on two lines or more is one though other lines name accounts in the company's own words
    (QuickBooks' "Checking" for a Deposit or a Refund Receipt, "Estimates" for an estimate):
    read as customers, every invoice fell under one 'Accounts Receivable (A/R)'."""
    if "Customer ID" not in written or bare_key(written["Customer ID"]) not in _LEDGER_ACCOUNT:
        return None
    at = names.index("Customer ID")
    lines = [v.strip() for r in rows if at < len(r) and isinstance(v := r[at], str) and v.strip()]
    seen = set(lines)
    others = [r[at] for r in rows if at < len(r) and not is_blank(r[at])
              and not isinstance(r[at], str)]
    if len(seen) < 2 or others:
        return None
    if all(_GL_ACCOUNT_WORDS.search(v) for v in seen):
        return at
    # Codes and names alone, or the receivable beside accounts in the company's own words:
    # only in a report whose customers head their lines, or beside another account worded
    # as one (a flat Transaction List's 'Undeposited Funds'). Else they are its customers
    # (sub-accounts '100001 Nile Foods'; a walk-in customer kept as 'Sundry Debtors'),
    # which read as the ledger's account left the list no customer at all.
    if not (_headed(rows) or any(_GL_ACCOUNT_WORDS.search(v) and not
                                 _RECEIVABLE_ACCOUNT.search(v) for v in seen)):
        return None
    if all(_GL_ACCOUNT_WORDS.search(v) or _CODE_AND_NAME.match(v) for v in seen) or sum(
            1 for v in lines if _RECEIVABLE_ACCOUNT.search(v)) >= 2:
        return at
    return None


def customer_beside_account(schema: SheetSchema, header: list[Any], names: list[str],
                            written: dict[str, str], account: int) -> bool:
    """Where the column taken for the customer (``account``) is each line's ledger account
    (``gl_account_column``), another column naming the customer by an alias of its own
    (QuickBooks' flat Transaction List: 'Name' beside 'Account') is the customer column, if
    there is exactly one; returns whether one was taken (in ``names`` / ``written``). Else the
    customers are the report's headings."""
    index = alias_index(schema)
    others = [j for j, h in enumerate(header) if j != account and names[j] not in written
              and isinstance(h, str) and header_field(h, index) == "Customer ID"]
    if len(others) != 1:
        return False
    names[others[0]], written["Customer ID"] = "Customer ID", str(header[others[0]]).strip()
    return True


def _headed(rows: list[list[Any]]) -> bool:
    """Whether the first line holding anything is a heading (a text alone: the customer a
    report's lines fall under), not a record."""
    first = next((r for r in rows if non_empty(r)), [])
    return non_empty(first) == 1 and any(isinstance(v, str) and v.strip() for v in first)


# An amount column headed as a due date is ("Due": Xero's Customer Invoice Report prints
# Invoice Total, Paid, Credited and Due, the amount still due, beside its Due Date).
_DUE = frozenset(match_key(w) for w in ("Due", "المستحق"))


def due_as_balance(kind: str, header: list[Any], names: list[str], written: dict[str, str],
                   rows: list[list[Any]]) -> None:
    """An invoice list with its Due Date and no open-amount column, beside which a column
    headed "Due" holds amounts, not dates: that column is the Balance (in ``names`` /
    ``written``), what is still due of each invoice after what was paid and credited. Not
    where one is more than its row's Amount or of the other sign: what is still due lies
    between nothing and the invoice (a hand-kept 'Due' of days to the due date, -60 on an
    invoice of 2,500.00, is no amount)."""
    if kind != "Invoices" or "Balance" in written or "Due Date" not in written:
        return
    amount_at = names.index("Amount") if "Amount" in written else None
    for j, h in enumerate(header):
        if names[j] in written or not isinstance(h, str) or match_key(h) not in _DUE:
            continue
        seen = [r[j] for r in rows if j < len(r) and not is_blank(r[j])]
        if seen and all(_number(v) is not None for v in seen) and (
                amount_at is None or _within_amounts(rows, j, amount_at)):
            names[j], written["Balance"] = "Balance", h.strip()
            return


def _within_amounts(rows: list[list[Any]], j: int, amount_at: int) -> bool:
    """Whether each row's figure in column ``j`` lies between 0 and its Amount (column
    ``amount_at``), where both are numbers: what may still be due of it."""
    for r in rows:
        due, amount = (_number(r[k]) if k < len(r) else None for k in (j, amount_at))
        if due is None or amount is None:
            continue
        if not min(0.0, amount) - 0.005 <= due <= max(0.0, amount) + 0.005:
            return False
    return True


def _number(value: Any) -> float | None:
    """A cell's number (text read as one), else None (a blank, a date, TRUE/FALSE)."""
    try:
        return parse_money(value)
    except (ValueError, TypeError):
        return None


def one_ledger_account(written: dict[str, str], names: list[str], rows: list[list[Any]]
                       ) -> int | None:
    """The position of a customer column that is the ledger's account ("Account" holding
    one value, the receivable account, on every row that has one), or None."""
    if "Customer ID" not in written or bare_key(written["Customer ID"]) not in _LEDGER_ACCOUNT:
        return None
    at = names.index("Customer ID")
    seen = [r[at] for r in rows if at < len(r) and not is_blank(r[at])]
    distinct = {v.strip() if isinstance(v, str) else v for v in seen}
    return at if len(seen) >= 2 and len(distinct) == 1 else None


def customer_column_that_varies(schema: SheetSchema, header: list[Any], names: list[str],
                                written: dict[str, str], columns: list[Any]) -> None:
    """Where two headers name the customer and the one taken holds a single value on every row
    while the other names several (Odoo's journal items: "Account" is the receivable
    account, "Partner" the customer), the other is the customer column."""
    if "Customer ID" not in written or len(columns) != len(names) or \
            bare_key(written["Customer ID"]) not in _LEDGER_ACCOUNT:
        return
    at = names.index("Customer ID")
    # the lines that are documents (a number beside them): a report's blank rows, totals
    # and footer lines carry no account
    number = next((names.index(n) for n in ("Invoice No", "Payment ID") if n in names), None)
    lines = np.ones(len(columns[at]), dtype=bool) if number is None else np.array(
        [not is_blank(v) for v in columns[number].tolist()], dtype=bool)
    if any(is_blank(v) for v in columns[at][lines].tolist()):
        return  # a receivable account is printed on every line

    def distinct(j: int) -> int:
        return len({v.strip() if isinstance(v, str) else v for v in columns[j][lines].tolist()
                    if not is_blank(v)})

    if lines.sum() < 3 or distinct(at) != 1 or not _LEDGER_ACCOUNT_VALUE.search(
            str(columns[at][lines][0]).strip()):
        return  # one customer's code on every row (a book of one customer): its customer
    index = alias_index(schema)
    others = [j for j, h in enumerate(header) if j != at and names[j] not in written
              and isinstance(h, str) and header_field(h, index) == "Customer ID"]
    other = next((j for j in others if distinct(j) > 1), None)
    if other is not None:
        names[at], names[other] = written["Customer ID"], "Customer ID"
        written["Customer ID"] = str(header[other]).strip()


RUNNING_BALANCE = frozenset(match_key(h) for h in (
    "Balance", "Running Balance", "Cumulative Balance", "الرصيد", "رصيد", "الرصيد التراكمي"))


# Required columns a sheet may leave out when another of its columns tells them: a receipts
# log that lists the invoice paid, not the customer, is the invoice's customer's; a customer
# list without codes (QuickBooks' and Xero's contacts) knows its customers by their names; an
# open-items report giving only each item's open balance (QuickBooks Desktop's Open
# Invoices) has that as the amount; an aging report giving only due dates has its invoice
# dates from them and the terms.
DERIVED = {("Payments", "Customer ID"): "Invoice No", ("Customers", "Customer ID"): "Name",
           ("Invoices", "Amount"): "Balance",  # an open-items report: its open balances
           # an aging report giving due dates only: the invoice date is worked out from the
           # terms where they are known, never copied (``invoice_dates``)
           ("Invoices", "Invoice Date"): "Due Date"}
# Of those, the ones not filled in from their source column as read.
NOT_COPIED = {("Payments", "Customer ID"), ("Invoices", "Invoice Date")}
