"""Small hand-made ledgers for the aging, KPI and report tests (frames as the reader parses them)."""

from __future__ import annotations

import pandas as pd

from ar_excel.schema import empty_frame
from tests._workbooks import save_workbook


def frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    """A parsed frame of ``kind`` with the reader's dtypes; ``_row`` = 2, 3, ... like a sheet."""
    base = empty_frame(kind)
    data = {c: [r.get(c) for r in rows] for c in base.columns if c != "_row"}
    out = pd.DataFrame(data, columns=[c for c in base.columns if c != "_row"])
    for c in out.columns:
        out[c] = out[c].astype(base[c].dtype) if str(base[c].dtype) != "datetime64[ns]" \
            else pd.to_datetime(out[c])
    out["_row"] = range(2, len(rows) + 2)
    return out


def customers(*rows: tuple) -> pd.DataFrame:
    """(Customer ID, Name, Currency, Payment Terms) tuples."""
    return frame("Customers", [dict(zip(("Customer ID", "Name", "Currency", "Payment Terms"), r,
                                        strict=True)) for r in rows])


def invoices(*rows: tuple) -> pd.DataFrame:
    """(Invoice No, Customer ID, Invoice Date, Due Date or None, Amount[, Currency]) tuples."""
    keys = ("Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", "Currency")
    return frame("Invoices", [dict(zip(keys, r, strict=False)) for r in rows])


def payments(*rows: tuple) -> pd.DataFrame:
    """(Payment ID, Customer ID, Date, Amount, Invoice No or None) tuples."""
    keys = ("Payment ID", "Customer ID", "Date", "Amount", "Invoice No")
    return frame("Payments", [dict(zip(keys, r, strict=True)) for r in rows])


def june_book() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The ledger aged by hand in test_aging_core (as of 2026-06-30 and 2026-07-31)."""
    cust = customers(("C1", "Nile Trading", "EGP", 30), ("C2", "Delta Foods", "EGP", 0),
                     ("C10", "Cairo Steel", "EGP", 0))
    inv = invoices(
        ("INV1", "C1", "2026-03-01", None, 1000.00),  # due 03-31: 91 days -> 90+
        ("INV2", "C1", "2026-05-15", None, 500.50),  # due 06-14, 200.25 paid -> 300.25 in 1-30
        ("INV3", "C1", "2026-06-20", "2026-07-20", 750.00),  # not yet due -> Current
        ("INV4", "C1", "2026-04-10", "2026-05-10", 400.00),  # paid 07-05, after the as-of date
        ("CN1", "C1", "2026-06-01", None, -120.10),  # credit note, own date: 29 days -> 1-30
        ("INV5", "C2", "2026-04-30", None, 2000.00),  # 61 days -> 61-90
        ("INV6", "C2", "2026-05-31", None, 2000.00),  # paid by P4 with 500.00 to spare
        ("INV7", "C2", "2026-07-02", None, 999.00),  # does not exist on 06-30
        ("INV8", "C10", "2026-03-31", None, 100.00),  # 91 days -> 90+
        ("INV9", "C10", "2026-04-01", None, 250.00),  # exactly 90 days -> 61-90
    )
    pay = payments(
        ("P1", "C2", "2026-06-30", 800.00, None),  # on account, dated on the as-of day: Current
        ("P2", "C10", "2026-05-01", 300.00, "NOPE"),  # unknown invoice: on account, 60 days
        ("P3", "C1", "2026-06-20", 200.25, "INV2"),
        ("P4", "C2", "2026-06-10", 2500.00, "INV6"),  # 500.00 excess on account, 20 days
        ("P5", "C1", "2026-07-05", 400.00, "INV4"),  # after 06-30
    )
    return cust, inv, pay


def kpi_book() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """June 2026, computed by hand in test_kpis_core."""
    cust = customers(("A", "Alex Paper", "EGP", 30), ("B", "Bahary Oils", "EGP", 0))
    inv = invoices(
        ("I0", "B", "2026-04-01", None, 800.00),  # never paid
        ("I5", "B", "2026-02-01", None, 400.00),  # paid 30 days late in March
        ("I1", "A", "2026-05-10", None, 1000.00),  # due 06-09
        ("I2", "A", "2026-06-05", None, 2000.00),  # due 07-05
        ("I3", "B", "2026-06-15", None, 600.00),  # due 06-15
        ("CN1", "A", "2026-06-20", None, -200.00),
        ("I4", "B", "2026-07-03", None, 999.00),  # after June
    )
    pay = payments(
        ("P6", "B", "2026-03-03", 400.00, "I5"),  # 30 days late
        ("P1", "A", "2026-05-20", 300.00, "I1"),  # early
        ("P2", "A", "2026-06-12", 700.00, "I1"),  # 3 days late
        ("P3", "B", "2026-06-25", 600.00, "I3"),  # 10 days late
        ("P4", "A", "2026-06-28", 500.00, "I2"),  # early
        ("P5", "B", "2026-07-02", 100.00, None),  # after June
    )
    return cust, inv, pay


def write_book(path, cust: pd.DataFrame, inv: pd.DataFrame, pay: pd.DataFrame,
               policy: dict | None = None) -> None:
    """An accountant's workbook with the three sheets (and an optional Policy sheet)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, f in (("Customers", cust), ("Invoices", inv), ("Payments", pay)):
        ws = wb.create_sheet(name)
        cols = [c for c in f.columns if c != "_row"]
        ws.append(cols)
        for rec in f[cols].itertuples(index=False):
            ws.append([None if pd.isna(v) else (v.to_pydatetime() if isinstance(v, pd.Timestamp)
                                                else v) for v in rec])
    if policy:
        ws = wb.create_sheet("Policy")
        ws.append(["Key", "Value"])
        for k, v in policy.items():
            ws.append([k, v])
    save_workbook(wb, path)
