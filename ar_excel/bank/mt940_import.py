"""SWIFT MT940 statements (and MT942 intraday reports) -> normalised statement lines, via the
``mt-940`` package.

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
  wrap and read in all dialects (``narrative.py``); a UTF-8 file wrapped at 65 bytes, not
  characters (Arabic letters cut in two at the breaks), is rejoined first (``mt940_byte_wrap``).
* Each ``:20:`` block is a statement; its ``:60F:``/``:60M:`` and ``:62F:``/``:62M:`` balances
  give the tie-out. Its account is the IBAN the ``:25:`` names, without the bank's BIC or the
  currency written around it (``own_account.py``). A ``:86:`` after the closing balance
  describes the statement, not its last line, and is not glued onto that line.
* Amounts: SWIFT writes one decimal comma (``1250,50``, ``1000,``); a decimal point
  (``100.00``) and thousands separators (``2.500,00``, ``2,500.00``) are read too, anything
  else (``1,234,56``) is not guessed at.
* A customer reference longer than SWIFT's 16 characters (ASN Bank puts the counterparty's
  IBAN there, its name on the next line) is read whole, not refused, and so is a bank
  reference of one word longer than 23 (BIL's ``//CIOB220117990193/IACC/D3/``); where the
  ``:86:`` opens with that account and name they are the counterparty's, and the account is
  no reference.
  ``NONREF`` straight after the amount (Penta) is no type code ``NONR`` and reference ``EF``.
* A ``:61:`` the package cannot read is reported with its file line and left out; the rest of
  the file still imports. A balance line (``:60F:``, ``:62F:``, ``:64:``, ``:65:``...) that
  cannot be read is reported with its line and left out (the statement is then not tied out);
  a statement with an opening but no closing balance (or the reverse) is reported as a file
  that may be cut short. A statement whose header (``:20:``, ``:25:``, ``:28C:``) the package
  refuses is read from its balances and lines, the header kept as written, with an issue.
* A ``:61:`` of amount 0 is an information record (Citi's, BAI-style "no activity" lines):
  no money moved, so it is left out, as in every format, with one issue naming the file
  lines and their text; the other lines keep their ``Bank Line`` and ``Line No``.
* A ``:20:STARTDISPE`` report (German banks' MT942 of earmarked, not yet booked payments,
  often in the same file as the ``STARTUMSE`` statement) moved no money yet: its lines are
  left out, each with an issue, as camt's pending entries are.
* An MT942 (``:13D:`` report time, ``:34F:`` floor limits, no balances) is read as its
  lines; its ``:90D:``/``:90C:`` (number and sum of the debit and credit entries, an MT940
  may carry them too) are checked against the lines read, with an issue where they differ,
  since it has no closing balance to tie out.
* Where the narrative names both parties (``/ORDP//NAME/`` and ``/BENM//NAME/``), the
  counterparty is the ordering party of a credit and the beneficiary of a debit; where it
  names only the beneficiary of a credit or the ordering party of a debit, that is the
  account holder, and no counterparty is named. A credit's ultimate debtor (``/ULTD/``, the
  GVC's ``ABWA+``: the customer its payer paid for) ends the description "ON BEHALF OF X".
* The amount the payer sent (SWIFT ``/OCMT/``, on the ``:61:``'s second line or in the
  ``:86:``) in another currency than the line's is kept at the end of the description,
  "(paid EUR 10,000.00)": a EUR invoice paid into an AED account says the EUR.
* ``Counterparty Bank`` is the other party's bank from the narrative (GVC ``?30``, ``/CNTP/``
  or ``/BIC/``, ``BIC:``); ``Transaction Code`` the GVC (``166``) where the narrative has one,
  else the ``:61:`` transaction type (``NTRF``).
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date
from pathlib import Path
from typing import Any

import mt940

from ar_excel.bank.mt940_byte_wrap import byte_wrapped, swift_lines
from ar_excel.bank.narrative import (
    IBAN_RE,
    IBAN_WHOLE,
    clean_ref,
    join_lines,
    on_behalf_of,
    parse_narrative,
)
from ar_excel.bank.own_account import own_account
from ar_excel.bank.stated_totals import same_total, totals_differ
from ar_excel.bank.statement import (
    Statement,
    StatementBalance,
    booked_again,
    paid_in_another_currency,
    reported_before,
    statement_decimals,
    statement_of_records,
)
from ar_excel.bank.text import decode_bytes
from ar_excel.core.matching.classify import PAYMENT_OUT_REVERSED
from ar_excel.model import Issue

# The mt-940 library logs every tag it cannot parse as an ERROR, with its regex; with no
# logging set up, Python prints that on the user's terminal beside the CLI's one-line message.
# What it could not parse reaches the user as an Input Issue or an InputError instead.
_library_log = logging.getLogger("mt940")
_library_log.addHandler(logging.NullHandler())
_library_log.propagate = False

# a tag; a balance tag whose second colon was lost (LBBW's ":62FC221018EUR1,00") is one too,
# not more words of the :86: above it
_TAG = re.compile(r"^:(\d{2}[A-Z]?|NS):|^:(6[02][FM]|6[45])(?=[CD]\d{6}[A-Z]{3})")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENVELOPE = re.compile(r"^\s*(\{[1-5]:.*|-?\}.*|-)\s*$")
_STATEMENT_LINE = mt940.tags.Statement().re
_MULTILINE_TAGS = {"61", "86", "NS"}
_OPENING = ("final_opening_balance", "opening_balance", "intermediate_opening_balance")
_CLOSING = ("final_closing_balance", "closing_balance", "intermediate_closing_balance")


def _lines(text: str) -> list[str]:
    """The file's lines as numbered in issues (CRLF, LF or CR; control characters dropped; a
    FinTS bank's one line split at its "@@" before, by ``swift_lines``)."""
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _prepare(text: str, source: str
             ) -> tuple[str, list[int], list[Issue], set[int], dict[int, dict[str, str]],
                        dict[int, list[tuple[str, float]]]]:
    """Clean the raw text for the package; return it, the file line of each kept ``:61:``,
    an issue for each ``:61:`` or balance that cannot be read, the statements (0-based
    ``:20:`` blocks) whose unreadable balance was left out, the references longer than
    the package reads, whole (by the file line of their ``:61:``), and each statement's
    expected entries left out (MT942 EC / ED: their mark C or D and amount)."""
    lines = _lines(text)
    tags: list[tuple[str, int, list[str]]] = []
    for no, line in enumerate(lines, start=1):
        m = _TAG.match(line)
        if m:
            tags.append((m.group(1) or m.group(2), no, [line[m.end():]]))
        elif tags and tags[-1][0] in _MULTILINE_TAGS and line.strip() and not _ENVELOPE.match(line):
            tags[-1][2].append(line)
    out: list[str] = []
    kept: list[int] = []
    issues: list[Issue] = []
    previous = ""
    statement = -1
    bad_balances: set[int] = set()
    long_refs: dict[int, dict[str, str]] = {}
    expected_entries: dict[int, list[tuple[str, float]]] = {}
    for tag, no, content in tags:
        statement += tag == "20"
        if tag == "86":
            if previous not in ("61", "86"):
                previous = "skip"  # statement-level information, or the narrative of a bad line
                continue
            out.append(":86:" + join_lines(content))
        elif tag == "61":
            value = "\n".join(c.rstrip() for c in content).strip()
            expected = _EXPECTED.match(value)
            if expected:
                # an MT942's expected credit or debit (EC / ED): announced, not booked yet
                side = "credit" if expected.group(1) == "C" else "debit"
                swift = _swift_amount(expected.group(2))
                amount = float(swift.replace(",", ".")) if swift is not None else None
                if amount is not None:
                    expected_entries.setdefault(max(statement, 0), []).append(
                        (expected.group(1), amount))
                said = (f"{amount:,.{2 if round(amount, 2) == amount else 3}f}"
                        if amount is not None else expected.group(2))
                issues.append(Issue(source, f"line {no}", ":61:", value.split("\n")[0],
                                    f"expected {side} (E{expected.group(1)}) of {said}: not "
                                    "booked on the account yet; left out, it will come on a "
                                    "later statement"))
                previous = "skip"
                continue
            fixed, whole = _check_statement_line(value)
            if fixed is None:
                issues.append(Issue(source, f"line {no}", ":61:", value.split("\n")[0],
                                    "statement line could not be read (expected date, C/D mark, "
                                    "amount, type code); the line was left out"))
                previous = "skip"
                continue
            out.append(":61:" + fixed)
            kept.append(no)
            if whole:
                long_refs[no] = whole
        elif tag == "20" and out:
            out.append("-")
            out.append(":20:" + content[0])
        elif tag in _BALANCE_TAGS or tag in ("64F", "65F"):
            # (":65F:", ":64F:": the available balances under a letter SWIFT does not give
            # them, as an Oldenburgische Landesbank export writes; read as :65: and :64:)
            written, tag = tag, (tag[:2] if tag in ("64F", "65F") else tag)
            balance = _check_balance(content[0])
            if balance is None and tag in ("64", "65"):
                # an available balance: the tie-out does not use it
                issues.append(Issue(source, f"line {no}", f":{written}:", content[0].strip(),
                                    "available balance could not be read (expected D/C mark, "
                                    "date YYMMDD, currency, amount); it was left out (the "
                                    "statement's tie-out does not use it)"))
                continue
            if balance is None:
                issues.append(Issue(source, f"line {no}", f":{written}:", content[0].strip(),
                                    "balance could not be read (expected D/C mark, date YYMMDD, "
                                    "currency, amount); it was left out, so this statement is "
                                    "not tied out"))
                bad_balances.add(max(statement, 0))
                continue
            out.append(f":{tag}:" + balance)
        elif tag == "NS":  # every numbered line of it ("22NAME", "23REFERENCE")
            out.append(":NS:" + "\n".join(c.rstrip() for c in content))
            continue  # between a :61: and its :86: it does not part them
        else:
            out.append(f":{tag}:" + content[0])
        previous = tag
    return "\n".join(out) + "\n", kept, issues, bad_balances, long_refs, expected_entries


