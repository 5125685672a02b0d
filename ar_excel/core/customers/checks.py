"""The customer master checks: an ordered list of small rules over the Customers sheet.

Each rule is a function ``rule(ctx) -> iterable of Finding`` that reads the sheet and never
changes it. ``run_checks`` runs them in ``CHECKS`` order; a rule that crashes becomes a
``CHECK_FAILED`` finding instead of losing the whole report. Findings are sorted by sheet row,
then by rule order, so the same sheet always gives the same rows.

What the rules accept as valid is deliberately lenient (see ``contacts``): phone numbers with
country codes, spaces or Arabic-Indic digits, plus-addressed emails, ``Net 30`` terms and
limits typed as ``"50,000"`` are good data. Policy rules use the workbook's Policy sheet:
allowed payment terms, maximum discount, and the credit review date against the as-of date.

Completeness rules (tax ID, contact, currency, terms) judge only the records a master keeps
them for: a closed or deletion-flagged record, a cash customer without credit and the walk-in
account are neither reported nor counted. Records kept apart on purpose are no duplicates: a
QuickBooks job and its customer, an account billed to another, a branch named as one or by
its own place (``duplicate_checks``). The Finding, the context the rules read the sheet
through and the readings they share are in ``check_context``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from ar_excel.core.customers import contacts, duplicates
from ar_excel.core.customers.check_context import (
    CHECKS_COLUMNS,
    Check,
    CheckContext,
    Finding,
    as_typed,
    blank,
    customer_tax_ids,
    further_columns,
    keeps_tax_ids,
    retired_records,
    tax_finding,
)
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.core.customers.duplicate_checks import duplicate_tax_id, possible_duplicate
from ar_excel.core.customers.messages import EMAIL_FULL_STOP, WARNING, message, severity
from ar_excel.model import Table
from ar_excel.names import match_key
from ar_excel.parsing import means_unlimited, parse_money
from ar_excel.parsing.codes import ANY_CURRENCY, is_erp_currency_id
from ar_excel.parsing.numbers import MAX_AMOUNT
from ar_excel.policy import Policy
from ar_excel.schema import TERMS_EOM


def missing_id(ctx: CheckContext) -> Iterator[Finding]:
    for index, value in ctx.values("Customer ID").items():
        if blank(value):
            yield ctx.finding(index, "Customer ID", "MISSING_ID")


# Headers of an ID column that holds the customer's name: QuickBooks keys its list by the
# "Customer" (its display name) and keeps "Company" for a business's legal name, blank for a
# person or a sole trader.
_NAMING_IDS = frozenset(match_key(h) for h in ("Customer", "Client", "العميل", "Customer Name",
                                                "Client Name", "اسم العميل", "Display Name"))
_LETTER = re.compile(r"[^\W\d_]")


def _named_by_id(ctx: CheckContext, index: object) -> bool:
    """The record's ID is its name (a "Customer" column of names), so a blank Name cell
    leaves it named."""
    header = (ctx.table.headers or {}).get("Customer ID")
    if not (isinstance(header, str) and match_key(header) in _NAMING_IDS):
        return False
    cid = ctx.customer_id(index)  # a name, not a code such as "C001" or "CUST-2026-00004"
    return _LETTER.search(cid) is not None and (" " in cid or not any(c.isdigit() for c in cid))


def missing_name(ctx: CheckContext) -> Iterator[Finding]:
    for index, value in ctx.values("Name").items():
        if blank(value) and not _named_by_id(ctx, index):
            yield ctx.finding(index, "Name", "MISSING_NAME")


# A blank tax ID is an omission where the master keeps them: at least this share of its
# customers has one. Where many have none (consumers, businesses below the VAT threshold:
# a UK or US book), the blanks are the norm, and a warning on each is noise. Customers in a
# country without VAT (Kuwait, Qatar) have none to give and are left out of the count; a
# cash customer without a credit limit (a walk-in buyer) is not asked for one.
TAX_IDS_KEPT = 0.8


def _per_value(ctx: CheckContext, rule: Callable[..., object], *cells: object) -> object:
    """``rule(*cells)``, worked out once per run for each distinct set of cells (a master
    names a handful of countries and currencies across thousands of customers)."""
    memo = ctx._cache.setdefault(("per value", rule), {})
    try:
        return memo[cells]
    except KeyError:
        memo[cells] = found = rule(*cells)
        return found
    except TypeError:  # a cell holding something unhashable: worked out each time
        return rule(*cells)


def _without_vat(ctx: CheckContext) -> set[object]:
    """Customers in a country without VAT (Kuwait, Qatar): no tax ID to keep."""
    if not ctx.has("Country") and "Currency" not in ctx.frame.columns:
        return set()
    currency = ctx._column("parsed", "Currency") if "Currency" in ctx.frame.columns else None
    return {index for index in ctx.frame.index if _per_value(
        ctx, contacts.in_country_without_vat,
        ctx.raw(index, "Country") if ctx.has("Country") else None,
        None if currency is None else currency[index])}


# The account an ERP or a shop keeps for its anonymous buyers (ERPNext's "Walk-in Customer",
# Tally's and Odoo's "Cash Customer", Egypt's "عميل نقدي"): no one to write to or tax ID to ask.
_WALK_IN = re.compile(
    r"(?i)^(?:(?:walk[\s-]*in|cash|counter|pos)(?:\s+(?:customers?|clients?|buyers?|sales?))?|"
    r"(?:عميل|عملاء|مبيعات|زبون|زباين)\s+(?:نقدي|نقدى|نقديه|نقدية|كاش|نقدا|نقداً))$")


def names_the_walk_in_account(name: object) -> bool:
    """Whether a customer's name is the account kept for anonymous buyers ("Walk-in
    Customer", "Cash Customer", "عميل نقدي")."""
    return isinstance(name, str) and _WALK_IN.match(" ".join(name.split())) is not None


