"""Receipts an open-items list already holds, as the month's statement shows them.

An invoice list kept as open items (a Balance or Paid Amount column, no Payments sheet) is
exported after the month's receipts were applied in the ERP: an invoice of 8,200 paid 5,000
in the month stands open for 3,200, and the month's statement holds the 5,000 naming it.
That credit is in the books already; applied again it would be posted twice (3,200 to the
invoice, 1,800 on account) and the invoice shown settled. So each such paid part is a
receipt recorded in the books for the reconciliation's book-to-bank pairing
(``core.matching.recorded``: Method ``recorded``, not applied again), dated on its line's
day. Only where one credit of the statement names the invoice (its number written whole in
the narrative or reference) for exactly the part paid, in the invoice's currency, and that
amount is not also what stays open: an invoice paid in two equal halves does not say which
half the line is, and the cascade applies it as the list stands.

A receipt the list keeps as a line of its own (Oracle's unapplied PMT, a payment typed so
beside the invoices) is a receipt in the books too, with its own number, date and amount:
paired with its bank credit as a Payments row would be (by its payer, its number...), and
listed as recorded but not banked where none is.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.matching.normalize import alnum_key, fold_text
from ar_excel.core.paid_as_stated import paid_as_stated

PAID_IN_THE_LIST = " (paid in the invoice list)"  # after the invoice's number: the receipt's ID
# The same in an Arabic workbook. Put in only where the tabs are worded (``io.reasons_ar``):
# matching reads the ID's letters and digits, and Arabic words would leave just the invoice's
# number, which a narrative naming the invoice would then hold as the receipt's own ID.
PAID_IN_THE_LIST_AR = " (مسدد في قائمة الفواتير)"

_CHUNK = re.compile(r"[A-Z0-9]+(?:[-/._#:][A-Z0-9]+)*")
_SEPARATORS = str.maketrans("", "", "-/._#:")
_TEXTS = ("Description", "Reference")


def _named(lines: pd.DataFrame) -> list[set[str]]:
    """The keys of the numbers each line writes (letters and digits of each chunk)."""
    texts = [lines[c].tolist() for c in _TEXTS if c in lines]
    out = []
    for row in zip(*texts, strict=True) if texts else [() for _ in range(len(lines))]:
        said = fold_text(" ".join(t for t in row if isinstance(t, str))).upper()
        out.append({c.translate(_SEPARATORS) for c in _CHUNK.findall(said)})
    return out


_COLUMNS = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]


def receipts_in_the_list(invoices: pd.DataFrame) -> pd.DataFrame | None:
    """The list's lines that are receipts (typed Payment, PMT, Receipt, سند قبض; a running
    ledger's credit whose narration opens so or that pays an invoice it names), as
    Payments rows: receipts in the books, whose bank credits are not applied again. None
    where there are none."""
    from ar_excel.core.entries import received_rows

    if not len(invoices) or "Amount" not in invoices:
        return None
    rows = invoices[received_rows(invoices)]
    if not len(rows):
        return None
    return pd.DataFrame({"Payment ID": rows["Invoice No"].to_numpy(dtype=object),
                         "Customer ID": rows["Customer ID"].to_numpy(dtype=object),
                         "Date": pd.to_datetime(rows["Invoice Date"]).to_numpy(),
                         "Amount": -rows["Amount"].astype("float64").to_numpy(),
                         "Invoice No": np.full(len(rows), None, dtype=object)},
                        columns=_COLUMNS)


def paid_in_the_list(invoices: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame | None:
    """The receipts the open-items list holds: the paid parts a statement credit names and
    the lines typed as receipts (module docstring), as Payments rows; None where none."""
    if not len(invoices) or not len(lines) or "Amount" not in lines:
        return None
    parts = [f for f in (_paid_parts_named(invoices, lines), receipts_in_the_list(invoices))
             if f is not None]
    return pd.concat(parts, ignore_index=True) if parts else None


def _paid_parts_named(invoices: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame | None:
    paid = paid_as_stated(invoices)
    amount = invoices["Amount"].astype("float64")
    settled = (paid > 0) & (amount > 0) & ((amount - paid).round(6) != paid)
    if not settled.any():
        return None
    wanted: dict[str, list[int]] = {}
    for i in np.flatnonzero(settled.to_numpy(bool)).tolist():
        number = invoices["Invoice No"].iat[i]
        if isinstance(number, str) and len(alnum_key(number)) >= 3:
            wanted.setdefault(alnum_key(number), []).append(i)
    credits = np.flatnonzero(lines["Amount"].astype("float64").to_numpy() > 0).tolist()
    named = _named(lines.iloc[credits])
    found: dict[int, list[int]] = {}  # invoice position -> the credits naming it for its part
    line_ccy = lines["Currency"].tolist() if "Currency" in lines else [None] * len(lines)
    inv_ccy = invoices["Currency"].tolist() if "Currency" in invoices else [None] * len(invoices)
    for pos, keys in zip(credits, named, strict=True):
        for key in keys & wanted.keys():
            for i in wanted[key]:
                same_ccy = not (isinstance(line_ccy[pos], str) and isinstance(inv_ccy[i], str)
                                and line_ccy[pos].strip().upper() != inv_ccy[i].strip().upper())
                if same_ccy and abs(float(lines["Amount"].iat[pos]) - paid.iat[i]) < 0.005:
                    found.setdefault(i, []).append(pos)
    rows = [{"Payment ID": f"{invoices['Invoice No'].iat[i]}{PAID_IN_THE_LIST}",
             "Customer ID": invoices["Customer ID"].iat[i],
             "Date": pd.Timestamp(lines["Date"].iat[at[0]]),
             "Amount": float(paid.iat[i]), "Invoice No": invoices["Invoice No"].iat[i]}
            for i, at in sorted(found.items()) if len(at) == 1]  # one credit: that one
    return pd.DataFrame(rows, columns=_COLUMNS) if rows else None
