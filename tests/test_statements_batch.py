"""Statements built for many customers at once (the ledger cut by customer once) equal the
statements built one customer at a time by filtering the whole ledger (the reference below,
the way they were built before), line for line; and the PDF's plain-text fast path draws
every cell where fpdf2's ``cell`` draws it."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from ar_excel.core.aging import aging_by_customer, bucket_labels
from ar_excel.core.collections.language import letter_language
from ar_excel.core.collections.statements import (
    _TYPE_ORDER,
    LINE_COLUMNS,
    CurrencySection,
    Statement,
    customer_statements,
    documents,
)
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.policy import Policy
from tests.collections_data import customers, invoices, payments

END = pd.Timestamp("2026-10-31")


def _natural(text: str) -> tuple:
    """A document number in natural order, as an accountant lists them: INV-9 before INV-10
    (its digit runs as numbers), then as written."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)), text


def reference_statement(cid, cust, inv, pay, start, end, due, items, policy=None, arabic=False):
    """One customer's statement by filtering the whole ledger for that customer."""
    policy = policy or Policy()
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    mine_c = cust[cust["Customer ID"] == cid]
    row = mine_c.iloc[0] if len(mine_c) else pd.Series(dtype=object)
    currency = row.get("Currency") if len(mine_c) else None
    docs = documents(cust, inv, pay, due, end)  # the ledger as it stood on the last day
    docs = docs[docs["Customer ID"] == cid]
    docs = docs[docs["Date"].isna() | (docs["Date"] <= end)]
    mine = items[items["Customer ID"] == cid]
    aging = aging_by_customer(mine, cust, policy) if len(mine) else None
    labels = bucket_labels(policy.aging_buckets_days)
    sections = []
    currencies = sorted(set(docs["Currency"].fillna("")), key=lambda c: (c != (currency or ""), c))
    for ccy in currencies or [currency or ""]:
        d = docs[docs["Currency"].fillna("") == ccy]
        before = d["Date"].notna() & (d["Date"] < start)
        opening = round(float(d.loc[before, "Signed"].sum()), 2)
        period = d[~before].assign(
            _undated=lambda f: f["Date"].isna(), _t=lambda f: f["Type"].map(_TYPE_ORDER),
            _doc=lambda f: f["Document"].astype(str).map(_natural))
        period = period.sort_values(["_undated", "Date", "_t", "_doc"], kind="stable")
        signed = period["Signed"].to_numpy(dtype=float)
        lines = pd.DataFrame({
            "Date": period["Date"].to_numpy(), "Type": period["Type"].to_numpy(),
            "Document": period["Document"].to_numpy(),
            "Reference": period["Reference"].to_numpy(),
            "Due Date": period["Due Date"].to_numpy(),
            "Debit": np.where(signed > 0, signed, 0.0).round(2),
            "Credit": np.where(signed < 0, -signed, 0.0).round(2),
            "Balance": np.round(opening + np.cumsum(signed), 2),
        }, columns=LINE_COLUMNS)
        buckets = dict.fromkeys(labels, 0.0)
        if aging is not None:
            a = aging[aging["Currency"].fillna("") == ccy]
            if len(a):
                buckets = {label: float(a.iloc[0][label]) for label in labels}
        sections.append(CurrencySection(ccy or None, opening, lines,
                                        round(opening + float(signed.sum()), 2), buckets))
    name = row.get("Name") if len(mine_c) else None
    return Statement(customer_id=cid, name=name, period_start=start, period_end=end,
                     sections=sections, language=letter_language(name, arabic),
                     email=row.get("Email") if len(mine_c) else None,
                     tax_id=row.get("Tax ID") if len(mine_c) else None,
                     address=", ".join(str(row.get(c)) for c in ("Address", "City", "Country")
                                       if len(mine_c) and row.get(c) is not None
                                       and not pd.isna(row.get(c))) or None)


def random_ledger(seed: int = 3, n_customers: int = 40):
    """Customers in two currencies (one with a blank currency), invoices in either, credit
    notes, receipts naming invoices or not, refunds, undated receipts, duplicate numbers."""
    rng = np.random.default_rng(seed)
    ids = [f"C{i}" for i in range(1, n_customers + 1)]
    cust = customers([{"Customer ID": c, "Name": ("شركة " if i % 3 == 0 else "Firm ") + c,
                       "Currency": None if i % 11 == 5 else ("USD" if i % 4 == 0 else "EGP"),
                       "City": "Cairo" if i % 2 else None} for i, c in enumerate(ids)])
    days = pd.date_range("2026-05-01", "2026-11-20")
    inv_rows = []
    for k in range(600):
        c = ids[rng.integers(0, n_customers - 2)]  # the last two customers have nothing
        amount = float(np.round(rng.uniform(-300, 3000), 2))
        inv_rows.append((f"INV-{k % 570}", c, str(days[rng.integers(0, len(days))].date()),
                         None, amount, rng.choice(["USD", None, None, "EUR"])))
    inv = invoices(inv_rows)
    pay_rows = []
    for k in range(450):
        c = ids[rng.integers(0, n_customers - 2)]
        named = inv[inv["Customer ID"] == c]["Invoice No"]
        ref = str(named.iloc[rng.integers(0, len(named))]) if len(named) and k % 3 else None
        pay_rows.append((f"R{k}", c, str(days[rng.integers(0, len(days))].date()),
                         float(np.round(rng.uniform(-100, 2500), 2)), ref))
    pay = payments(pay_rows)
    pay.loc[pay.index % 37 == 0, "Date"] = pd.NaT  # undated receipts: shown last
    return ids, cust, inv, pay


