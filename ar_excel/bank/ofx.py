"""OFX / QFX statements (1.x SGML and 2.x XML) -> normalised statement lines, via ``ofxparse``.

``ofxparse`` reads the structure (accounts, transactions, amounts, balances) but it shifts
times carrying a zone (``20090401122017.000[-5:EST]``) to UTC, which can move a posting to the
next day, and lower-cases the currency. This adapter therefore takes each posting date as
written in the file (the first eight digits of ``DTPOSTED``, and of the ``LEDGERBAL``
``DTASOF``) and upper-cases the currency.

* Files are read whole, never refused for one bad transaction: one ``ofxparse`` cannot read
  (no amount, no ``FITID``, a date it cannot parse) is left out with an issue naming its line
  in the file. A file without ``</OFX>`` is reported as possibly cut short. SGML that never
  closes ``<STMTTRN>`` is closed before each next one. Several statements (``STMTRS`` for
  accounts, ``CCSTMTRS`` for cards) each keep their own lines; an investment statement is
  refused with a clear message.

* ``Bank Ref`` = ``FITID`` (the bank's transaction id); ``Value Date`` = ``DTAVAIL``;
  ``Counterparty`` = ``EXTDNAME`` (the full name) else ``NAME`` (also inside ``PAYEE``);
  ``Counterparty Account`` = the ``ACCTID`` of ``BANKACCTTO``/``CCACCTTO``;
  ``Description`` = ``MEMO`` (or the name when there is no memo); ``Reference`` = the check
  number and ``REFNUM`` where there are; ``Currency`` = ``CURDEF``, or the ``CURSYM`` of a
  transaction's own ``CURRENCY`` (its amount is in that currency).
* Sign: ``TRNAMT`` is signed (money out negative); a file with no negative amount at all
  whose lines typed as money out (``TRNTYPE`` DEBIT, CHECK, FEE...) exist comes from a bank
  that writes debits positive: those are made negative, with an issue.
* Text: ``ofxparse`` reads an OFX 2 XML file as ASCII, so the file is handed to it with the
  letters outside ASCII as character references (names in Arabic or with accents survive).
* Balance: OFX states no opening balance, only ``LEDGERBAL`` (the booked balance) and
  ``AVAILBAL`` (what may be spent: booked balance minus holds plus overdraft or card limit).
  Reconciliation ties the books to booked money, so the closing balance is ``LEDGERBAL``;
  ``AVAILBAL`` is not used. Without an opening balance there is no tie-out for OFX.
"""

from __future__ import annotations

import bisect
import html
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from ar_excel.bank.statement import (
    Statement,
    StatementBalance,
    booking_day,
    build_lines,
    tie_out,
)
from ar_excel.bank.text import decode_bytes
from ar_excel.errors import InputError
from ar_excel.model import Issue

# a transaction runs to its closing tag, or (a file that leaves it out) to the next one
_TRN = re.compile(r"<STMTTRN>(.*?)(?=</STMTTRN>|<STMTTRN>|</BANKTRANLIST>|\Z)", re.S | re.I)


