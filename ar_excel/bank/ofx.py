"""OFX / QFX statements (1.x SGML and 2.x XML) -> normalised statement lines.

The file is read as the tree of its tags (``ofx_tree``): OFX 1.x is SGML whose leaf tags are
never closed (``<TRNAMT>12.50``), OFX 2.x is XML, and banks' portals mix the two (an XML
header over an SGML body, a ``<STMTTRN>`` never closed). A tag followed by text is a leaf
ending at the next tag; an aggregate runs to its closing tag, to the closing tag of one it is
inside, or to the next opening of its own kind (no OFX aggregate contains itself). No XML
parser is involved, so no entity or DTD in the file is ever expanded; character references
(``&amp;``, ``&#1575;``) in text are read.

Accounting rules:

* Files are read whole, never refused for one bad transaction: one without a usable amount
  or posting date is left out with an issue naming its line in the file; one without a
  ``FITID`` is kept (its ``Bank Line`` is its position). One of amount 0 moved no money (a
  memo posting, a fee waived): left out, as in every format, with one issue naming them. A
  file without ``</OFX>`` is reported as possibly cut short. Several statements (``STMTRS`` for accounts, ``CCSTMTRS``
  for cards) each keep their own lines, in file order; an investment statement is refused
  with a clear message when the file holds nothing else, else left out with an issue.
* Amounts (``TRNAMT``, ``BALAMT``): the OFX specification allows a point or a comma as the
  decimal mark and no thousands separator, but banks write ``1,500.00``, ``1.500,00`` and
  ``2,000``. The decimal mark of the whole file is decided from the amounts that show it
  (``12.50``, ``1,500.00``, ``-12,5``); an amount that reads both ways (``1,500``) follows it.
  Where no amount of the file shows it, a separator followed by exactly three digits groups
  thousands, except in a currency counted in thousandths (KWD, BHD, OMR...), where
  ``1.500`` is one dinar and a half.
* Dates: the posting date as written (the first eight digits of ``DTPOSTED``, and of the
  ``LEDGERBAL`` ``DTASOF``): a time with a zone (``20261105223000[-5:EST]``) is the bank's
  local time, and moving it to UTC would move the posting to the next day.
* ``Bank Ref`` = ``FITID`` (the bank's transaction id); ``Value Date`` = ``DTAVAIL``;
  ``Counterparty`` = ``EXTDNAME`` (the full name) else ``NAME`` (also inside ``PAYEE``), where
  it has a letter (a ``NAME`` of ``000000`` is the bank's filler, digits alone no name; a
  ``NAME`` of the bank's words alone, "CHEQUE DEPOSIT CLEARING" beside a ``MEMO`` naming the
  payer, is the kind of line: it opens the description and names no party);
  ``Counterparty Account`` = the ``ACCTID`` of ``BANKACCTTO``/``CCACCTTO`` and
  ``Counterparty Bank`` its ``BANKID``; ``Transaction Code`` = ``TRNTYPE``;
  ``Description`` = ``MEMO`` (or the name when there is no memo); ``Reference`` = the check
  number and ``REFNUM`` where there are; ``Currency`` = ``CURDEF``, or the ``CURSYM`` of a
  transaction's own ``CURRENCY`` (its amount is in that currency; ``ORIGCURRENCY`` means it
  was converted into ``CURDEF``).
* Sign: ``TRNAMT`` is signed (money out negative); a file with no negative amount at all
  whose lines typed as money out (``TRNTYPE`` DEBIT, CHECK, FEE...) exist comes from a bank
  that writes debits positive: those are made negative, with an issue.
* Balance: OFX states no opening balance, only ``LEDGERBAL`` (the booked balance) and
  ``AVAILBAL`` (what may be spent: booked balance minus holds plus overdraft or card limit).
  Reconciliation ties the books to booked money, so the closing balance is ``LEDGERBAL``;
  ``AVAILBAL`` is not used. Without an opening balance there is no tie-out for OFX.
"""

from __future__ import annotations

import bisect
import codecs
import html
import re
from pathlib import Path
from typing import Any

import pandas as pd