# an MT942 :61: of an expected entry: date, optional entry date, EC / ED, the amount
_EXPECTED = re.compile(r"^\d{6}(?:\d{4})?E([CD])[A-Z]?(\d[\d,.]*)")

# a letter typed or scanned for a digit inside the amount ("25O,00", "1l00,00"): what
# follows the digits is more of the amount, not the transaction type code
_DAMAGED_DIGIT = re.compile(r"[OoIl][\d,.]")

# a bank reference of one word past SWIFT's 23 characters, at the end of the :61:'s first line
_LONG_BANK_REFERENCE = re.compile(r"//(\S{24,})\s*$")
# a :61: up to its type code, then a customer reference running past 16 characters
_LONG_REFERENCE = re.compile(r"^(?P<head>\d{6}(?:\d{4})?R?[DC][A-Z]?\d[\d,]*[NSF][A-Z0-9]{3})"
                             r"(?P<ref>(?:(?!//)[^\n])+)(?P<rest>.*)$", re.S)


def _check_statement_line(value: str) -> tuple[str | None, dict[str, str]]:
    """The ``:61:`` text if the package can read it (a missing type code filled in), else None;
    and the references longer than the package's 16 (customer) and 23 (bank) characters,
    whole: the package is given the first 16 or 23."""
    whole: dict[str, str] = {}
    # BIL's bank reference "//CIOB220117990193/IACC/D3/" (25 characters, one word): the
    # package would cut it at 23 and give "3/" as the line's words
    bank = _LONG_BANK_REFERENCE.search(value.split("\n", 1)[0])
    if bank:
        whole["bank_reference"] = bank.group(1)
        value = value[:bank.start(1) + 23] + value[bank.end(1):]
    fixed = _readable_statement_line(value)
    if fixed is not None:
        return fixed, whole
    # ASN Bank writes the counterparty's IBAN (18+ characters) where SWIFT allows 16
    # ("D2000,00NOVBNL29INGB0006475121", the name on the next line)
    m = _LONG_REFERENCE.match(value)
    if m and len(m.group("ref")) > 16:
        fixed = _readable_statement_line(m.group("head") + m.group("ref")[:16] + m.group("rest"))
        if fixed is not None:
            return fixed, {**whole, "customer_reference": m.group("ref")}
    return None, {}


