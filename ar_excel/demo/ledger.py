"""A realistic receivables ledger for demos, tests and benchmarks (clean canonical frames).

What it models, so the jobs have something true to find:

* Customers in Egypt, Saudi Arabia and the UAE, named in Arabic or English, billed in their
  local currency (some in USD), with the contract's columns. Like every real customer master
  it has defects: a customer keyed twice under a spelling variant, a re-used customer code, a
  bad e-mail, a missing tax id, a discount above policy, unusual terms, an odd currency code.
* Invoices spread over the twelve months before ``as_of``, a few customers buying most (as in
  any B2B book), some credit notes (negative), some with a blank due date (then due = invoice
  date + the customer's terms) or a blank currency (then the customer's).
* Receipts: each customer pays with its own habit (prompt, normal, slow, problem payer), so
  the payment delay past the due date is drawn per customer. Two profiles: ``backlog`` (the
  latest receipts wait for the next bank statement) and ``steady`` (receipts every month up
  to the as-of date, a few late payers: a company's books at its month end). Most receipts
  name the invoice they settle; some are partial (paid in two instalments or only in part),
  some short by bank charges, a few over-paid, a few unapplied (on account) and a few naming
  a mistyped invoice.
* Optional sheets so every job has input: open orders (some delivered, not invoiced), credit
  limit requests, invoice lines with the price list (consistent, with a handful of billing
  errors), payment plans and the Policy key/values.

``make_ledger`` returns the sheets as the reader would parse them (canonical column names,
contract dtypes) plus ``_defects``: the planted defects (Sheet, Key, Field, Code, Note), so a
test can check a job finds exactly them. Same arguments -> identical frames. Codes:
Customers (Key = Customer ID): INVALID_EMAIL, INVALID_PHONE, MISSING_TAX_ID,
DISCOUNT_ABOVE_POLICY, UNUSUAL_TERMS, INVALID_CREDIT_LIMIT, INVALID_CURRENCY, MISSING_NAME,
POSSIBLE_DUPLICATE (Note names the original), DUPLICATE_ID, OVER_LIMIT; Invoices (Key =
Invoice No): UNKNOWN_CUSTOMER, CURRENCY_MISMATCH, DUE_DATE_INCONSISTENT; Invoice Lines (Key =
Invoice No): PRICE_NOT_LIST, WRONG_TAX_RATE, LINE_TOTAL_MISMATCH, INVOICE_TOTAL_MISMATCH,
DISCOUNT_NOT_AGREED; Payments: SHORT_PAYMENT and OVERPAYMENT (Key = Invoice No),
UNKNOWN_INVOICE (Key = the mistyped number).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ar_excel.demo import vocabulary as vocab
from ar_excel.demo.defects import DEFECT_COLUMNS, defect
from ar_excel.demo.identities import (
    ibans,
    phone,
    spelling_variant,
    tax_ids,
    to_arabic_digits,
    unique_companies,
)
from ar_excel.demo.invoice_lines import invoice_lines, price_list
from ar_excel.model import ROW
from ar_excel.schema import SCHEMAS, empty_frame

AS_OF = date(2026, 10, 31)

# Typical invoice size per currency (median, before the customer's own size factor).
INVOICE_SCALE = {"EGP": 32_000.0, "SAR": 9_500.0, "AED": 9_500.0, "USD": 2_600.0}
USD_RATE = {"EGP": 48.5, "SAR": 3.75, "AED": 3.6725, "USD": 1.0}
BANK_CHARGE = {"EGP": (10, 60), "SAR": (10, 35), "AED": (10, 35), "USD": (15, 45)}

# Payment habits: share of customers, mean and spread of days paid after the due date.
PAYER_CLASSES = (("prompt", 0.38, -3.0, 5.0), ("normal", 0.35, 12.0, 10.0),
                 ("slow", 0.19, 40.0, 20.0), ("problem", 0.08, 115.0, 60.0))

# The receipts profiles of ``make_ledger``: per payer class (in PAYER_CLASSES' order), the
# share of customers and the chance a customer of the class is on Hold in the master.
# ``backlog``: the receipts recorded settle the invoices that fell to be paid earliest and the
# latest wait for the month's bank statement (what the matching benchmarks reconcile).
# ``steady``: a company billing and collecting every month up to the as-of date; fewer chronic
# late payers, and Hold kept for them and a few slow payers.
RECEIPT_PROFILES = {
    "backlog": (tuple(k[1] for k in PAYER_CLASSES), (0.01, 0.02, 0.08, 0.45)),
    "steady": ((0.50, 0.33, 0.13, 0.04), (0.0, 0.0, 0.03, 0.45)),
}

# In a steady book, the share of the invoices the customers' habits say are paid by now that
# are still open (half in transit, half held back by late payers).
STEADY_LEFT_OPEN = 0.01

TERMS_CHOICES = (0, 15, 30, 45, 60, 90)
TERMS_SHARE = (0.08, 0.12, 0.40, 0.15, 0.17, 0.08)



def make_ledger(n_customers: int = 300, n_invoices: int = 4000, n_payments: int = 3000,
                seed: int = 2026, as_of: date | pd.Timestamp = AS_OF, *,
                lines_share: float = 0.08, arabic_names: float | None = None,
                receipts: str = "backlog") -> dict[str, pd.DataFrame]:
    """The demo ledger: ``Customers``, ``Invoices``, ``Payments``, ``Orders``, ``Credit
    Requests``, ``Invoice Lines``, ``Price List``, ``Payment Plans``, ``Policy`` and
    ``_defects`` (not a sheet: what was planted). ``n_customers`` rows of customers exactly,
    ``n_invoices`` invoices and credit notes, ``n_payments`` receipts dated up to ``as_of``;
    ``arabic_names``: share of customers named in Arabic (default: about half, by country);
    ``receipts``: how the receipts run up to ``as_of`` (``RECEIPT_PROFILES``): ``backlog``
    (the default: the latest invoices wait for the next bank statement) or ``steady`` (receipts
    every month to ``as_of``, as in the demo workbooks; give it at least as many receipts as
    the habits produce, ~0.93 per invoice: fewer leave more invoices open as disputes, more
    are instalments of invoices paid in two)."""
    if n_customers < 10 or n_invoices < 10 or n_payments < 0:
        raise ValueError("make_ledger needs at least 10 customers and 10 invoices")
    if receipts not in RECEIPT_PROFILES:
        raise ValueError(f"receipts must be one of {', '.join(RECEIPT_PROFILES)}: {receipts!r}")
    rng = np.random.default_rng(seed)
    day = pd.Timestamp(as_of).normalize()
    defects: list[dict[str, str]] = []

    customers, profile = _customers(rng, n_customers, n_invoices, day, defects, arabic_names,
                                    receipts)
    invoices = _invoices(rng, customers, profile, n_invoices, day, defects)
    prices = price_list(rng, day)
    lines = invoice_lines(rng, customers, invoices, prices, lines_share, day, defects)
    payments = _payments(rng, customers, profile, invoices, n_payments, day, defects, receipts)
    for kind, frame in (("Customers", customers), ("Invoices", invoices), ("Payments", payments)):
        _as_read(kind, frame)
    _credit_limits(rng, customers, invoices, payments, day, defects)
    frames = {
        "Customers": customers,
        "Invoices": invoices,
        "Payments": payments,
        "Orders": _orders(rng, customers, profile, invoices, day),
        "Credit Requests": _credit_requests(rng, customers, day),
        "Invoice Lines": lines,
        "Price List": prices,
        "Payment Plans": _payment_plans(rng, customers, profile, day),
        "Policy": policy_frame(),
    }
    for kind, frame in frames.items():
        if kind not in ("Customers", "Invoices", "Payments"):  # read above, before the limits
            _as_read(kind, frame)
    frames["_defects"] = pd.DataFrame(defects, columns=DEFECT_COLUMNS, dtype=object)
    return frames


def _credit_limits(rng: np.random.Generator, customers: pd.DataFrame, invoices: pd.DataFrame,
                   payments: pd.DataFrame, as_of: pd.Timestamp,
                   defects: list[dict[str, str]]) -> None:
    """Set limits the way a credit controller does: above what the customer owes plus a
    month's sales, with a margin; a few accounts have outgrown theirs (over limit)."""
    from ar_excel.core.ledger import open_balance, open_items

    owed = open_balance(open_items(customers, invoices, payments, as_of=as_of)).clip(lower=0)
    recent = invoices[invoices["Invoice Date"] > as_of - pd.Timedelta(days=365)]
    monthly = recent[recent["Amount"] > 0].groupby("Customer ID")["Amount"].sum() / 12
    set_ = (customers["Credit Limit"] > 0).to_numpy() & ~customers["Customer ID"].duplicated(
        keep=False).to_numpy()
    ids = customers["Customer ID"]
    base = ids.map(owed).fillna(0.0).to_numpy() + ids.map(monthly).fillna(0.0).to_numpy()
    step = np.where(customers["Currency"].eq("EGP").to_numpy(), 10_000.0, 5_000.0)
    limit = np.maximum(np.ceil(base * rng.uniform(1.15, 2.0, len(ids)) / step), 1) * step
    exposure = ids.map(owed).fillna(0.0).to_numpy()
    over = set_ & (exposure > 2 * step) & (rng.random(len(ids)) < 0.07)
    limit = np.where(over, np.ceil(exposure * rng.uniform(0.6, 0.9, len(ids)) / step) * step,
                     limit)
    customers["Credit Limit"] = np.where(set_, limit, customers["Credit Limit"].to_numpy())
    for cid in ids[over]:
        defects.append(defect("Customers", cid, "Credit Limit", "OVER_LIMIT",
                               "owes more than its credit limit"))


