"""SWIFT MT940 statements -> normalised statement lines, via the ``mt-940`` package.

Accounting rules and the traps they avoid:

* ``:61:`` marks ``C``/``D``/``RC``/``RD`` may be followed by a funds-code letter: ``CR300,``
  is a credit of 300 (funds code R), ``RCR204,88`` a reversed credit (money out). The package
  reads these with ``Options.all()`` (without it a reversed credit comes out positive and long
  ``:86:`` text is cut).
* ``Date`` is the booking (entry) date, ``Value Date`` the value date. The entry date has no
  year: the package infers it across the year end (value 2014-01-01, entry ``1229`` ->
  2013-12-29).
* ``Bank Ref`` is the bank reference after ``//``; the customer reference before it goes to
  ``Reference`` unless it is ``NONREF``. ``:86:`` narratives are joined across their 65-column
  wrap and read in all dialects (``narrative.py``).
* Each ``:20:`` block is a statement; its ``:60F:``/``:60M:`` and ``:62F:``/``:62M:`` balances
  give the tie-out. A ``:86:`` after the closing balance describes the statement, not its last
  line, and is not glued onto that line.
* A ``:61:`` the package cannot read is reported with its file line and left out; the rest of
  the file still imports.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import mt940

from ar_excel.bank.narrative import IBAN_RE, clean_ref, join_lines, parse_narrative
from ar_excel.bank.statement import Statement, StatementBalance, build_lines, tie_out
from ar_excel.bank.text import decode_bytes
from ar_excel.model import Issue

_TAG = re.compile(r"^:(\d{2}[A-Z]?|NS):")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENVELOPE = re.compile(r"^\s*(\{[1-5]:.*|-?\}.*|-)\s*$")
_STATEMENT_LINE = mt940.tags.Statement().re
_MULTILINE_TAGS = {"61", "86", "NS"}
_OPENING = ("final_opening_balance", "opening_balance", "intermediate_opening_balance")
_CLOSING = ("final_closing_balance", "closing_balance", "intermediate_closing_balance")


def _prepare(text: str, source: str) -> tuple[str, list[int], list[Issue]]:
    """Clean the raw text for the package; return it, the file line of each kept ``:61:``,
    and an issue for each ``:61:`` that cannot be read."""
    lines = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tags: list[tuple[str, int, list[str]]] = []
    for no, line in enumerate(lines, start=1):
        m = _TAG.match(line)
        if m:
            tags.append((m.group(1), no, [line[m.end():]]))
        elif tags and tags[-1][0] in _MULTILINE_TAGS and line.strip() and not _ENVELOPE.match(line):
            tags[-1][2].append(line)
    out: list[str] = []
    kept: list[int] = []
    issues: list[Issue] = []
    previous = ""
    for tag, no, content in tags:
        if tag == "86":
            if previous not in ("61", "86"):
                previous = "skip"  # statement-level information, or the narrative of a bad line
                continue
            out.append(":86:" + join_lines(content))
        elif tag == "61":
            value = "\n".join(c.rstrip() for c in content).strip()
            fixed = _check_statement_line(value)
            if fixed is None:
                issues.append(Issue(source, f"line {no}", ":61:", value.split("\n")[0],
                                    "statement line could not be read (expected date, C/D mark, "
                                    "amount, type code); the line was left out"))
                previous = "skip"
                continue
            out.append(":61:" + fixed)
            kept.append(no)
        elif tag == "20" and out:
            out.append("-")
            out.append(":20:" + content[0])
        else:
            out.append(f":{tag}:" + content[0])
        previous = tag
    return "\n".join(out) + "\n", kept, issues


def _check_statement_line(value: str) -> str | None:
    """The ``:61:`` text if the package can read it (a missing type code filled in), else None."""
    m = _STATEMENT_LINE.match(value)
    if not m:
        # a few banks write the amount with a decimal point ("C100.00"): SWIFT says comma
        dotted = re.match(r"^(\d{6}(?:\d{4})?R?[DCdc][A-Z]?)(\d+)\.(\d*)(.*)$", value, re.S)
        if dotted:
            value = f"{dotted.group(1)}{dotted.group(2)},{dotted.group(3)}{dotted.group(4)}"
            m = _STATEMENT_LINE.match(value)
    if not m:
        return None
    try:
        date(2000 + int(m.group("year")), int(m.group("month")), min(int(m.group("day")), 28))
        if not 1 <= int(m.group("day")) <= 31:
            return None
        if (m.group("entry_month") or "").strip() and not 1 <= int(m.group("entry_month")) <= 12:
            return None
    except ValueError:
        return None
    if not re.search(r"\d", m.group("amount")):
        return None
    if m.group("id") is None:
        # without a type code the package would merge this line into the one before
        return value[: m.end("amount")] + "NMSC" + value[m.end("amount"):]
    return value


def _amount(value: Any) -> float | None:
    amount = getattr(value, "amount", value)
    amount = getattr(amount, "amount", amount)
    try:
        return round(float(amount), 3)  # fils of a dinar: three decimals
    except (TypeError, ValueError):
        return None


def _balance(data: dict[str, Any], keys: tuple[str, ...]) -> tuple[float | None, Any]:
    for key in keys:
        bal = data.get(key)
        if bal is not None and _amount(bal) is not None:
            return _amount(bal), getattr(bal, "date", None)
    return None, None


def _statement_ids(blocks: list[Any]) -> list[str]:
    """The :28C: number(/sequence), made unique within the file."""
    def number(d: dict[str, Any]) -> str:
        num, seq = d.get("statement_number"), d.get("sequence_number")
        return f"{num}/{seq}" if seq else str(num or "")

    ids = [number(b.data) for b in blocks]
    if len(set(ids)) < len(ids):
        ids = [f"{b.data.get('transaction_reference') or ''} {i}".strip()
               for b, i in zip(blocks, ids, strict=True)]
    if len(set(ids)) < len(ids) or "" in ids:
        ids = [f"{i or 'statement'} #{pos}" for pos, i in enumerate(ids, start=1)]
    return ids


def read_mt940(path: Path, data: bytes, encoding: str | None = None) -> Statement:
    source = path.name
    decoded = decode_bytes(data, encoding)
    text, line_numbers, issues = _prepare(decoded.text, source)
    issues[:0] = decoded.issues(source)
    if not re.search(r"(?m)^:20:", text):
        text = ":20:NONE\n" + text
    chunks = [c for c in re.split(r"(?m)^(?=:20:)", text) if c.strip().startswith(":20:")]
    options = mt940.Options.all()
    # keep the raw :86: text: narrative.py reads all dialects (the package only the German one)
    processors = {"post_transaction_details": []}
    blocks, counts = [], []
    next_line = 0
    for chunk in chunks:
        n61 = len(re.findall(r"(?m)^:61:", chunk))
        first = next_line
        next_line += n61
        try:
            block = mt940.parse_statements(chunk, processors=processors, options=options)
        except Exception as exc:  # the package raises RuntimeError/ValueError on bad tags
            for no in line_numbers[first:first + n61]:
                issues.append(Issue(source, f"line {no}", ":61:", None,
                                    f"statement could not be read ({exc}); line left out"))
            continue
        for b in block:
            blocks.append(b)
            counts.append((first, n61))
    ids = _statement_ids(blocks)
    records: list[dict[str, Any]] = []
    balances: list[StatementBalance] = []
    for block, sid, (first, n61) in zip(blocks, ids, counts, strict=True):
        currency = block.currency
        account = block.data.get("account_identification")
        opening, opening_date = _balance(block.data, _OPENING)
        closing, closing_date = _balance(block.data, _CLOSING)
        balances.append(StatementBalance(sid, account, currency, opening, closing,
                                         opening_date, closing_date))
        if len(block) != n61:
            issues.append(Issue(source, f"line {line_numbers[first] if n61 else '?'}", ":61:",
                                n61, f"statement {sid}: {n61} statement lines in the file but "
                                     f"{len(block)} read; check the file"))
        for t in block:
            records.append(_record(t.data, currency, sid))
    lines = build_lines(records)
    issues += tie_out(balances, lines, source)
    return Statement(lines, balances, issues, "mt940", source, decoded.encoding)


def _record(d: dict[str, Any], currency: str | None, sid: str) -> dict[str, Any]:
    narrative = parse_narrative(d.get("transaction_details"))
    refs = []
    customer_ref = clean_ref(d.get("customer_reference"))
    if customer_ref and not customer_ref.endswith("+"):
        refs.append(customer_ref)
    refs += [r for r in narrative.references if r not in refs]
    extra = " ".join((d.get("extra_details") or "").split())
    account = narrative.account
    description = narrative.description
    if extra.isdigit() and refs and refs[0] == customer_ref and len(customer_ref) == 16:
        refs[0], extra = customer_ref + extra, ""  # a reference longer than the 16x field
    if extra and not extra.startswith("/") and extra.replace(" ", "") != account:
        if not account and (IBAN_RE.fullmatch(extra) or re.fullmatch(r"P?\d{6,12}", extra)):
            account = extra  # Rabobank puts the counterparty account on the second :61: line
        elif not re.fullmatch(r"\d{16,}", extra) or not description:
            description = " ".join(filter(None, [extra, description]))
        else:
            refs.append(extra)
    if narrative.posting_text and narrative.posting_text not in (description or ""):
        description = " ".join(filter(None, [description, f"({narrative.posting_text})"]))
    booked = d.get("entry_date") or d.get("date")
    amount = d.get("amount")
    bank_ref = clean_ref(d.get("bank_reference"))
    return {
        "Date": booked,
        "Value Date": d.get("date"),
        "Amount": _amount(amount),
        "Currency": getattr(amount, "currency", None) or d.get("currency") or currency,
        "Description": description,
        "Reference": "; ".join(refs) or None,
        "Counterparty": narrative.counterparty,
        "Counterparty Account": account.replace(" ", "") if account else None,
        "Bank Ref": bank_ref,
        "Balance": None,
        "Statement": sid,
    }