def _walk_in(ctx: CheckContext, index: object) -> bool:
    return names_the_walk_in_account(ctx._column("parsed", "Name")[index])


def _spared(ctx: CheckContext) -> set[object]:
    """Records asked for no tax ID or contact: closed ones, cash customers without credit and
    the walk-in account (no statement or reminder goes to them: they owe nothing after the
    sale)."""
    key = ("spared",)
    if key not in ctx._cache:
        ctx._cache[key] = retired_records(ctx) | _cash_customers(ctx) | {
            index for index in ctx.frame.index if _walk_in(ctx, index)}
    return ctx._cache[key]


def _cash_customers(ctx: CheckContext) -> set[object]:
    """Customers buying for cash (Payment Terms 0 days: كاش, نقدي, COD) without a credit
    limit: walk-in and retail buyers, who need give no tax number. Terms of 0 days after the
    month's end ("EOM") are a month's credit, as Credit Status reads them: not cash."""
    if "Payment Terms" not in ctx.frame.columns:
        return set()
    terms = ctx._column("parsed", "Payment Terms")
    month_end = ctx._column("parsed", TERMS_EOM)
    return {index for index in ctx.frame.index
            if not blank(terms[index]) and float(terms[index]) == 0
            and blank(month_end[index]) and not _has_limit(ctx, index)}


def missing_tax_id(ctx: CheckContext) -> Iterator[Finding]:
    if not keeps_tax_ids(ctx):
        return
    # (neither the customers owing no tax ID nor the ones not asked for it are counted; nor
    # the ones the cell says have none: a person, a business not registered for VAT)
    tax_ids = customer_tax_ids(ctx)[0]
    exempt = _without_vat(ctx) | _spared(ctx) | {
        index for index, value in tax_ids.items() if contacts.not_registered(value)}
    judged = len(ctx.frame) - len(exempt)
    blank_ids = [index for index, value in tax_ids.items()
                 if index not in exempt and not duplicates.usable_tax_key(value)]
    if judged <= 0 or 1 - len(blank_ids) / judged < TAX_IDS_KEPT:
        return
    for index in blank_ids:
        yield ctx.finding(index, "Tax ID", "MISSING_TAX_ID")


