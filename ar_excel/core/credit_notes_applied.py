"""A credit note that names the invoice it corrects settles that invoice.

An invoice list whose credit notes say which invoice each corrects, in a column of its own
(``Original Invoice``, ``Against Invoice``, ERPNext's ``Return Against``, Zoho's
``Associated Invoice Number``: ``billing.credit_notes.reference_column``), records more than
a credit on account: the return or price difference is that invoice's, as the ERP that
issued it sets it against the invoice (ERPNext's outstanding, Odoo's reconciled reversal).
So, as of a date on which both exist, the credit note's open amount is taken off the open
amount of the invoice it names (same customer and currency), up to what is still open of
it; what is left of the credit note stays open on its own date. The balance is unchanged;
what moves is the invoice's lateness: 5,250.00 credited on an invoice not yet due leaves the
customer's overdue invoices owed in full, where a credit on account would first have
offset them (Aging, Credit Status, Dunning, the KPIs' overdue AR). A credit note named only
by its own number or a free-text reference stays a credit on account.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import invoice_key
from ar_excel.core.billing.credit_notes import named_in, reference_column
from ar_excel.core.money import decimals_of
from ar_excel.model import ROW


def credit_notes_settle_their_invoices(items: pd.DataFrame, inv: pd.DataFrame) -> pd.DataFrame:
    """``items`` (open items of ``ledger``) after each credit note of ``inv`` naming its
    invoice in a reference column has been set against that invoice (see the module
    docstring)."""
    column = reference_column(inv)
    if column is None or not len(items):
        return items
    notes = inv[(inv["Amount"] < 0) & inv[column].notna()]
    if not len(notes):
        return items
    # (an undated credit note stays an item: the Aging tells its date cell)
    credit = (items["Item Type"] == "Credit Note").to_numpy(dtype=bool) & \
        (items["Open Amount"] < 0).to_numpy(dtype=bool) & items["Date"].notna().to_numpy(bool)
    if not credit.any():
        return items
    # the invoice each credit note names, by the credit note's customer and number
    named = dict(zip(zip(notes["Customer ID"], invoice_key(notes["Invoice No"]), strict=True),
                     named_in(notes, column), strict=True))
    items = items.reset_index(drop=True)
    open_amount = items["Open Amount"].to_numpy(dtype="float64").copy()
    customers = items["Customer ID"].to_numpy(dtype=object)
    currencies = items["Currency"].fillna("").to_numpy(dtype=object)
    numbers = invoice_key(items["Document No"]).to_numpy(dtype=object)
    kinds = items["Item Type"].to_numpy(dtype=object)
    invoices: dict[tuple, int] = {}
    for i in np.flatnonzero((kinds == "Invoice") & (open_amount > 0)):
        invoices.setdefault((customers[i], currencies[i], numbers[i]), i)
    # (in date order, each credit note dated: see ``credit``)
    order = items.sort_values(["Date", ROW], kind="stable").index.to_numpy()
    touched: set[int] = set()
    for c in order:
        if not credit[c]:
            continue
        target = named.get((customers[c], numbers[c]))
        i = invoices.get((customers[c], currencies[c], target)) if isinstance(target, str) \
            else None
        if i is None:
            continue
        take = min(open_amount[i], -open_amount[c])
        if take <= 0:
            continue
        open_amount[i] -= take
        open_amount[c] += take
        touched |= {i, c}
    if not touched:
        return items
    for i in touched:  # to the currency's minor unit again (the sums are exact in it)
        open_amount[i] = round(open_amount[i], decimals_of(currencies[i] or None)) + 0.0
    return items.assign(**{"Open Amount": open_amount})
