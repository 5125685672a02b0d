"""E-invoices the tax authority does not hold as valid, and their tax registration numbers.

Egypt's ETA portal, Saudi Arabia's ZATCA (Fatoora) and the UAE's FTA give each invoice a
status; registers exported from them (or kept beside the ERP's list) carry it in a column
such as ``ETA Status``, ``Submission Status``, ``E-Invoice Status``, ``ZATCA Status``,
``حالة الفاتورة الإلكترونية`` (or, beside an e-invoice UUID, a plain ``Status`` holding the
authority's words: Valid, Submitted, Cleared, as the ETA portal exports it), and the buyer's
and seller's tax registration numbers
(``Receiver Tax ID``, ``Buyer VAT No``, ``الرقم الضريبي للمشتري``; ``Issuer Tax ID``,
``الرقم الضريبي للبائع``). Rules:

* An invoice the authority lists as Cancelled, Rejected or Invalid (ZATCA: not cleared) is
  no valid tax invoice: the customer cannot deduct its VAT and will not pay it. Still open in
  receivables it is EINVOICE_NOT_VALID (Error): reverse it with a credit note, or issue a
  valid one and close this. Settled (nothing open) it is history, not reported. Valid,
  Submitted, Cleared, Reported and blank statuses are not judged.
* An e-invoice's UUID (``UUID``, ``ETA UUID``, ``E-Invoice ID``, ``الرقم الموحد``) names one
  document: the same UUID on invoices of different numbers is EINVOICE_DUPLICATE (Error),
  each row naming the others: one of them was keyed with another's e-invoice and has none
  of its own.
* A tax registration number on an e-invoice has its country's format: Egypt 9 digits
  (a person's 14-digit national ID for a consumer), Saudi Arabia 15 digits starting and
  ending with 3, UAE 15 digits starting with 100 (the country from the customer's Country,
  else the invoice's currency; spaces, dashes and an ``EG``/``SA``/``AE`` prefix aside).
  Else EINVOICE_TAX_ID (Error): the authority rejects the invoice, or it reaches the wrong
  taxpayer. A receiver's number that differs from the customer's Tax ID in Customers is
  EINVOICE_TAX_ID as a Warning (the invoice names another taxpayer, or the master is out of
  date). The issuer is the company itself: a number other than the one most invoices carry
  is a Warning too. A blank number (a consumer, B2C) is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import CURRENCY, DECIMALS, KEY, BillingBook
from ar_excel.core.billing.findings import empty, findings, money, text
from ar_excel.core.customers.contacts import TAX_FORMATS, TAX_NOISE, TAX_PREFIX, tax_country
from ar_excel.model import ROW, SHEET
from ar_excel.names import fold_text, match_key

# A status column is an e-invoicing one when its header names the authority or the
# submission; an ERP's own "Status" / "حالة الفاتورة" is the document's (io.document_states).
_STATUS_WORD = re.compile(r"status|state|حاله")
_EINVOICE_WORD = re.compile(
    r"eta|einv|einvoice|zatca|fatoora|fta|portal|submission|submit|clearance|reporting|"
    r"validation|الكترونيه|المنظومه|المصلحه|الضرائب|الهييه|زاتكا|فاتوره|الارسال|التقديم")
_NOT_EINVOICE = frozenset(match_key(w) for w in (
    "Invoice Status", "حالة الفاتورة", "Payment Status", "حالة السداد", "Document Status"))

# The authority's verdicts that leave no valid tax invoice (keys as match_key folds them).
_VERDICTS = {
    "Cancelled": ("cancelled", "canceled", "cancel", "void", "voided", "ملغاه", "ملغي",
                  "ملغيه", "ملغى", "الغاء", "تمالالغاء"),
    "Rejected": ("rejected", "reject", "notcleared", "clearancefailed", "failed", "مرفوضه",
                 "مرفوض", "رفض", "تمالرفض", "لمتتمالمقاصه"),
    "Invalid": ("invalid", "notvalid", "غيرصالحه", "غيرصالح", "غيرصحيحه", "غيرسليمه"),
}
_VERDICT_OF = {key: verdict for verdict, keys in _VERDICTS.items() for key in keys}
_VERDICT_AR = {"Cancelled": "ملغاة", "Rejected": "مرفوضة", "Invalid": "غير صالحة"}

_TAX_WORD = re.compile(r"tax|vat|trn|registrationn(?:o|umber)|regno|ضريبي|رقمالتسجيل|رقمتسجيل")
_NOT_A_NUMBER = re.compile(r"date|تاريخ|amount|مبلغ|قيمه|rate|نسبه|status|حاله")
_RECEIVER = re.compile(r"receiver|recipient|buyer|customer|client|المشتري|المستلم|العميل|"
                       r"المستقبل|مستقبل|مستلم|مشتري")  # (للمستقبل: "the receiver's")
# The ETA portal heads the receiver's tax registration number (a person's national ID for
# a consumer) "Receiver ID"; ZATCA's exports, "Buyer ID" beside the Buyer VAT Number.
_RECEIVER_IDS = frozenset(match_key(h) for h in (
    "Receiver ID", "رقم المستقبل", "Buyer ID", "Recipient ID"))
_ISSUER = re.compile(r"issuer|seller|supplier|vendor|company|البايع|المصدر|المورد|الشركه|بايع")

# each country's format as the customer checks hold a master's Tax ID to it
_FORMATS = {
    "EG": (TAX_FORMATS["EG"][0], "9 digits", "9 أرقام"),
    "SA": (TAX_FORMATS["SA"][0], "15 digits starting and ending with 3",
           "15 رقمًا يبدأ وينتهي بالرقم 3"),
    "AE": (TAX_FORMATS["AE"][0], "15 digits starting with 100", "15 رقمًا يبدأ بـ 100"),
}
_COUNTRY_NAME = {"EG": ("Egyptian", "المصري"), "SA": ("Saudi", "السعودي"),
                 "AE": ("UAE", "الإماراتي")}


def _headed(invoices: pd.DataFrame, accept: Callable[[str], bool]) -> str | None:
    """The first column whose header's key ``accept`` takes."""
    for column in invoices.columns:
        if isinstance(column, str) and not column.startswith("_") and accept(match_key(column)):
            return column
    return None