# Columns a master keeps for every customer when it keeps them at all: a blank among them is
# an omission (invoices and letters need them), judged like the tax ID: only
# where at least TAX_IDS_KEPT of the customers have the column filled. Raw cells are read:
# a value that could not be parsed is an Input Issue, not a blank.
def _kept_blanks(ctx: CheckContext, columns: tuple[str, ...],
                 spared: Set[object] = frozenset(),
                 empty: Callable[[object], bool] = blank) -> list[object]:
    """Rows whose cells of ``columns`` are all blank (``empty``), where the master keeps
    them; the ``spared`` records, not asked for them, are neither reported nor counted."""
    present = [c for c in columns if ctx.has(c) or c in ctx.table.letters]
    judged = len(ctx.frame) - len(spared)
    if not present or judged <= 0:
        return []
    blanks = [index for index in ctx.frame.index if index not in spared and
              all(empty(ctx.raw(index, c)) for c in present)]
    if 1 - len(blanks) / judged < TAX_IDS_KEPT:
        return []
    return blanks


# Business Central and NAV leave the Currency Code of a customer billed in the local
# currency blank, and say so in their headers' "(LCY)": there a blank is the local currency.
_LOCAL_CURRENCY_WORD = re.compile(r"(?i)\blcy\b")


def missing_currency(ctx: CheckContext) -> Iterator[Finding]:
    if any(isinstance(h, str) and _LOCAL_CURRENCY_WORD.search(h)
           for h in [*ctx.table.letters, *(ctx.table.headers or {}).values()]):
        return
    for index in _kept_blanks(ctx, ("Currency",), retired_records(ctx)):
        yield ctx.finding(index, "Currency", "MISSING_CURRENCY")


def _has_limit(ctx: CheckContext, index: object) -> bool:
    """The customer is given credit up to an amount (a positive credit limit)."""
    limit = ctx._column("parsed", "Credit Limit")[index] if "Credit Limit" in ctx.frame else None
    return not blank(limit) and float(limit) > 0


def missing_terms(ctx: CheckContext) -> Iterator[Finding]:
    """Blank Payment Terms on a customer given a credit limit, where the master keeps terms:
    an omission that makes its invoices due on receipt, overdue the next day. A blank on a
    customer without a limit is no terms agreed (cash; a QuickBooks list leaves "due on
    receipt" blank), and where many customers have none, blanks are the master's way."""
    for index in _kept_blanks(ctx, ("Payment Terms",), retired_records(ctx)):
        if _has_limit(ctx, index):
            yield ctx.finding(index, "Payment Terms", "MISSING_TERMS")


def missing_contact(ctx: CheckContext) -> Iterator[Finding]:
    columns = ("Email", "Phone", *further_columns(ctx, "Email"), *further_columns(ctx, "Phone"))
    # the cell named is the sheet's own: a list whose only phone column is "Telephone 1"
    cell = next((c for c in columns if ctx.has(c) or c in ctx.table.letters), "Email")
    def none(value: object) -> bool:  # "N/A", "-", "لا يوجد": no email or phone either
        return blank(value) or contacts.no_email(value)

    for index in _kept_blanks(ctx, columns, _spared(ctx), none):
        yield ctx.finding(index, cell, "MISSING_CONTACT")


# A master kept without Country or Currency (a Saudi branch's own list) is the country whose
# format most of its tax IDs have: at least this share of at least MASTER_TAX_IDS of them.
MASTER_COUNTRY_SHARE = 0.8
MASTER_TAX_IDS = 5


