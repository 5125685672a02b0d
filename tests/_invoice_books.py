"""A realistic, clean billing cycle (Jan–Jun 2024) for the invoice-check tests.

Six customers in EGP, SAR, KWD and JPY; a price list with a price change on 1 April, a
customer's own price, prices in KWD and JPY; a unit conversion (1 BOX = 100 PC) and a generic
one (1 DOZEN = 12 PC); ~70 invoices in series INV-2024-, two credit notes in CN-2024-, lines
with discounts and VAT (14 % EGP, 15 % SAR, 0 % KWD/JPY) rounded to each currency's decimals;
deliveries invoiced within days; some payments. Every invoice is right: the tests inject one
exception at a time and expect it found, and no Error anywhere else.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ar_excel.schema import empty_frame
from tests._workbooks import save_workbook

AS_OF = pd.Timestamp("2024-06-30")


def frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    """A parsed frame of ``kind`` with the reader's dtypes; ``_row`` = 2, 3, ... like a sheet."""
    base = empty_frame(kind)
    cols = [c for c in base.columns if c != "_row"]
    out = pd.DataFrame({c: [r.get(c) for r in rows] for c in cols}, columns=cols)
    for c in cols:
        if str(base[c].dtype) == "datetime64[ns]":
            out[c] = pd.to_datetime(out[c])
        else:
            out[c] = out[c].astype(base[c].dtype)
    out["_row"] = range(2, len(rows) + 2)
    return out


def rounded(value: float, places: int) -> float:
    q = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


CUSTOMERS = [
    # id, name, currency, terms, limit, status
    ("C001", "Nile Trading Co.", "EGP", 30, 5_000_000.0, "Active"),
    ("C002", "Gulf Foods LLC", "SAR", 45, 2_000_000.0, "Active"),
    ("C003", "Kuwait Steel W.L.L.", "KWD", 60, 500_000.0, "Active"),
    ("C004", "Tokyo Parts K.K.", "JPY", 30, None, "Active"),
    ("C005", "Delta Retail", "EGP", 15, 8_000_000.0, "Active"),
    ("C006", "Red Sea Hotels", "EGP", 30, 0.0, "Active"),
]
DECIMALS = {"EGP": 2, "SAR": 2, "KWD": 3, "JPY": 0}
VAT = {"EGP": 14.0, "SAR": 15.0, "KWD": 0.0, "JPY": 0.0}

# item, unit, price, valid from, valid to, customer, currency
PRICES = [
    ("P100", "KG", 42.50, "2024-01-01", "2024-03-31", None, None),
    ("P100", "KG", 45.00, "2024-04-01", None, None, None),
    ("P200", "PC", 1.25, None, None, None, None),
    ("P200", "PC", 1.10, None, None, "C005", None),
    ("P300", "L", 180.00, None, None, None, None),
    ("P400", "M", 12.35, "2023-01-01", None, None, None),
    ("P100", "KG", 4.125, None, None, None, "KWD"),
    ("P300", "L", 17.350, None, None, None, "KWD"),
    ("P100", "KG", 2150.0, None, None, None, "JPY"),
    ("P200", "PC", 63.0, None, None, None, "JPY"),
]
CONVERSIONS = [("P200", "BOX", "PC", 100.0), (None, "DOZEN", "PC", 12.0)]


@dataclass
class Cycle:
    """The clean cycle's records as lists of dicts, easy to change before building frames."""

    customers: list[dict] = field(default_factory=list)
    invoices: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    prices: list[dict] = field(default_factory=list)
    conversions: list[dict] = field(default_factory=list)
    deliveries: list[dict] = field(default_factory=list)
    payments: list[dict] = field(default_factory=list)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {
            "customers": frame("Customers", self.customers),
            "invoices": frame("Invoices", self.invoices),
            "lines": frame("Invoice Lines", self.lines),
            "prices": frame("Price List", self.prices),
            "conversions": frame("Unit Conversions", self.conversions),
            "deliveries": frame("Orders", self.deliveries),
            "payments": frame("Payments", self.payments),
        }

    def invoice(self, number: str) -> dict:
        return next(i for i in self.invoices if i["Invoice No"] == number)

    def lines_of(self, number: str) -> list[dict]:
        return [ln for ln in self.lines if ln["Invoice No"] == number]

    def retotal(self, number: str) -> None:
        """Recompute an invoice's Amount from its lines' totals (after changing a line)."""
        inv = self.invoice(number)
        inv["Amount"] = rounded(sum(ln["Line Total"] for ln in self.lines_of(number)),
                                DECIMALS[self.currency_of(number)])

    def currency_of(self, number: str) -> str:
        inv = self.invoice(number)
        return inv.get("Currency") or next(c["Currency"] for c in self.customers
                                           if c["Customer ID"] == inv["Customer ID"])

    def copy(self) -> Cycle:
        return replace(self, **{k: [dict(r) for r in getattr(self, k)] for k in (
            "customers", "invoices", "lines", "prices", "conversions", "deliveries",
            "payments")})