# The authority's own words for a document it holds (Egypt's portal export: Valid, Invalid,
# Rejected, Cancelled, Submitted; ZATCA: CLEARED, REPORTED): a plain Status column holding
# them beside an e-invoice UUID is the portal's status.
_AUTHORITY_WORDS = frozenset(match_key(w) for w in (
    "Valid", "Submitted", "Cleared", "Reported", "Not Cleared", "صالحة", "مقبولة"))


def status_column(invoices: pd.DataFrame) -> str | None:
    """The e-invoice status column of an Invoices sheet, if any: headed so, or, beside an
    e-invoice UUID, a plain Status holding the authority's words (an ETA portal export)."""
    named = _headed(invoices, lambda k: k not in _NOT_EINVOICE and bool(
        _STATUS_WORD.search(k) and _EINVOICE_WORD.search(k)))
    if named is not None or uuid_column(invoices) is None:
        return named
    plain = _headed(invoices, lambda k: k in ("status", "state", "الحاله"))
    if plain is None:
        return None
    words = {match_key(v) for v in pd.unique(invoices[plain].dropna()) if isinstance(v, str)}
    return plain if words & _AUTHORITY_WORDS else None


def tax_number_columns(invoices: pd.DataFrame) -> tuple[str | None, str | None]:
    """The receiver's and the issuer's tax registration number columns, if any."""
    def number(key: str) -> bool:
        return bool(_TAX_WORD.search(key)) and not _NOT_A_NUMBER.search(key)

    receiver = _headed(invoices, lambda k: (number(k) and bool(_RECEIVER.search(k)))
                       or k in _RECEIVER_IDS)
    issuer = _headed(invoices, lambda k: number(k) and bool(_ISSUER.search(k)))
    return receiver, issuer