def _master_country(ctx: CheckContext) -> str | None:
    """The one country (EG, SA, AE, BH, OM) whose tax ID format the master's tax IDs have,
    where at least MASTER_COUNTRY_SHARE of them have it; else None."""
    key = ("master country",)
    if key not in ctx._cache:
        fits = []
        for value in customer_tax_ids(ctx)[0]:
            if duplicates.usable_tax_key(value):
                countries = [c for c in contacts.TAX_COUNTRIES
                             if contacts.tax_id_problem(value, c) is None]
                fits.append(countries[0] if len(countries) == 1 else None)
        counts = pd.Series([f for f in fits if f], dtype="object").value_counts()
        ctx._cache[key] = counts.index[0] if len(fits) >= MASTER_TAX_IDS and len(counts) and \
            counts.iloc[0] >= MASTER_COUNTRY_SHARE * len(fits) else None
    return ctx._cache[key]


def _country(ctx: CheckContext, index: object) -> tuple[str | None, bool]:
    """The customer's country (EG, SA, AE, BH, OM) from its Country cell, else its currency,
    else (neither given) the master's own (``_master_country``)."""
    country_cell = ctx.raw(index, "Country") if ctx.has("Country") else None
    currency = ctx._column("parsed", "Currency")[index] if "Currency" in ctx.frame.columns \
        else None
    country, stated = _per_value(ctx, contacts.tax_country, country_cell, currency)
    if country is None and not stated and blank(currency) and \
            (master := _master_country(ctx)) is not None:
        return master, True
    return country, stated


def invalid_tax_id(ctx: CheckContext) -> Iterator[Finding]:
    if not keeps_tax_ids(ctx):
        return
    for index, value in customer_tax_ids(ctx)[0].items():
        if not duplicates.usable_tax_key(value):
            continue
        if problem := contacts.tax_id_problem(value, *_country(ctx, index)):
            yield tax_finding(ctx, index, "INVALID_TAX_ID", reason=problem)


def duplicate_id(ctx: CheckContext) -> Iterator[Finding]:
    index = list(ctx.frame.index)
    for group in duplicates.duplicate_id_groups(list(ctx.values("Customer ID"))):
        spelled = [ctx.customer_id(index[p]) for p in group]
        rows = ", ".join(str(ctx.row(index[p])) for p in group) if len(set(spelled)) == 1 \
            else ", ".join(f"{ctx.row(index[p])} '{s}'" for p, s in zip(group, spelled,
                                                                      strict=True))
        for p in group:
            yield ctx.finding(index[p], "Customer ID", "DUPLICATE_ID", count=len(group),
                              rows=rows)


def invalid_email(ctx: CheckContext) -> Iterator[Finding]:
    for column in ("Email", *further_columns(ctx, "Email")):
        for index, value in ctx.values(column).dropna().items():
            # addresses added from further lines: each said at the cell it was typed in
            for line, typed in ctx.typed_on(index, column) or [(None, value)]:
                if blank(typed) or contacts.no_email(typed):
                    continue
                if contacts.email_problem(typed) is not None:
                    yield ctx.finding(index, column, "INVALID_EMAIL",
                                      value=None if line is None else typed, line=line)
                elif stopped := contacts.full_stop_addresses(typed):
                    found = ctx.finding(index, column, "INVALID_EMAIL",
                                        value=None if line is None else typed, line=line)
                    text = EMAIL_FULL_STOP[1 if ctx.arabic else 0].format(
                        value=found.value, id=found.customer_id or "?", cell=found.cell,
                        address=", ".join(stopped))
                    yield replace(found, severity=WARNING, message=text)


