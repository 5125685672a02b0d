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
    cell_text,
    cell_texts,
    is_constant,
)
from ar_excel.bank.column_words import Layout, header_words
from ar_excel.bank.day_rows import DayRows
from ar_excel.bank.party_words import names_no_one
from ar_excel.bank.row_issues import RowIssues
from ar_excel.bank.statement import (
    StatementBalance,
)
from ar_excel.bank.summary_rows import SUMMARY_LABEL, row_shown
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.parsing import is_blank


def row_narrative(row: list[Any], desc_cols: list[int]) -> str:
    """A row's narrative cells, joined."""
    return " ".join(cell_text(cell_at(row, i)) for i in desc_cols
                    if not is_blank(cell_at(row, i)))


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
        parts = [cell_text(values[p]) for values, blank in columns if not blank[p]]
        if posting is not None and not posting_blank[p] and cell_text(posting[p]) not in parts:
            parts.append(cell_text(posting[p]))
        out.append(" ".join(parts))
    return out


_COUNTERPARTY_WORDS = {"counterparty", "payer", "payee", "beneficiary", "partner", "remitter",
                       "tegenrekening", "gegenkonto", "empfanger", "auftraggeber", "مستفيد",
                       "المحول", "المستفيد", "zahlungspflichtiger", "beguenstigter"}


def kinds_out_of_the_party(lines: Any) -> None:
    """A Counterparty that is the kind of the line ("INWARD REMITTANCE", "CASH DEPOSIT",
    "رسوم": ``party_words``) names no payer: blanked, its words kept in the narrative where
    the narrative does not hold them already (a QIF payee is its narrative's start)."""
    for k, party in enumerate(lines["Counterparty"].tolist()):
        if isinstance(party, str) and names_no_one(party):
            told = lines.at[k, "Description"]
            if not isinstance(told, str) or party not in told:
                lines.at[k, "Description"] = " ".join(filter(None, [
                    party, told if isinstance(told, str) else None]))
            lines.at[k, "Counterparty"] = None


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


def narrative_columns(table: ColumnCells, layout: Layout) -> list[int]:
    """The columns whose text tells each line's narrative: the Description column and the
    narrative's parts, where they vary from line to line; else the other party's name
    ("Date | Payee | Amount": the payee says it)."""
    cols = layout.columns
    # a narrative column with the same text on every row names the account product, not the line
    parts = [i for i in layout.parts if not is_constant(table.cells(i), table.blank(i))]
    desc_cols = ([cols["Description"]] if "Description" in cols and not (
        parts and is_constant(table.cells(cols["Description"]), table.blank(cols["Description"])))
        else []) + parts
    if not desc_cols and "Counterparty" in cols:
        desc_cols = [cols["Counterparty"]]
    return desc_cols


def kept_cells(table: ColumnCells, cols: dict[str, int], canon: str,
               kept_rows: list[int]) -> list[Any]:
    """The cells of the role's column on the kept rows (None each without the column)."""
    if canon not in cols:
        return [None] * len(kept_rows)
    return list(map(table.cells(cols[canon]).__getitem__, kept_rows))


def party_cells(table: ColumnCells, layout: Layout, canon: str, kept_rows: list[int],
                money_in: np.ndarray) -> list[str | None]:
    """The other party's name or account on each kept row: the chosen column, its blanks
    filled from the role's other columns (the payee of a payment out beside the payer of
    money in: ``money_in``, per kept row)."""
    texts = cell_texts(kept_cells(table, layout.columns, canon, kept_rows))
    if canon == "Counterparty" and layout.payer_payee is not None:
        payer, payee = (cell_texts(list(map(table.cells(i).__getitem__, kept_rows)))
                        for i in layout.payer_payee)
        texts = [(a or b) if inward else (b or a) for a, b, inward in
                 zip(payer, payee, money_in.tolist(), strict=True)]
    for idx in layout.alternates.get(canon, []):
        more = cell_texts(list(map(table.cells(idx).__getitem__, kept_rows)))
        texts = [t if t is not None else m for t, m in zip(texts, more, strict=True)]
    return texts


def narratives_of_the_lines(table: ColumnCells, data: list[list[Any]], desc_cols: list[int],
                            posting_idx: int | None, live: np.ndarray, kept: np.ndarray,
                            day: DayRows, anchor: np.ndarray,
                            continued: list[tuple[int, str, str]], foot: np.ndarray,
                            report: RowIssues,
                            carried_over: dict[int, list[int]] | None = None) -> list[str]:
    """Each kept line's narrative, with the narrative rows that belong to it: rows above its
    amount row where the file prints a transaction's amount on its last row, and rows under
    it carrying its narrative over (``carried_over``, where given: each line's row -> those
    rows). A summary row under the closing balance, or a row of text with no line above it,
    is reported instead."""
    descriptions = line_descriptions(table, desc_cols, posting_idx, kept)
    leading: dict[int, list[tuple[int, str]]] = {}  # amount row -> narrative rows above it
    for head, pos in day.heads.items():
        if live[pos]:
            leading.setdefault(pos, []).append((head, row_narrative(data[head], desc_cols)))
    carried: dict[int, list[tuple[int, str]]] = {}  # line row -> rows carrying it on
    for tail, pos in day.tails.items():  # its second dated row, printed under it
        if live[pos]:
            carried.setdefault(pos, []).append((tail, row_narrative(data[tail], desc_cols)))
            if carried_over is not None:
                carried_over.setdefault(pos, []).append(tail)
    if continued:  # narrative carried over to the next rows belongs to the line above
        last_kept = np.maximum.accumulate(np.where(live, np.arange(table.count), -1))
        for pos, desc, texts in continued:
            target = day.lead_target(pos, live, anchor)
            if foot[pos] and SUMMARY_LABEL.search(texts):  # "Available balance" at the foot
                report.add(pos, 0, f"row {report.numbers[pos]}", "", texts,
                           f"summary row under the closing balance ('{desc}'): not a "
                           "transaction; left out")
            elif foot[pos]:
                # under the closing balance a line's words no longer go on ("المبالغ المحجوزة
                # | 5,000.00": the amounts on hold): said with its figures, not glued onto the
                # last line's narrative with its figure lost
                said = row_shown(data[pos])
                report.add(pos, 0, f"row {report.numbers[pos]}", "", said,
                           f"row under the closing balance ('{said}'): not a transaction, "
                           "nor words of the line above it; left out")
            elif target is not None:  # amounts on a transaction's last row: leads the one below
                leading.setdefault(target, []).append((pos, desc))
            elif last_kept[pos] >= 0:
                carried.setdefault(int(last_kept[pos]), []).append((pos, desc))
                if carried_over is not None:
                    carried_over.setdefault(int(last_kept[pos]), []).append(pos)
            else:
                report.add(pos, 0, f"row {report.numbers[pos]}", "", texts,
                           "row has text but no date and no amount; not a transaction")
    if carried:
        slot = {int(p): k for k, p in enumerate(kept.tolist())}
        for pos, more in carried.items():
            k = slot[pos]
            descriptions[k] = " ".join(filter(None, [descriptions[k],
                                                     *(t for _, t in sorted(more))]))
    if leading:
        slot = {int(p): k for k, p in enumerate(kept.tolist())}
        for pos, texts in leading.items():
            k = slot[pos]
            descriptions[k] = " ".join(filter(None, [*(t for _, t in sorted(texts)),
                                                     descriptions[k]]))
    return descriptions