def assert_same(new: Statement, ref: Statement) -> None:
    assert (new.customer_id, new.name, new.period_start, new.period_end, new.language,
            new.address, new.email, new.tax_id) == (
        ref.customer_id, ref.name, ref.period_start, ref.period_end, ref.language,
        ref.address, ref.email, ref.tax_id)
    assert [(s.currency, s.opening, s.closing, s.aging) for s in new.sections] == \
        [(s.currency, s.opening, s.closing, s.aging) for s in ref.sections]
    for a, b in zip(new.sections, ref.sections, strict=True):
        pd.testing.assert_frame_equal(a.lines, b.lines, check_exact=True)


@pytest.mark.parametrize("arabic", [False, True])
def test_batch_equals_one_by_one_with_one_period(arabic):
    ids, cust, inv, pay = random_ledger()
    items = open_items(cust, inv, pay, END)
    due = due_dates(inv, cust)
    start = pd.Timestamp("2026-09-01")
    batch = customer_statements([*ids, "NOBODY"], cust, inv, pay, start, END, due, items,
                                arabic=arabic)
    assert len(batch) == len(ids) + 1
    for cid, stmt in zip([*ids, "NOBODY"], batch, strict=True):
        assert_same(stmt, reference_statement(cid, cust, inv, pay, start, END, due, items,
                                              arabic=arabic))
    moved = [s for s in batch if any(len(x.lines) for x in s.sections)]
    assert len(moved) >= 30 and any(len(s.sections) >= 2 for s in batch)


def test_batch_equals_one_by_one_with_a_period_per_customer():
    ids, cust, inv, pay = random_ledger(seed=11)
    items = open_items(cust, inv, pay, END)
    due = due_dates(inv, cust)
    starts = {c: pd.Timestamp(2026, 5 + i % 6, 1) for i, c in enumerate(ids)}
    policy = Policy(aging_buckets_days=(15, 45, 120))
    batch = customer_statements(ids[::-1], cust, inv, pay, starts, END, due, items, policy)
    for cid, stmt in zip(ids[::-1], batch, strict=True):
        assert_same(stmt, reference_statement(cid, cust, inv, pay, starts[cid], END, due, items,
                                              policy))


def test_plain_cells_are_drawn_where_fpdf_cell_draws_them(tmp_path, monkeypatch):
    """The Latin fast path (a frame and a text) against fpdf2's ``cell``: same words at the
    same positions, in English and Arabic statements."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from ar_excel.io import pdf_statement

    ids, cust, inv, pay = random_ledger(seed=5, n_customers=12)
    items = open_items(cust, inv, pay, END)
    stmts = customer_statements(ids[:6], cust, inv, pay, "2026-06-01", END,
                                due_dates(inv, cust), items)
    assert {s.language for s in stmts} == {"ar", "en"}
    fast = pdf_statement.render_combined(stmts, tmp_path / "fast.pdf", "Example Co")
    def cell(self, w, h, s, align, border, fill=False):  # what text_cell did for every cell
        self._shape_for(s)
        self.cell(w, h, s, border=border, align=align, fill=fill)

    monkeypatch.setattr(pdf_statement._StatementPDF, "_plain_cell", cell)
    monkeypatch.setattr(pdf_statement._StatementPDF, "_preload_bidirectional_text",
                        pdf_statement.FPDF._preload_bidirectional_text)
    monkeypatch.setattr(pdf_statement._ShapeMemoFont, "shape_text",
                        pdf_statement.TTFFont.shape_text)
    slow = pdf_statement.render_combined(stmts, tmp_path / "slow.pdf", "Example Co")

    def words(path):
        out = subprocess.run([exe, "-bbox", str(path), "-"], check=True, capture_output=True,
                             timeout=60).stdout.decode("utf-8")
        return re.findall(r"<word .*?</word>", out)

    fast_words, slow_words = words(fast), words(slow)
    assert len(slow_words) > 500
    assert fast_words == slow_words