def invalid_phone(ctx: CheckContext) -> Iterator[Finding]:
    tax_ids = customer_tax_ids(ctx)[0].to_dict() if keeps_tax_ids(ctx) else {}
    for column in ("Phone", *further_columns(ctx, "Phone")):
        for index, value in ctx.values(column).dropna().items():
            if blank(value):
                continue
            value = value if column == "Phone" else as_typed(value)
            # numbers added from further lines: each said at the cell it was typed in
            for line, typed in ctx.typed_on(index, column) or [(None, value)]:
                problem = contacts.phone_problem(typed, duplicates.usable_tax_key(
                    tax_ids.get(index)), _country(ctx, index)[0])
                if problem is not None and not contacts.no_phone(typed):  # ("-", "N/A")
                    yield ctx.finding(index, column, "INVALID_PHONE", reason=problem,
                                      value=None if column == "Phone" and line is None
                                      else typed, line=line)


def invalid_currency(ctx: CheckContext) -> Iterator[Finding]:
    """The contract's Currency is an ISO 4217 code. A currency no job can read (XYZ, EGY) is
    an Error. One every job reads as its code but written otherwise (SR, Dhs, KD, LE, ج.م,
    ر.س, $, a name) breaks nothing: a Warning that says what it was read as, so the master
    can be put right (and a dollar sign read as USD checked), not an Error on every row of a
    master written that way. An ERP's own currency ID (GP's Z-US$) is no finding: its export
    always writes it so."""
    for index, value in ctx.values("Currency").items():
        raw = ctx.raw(index, "Currency")
        typed = "" if blank(raw) else " ".join(str(raw).split()).upper()
        if blank(value):
            # typed but not understood by the reader ("##": any currency, read as none)
            if typed and typed not in ANY_CURRENCY:
                yield ctx.finding(index, "Currency", "INVALID_CURRENCY", read_as="")
            continue
        code = str(value).strip().upper()
        if code not in ISO_4217:
            yield ctx.finding(index, "Currency", "INVALID_CURRENCY", read_as="")
        elif isinstance(raw, str) and typed != code and not is_erp_currency_id(raw):
            found = ctx.finding(index, "Currency", "INVALID_CURRENCY", read_as=(
                f"؛ قُرئت {code}، فاكتب {code}" if ctx.arabic else
                f"; read as {code}, write {code}"))
            yield replace(found, severity=WARNING)


def invalid_credit_limit(ctx: CheckContext) -> Iterator[Finding]:
    for index, value in ctx.values("Credit Limit").items():
        raw = ctx.raw(index, "Credit Limit")
        if blank(value):
            if not blank(raw) and not means_unlimited(raw):  # "Unlimited": no limit, as blank
                # a number cell beyond any amount (1E+308) is a number all the same
                too_large = isinstance(raw, float | int) and not isinstance(raw, bool) \
                    and not abs(raw) < MAX_AMOUNT
                yield ctx.finding(index, "Credit Limit", "INVALID_CREDIT_LIMIT",
                                  reason="too large" if too_large else "not a number")
        elif float(value) < 0:
            yield ctx.finding(index, "Credit Limit", "INVALID_CREDIT_LIMIT", reason="negative")


# Limits are compared with others only where there are this many in the currency; far above
# means over FAR_ABOVE times the limit 90 % of the customers stay within, far below under a
# hundredth of the median (a limit typed in thousands, or with a zero too many).
LIMITS_TO_COMPARE = 10
FAR_ABOVE = 10.0
FAR_BELOW = 0.01
# A limit with at least TIER_PEERS others within a factor of PEER_RATIO of it is a tier the
# business grants on purpose (a distributor's hypermarket chains far above its shops, staff
# accounts far below), not a slip of the keyboard, which stands alone.
TIER_PEERS = 2
PEER_RATIO = 3.0


def _amount(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:,.0f}"