def _as_read(kind: str, frame: pd.DataFrame) -> None:
    """Give a sheet the reader's dtypes (text as object with None for blank) and ``_row``, the
    row it would have under a header in row 1 (the messy workbook's rows differ: its writer
    reports where each record went)."""
    kinds = {f.name: f.kind for f in SCHEMAS[kind].fields} if kind in SCHEMAS else {}
    if kind in SCHEMAS:  # optional contract columns this ledger does not fill: present, empty
        empty = empty_frame(kind)
        for name in kinds:
            if name not in frame.columns:
                frame[name] = pd.Series([None] * len(frame), dtype=empty[name].dtype) \
                    if empty[name].dtype == object else \
                    pd.Series(np.nan, index=frame.index).astype(empty[name].dtype)
    for column in frame.columns:
        if kinds.get(column, "text") in ("id", "text", "currency", "status") and not (
                pd.api.types.is_numeric_dtype(frame[column])
                or pd.api.types.is_datetime64_any_dtype(frame[column])):
            values = frame[column].astype(object)
            frame[column] = values.where(values.notna(), None)
    frame[ROW] = np.arange(2, len(frame) + 2, dtype="int64")


def policy_frame() -> pd.DataFrame:
    """The Policy sheet: the contract's defaults written out, as a finance team keeps them."""
    rows = [
        ("allowed_terms_days", "0, 7, 15, 30, 45, 60, 90", "Payment terms we grant (days)"),
        ("max_discount_pct", "5", "Above this a discount needs the CFO's approval"),
        ("credit_warning_pct", "80", "Warn when exposure reaches this % of the limit"),
        ("overdue_hold_days", "90", "Hold the account when an invoice is this far past due"),
        ("aging_buckets_days", "30, 60, 90", ""),
        ("aging_basis", "due date", ""),
        ("date_order", "day first", "31/01/2026"),
        ("fee_tolerance", "25.00 absolute or 0.5 % of the invoice", "Bank charges written off"),
        ("base_currency", "EGP", ""),
    ]
    return pd.DataFrame(rows, columns=["Key", "Value", "Notes"])