def _leaf(block: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>\s*(?:<!\[CDATA\[)?([^<\r\n]*)", block, re.I)
    return m.group(1).strip() if m else None


def _unescaped(block: str, tag: str) -> str | None:
    """A leaf's text with its character references read (``&amp;`` -> ``&``)."""
    value = _leaf(block, tag)
    return html.unescape(value).strip() or None if value else None


def _written_date(raw: str | None) -> pd.Timestamp | None:
    if not raw or not re.match(r"\d{8}", raw) or raw.startswith("00000000"):
        return None
    try:
        day = pd.Timestamp(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:  # "20261341": no such day (ofxparse reports the transaction)
        return None
    return booking_day(day)


def read_ofx(path: Path, data: bytes) -> Statement:
    import ofxparse

    source = path.name
    decoded = decode_bytes(data)
    text = decoded.text
    issues = decoded.issues(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns that it reads XML with its HTML parser
        try:
            # fail_fast=False: a transaction it cannot read is set aside (and reported below)
            # instead of failing the whole file
            ofx = ofxparse.OfxParser.parse(io.BytesIO(_ascii_body(_close_transactions(text))),
                                           fail_fast=False)
        except Exception as exc:  # ofxparse raises its own and bs4/ValueError types
            raise InputError(f"{source}: not a readable OFX file ({exc})") from exc
    if not re.search(r"</OFX>", text, re.I):
        issues.append(Issue(source, f"line {text.count(chr(10)) + 1}", "OFX", None,
                            "the file ends without </OFX>: it may be cut short, and "
                            "transactions after the last one read may be missing"))
    accounts = list(ofx.accounts) if getattr(ofx, "accounts", None) else []
    if not accounts and getattr(ofx, "account", None) is not None:
        accounts = [ofx.account]
    accounts = [a for a in accounts if getattr(a, "statement", None) is not None]
    if not accounts:
        raise InputError(f"{source}: an OFX file without an account or card statement "
                         "(no <STMTRS> or <CCSTMTRS> could be read)")
    if any(hasattr(a.statement, "positions") for a in accounts):
        raise InputError(f"{source}: an OFX investment statement (INVSTMTRS), not a bank "
                         "account statement")
    ids = [str(getattr(a, "account_id", "") or pos) for pos, a in enumerate(accounts, 1)]
    if len(set(ids)) < len(ids):
        ids = [f"{i} #{pos}" for pos, i in enumerate(ids, 1)]
    chunks = _statement_chunks(text)
    newlines = [m.start() for m in re.finditer("\n", text)]  # a transaction's line, by bisect
    whole = len(chunks) != len(accounts)
    if whole:  # cut short or oddly nested: each statement looks through the whole file
        chunks = [(0, text)] * len(accounts)
    records: list[dict[str, Any]] = []
    balances: list[StatementBalance] = []
    position = 0
    for account, sid, (offset, chunk) in zip(accounts, ids, chunks, strict=True):
        st = account.statement
        currency = (getattr(st, "currency", None) or getattr(account, "curdef", None) or "")
        currency = currency.upper() or None
        raws = [(bisect.bisect(newlines, offset + m.start()) + 1, m.group(1))
                for m in _TRN.finditer(chunk)]
        raws = _set_aside(raws, getattr(st, "discarded_entries", []), sid, source, issues)
        positional = len(raws) == len(st.transactions)  # the same transactions, in order
        by_fitid = {(_leaf(b, "FITID") or ""): (line, b) for line, b in raws}
        for k, t in enumerate(st.transactions):
            position += 1
            fitid = (t.id or "").strip()
            line, raw = raws[k] if positional else by_fitid.get(fitid, (None, ""))
            booked = _written_date(_leaf(raw, "DTPOSTED")) or _local(t.date)
            if booked is None:
                where = f"line {line}" if line else f"statement {sid}, transaction {fitid}"
                issues.append(Issue(source, where, "DTPOSTED",
                                    _leaf(raw, "DTPOSTED"),
                                    "transaction without a usable posting date; left out"))
                continue
            # EXTDNAME (OFX 2): the payee's full name where NAME is cut at 32 characters
            name = " ".join((_unescaped(raw, "EXTDNAME") or t.payee or "").split()) or None
            memo = " ".join((t.memo or "").split()) or None
            check = (t.checknum or "").strip()
            refs = [r for r in (check if check.strip("0") else None, _unescaped(raw, "REFNUM"))
                    if r]
            other = re.search(r"<(BANKACCTTO|CCACCTTO)>(.*?)(?:</\1>|\Z)", raw, re.S | re.I)
            # <CURRENCY>: this amount is in CURSYM, not CURDEF (<ORIGCURRENCY>: converted)
            own = re.search(r"<CURRENCY>(.*?)(?:</CURRENCY>|\Z)", raw, re.S | re.I)
            symbol = _leaf(own.group(1), "CURSYM") if own else None
            records.append({
                "Date": booked,
                "Value Date": _written_date(_leaf(raw, "DTAVAIL")),  # DTAVAIL: funds available
                "Amount": round(float(t.amount), 3),  # to the minor unit: lines_frame
                "Currency": symbol.upper() if symbol else currency,
                "Description": memo or name,
                "Reference": "; ".join(dict.fromkeys(refs)) or None,
                "Counterparty": name,
                "Counterparty Account": _unescaped(other.group(2), "ACCTID") if other else None,
                "Bank Ref": fitid or None,
                "Statement": sid,
                "Line No": position,
                "_type": (getattr(t, "type", "") or "").lower(),
            })
        closing = getattr(st, "balance", None)
        ledger = None if whole else re.search(r"<LEDGERBAL>(.*?)(?:</LEDGERBAL>|$)", chunk,
                                              re.S | re.I)
        balances.append(StatementBalance(
            sid, getattr(account, "account_id", None), currency, None,
            float(closing) if closing is not None else None, None,
            # the date as written: ofxparse moves 20261105235959[-5:EST] to 11-06 (UTC)
            _written_date(_leaf(ledger.group(1), "DTASOF")) if ledger else None,
        ))
        if balances[-1].closing_date is None:
            balances[-1].closing_date = _local(getattr(st, "balance_date", None))
    issues += _sign_unsigned_debits(records, source)
    lines = build_lines(records)
    issues += tie_out(balances, lines, source)
    return Statement(lines, balances, issues, "ofx", source, decoded.encoding)


def _statement_chunks(text: str) -> list[tuple[int, str]]:
    """Each statement's text, with its offset in the file: from its ``<STMTRS>`` (a bank
    account) or ``<CCSTMTRS>`` (a card) to the next one's start or the end of a file cut
    short; bank accounts first, then cards: the order in which ``ofxparse`` lists them."""
    starts = [(m.group(1).upper(), m.end()) for m in
              re.finditer(r"<(STMTRS|CCSTMTRS)>", text, re.I)]
    ends = [start for _, start in starts[1:]] + [len(text)] * bool(starts)
    chunks = [(kind, start, text[start:end]) for (kind, start), end in
              zip(starts, ends, strict=True)]
    return [(start, chunk) for order in ("STMTRS", "CCSTMTRS")
            for kind, start, chunk in chunks if kind == order]


def _set_aside(raws: list[tuple[int, str]], discarded: list[dict[str, Any]], sid: str,
               source: str, issues: list[Issue]) -> list[tuple[int, str]]:
    """Report each transaction ``ofxparse`` could not read (no amount, no FITID, a date it
    cannot read...) with its line in the file; return the raw transactions it did read."""
    used: set[int] = set()
    for entry in discarded:
        tag = entry.get("content")
        fitid, amount = _tag_text(tag, "fitid"), _tag_text(tag, "trnamt")
        at = next((i for i, (_, raw) in enumerate(raws) if i not in used
                   and _leaf(raw, "FITID") == fitid and _leaf(raw, "TRNAMT") == amount), None)
        if at is not None:
            used.add(at)
        where = f"line {raws[at][0]}" if at is not None else f"statement {sid}"
        reason = " ".join(str(entry.get("error") or "unreadable").split())
        issues.append(Issue(source, where, "STMTTRN", fitid or amount,
                            f"statement {sid}: transaction {fitid or ''} could not be read "
                            f"({reason}); it was left out".replace("  ", " ")))
    return [r for i, r in enumerate(raws) if i not in used]


def _tag_text(tag: Any, name: str) -> str | None:
    found = tag.find(name) if tag is not None and hasattr(tag, "find") else None
    if found is None or not getattr(found, "contents", None):
        return None
    return str(found.contents[0]).strip() or None


# TRNTYPE values that are money out (OFX 2.2 spec, 11.4.4.3)
_DEBIT_TYPES = {"debit", "check", "payment", "fee", "srvchg", "atm", "pos", "directdebit",
                "cash"}


def _sign_unsigned_debits(records: list[dict[str, Any]], source: str) -> list[Issue]:
    """OFX signs TRNAMT (money out negative), but a few banks write every amount positive
    and tell debits only by TRNTYPE. A file with no negative amount at all and lines typed as
    money out is such a file: those lines are made negative, and an issue says so."""
    types = [r.pop("_type") for r in records]
    if any(r["Amount"] < 0 for r in records):
        return []
    flipped = [r for r, kind in zip(records, types, strict=True)
               if kind in _DEBIT_TYPES and r["Amount"] > 0]
    for r in flipped:
        r["Amount"] = -r["Amount"]
    if not flipped:
        return []
    return [Issue(source, "", "TRNAMT", len(flipped),
                  f"every amount in the file is positive; the {len(flipped)} transactions typed "
                  "as money out (TRNTYPE DEBIT, CHECK, FEE, PAYMENT...) were read as debits")]


def _close_transactions(text: str) -> str:
    """A file that never closes its ``<STMTTRN>`` (some banks' SGML): each closed where the
    next begins or the list ends, as ``ofxparse`` would otherwise read every one empty."""
    if re.search(r"</STMTTRN>", text, re.I) or not re.search(r"<STMTTRN>", text, re.I):
        return text
    out: list[str] = []
    inside = False
    for part in re.split(r"(?i)(<STMTTRN>|</BANKTRANLIST>)", text):
        tag = part.upper()
        if tag in ("<STMTTRN>", "</BANKTRANLIST>"):
            if inside:
                out.append("</STMTTRN>")
            inside = tag == "<STMTTRN>"
        out.append(part)
    return "".join(out)


def _ascii_body(text: str) -> bytes:
    """The file for ``ofxparse``: text as decoded here, letters outside ASCII as character
    references (which its parser turns back into the letters). ``ofxparse`` decodes an OFX 2
    XML file, which has no SGML ``ENCODING`` header, as ASCII and fails on any accented or
    Arabic name; an SGML header's charset is the one ``decode_bytes`` already applied, so it
    is made to say ASCII as well."""
    head, sep, body = text.partition("<")
    head = re.sub(r"(?im)^(ENCODING:).*$", r"\1USASCII", head)
    head = re.sub(r"(?im)^(CHARSET:).*$", r"\g<1>1252", head)
    return (head + sep + body).encode("ascii", "xmlcharrefreplace")


def _local(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    return booking_day(pd.Timestamp(value).normalize())
