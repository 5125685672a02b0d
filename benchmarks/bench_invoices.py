"""Benchmark: checking 300,000 invoice lines vs reading them from the workbook.

Writes once (cached in ``benchmarks/out/invoices/``) a workbook of a year's billing: 2,000 customers
in EGP, SAR and KWD; ``--lines`` invoice lines (default 300,000) on ~75,000 invoices in series
``INV-2025-``; a price list of 600 items with a mid-year price change and a unit conversion;
a delivery per invoice and some payments. About one invoice in two hundred carries a planted
mistake (a wrong line total, an off-list price, a disallowed tax rate, a stretched due date, a
missing number, an uninvoiced delivery), so messages get written too.

Times in the same run, best of ``--repeat``:

* read: ``ar_excel.io.reader.read_book(path)``: every sheet read and every value parsed;
* check: the ``invoices`` job on the book read: joins, all checks, both tabs built.

Prints both times and check/read as a ratio (target: at most 3), and the findings per code
as a sanity check (each planted mistake must be found).

    python benchmarks/bench_invoices.py [--lines 300000] [--repeat 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB

OUT = Path(__file__).resolve().parent / "out" / "invoices"
AS_OF = pd.Timestamp("2025-12-31")
CCY = np.array(["EGP", "SAR", "KWD"], dtype=object)
VAT = {"EGP": 14.0, "SAR": 15.0, "KWD": 0.0}
PLACES = {"EGP": 2, "SAR": 2, "KWD": 3}


def _round(values: np.ndarray, places: np.ndarray) -> np.ndarray:
    scale = 10.0 ** places
    return np.floor(np.abs(values) * scale + 0.5 + 1e-9) * np.sign(values) / scale


def make_cycle(n_lines: int, seed: int) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n_cust, n_items = 2_000, 600
    cust_ids = np.array([f"C{i:05d}" for i in range(n_cust)], dtype=object)
    cust_ccy = CCY[rng.choice(3, n_cust, p=[0.7, 0.2, 0.1])]
    terms = rng.choice([15, 30, 45, 60], n_cust)
    customers = pd.DataFrame({
        "Customer ID": cust_ids, "Name": [f"Customer {i} Trading" for i in range(n_cust)],
        "Currency": cust_ccy, "Payment Terms": terms, "Credit Limit": 50_000_000.0,
        "Status": "Active"})

    items = np.array([f"SKU-{i:04d}" for i in range(n_items)], dtype=object)
    units = np.array(["PC", "KG", "L", "M"], dtype=object)[np.arange(n_items) % 4]
    base_price = np.round(rng.uniform(1, 900, n_items), 2)
    new_price = np.round(base_price * 1.08, 2)
    prices = pd.DataFrame({
        "Item": np.concatenate([items, items]), "Unit": np.concatenate([units, units]),
        "Price": np.concatenate([base_price, new_price]),
        "Valid From": np.concatenate([np.full(n_items, pd.Timestamp("2025-01-01")),
                                      np.full(n_items, pd.Timestamp("2025-07-01"))]),
        "Valid To": np.concatenate([np.full(n_items, pd.Timestamp("2025-06-30")),
                                    np.full(n_items, pd.NaT)]),
    })
    conversions = pd.DataFrame({"Item": [None], "From Unit": ["BOX"], "To Unit": ["PC"],
                                "Factor": [12.0]})

    per_invoice = rng.integers(1, 8, n_lines // 4 + 10)
    per_invoice = per_invoice[np.cumsum(per_invoice) <= n_lines]
    per_invoice[-1] += n_lines - per_invoice.sum()
    n_inv = len(per_invoice)
    inv_no = np.array([f"INV-2025-{i:06d}" for i in range(1, n_inv + 1)], dtype=object)
    inv_cust = rng.integers(0, n_cust, n_inv)
    inv_date = (pd.Timestamp("2025-01-02")
                + pd.to_timedelta(np.sort(rng.integers(0, 360, n_inv)), unit="D"))
    ccy = cust_ccy[inv_cust]

    line_inv = np.repeat(np.arange(n_inv), per_invoice)
    item = rng.integers(0, n_items, n_lines)
    qty = rng.choice([1, 2, 3, 5, 10, 12, 20, 50, 100], n_lines).astype(float)
    unit = units[item].copy()
    is_pc = unit == "PC"
    boxed = is_pc & (rng.random(n_lines) < 0.1)
    unit[boxed] = "BOX"
    new = inv_date[line_inv] >= pd.Timestamp("2025-07-01")
    price = np.where(new, new_price[item], base_price[item]) * np.where(boxed, 12, 1)
    price = np.round(price, 2)
    disc = rng.choice([0.0, 0.0, 0.0, 2.0, 5.0], n_lines)
    lccy = ccy[line_inv]
    rate = np.vectorize(VAT.get)(lccy)
    places = np.vectorize(PLACES.get)(lccy)
    total = _round(qty * price * (1 - disc / 100) * (1 + rate / 100), places)

    # planted mistakes, about one invoice in 200
    bad = rng.choice(n_lines, n_lines // 800, replace=False)
    kind = np.arange(len(bad)) % 3
    total[bad[kind == 0]] += 1.0  # wrong line total
    price[bad[kind == 1]] += 0.5  # off-list price, restated consistently
    total[bad[kind == 1]] = _round(qty * price * (1 - disc / 100) * (1 + rate / 100),
                                   places)[bad[kind == 1]]
    rate[bad[kind == 2]] = 10.0  # not an allowed rate, restated consistently
    total[bad[kind == 2]] = _round(qty * price * (1 - disc / 100) * (1 + rate / 100),
                                   places)[bad[kind == 2]]
    lines = pd.DataFrame({"Invoice No": inv_no[line_inv], "Item": items[item], "Quantity": qty,
                          "Unit": unit, "Unit Price": price, "Discount %": disc,
                          "Tax Rate": rate, "Line Total": total})
    amount = pd.Series(np.where(np.isin(np.arange(n_lines), bad[kind == 0]),
                                total - 1.0, total)).groupby(line_inv).sum().to_numpy()
    amount = _round(amount, np.vectorize(PLACES.get)(ccy))
    due = inv_date + pd.to_timedelta(terms[inv_cust], unit="D")
    due = pd.Series(due).where(rng.random(n_inv) < 0.7)  # 30 % blank: from terms
    stretched = rng.choice(n_inv, n_inv // 1000, replace=False)
    due.iloc[stretched] = inv_date[stretched] + pd.Timedelta(days=120)
    invoices = pd.DataFrame({"Invoice No": inv_no, "Customer ID": cust_ids[inv_cust],
                             "Invoice Date": inv_date, "Due Date": due,
                             "Currency": np.where(rng.random(n_inv) < 0.5, ccy, None),
                             "Amount": amount})
    missing = rng.choice(np.arange(1, n_inv - 1), 20, replace=False)
    keep = ~np.isin(np.arange(n_inv), missing)
    deliveries = pd.DataFrame({
        "Delivery No": [f"DN-{i:06d}" for i in range(n_inv)], "Customer ID": cust_ids[inv_cust],
        "Delivery Date": inv_date - pd.to_timedelta(rng.integers(0, 6, n_inv), unit="D"),
        "Amount": amount, "Invoice No": np.where(rng.random(n_inv) < 0.002, None, inv_no),
    })
    paid = rng.random(n_inv) < 0.4
    payments = pd.DataFrame({
        "Payment ID": [f"R{i:06d}" for i in range(paid.sum())],
        "Customer ID": cust_ids[inv_cust][paid],
        "Date": inv_date[paid] + pd.Timedelta(days=25), "Amount": amount[paid],
        "Invoice No": inv_no[paid]})
    return {"Customers": customers, "Invoices": invoices[keep], "Invoice Lines": lines,
            "Price List": prices, "Unit Conversions": conversions, "Deliveries": deliveries,
            "Payments": payments}


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    for name, frame in sheets.items():
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, list(frame.columns))
        for col in frame.columns:
            values = frame[col]
            if pd.api.types.is_datetime64_any_dtype(values):
                frame = frame.assign(**{col: values.dt.to_pydatetime()})
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            for c, v in enumerate(row):
                if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v is pd.NA:
                    continue
                if hasattr(v, "year"):
                    ws.write_datetime(r, c, v, date_fmt)
                else:
                    ws.write(r, c, v)
    wb.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"invoices_{args.lines}_{args.seed}.xlsx"
    if not path.exists():
        t = time.perf_counter()
        write_workbook(make_cycle(args.lines, args.seed), path)
        print(f"wrote {path.name} in {time.perf_counter() - t:.1f} s")

    reads, checks, result, book = [], [], None, None
    for _ in range(args.repeat):
        t = time.perf_counter()
        book = read_book(path)
        reads.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = JOB.run(book, JobOptions(as_of=AS_OF.date()))
        checks.append(time.perf_counter() - t)

    lines = len(book.tables["Invoice Lines"])
    found = result.tabs[0].frame
    print(f"invoice lines: {lines:,}, invoices: {len(book.invoices):,}")
    print(f"read  (read_book, all sheets): {min(reads):7.2f} s")
    print(f"check (invoices job)         : {min(checks):7.2f} s")
    print(f"check / read                 : {min(checks) / min(reads):7.2f}  (target <= 3)")
    print(result.summary)
    print(found.groupby(["Code", "Severity"]).size().to_string())


if __name__ == "__main__":
    main()
