"""Quicken Interchange Format (QIF) statements -> table rows, read by the table rules.

A QIF download (UK and US banks offer it beside CSV and OFX) is a ``!Type:Bank`` (or
``CCard``, ``Cash``, ``Oth A``...) header, then one record per transaction, a field per line
by its first letter, each record ending with ``^``::

    !Type:Bank
    D03/11/2026
    T1,250.00
    PACME TRADING LTD
    MINV-1001
    N000123
    ^

The rule: ``D`` the date (``11/03'26``, ``3/11/2026``: its order decided over the whole file,
as for a CSV), ``T`` (else ``U``) the signed amount, ``P`` the payee (the counterparty, and the start of the
narrative: UK banks write the whole narrative there), ``M`` the memo (the rest of the
narrative; ``A`` address lines after it), ``N`` the cheque or reference number;
a split's ``S``/``E``/``$`` lines belong to the record and are not lines of their own. Each
record is a row of a table (its file line: the record's first line), so dates, amounts,
opening-balance records and bad values follow the same rules, and are reported the same way.
An investment (``!Type:Invst``) or a list (``!Type:Cat``, ``!Account`` alone) holds no bank
lines: refused with a message saying so.
"""

from __future__ import annotations

import re

from ar_excel.errors import InputError

_HEADER = ["Date", "Amount", "Payee", "Memo", "Check Number", "Category"]
_FIELDS = {"D": "Date", "T": "Amount", "U": "Amount", "P": "Payee", "M": "Memo",
           "A": "Memo", "N": "Check Number", "L": "Category"}
_BANK_TYPES = {"bank", "ccard", "cash", "oth a", "oth l"}


def is_qif(head: str) -> bool:
    """Whether a file's first text is a QIF header (``!Type:Bank``, ``!Account``)."""
    return bool(re.match(r"(?i)\s*!(type|account|option|clear)\b", head))


def qif_rows(text: str, source: str
             ) -> tuple[list[list[str]], list[int], list[str | None]]:
    """The records of a QIF file as table rows (the header first), each row's file line and
    the account it is under (the name of the ``!Account`` record before its ``!Type:``; None
    before any): Quicken exports several accounts in one file, each one's records after its
    own ``!Account`` block."""
    rows: list[list[str]] = [list(_HEADER)]
    numbers: list[int] = [1]
    under: list[str | None] = [None]
    kind = None
    record: dict[str, str] = {}
    start = 0
    # under "!Account", up to the next "!Type:", the records name accounts ("NBusiness
    # Checking", "TBank", "DOur main account"), no transactions: their N, T, D letters are not
    # a cheque number, an amount and a date
    accounts = False
    account: str | None = None
    for no, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("!"):
            m = re.match(r"(?i)!type:\s*(.+)", line)
            if m:
                kind = m.group(1).strip().lower()
                accounts = False
            elif re.match(r"(?i)!account\b", line):
                accounts = True
            continue
        if accounts:
            if line[0] in "Nn" and line[1:].strip():
                # the last account the block names is the one the records after it are of
                # (an AutoSwitch list names them all, and a second block the one that follows)
                account = line[1:].strip()
            continue
        if line.startswith("^"):
            if record:
                rows.append(_row(record))
                numbers.append(start)
                under.append(account)
            record = {}
            continue
        code, value = line[0].upper(), line[1:].strip()
        if not record:
            start = no
            record["_"] = ""
        field = _FIELDS.get(code)
        if field is None:
            continue  # splits (S, E, $), cleared status (C), others: parts of the record
        if field == "Amount" and "Amount" in record and code == "U":
            continue  # U repeats T
        if field == "Memo" and record.get("Memo"):
            record["Memo"] = f"{record['Memo']} {value}"
        elif field not in record or not record[field]:
            record[field] = value
    if record and len(record) > 1:  # the last record without its closing '^'
        rows.append(_row(record))
        numbers.append(start)
        under.append(account)
    if kind is not None and kind not in _BANK_TYPES:
        raise InputError(f"{source}: a QIF file of type '{kind}', which holds no bank "
                         "account lines (only !Type:Bank, CCard, Cash are read)")
    if len(rows) == 1:
        raise InputError(f"{source}: a QIF file without transactions (no D/T lines ending in "
                         "'^')")
    return rows, numbers, under


def _qif_date(text: str) -> str:
    """Quicken's own date spellings as plain ones: ``11/ 3'26`` -> ``11/3/2026`` (the year
    after an apostrophe is of this century), ``11/03/26`` kept."""
    text = re.sub(r"(?<=[/.-])\s+", "", text.strip())
    m = re.fullmatch(r"(\d{1,2}[/.-]\d{1,2})'\s*(\d{2}|\d{4})", text)
    if m:
        year = m.group(2)
        return f"{m.group(1)}/{'20' + year if len(year) == 2 else year}"
    return text


def _row(record: dict[str, str]) -> list[str]:
    """A record as a row; Quicken's "Opening Balance" record (its category the account itself,
    ``[Checking]``) as the balance row a table prints, not money received."""
    if re.fullmatch(r"(?i)opening\s+balance", record.get("Payee", "").strip()):
        record = {"Date": record.get("Date", ""), "Amount": record.get("Amount", ""),
                  "Memo": "Opening Balance"}
    # UK banks write the whole narrative in the payee field: the description holds it too
    memo = " ".join(filter(None, [record.get("Payee", ""), record.get("Memo", "")]))
    record = {**record, "Date": _qif_date(record.get("Date", "")), "Memo": memo}
    return [record.get(h, "") for h in _HEADER]
