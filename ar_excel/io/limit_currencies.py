"""Credit limits kept in a column per currency (``Credit Limit EGP``, ``Credit Limit USD``,
``حد الائتمان (ج.م)``): each customer's limit is the one of its own currency. Where its
currency has no column (or it has none), the one limit filled on its row is taken; with
several filled and none of its currency, the first column's stands, as before, and an Input
Issue names the row. The reader reads the first column as the Credit Limit and carries the
others as written; this step picks, per row."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.core.local_currency import local_currency
from ar_excel.core.money import decimals_of
from ar_excel.io.headers import alias_index, header_field
from ar_excel.model import Book, Issue, Table, cell_ref
from ar_excel.names import match_key
from ar_excel.parsing import parse_column, parse_currency
from ar_excel.parsing.numbers import CURRENCY_WORDS
from ar_excel.schema import CUSTOMERS

_IN_THOUSANDS = re.compile(r"(?i)\([^)]*(?:'?\b000s?\b|thousands?|بالأ?[لا]ف|بالآلاف|ألف)[^)]*\)")


def in_thousands(header: str) -> bool:
    """A limit column headed as kept in thousands ("(EGP '000)", "(بالألف)")."""
    return bool(_IN_THOUSANDS.search(header))

_BRACKETED = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
_LAST_WORD = re.compile(r"(?:\s+|\s*[-/]\s*)([^\s()\[\]]+)\s*$")


def header_currency(header: str) -> str | None:
    """The ISO code a limit column's header names (``Credit Limit USD``, ``حد الائتمان
    (ج.م)``), or None."""
    m = _BRACKETED.search(header) or _LAST_WORD.search(header.strip())
    if m is None:
        return None
    unit = next(g for g in m.groups() if g is not None).strip()
    for said in (unit, *unit.split()):  # "(EGP '000)": the code among the words
        if (code := parse_currency(said)) in ISO_4217:
            return code
    return None


def limits_by_currency(parsed: dict[str, pd.Series], names: list[str], header: list[Any],
                       written: dict[str, str], columns: list[np.ndarray], sheet: str,
                       letters: dict[str, str], excel_rows: list[int],
                       decimal_comma: bool) -> list[Issue]:
    """Replace ``parsed["Credit Limit"]`` by each row's limit in its own currency, where the
    sheet has further limit columns named by currency; the Input Issues of rows left alone."""
    if "Credit Limit" not in parsed or "Currency" not in parsed:
        return []
    index = alias_index(CUSTOMERS)
    first = header_currency(written.get("Credit Limit", ""))
    more = [j for j, (n, h) in enumerate(zip(names, header, strict=False))
            if n not in index.values() and isinstance(h, str)
            and header_field(h, index) == "Credit Limit" and header_currency(h)]
    if first is None or not more:
        return []
    by_ccy = {first: parsed["Credit Limit"]}
    for j in more:
        ccy = header_currency(header[j])
        if ccy not in by_ccy:
            limits = parse_column(columns[j], "money", decimal_comma=decimal_comma)[0]
            if in_thousands(header[j]):  # "(USD '000)", as the first column's
                limits = limits.astype(float) * 1000
            by_ccy[ccy] = limits
    limits = parsed["Credit Limit"].copy()
    issues = []
    for pos, own in enumerate(parsed["Currency"].tolist()):
        filled = {c: s.iat[pos] for c, s in by_ccy.items() if pd.notna(s.iat[pos])}
        if own in filled:
            limits.iat[pos] = filled[own]
        elif len(filled) == 1:
            limits.iat[pos] = next(iter(filled.values()))
        elif len(filled) > 1:
            issues.append(Issue(sheet, f"{letters['Credit Limit']}{excel_rows[pos]}",
                                written["Credit Limit"], limits.iat[pos],
                                f"limits in {', '.join(sorted(filled))} and none in the "
                                f"customer's currency ({own or 'none'}): the {first} limit "
                                "is read"))
    parsed["Credit Limit"] = limits
    return issues


# Signs several currencies write their amounts with: "$" is any dollar, "£" the Egyptian
# pound as often as sterling, "ريال" any riyal, "درهم" any dirham. A limit so written is
# taken to be in the customer's currency where that is one of them.
_SHARED_SIGNS = {
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD"}),
    "£": frozenset({"GBP", "EGP", "LBP", "SYP", "SDG"}),
    "ريال": frozenset({"SAR", "QAR", "OMR", "YER"}),
    "درهم": frozenset({"AED", "MAD"}),
}


# a character no figure is written with: a currency's sign or letters may be there
_NOT_FIGURES = re.compile(r"[^\d\s.,()\-+'/\u066b\u066c]")


def _compared(code: str, limit: object) -> str:
    """What Credit Status does with a limit typed in ``code``, another currency than billed."""
    return (f"Credit Status compares {code} {float(limit):,.{decimals_of(code)}f} with what it "
            "owes converted at the Policy's exchange rates")


def _named_currency(text: str, own: str, codes: dict[str, str | None]) -> str | None:
    """The one currency a limit's text names, where it is not ``own``; None otherwise.
    ``codes``: each sign's ISO code, as worked out so far (a column repeats a few signs)."""
    code = _typed_currency(text, own, codes)
    return code if code != own else None


