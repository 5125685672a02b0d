"""The customer master's duplicate checks: which records are one company's.

Two live records are taken for one company when they share a tax ID (DUPLICATE_TAX_ID), or
when their names match closely enough, helped by a shared phone, email, bank account or tax
ID (POSSIBLE_DUPLICATE; ``duplicates.possible_duplicates`` scores them). The Customer Checks
tab reports each; Credit Status notes them (``same_company``) so one company's accounts are
seen together against its credit.

Records kept apart on purpose are no duplicates, and are neither reported nor linked:

- a closed or deletion-flagged record: a duplicate the master has already retired (merged
  into the live one);
- one customer's jobs: a QuickBooks job and its customer ("Cool Cars:Service Dept" and
  "Cool Cars"), or two jobs of one customer, each billed on its own with the customer's
  details; a job of a listed customer is judged through that customer; so are NetSuite's
  sub-customers, keyed by code and named under their parent ("Acme Corp : Cairo Branch");
- billed-to accounts: an account billed to another (Business Central's Bill-to Customer No.,
  Dynamics 365's Invoice account, a head office), or two billed to the same one;
- branches: a record named as a branch ("Lulu Hypermarket - Al Barsha Branch"), by its own
  City or Address ("Lulu Hypermarket - Al Barsha" in Al Barsha), or so in its second name
  line (SAP's Name 2): one company's outlets, not duplicates of it.

In a month-end run validate and credit both ask these questions of the same book: the
answers are found once (``per_run.once_per_run``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pandas as pd

from ar_excel.core.customers import contacts, duplicates
from ar_excel.core.customers.check_context import (
    CheckContext,
    Finding,
    as_typed,
    blank,
    customer_tax_ids,
    display,
    keeps_tax_ids,
    retired_records,
    tax_finding,
    with_further_columns,
)
from ar_excel.core.customers.messages import evidence
from ar_excel.core.customers.parents import PARENT_HEADERS
from ar_excel.core.per_run import once_per_run
from ar_excel.model import Table
from ar_excel.names import match_key
from ar_excel.policy import Policy


def _who(ctx: CheckContext, index: object) -> str:
    """``C0042 'Nile Foods' (row 17)`` — how another record is named in a message."""
    name = ctx._column("parsed", "Name")[index]
    label = f"{ctx.customer_id(index) or '?'} '{display(name)}'" if not blank(name) else \
        ctx.customer_id(index) or "?"
    return f"{label} ({'صف' if ctx.arabic else 'row'} {ctx.row(index)})"


def _others(ctx: CheckContext, indexes: list[object], limit: int = 5) -> str:
    shown = ", ".join(_who(ctx, i) for i in indexes[:limit])
    if len(indexes) > limit:
        more = len(indexes) - limit
        shown += f" {'و' if ctx.arabic else 'and'} {more} {'آخرين' if ctx.arabic else 'more'}"
    return shown


def _closed(ctx: CheckContext) -> list[bool]:
    """Per record, whether the master has closed it (Closed, Inactive) or flagged it for
    deletion (SAP's Deletion Flag X): a duplicate already retired."""
    retired = retired_records(ctx)
    return [index in retired for index in ctx.frame.index]


def _branch_names(ctx: CheckContext) -> list[object]:
    """The names as the duplicate search reads them: a part naming the record's own City or
    Address, or a second name line naming a branch, marks a branch (``branches_by_place``)."""
    key = ("branch names",)
    if key not in ctx._cache:
        places = [c for c in ("City", "Address") if ctx.has(c)]
        second = next((c for c in ctx.frame.columns if isinstance(c, str) and
                       c in ctx.table.letters and match_key(c) in ("name2", "الاسم2")), None)
        cells = [ctx.values(c).tolist() for c in places]
        ctx._cache[key] = duplicates.branches_by_place(
            ctx.values("Name").tolist(), list(zip(*cells, strict=True)) if cells else
            [()] * len(ctx.frame), None if second is None else ctx.values(second).tolist())
    return ctx._cache[key]


def _parent(customer_id: str) -> str:
    """The customer a QuickBooks job or sub-customer belongs to ("Cool Cars:Service Dept"
    is a job of "Cool Cars"): the ID's part before its first colon, else the ID itself."""
    head, colon, _ = customer_id.partition(":")
    return head.strip().casefold() if colon and head.strip() else customer_id.casefold()


def _jobs(ctx: CheckContext) -> set[object]:
    """The jobs of customers the master lists: each is judged through its customer."""
    key = ("jobs",)
    if key not in ctx._cache:
        if not ctx.values("Customer ID").map(str).str.contains(":", regex=False).any():
            ctx._cache[key] = set()  # no job is written "Customer:Job"
            return ctx._cache[key]
        ids = {index: ctx.customer_id(index) for index in ctx.frame.index}
        listed = {i.casefold() for i in ids.values()}
        ctx._cache[key] = {index for index, i in ids.items()
                           if ":" in i and _parent(i) != i.casefold() and _parent(i) in listed}
    return ctx._cache[key]


def _billed_to(ctx: CheckContext) -> dict[object, str]:
    """Per record, the account it is billed to or belongs under (another record's ID)."""
    key = ("billed to",)
    if key not in ctx._cache:
        column = next((c for c in ctx.frame.columns if isinstance(c, str) and
                       c in ctx.table.letters and match_key(c) in PARENT_HEADERS), None)
        out: dict[object, str] = {}
        if column is not None:
            for index, value in ctx.values(column).items():
                if not blank(value):
                    out[index] = duplicates.id_key(as_typed(value))
        ctx._cache[key] = out
    return ctx._cache[key]


def _listed_ids(ctx: CheckContext) -> set[str]:
    key = ("listed ids",)
    if key not in ctx._cache:
        ctx._cache[key] = {duplicates.id_key(ctx.customer_id(i)) for i in ctx.frame.index}
    return ctx._cache[key]


def _one_customers_jobs(ctx: CheckContext, a: object, b: object) -> bool:
    """Two records are a customer and its job, two jobs of one customer (kept apart on
    purpose: QuickBooks bills each job on its own, with the customer's details), a job of a
    listed customer beside another record (judged against its customer), or two accounts
    of which one is billed to the other or both to a third (a delivery account, judged
    through the customer billed)."""
    ida, idb = ctx.customer_id(a), ctx.customer_id(b)
    if ((":" in ida or ":" in idb) and _parent(ida) == _parent(idb)) or {a, b} & _jobs(ctx):
        return True
    # NetSuite keys its customers by code and names a sub-customer with its parent's name
    # ("Acme Corp : Cairo Branch"): the hierarchy is in the names
    names = ctx.values("Name")
    na, nb = (str(names.get(i)) if not blank(names.get(i)) else "" for i in (a, b))
    if (":" in na or ":" in nb) and na and nb and _parent(na) == _parent(nb):
        return True
    billed = _billed_to(ctx)
    pa, pb = billed.get(a), billed.get(b)
    if pa == duplicates.id_key(idb) or pb == duplicates.id_key(ida) or (
            pa is not None and pa == pb):
        return True
    if pa is None and pb is None:
        return False
    # an account billed to another listed customer is judged through that customer
    listed = _listed_ids(ctx)
    return any(p is not None and p in listed and p != duplicates.id_key(i)
               for p, i in ((pa, ida), (pb, idb)))


def _tax_partners(ctx: CheckContext) -> dict[int, list[int]]:
    """Per position, the live records sharing its tax ID that are not its own company's
    branches or jobs (positions in the frame). In a month-end run validate and credit
    both ask: it is found once."""
    return once_per_run("tax partners", (ctx.table, ctx.policy), lambda: _find_tax_partners(ctx))


def _find_tax_partners(ctx: CheckContext) -> dict[int, list[int]]:
    if not keeps_tax_ids(ctx):
        return {}
    index = list(ctx.frame.index)
    shared = duplicates.shared_tax_ids(list(ctx.values("Customer ID")), list(customer_tax_ids(ctx)[0]),
                                       _branch_names(ctx))
    # a closed record is a duplicate already retired (merged into the live one): not again
    closed = _closed(ctx)
    out: dict[int, list[int]] = {}
    for p in sorted(shared):
        partners = [q for q in shared[p] if not closed[q] and
                    not _one_customers_jobs(ctx, index[p], index[q])]
        if not closed[p] and partners:
            out[p] = partners
    return out


def duplicate_tax_id(ctx: CheckContext) -> Iterator[Finding]:
    index = list(ctx.frame.index)
    for p, partners in _tax_partners(ctx).items():
        others = [index[q] for q in partners]
        yield tax_finding(ctx, index[p], "DUPLICATE_TAX_ID", others=_others(ctx, others))


def _name_partners(ctx: CheckContext) -> dict[int, list[duplicates.Match]]:
    """Per position, the possible-duplicate matches it is in (live records, not one
    customer's jobs). In a month-end run validate and credit both ask: it is found once."""
    return once_per_run("name partners", (ctx.table, ctx.policy),
                        lambda: _find_name_partners(ctx))


def _calling_codes(ctx: CheckContext) -> pd.Series:
    """Each customer's country's calling code (its Country cell, else its currency; "" where
    neither names a country we know): what its numbers written from 0 are dialled with."""
    has_country, has_currency = ctx.has("Country"), "Currency" in ctx.frame.columns
    currency = ctx._column("parsed", "Currency") if has_currency else {}
    memo: dict[tuple[str, str], str] = {}
    codes = []
    for index in ctx.frame.index:
        cell = ctx.raw(index, "Country") if has_country else None
        ccy = currency.get(index)
        key = (as_typed(cell) if not blank(cell) else "", str(ccy) if not blank(ccy) else "")
        if key not in memo:
            found, _ = contacts.tax_country(*key)
            memo[key] = duplicates.CALLING_CODES.get(found or "", "")
        codes.append(memo[key])
    return pd.Series(codes, index=ctx.frame.index, dtype="object")


def _find_name_partners(ctx: CheckContext) -> dict[int, list[duplicates.Match]]:
    index = list(ctx.frame.index)
    details = duplicates.contacts_of(with_further_columns(ctx, "Phone", " / "), with_further_columns(ctx, "Email", "; "),
                                     ctx.values("IBAN / Bank Account"), customer_tax_ids(ctx)[0],
                                     _calling_codes(ctx))
    matches = duplicates.possible_duplicates(list(ctx.values("Customer ID")),
                                             _branch_names(ctx), details)
    partners: dict[int, list[duplicates.Match]] = {}
    closed = _closed(ctx)
    for m in matches:
        if closed[m.left] or closed[m.right]:
            continue  # a duplicate the master has already retired
        if _one_customers_jobs(ctx, index[m.left], index[m.right]):
            continue
        partners.setdefault(m.left, []).append(m)
        partners.setdefault(m.right, []).append(m)
    return partners


def same_company(table: Table, policy: Policy, as_of: date | pd.Timestamp
                 ) -> dict[str, list[str]]:
    """Per Customer ID, the other Customer IDs the master's duplicate checks
    (DUPLICATE_TAX_ID, POSSIBLE_DUPLICATE) take for the same company, joined into groups
    (one company's accounts, each linked to another), sorted."""
    ctx = CheckContext(table, policy, pd.Timestamp(as_of).normalize(), False)
    links = {p: set(qs) for p, qs in _tax_partners(ctx).items()}
    for p, found in _name_partners(ctx).items():
        links.setdefault(p, set()).update(m.right if m.left == p else m.left for m in found)
    ids = [ctx.customer_id(i) for i in ctx.frame.index]
    parent = {i: i for i in ids if i}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for p, qs in sorted(links.items()):
        for q in sorted(qs):
            a, b = ids[p], ids[q]
            if a and b and a != b:
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return {i: [j for j in members if j != i] for members in groups.values()
            if len(members) > 1 for i in members}


def possible_duplicate(ctx: CheckContext) -> Iterator[Finding]:
    index = list(ctx.frame.index)
    partners = _name_partners(ctx)
    for p in sorted(partners):
        found = sorted(partners[p], key=lambda m: (-m.score, m.right if m.left == p else m.left))
        others = [index[m.right if m.left == p else m.left] for m in found]
        yield ctx.finding(index[p], "Name", "POSSIBLE_DUPLICATE", others=_others(ctx, others),
                          evidence=evidence(list(found[0].evidence), ctx.arabic))