_UUID_HEADERS = frozenset(match_key(h) for h in (
    "UUID", "ETA UUID", "E-Invoice UUID", "EInvoice UUID", "E-Invoice ID", "EInvoice ID",
    "Electronic Invoice ID", "ETA ID", "Document UUID", "Submission UUID", "ZATCA UUID",
    "الرقم الموحد", "رقم الفاتورة الإلكترونية", "معرف الفاتورة الإلكترونية", "الرقم المرجعي للمنظومة"))


def uuid_column(invoices: pd.DataFrame) -> str | None:
    """The e-invoice UUID column of an Invoices sheet, if any."""
    return _headed(invoices, lambda k: k in _UUID_HEADERS)


def einvoice_duplicates(book: BillingBook) -> pd.DataFrame:
    """EINVOICE_DUPLICATE: one e-invoice UUID on invoices of different numbers."""
    inv = book.invoices
    column = uuid_column(inv)
    if column is None:
        return empty()
    ids = inv[column].map(lambda v: TAX_NOISE.sub("", str(v)).upper()
                          if isinstance(v, str) and v.strip() else None)
    named = inv[ids.notna() & inv[KEY].notna()]
    ids = ids[named.index]
    numbers = named.groupby(ids, sort=False)[KEY].transform("nunique")
    dup = named[numbers > 1]
    if dup.empty:
        return empty()
    members = dup.groupby(ids[dup.index], sort=False)["Invoice No"].agg(list)
    others = [", ".join(sorted({str(n) for n in members.loc[u] if str(n) != str(own)}))
              for u, own in zip(ids[dup.index], dup["Invoice No"], strict=True)]
    return findings(
        "EINVOICE_DUPLICATE", n=len(dup), sheet=book.sheet_of("Invoices", dup), row=dup[ROW],
        field=column, invoice=dup["Invoice No"], customer=dup["Customer ID"],
        amount=dup["Amount"], document=dup[KEY], arabic=book.arabic,
        params={"uuid": text(dup[column]), "others": others},
    )


def verdict(value: object) -> str | None:
    """``Cancelled`` / ``Rejected`` / ``Invalid`` where a status says the invoice is no
    valid e-invoice, else None."""
    if not isinstance(value, str):
        return None
    return _VERDICT_OF.get(match_key(fold_text(value)))


def portal_refusals(invoices: pd.DataFrame) -> np.ndarray:
    """The documents a tax authority portal's own export (a plain Status beside the UUID,
    as the ETA portal writes it) says it rejected or found invalid: no tax invoice, so no
    receivable (``io.document_states`` counts them 0). A status column headed as the
    e-invoice's beside an ERP's own list is not the list's own: those stay as posted."""
    column = status_column(invoices)
    if column is None or match_key(column) not in ("status", "state", "الحاله"):
        return np.zeros(len(invoices), dtype=bool)
    return invoices[column].map(verdict).isin(("Rejected", "Invalid")).to_numpy(bool)