def limits_in_other_currencies(parsed: dict[str, pd.Series], names: list[str],
                               written: dict[str, str], columns: list[np.ndarray], sheet: str,
                               letters: dict[str, str], excel_rows: list[int]) -> list[Issue]:
    """An Input Issue at each limit typed with another currency than its customer's
    (``USD 10,000`` on a customer billed in EGP): the typed currency wins, and Credit Status
    compares the limit with what the customer owes converted into it (``limit_currencies``;
    not at all without a rate, the credit job says so), where a clerk may have meant the
    currency billed."""
    if "Credit Limit" not in parsed or "Currency" not in parsed or \
            "Credit Limit" not in names or header_currency(written.get("Credit Limit", "")):
        return []  # (a column headed with its currency: ``limits_by_currency``'s to judge)
    texts = [(pos, text) for pos, text in enumerate(columns[names.index("Credit Limit")].tolist())
             if type(text) is str]
    if not texts or not _NOT_FIGURES.search("\n".join(t for _, t in texts)):
        return []  # (limits typed as numbers, or as figures alone: no currency to compare)
    texts = [(pos, text) for pos, text in texts if _NOT_FIGURES.search(text)]
    limits, currencies = parsed["Credit Limit"].tolist(), parsed["Currency"].tolist()
    ids = parsed.get("Customer ID")
    codes: dict[str, str | None] = {}
    issues = []
    for pos, text in texts:
        own, limit = currencies[pos], limits[pos]
        if not isinstance(own, str) or own not in ISO_4217 or limit is None or limit != limit:
            continue
        if (named := _named_currency(text, own, codes)) is None:
            continue
        who = f"customer {ids.iat[pos]}" if ids is not None and pd.notna(ids.iat[pos]) \
            else "the customer"
        issues.append(Issue(
            sheet, f"{letters['Credit Limit']}{excel_rows[pos]}", written["Credit Limit"], text,
            f"'{text.strip()}' is a limit in {named}, but {who} is billed in {own}: "
            f"{_compared(named, limit)}"))
    return issues


def limits_against_the_books_currency(book: Book) -> None:
    """``limits_in_other_currencies`` for the customers whose Currency is blank: each is
    billed in the book's own currency (``core.local_currency``: the Policy's Base Currency,
    the customers' country...), so a limit typed in another is said at its cell (Credit
    Status compares it in the currency typed). Nothing where the book has no currency of its
    own."""
    table = book.tables.get("Customers")
    if table is None or table.raw is None or "Credit Limit" not in table.raw.columns or \
            header_currency(table.headers.get("Credit Limit", "")):
        return
    frame = table.frame
    typed = table.raw["Credit Limit"]
    rows = [i for i in frame.index[frame["Currency"].isna() & frame["Credit Limit"].notna()]
            if type(typed.at[i]) is str and _NOT_FIGURES.search(typed.at[i])]
    if not rows:
        return  # (the common case: every limit typed as a number, or its customer's currency)
    # (not jobs.aging's worked-out one: the reader is still keying the lists)
    own = local_currency(book.policy, book.named_currencies(), frame).code
    if own not in ISO_4217:
        return
    elsewhere = _billed_elsewhere(book, own)
    codes: dict[str, str | None] = {}
    for i in rows:
        text = typed.at[i]
        if (other := _named_currency(text, own, codes)) is None:
            continue
        cid = frame.at[i, "Customer ID"] if "Customer ID" in frame.columns else None
        if cid in elsewhere:
            # its invoices name their currency (USD): 'USD 10,000' is the one it is billed
            # in, no mistake
            continue
        who = f"customer {cid}" if isinstance(cid, str) and cid else "the customer"
        book.issues.append(table.issue(i, "Credit Limit", (
            f"'{text.strip()}' is a limit in {other}, but {who} has no currency and is billed "
            f"in the book's {own}: {_compared(other, frame.at[i, 'Credit Limit'])}")))


