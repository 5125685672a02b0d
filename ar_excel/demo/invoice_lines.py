"""The demo's invoice lines and price list, with a handful of planted billing errors.

A company-wide EGP price list in which a quarter of the items changed price during the year;
lines for a share of the EGP invoices (the invoice amount is then the lines' total); and one
billing error per hundred invoices, each recorded in ``_defects`` so a test can check the
invoice checks find exactly them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.demo import vocabulary as vocab
from ar_excel.demo.defects import defect

VAT_PCT = 14.0  # Egypt's standard rate: the invoice lines are EGP invoices


def price_list(rng: np.random.Generator, as_of: pd.Timestamp) -> pd.DataFrame:
    """One row per item and validity period; a quarter of the items changed price mid-year."""
    start = (as_of - pd.Timedelta(days=400)).replace(day=1)
    rows = []
    for code, en, ar, unit, price in vocab.ITEMS:
        if rng.random() < 0.25:
            change = (as_of - pd.Timedelta(days=int(rng.integers(90, 240)))).replace(day=1)
            old = round(price / rng.uniform(1.08, 1.2), 2)
            rows.append((code, unit, old, start, change - pd.Timedelta(days=1), en, ar))
            rows.append((code, unit, price, change, pd.NaT, en, ar))
        else:
            rows.append((code, unit, price, start, pd.NaT, en, ar))
    frame = pd.DataFrame(rows, columns=["Item", "Unit", "Price", "Valid From", "Valid To",
                                        "Description", "Description (AR)"])
    frame["Currency"] = "EGP"  # one company-wide list; no customer-specific prices
    frame["Valid From"] = frame["Valid From"].astype("datetime64[ns]")
    frame["Valid To"] = frame["Valid To"].astype("datetime64[ns]")
    return frame


def list_price(periods: list[tuple[pd.Timestamp, pd.Timestamp, float]],
                day: pd.Timestamp) -> tuple[float, float | None]:
    """(price valid on ``day``, the other period's price if the item changed price)."""
    valid = [p for start, end, p in periods if start <= day and (pd.isna(end) or end >= day)]
    price = valid[0] if valid else periods[-1][2]
    other = [p for _, _, p in periods if p != price]
    return price, (other[0] if other else None)


def line_total(qty: float, price: float, disc: float, tax: float) -> float:
    return round(qty * price * (1 - disc / 100) * (1 + tax / 100), 2)


def invoice_lines(rng: np.random.Generator, customers: pd.DataFrame, invoices: pd.DataFrame,
                   prices: pd.DataFrame, share: float, as_of: pd.Timestamp,
                   defects: list[dict[str, str]]) -> pd.DataFrame:
    """Lines for a subset of EGP invoices; their invoice Amount is set to the lines' total.

    Billing errors planted (each recorded in ``_defects``): an old price after a price change,
    a tax rate that is not allowed, a line total that does not compute, an invoice total that
    differs from its lines, a discount the customer was not granted."""
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    home = invoices["Customer ID"].map(master["Currency"])
    ccy = invoices["Currency"].fillna(home)
    eligible = np.flatnonzero((ccy == "EGP").to_numpy() & (invoices["Amount"] > 0).to_numpy()
                              & invoices["Customer ID"].isin(master.index).to_numpy())
    k = min(len(eligible), max(20, int(len(invoices) * share)), 2500)
    chosen = np.sort(rng.choice(eligible, size=k, replace=False)) if k else eligible[:0]
    n_err = max(5, k // 100) if k >= 20 else 0
    errors = dict(zip(rng.choice(chosen, size=min(n_err, k), replace=False).tolist(),
                      rng.permutation(np.resize(["PRICE_NOT_LIST", "WRONG_TAX_RATE",
                                                 "LINE_TOTAL_MISMATCH", "INVOICE_TOTAL_MISMATCH",
                                                 "DISCOUNT_NOT_AGREED"], n_err)).tolist(),
                      strict=False))
    items = np.array([it[0] for it in vocab.ITEMS], dtype=object)
    list_prices = np.array([it[4] for it in vocab.ITEMS])
    changed = set(prices.loc[prices["Item"].duplicated(), "Item"])
    units = dict(zip(prices["Item"], prices["Unit"], strict=False))
    periods: dict[str, list[tuple[pd.Timestamp, pd.Timestamp, float]]] = {}
    for item, start, end, price in zip(prices["Item"], prices["Valid From"], prices["Valid To"],
                                       prices["Price"], strict=True):
        periods.setdefault(item, []).append((start, end, float(price)))
    rows = []
    amounts = invoices["Amount"].to_numpy().copy()
    for i in chosen:
        inv = invoices.iloc[i]
        day = inv["Invoice Date"]
        agreed = float(master.at[inv["Customer ID"], "Discount %"] or 0.0)
        disc = agreed if agreed <= 5 else 0.0
        error = errors.get(int(i))
        # Items and quantities that make up about what the invoice was for.
        target = float(amounts[i])
        k = int(rng.integers(1, 5))
        affordable = items[list_prices * 1.14 <= target / k * 1.5]
        pool = affordable if len(affordable) >= k else items[np.argsort(list_prices)[:max(k, 4)]]
        picks = list(rng.choice(pool, size=k, replace=False))
        if error == "PRICE_NOT_LIST" and not changed.intersection(picks) and changed:
            picks[0] = sorted(changed)[int(rng.integers(0, len(changed)))]
        shares = rng.dirichlet(np.ones(k))
        total = 0.0
        note = ""
        bad_line = int(rng.integers(0, len(picks)))
        for j, item in enumerate(picks):
            price, other = list_price(periods[item], day)
            tax, line_disc = VAT_PCT, disc
            qty = float(max(1, round(target * shares[j] / (price * (1 - disc / 100) * 1.14))))
            if j == bad_line and error == "PRICE_NOT_LIST":
                price = other if other is not None else round(price * 1.1, 2)
                note = f"{item} billed at {price:,.2f}"
            elif j == bad_line and error == "WRONG_TAX_RATE":
                tax = 10.0
                note = f"{item} taxed at 10%"
            elif j == bad_line and error == "DISCOUNT_NOT_AGREED":
                line_disc = 10.0
                note = f"{item} discounted 10%, customer's discount is {agreed:g}%"
            line = line_total(qty, price, line_disc, tax)
            if j == bad_line and error == "LINE_TOTAL_MISMATCH":
                line = round(line + float(rng.choice([90.0, 900.0, -450.0])), 2)
                note = f"{item} line total does not compute"
            total += line
            rows.append((inv["Invoice No"], item, qty, units[item], price, line_disc, tax, line))
        amounts[i] = round(total, 2)
        if error == "INVOICE_TOTAL_MISMATCH":
            amounts[i] = round(total + float(rng.choice([1000.0, -100.0, 2500.0])), 2)
            note = f"invoice total {amounts[i]:,.2f} vs lines {total:,.2f}"
        if error:
            defects.append(defect("Invoice Lines", inv["Invoice No"], "", error, note))
    invoices["Amount"] = amounts
    return pd.DataFrame(rows, columns=["Invoice No", "Item", "Quantity", "Unit", "Unit Price",
                                       "Discount %", "Tax Rate", "Line Total"])
