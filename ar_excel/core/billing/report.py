"""The exception report: the accounts whose invoices need attention, worst first.

One row per customer with findings: its errors and warnings, the invoices and deliveries
concerned, the amount at stake (each document counted once, at its full amount), the codes
most often found, and how many days its deliveries waited to be invoiced. Accounts with
errors come first, then the others, each by amount at stake; findings not tied to a customer (numbering gaps,
lines of unknown invoices) stay in Invoice Checks only.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.billing.codes import ERROR, WARNING
from ar_excel.core.billing.context import BillingBook
from ar_excel.core.billing.findings import AMOUNT, DOCUMENT

COLUMNS = ["Customer ID", "Customer", "Severity", "Errors", "Warnings", "Documents",
           "Amount at Stake", "Top Codes", "Avg Days to Invoice"]


def exception_report(found: pd.DataFrame, book: BillingBook) -> pd.DataFrame:
    """Problem accounts by severity (see module docstring)."""
    found = found[found["Customer ID"].notna() & (found["Customer ID"].astype(str) != "")]
    if found.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    customer = found["Customer ID"]
    severity = found["Severity"]
    docs = found.dropna(subset=[DOCUMENT]).assign(_abs=pd.to_numeric(found[AMOUNT]).abs())
    stake = (docs.groupby(["Customer ID", DOCUMENT])["_abs"].max()
             .groupby(level=0).sum())
    names = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")["Name"]
    days = book.invoicing_days
    avg_days = days[days["Days"].notna()].groupby("Customer ID")["Days"].mean().round(1)
    counts = found.groupby(["Customer ID", "Code"]).size().rename("n").reset_index()
    counts = counts.sort_values(["Customer ID", "n", "Code"], ascending=[True, False, True],
                                kind="stable")
    top = (counts.groupby("Customer ID", sort=True).head(3)
           .assign(_text=lambda c: c["Code"] + " ×" + c["n"].astype(str))
           .groupby("Customer ID", sort=True)["_text"].agg(", ".join))
    out = pd.DataFrame({
        "Errors": (severity == ERROR).groupby(customer).sum().astype("int64"),
        "Warnings": (severity == WARNING).groupby(customer).sum().astype("int64"),
        "Documents": found.groupby("Customer ID")[DOCUMENT].nunique(),
        "Top Codes": top,
    })
    out["Amount at Stake"] = stake.reindex(out.index).fillna(0.0).round(3)
    out["Customer"] = names.reindex(out.index)
    out["Severity"] = [ERROR if e else WARNING for e in out["Errors"]]
    out["Avg Days to Invoice"] = avg_days.reindex(out.index)
    out = out.reset_index().assign(_rank=(out["Errors"] == 0).astype("int64").to_numpy())
    out = out.sort_values(["_rank", "Amount at Stake", "Errors", "Warnings", "Customer ID"],
                          ascending=[True, False, False, False, True], kind="stable")
    out["Errors"] = out["Errors"].astype("int64")
    out["Warnings"] = out["Warnings"].astype("int64")
    return out[COLUMNS].reset_index(drop=True)