def _billed_elsewhere(book: Book, own: str) -> set[object]:
    """The customers with an invoice whose Currency names another currency than the book's
    ``own``: they are not billed (only) in the book's currency."""
    invoices = book.tables.get("Invoices")
    if invoices is None or not {"Customer ID", "Currency"} <= set(invoices.frame.columns):
        return set()
    frame = invoices.frame
    other = frame["Currency"].notna() & (frame["Currency"] != own)
    return set(frame.loc[other, "Customer ID"].dropna().tolist())


# How a limit's currency is known where it is not its customer's Currency (``LimitCurrency``;
# core.credit words each)
TYPED, HEADED, COMPANY, SAP_B1 = "typed", "headed", "company", "sap b1"


class LimitCurrency(NamedTuple):
    """The currency a customer's Credit Limit is in, where that is not its Currency."""

    code: str
    index: Any  # the customer's row in the Customers frame: its Credit Limit cell
    how: str  # TYPED in the cell, HEADED by its column, the COMPANY's own currency (SAP_B1)


# SAP Business One's business partners: its export names the code, name and type so (and
# its Query Manager the fields CardCode, CardName); the master data's window, the sheet
_SAP_B1_HEADERS = frozenset(match_key(h) for h in (
    "BP Code", "Business Partner Code", "CardCode", "BP Name", "Business Partner Name",
    "CardName", "BP Type", "Business Partner Type"))
_SAP_B1_SHEETS = frozenset(match_key(s) for s in (
    "Business Partners", "Business Partner Master Data", "BP Master Data"))


# a limit column headed as kept in the company's currency: Business Central's "Credit Limit
# (LCY)", "(LC)", "بالعملة المحلية"
_LOCAL_HEADER = re.compile(r"(?i)\bLCY?\b|\blocal\s+currency|\bcompany\s+currency|"
                           r"العملة\s+المحلية|عملة\s+الشركة")


def sap_business_one(table: Table) -> bool:
    """The customer list is SAP Business One's business partners (BP Code, BP Name, BP Type,
    or its Business Partners sheet): SAP B1 keeps a business partner's credit limit in the
    company's local currency whatever the partner's own currency is."""
    written = {match_key(h) for h in table.headers.values()}
    return bool(written & _SAP_B1_HEADERS) or match_key(table.sheet) in _SAP_B1_SHEETS


_FC = re.compile(r"(?i)\(FC\)\s*$")


def _blank(value: object) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def sap_company_currency(book: Book) -> str | None:
    """The company's own currency as SAP Business One's A/R list shows it: beside each amount
    in the company's currency, its "(FC)" twin in the document's, left empty (or 0) on a
    document in the company's currency; the one currency of those documents. None: no such
    list, or not one currency."""
    table = book.tables.get("Invoices")
    if table is None or table.raw is None or "Amount" not in table.raw.columns or \
            "Currency" not in table.frame.columns or \
            not _FC.search(str(table.headers.get("Amount", ""))):
        return None
    local = {ccy for ccy, fc in zip(table.frame["Currency"].tolist(),
                                    table.raw["Amount"].tolist(), strict=True)
             if isinstance(ccy, str) and ccy in ISO_4217 and (_blank(fc) or fc == 0)}
    return local.pop() if len(local) == 1 else None


def _typed_currency(text: str, hint: str | None, codes: dict[str, str | None]) -> str | None:
    """The one currency a limit's text names ('EGP 50,000', '$10,000'); a sign several
    currencies share is ``hint``'s where it is one of them. None: none, or several."""
    named = set()
    for sign in CURRENCY_WORDS.findall(text):
        sign = sign.strip()
        if hint in _SHARED_SIGNS.get(sign, ()):
            named.add(hint)
            continue
        if sign not in codes:
            code = parse_currency(sign)
            codes[sign] = code if code in ISO_4217 else None
        if codes[sign] is not None:
            named.add(codes[sign])
    return next(iter(named)) if len(named) == 1 else None


def _headed_currencies(table: Table) -> tuple[str | None, dict[str, str]]:
    """The currency the Credit Limit column's header names, and the further limit columns
    named by currency (``limits_by_currency``'s: {currency: column})."""
    first = header_currency(table.headers.get("Credit Limit", ""))
    if first is None or table.raw is None:
        return first, {}
    index = alias_index(CUSTOMERS)
    more: dict[str, str] = {}
    for c in table.raw.columns:
        if c != "Credit Limit" and isinstance(c, str) and c not in CUSTOMERS.columns and \
                header_field(c, index) == "Credit Limit" and (code := header_currency(c)):
            more.setdefault(code, c)
    return first, more


