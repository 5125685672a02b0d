"""Delivered goods are invoiced, promptly.

Rules (rows of the ``Deliveries`` / ``Orders`` sheet; a row whose Status says it is
cancelled or a draft is left alone, and on a sheet named for orders rather than deliveries
also an order still open or pending; a blank Status counts as delivered):

* A delivery with no Invoice No more than ``uninvoiced_delivery_days`` (policy, default 7)
  before the as-of date is DELIVERY_NOT_INVOICED (Error): revenue leaks and the cash is late.
* Days to invoice = the invoice's date − the delivery's date. More than the policy's days is
  LATE_INVOICING (Warning); an invoice dated before its delivery is INVOICE_BEFORE_DELIVERY
  (Warning: billing ahead of delivery needs a reason).
* An Invoice No that is not in Invoices is DELIVERY_INVOICE_UNKNOWN (Warning).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.billing.context import KEY, BillingBook, invoice_key, lookup, per_distinct
from ar_excel.core.billing.findings import dates, empty, findings, money, text
from ar_excel.model import ROW

# Statuses of rows that are not (or no longer) deliveries, on any sheet ...
_NOT_DELIVERED = ("cancel", "void", "reject", "not delivered", "undelivered", "not shipped",
                  "draft", "quote", "quotation", "ملغ", "مرفوض", "لم يتم", "عرض سعر", "مسودة")
# ... and, on an orders sheet, of orders still waiting to be delivered (on a deliveries sheet
# "open" or "pending" means waiting for its invoice, which is what is checked).
_WAITING_ORDER = ("open", "pending", "backorder", "back order", "in progress", "confirmed",
                  "new", "مفتوح", "قيد", "معلق", "جديد", "مؤكد")
_DELIVERY_SHEET = ("deliver", "shipment", "shipping", "dispatch", "تسليم", "التسليمات", "شحن",
                   "اذن", "إذن", "اذون", "أذون")


def is_delivery_sheet(name: str) -> bool:
    """A sheet named for deliveries (Deliveries, Delivery Notes, التسليمات ...)."""
    text = str(name).lower()
    return any(word in text for word in _DELIVERY_SHEET)


def delivered(deliveries: pd.DataFrame, sheet: str = "Deliveries") -> pd.DataFrame:
    """The rows that are deliveries: not cancelled, and on an orders sheet not still open."""
    words = _NOT_DELIVERED if is_delivery_sheet(sheet) else _NOT_DELIVERED + _WAITING_ORDER
    waiting = per_distinct(deliveries["Status"], lambda s: _says(s, words))
    return deliveries[~waiting.fillna(False).astype(bool)]


def _says(status: object, words: tuple[str, ...]) -> bool:
    text = f" {str(status).strip().lower()} "
    return any(word in text for word in words)


def invoicing_days(book: BillingBook) -> pd.DataFrame:
    """Each delivered row with its invoice: columns Invoice Date, Days (NaN: not invoiced or
    unknown invoice), Invoiced (an Invoice No is given), Known (that invoice exists).
    Read it as ``book.invoicing_days``: computed once per book."""
    rows = delivered(book.deliveries, book.sheet("Orders"))
    heads = book.invoices[book.invoices[KEY].notna()].drop_duplicates(KEY).set_index(KEY)
    key = invoice_key(rows["Invoice No"])
    inv_date = pd.to_datetime(lookup(key, heads, "Invoice Date"))
    days = (inv_date.dt.normalize() - pd.to_datetime(rows["Date"]).dt.normalize()).dt.days
    return rows.assign(**{KEY: key, "Invoiced On": inv_date, "Days": days,
                          "Invoiced": key.notna(), "Known": key.isin(heads.index)})


def _money(rows: pd.DataFrame) -> list[str]:
    return money(rows["Amount"], 2)


def uninvoiced_deliveries(book: BillingBook) -> pd.DataFrame:
    """DELIVERY_NOT_INVOICED: delivered more than the policy's days ago and not invoiced."""
    limit = int(book.policy.uninvoiced_delivery_days)
    rows = book.invoicing_days
    age = (book.as_of - pd.to_datetime(rows["Date"]).dt.normalize()).dt.days
    bad = rows[~rows["Invoiced"] & rows["Date"].notna() & (age > limit)]
    return findings(
        "DELIVERY_NOT_INVOICED", n=len(bad), sheet=book.sheet("Orders"), row=bad[ROW],
        field="Invoice No", invoice=None, customer=bad["Customer ID"], amount=bad["Amount"],
        document=["delivery:" + str(r) for r in bad[ROW]], arabic=book.arabic,
        params={"order": text(bad["Order No"]), "date": dates(bad["Date"]),
                "amount": _money(bad), "days": [str(int(a)) for a in age[bad.index]],
                "limit": str(limit)},
    )


def invoicing_delays(book: BillingBook) -> pd.DataFrame:
    """LATE_INVOICING, INVOICE_BEFORE_DELIVERY, DELIVERY_INVOICE_UNKNOWN."""
    limit = int(book.policy.uninvoiced_delivery_days)
    rows = book.invoicing_days
    sheet, ar = book.sheet("Orders"), book.arabic
    parts = []
    late = rows[rows["Days"] > limit]
    early = rows[rows["Days"] < 0]
    for code, these in (("LATE_INVOICING", late), ("INVOICE_BEFORE_DELIVERY", early)):
        if len(these):
            parts.append(findings(
                code, n=len(these), sheet=sheet, row=these[ROW], field="Date",
                invoice=these["Invoice No"], customer=these["Customer ID"],
                amount=these["Amount"], document=these[KEY], arabic=ar,
                params={"order": text(these["Order No"]), "date": dates(these["Date"]),
                        "days": [str(abs(int(d))) for d in these["Days"]], "limit": str(limit)},
            ))
    unknown = rows[rows["Invoiced"] & ~rows["Known"]]
    if len(unknown):
        parts.append(findings(
            "DELIVERY_INVOICE_UNKNOWN", n=len(unknown), sheet=sheet, row=unknown[ROW],
            field="Invoice No", invoice=unknown["Invoice No"], customer=unknown["Customer ID"],
            amount=unknown["Amount"], document=["delivery:" + str(r) for r in unknown[ROW]],
            arabic=ar, params={"order": text(unknown["Order No"]),
                               "invoice": text(unknown["Invoice No"])},
        ))
    return pd.concat(parts, ignore_index=True) if parts else empty()
