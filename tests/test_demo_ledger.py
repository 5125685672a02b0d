"""The demo ledger generator: deterministic, exact sizes, consistent books, planted defects."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.demo.identities import iban
from ar_excel.demo.ledger import AS_OF, make_ledger
from ar_excel.model import ROW
from ar_excel.schema import SCHEMAS

SIZES = (80, 700, 500)


@pytest.fixture(scope="module")
def ledger() -> dict[str, pd.DataFrame]:
    return make_ledger(*SIZES, seed=3)


def _defects(ledger, code: str) -> pd.DataFrame:
    d = ledger["_defects"]
    return d[d["Code"] == code]


def test_same_seed_same_frames_other_seed_other_frames(ledger):
    again = make_ledger(*SIZES, seed=3)
    assert set(again) == set(ledger)
    for name, frame in ledger.items():
        pd.testing.assert_frame_equal(frame, again[name], obj=name)
    other = make_ledger(*SIZES, seed=4)
    assert not other["Invoices"]["Amount"].equals(ledger["Invoices"]["Amount"])


def test_sizes_are_exact_and_dates_within_the_year(ledger):
    n_c, n_i, n_p = SIZES
    assert len(ledger["Customers"]) == n_c
    assert len(ledger["Invoices"]) == n_i
    assert len(ledger["Payments"]) == n_p
    as_of = pd.Timestamp(AS_OF)
    inv_dates = ledger["Invoices"]["Invoice Date"]
    assert inv_dates.max() <= as_of and inv_dates.min() > as_of - pd.Timedelta(days=366)
    assert ledger["Payments"]["Date"].max() <= as_of
    assert not (inv_dates.dt.day_of_week == 4).any()  # nobody bills on a Friday


def test_frames_have_the_contract_columns_and_dtypes(ledger):
    expected = {"id": "object", "text": "object", "currency": "object", "status": "object",
                "money": "float64", "number": "float64", "percent": "float64",
                "date": "datetime64[ns]", "terms": "Int64", "int": "Int64"}
    sheets = [k for k in ledger if k in SCHEMAS]
    assert set(sheets) >= {"Customers", "Invoices", "Payments", "Orders", "Credit Requests",
                           "Invoice Lines", "Price List", "Payment Plans"}
    for kind in sheets:
        schema, frame = SCHEMAS[kind], ledger[kind]
        assert list(frame[ROW]) == list(range(2, len(frame) + 2))
        for f in schema.fields:
            assert f.name in frame.columns, (kind, f.name)
            assert str(frame[f.name].dtype) == expected[f.kind], (kind, f.name, frame[f.name].dtype)
            if expected[f.kind] == "object":  # blanks are None, never NaN
                assert not any(isinstance(v, float) for v in frame[f.name]), (kind, f.name)


def test_keys_are_unique_except_the_planted_reused_code(ledger):
    inv, pay, cust = ledger["Invoices"], ledger["Payments"], ledger["Customers"]
    assert inv["Invoice No"].is_unique and pay["Payment ID"].is_unique
    assert inv["Invoice No"].str.fullmatch(r"(INV|CN)-20\d\d-\d{4,6}").all()
    assert (inv["Invoice No"].str.startswith("CN") == (inv["Amount"] < 0)).all()
    dup_ids = set(cust.loc[cust["Customer ID"].duplicated(), "Customer ID"])
    assert dup_ids == set(_defects(ledger, "DUPLICATE_ID")["Key"])


def test_receipts_settle_their_own_customers_invoices_never_beyond_their_amount(ledger):
    inv = ledger["Invoices"].set_index("Invoice No")
    pay = ledger["Payments"]
    applied = pay[pay["Invoice No"].notna()]
    unknown = ~applied["Invoice No"].isin(inv.index)
    assert set(applied.loc[unknown, "Invoice No"]) == set(_defects(ledger, "UNKNOWN_INVOICE")["Key"])
    known = applied[~unknown]
    assert (known["Customer ID"].to_numpy() == inv.loc[known["Invoice No"], "Customer ID"].to_numpy()).all()
    assert (known["Date"].to_numpy() >= inv.loc[known["Invoice No"], "Invoice Date"].to_numpy()).all()
    assert (pay["Amount"] > 0).all()
    paid = known.groupby("Invoice No")["Amount"].sum()
    over = paid[paid > inv.loc[paid.index, "Amount"] + 0.005].index
    assert set(over) == set(_defects(ledger, "OVERPAYMENT")["Key"])
    # a realistic mix: most receipts name an invoice, some are on account, some invoices in parts
    share_on_account = pay["Invoice No"].isna().mean()
    assert 0.01 <= share_on_account <= 0.08
    assert (known["Invoice No"].value_counts() == 2).sum() >= len(known) * 0.03


def test_each_customer_pays_with_its_own_habit(ledger):
    inv = ledger["Invoices"].set_index("Invoice No")
    cust = ledger["Customers"].drop_duplicates("Customer ID").set_index("Customer ID")
    pay = ledger["Payments"]
    pay = pay[pay["Invoice No"].isin(inv.index)]
    terms = inv.loc[pay["Invoice No"], "Customer ID"].map(cust["Payment Terms"]).astype(float)
    due = inv.loc[pay["Invoice No"], "Due Date"].fillna(
        inv.loc[pay["Invoice No"], "Invoice Date"] + pd.to_timedelta(terms.to_numpy(), unit="D"))
    late = (pay["Date"].to_numpy() - due.to_numpy()) / np.timedelta64(1, "D")
    by_customer = pd.Series(late, index=pay["Customer ID"].to_numpy()).groupby(level=0).median()
    by_customer = by_customer[pay["Customer ID"].value_counts().reindex(by_customer.index) >= 3]
    assert (by_customer <= 3).sum() >= 5  # prompt payers
    assert (by_customer >= 30).sum() >= 3  # slow ones


def test_customer_master_looks_egyptian_and_gulf(ledger):
    cust = ledger["Customers"]
    names = cust["Name"].dropna()
    arabic = names.str.contains("[\u0600-\u06ff]")
    assert 0.3 < arabic.mean() < 0.7
    assert names[arabic].str.contains("^(?:شركة|مؤسسة|مجموعة|مصنع|معرض|مكتب)|وشركاه").mean() > 0.8
    assert set(cust["Currency"]) >= {"EGP", "SAR", "AED", "USD"}
    phones = cust["Phone"].dropna()
    assert phones.str.contains("^(?:\\+20|01|02|\\+966|05|\\+971|00971)").mean() > 0.85
    assert phones.str.contains("[٠-٩]").any()
    for accounts in cust["IBAN / Bank Account"].dropna():
        for account in accounts.split(";"):
            code = account.replace(" ", "")
            assert re.fullmatch(r"(EG\d{27}|SA\d{22}|AE\d{21})", code), code
            assert iban(code[:2], code[4:]) == code  # ISO 13616 check digits
    assert set(cust["Status"]) == {"Active", "Hold", "Closed"}
    assert cust["Payment Terms"].isin([0, 15, 30, 45, 60, 90, 75, 100, 120]).all()


def test_planted_customer_defects_are_in_the_master(ledger):
    cust = ledger["Customers"]
    row = {c: cust[cust["Customer ID"] == c].iloc[0] for c in ledger["_defects"]["Key"]
           if (cust["Customer ID"] == c).any()}
    email = re.compile(r"^[\w.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
    for key in _defects(ledger, "INVALID_EMAIL")["Key"]:
        assert not email.match(row[key]["Email"])
    for key in _defects(ledger, "DISCOUNT_ABOVE_POLICY")["Key"]:
        assert row[key]["Discount %"] > 5
    for key in _defects(ledger, "MISSING_NAME")["Key"]:
        assert row[key]["Name"] is None
    for key in _defects(ledger, "INVALID_CREDIT_LIMIT")["Key"]:
        assert row[key]["Credit Limit"] < 0
    valid = email.match
    assert sum(bool(valid(e)) for e in cust["Email"].dropna()) > 0.9 * cust["Email"].notna().sum()
    for _, d in _defects(ledger, "POSSIBLE_DUPLICATE").iterrows():
        original = cust[cust["Customer ID"] == d["Note"].split()[3].rstrip(",")].iloc[0]
        assert row[d["Key"]]["Name"] != original["Name"]
        assert row[d["Key"]]["Phone"] == original["Phone"]
        assert ("same tax id" in d["Note"]) == (row[d["Key"]]["Tax ID"] == original["Tax ID"])


def _line_total(q, p, d, t):
    return round(q * p * (1 - d / 100) * (1 + t / 100), 2)


def test_invoice_lines_agree_with_prices_and_totals_except_the_planted_errors(ledger):
    lines, prices = ledger["Invoice Lines"], ledger["Price List"]
    inv = ledger["Invoices"].set_index("Invoice No")
    found: set[tuple[str, str]] = set()
    for no, part in lines.groupby("Invoice No"):
        day = inv.at[no, "Invoice Date"]
        columns = ["Item", "Quantity", "Unit Price", "Discount %", "Tax Rate", "Line Total"]
        for item, qty, price, disc, tax, total in part[columns].itertuples(index=False, name=None):
            rows = prices[(prices["Item"] == item) & (prices["Valid From"] <= day)
                          & (prices["Valid To"].isna() | (prices["Valid To"] >= day))]
            assert len(rows) == 1
            if price != rows["Price"].iloc[0]:
                found.add((no, "PRICE_NOT_LIST"))
            if tax not in (0.0, 14.0):
                found.add((no, "WRONG_TAX_RATE"))
            if disc > 5:
                found.add((no, "DISCOUNT_NOT_AGREED"))
            if abs(_line_total(qty, price, disc, tax) - total) > 0.005:
                found.add((no, "LINE_TOTAL_MISMATCH"))
        if abs(part["Line Total"].sum() - inv.at[no, "Amount"]) > 0.005:
            found.add((no, "INVOICE_TOTAL_MISMATCH"))
    planted = ledger["_defects"]
    planted = planted[planted["Sheet"] == "Invoice Lines"]
    assert found == set(zip(planted["Key"], planted["Code"], strict=True))
    assert len(planted) >= 5 and lines["Invoice No"].nunique() >= 50


def test_optional_sheets_give_every_job_input(ledger):
    cust_ids = set(ledger["Customers"]["Customer ID"])
    orders = ledger["Orders"]
    assert set(orders["Status"]) == {"Open", "Delivered", "Invoiced"}
    assert orders.loc[orders["Status"] == "Invoiced", "Invoice No"].isin(
        ledger["Invoices"]["Invoice No"]).all()
    assert orders.loc[orders["Status"] != "Invoiced", "Invoice No"].isna().all()
    for kind in ("Orders", "Credit Requests", "Payment Plans"):
        assert len(ledger[kind]) >= 2 and ledger[kind]["Customer ID"].isin(cust_ids).all(), kind
    cr = ledger["Credit Requests"].merge(
        ledger["Customers"].drop_duplicates("Customer ID"), on="Customer ID")
    assert (cr["Requested Limit"] > cr["Credit Limit"]).all()
    assert (ledger["Payment Plans"]["Start"] > pd.Timestamp(AS_OF)).all()
    policy = dict(zip(ledger["Policy"]["Key"], ledger["Policy"]["Value"], strict=True))
    assert policy["max_discount_pct"] == "5" and policy["date_order"] == "day first"


@settings(max_examples=12, deadline=None)
@given(n_c=st.integers(10, 40), n_i=st.integers(10, 150), n_p=st.integers(0, 140),
       seed=st.integers(0, 10_000))
def test_any_small_size_is_exact_and_no_invoice_is_paid_twice_over(n_c, n_i, n_p, seed):
    f = make_ledger(n_c, n_i, n_p, seed=seed)
    assert (len(f["Customers"]), len(f["Invoices"]), len(f["Payments"])) == (n_c, n_i, n_p)
    inv = f["Invoices"].set_index("Invoice No")["Amount"]
    pay = f["Payments"]
    paid = pay[pay["Invoice No"].isin(inv.index)].groupby("Invoice No")["Amount"].sum()
    over = set(paid[paid > inv.loc[paid.index] + 0.005].index)
    assert over <= set(f["_defects"].loc[f["_defects"]["Code"] == "OVERPAYMENT", "Key"])
    assert (pay["Date"] <= pd.Timestamp(AS_OF)).all()
    assert (pay["Amount"] > 0).all()