def unusual_credit_limit(ctx: CheckContext) -> Iterator[Finding]:
    """A limit above the Policy's ``max_credit_limit``, or far above or below the limits of
    the customers of its currency (a zero too many, a limit typed in thousands)."""
    limits = pd.to_numeric(ctx.values("Credit Limit"), errors="coerce")
    limits = limits[limits > 0]
    if limits.empty:
        return
    cap = ctx.policy.get("max_credit_limit")
    try:
        cap = parse_money(cap) if cap is not None and not blank(cap) else None
    except ValueError:
        cap = None
    currency = ctx.values("Currency").reindex(limits.index).fillna("").astype(str) \
        if ctx.has("Currency") else pd.Series("", index=limits.index)
    # a limit is judged among those of the currency it is in: SAP Business One's (in the
    # company's currency) of a USD partner among the EGP ones, not USD amounts
    kept = pd.Series(ctx.limit_currencies, dtype=object).reindex(limits.index)
    currency = kept.where(kept.notna(), currency).astype(str)
    ar = ctx.arabic
    for ccy, group in limits.groupby(currency, sort=True):
        where = (f" بعملة {ccy}" if ar else f" in {ccy}") if ccy else ""
        # The limit 90 % stay within, the largest few left out: a zero too many must not
        # raise the bar it is measured against.
        top = group.sort_values().iloc[:len(group) - max(1, len(group) // 20)].quantile(0.9) \
            if len(group) >= LIMITS_TO_COMPARE else None
        usual = group.median() if len(group) >= LIMITS_TO_COMPARE else None
        ordered = group.sort_values().to_numpy()

        def peers(value: float, ordered=ordered) -> int:
            """How many other limits lie within PEER_RATIO of ``value``."""
            low = np.searchsorted(ordered, value / PEER_RATIO, side="left")
            high = np.searchsorted(ordered, value * PEER_RATIO, side="right")
            return int(high - low) - 1  # (itself aside)

        for index, value in group.items():
            if cap is not None and value > cap:
                reason = (f"أعلى من الحد الأقصى في السياسة ({_amount(cap)})" if ar else
                          f"is above the policy's maximum of {_amount(cap)}")
            elif top is not None and value > FAR_ABOVE * top and peers(value) < TIER_PEERS:
                reason = (f"يزيد على {FAR_ABOVE:g} أمثال حدود 90% من العملاء{where} (حتى "
                          f"{_amount(top)}): صفر زائد؟" if ar else
                          f"is more than {FAR_ABOVE:g} times the limits of 90% of the "
                          f"customers{where} (up to {_amount(top)}): a zero too many?")
            elif usual is not None and value < FAR_BELOW * usual and peers(value) < TIER_PEERS:
                reason = (f"أقل من 1% من الحد المعتاد{where} ({_amount(usual)}): مكتوب "
                          "بالآلاف؟" if ar else
                          f"is under 1% of the usual limit{where} ({_amount(usual)}): typed "
                          "in thousands?")
            else:
                continue
            yield ctx.finding(index, "Credit Limit", "UNUSUAL_CREDIT_LIMIT",
                              value=_amount(float(value)), reason=reason)


def invalid_iban(ctx: CheckContext) -> Iterator[Finding]:
    for index, value in ctx.values("IBAN / Bank Account").dropna().items():
        if blank(value):
            continue
        for account in contacts.invalid_ibans(value):
            yield ctx.finding(index, "IBAN / Bank Account", "INVALID_IBAN", value=account)


def unusual_terms(ctx: CheckContext) -> Iterator[Finding]:
    allowed_days = ctx.policy.allowed_terms_days
    allowed = ", ".join(str(d) for d in allowed_days)
    for index, value in ctx.values("Payment Terms").items():
        if blank(value):
            if not blank(ctx.raw(index, "Payment Terms")):
                yield ctx.finding(index, "Payment Terms", "UNUSUAL_TERMS",
                                  reason="unreadable terms", allowed=allowed)
        elif int(value) < 0:
            yield ctx.finding(index, "Payment Terms", "UNUSUAL_TERMS", reason="negative terms",
                              allowed=allowed)
        elif allowed_days and int(value) not in allowed_days:
            yield ctx.finding(index, "Payment Terms", "UNUSUAL_TERMS", reason="not allowed",
                              allowed=allowed)


def discount(ctx: CheckContext) -> Iterator[Finding]:
    maximum = ctx.policy.max_discount_pct
    for index, value in ctx.values("Discount %").items():
        if blank(value):
            if not blank(ctx.raw(index, "Discount %")):
                yield ctx.finding(index, "Discount %", "INVALID_DISCOUNT",
                                  reason="discount not a number")
            continue
        pct = float(value)
        if pct < 0:
            yield ctx.finding(index, "Discount %", "INVALID_DISCOUNT",
                              reason="discount below zero")
        elif pct > 100:
            yield ctx.finding(index, "Discount %", "INVALID_DISCOUNT", reason="discount over 100")
        elif pct > maximum + 1e-9:
            yield ctx.finding(index, "Discount %", "DISCOUNT_ABOVE_POLICY", value=f"{pct:g}",
                              maximum=f"{maximum:g}")


def review_overdue(ctx: CheckContext) -> Iterator[Finding]:
    """A credit review date past; not for a record closed, flagged for deletion (SAP's
    Deletion Flag X) or disabled (ERPNext's Disabled 1): no credit is given on it, so
    there is nothing to review (as the other checks leave those records out)."""
    dates = pd.to_datetime(ctx.values("Next Credit Review")).dt.normalize()
    closed = ctx.values("Status").fillna("").astype(str).str.strip().str.lower() == "closed"
    retired = dates.index.isin(list(retired_records(ctx)))
    for index in dates.index[(dates < ctx.as_of) & ~closed & ~retired]:
        due = dates[index]
        yield ctx.finding(index, "Next Credit Review", "REVIEW_OVERDUE",
                          value=due.strftime("%Y-%m-%d"), days=(ctx.as_of - due).days)


# The order findings of one row are listed in: identity, duplicates, contact, money, policy.
CHECKS: list[Check] = [
    missing_id,
    missing_name,
    duplicate_id,
    missing_tax_id,
    invalid_tax_id,
    duplicate_tax_id,
    possible_duplicate,
    missing_contact,
    invalid_email,
    invalid_phone,
    invalid_iban,
    missing_currency,
    invalid_currency,
    invalid_credit_limit,
    unusual_credit_limit,
    missing_terms,
    unusual_terms,
    discount,
    review_overdue,
]


def run_checks(table: Table, policy: Policy, as_of: date | pd.Timestamp,
               arabic: bool = False, checks: list[Check] | None = None,
               limit_currencies: Mapping[object, str] | None = None) -> list[Finding]:
    """Every finding of every rule on the Customers sheet, sorted by row then rule order.
    ``limit_currencies``: {frame index: ISO code} of the limits the master keeps in another
    currency than their customer's (``io.limit_currencies``), judged among that currency's."""
    ctx = CheckContext(table, policy, pd.Timestamp(as_of).normalize(), arabic,
                       limit_currencies=dict(limit_currencies or {}))
    found: list[tuple[int, int, Finding]] = []
    for order, check in enumerate(CHECKS if checks is None else checks):
        try:
            for f in check(ctx):
                found.append((f.row or 0, order, f))
        except Exception as exc:  # one broken rule must not lose the other findings
            text = message("CHECK_FAILED", arabic, value=check.__name__,
                           reason=f"{type(exc).__name__}: {exc}")
            found.append((0, order, Finding("", None, "", "CHECK_FAILED", severity(
                "CHECK_FAILED"), text)))
    found.sort(key=lambda t: (t[0], t[1]))
    return [f for _, _, f in found]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    """The ``Customer Checks`` tab: the contract's columns, then Cell and Value."""
    frame = pd.DataFrame([f.as_row() for f in findings], columns=CHECKS_COLUMNS)
    frame["Row"] = frame["Row"].astype("Int64")
    return frame