from ar_excel.bank.numbers import decimal_mark, parse_amount
from ar_excel.bank.party_words import names_no_one
from ar_excel.bank.statement import (
    THREE_DECIMALS,
    Statement,
    StatementBalance,
    booking_day,
    statement_decimals,
    statement_of_records,
)
from ar_excel.bank.text import Decoded, decode_bytes, page_charset
from ar_excel.errors import InputError
from ar_excel.model import Issue


class Tag:
    """One OFX element: its name, its text (a leaf) or its elements (an aggregate), and where
    its opening tag is in the file."""

    __slots__ = ("name", "text", "children", "at")

    def __init__(self, name: str, at: int) -> None:
        self.name = name
        self.text: str | None = None
        self.children: list[Tag] = []
        self.at = at

    def child(self, name: str) -> Tag | None:
        return next((c for c in self.children if c.name == name), None)

    def first(self, name: str) -> Tag | None:
        """The first element of that name inside this one, at any depth, in file order.
        (A loop, not recursion: empty SGML leaves nest what follows them, without limit.)"""
        if not any(c.children for c in self.children):  # a transaction's leaves, mostly
            return next((c for c in self.children if c.name == name), None)
        pending = self.children[::-1]
        while pending:
            tag = pending.pop()
            if tag.name == name:
                return tag
            if tag.children:
                pending.extend(tag.children[::-1])
        return None

    def value(self, name: str) -> str | None:
        """The text of the first ``name`` inside this element (blank -> None)."""
        found = self.first(name)
        return found.text if found is not None else None

    def all(self, name: str) -> list[Tag]:
        """Every element of that name inside this one, in file order (not inside each other)."""
        out: list[Tag] = []
        pending = self.children[::-1]
        while pending:
            tag = pending.pop()
            if tag.name == name:
                out.append(tag)
            elif tag.children:
                pending.extend(tag.children[::-1])
        return out


# an opening or closing tag, a CDATA section, or markup to skip (<?OFX ...?>, <!-- -->)
_MARKUP = re.compile(r"<(/?)([A-Za-z][\w.:-]*)\s*>|<!\[CDATA\[(.*?)\]\]>|<!--.*?-->|<[?!][^>]*>",
                     re.S)


# a character reference left after one unescaping: the bank escaped its text twice
_ESCAPED_TWICE = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


def _unescaped(written: str) -> str:
    """A leaf's text with its character references read; twice where the bank escaped it
    twice (``TPAY &amp;lt;DEFTPYMT&amp;gt;`` is ``TPAY <DEFTPYMT>``, not ``&lt;``)."""
    text = html.unescape(written)
    if "&amp;" in written and _ESCAPED_TWICE.search(text):
        text = html.unescape(text)
    return text


def ofx_tree(text: str) -> Tag:
    """The file's elements under a root ``Tag`` (see the module docstring for the rules)."""
    root = Tag("", 0)
    stack = [root]
    open_names: dict[str, int] = {}  # name -> how many of it are open (no scan of the stack)
    leaf: Tag | None = None  # the last opened element, while only text followed it
    parts: list[str] = []
    end = 0

    def pop() -> Tag:
        tag = stack.pop()
        open_names[tag.name] -= 1
        return tag

    for m in _MARKUP.finditer(text):
        between = text[end:m.start()]
        end = m.end()
        name = m.group(2)
        if name is None:  # CDATA (text as it is), a comment or a processing instruction
            if leaf is not None:
                parts.append(between)
                if m.group(3) is not None:
                    parts.append(html.escape(m.group(3), quote=False))
            continue
        if leaf is not None:
            parts.append(between)
            written = "".join(parts).strip()
            parts = []
            if written:  # a leaf: it ends here, whether this tag closes it or not
                leaf.text = _unescaped(written)
                pop()
                closing_it = m.group(1) and name.upper() == leaf.name
                leaf = None
                if closing_it:
                    continue
            leaf = None
        name = name.upper()
        if m.group(1):  # a closing tag: closes everything opened inside the one it names
            if open_names.get(name):
                while pop().name != name:
                    pass
            continue
        if open_names.get(name):  # <STMTTRN> while one is open: the last one ends here
            while pop().name != name:
                pass
        tag = Tag(name, m.start())
        stack[-1].children.append(tag)
        stack.append(tag)
        open_names[name] = open_names.get(name, 0) + 1
        leaf = tag
    if leaf is not None:  # the file ends after a leaf's text
        written = "".join([*parts, text[end:]]).strip()
        if written:
            leaf.text = _unescaped(written)
    return root