def line_total(qty: float, price: float, disc: float, rate: float, places: int) -> float:
    return rounded(qty * price * (1 - disc / 100) * (1 + rate / 100), places)


def _price(item: str, unit: str, customer: str, currency: str, day: pd.Timestamp) -> float:
    if unit == "BOX":
        return 100 * _price(item, "PC", customer, currency, day)
    if unit == "DOZEN":
        return 12 * _price(item, "PC", customer, currency, day)
    best = None
    for it, un, price, vf, vt, cust, ccy in PRICES:
        if it != item or un != unit or (cust and cust != customer):
            continue
        if (ccy or None) != (currency if currency in ("KWD", "JPY") else None):
            continue
        if (vf and day < pd.Timestamp(vf)) or (vt and day > pd.Timestamp(vt)):
            continue
        rank = (cust is not None, ccy is not None)
        if best is None or rank > best[0]:
            best = (rank, price)
    assert best is not None, (item, unit, customer, currency, day)
    return best[1]


_CATALOGUE = {
    "EGP": [("P100", "KG"), ("P200", "PC"), ("P200", "BOX"), ("P200", "DOZEN"), ("P300", "L"),
            ("P400", "M")],
    "SAR": [("P100", "KG"), ("P200", "PC"), ("P300", "L"), ("P400", "M")],
    "KWD": [("P100", "KG"), ("P300", "L")],
    "JPY": [("P100", "KG"), ("P200", "PC")],
}


