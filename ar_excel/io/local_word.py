"""A Currency written as the word 'local' ('محلي', 'عملة محلية', 'Local', 'LCY', 'Local
Currency'): the company's own (home) currency, named by no code.

Hand-kept masters and ERPs write it so for the customers billed at home. Left as typed it is
a currency of its own: a receipt stating EGP then never meets its customer's 'محلي'
invoices, and the customer ages in two sections (EGP -2,000 on account beside محلي 5,000
due, where the truth is EGP 3,000). The word is read, once for the whole book (customers,
invoices and receipts), as:

1. the Policy's Base Currency (or its Country's currency): the company says which;
2. else the one ISO currency the book's rows state (customers, invoices, receipts): a book
   all in EGP but for the word;
3. else nothing: the word stays as typed, for the customer checks to report it
   (INVALID_CURRENCY) and the jobs to keep it apart.

One Input Issue per sheet says what it was read as and where (the cells).
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.core.local_currency import local_currency
from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book

# (the reader upper-cases what is no currency: 'Local' arrives as 'LOCAL')
_LOCAL = re.compile(
    r"^(?:LCY|LOCAL|LOCAL CURRENCY|HOME CURRENCY|COMPANY CURRENCY|"
    r"(?:ال)?محل[يى]|(?:ال)?عملة (?:ال)?محلي[ةه]|(?:ال)?عمله (?:ال)?محلي[ةه])$")

_KINDS = ("Customers", "Invoices", "Payments")


def says_local(value: object) -> bool:
    """Whether a Currency cell (as read) is the word 'local' and names no currency."""
    if not isinstance(value, str):
        return False
    return bool(_LOCAL.match(" ".join(value.replace(".", " ").split()).upper()))


def local_word_as_meant(book: Book) -> None:
    """Each Currency cell saying 'local' read as the company's currency (module docstring),
    said in one Input Issue per sheet; left as typed where nothing says which."""
    marked: dict[str, pd.Series] = {}
    for kind in _KINDS:
        frame = book.frame(kind)
        if frame is not None and "Currency" in frame:
            # (each distinct value looked at once: a ledger's cells repeat a few codes)
            words = [v for v in pd.unique(frame["Currency"].to_numpy(dtype=object))
                     if says_local(v)]
            local = frame["Currency"].isin(words)
            if local.any():
                marked[kind] = local
    if not marked:
        return
    from ar_excel.core.ledger import said_currencies

    # the ISO codes the book's customers, invoices and receipts state (the word itself none)
    stated = said_currencies(pd.Series(book.named_currencies(), dtype=object)).dropna()
    found = local_currency(book.policy, sorted(set(stated)), None)
    if found.code is None:
        return
    why = ("the company's currency on the Policy sheet" if found.source == "policy" else
           "the one currency the workbook's rows state")
    for kind, local in marked.items():
        table = book.tables[kind]
        at = list(local.index[local])
        typed = str(table.raw.at[at[0], "Currency"]).strip() \
            if "Currency" in table.raw.columns else str(table.frame.at[at[0], "Currency"])
        cells = [table.cell(i, "Currency") for i in at]
        table.frame = table.frame.assign(
            Currency=table.frame["Currency"].where(~local, found.code))
        book.issues.append(table.issue(at[0], "Currency", (
            f"'{typed}' (the local currency) read as {found.code}, {why}: "
            f"{cells_named(cells)}")))