def _readable_statement_line(value: str) -> str | None:
    """The ``:61:`` text, its references within SWIFT's lengths, if the package can read it
    (the amount written as SWIFT does, a missing type code filled in), else None."""
    mark = re.match(r"^(\d{6}(?:\d{4}|\s{4})?R?[DCdc][A-Z]?)(\d[\d.,]*)(.*)$", value, re.S)
    if mark:
        swift = _swift_amount(mark.group(2))
        if swift is None:
            return None  # "1,234,56": the package would lose the whole statement over it
        if _DAMAGED_DIGIT.match(mark.group(3)):
            return None  # "25O,00": read as 25 with a type code put after it, else
        value = mark.group(1) + swift + mark.group(3)
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
    if m.group("id") is None or value[m.start("id"):].startswith("NONREF"):
        # without a type code the package would merge this line into the one before; and
        # "D20,00NONREF" (Penta) is no type code "NONR" with a reference "EF": the reference
        # NONREF straight after the amount
        return value[: m.end("amount")] + "NMSC" + value[m.end("amount"):]
    return value


def _swift_amount(raw: str) -> str | None:
    """An amount as SWIFT writes it (digits, one decimal comma: ``1250,5``, ``1000,``), from
    the forms banks also send: a decimal point (``100.00``), thousands dots before a
    decimal comma (``2.500,00``) or commas before a point (``2,500.00``). None for anything
    else (``1,234,56``)."""
    if re.fullmatch(r"\d+(,\d*)?", raw):
        return raw
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d*", raw):
        return raw.replace(".", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+\.\d*", raw):  # "1,234.56": thousands commas
        return raw.replace(",", "").replace(".", ",")
    if re.fullmatch(r"\d+\.\d*", raw):
        return raw.replace(".", ",")
    return None


_BALANCE_TAGS = {"60F", "60M", "62F", "62M", "64", "65"}
_BALANCE_LINE = re.compile(r"^([DC])(\d{2})(\d{2})(\d{2})([A-Z]{3}) ?(\d[\d.,]*)$")


def _check_balance(value: str) -> str | None:
    """A ``:60F:``/``:62F:``/``:64:``/``:65:`` balance as the package reads it, else None: the
    package would read ``C261104EUR1O00,00`` as 1.00 and lose a statement over ``EURO100,``."""
    m = _BALANCE_LINE.match(value.strip())
    if not m or not 1 <= int(m.group(3)) <= 12 or not 1 <= int(m.group(4)) <= 31:
        return None
    amount = _swift_amount(m.group(6))
    return None if amount is None else "".join(m.group(1, 2, 3, 4, 5)) + amount


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


def _reason(exc: Exception) -> str:
    """The package's error in words: its message, without object addresses."""
    if isinstance(exc, ArithmeticError):
        return f"an amount cannot be read: {exc!r}"
    text = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return re.sub(r"<mt940\.tags\.(\w+) object at 0x[0-9a-fA-F]+>", r"\1", text) or type(
        exc).__name__


_BODY_TAGS = ("60F", "60M", "61", "86", "62F", "62M", "64", "65")


def _without_header(chunk: str, processors: dict[str, Any], options: Any) -> Any:
    """The statement read from its balances and lines alone, its :20:/:25:/:28C: kept as
    written (the package refuses a statement number such as ``ABC-1``), else None."""
    def header(tag: str) -> str | None:
        m = re.search(rf"(?m)^:{tag}:(.*)$", chunk)
        return m.group(1).strip() if m else None

    body = [":20:STATEMENT"] + [line for line in chunk.split("\n")
                                if line.startswith(tuple(f":{t}:" for t in _BODY_TAGS))]
    try:
        block = mt940.parse_statements("\n".join(body) + "\n", processors=processors,
                                       options=options)
    except Exception:  # the lines themselves cannot be read
        return None
    for b in block:
        b.data.update({"transaction_reference": header("20"),
                       "statement_number": header("28C") or header("28"),
                       "sequence_number": None, "account_identification": header("25")})
    return block


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


def _two_bytes_a_letter(encoding: str) -> bool:
    """UTF-16 or UTF-32 (a code that writes no ASCII letter as its own byte)."""
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False  # (said by decode_bytes)


def read_mt940(path: Path, data: bytes, encoding: str | None = None) -> Statement:
    source = path.name
    named = encoding
    if encoding and _two_bytes_a_letter(encoding):
        # UTF-16 named by the caller: its tags are no bytes ":20:" at the start of a line, so
        # the margin an indenting portal puts before them would stay and no tag be found (no
        # line read, nothing said); read as the same text in UTF-8, as a UTF-16 file detected
        data = decode_bytes(data, encoding).text.removeprefix("\ufeff").encode("utf-8")
        encoding = "utf-8"
    # (the tags found, as detect_format found them, before wrapped lines are looked for after
    # them)
    data = swift_lines(data)
    if (encoding or "utf-8").lower().replace("_", "-") in ("utf-8", "utf8"):
        data = byte_wrapped(data)
    decoded = decode_bytes(data, encoding)
    decoded.encoding = named or decoded.encoding
    text, line_numbers, issues, bad_balances, long_refs, expected = _prepare(decoded.text,
                                                                               source)
    issues[:0] = decoded.issues(source)
    if not re.search(r"(?m)^:20:", text):
        text = ":20:NONE\n" + text
    chunks = [c for c in re.split(r"(?m)^(?=:20:)", text) if c.strip().startswith(":20:")]
    options = mt940.Options.all()
    # keep the raw :86: text: narrative.py reads all dialects (the package only the German one)
    processors = {"post_transaction_details": []}
    blocks, counts = [], []
    next_line = 0
    for chunk_no, chunk in enumerate(chunks):
        n61 = len(re.findall(r"(?m)^:61:", chunk))
        first = next_line
        next_line += n61
        try:
            block = mt940.parse_statements(chunk, processors=processors, options=options)
        except Exception as exc:  # the package raises RuntimeError/ValueError on bad tags
            reason = _reason(exc)
            block = _without_header(chunk, processors, options)
            if block is not None:  # a header tag (:20:, :25:, :28C:...) it cannot read
                # the file lines of the statements' :20:, only where a header failed
                starts = [no for no, line in enumerate(_lines(decoded.text), 1)
                          if line.startswith(":20:")]
                where = f"line {starts[chunk_no]}" if chunk_no < len(starts) else ""
                issues.append(Issue(source, where, ":20:", None,
                                    f"the statement's header could not be read ({reason}); "
                                    "its lines and balances were read without it"))
        if block is None:
            for no in line_numbers[first:first + n61]:
                issues.append(Issue(source, f"line {no}", ":61:", None,
                                    f"the statement holding this line could not be read "
                                    f"({reason}); line left out"))
            continue
        for b in block:
            blocks.append(b)
            counts.append((first, n61, chunk_no))
    ids = _statement_ids(blocks)
    records: list[dict[str, Any]] = []
    at: list[str] = []  # where each record is in the file, for its issues
    kinds: list[tuple[bool, str | None]] = []  # each record's: from a report? its account
    balances: list[StatementBalance] = []
    for block, sid, (first, n61, chunk_no) in zip(blocks, ids, counts, strict=True):
        account, suffix = own_account(block.data.get("account_identification"), block.currency)
        currency = block.currency or suffix
        opening, opening_date = _balance(block.data, _OPENING)
        closing, closing_date = _balance(block.data, _CLOSING)
        balances.append(StatementBalance(sid, account, currency, opening, closing,
                                         opening_date, closing_date))
        if (opening is None) != (closing is None) and chunk_no not in bad_balances:
            missing = ("closing balance (:62F:)" if closing is None
                       else "opening balance (:60F:)")
            issues.append(Issue(source, f"statement {sid}", "Balance", None,
                                f"statement {sid} has no {missing}: the file may be cut "
                                "short, and the statement cannot be tied out"))
        if len(block) != n61:
            issues.append(Issue(source, f"line {line_numbers[first] if n61 else '?'}", ":61:",
                                n61, f"statement {sid}: {n61} statement lines in the file but "
                                     f"{len(block)} read; check the file"))
        issues += _stated_totals(block, sid, currency, source, expected.get(chunk_no, []))
        read_all = len(block) == n61  # else the file lines of the records are not known
        if str(block.data.get("transaction_reference") or "").strip().upper() == "STARTDISPE":
            issues += _earmarked(block, sid, currency, source,
                                 [f"line {line_numbers[first + k]}" if read_all else
                                  f"statement {sid}" for k in range(len(block))])
            continue
        for k, t in enumerate(block):
            data = t.data
            whole = long_refs.get(line_numbers[first + k]) if read_all else None
            if whole:
                data = {**data, **whole}
            records.append(_record(data, currency, sid))
            at.append(f"line {line_numbers[first + k]}" if read_all else f"statement {sid}")
            # an intraday report (MT942: no balances at all) or a statement
            kinds.append((opening is None and closing is None and chunk_no not in bad_balances,
                          account))
    records, at, twice = _reported_then_booked(records, at, kinds, source)
    return statement_of_records(records, at, balances, [*issues, *twice], source, ":61:",
                                "mt940", decoded.encoding)


def _reported_then_booked(records: list[dict[str, Any]], at: list[str],
                          kinds: list[tuple[bool, str | None]], source: str
                          ) -> tuple[list[dict[str, Any]], list[str], list[Issue]]:
    """The records without the lines of an intraday report (MT942) that a statement (MT940)
    of the same account in the file books again, by the bank's reference, amount and date:
    a file of the day's MT942 and MT940 holds each such payment twice, and the statement is
    the booked record (``statement.booked_again``, as camt's). Each left out is said."""
    accounts, reported = [account for _, account in kinds], [report for report, _ in kinds]
    twice = booked_again(records, accounts, reported)
    earlier = reported_before(records, accounts, reported, twice)
    kept, where, issues = [], [], []
    for r, place, again, before in zip(records, at, twice, earlier, strict=True):
        if before is None and not again:
            kept.append(r)
            where.append(place)
            continue
        d = statement_decimals(r.get("Currency"))
        amount = f"{r['Amount']:,.{d}f}" if r["Amount"] is not None else "?"
        line = (f"report {r['Statement']}: line {r.get('Bank Ref')} of {amount} "
                f"{r.get('Currency') or ''}")
        issues.append(Issue(source, place, ":61:", r.get("Bank Ref"), (
            # (a day's MT942 reports repeat its lines)
            f"{line} on {r['Date']:%Y-%m-%d} is in report {before} of the same account too "
            "(a day's reports repeat its lines): read once, so it is not counted twice"
            if before is not None else
            f"{line} is booked again in a statement of the same account in the file (MT940): "
            "read from the statement only, so it is not counted twice")))
    return kept, where, issues


def _earmarked(block: Any, sid: str, currency: str | None, source: str, where: list[str]
               ) -> list[Issue]:
    """German banks' ``:20:STARTDISPE`` report (the MT942 of "Vormerkposten", sent beside the
    day's ``STARTUMSE`` statement) lists payments earmarked but not booked yet: no money has
    moved on the account, so they are no lines to reconcile; each is said, as camt's pending
    entries are, and comes on a later statement when booked."""
    issues = []
    d = statement_decimals(currency)
    for t, at in zip(block, where, strict=True):
        amount = _amount(t.data.get("amount"))
        shown = f"{amount:,.{d}f} {currency or ''}".strip() if amount is not None else "?"
        issues.append(Issue(source, at, ":61:", amount,
                            f"statement {sid}: earmarked (not booked) line of {shown} left out "
                            "(:20:STARTDISPE); it will come on a later statement"))
    return issues


_SIDES = (("sum_debit_entries", ":90D:", "debits", ("D", "RC")),
          ("sum_credit_entries", ":90C:", "credits", ("C", "RD")))


def _stated_totals(block: Any, sid: str, currency: str | None, source: str,
                   expected: list[tuple[str, float]]) -> list[Issue]:
    """The number and sum of the debit and credit entries an MT942 (or MT940) states in
    ``:90D:``/``:90C:`` against the ``:61:`` lines read: an intraday report states no closing
    balance, so these are all there is to tell a line missing. The ``expected`` entries left
    out (EC / ED) count either way, as banks differ in whether their totals hold them."""
    issues = []
    d = statement_decimals(currency)
    for key, tag, side, marks in _SIDES:
        stated = block.data.get(key)
        if stated is None:
            continue
        try:
            number, total = int(stated.number), round(abs(float(stated.amount)), d)
        except (TypeError, ValueError, AttributeError):
            continue  # the package kept what it could not read: nothing to compare with
        amounts = [abs(_amount(t.data.get("amount")) or 0.0) for t in block
                   if str(t.data.get("status") or "").upper() in marks]
        read = round(sum(amounts), d)
        announced = [a for mark, a in expected if mark == marks[0]]
        if any(number == len(amounts) + len(more) and same_total(total, read + sum(more), d)
               for more in ([], announced)):
            continue
        issues.append(totals_differ(source, sid, tag, tag, side, (number, total),
                                    (len(amounts), read), d))
    return issues


# an account (IBAN or domestic number) a :86: opens with, then the rest of it
_OPENING_ACCOUNT = re.compile(r"\s*(" + IBAN_WHOLE + r"|\d{6,12})\s+(.*)$", re.S)


def _account_and_name(details: str | None, name: str) -> tuple[str | None, tuple[str, str] | None]:
    """The ``:86:`` without the counterparty's account and name it opens with, and those two,
    where the ``:61:`` supplementary details named the same party (ASN Bank, SNS, RegioBank:
    ``:61:...NOVBNL29INGB0006475121`` / ``j blom``, ``:86:NL29INGB0006475121 j blom`` then the
    remittance words or the SWIFT tags); else the ``:86:`` as it is and None."""
    if not details or not name or name.startswith("/"):
        return details, None
    m = _OPENING_ACCOUNT.match(details)
    words = m.group(2).split() if m else []
    if not m or words[:len(name.split())] != name.split():
        return details, None
    return " ".join(words[len(name.split()):]) or None, (m.group(1), name)


# the :61: supplementary details that are codes or restate money (original amount,
# charges, rate, ING's transaction code), not the payer's words
_AMOUNT_DETAILS = re.compile(r"(?:/(?:OCMT|CHGS|EXCH|TRCD|BUSP|PREF|SVCL|TRTP|CSID|ISDT|SUM"
                             r"|CD|FX)/[^/]*/?)+")  # "/OCMT/USD4000,00//CHGS/SAR15,00/"


# the amount the payer sent, in the currency it sent it in (SWIFT's /OCMT/, on the second
# :61: line or in the :86:): "/OCMT/EUR10000,00/"
_ORIGINAL_AMOUNT = re.compile(r"/OCMT/([A-Z]{3}) ?(\d[\d.,]*)")


def _original_amount(texts: list[str | None], currency: str | None) -> str | None:
    """"paid EUR 10,000.00" where the line's ``/OCMT/`` is in a currency other than the line's:
    a EUR invoice paid into an AED account says EUR 10,000.00, the line AED 43,585.80, and the
    reviewer sees the two agree. None where the amount is in the line's own currency (it says
    nothing the amount does not) or cannot be read. (Worded by ``paid_in_another_currency``:
    "original amount" found a payer "Original Amount Trading".)"""
    for text in texts:
        m = _ORIGINAL_AMOUNT.search(text or "")
        if not m:
            continue
        written = _swift_amount(m.group(2))
        if m.group(1) == currency or written is None:
            return None
        return paid_in_another_currency(m.group(1), float(written.replace(",", ".")))
    return None


def _record(d: dict[str, Any], currency: str | None, sid: str) -> dict[str, Any]:
    extra = " ".join((d.get("extra_details") or "").split())
    details, named = _account_and_name(d.get("transaction_details"), extra)
    narrative = parse_narrative(details)
    if named:
        narrative.account = named[0]
        narrative.counterparty = narrative.counterparty or named[1]
        extra = ""  # the name, now the counterparty's
    refs = []
    customer_ref = clean_ref(d.get("customer_reference"))
    if customer_ref and not customer_ref.endswith("+"):
        refs.append(customer_ref)
    refs += [r for r in narrative.references if r not in refs]
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
    elif extra and not _AMOUNT_DETAILS.fullmatch(extra):
        # "/REF/INV-2001", "/INV/2026-118" on the second :61: line: the payer's words, kept
        description = " ".join(filter(None, [description, extra]))
    # a :NS: (non-SWIFT) field after the :86: carries more of the bank's words, its lines
    # numbered ("22NILE TRADING CO", "23INV-1003"): the payer's name or the reference there
    # are the line's too
    more = " ".join(str(d.get("non_swift_text") or "").split())
    if more and more not in (description or ""):
        description = " ".join(filter(None, [description, more]))
    if narrative.posting_text and narrative.posting_text not in (description or ""):
        description = " ".join(filter(None, [description, f"({narrative.posting_text})"]))
    if account and customer_ref and customer_ref.replace(" ", "") == account.replace(" ", ""):
        # ASN's :61: reference is the counterparty's IBAN, named again in the :86:: an
        # account, no payment reference
        refs = [r for r in refs if r != customer_ref]
    line_currency = getattr(d.get("amount"), "currency", None) or d.get("currency") or currency
    original = _original_amount([extra, d.get("transaction_details")], line_currency)
    if original and "/OCMT/" not in (description or ""):
        description = " ".join(filter(None, [description, f"({original})"]))
    if str(d.get("status") or "") == "RD":
        # a debit of ours reversed (a supplier transfer returned): our own money back, never
        # a customer's receipt whatever its amount or names; the matcher reads it as a refund
        description = " ".join(filter(None, [description, f"{PAYMENT_OUT_REVERSED} (RD)"]))
    # (a reversal names the original's parties)
    counterparty = narrative.party(money_in=str(d.get("status") or "").endswith("C"))
    said = on_behalf_of(narrative.ultimate, counterparty, description)
    if d.get("status") == "C" and said:
        # /ULTD/: the customer the payer paid for (camt's UltmtDbtr, the GVC's ABWA+), as the
        # matcher reads it in a narrative, so that one's invoice is paid whoever sent it
        description = " ".join(filter(None, [description, said]))
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
        "Counterparty": counterparty,
        "Counterparty Account": account.replace(" ", "") if account else None,
        "Bank Ref": bank_ref,
        "Balance": None,
        "Statement": sid,
        "Counterparty Bank": narrative.bank,
        # the GVC of a German :86: says more than the :61: SWIFT type (NTRF, NMSC...)
        "Transaction Code": narrative.code or clean_ref(d.get("id")),
    }
