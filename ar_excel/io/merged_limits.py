"""A credit limit cell merged down over several customers' rows (a limit a clerk wrote once
for a group of accounts). The reader fills a cell merged down into each row it spans, as the
clerk sees it, so each of those customers is read with the whole amount: a limit the group
may have meant to share would be granted to each. That is said at the merged cells, once per
merge; each customer keeps the amount read (the master is the clerk's to correct)."""

from __future__ import annotations

from ar_excel.io.grid import Grid
from ar_excel.model import ROW, Book, Issue, column_letter
from ar_excel.parsing import is_blank


def _column(letter: str) -> int:
    """The 0-based column of an Excel column letter ("A" 0, "AA" 26)."""
    index = 0
    for ch in letter.upper():
        index = index * 26 + ord(ch) - 64
    return index - 1


def limits_merged_over_customers(book: Book, grids: list[Grid]) -> None:
    """An Input Issue for each Credit Limit cell merged over two or more customers' rows."""
    table = book.tables.get("Customers")
    if table is None or "Credit Limit" not in table.letters or table.raw is None or \
            "Credit Limit" not in table.raw.columns:
        return
    sheet = next((g for g in grids if g.name == table.sheet and g.header is None), None)
    merged = sheet.merged if sheet is not None else []
    if not merged:
        return
    letter = table.letters["Credit Limit"]
    column = _column(letter)
    frame = table.frame
    rows = frame[ROW].tolist()
    for (r0, c0), (r1, c1) in merged:
        if r1 <= r0 or not c0 <= column <= c1:
            continue
        spanned = [p for p, r in enumerate(rows) if r0 + 1 <= r <= r1 + 1]
        ids = list(dict.fromkeys(str(frame["Customer ID"].iat[p]) for p in spanned
                                 if "Customer ID" in frame.columns))
        if len(spanned) < 2 or len(ids) < 2:
            continue
        value = table.raw["Credit Limit"].iat[spanned[0]]
        if is_blank(value):
            continue
        where = f"{letter}{r0 + 1}:{column_letter(column)}{r1 + 1}"
        shown = f"{float(frame['Credit Limit'].iat[spanned[0]]):,.2f}" \
            if frame["Credit Limit"].notna().iat[spanned[0]] else str(value)
        book.issues.append(Issue(
            table.sheet, where, table.headers.get("Credit Limit", "Credit Limit"), value,
            f"one credit limit cell ({shown}) is merged over customers {', '.join(ids)} "
            f"(rows {r0 + 1}-{r1 + 1}): read as each one's limit; type each customer's own "
            f"limit in its row"))