def clean_cycle(seed: int = 7) -> Cycle:
    rnd = random.Random(seed)
    cyc = Cycle()
    for cid, name, ccy, terms, limit, status in CUSTOMERS:
        cyc.customers.append({"Customer ID": cid, "Name": name, "Currency": ccy,
                              "Payment Terms": terms, "Credit Limit": limit, "Status": status})
    for item, unit, price, vf, vt, cust, ccy in PRICES:
        cyc.prices.append({"Item": item, "Unit": unit, "Price": price, "Valid From": vf,
                           "Valid To": vt, "Customer ID": cust, "Currency": ccy})
    for item, fu, tu, factor in CONVERSIONS:
        cyc.conversions.append({"Item": item, "From Unit": fu, "To Unit": tu, "Factor": factor})

    day = pd.Timestamp("2024-01-02")
    numbers = [f"INV-2024-{n:04d}" for n in range(1, 71)]
    for k, number in enumerate(numbers):
        day = day + pd.Timedelta(days=rnd.choice([1, 2, 3, 4]))
        cust = CUSTOMERS[k % len(CUSTOMERS)]
        cid, ccy, terms = cust[0], cust[2], cust[3]
        places = DECIMALS[ccy]
        for _ in range(rnd.randint(1, 4)):
            if cid == "C006":  # hotel services: lump-sum lines, no item
                total = rounded(rnd.randint(1000, 9000) * 1.14, 2)
                cyc.lines.append({"Invoice No": number, "Item": None, "Quantity": None,
                                  "Unit": None, "Unit Price": None, "Discount %": None,
                                  "Tax Rate": 14.0, "Line Total": total})
                continue
            item, unit = rnd.choice(_CATALOGUE[ccy])
            qty = float(rnd.choice([1, 2, 5, 10, 12, 25, 40, 100, 250]))
            if unit == "KG":
                qty = float(rnd.choice([12.5, 100, 250.75, 1000]))
            price = _price(item, unit, cid, ccy, day)
            disc = float(rnd.choice([0, 0, 0, 2, 5, 2.5]))
            rate = VAT[ccy]
            cyc.lines.append({
                "Invoice No": number, "Item": item, "Quantity": qty,
                "Unit": rnd.choice({"PC": ["PC", "pcs", "Piece"], "KG": ["KG", "kg"],
                                    "BOX": ["BOX"], "DOZEN": ["Dozen"], "L": ["L", "Litre"],
                                    "M": ["M"]}[unit]),
                "Unit Price": price, "Discount %": disc, "Tax Rate": rate,
                "Line Total": line_total(qty, price, disc, rate, places),
            })
        due = None if k % 5 == 0 else day + pd.Timedelta(days=terms)
        cyc.invoices.append({"Invoice No": number, "Customer ID": cid, "Invoice Date": day,
                             "Due Date": due, "Currency": ccy if k % 3 == 0 else None,
                             "Amount": 0.0})
        cyc.retotal(number)
        cyc.deliveries.append({"Order No": f"DN-{k + 1:04d}", "Customer ID": cid,
                               "Date": day - pd.Timedelta(days=rnd.choice([0, 1, 2, 5])),
                               "Amount": cyc.invoice(number)["Amount"], "Invoice No": number,
                               "Status": "Delivered"})
    # two credit notes, own series, negative quantities
    for j, (number, src) in enumerate((("CN-2024-001", "INV-2024-0007"),
                                      ("CN-2024-002", "INV-2024-0031")), start=1):
        base = cyc.invoice(src)
        ccy = cyc.currency_of(src)
        first = cyc.lines_of(src)[0]
        ln = dict(first, **{"Invoice No": number, "Quantity": -first["Quantity"] if
                            first["Quantity"] is not None else None})
        if first["Quantity"] is not None:
            ln["Line Total"] = line_total(ln["Quantity"], ln["Unit Price"], ln["Discount %"],
                                          ln["Tax Rate"], DECIMALS[ccy])
        else:
            ln["Line Total"] = -first["Line Total"]
        cyc.lines.append(ln)
        cyc.invoices.append({"Invoice No": number, "Customer ID": base["Customer ID"],
                             "Invoice Date": base["Invoice Date"] + pd.Timedelta(days=10 * j),
                             "Due Date": None, "Currency": None, "Amount": 0.0})
        cyc.retotal(number)
    # an open delivery of this week, not yet invoiced (within policy), and a cancelled order
    cyc.deliveries.append({"Order No": "DN-0900", "Customer ID": "C001",
                           "Date": AS_OF - pd.Timedelta(days=3), "Amount": 5000.0,
                           "Invoice No": None, "Status": "Delivered"})
    cyc.deliveries.append({"Order No": "SO-0901", "Customer ID": "C002",
                           "Date": AS_OF - pd.Timedelta(days=40), "Amount": 800.0,
                           "Invoice No": None, "Status": "Cancelled"})
    # payments: the first twenty invoices paid in full
    for k, inv in enumerate(cyc.invoices[:20]):
        cyc.payments.append({"Payment ID": f"R{k + 1:03d}", "Customer ID": inv["Customer ID"],
                             "Date": inv["Invoice Date"] + pd.Timedelta(days=20),
                             "Amount": inv["Amount"], "Invoice No": inv["Invoice No"]})
    return cyc


def write_workbook(cyc: Cycle, path, deliveries_sheet: str = "Deliveries") -> None:
    """The cycle as an accountant's workbook (openpyxl), one sheet per record kind."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = [("Customers", cyc.customers), ("Invoices", cyc.invoices),
              ("Invoice Lines", cyc.lines), ("Price List", cyc.prices),
              ("Unit Conversions", cyc.conversions), (deliveries_sheet, cyc.deliveries),
              ("Payments", cyc.payments)]
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        header = list(rows[0])
        ws.append(header)
        for r in rows:
            ws.append([v.to_pydatetime() if isinstance(v, pd.Timestamp) else v
                       for v in (r[h] for h in header)])
    save_workbook(wb, path)