# ------------------------------------------------------------------ customers

def _customers(rng: np.random.Generator, n: int, n_invoices: int, as_of: pd.Timestamp,
               defects: list[dict[str, str]], arabic_names: float | None = None,
               receipts: str = "backlog") -> tuple[pd.DataFrame, pd.DataFrame]:
    n_variants = max(1, n // 100)
    n_reused = max(1, n // 400)
    m = n - n_variants - n_reused
    codes = np.sort(rng.choice(np.arange(10001, 10001 + 4 * n), size=m + n_variants,
                               replace=False))
    ids = [f"C{c:05d}" for c in codes]
    base_ids = list(rng.permutation(np.array(ids, dtype=object)))
    variant_ids = sorted(base_ids[m:])
    base_ids = sorted(base_ids[:m])

    cc = np.array([c[4] for c in vocab.COUNTRIES])
    country = rng.choice(cc, size=m, p=[c[3] for c in vocab.COUNTRIES])
    share = (np.where(country == "AE", 0.4, np.where(country == "SA", 0.55, 0.5))
             if arabic_names is None else np.full(m, float(arabic_names)))
    arabic = rng.random(m) < share
    names, domains = unique_companies(rng, country, arabic)

    home_ccy = {c[4]: c[2] for c in vocab.COUNTRIES}
    country_name = {c[4]: (c[0], c[1]) for c in vocab.COUNTRIES}
    currency = np.array([home_ccy[c] for c in country], dtype=object)
    currency[rng.random(m) < 0.08] = "USD"

    tax = np.empty(m, dtype=object)
    for c in cc:
        idx = np.flatnonzero(country == c)
        tax[idx] = tax_ids(rng, c, len(idx))

    accounts = np.empty(m, dtype=object)
    for c in cc:
        idx = np.flatnonzero(country == c)
        first = ibans(rng, c, len(idx))
        second = ibans(rng, c, len(idx))
        has = rng.random(len(idx))
        accounts[idx] = [None if h < 0.13 else (f"{a}; {b}" if h > 0.88 else a)
                         for a, b, h in zip(first, second, has, strict=True)]

    emails = []
    for c, d in zip(country, domains, strict=True):
        r = rng.random()
        if r < 0.05:
            emails.append(None)
        elif r < 0.15:
            emails.append(f"{d[:10]}{rng.integers(1, 99)}@{vocab.FREE_MAIL[rng.integers(0, 4)]}")
        else:
            local = vocab.EMAIL_LOCALS[rng.integers(0, len(vocab.EMAIL_LOCALS))]
            tld = vocab.EMAIL_TLDS[c][rng.integers(0, len(vocab.EMAIL_TLDS[c]))]
            emails.append(f"{local}@{d}{tld}")

    phones = []
    for c in country:
        r = rng.random()
        p = phone(rng, c)
        phones.append(None if r < 0.03 else (to_arabic_digits(p) if r < 0.08 else p))

    cities, countries_txt, addresses = [], [], []
    for c, ar in zip(country, arabic, strict=True):
        city = vocab.CITIES[c][rng.integers(0, len(vocab.CITIES[c]))]
        street = vocab.STREETS[c][rng.integers(0, len(vocab.STREETS[c]))]
        number = str(rng.integers(1, 180))
        if ar:
            cities.append(city[1])
            countries_txt.append(country_name[c][1])
            addresses.append(f"{to_arabic_digits(number) if rng.random() < 0.5 else number} "
                             f"{street[1]}")
        else:
            cities.append(city[0])
            countries_txt.append(country_name[c][0])
            addresses.append(f"{number} {street[0]}")

    # Payment habit, size and share of the invoices.
    shares, on_hold = RECEIPT_PROFILES[receipts]
    klass = rng.choice(len(PAYER_CLASSES), size=m, p=list(shares))
    size = rng.lognormal(0.0, 0.6, m)
    weight = rng.pareto(1.6, m) + 0.25
    if receipts == "steady":  # the biggest accounts are not let run months late
        klass = np.where((weight >= np.quantile(weight, 0.9)) & (klass >= 2), 1, klass)
    status = np.where(rng.random(m) < np.array(on_hold)[klass], "Hold", "Active")
    status = status.astype(object)
    status[rng.random(m) < 0.05] = "Closed"
    weight = np.where(status == "Closed", weight * 0.15, weight)

    terms = rng.choice(TERMS_CHOICES, size=m, p=TERMS_SHARE).astype("int64")
    scale = np.array([INVOICE_SCALE[c] for c in currency])
    monthly = weight / weight.sum() * n_invoices / 12 * scale * size
    step = np.where(currency == "EGP", 10_000.0, 5_000.0)
    limit = np.ceil(monthly * (np.maximum(terms, 15) / 30 + 1) * rng.uniform(1.0, 2.2, m) / step)
    limit = limit * step
    no_limit = rng.random(m)
    limit = np.where(no_limit < 0.04, np.nan, np.where(no_limit < 0.07, 0.0, limit))
    discount = np.where(rng.random(m) < 0.62, 0.0, rng.choice([1.0, 2.0, 2.5, 3.0, 5.0], m))
    review = as_of + pd.to_timedelta(rng.integers(-75, 365, m), unit="D")
    review = pd.Series(review).where(rng.random(m) >= 0.03)

    frame = pd.DataFrame({
        "Customer ID": base_ids,
        "Name": names,
        "Tax ID": tax,
        "Email": emails,
        "Phone": phones,
        "Address": addresses,
        "City": cities,
        "Country": countries_txt,
        "Currency": currency,
        "Payment Terms": pd.array(terms, dtype="Int64"),
        "Credit Limit": limit,
        "Discount %": discount,
        "Status": status,
        "Next Credit Review": pd.to_datetime(review.to_numpy()).astype("datetime64[ns]"),
        "IBAN / Bank Account": accounts,
        "Sales Rep": rng.choice(np.array(vocab.SALES_REPS, dtype=object), m),
    })
    profile = pd.DataFrame({
        "Customer ID": base_ids, "country": country, "class": klass, "size": size,
        "weight": weight,
    })

    _plant_customer_defects(rng, frame, defects)

    # The same company keyed again under a new code with a spelling variant of its name.
    named = np.flatnonzero(frame["Name"].notna().to_numpy())
    src = rng.choice(named, size=n_variants, replace=False)
    variants = frame.iloc[src].copy()
    variants["Customer ID"] = variant_ids
    variants["Name"] = [spelling_variant(rng, str(x)) for x in variants["Name"]]
    variants["Email"] = None
    variants["Credit Limit"] = np.nan
    keep_tax = rng.random(n_variants) < 0.6
    variants["Tax ID"] = variants["Tax ID"].where(keep_tax, None)
    for vid, orig, same_tax in zip(variant_ids, frame["Customer ID"].iloc[src], keep_tax,
                                   strict=True):
        defects.append(defect("Customers", vid, "Name", "POSSIBLE_DUPLICATE",
                               f"same company as {orig}" + (", same tax id" if same_tax else "")))
    vprof = profile.iloc[src].copy()
    vprof["Customer ID"] = variant_ids
    vprof["weight"] = vprof["weight"] * 0.08

    # A customer code typed twice: a new company given a code already in use.
    clash = rng.choice(m, size=n_reused, replace=False)
    reused = frame.iloc[rng.choice(m, size=n_reused, replace=False)].copy()
    reused["Customer ID"] = frame["Customer ID"].iloc[clash].to_numpy()
    reused_names, _ = unique_companies(rng, rng.choice(cc, n_reused), rng.random(n_reused) < 0.5)
    reused["Name"] = reused_names
    reused["Tax ID"] = tax_ids(rng, "EG", n_reused)
    for cid in reused["Customer ID"]:
        defects.append(defect("Customers", cid, "Customer ID", "DUPLICATE_ID",
                               "code used for two different companies"))

    frame = pd.concat([frame, variants, reused], ignore_index=True)
    frame = frame.sort_values("Customer ID", kind="stable").reset_index(drop=True)
    profile = pd.concat([profile, vprof], ignore_index=True)
    return frame, profile


def _plant_customer_defects(rng: np.random.Generator, frame: pd.DataFrame,
                            defects: list[dict[str, str]]) -> None:
    m = len(frame)
    k = max(1, m // 100)
    rare = max(1, m // 300)
    counts = {"INVALID_EMAIL": k, "INVALID_PHONE": k, "MISSING_TAX_ID": 2 * k,
              "DISCOUNT_ABOVE_POLICY": k, "UNUSUAL_TERMS": k, "INVALID_CREDIT_LIMIT": rare,
              "INVALID_CURRENCY": rare, "MISSING_NAME": max(1, m // 500)}
    rows = rng.permutation(m)[:max(1, m // 2)]  # a tiny master gets fewer kinds of defect
    at = 0
    for code, count in counts.items():
        for i in rows[at:at + count]:
            cid = frame.at[i, "Customer ID"]
            if code == "INVALID_EMAIL":
                email = frame.at[i, "Email"]
                domain = email.split("@")[-1] if isinstance(email, str) else "nilefoods.com"
                bad = [f"accounts@{domain.split('.')[0]}", f"finance.{domain}", f"ap@@{domain}",
                       f"info@ {domain}", f"sales@{domain.split('.')[0]}..com"]
                frame.at[i, "Email"] = bad[rng.integers(0, len(bad))]
                defects.append(defect("Customers", cid, "Email", code, frame.at[i, "Email"]))
            elif code == "INVALID_PHONE":
                frame.at[i, "Phone"] = ("0100", "N/A", "12345", "+20 10")[rng.integers(0, 4)]
                defects.append(defect("Customers", cid, "Phone", code, frame.at[i, "Phone"]))
            elif code == "MISSING_TAX_ID":
                frame.at[i, "Tax ID"] = None
                defects.append(defect("Customers", cid, "Tax ID", code))
            elif code == "DISCOUNT_ABOVE_POLICY":
                frame.at[i, "Discount %"] = float(rng.choice([7.5, 10.0, 12.0]))
                defects.append(defect("Customers", cid, "Discount %", code,
                                       f"{frame.at[i, 'Discount %']:g}% > 5%"))
            elif code == "UNUSUAL_TERMS":
                frame.at[i, "Payment Terms"] = int(rng.choice([75, 100, 120]))
                defects.append(defect("Customers", cid, "Payment Terms", code,
                                       f"{frame.at[i, 'Payment Terms']} days"))
            elif code == "INVALID_CREDIT_LIMIT":
                frame.at[i, "Credit Limit"] = -50_000.0
                defects.append(defect("Customers", cid, "Credit Limit", code, "negative"))
            elif code == "INVALID_CURRENCY":
                frame.at[i, "Currency"] = "EGY" if frame.at[i, "Currency"] == "EGP" else "SR"
                defects.append(defect("Customers", cid, "Currency", code,
                                       frame.at[i, "Currency"]))
            elif code == "MISSING_NAME":
                frame.at[i, "Name"] = None
                defects.append(defect("Customers", cid, "Name", code))
        at += count


# ------------------------------------------------------------------ invoices

def _number(prefix: str, dates: pd.Series, width: int) -> np.ndarray:
    """Document numbers restarting each year, in date order: INV-2026-00001 ..."""
    years = dates.dt.year
    seq = years.groupby(years).cumcount() + 1
    return np.array([f"{prefix}-{y}-{s:0{width}d}" for y, s in zip(years, seq, strict=True)],
                    dtype=object)


def _invoices(rng: np.random.Generator, customers: pd.DataFrame, profile: pd.DataFrame,
              n: int, as_of: pd.Timestamp, defects: list[dict[str, str]]) -> pd.DataFrame:
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    p = profile["weight"].to_numpy()
    who = rng.choice(len(profile), size=n, p=p / p.sum())
    cust = profile["Customer ID"].to_numpy()[who]
    ccy = master.loc[cust, "Currency"].to_numpy().astype(object)
    ccy = np.where(np.isin(ccy, list(INVOICE_SCALE)), ccy, "EGP")  # odd codes: billed in EGP
    terms = master.loc[cust, "Payment Terms"].to_numpy(dtype="float64", na_value=30.0)

    # Billing stops when an account goes on hold or is closed: their invoices are older.
    status = master.loc[cust, "Status"].to_numpy()
    newest = np.select([status == "Hold", status == "Closed"], [30, 150], 0)
    dates = as_of - pd.to_timedelta(rng.integers(newest, 365), unit="D")
    friday = dates.day_of_week == 4  # the weekend in Egypt and the Gulf: billed on Thursday
    dates = dates.where(~friday, dates - pd.Timedelta(days=1))

    export = (ccy != "USD") & (rng.random(n) < 0.003)  # a deal billed in USD by exception
    rate = np.array([USD_RATE[c] for c in ccy])
    scale = np.array([INVOICE_SCALE[c] for c in ccy])
    amount = scale * profile["size"].to_numpy()[who] * rng.lognormal(0.0, 0.7, n)
    amount = np.where(export, amount / rate, amount)
    ccy = np.where(export, "USD", ccy)
    amount = np.where(rng.random(n) < 0.35, np.round(amount, -2), np.round(amount, 2))
    amount = np.maximum(amount, 50.0)
    credit = rng.random(n) < 0.03
    amount = np.where(credit, -np.round(amount * rng.uniform(0.05, 0.6, n), 2), amount)

    special = (rng.random(n) < 0.005) & ~credit  # due date agreed apart from the terms
    due = dates + pd.to_timedelta(terms + np.where(special, 15, 0), unit="D")
    due = pd.Series(due).where(rng.random(n) >= 0.08)  # blank: due = date + terms
    home = master.loc[cust, "Currency"].to_numpy()
    currency = pd.Series(ccy, dtype=object).where(~((ccy == home) & (rng.random(n) < 0.10)), None)

    notes = np.full(n, None, dtype=object)
    po = rng.random(n) < 0.15
    notes[po] = [f"PO {x}" for x in rng.integers(4_500_000, 4_599_999, po.sum())]
    notes[credit] = rng.choice(np.array(vocab.CREDIT_NOTE_REASONS, dtype=object), credit.sum())

    frame = pd.DataFrame({
        "Customer ID": cust, "Invoice Date": dates.to_numpy(), "Due Date": due.to_numpy(),
        "Currency": currency, "Amount": amount, "Salesperson": master.loc[cust, "Sales Rep"].to_numpy(),
        "Notes": notes, "_credit": credit, "_export": export, "_special": special,
    })
    # Unknown customer codes: invoices keyed against a code that is not in the master.
    orphans = rng.choice(n, size=max(1, n // 2000), replace=False)
    known = set(customers["Customer ID"])
    for i in orphans:
        code = f"C{int(rng.integers(90000, 99999)):05d}"
        while code in known:
            code = f"C{int(rng.integers(90000, 99999)):05d}"
        frame.at[i, "Customer ID"] = code
    frame = frame.sort_values(["Invoice Date", "Customer ID"], kind="stable").reset_index(drop=True)
    width = max(5, len(str(n)))
    # Credit notes have their own series; invoices are numbered without gaps.
    inv_rank = _number("INV", frame.loc[~frame["_credit"], "Invoice Date"], width)
    cn_rank = _number("CN", frame.loc[frame["_credit"], "Invoice Date"], max(4, width - 1))
    numbers = np.empty(n, dtype=object)
    numbers[~frame["_credit"].to_numpy()] = inv_rank
    numbers[frame["_credit"].to_numpy()] = cn_rank
    frame.insert(0, "Invoice No", numbers)
    for i in np.flatnonzero(frame["Customer ID"].isin(set(frame["Customer ID"]) - known)):
        defects.append(defect("Invoices", frame.at[i, "Invoice No"], "Customer ID",
                               "UNKNOWN_CUSTOMER", frame.at[i, "Customer ID"]))
    for i in np.flatnonzero(frame["_export"].to_numpy()):
        defects.append(defect("Invoices", frame.at[i, "Invoice No"], "Currency",
                               "CURRENCY_MISMATCH", "billed in USD, customer's currency differs"))
    for i in np.flatnonzero((frame["_special"] & frame["Due Date"].notna()).to_numpy()):
        defects.append(defect("Invoices", frame.at[i, "Invoice No"], "Due Date",
                               "DUE_DATE_INCONSISTENT", "15 days beyond the customer's terms"))
    frame["Invoice Date"] = frame["Invoice Date"].astype("datetime64[ns]")
    frame["Due Date"] = frame["Due Date"].astype("datetime64[ns]")
    return frame.drop(columns=["_credit", "_export", "_special"])


# ------------------------------------------------------------------ payments

def _steady_order(rng: np.random.Generator, oldest_first: np.ndarray, klass: np.ndarray,
                  n_left: int) -> np.ndarray:
    """The invoices the customers' habits say are paid by now, in the order the receipts take
    them (the first ``len - n_left`` are paid), for a book whose customers pay every month: of
    the ``n_left`` left open, half are the latest (the transfer not in yet), the rest are late
    payers' (problem payers' mostly, then slow and a few normal payers': a dispute, a cash
    squeeze), whatever their age."""
    if n_left <= 0:
        return oldest_first
    n_transit = (n_left + 1) // 2
    transit = oldest_first[::-1][:n_transit]
    rest = np.setdiff1d(np.arange(len(oldest_first)), transit)
    weight = np.array([0.0, 0.05, 1.0, 4.0])[np.minimum(klass[rest], 3)]
    stuck = rest[:0]
    if weight.sum() > 0:
        k = min(n_left - n_transit, int((weight > 0).sum()))
        stuck = rng.choice(rest, size=k, replace=False, p=weight / weight.sum())
    left = np.concatenate([transit, stuck])
    paid = oldest_first[~np.isin(oldest_first, left)]
    return np.concatenate([paid, left])


def _payments(rng: np.random.Generator, customers: pd.DataFrame, profile: pd.DataFrame,
              invoices: pd.DataFrame, n: int, as_of: pd.Timestamp,
              defects: list[dict[str, str]], receipts: str = "backlog") -> pd.DataFrame:
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    prof = profile.set_index("Customer ID")
    known = invoices["Customer ID"].isin(prof.index).to_numpy()
    inv = invoices[known & (invoices["Amount"] > 0).to_numpy()]
    klass = prof.loc[inv["Customer ID"], "class"].to_numpy()
    mu = np.array([k[2] for k in PAYER_CLASSES])[klass]
    sd = np.array([k[3] for k in PAYER_CLASSES])[klass]
    terms = inv["Customer ID"].map(master["Payment Terms"]).astype("float64").fillna(30.0)
    due = inv["Due Date"].fillna(inv["Invoice Date"] + pd.to_timedelta(terms, unit="D"))
    delay = np.round(rng.normal(mu, sd))
    paid_on = due + pd.to_timedelta(delay, unit="D")
    paid_on = paid_on.where(paid_on >= inv["Invoice Date"], inv["Invoice Date"])
    eligible = np.flatnonzero((paid_on <= as_of).to_numpy())

    # Receipts on account (no invoice named). A steady book has few, all recent: the month-end
    # review applies the older ones to the invoices they paid.
    n_unapplied = max(1, round((0.006 if receipts == "steady" else 0.025) * n)) if n else 0
    n_apply = n - n_unapplied
    m = min(len(eligible), round(n_apply / 1.06))
    if receipts == "steady":  # a few invoices stay open past the habit; more receipts: splits
        m = min(m, len(eligible) - round(STEADY_LEFT_OPEN * len(eligible)))
    age = (as_of - paid_on.iloc[eligible]).dt.days.to_numpy()
    # Receipts recorded so far settle the invoices that fell to be paid earliest; the ones due
    # to be paid lately are the likelier to be still in transit (a week's noise on the order).
    order = np.argsort(-age + rng.normal(0.0, 7.0, len(age)), kind="stable")
    if receipts == "steady":
        order = _steady_order(rng, order, klass[eligible], len(eligible) - m)
    chosen = np.sort(eligible[order[:m]])
    twice = min(m, n_apply - m)
    n_unapplied += n_apply - m - twice

    # Part payments and bank-charge shortfalls still open are recent ones: older residues have
    # been paid or written off by now, so they are drawn from the last two months' receipts.
    pos = rng.permutation(len(chosen))
    split = np.zeros(len(chosen), bool)
    split[pos[:twice]] = True
    recent = (paid_on.iloc[chosen] >= as_of - pd.Timedelta(days=60)).to_numpy()
    if receipts == "steady":  # and on invoices not long overdue: old residues are cleared
        recent = recent & (due.iloc[chosen] >= as_of - pd.Timedelta(days=75)).to_numpy()
    rest = pos[twice:]
    fresh = rest[recent[rest]]
    # (A backlog book's open residues are as many as a year's would be; a steady book's are
    # the recent receipts' share.)
    base = len(fresh) if receipts == "steady" else len(chosen)
    partial = np.zeros(len(chosen), bool)
    n_partial = min(len(fresh), round(0.04 * base))
    partial[fresh[:n_partial]] = True
    short = np.zeros(len(chosen), bool)
    n_short = min(len(fresh) - n_partial, round(0.02 * base))
    short[fresh[n_partial:n_partial + n_short]] = True
    rest = rest[~(partial[rest] | short[rest])]
    over = np.zeros(len(chosen), bool)
    n_over = min(len(rest), round(0.005 * len(chosen)))
    if n_over:
        over[rest[-n_over:]] = True

    sel = inv.iloc[chosen]
    amount = sel["Amount"].to_numpy()
    on = paid_on.iloc[chosen].reset_index(drop=True)
    ccy = sel["Currency"].fillna(sel["Customer ID"].map(master["Currency"])).to_numpy()
    fee = np.array([rng.integers(*BANK_CHARGE.get(c, (10, 50))) for c in ccy], dtype=float)
    first_share = np.round(rng.uniform(0.3, 0.8, len(chosen)), 2)
    pay_amount = np.where(partial | split, np.round(amount * first_share, -1), amount)
    short &= amount > 20 * fee  # charges are deducted from transfers worth the fee
    pay_amount = np.where(short, amount - fee, pay_amount)
    pay_amount = np.where(over, amount + np.round(amount * 0.1, -2) + 100, pay_amount)
    earlier = on - pd.to_timedelta(rng.integers(7, 45, len(chosen)), unit="D")
    first_date = pd.Series(np.where(split, earlier.clip(lower=sel["Invoice Date"].reset_index(drop=True)), on))

    parts = [pd.DataFrame({"Customer ID": sel["Customer ID"].to_numpy(),
                           "Date": first_date.to_numpy(), "Amount": pay_amount,
                           "Invoice No": sel["Invoice No"].to_numpy()})]
    if split.any():
        parts.append(pd.DataFrame({"Customer ID": sel["Customer ID"].to_numpy()[split],
                                   "Date": on.to_numpy()[split],
                                   "Amount": np.round(amount[split] - pay_amount[split], 2),
                                   "Invoice No": sel["Invoice No"].to_numpy()[split]}))
    for i in np.flatnonzero(short):
        defects.append(defect("Payments", sel["Invoice No"].iat[i], "Amount", "SHORT_PAYMENT",
                               f"bank charges {fee[i]:g}"))
    for i in np.flatnonzero(over):
        defects.append(defect("Payments", sel["Invoice No"].iat[i], "Amount", "OVERPAYMENT", ""))

    if n_unapplied:
        p = prof["weight"].to_numpy()
        who = rng.choice(len(prof), size=n_unapplied, p=p / p.sum())
        ids = prof.index.to_numpy()[who]
        c = master.loc[ids, "Currency"].to_numpy()
        scale = np.array([INVOICE_SCALE.get(x, INVOICE_SCALE["EGP"]) for x in c])
        amt = np.round(rng.choice([0.25, 0.5, 1.0, 1.5, 2.0, 3.0], n_unapplied) * scale, -2)
        parts.append(pd.DataFrame({
            "Customer ID": ids,
            "Date": (as_of - pd.to_timedelta(rng.integers(0, 45 if receipts == "steady" else 150,
                                                          n_unapplied), unit="D")).to_numpy(),
            "Amount": amt, "Invoice No": None}))
    pay = pd.concat(parts, ignore_index=True)

    # A few receipts name an invoice number that does not exist (a typo): stays on account
    # (in a steady book, a recent receipt's: the month-end review sorts the older ones out).
    named = pay["Invoice No"].notna().to_numpy()
    if receipts == "steady":
        named = named & (pay["Date"] >= as_of - pd.Timedelta(days=60)).to_numpy()
    typos = rng.choice(np.flatnonzero(named), size=min(max(1, n // 300), int(named.sum())),
                       replace=False) if len(pay) else []
    numbers = set(invoices["Invoice No"])
    for i in typos:
        good = pay.at[i, "Invoice No"]
        bad = good[:-2] + good[-1] + good[-2] if good[-1] != good[-2] else good[:-1] + "9"
        if bad == good or bad in numbers:
            bad = good + "0"
        pay.at[i, "Invoice No"] = bad
        defects.append(defect("Payments", bad, "Invoice No", "UNKNOWN_INVOICE",
                               f"meant {good}"))

    pay = pay.sort_values(["Date", "Customer ID"], kind="stable").reset_index(drop=True)
    pay["Date"] = pay["Date"].astype("datetime64[ns]")
    pay.insert(0, "Payment ID", _number("RCT", pay["Date"], max(5, len(str(n)))))
    method_p = np.array([x[2] for x in vocab.PAYMENT_METHODS])
    method = rng.choice(len(vocab.PAYMENT_METHODS), size=len(pay), p=method_p / method_p.sum())
    pay["Method"] = np.array([x[0] for x in vocab.PAYMENT_METHODS], dtype=object)[method]
    refs = rng.integers(10_000, 99_999, len(pay))
    doy = pay["Date"].dt.day_of_year.to_numpy()
    yy = pay["Date"].dt.year.to_numpy() % 100
    pay["Reference"] = [
        (f"FT{y:02d}{d:03d}{r}" if k == 0 else f"CHQ {r * 7 % 1_000_000:06d}" if k == 1
         else None if k == 2 else f"POS {r}")
        for k, y, d, r in zip(method, yy, doy, refs, strict=True)]
    pay["Amount"] = pay["Amount"].astype("float64")
    return pay


# ------------------------------------------------------------------ optional sheets

def _orders(rng: np.random.Generator, customers: pd.DataFrame, profile: pd.DataFrame,
            invoices: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Sales orders of the last six weeks: open, delivered but not invoiced, or invoiced."""
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    active = profile[profile["Customer ID"].map(master["Status"]).eq("Active").to_numpy()]
    n = min(max(8, len(customers) // 3), 6000)
    p = active["weight"].to_numpy()
    ids = active["Customer ID"].to_numpy()[rng.choice(len(active), size=n, p=p / p.sum())]
    dates = as_of - pd.to_timedelta(rng.integers(0, 42, n), unit="D")
    ccy = master.loc[ids, "Currency"].to_numpy()
    scale = np.array([INVOICE_SCALE.get(c, INVOICE_SCALE["EGP"]) for c in ccy])
    amount = np.round(scale * active.set_index("Customer ID").loc[ids, "size"].to_numpy()
                      * rng.lognormal(0, 0.6, n), -1)
    state = rng.choice(["Open", "Delivered", "Invoiced"], size=n, p=[0.45, 0.25, 0.30])
    recent = invoices[(invoices["Invoice Date"] >= as_of - pd.Timedelta(days=45))
                      & (invoices["Amount"] > 0)]
    by_customer = recent.groupby("Customer ID")["Invoice No"].agg(list)
    invoice_no = np.full(n, None, dtype=object)
    for i in np.flatnonzero(state == "Invoiced"):
        options = by_customer.get(ids[i])
        if options:
            invoice_no[i] = options[int(rng.integers(0, len(options)))]
        else:
            state[i] = "Delivered"
    frame = pd.DataFrame({"Customer ID": ids, "Date": dates.to_numpy(), "Amount": amount,
                          "Invoice No": invoice_no, "Status": state.astype(object)})
    frame = frame.sort_values(["Date", "Customer ID"], kind="stable").reset_index(drop=True)
    frame.insert(0, "Order No", [f"SO-{as_of.year % 100:02d}{i + 1:05d}" for i in range(n)])
    frame["Date"] = frame["Date"].astype("datetime64[ns]")
    return frame


def _credit_requests(rng: np.random.Generator, customers: pd.DataFrame,
                     as_of: pd.Timestamp) -> pd.DataFrame:
    live = customers[(customers["Status"] == "Active") & (customers["Credit Limit"] > 0)]
    live = live.drop_duplicates("Customer ID")
    n = min(len(live), max(3, len(customers) // 30), 800)
    pick = live.iloc[np.sort(rng.choice(len(live), size=n, replace=False))]
    factor = rng.choice([1.25, 1.5, 2.0, 2.5, 3.0], n)
    step = np.where(pick["Currency"] == "EGP", 50_000.0, 10_000.0)
    requested = np.ceil(pick["Credit Limit"].to_numpy() * factor / step) * step
    return pd.DataFrame({
        "Customer ID": pick["Customer ID"].to_numpy(),
        "Requested Limit": requested,
        "Reason": rng.choice(np.array(vocab.CREDIT_REQUEST_REASONS, dtype=object), n),
        "Requested By": rng.choice(np.array(vocab.STAFF, dtype=object), n),
        "Date": (as_of - pd.to_timedelta(rng.integers(0, 25, n), unit="D")).to_numpy()
        .astype("datetime64[ns]"),
    })


def _payment_plans(rng: np.random.Generator, customers: pd.DataFrame, profile: pd.DataFrame,
                   as_of: pd.Timestamp) -> pd.DataFrame:
    """Instalment plans agreed with slow and problem payers."""
    late = profile[profile["class"] >= 2].drop_duplicates("Customer ID")
    n = min(len(late), max(2, len(customers) // 60), 400)
    pick = late.iloc[np.sort(rng.choice(len(late), size=n, replace=False))]
    ccy = pick["Customer ID"].map(customers.drop_duplicates("Customer ID")
                                  .set_index("Customer ID")["Currency"])
    scale = np.array([INVOICE_SCALE.get(c, INVOICE_SCALE["EGP"]) for c in ccy])
    amount = np.round(scale * pick["size"].to_numpy() * rng.uniform(1.5, 6.0, n), -3)
    first = (as_of + pd.offsets.MonthBegin(1)).normalize()
    start = [first + pd.DateOffset(months=int(k)) for k in rng.integers(0, 2, n)]
    return pd.DataFrame({
        "Customer ID": pick["Customer ID"].to_numpy(), "Amount": amount,
        "Instalments": pd.array(rng.choice([3, 4, 6, 9, 12], n), dtype="Int64"),
        "Start": pd.to_datetime(start).astype("datetime64[ns]"),
        "Frequency": rng.choice(np.array(["Monthly", "Monthly", "Monthly", "Quarterly"],
                                         dtype=object), n),
    })
