"""Frames shaped like the reader's output, for the collections and statements tests."""

from __future__ import annotations

import pandas as pd

from ar_excel.model import ROW
from tests._workbooks import save_workbook


def customers(rows: list[dict]) -> pd.DataFrame:
    cols = {"Customer ID": None, "Name": None, "Tax ID": None, "Email": None, "Phone": None,
            "Address": None, "City": None, "Country": None, "Currency": "EGP",
            "Payment Terms": 30, "Credit Limit": float("nan"), "Status": "Active"}
    frame = pd.DataFrame([{**cols, **r} for r in rows])
    frame["Payment Terms"] = frame["Payment Terms"].astype("Int64")
    frame[ROW] = range(2, len(frame) + 2)
    return frame


def invoices(rows: list[tuple]) -> pd.DataFrame:
    """(Invoice No, Customer ID, Invoice Date, Due Date or None, Amount[, Currency])"""
    recs = [{"Invoice No": r[0], "Customer ID": r[1], "Invoice Date": pd.Timestamp(r[2]),
             "Due Date": pd.Timestamp(r[3]) if r[3] else pd.NaT,
             "Currency": r[5] if len(r) > 5 else None, "Amount": float(r[4])} for r in rows]
    frame = pd.DataFrame(recs, columns=["Invoice No", "Customer ID", "Invoice Date", "Due Date",
                                        "Currency", "Amount"])
    frame["Invoice Date"] = pd.to_datetime(frame["Invoice Date"])
    frame["Due Date"] = pd.to_datetime(frame["Due Date"])
    frame["Amount"] = frame["Amount"].astype("float64")
    frame[ROW] = range(2, len(frame) + 2)
    return frame


def payments(rows: list[tuple]) -> pd.DataFrame:
    """(Payment ID, Customer ID, Date, Amount, Invoice No or None)"""
    recs = [{"Payment ID": r[0], "Customer ID": r[1], "Date": pd.Timestamp(r[2]),
             "Amount": float(r[3]), "Invoice No": r[4]} for r in rows]
    frame = pd.DataFrame(recs, columns=["Payment ID", "Customer ID", "Date", "Amount",
                                        "Invoice No"])
    frame["Date"] = pd.to_datetime(frame["Date"])
    frame["Amount"] = frame["Amount"].astype("float64")
    frame[ROW] = range(2, len(frame) + 2)
    return frame


def plans(rows: list[tuple]) -> pd.DataFrame:
    """(Customer ID, Amount, Instalments, Start[, Frequency])"""
    recs = [{"Customer ID": r[0], "Amount": float(r[1]), "Instalments": r[2],
             "Start": pd.Timestamp(r[3]) if r[3] else pd.NaT,
             "Frequency": r[4] if len(r) > 4 else None} for r in rows]
    frame = pd.DataFrame(recs, columns=["Customer ID", "Amount", "Instalments", "Start",
                                        "Frequency"])
    frame["Instalments"] = frame["Instalments"].astype("Int64")
    frame["Start"] = pd.to_datetime(frame["Start"])
    frame[ROW] = range(2, len(frame) + 2)
    return frame


def book(cust: pd.DataFrame, inv: pd.DataFrame, pay: pd.DataFrame | None = None,
         plan: pd.DataFrame | None = None, arabic: bool = False, policy=None):
    """A Book over these frames, as the reader would hand it to a job."""
    from ar_excel.model import Book, Table, column_letter
    from ar_excel.policy import Policy

    tables = {}
    for kind, frame in (("Customers", cust), ("Invoices", inv), ("Payments", pay),
                        ("Payment Plans", plan)):
        if frame is None:
            continue
        cols = [c for c in frame.columns if c != ROW]
        tables[kind] = Table(kind, kind, frame, frame.copy(),
                             letters={c: column_letter(i) for i, c in enumerate(cols)})
    return Book(source=None, policy=policy or Policy(), tables=tables, arabic=arabic)


def write_workbook(path, sheets: dict[str, pd.DataFrame]) -> None:
    """An accountant's workbook: one sheet per frame, header in row 1."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, f in sheets.items():
        ws = wb.create_sheet(name)
        cols = [c for c in f.columns if c != ROW]
        ws.append(cols)
        for rec in f[cols].itertuples(index=False):
            ws.append([None if v is None or (not isinstance(v, str) and pd.isna(v))
                       else v.to_pydatetime() if isinstance(v, pd.Timestamp) else v
                       for v in rec])
    save_workbook(wb, path)