def limit_currencies(book: Book, local: str | None) -> dict[object, LimitCurrency]:
    """Per Customer ID (its first row), the currency its Credit Limit is in where the master
    says it otherwise than by its Currency, or its Currency is blank:

    * typed in the cell ('EGP 50,000'): what was typed wins;
    * the column's header ("Credit Limit (EGP)"; with a column per currency, the one
      ``limits_by_currency`` read the row's limit from);
    * the company's own currency, ``local`` (else, on SAP Business One's, as its A/R list
      shows it: ``sap_company_currency``): a column headed so (Business Central's "Credit
      Limit (LCY)") or an SAP Business One export (its "Credit Limit" is in the local
      currency whatever the partner's currency).

    Credit Status compares each such limit with what the customer owes converted into it."""
    table = book.tables.get("Customers")
    if table is None or "Credit Limit" not in table.frame.columns or \
            "Customer ID" not in table.frame.columns:
        return {}
    frame = table.frame
    company, kept_by = None, COMPANY
    if _LOCAL_HEADER.search(str(table.headers.get("Credit Limit", ""))):
        company = local if local in ISO_4217 else None
    elif sap_business_one(table):
        company, kept_by = local if local in ISO_4217 else sap_company_currency(book), SAP_B1
    first, more = _headed_currencies(table)
    raw = table.raw
    typed = raw["Credit Limit"] if raw is not None and "Credit Limit" in raw.columns else None
    if company is None and first is None and (typed is None or not any(
            type(t) is str and _NOT_FIGURES.search(t) for t in typed.tolist())):
        return {}  # (the common case: limits in their customers' currencies, as numbers)
    ids = frame["Customer ID"]
    currencies = frame["Currency"] if "Currency" in frame.columns else pd.Series(
        None, index=frame.index, dtype=object)
    codes: dict[str, str | None] = {}
    found: dict[object, LimitCurrency] = {}
    # (a limit of 0 is none set, or no credit at all: the same in every currency)
    limits = frame["Credit Limit"]
    for i in frame.index[ids.notna() & ~ids.duplicated() & limits.notna() & (limits != 0)]:
        own = currencies.at[i]
        own = own if isinstance(own, str) and own in ISO_4217 else None
        text = typed.at[i] if typed is not None else None
        code, how = None, ""
        if type(text) is str and _NOT_FIGURES.search(text):
            code, how = _typed_currency(text, own or local, codes), TYPED
        if code is None and first is not None:
            filled = [c for c, col in more.items() if not _blank(raw.at[i, col])]
            if not _blank(text):  # (the first column as read: the frame holds the one picked)
                filled.insert(0, first)
            # as limits_by_currency picks: the customer's own, else the one filled, else the
            # first column's
            code = own if own in filled else filled[0] if len(filled) == 1 else first
            how = HEADED
        if code is None and company is not None:
            code, how = company, kept_by
        if code is not None and code != own:
            found[ids.at[i]] = LimitCurrency(code, i, how)
    return found


def company_currency_unknown(book: Book, local: str | None) -> list[Issue]:
    """An Input Issue at the Credit Limit header where the limits are in the company's own
    currency (SAP Business One's, a column headed LCY) but nothing names that currency and
    the customers name several: Credit Status can only read each limit in its customer's
    currency, which is wrong for all but the company's own."""
    table = book.tables.get("Customers")
    if table is None or "Credit Limit" not in table.frame.columns or local in ISO_4217:
        return []
    header = str(table.headers.get("Credit Limit", ""))
    kept = ("the column is in the company's own currency" if _LOCAL_HEADER.search(header)
            else "SAP Business One keeps a credit limit in the company's own currency"
            if sap_business_one(table) and sap_company_currency(book) is None else None)
    if kept is None or "Currency" not in table.frame.columns:
        return []
    named = sorted({c for c in table.frame["Currency"].tolist()
                    if isinstance(c, str) and c in ISO_4217})
    if len(named) < 2:
        return []
    return [Issue(table.sheet, cell_ref(table.letters.get("Credit Limit"), table.header_row),
                  "Credit Limit", header,
                  f"{kept}, but nothing in the workbook names it (customers in "
                  f"{', '.join(named)}): each limit is compared in its customer's currency; "
                  "set base_currency on the Policy sheet")]
