"""Customer statements (كشف حساب): balance brought forward, the period's movements, a running
balance and an aging footer.

Rules:

* Signs as in the ledger: an invoice is a debit (+), a credit note and a receipt are credits
  (-); a negative receipt (a refund paid out) is a debit.
* Opening balance = the signed sum of the customer's documents dated before the period's
  first day. The period's documents (dated from the first to the last day, inclusive)
  follow in date order — invoices, then credit notes, then receipts on the same day, then by
  document number — each with the running balance. Documents without a date are shown last
  in the period, so nothing is left out. Documents dated after the last day do not exist yet.
* Closing balance = opening + debits - credits, which equals the ledger's open balance on
  the last day (``ledger.open_items``): the aging footer is that ledger's buckets
  (``aging.aging_by_customer``), so the footer's total equals the closing balance.
* One section per currency: amounts in different currencies are never added. A receipt is
  in the currency of the invoice it names, else in the customer's currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from ar_excel.policy import Policy

LINE_COLUMNS = ["Date", "Type", "Document", "Reference", "Due Date", "Debit", "Credit",
                "Balance"]
TAB_COLUMNS = ["Customer ID", "Customer", "Currency", *LINE_COLUMNS]
TAB_FORMATS = {"Date": "date", "Due Date": "date", "Debit": "money", "Credit": "money",
               "Balance": "money"}
_TYPE_ORDER = {"Invoice": 0, "Credit Note": 1, "Receipt": 2, "Refund": 3}


@dataclass
class CurrencySection:
    currency: str | None
    opening: float
    lines: pd.DataFrame  # LINE_COLUMNS, period documents only
    closing: float
    aging: dict[str, float] = field(default_factory=dict)  # bucket label -> amount


@dataclass
class Statement:
    customer_id: str
    name: str | None
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    sections: list[CurrencySection]
    language: str = "en"
    address: str | None = None
    email: str | None = None
    tax_id: str | None = None


DOC_COLUMNS = ["Customer ID", "Date", "Type", "Document", "Reference", "Due Date", "Signed",
               "Currency"]


def documents(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
              due: pd.Series) -> pd.DataFrame:
    """Every customer's documents as statement lines with their signed amounts (all at once:
    the job cuts this frame by customer instead of building one per customer)."""
    currency = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"] \
        if "Currency" in customers else pd.Series(dtype=object)
    inv = invoices[invoices["Amount"].notna()]
    pay = payments[payments["Amount"].notna()]
    amount = inv["Amount"].astype(float)
    inv_currency = inv["Currency"] if "Currency" in inv else pd.Series(None, index=inv.index)
    inv_currency = inv_currency.fillna(inv["Customer ID"].map(currency))
    docs_inv = pd.DataFrame({
        "Customer ID": inv["Customer ID"],
        "Date": pd.to_datetime(inv["Invoice Date"]),
        "Type": np.where(amount < 0, "Credit Note", "Invoice"),
        "Document": inv["Invoice No"],
        "Reference": None,
        "Due Date": pd.to_datetime(due.reindex(inv.index)).where(amount >= 0),
        "Signed": amount,
        "Currency": inv_currency,
    })
    pamount = pay["Amount"].astype(float)
    # a receipt belongs to the currency of the invoice it pays, else the customer's
    by_invoice = pd.Series(inv_currency.to_numpy(), index=inv["Invoice No"].to_numpy())
    by_invoice = by_invoice[~by_invoice.index.duplicated()]
    docs_pay = pd.DataFrame({
        "Customer ID": pay["Customer ID"],
        "Date": pd.to_datetime(pay["Date"]),
        "Type": np.where(pamount < 0, "Refund", "Receipt"),
        "Document": pay["Payment ID"],
        "Reference": pay["Invoice No"],
        "Due Date": pd.NaT,
        "Signed": -pamount,
        "Currency": pay["Invoice No"].map(by_invoice).fillna(pay["Customer ID"].map(currency)),
    })
    parts = [p for p in (docs_inv, docs_pay) if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in DOC_COLUMNS})
    docs = pd.concat(parts, ignore_index=True)
    docs["Date"] = pd.to_datetime(docs["Date"])
    docs["Due Date"] = pd.to_datetime(docs["Due Date"])
    return docs[DOC_COLUMNS]


def customer_statement(customer_id: str, customers: pd.DataFrame, invoices: pd.DataFrame,
                       payments: pd.DataFrame, period_start: date, period_end: date,
                       due: pd.Series, items: pd.DataFrame, policy: Policy | None = None,
                       arabic: bool = False, aging: pd.DataFrame | None = None,
                       docs: pd.DataFrame | None = None) -> Statement:
    """One customer's statement for [period_start, period_end].

    ``due`` is ``ledger.due_dates(invoices, customers)``; ``items`` is
    ``ledger.open_items(..., as_of=period_end)`` (any customers: filtered here); ``aging``,
    when given, is ``aging.aging_by_customer`` of those items (saves recomputing it per
    customer when printing many statements), and ``docs`` likewise ``documents(...)``. The
    frames may be cut to this customer.
    """
    from ar_excel.core.aging import aging_by_customer, bucket_labels
    from ar_excel.core.collections.language import letter_language

    policy = policy or Policy()
    start = pd.Timestamp(period_start).normalize()
    end = pd.Timestamp(period_end).normalize()
    cust = customers[customers["Customer ID"] == customer_id]
    row = cust.iloc[0] if len(cust) else pd.Series(dtype=object)
    currency = row.get("Currency") if len(cust) else None
    if docs is None:
        docs = documents(cust, invoices[invoices["Customer ID"] == customer_id],
                         payments[payments["Customer ID"] == customer_id], due)
    else:
        docs = docs[docs["Customer ID"] == customer_id]
    docs = docs[docs["Date"].isna() | (docs["Date"] <= end)]
    if aging is None:
        mine = items[items["Customer ID"] == customer_id]
        aging = aging_by_customer(mine, customers, policy) if len(mine) else None
    else:
        aging = aging[aging["Customer ID"] == customer_id]
    labels = bucket_labels(policy.aging_buckets_days)

    sections = []
    currencies = sorted(set(docs["Currency"].fillna("")), key=lambda c: (c != (currency or ""), c))
    for ccy in currencies or [currency or ""]:
        d = docs[docs["Currency"].fillna("") == ccy]
        before = d["Date"].notna() & (d["Date"] < start)
        opening = round(float(d.loc[before, "Signed"].sum()), 2)
        period = d[~before].assign(
            _undated=lambda f: f["Date"].isna(), _t=lambda f: f["Type"].map(_TYPE_ORDER),
            _doc=lambda f: f["Document"].astype(str))
        period = period.sort_values(["_undated", "Date", "_t", "_doc"], kind="stable")
        signed = period["Signed"].to_numpy(dtype=float)
        lines = pd.DataFrame({
            "Date": period["Date"].to_numpy(),
            "Type": period["Type"].to_numpy(),
            "Document": period["Document"].to_numpy(),
            "Reference": period["Reference"].to_numpy(),
            "Due Date": period["Due Date"].to_numpy(),
            "Debit": np.where(signed > 0, signed, 0.0).round(2),
            "Credit": np.where(signed < 0, -signed, 0.0).round(2),
            "Balance": np.round(opening + np.cumsum(signed), 2),
        }, columns=LINE_COLUMNS)
        closing = round(opening + float(signed.sum()), 2)
        buckets = dict.fromkeys(labels, 0.0)
        if aging is not None:
            a = aging[aging["Currency"].fillna("") == ccy]
            if len(a):
                buckets = {label: float(a.iloc[0][label]) for label in labels}
        sections.append(CurrencySection(ccy or None, opening, lines, closing, buckets))
    name = row.get("Name") if len(cust) else None
    address = ", ".join(str(row.get(c)) for c in ("Address", "City", "Country")
                        if len(cust) and row.get(c) is not None and not pd.isna(row.get(c))) or None
    return Statement(customer_id=customer_id, name=name, period_start=start, period_end=end,
                     sections=sections, language=letter_language(name, arabic),
                     address=address, email=row.get("Email") if len(cust) else None,
                     tax_id=row.get("Tax ID") if len(cust) else None)


def statement_rows(stmt: Statement, words: dict[str, str] | None = None) -> pd.DataFrame:
    """The statement as tab rows: opening line, documents, closing line, aging footer."""
    w = {"opening": "Opening balance", "closing": "Closing balance", "aging": "Aging"}
    w.update(words or {})
    rows = []
    for s in stmt.sections:
        base = {"Customer ID": stmt.customer_id, "Customer": stmt.name, "Currency": s.currency}
        rows.append({**base, "Date": stmt.period_start, "Type": w["opening"],
                     "Balance": s.opening})
        for line in s.lines.to_dict("records"):
            rows.append({**base, **line})
        rows.append({**base, "Date": stmt.period_end, "Type": w["closing"], "Balance": s.closing})
        for label, amount in s.aging.items():
            rows.append({**base, "Type": w["aging"], "Document": label, "Balance": amount})
    out = pd.DataFrame(rows, columns=TAB_COLUMNS)
    for col in ("Date", "Due Date"):
        out[col] = pd.to_datetime(out[col])
    return out
