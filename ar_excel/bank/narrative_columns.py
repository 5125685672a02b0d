"""The narrative and the other party of each statement line, from the table's text columns.

The rule: a line's narrative is its narrative cells, then the bank's posting text unless it
repeats one of them; an account column repeating one number on every line is the statement's
own account (its currency code too), not the other party's.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.bank.cells import (
    ColumnCells,
    cell_at,
)
from ar_excel.bank.column_words import header_words
from ar_excel.bank.statement import (
    StatementBalance,
)
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.parsing import is_blank


def row_narrative(row: list[Any], desc_cols: list[int]) -> str:
    return " ".join(str(cell_at(row, i)) for i in desc_cols if not is_blank(cell_at(row, i)))


def line_descriptions(table: ColumnCells, desc_cols: list[int], posting_idx: int | None,
                  kept: np.ndarray) -> list[str]:
    """The narrative of each kept row: its narrative cells, then the posting text unless it
    repeats one of them."""
    columns = [(table.cells(i), table.blank(i)) for i in desc_cols]
    if len(columns) == 1 and posting_idx is None and set(map(type, columns[0][0])) == {str}:
        return list(map(columns[0][0].__getitem__, kept.tolist()))  # one narrative cell each
    posting = table.cells(posting_idx) if posting_idx is not None else None
    posting_blank = table.blank(posting_idx) if posting_idx is not None else None
    out = []
    for p in kept.tolist():
        parts = [str(values[p]) for values, blank in columns if not blank[p]]
        if posting is not None and not posting_blank[p] and str(posting[p]) not in parts:
            parts.append(str(posting[p]))
        out.append(" ".join(parts))
    return out


_COUNTERPARTY_WORDS = {"counterparty", "payer", "payee", "beneficiary", "partner", "remitter",
                       "tegenrekening", "gegenkonto", "empfanger", "auftraggeber", "مستفيد",
                       "المحول", "المستفيد", "zahlungspflichtiger", "beguenstigter"}


def counterparty_accounts(values: list[str | None], header: str,
                           balances: StatementBalance) -> list[str | None]:
    """A generic account column ("Account Number") holding one number on every line is the
    statement's own account (Lloyds, HSBC exports repeat it), not who paid: kept as the
    statement's account, and no line is said to come from it."""
    filled = {v for v in values if v}
    if (len(values) >= 3 and len(filled) == 1 and all(values)
            and not header_words(header) & _COUNTERPARTY_WORDS):
        balances.account = balances.account or next(iter(filled))
        return [None] * len(values)
    return values


def currency_of_the_own_account(lines: Any, balances: StatementBalance) -> None:
    """Lloyds writes the account as "300000-12345678 GBP" on every line: the code after the
    number is the account's currency, where nothing else in the file names one."""
    m = re.fullmatch(r"(.*\d)\s+([A-Z]{3})", balances.account or "")
    if m and m.group(2) in ISO_4217 and len(lines) and lines["Currency"].isna().all():
        balances.account = m.group(1)
        lines["Currency"] = m.group(2)
