"""The ledger as it was before its fast paths (frozen but for later accounting rules: a blank
currency is the customer's only one): the reference the fast paths must equal."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from ar_excel.core.ledger import refunds_settle_credits
from ar_excel.model import ROW

CENT = 0.005  # below half a cent an item is settled

OPEN_ITEM_COLUMNS = [
    "Customer ID", "Item Type", "Document No", "Invoice No", "Date", "Due Date", "Currency",
    "Amount", "Open Amount", "Days Past Due", ROW,
]


def _timestamp(as_of: date | datetime | pd.Timestamp | None) -> pd.Timestamp:
    return pd.Timestamp(date.today() if as_of is None else as_of).normalize()


def due_dates(invoices: pd.DataFrame, customers: pd.DataFrame) -> pd.Series:
    """Due Date where given, else Invoice Date + the customer's Payment Terms in days."""
    terms = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Payment Terms"]
    days = invoices["Customer ID"].map(terms)
    days = pd.to_numeric(days, errors="coerce").fillna(0).astype("float64")
    computed = pd.to_datetime(invoices["Invoice Date"]) + pd.to_timedelta(days, unit="D")
    return pd.to_datetime(invoices["Due Date"]).fillna(computed)


def _existing(frame: pd.DataFrame, column: str, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Rows that exist on the as-of date (an undated row is taken to exist)."""
    if as_of is None:
        return frame
    dates = pd.to_datetime(frame[column])
    return frame[dates.isna() | (dates <= as_of)]


def applications(invoices: pd.DataFrame, payments: pd.DataFrame,
                 as_of: date | datetime | None = None) -> pd.DataFrame:
    """How much of each recorded payment went to the invoice it names.

    Returns one row per payment: Payment ID, Customer ID, Date, Amount, Invoice No,
    Applied Amount (0 when nothing could be applied), Unapplied Amount, and the payment's
    ``_row``. Payments to one invoice are applied oldest first, up to the invoice's amount.
    """
    cutoff = None if as_of is None else _timestamp(as_of)
    inv = _existing(invoices, "Invoice Date", cutoff)
    pay = _existing(payments, "Date", cutoff).copy()
    inv = inv[inv["Amount"] > 0].drop_duplicates("Invoice No")
    invoice_amount = inv.set_index("Invoice No")["Amount"]
    amount = pay["Amount"].fillna(0.0).astype("float64")
    target = pay["Invoice No"].map(invoice_amount)
    applicable = target.notna() & (amount > 0) & pay["Invoice No"].notna()  # fixed since

    applied = pd.Series(0.0, index=pay.index)
    if applicable.any():
        order = pay[applicable].assign(_amount=amount[applicable])
        order = order.sort_values(["Invoice No", "Date", ROW], kind="stable", na_position="last")
        paid_before = order.groupby("Invoice No")["_amount"].cumsum() - order["_amount"]
        room = (order["Invoice No"].map(invoice_amount) - paid_before).clip(lower=0.0)
        applied.loc[order.index] = np.minimum(order["_amount"], room)

    out = pd.DataFrame({
        "Payment ID": pay["Payment ID"],
        "Customer ID": pay["Customer ID"],
        "Date": pd.to_datetime(pay["Date"]),
        "Amount": amount,
        "Invoice No": pay["Invoice No"].where(applied > 0, None),
        "Applied Amount": applied.round(2),
        "Unapplied Amount": (amount - applied).round(2),
        ROW: pay[ROW],
    })
    return out


def open_items(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
               as_of: date | datetime | None = None) -> pd.DataFrame:
    """Every item open on the as-of date, with its signed open amount and days past due."""
    cutoff = None if as_of is None else _timestamp(as_of)
    today = _timestamp(as_of)
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    # a customer without a currency in the master has the one currency its invoices name
    named: dict = {}
    for cid, ccy in zip(invoices["Customer ID"], invoices["Currency"], strict=True):
        if pd.notna(ccy):
            named.setdefault(cid, set()).add(ccy)
    currency = master.to_dict()
    for cid, codes in named.items():
        if pd.isna(currency.get(cid)) and len(codes) == 1:
            currency[cid] = next(iter(codes))
    currency = pd.Series(currency, dtype=master.dtype)

    inv = _existing(invoices, "Invoice Date", cutoff)
    inv = inv[inv["Amount"].notna()]
    apps = applications(inv, payments, as_of)
    applied = apps.groupby("Invoice No")["Applied Amount"].sum()
    first = ~inv["Invoice No"].duplicated() | inv["Invoice No"].isna()
    paid = inv["Invoice No"].map(applied).fillna(0.0).where(first, 0.0)
    due = due_dates(inv, customers)
    credit_note = inv["Amount"] < 0
    invoice_rows = pd.DataFrame({
        "Customer ID": inv["Customer ID"],
        "Item Type": np.where(credit_note, "Credit Note", "Invoice"),
        "Document No": inv["Invoice No"],
        "Invoice No": inv["Invoice No"],
        "Date": pd.to_datetime(inv["Invoice Date"]),
        "Due Date": due.where(~credit_note, pd.to_datetime(inv["Invoice Date"])),
        "Currency": inv["Currency"].fillna(inv["Customer ID"].map(currency)),
        "Amount": inv["Amount"].astype("float64"),
        "Open Amount": (inv["Amount"] - paid).round(2),
        ROW: inv[ROW],
    })

    on_account = apps[apps["Unapplied Amount"].abs() >= CENT]
    # what is left of a receipt naming an invoice is in that invoice's currency
    named = payments["Invoice No"].reindex(on_account.index)
    numbered = inv[inv["Invoice No"].notna()].drop_duplicates("Invoice No")
    by_no = pd.Series(numbered["Currency"].fillna(numbered["Customer ID"].map(currency))
                      .to_numpy(), index=numbered["Invoice No"].to_numpy(), dtype=object)
    left_ccy = named.map(by_no[by_no.notna()])
    own_ccy = on_account["Customer ID"].map(currency)
    left_ccy = own_ccy.where(left_ccy.isna(), left_ccy)
    payment_rows = pd.DataFrame({
        "Customer ID": on_account["Customer ID"],
        "Item Type": "Payment",
        "Document No": on_account["Payment ID"],
        "Invoice No": None,
        "Date": on_account["Date"],
        "Due Date": on_account["Date"],
        "Currency": left_ccy,
        "Amount": -on_account["Amount"],
        "Open Amount": -on_account["Unapplied Amount"],
        ROW: on_account[ROW],
        "_refund_of": payments["Invoice No"].reindex(on_account.index).to_numpy(),
    })

    parts = [p for p in (invoice_rows, payment_rows) if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in OPEN_ITEM_COLUMNS})
    items = pd.concat(parts, ignore_index=True)
    # a later accounting rule: a refund pays out the customer's credits (the ledger's own
    # function, given what each refund names)
    items = refunds_settle_credits(items)
    items = items[items["Open Amount"].abs() >= CENT].reset_index(drop=True)
    items["Days Past Due"] = (today - pd.to_datetime(items["Due Date"])).dt.days.astype("Int64")
    return items[OPEN_ITEM_COLUMNS]


def open_balance(items: pd.DataFrame) -> pd.Series:
    """Each customer's balance: the sum of its signed open items, rounded to the cent."""
    return items.groupby("Customer ID", sort=True)["Open Amount"].sum().round(2)