def tax_number(value: object) -> str:
    """A registration number as compared: digits (and letters) only, country prefix aside; a
    number Excel stored as 123456789.0 is 123456789."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = TAX_NOISE.sub("", fold_text(str(value))).upper()
    return TAX_PREFIX.sub("", key)


def einvoice_status(book: BillingBook) -> pd.DataFrame:
    """EINVOICE_NOT_VALID: a cancelled, rejected or invalid e-invoice still open in AR."""
    inv = book.invoices
    column = status_column(inv)
    if column is None:
        return empty()
    verdicts = inv[column].map(verdict)
    bad = inv[verdicts.notna() & inv["Amount"].notna() & (inv["Amount"] > 0)]
    if bad.empty:
        return empty()
    items = book.open_items
    items = items[items["Item Type"] == "Invoice"]
    open_by_row = items.groupby(ROW)["Open Amount"].sum()
    open_amount = bad[ROW].map(open_by_row).fillna(0.0)
    if SHEET in bad.columns and SHEET in items.columns:  # a month per sheet: rows repeat
        keyed = items.groupby([SHEET, ROW])["Open Amount"].sum()
        open_amount = pd.Series([keyed.get((s, r), 0.0) for s, r in zip(
            bad[SHEET], bad[ROW], strict=True)], index=bad.index)
    still_open = open_amount.abs() > 0.5 * 10.0 ** -bad[DECIMALS].astype("float64")
    bad, open_amount = bad[still_open], open_amount[still_open]
    if bad.empty:
        return empty()
    said = verdicts[bad.index]
    status = [_VERDICT_AR[v] for v in said] if book.arabic else list(said)
    return findings(
        "EINVOICE_NOT_VALID", n=len(bad), sheet=book.sheet_of("Invoices", bad), row=bad[ROW],
        field=column, invoice=bad["Invoice No"], customer=bad["Customer ID"],
        amount=bad["Amount"], document=bad[KEY], arabic=book.arabic,
        params={"status": status, "written": text(bad[column]),
                "amount": money(open_amount, bad[DECIMALS])},
    )


def _countries(inv: pd.DataFrame, master: pd.DataFrame) -> list[str | None]:
    country = inv["Customer ID"].map(master["Country"]) if "Country" in master else None
    out = []
    for i, cur in enumerate(inv[CURRENCY].tolist()):
        stated = None if country is None else country.iloc[i]
        out.append(tax_country(stated, cur)[0])
    return out


def _format_problem(number: str, country: str | None, arabic: bool) -> str | None:
    if not number or country not in _FORMATS:
        return None
    pattern, en, ar = _FORMATS[country]
    if pattern.fullmatch(number):
        return None
    name_en, name_ar = _COUNTRY_NAME[country]
    if arabic:
        return f"الرقم الضريبي {name_ar} {ar}"
    return f"a {name_en} tax registration number has {en}"


def einvoice_tax_numbers(book: BillingBook) -> pd.DataFrame:
    """EINVOICE_TAX_ID: an e-invoice's receiver or issuer number without its country's
    format, a receiver's other than the customer's Tax ID, an issuer's other than the
    company's."""
    inv = book.invoices
    receiver, issuer = tax_number_columns(inv)
    if receiver is None and issuer is None:
        return empty()
    rows: list[tuple[int, str, str, str]] = []  # (position, column, severity, reason)
    if receiver is not None:
        numbers = inv[receiver].map(tax_number)
        master = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")
        countries = _countries(inv, master)
        theirs = inv["Customer ID"].map(master["Tax ID"]).map(tax_number)
        for i, (number, country, own) in enumerate(zip(numbers, countries, theirs,
                                                       strict=True)):
            if problem := _format_problem(number, country, book.arabic):
                rows.append((i, receiver, ERROR, problem))
            elif number and own and number.lstrip("0") != own.lstrip("0"):
                rows.append((i, receiver, WARNING,
                             f"يختلف عن الرقم الضريبي للعميل في ورقة العملاء ({own})"
                             if book.arabic else
                             f"differs from the customer's Tax ID in Customers ({own})"))
    if issuer is not None:
        numbers = inv[issuer].map(tax_number)
        filled = numbers[numbers != ""]
        usual = (filled.value_counts().sort_index().sort_values(ascending=False, kind="stable")
                 .index[0] if len(filled) else "")
        home = tax_country(None, book.home_currency)[0]
        for i, number in enumerate(numbers):
            if problem := _format_problem(number, home, book.arabic):
                rows.append((i, issuer, ERROR, problem))
            elif number and number != usual:
                rows.append((i, issuer, WARNING,
                             f"يختلف عن رقم الشركة في باقي الفواتير ({usual})" if book.arabic
                             else f"differs from the company's number on the other invoices "
                                  f"({usual})"))
    if not rows:
        return empty()
    rows.sort()
    at = [i for i, _, _, _ in rows]
    found = inv.iloc[at]
    return findings(
        "EINVOICE_TAX_ID", n=len(found), sheet=book.sheet_of("Invoices", found), row=found[ROW],
        field=[c for _, c, _, _ in rows], invoice=found["Invoice No"],
        customer=found["Customer ID"], amount=found["Amount"], document=found[KEY],
        arabic=book.arabic, severity=np.array([s for _, _, s, _ in rows]),
        params={"column": [c for _, c, _, _ in rows],
                "number": [_as_written(found.iloc[k][c]) for k, (_, c, _, _) in enumerate(rows)],
                "reason": [r for _, _, _, r in rows]},
    )


def _as_written(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text([value])[0]