def _written_date(raw: str | None) -> pd.Timestamp | None:
    if raw and re.match(r"\d{4}-\d{2}-\d{2}(?![\d])", raw):
        raw = raw[:4] + raw[5:7] + raw[8:10]  # ISO 8601 "2026-11-03T23:30:00+03:00": its day
    if not raw or not re.match(r"\d{8}", raw) or raw.startswith("00000000"):
        return None
    try:
        day = pd.Timestamp(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:  # "20261341": no such day
        return None
    return booking_day(day)


def file_decimal_mark(amounts: list[str], currencies: set[str | None]) -> tuple[str, bool]:
    """The decimal mark of a file's amounts, and whether an amount showed it.

    The mark most amounts that show one agree on (``12.50``, ``1,500.00``, ``-12,5``,
    ``0,125``). Where none does, every separator is one kind followed by three digits
    (``1,500``, ``2,000``): it groups thousands, unless the currency is counted in thousandths
    (``1.500`` KWD is one dinar and a half: a point there shows the mark, as the fils are always
    written) or the file writes another amount of four digits or more without it (``1500``:
    this bank does not group thousands).
    """
    votes = {".": 0, ",": 0}
    for text in amounts:
        mark = decimal_mark(text)
        if mark:
            votes[mark] += 1
    if votes["."] or votes[","]:
        return ("," if votes[","] > votes["."] else "."), True
    separators = {c for text in amounts for c in text if c in ".,"}
    if len(separators) != 1:  # no separator at all (or "1,500" beside "2.500": no telling)
        return ".", False
    separator = separators.pop()
    if currencies and currencies <= THREE_DECIMALS:
        # dinars are written to the fils after a point ("875.125", "-2.500"): the point
        # before three digits is what the currency writes, and shows the mark (OFX groups no
        # thousands); a lone comma may still group them ("1,500" for 1500)
        return separator, separator == "."
    bare = [re.sub(r"\D", "", text) for text in amounts if separator not in text]
    if any(len(digits.lstrip("0")) >= 4 for digits in bare):
        return separator, False
    return ("," if separator == "." else "."), False


def _amount(text: str | None, decimal: str) -> float | None:
    """An OFX amount, None where it is missing or not a number."""
    if text is None:
        return None
    if text.strip().lower() in ("null", "-null"):
        return 0.0  # a bank's "null" transaction (an interest rate change) moves no money
    try:
        return parse_amount(text, decimal)
    except ValueError:
        return None


def _server_error(root: Tag) -> str | None:
    """The first ``STATUS`` of ``SEVERITY`` ERROR in the file (of the sign-on or of a
    statement request: "2000 General Server Error", "15500 Signon invalid"), else None."""
    for status in root.all("STATUS"):
        if (status.value("SEVERITY") or "").strip().upper() == "ERROR":
            code = (status.value("CODE") or "").strip()
            message = " ".join((status.value("MESSAGE") or "").split())
            return " ".join(filter(None, [code, f"'{message}'" if message else ""])) or "ERROR"
    return None


# the character set an OFX file declares: the 1.x header's CHARSET (``1252``, ``8859-1``,
# ``ISO-8859-1``) or the 2.x XML declaration's encoding
_DECLARED = re.compile(rb"^\s*CHARSET:\s*([A-Za-z0-9_-]+)|<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)",
                       re.M | re.I)


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the character set the file's header declares, else None."""
    m = _DECLARED.search(data[:2000])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").upper()
    if name in ("NONE", "USASCII"):
        return None
    name = {"1252": "cp1252", "8859-1": "latin-1", "8859-15": "iso8859-15"}.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # as browsers do: a file said to be Latin-1 is Windows-1252 (its superset with the euro
    # sign and typographic quotes at 0x80-0x9F, where Latin-1 has control characters)
    return "cp1252" if codec == "iso8859-1" else codec


def _decode(data: bytes) -> Decoded:
    """The file's text: UTF-8 where it reads as UTF-8 (banks declare 1252 and send UTF-8),
    else in the character set its header declares (Chase's ``CHARSET:1252``: a lone ``¦``
    would otherwise read as ``Ž`` of a Central European code page), else detected."""
    return decode_bytes(data, page_charset(data, declared_charset(data)))


def read_ofx(path: Path, data: bytes) -> Statement:
    source = path.name
    decoded = _decode(data)
    text = decoded.text
    issues = decoded.issues(source)
    start = re.search(r"<OFX>", text, re.I)
    root = ofx_tree(text[start.start():] if start else text)
    offset = start.start() if start else 0
    if not re.search(r"</OFX>", text, re.I):
        issues.append(Issue(source, f"line {text.count(chr(10)) + 1}", "OFX", None,
                            "the file ends without </OFX>: it may be cut short, and "
                            "transactions after the last one read may be missing"))
    statements = [s for s in _statements(root) if s.name in ("STMTRS", "CCSTMTRS")]
    investments = root.all("INVSTMTRS")
    if not statements and investments:
        raise InputError(f"{source}: an OFX investment statement (INVSTMTRS), not a bank "
                         "account statement")
    if not statements:
        refused = _server_error(root)
        if refused:  # the bank's server answered the download with an error, not a statement
            raise InputError(f"{source}: the bank's server sent no statement but an error "
                             f"({refused}): download the statement again, or export it from "
                             "the bank's web portal")
        raise InputError(f"{source}: an OFX file without an account or card statement "
                         "(no <STMTRS> or <CCSTMTRS> could be read)")
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(tag: Tag) -> int:
        return bisect.bisect(newlines, offset + tag.at) + 1

    for inv in investments:
        issues.append(Issue(source, f"line {line_of(inv)}", "INVSTMTRS", inv.value("ACCTID"),
                            "an investment account's statement (INVSTMTRS) is not a bank "
                            "statement; it was left out"))
    ids = [(s.first("BANKACCTFROM") or s.first("CCACCTFROM") or s).value("ACCTID") or str(pos)
           for pos, s in enumerate(statements, 1)]
    if len(set(ids)) < len(ids):
        ids = [f"{i} #{pos}" for pos, i in enumerate(ids, 1)]
    currencies = [(s.value("CURDEF") or "").upper() or None for s in statements]
    transactions = [s.all("STMTTRN") for s in statements]
    amounts = [t.value("TRNAMT") for trns in transactions for t in trns]
    amounts += [b.value("BALAMT") for s in statements for b in
                (s.first("LEDGERBAL"), s.first("AVAILBAL")) if b is not None]
    written = [a for a in amounts if a]
    decimal, shown = file_decimal_mark(written, set(currencies))
    ambiguous = [] if shown else [a for a in written if ("." in a or "," in a)
                                  and _amount(a, decimal) is not None]
    if ambiguous:  # "1,500" read one way with nothing in the file to confirm it
        places = statement_decimals(currencies[0])
        issues.append(Issue(
            source, "", "TRNAMT", ambiguous[0],
            f"no amount in the file shows its decimal mark: '{ambiguous[0]}' and "
            f"{len(ambiguous) - 1} more like it were read with '{decimal}' as the decimal mark "
            f"('{ambiguous[0]}' = {_amount(ambiguous[0], decimal):,.{places}f}); check them "
            "against the bank's statement"))
    records: list[dict[str, Any]] = []
    balances: list[StatementBalance] = []
    position = 0
    # (account, FITID) -> the statement, amount and day it was read with: FITID is unique
    # within an account (OFX 3.2.1), so the same one again in another statement of the
    # account, for the same money on the same day, is that transaction listed twice
    # (downloads of overlapping periods in one file); within one statement banks do repeat
    # a FITID for two payments alike, and both are kept
    seen: dict[tuple[str, str], tuple[str, float, Any]] = {}
    # a statement that is a whole copy of one before it is left to drop_repeated_statements,
    # which says so once
    written: set[tuple[Any, ...]] = set()
    copies: set[int] = set()
    for k, (st, trns) in enumerate(zip(statements, transactions, strict=True)):
        # every tag the lines and the balance are read from, as written: a statement equal in
        # all of them is one drop_repeated_statements leaves out (two downloads of the same
        # lines whose ledger balances differ in date are kept there, so not copies here)
        ledger = st.first("LEDGERBAL")
        key = (_account_id(st), st.value("CURDEF"),
               *((ledger.value("BALAMT"), ledger.value("DTASOF")) if ledger is not None
                 else (None, None)),
               tuple(tuple(t.value(tag) for tag in _READ_TAGS) for t in trns))
        if key in written:
            copies.add(k)
        written.add(key)
    for k, (st, sid, currency, trns) in enumerate(zip(statements, ids, currencies, transactions,
                                                      strict=True)):
        account = _account_id(st) or sid
        for t in trns:
            position += 1
            fitid = t.value("FITID")
            where = f"line {line_of(t)}"
            raw_amount = t.value("TRNAMT")
            amount = _amount(raw_amount, decimal)
            if amount is None:
                issues.append(Issue(
                    source, where, "TRNAMT", raw_amount,
                    f"statement {sid}: transaction {fitid or ''} has "
                    + (f"an amount '{raw_amount}' that is not a number" if raw_amount else
                       "no amount (TRNAMT)") + "; it was left out"))
                continue
            booked = _written_date(t.value("DTPOSTED"))
            if booked is None:
                issues.append(Issue(source, where, "DTPOSTED", t.value("DTPOSTED"),
                                    "transaction without a usable posting date; left out"))
                continue
            # EXTDNAME (OFX 2): the payee's full name where NAME is cut at 32 characters
            written = " ".join((t.value("EXTDNAME") or t.value("NAME") or "").split()) or None
            if written and not written.strip("0 .-"):
                written = None  # "000000": the bank's filler where it has no payee
            # a name without a letter ("1042", the check number again) is no party's name
            name = written if written and _LETTER.search(written) else None
            memo = " ".join((t.value("MEMO") or "").split()) or None
            if name and names_no_one(name):
                # "CHEQUE DEPOSIT CLEARING", "INWARD REMITTANCE" (the kind of line; the payer,
                # if any, in the MEMO): no name, and the kind kept before the MEMO's words
                memo, name = f"{name} {memo}" if memo else None, None
            check = (t.value("CHECKNUM") or "").strip()
            refs = [r for r in (check if check.strip("0") else None, t.value("REFNUM")) if r]
            other = t.first("BANKACCTTO") or t.first("CCACCTTO")
            # <CURRENCY>: this amount is in CURSYM, not CURDEF (<ORIGCURRENCY>: converted)
            own = t.child("CURRENCY")
            symbol = own.value("CURSYM") if own is not None else None
            if fitid and k not in copies:
                first = seen.setdefault((account, fitid), (sid, amount, booked))
                if first[0] != sid and first[1:] == (amount, booked):
                    issues.append(Issue(
                        source, where, "FITID", fitid,
                        f"statement {sid}: transaction {fitid} ({amount:,.{statement_decimals(currency)}f}"
                        f" on {booked:%Y-%m-%d}) is also in statement {first[0]} of the same "
                        "account (their periods overlap): read once, so it is not counted twice"))
                    continue
            records.append({
                "Date": booked,
                "Value Date": _written_date(t.value("DTAVAIL")),  # DTAVAIL: funds available
                "Amount": round(amount, 3),  # to the minor unit: lines_frame
                "Currency": symbol.upper() if symbol else currency,
                "Description": memo or written,
                "Reference": "; ".join(dict.fromkeys(refs)) or None,
                "Counterparty": name,
                "Counterparty Account": other.value("ACCTID") if other is not None else None,
                "Bank Ref": fitid,
                # BANKID of BANKACCTTO: the other account's bank (a routing number, a BIC)
                "Counterparty Bank": other.value("BANKID") if other is not None else None,
                "Transaction Code": (t.value("TRNTYPE") or "").upper() or None,
                "Statement": sid,
                "Line No": position,
                "_type": (t.value("TRNTYPE") or "").lower(),
                "_at": where,
                "_correcting": ((t.value("CORRECTACTION") or "").upper(),
                                t.value("CORRECTFITID"), account),
            })
        ledger = st.first("LEDGERBAL")
        closing_text = ledger.value("BALAMT") if ledger is not None else None
        closing = _amount(closing_text, decimal)
        if closing_text and closing is None:
            issues.append(Issue(source, f"line {line_of(ledger)}", "BALAMT", closing_text,
                                f"statement {sid}: the ledger balance '{closing_text}' is not "
                                "a number; the statement has no closing balance"))
        balances.append(StatementBalance(
            sid, _account_id(st), currency, None, closing, None,
            _written_date(ledger.value("DTASOF")) if ledger is not None else None))
    records, corrected = _corrections_applied(records, source)
    issues += corrected
    issues += _sign_unsigned_debits(records, source)
    return statement_of_records(records, [r["_at"] for r in records], balances, issues, source,
                                "TRNAMT", "ofx", decoded.encoding)


# a transaction's tags its line is read from (``read_ofx``)
_READ_TAGS = ("FITID", "TRNAMT", "DTPOSTED", "DTAVAIL", "NAME", "EXTDNAME", "MEMO", "CHECKNUM",
              "REFNUM", "CURSYM", "ACCTID", "BANKID", "TRNTYPE", "CORRECTFITID", "CORRECTACTION")


def _corrections_applied(records: list[dict[str, Any]], source: str
                         ) -> tuple[list[dict[str, Any]], list[Issue]]:
    """A bank's correction of a transaction it sent before (OFX ``CORRECTFITID`` with
    ``CORRECTACTION``): REPLACE stands in for the transaction of that FITID (of the same
    account), DELETE takes it back, the notice itself being no transaction. The transaction
    corrected is left out where the file holds it too; where it came in an earlier download,
    an issue says to take it out there. Each correction is said."""
    def said(r: dict[str, Any]) -> str:
        return (f"{r['Amount']:,.{statement_decimals(r['Currency'])}f} on "
                f"{r['Date']:%Y-%m-%d}, {r['_at']}")

    dropped: set[int] = set()
    issues: list[Issue] = []
    for k, r in enumerate(records):
        action, fitid, account = r["_correcting"]
        if action not in ("REPLACE", "DELETE") or not fitid:
            continue
        target = next((j for j, o in enumerate(records) if j != k and j not in dropped
                       and o["Bank Ref"] == fitid and o["_correcting"][2] == account), None)
        ref = f"{r['Bank Ref']} " if r["Bank Ref"] else ""  # (a notice may have no FITID)
        what = f"statement {r['Statement']}: transaction {ref}({said(r)})"
        if target is not None:
            dropped.add(target)
            earlier = f"transaction {fitid} of this file ({said(records[target])})"
        else:
            earlier = f"transaction {fitid}, not in this file (an earlier download)"
        if action == "DELETE":
            dropped.add(k)
            message = (f"{what} deletes {earlier} (CORRECTACTION DELETE): "
                       + ("both left out" if target is not None else
                          "the notice is left out; if that transaction was imported before, "
                          "take it out"))
        else:
            message = (f"{what} replaces {earlier} (CORRECTACTION REPLACE): "
                       + ("that one left out" if target is not None else
                          "read; if that transaction was imported before, take it out"))
        issues.append(Issue(source, r["_at"], "CORRECTFITID", fitid, message))
    kept = [r for k, r in enumerate(records) if k not in dropped]
    for r in records:
        r.pop("_correcting")
    return kept, issues


def _account_id(statement: Tag) -> str | None:
    holder = statement.first("BANKACCTFROM") or statement.first("CCACCTFROM")
    return holder.value("ACCTID") if holder is not None else None


def _statements(root: Tag) -> list[Tag]:
    """Bank (``STMTRS``), card (``CCSTMTRS``) and investment statements, in file order."""
    out: list[Tag] = []
    pending = root.children[::-1]
    while pending:
        tag = pending.pop()
        if tag.name in ("STMTRS", "CCSTMTRS", "INVSTMTRS"):
            out.append(tag)
        elif tag.children:
            pending.extend(tag.children[::-1])
    return out


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
