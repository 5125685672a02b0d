"""ISO 20022 camt.053 (also camt.052/.054) statements -> normalised statement lines.

Read with defusedxml ElementTree, namespace-agnostic (camt.053.001.02 .. .08).

Accounting rules:

* One line per transaction: an entry (``Ntry``) holding several ``TxDtls`` (a batch) is split
  into its transactions, each with its own amount (``TxDtls/Amt`` or ``AmtDtls/TxAmt``), when
  they add up to the booked entry; an entry booked net of the bank's charges (``Chrgs`` of the
  entry or of its transactions, the transaction amounts gross) is its transactions plus one
  line of the charges (money out), together the booked amount, so each payment meets its
  invoice in full; otherwise (amounts missing or not adding up) the entry stays
  one line and an issue says why. An entry without ``TxDtls`` is one line.
* Sign: ``CdtDbtInd`` CRDT = money in (+), DBIT = money out (-); an entry without it is
  left out with an issue rather than given a guessed sign. ``RvslInd`` marks a
  reversal. ISO 20022 defines the indicator of a reversal entry as the direction of the
  reversal booking itself (a returned credit is DBIT + RvslInd), so by default it does not
  change the sign - the PostFinance sample ties out only that way. Some banks (the German
  "Storno" convention) instead repeat the original direction; when a statement ties out only
  with reversals flipped, they are flipped for that statement and an issue says so.
  A reversal that brings money in (a payment of ours returned: CRDT + RvslInd) says
  "Reversal of a payment out (RvslInd)" in its narrative: no customer paid it, so it is
  never matched to an invoice (the matcher reads it as a refund).
* Counterparty by direction: the debtor for credits, the creditor for debits (``Nm`` or
  ``Pty/Nm`` in v08), with their account (IBAN or other id) and their bank (``DbtrAgt`` /
  ``CdtrAgt``: BIC, else clearing member id); a reversal that names only the other party
  names that one. A credit whose ultimate debtor (``UltmtDbtr``: the party that owes the
  money, a subsidiary its holding paid for) is another than the debtor ends its description
  "ON BEHALF OF <ultimate debtor>", as the matcher reads a narrative's on-behalf-of.
  ``Transaction Code``: the transaction's ``BkTxCd``, else its entry's
  (``PMNT-RCDT-ESCT``, else the proprietary code). A batch transaction without its own amount is split on its
  ``TxAmt``, else its counter value (``CntrValAmt``) or instructed amount where that is in
  the account's currency.
* ``Description``: unstructured remittance (``Ustrd``; pieces the bank cut at their full
  width, 35 or 140 characters, joined without a space), then additional information, then a
  returned payment's reason (``RtrInf``: "Returned: AM04 insufficient funds"), then the
  amount the payer instructed in another currency than the line's (``AmtDtls/InstdAmt``:
  "(paid EUR 10,000.00)", what the invoice says).
  ``Reference``: structured creditor references (``Strd/CdtrRefInf/Ref``: RF/ISR/QR),
  referred document numbers, the end-to-end id unless ``NOTPROVIDED``.
* Dates are taken as written (``2016-04-30`` or the date part of a date-time): no time-zone
  shift.
* An entry (or a transaction of a batch) of amount 0 (an information entry: no money moved)
  is left out, as in every format, with one issue naming the entries.
* Pending entries (``Sts`` PDNG, FUTR) are not booked yet, information entries (INFO)
  never: each left out with an issue saying which. Opening balance:
  OPBD (else PRCD, the previous statement's closing); closing: CLBD (never the available
  balances CLAV/FWAV, which count holds and limits); a page of a camt.053 cut into pages
  (``StmtPgntn``/``MsgPgntn``) opens and ends on interim booked balances (ITBD), which tie
  it out as an MT940's :60M:/:62M: (``_balances``). A camt.054 notification states no
  balances, and a camt.052 intraday report often only an opening and an interim one (ITBD,
  not taken as the closing: banks state it before or after the entries): their entries are
  read as lines, and where the file sums its entries (``TxsSummry``) the entries read are
  checked against that instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
from defusedxml import DefusedXmlException, ElementTree

from ar_excel.bank.narrative import on_behalf_of, parse_free
from ar_excel.bank.stated_totals import same_total, totals_differ
from ar_excel.bank.statement import (
    Statement,
    StatementBalance,
    booked_again,
    booking_day,
    paid_in_another_currency,
    reported_before,
    statement_decimals,
    statement_of_records,
)
from ar_excel.core.matching.classify import PAYMENT_OUT_REVERSED
from ar_excel.core.money import MINOR_UNITS
from ar_excel.errors import InputError
from ar_excel.model import Issue

_CONTAINERS = ("Stmt", "Rpt", "Ntfctn")
_PLACEHOLDERS = {"NOTPROVIDED", "NOT PROVIDED", "NONREF", ""}


def _strip_namespaces(root: Any) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]


def _text(el: Any, path: str) -> str | None:
    if el is None:
        return None
    found = el.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _bank_reference(el: Any, path: str) -> str | None:
    """The bank's reference (``AcctSvcrRef``), None where it is a placeholder ("NONREF",
    "NOTPROVIDED"): no id of one entry, so the line is known by its place, as an MT940's
    ``//NONREF`` is."""
    ref = _text(el, path)
    return None if ref is None or ref.upper() in _PLACEHOLDERS else ref


def _texts(el: Any, path: str) -> list[str]:
    return [" ".join(x.text.split()) for x in el.iterfind(path) if x.text and x.text.strip()]


def _date(el: Any, path: str) -> pd.Timestamp | None:
    raw = _text(el, f"{path}/Dt") or _text(el, f"{path}/DtTm")
    if not raw:
        return None
    # the date as written (never shifted to UTC), and only an ISO date: pandas would read a
    # damaged "2026-1:1-30" as a time with a zone
    written = re.match(r"(\d{4})-(\d{2})-(\d{2})", raw)
    if written is None:
        return None
    try:
        day = pd.Timestamp(*map(int, written.groups()))
    except ValueError:  # 2026-02-30
        return None
    return booking_day(day)


def _amount(el: Any) -> tuple[float | None, str | None]:
    if el is None or el.text is None:
        return None, None
    try:
        return round(float(el.text.strip()), 3), el.get("Ccy")  # KWD: three decimals
    except ValueError:
        return None, el.get("Ccy")


def _status(entry: Any) -> str:
    return (_text(entry, "Sts/Cd") or _text(entry, "Sts/Prtry") or _text(entry, "Sts")
            or "BOOK").upper()


def read_camt(path: Path, data: bytes) -> Statement:
    """A camt XML file, or a ZIP of them (as German banks deliver camt.053 by EBICS): the
    ZIP's statements are read in the order of their file names, as one file."""
    source = path.name
    documents = _zipped_documents(source, data) if data[:4] == b"PK\x03\x04" else [
        (source, data)]
    issues: list[Issue] = []
    all_records: list[dict[str, Any]] = []
    balances: list[StatementBalance] = []
    taken: dict[str, str] = {}  # statement -> its id as the file writes it
    held_in: dict[str, str] = {}  # statement -> the file of the ZIP holding it
    for name, document in documents:
        records, found, doc_issues = _read_document(name, document, taken)
        if len(documents) > 1:  # "entry 2" of which file of the ZIP
            for r in records:
                r["_at"] = f"{name.removeprefix(source + '/')} {r['_at']}"
        all_records += records
        balances += found
        issues += doc_issues
        held_in.update((b.statement, name) for b in found)
    all_records, twice = _reported_then_booked(all_records, source)
    issues += twice
    return statement_of_records(all_records, [r["_at"] for r in all_records], balances, issues,
                                source, "Amt", "camt053", "utf-8", held_in, taken)


_MEMBER_LIMIT = 200 * 2**20  # bytes of XML a statement ZIP may unpack to


def _zipped_documents(source: str, data: bytes) -> list[tuple[str, bytes]]:
    """The XML files of a ZIP, by name; a clear error for a ZIP without them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = sorted((i for i in archive.infolist() if not i.is_dir()
                              and i.filename.lower().endswith(".xml")),
                             key=lambda i: i.filename)
            if not members:
                raise InputError(f"{source}: a ZIP file without camt XML statements in it")
            if sum(i.file_size for i in members) > _MEMBER_LIMIT:
                raise InputError(f"{source}: the ZIP unpacks to more than "
                                 f"{_MEMBER_LIMIT // 2**20} MB of XML; not read")
            return [(f"{source}/{i.filename}", archive.read(i)) for i in members]
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:  # damaged, or encrypted
        raise InputError(f"{source}: not a readable ZIP of camt statements ({exc})") from exc


def _read_document(source: str, data: bytes, taken: dict[str, str]
                   ) -> tuple[list[dict[str, Any]], list[StatementBalance], list[Issue]]:
    """The lines (as records), balances and issues of one camt XML document. A statement
    whose id is ``taken`` already (two accounts' statements both numbered 1) gets ``#2``...;
    ``taken`` records each statement's id as written."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(f"{source}: not a readable camt XML file ({exc})") from exc
    except DefusedXmlException as exc:  # entities or a DTD: refused, never expanded
        raise InputError(f"{source}: the camt XML file declares XML entities or a DTD "
                         f"({type(exc).__name__}); such files are not read, for safety") from exc
    except (LookupError, ValueError) as exc:  # an encoding Python does not know, and so on
        raise InputError(f"{source}: not a readable camt XML file ({exc})") from exc
    _strip_namespaces(root)
    containers = [el for name in _CONTAINERS for el in root.iter(name)]
    if not containers:
        raise InputError(f"{source}: XML file without camt statements (no Stmt/Rpt/Ntfctn)")
    issues: list[Issue] = []
    all_records: list[dict[str, Any]] = []
    balances: list[StatementBalance] = []
    entry_no = 0
    message_paged = next(root.iter("MsgPgntn"), None) is not None
    for pos, stmt in enumerate(containers, start=1):
        sid = _text(stmt, "Id") or _text(stmt, "LglSeqNb") or _text(stmt, "ElctrncSeqNb") or str(pos)
        base, copy = sid, 1
        while sid in taken:  # else the tie-out would add up two statements' lines as one
            copy += 1
            sid = f"{base} #{copy}"
        taken[sid] = base
        account = _text(stmt, "Acct/Id/IBAN") or _text(stmt, "Acct/Id/Othr/Id")
        bal = _balances(stmt, sid, account, paged=stmt.tag == "Stmt" and (
            stmt.find("StmtPgntn") is not None or message_paged))
        records: list[dict[str, Any]] = []
        for entry in stmt.iterfind("Ntry"):
            entry_no += 1
            records += _entry_lines(entry, entry_no, sid, source, issues)
        if bal.opening is not None and bal.closing is not None:
            records = _settle_reversals(records, bal, sid, source, issues)
        else:  # a report (camt.052) or notification (camt.054): its summary is the check
            issues += _summary_differs(stmt, sid, bal.currency, source)
        _own_side_named(records, stmt, account)
        for r in records:
            if r.pop("_reversal", None) and r["Amount"] > 0:
                # money in that undoes a payment out (a supplier transfer returned): our own
                # money back, never a customer's receipt, whatever its amount or names; the
                # matcher reads the word as a refund
                r["Description"] = " ".join(filter(None, [r.get("Description"), _REVERSED_OUT]))
        if bal.currency is None:
            bal.currency = next((r["Currency"] for r in records if r["Currency"]), None)
        for r in records:  # an amount without its Ccy is in the account's currency
            r["Currency"] = r["Currency"] or bal.currency
            r["_booked_in"] = (stmt.tag, account)
        balances.append(bal)
        all_records += records
    return all_records, balances, issues


def _reported_then_booked(records: list[dict[str, Any]], source: str
                          ) -> tuple[list[dict[str, Any]], list[Issue]]:
    """The records without those of an intraday report (camt.052 ``Rpt``) or a notification
    (camt.054 ``Ntfctn``) that the statement (camt.053 ``Stmt``) of the same account books
    again, by the bank's reference, amount and date: a ZIP of the day's C52 (or C54) and C53
    files holds each such payment twice, and the statement is the booked record. Each left
    out is said (``statement.booked_again``)."""
    kinds = [r.pop("_booked_in") for r in records]
    accounts, reported = [account for _, account in kinds], [kind != "Stmt" for kind, _ in kinds]
    twice = booked_again(records, accounts, reported)
    earlier = reported_before(records, accounts, reported, twice)
    kept, issues = [], []
    for r, again, before in zip(records, twice, earlier, strict=True):
        if before is None and not again:
            kept.append(r)
            continue
        entry = (f"report {r['Statement']}: entry {r.get('Bank Ref')} of "
                 f"{r['Amount']:,.{statement_decimals(r.get('Currency'))}f} "
                 f"{r.get('Currency') or ''}")
        issues.append(Issue(source, r["_at"], "AcctSvcrRef", r.get("Bank Ref"), (
            # (a day's reports repeat its entries)
            f"{entry} on {r['Date']:%Y-%m-%d} is in report {before} of the same account too "
            "(a day's reports repeat its entries): read once, so it is not counted twice"
            if before is not None else
            f"{entry} is booked again in the statement of the same account in the file "
            "(camt.053): read from the statement only, so it is not counted twice")))
    return kept, issues


# the words a reversal that brings money in (RvslInd) adds to its narrative
_REVERSED_OUT = f"{PAYMENT_OUT_REVERSED} (RvslInd)"

_SUMMARY_SIDES = (("TtlCdtNtries", "CRDT", "credits"), ("TtlDbtNtries", "DBIT", "debits"))


def _summary_differs(stmt: Any, sid: str, currency: str | None, source: str) -> list[Issue]:
    """The number and sum of the credit and debit entries the file states (``TxsSummry``)
    against its entries: with no opening and closing balance to tie out (an intraday report,
    a notification), they are what tells an entry missing. Entries not booked count either
    way (the banks differ in whether their summary holds them), and so do the transactions of a
    batch entry (counted as entries by some banks)."""
    summary = stmt.find("TxsSummry")
    if summary is None:
        return []
    entries = [((_text(e, "CdtDbtInd") or "").upper(), abs(_amount(e.find("Amt"))[0] or 0.0),
                _status(e) == "BOOK", max(1, len(e.findall("NtryDtls/TxDtls"))))
               for e in stmt.iterfind("Ntry")]
    d = statement_decimals(currency)
    issues = []
    for tag, side, word in _SUMMARY_SIDES:
        try:
            number = int(_text(summary, f"{tag}/NbOfNtries") or "")
            total = round(float(_text(summary, f"{tag}/Sum") or ""), d)
        except ValueError:
            continue  # not stated (both are optional), or not a number
        booked = [(a, n) for direction, a, book, n in entries if direction == side and book]
        every = [(a, n) for direction, a, _, n in entries if direction == side]
        if any(number in (len(found), sum(n for _, n in found))
               and same_total(total, sum(a for a, _ in found), d)
               for found in (booked, every)):
            continue
        issues.append(totals_differ(source, sid, "TxsSummry", tag, word, (number, total),
                                    (len(booked), round(sum(a for a, _ in booked), d)), d,
                                    "entries"))
    return issues


def _balances(stmt: Any, sid: str, account: str | None, paged: bool = False
              ) -> StatementBalance:
    """The statement's opening (OPBD, else PRCD) and closing (CLBD) balances. A page of a
    statement the bank cut into pages (``paged``: ``StmtPgntn``, or the message's
    ``MsgPgntn``) states its interim booked balance (ITBD) where the page ends and the next
    begins, as an MT940's :62M:/:60M:: the page's first ITBD opens it where it has no OPBD,
    its last closes it where it has no CLBD (one ITBD beside an OPBD closes the page, beside
    a CLBD opens it), and each page is tied out."""
    found: dict[str, tuple[float, pd.Timestamp | None, str | None]] = {}
    interim: list[tuple[float, pd.Timestamp | None, str | None]] = []
    for bal in stmt.iterfind("Bal"):
        code = (_text(bal, "Tp/CdOrPrtry/Cd") or _text(bal, "Tp/CdOrPrtry/Prtry") or "").upper()
        amount, ccy = _amount(bal.find("Amt"))
        if amount is None:
            continue
        if _text(bal, "CdtDbtInd") == "DBIT":
            amount = -abs(amount)  # (some exporters write a debit balance with a minus too)
        if code == "ITBD":
            interim.append((amount, _date(bal, "Dt"), ccy))
        if code not in found:
            found[code] = (amount, _date(bal, "Dt"), ccy)
    opening = found.get("OPBD") or found.get("PRCD")
    closing = found.get("CLBD")
    if paged and interim and not (opening and closing):
        if opening is None and (closing is not None or len(interim) > 1):
            opening = interim[0]
        if closing is None and (found.get("OPBD") or found.get("PRCD") or len(interim) > 1):
            closing = interim[-1]
    ccy = _text(stmt, "Acct/Ccy") or (opening or closing or (None, None, None))[2]
    return StatementBalance(
        sid, account, ccy,
        opening[0] if opening else None, closing[0] if closing else None,
        opening[1] if opening else None, closing[1] if closing else None,
    )


def _entry_lines(entry: Any, entry_no: int, sid: str, source: str,
                 issues: list[Issue]) -> list[dict[str, Any]]:
    """The lines of one entry; each transaction's bank transaction code where it has its
    own, else the entry's."""
    records = _entry_records(entry, entry_no, sid, source, issues)
    code = bank_transaction_code(entry)
    for r in records:
        r.setdefault("Transaction Code", code)
    return records


def _entry_records(entry: Any, entry_no: int, sid: str, source: str,
                   issues: list[Issue]) -> list[dict[str, Any]]:
    status = _status(entry)
    amount, ccy = _amount(entry.find("Amt"))
    raw_amount = _text(entry, "Amt")
    if status == "INFO":  # ISO: provided for information only, never booked on the account
        issues.append(Issue(source, f"entry {entry_no}", "Sts", status,
                            f"statement {sid}: information entry (info) of {raw_amount} "
                            f"{ccy or ''}: not booked on the account; left out".replace(" :", ":")))
        return []
    if status not in ("BOOK",):
        issues.append(Issue(source, f"entry {entry_no}", "Sts", status,
                            f"statement {sid}: {status.lower()} (not booked) entry of {raw_amount} "
                            f"{ccy or ''} left out; it will come on a later statement".replace(
                                " ;", ";")))
        return []
    if amount is None:
        issues.append(Issue(source, f"entry {entry_no}", "Amt", raw_amount,
                            f"statement {sid}: entry amount could not be read; entry left out"))
        return []
    direction = (_text(entry, "CdtDbtInd") or "").upper()
    if direction not in ("CRDT", "DBIT"):  # a sign guessed wrong is worse than a line missing
        issues.append(Issue(source, f"entry {entry_no}", "CdtDbtInd", direction or None,
                            f"statement {sid}: entry of {raw_amount} {ccy or ''} does not say "
                            "whether it is a credit or a debit (CdtDbtInd CRDT/DBIT); entry "
                            "left out".replace("  ", " ")))
        return []
    if amount < 0:
        # camt amounts carry no sign (CdtDbtInd gives it), but some exporters write a debit's
        # with a minus too: "-150.00" DBIT is a debit of 150.00, not money in. One marked
        # CRDT contradicts itself: read by its indicator, as ISO says, and told
        amount = -amount
        if direction == "CRDT":
            issues.append(Issue(source, f"entry {entry_no}", "Amt", raw_amount,
                                f"statement {sid}: entry of {raw_amount} {ccy or ''} is written "
                                "negative but marked as a credit (CdtDbtInd CRDT); read as a "
                                "credit of its amount, as the indicator says: check it against "
                                "the bank's statement".replace("  ", " ")))
    reversal = (_text(entry, "RvslInd") or "").lower() in ("true", "1")  # xs:boolean
    booked = _date(entry, "BookgDt")
    value = _date(entry, "ValDt")
    if booked is None and value is None:  # as a CSV row without a date: reported, left out
        issues.append(Issue(source, f"entry {entry_no}", "BookgDt", raw_amount,
                            f"statement {sid}: entry of {raw_amount} {ccy or ''} has no booking "
                            "or value date that can be read; entry left out".replace("  ", " ")))
        return []
    if booked is None and entry.find("BookgDt") is not None:
        issues.append(Issue(source, f"entry {entry_no}", "BookgDt",
                            _text(entry, "BookgDt/Dt") or _text(entry, "BookgDt/DtTm"),
                            f"statement {sid}: the booking date of the entry of {raw_amount} "
                            f"{ccy or ''} cannot be read; its value date is used".replace(
                                "  ", " ")))
    entry_ref = _bank_reference(entry, "AcctSvcrRef")
    entry_info = _text(entry, "AddtlNtryInf")
    txs = list(entry.iterfind("NtryDtls/TxDtls"))
    base = {"Date": booked or value, "Value Date": value, "Statement": sid, "Balance": None,
            "_reversal": reversal, "_at": f"entry {entry_no}"}
    entry_signed = -amount if direction == "DBIT" else amount
    if not txs:
        rec = _details(None, direction, entry_ref, entry_info, reversal)
        return [{**base, **rec, "Amount": entry_signed, "Currency": ccy}]
    parts = []
    for tx in txs:
        tx_amount, tx_ccy = _amount(tx.find("Amt"))
        if tx_amount is None:
            tx_amount, tx_ccy = _amount(tx.find("AmtDtls/TxAmt/Amt"))
        foreign = tx_amount is not None and None not in (tx_ccy, ccy) and tx_ccy != ccy
        for other in ("AmtDtls/TxAmt/Amt", "AmtDtls/CntrValAmt/Amt", "AmtDtls/InstdAmt/Amt"):
            # the counter value or the instructed amount, where it is in the account's currency;
            # also in place of a transaction amount in the currency the payer sent (EUR 10,000
            # of a batch booked in AED): the batch adds up in the account's currency
            found, found_ccy = _amount(tx.find(other))
            if found is None or found_ccy not in (None, ccy) or (foreign and found_ccy is None):
                continue
            if tx_amount is None or foreign:
                tx_amount, tx_ccy, foreign = found, found_ccy, False
        tx_direction = _text(tx, "CdtDbtInd") or direction
        if tx_amount is not None and tx_amount < 0:
            # written with a minus (as the entry's may be): its own indicator gives the sign;
            # without one, the minus is the exporter's sign of a debit (in a debit batch
            # written as the entry is, or a debit in a credit batch)
            if _text(tx, "CdtDbtInd") is None:
                tx_direction = "DBIT"
            tx_amount = -tx_amount
        parts.append((tx, tx_amount, tx_ccy, tx_direction))
    signed = [(-a if d == "DBIT" else a) if a is not None else None for _, a, _, d in parts]
    charges = _included_charges(entry, txs)
    deducted = (None not in signed and charges and all(c in (None, ccy) for _, _, c, _ in parts)
                and abs(sum(signed) - charges - entry_signed) < 0.005)
    if len(txs) == 1 and not deducted:  # one transaction: the entry as booked
        rec = _details(txs[0], direction, entry_ref, entry_info, reversal, ccy)
        return [{**base, **rec, "Amount": entry_signed, "Currency": ccy}]
    if None in signed or (abs(sum(signed) - entry_signed) >= 0.005 and not deducted):
        places = MINOR_UNITS.get(ccy or "", 2)
        missing = sum(a is None for a in signed)
        # (the payers and references of all of them are in its narrative)
        told = (f", {missing} of which state no amount of their own (TxDtls/AmtDtls)"
                if missing else f" adding up to {sum(signed):,.{places}f}")
        issues.append(Issue(source, f"entry {entry_no}", "TxDtls", raw_amount,
                            f"statement {sid}: batch entry of {amount:,.{places}f} has "
                            f"{len(txs)} transactions{told}; kept as one line"))
        details = [_details(tx, direction, entry_ref, None, currency=ccy) for tx, *_ in parts]
        rec = _details(None, direction, entry_ref, entry_info)
        _one_party(rec, details)
        rec["Description"] = " | ".join(filter(None, [rec["Description"]] + [
            " ".join(filter(None, [d["Counterparty"], d["Description"], d["Reference"]]))
            for d in details]))
        rec["Reference"] = "; ".join(filter(None, [d["Reference"] for d in details])) or None
        return [{**base, **rec, "Amount": entry_signed, "Currency": ccy}]
    out = []
    for (tx, _, tx_ccy, tx_direction), amt in zip(parts, signed, strict=True):
        rec = _details(tx, tx_direction, entry_ref, entry_info, reversal, tx_ccy or ccy,
                       len(txs) == 1)
        out.append({**base, **rec, "Amount": amt, "Currency": tx_ccy or ccy})
    if deducted:  # the bank booked the payments net of its charges: a line of their own
        what = "batch entry" if len(txs) > 1 else "entry"
        out.append({**base, "Amount": -charges, "Currency": ccy, "Reference": None,
                    "Description": f"Bank charges deducted from {what} of {amount:,.2f} "
                                   f"{ccy or ''}".strip(),
                    "Counterparty": None, "Counterparty Account": None, "Bank Ref": entry_ref,
                    "Transaction Code": None})  # the bank's own line, not the entry's kind
    return out


def _fold(name: str | None) -> str:
    """A party's name as two of camt's are compared: upper case, one space between words."""
    return " ".join((name or "").upper().split())


def _one_party(rec: dict[str, Any], details: list[dict[str, Any]]) -> None:
    """The line of a batch entry kept whole names its transactions' party where they all name
    the same one (a customer's two invoices paid in one transfer), and the entry's words
    agree or name none; several different payers: the line names none of them."""
    names = {_fold(d["Counterparty"]) for d in details if d["Counterparty"]}
    if not names:
        return
    accounts = {d["Counterparty Account"] for d in details if d["Counterparty Account"]}
    named = [d for d in details if d["Counterparty"]]
    if (len(names) == 1 and len(named) == len(details)
            and _fold(rec["Counterparty"]) in names | {""}):
        rec["Counterparty"] = named[0]["Counterparty"]
        if len(accounts) == 1 and all(d["Counterparty Account"] for d in details):
            rec["Counterparty Account"] = accounts.pop()
    else:
        rec["Counterparty"] = None  # several payers: the entry's words name one at most


def _included_charges(entry: Any, txs: list[Any]) -> float:
    """Charges the bank took out of the entry's amount: ``Chrgs`` of the entry, else of its
    transactions (v04+: ``TtlChrgsAndTaxAmt``, else the ``Rcrd`` amounts not marked
    ``ChrgInclInd`` false; v02: the ``Amt`` of each ``Chrgs``)."""
    def of(holder: Any) -> float:
        total = 0.0
        for chrgs in holder.iterfind("Chrgs"):
            amount, _ = _amount(chrgs.find("TtlChrgsAndTaxAmt"))
            if amount is None:
                records = [r for r in chrgs.iterfind("Rcrd")
                           if (_text(r, "ChrgInclInd") or "true").lower() != "false"]
                amount = sum(_amount(r.find("Amt"))[0] or 0.0 for r in records)
                if not records:
                    amount = _amount(chrgs.find("Amt"))[0] or 0.0
            total += amount
        return round(total, 3)

    return of(entry) or round(sum(of(tx) for tx in txs), 3)


_USTRD_WIDTHS = (35, 140)  # banks cut long remittance text into Ustrd pieces of these sizes


def _unstructured(tx: Any) -> list[str]:
    """The ``Ustrd`` remittance text as one: a piece that fills its whole width was cut
    mid-word by the bank ("INV-10" + "01"), so the next one follows it without a space."""
    pieces = [x.text for x in tx.iterfind("RmtInf/Ustrd") if x.text and x.text.strip()]
    if not pieces:
        return []
    text = pieces[0]
    for before, piece in zip(pieces, pieces[1:], strict=False):
        cut = (len(before) in _USTRD_WIDTHS and not before[-1].isspace()
               and not piece[0].isspace())
        text += ("" if cut else " ") + piece
    return [" ".join(text.split())]


def _party(tx: Any, role: str) -> tuple[str | None, str | None]:
    name = (_text(tx, f"RltdPties/{role}/Nm") or _text(tx, f"RltdPties/{role}/Pty/Nm")
            or _text(tx, f"RltdPties/Ultmt{role}/Nm") or _text(tx, f"RltdPties/Ultmt{role}/Pty/Nm"))
    account = (_text(tx, f"RltdPties/{role}Acct/Id/IBAN")
               or _text(tx, f"RltdPties/{role}Acct/Id/Othr/Id"))
    return name, account.replace(" ", "") if account else None


def _payer_in_words(text: str | None) -> str | None:
    """The payer a credit's free text names, as an MT940 ``:86:`` is read (``parse_free``: a
    label as REMITTER: or BY ORDER OF:, else INWARD TT FROM X); not a German
    BEGUENSTIGTER:, which on a credit is the account holder (``Narrative.party``)."""
    return parse_free(text).party(money_in=True) if text else None


def _agent(tx: Any, role: str) -> str | None:
    """The party's bank: its BIC (``BIC`` to v02, ``BICFI`` from v04), else its clearing
    member id (a Swiss IID, a German BLZ)."""
    bank = f"RltdAgts/{role}Agt/FinInstnId"
    return (_text(tx, f"{bank}/BICFI") or _text(tx, f"{bank}/BIC")
            or _text(tx, f"{bank}/ClrSysMmbId/MmbId"))


# ISO 20022 reasons a payment or direct debit came back (ExternalReturnReason1Code), the
# usual ones in words; any other is given as its code
_RETURN_REASONS = {
    "AC01": "incorrect account number", "AC04": "account closed", "AC06": "account blocked",
    "AG01": "transaction forbidden", "AM04": "insufficient funds", "AM05": "duplicate",
    "BE05": "unrecognised creditor", "MD01": "no mandate", "MD06": "refund requested by debtor",
    "MD07": "debtor deceased", "MS02": "refused by the debtor", "MS03": "reason not specified",
    "RC01": "bank identifier incorrect", "RR04": "regulatory reason", "SL01": "bank's service",
}


def _returned(tx: Any) -> str | None:
    """A returned payment's reason (``RtrInf``): "Returned: AC06 account blocked"; the bank's
    words (``AddtlInf``) after it, or alone for ``NARR`` (the reason is in the words)."""
    code = (_text(tx, "RtrInf/Rsn/Cd") or _text(tx, "RtrInf/Rsn/Prtry") or "").upper()
    info = " ".join(_texts(tx, "RtrInf/AddtlInf"))
    if code == "NARR":
        code = ""
    if not (code or info):
        return "Returned" if tx.find("RtrInf") is not None else None
    said = " ".join(filter(None, [code, _RETURN_REASONS.get(code)]))
    return "Returned: " + (f"{said} ({info})" if said and info else said or info)


def bank_transaction_code(el: Any) -> str | None:
    """``BkTxCd`` of an entry or a transaction: the ISO domain, family and sub-family
    (``PMNT-RCDT-ESCT``: a SEPA credit transfer received), else the bank's proprietary code
    (``NTRF+166``)."""
    codes = [_text(el, "BkTxCd/Domn/Cd"), _text(el, "BkTxCd/Domn/Fmly/Cd"),
             _text(el, "BkTxCd/Domn/Fmly/SubFmlyCd")]
    given = [c for c in codes if c]
    if len(given) == len(codes):
        return "-".join(given)
    return _text(el, "BkTxCd/Prtry/Cd") or "-".join(given) or None


# a reference printed in groups of a few capitals and digits: "RF18 5390 0754 7034",
# "21 00000 00003 13947 14300 09017"
_GROUPED_CODE = re.compile(r"[A-Z0-9]{1,6}(?: +[A-Z0-9]{1,6})+")


def _sent(tx: Any, currency: str | None) -> str | None:
    """"(paid EUR 10,000.00)": the amount the payer instructed (``AmtDtls/InstdAmt``) where it is
    in another currency than the line's, as a EUR invoice paid into an AED account says it,
    for the reviewer (worded as mt940_import's /OCMT/: no name's words, an amount the matcher
    reads as one). None where it is the line's own currency or not stated."""
    amount, ccy = _amount(tx.find("AmtDtls/InstdAmt/Amt"))
    if amount is None:  # (some banks give the transaction's amount in the currency sent)
        amount, ccy = _amount(tx.find("Amt"))
    if amount is None or not ccy or not currency or ccy == currency:
        return None
    return f"({paid_in_another_currency(ccy, amount)})"


def _details(tx: Any, direction: str, entry_ref: str | None, entry_info: str | None,
             reversal: bool = False, currency: str | None = None,
             whole_entry: bool = True) -> dict[str, Any]:
    """Description, references, counterparty and bank reference of one transaction
    (``currency``: the one its line is booked in; ``whole_entry``: it is its entry's only
    transaction)."""
    if tx is None:
        return {"Description": entry_info, "Reference": None,
                "Counterparty": _payer_in_words(entry_info) if direction == "CRDT" and not
                reversal else None,
                "Counterparty Account": None, "Bank Ref": entry_ref}
    refs: list[str] = []
    for path in ("RmtInf/Strd/CdtrRefInf/Ref", "RmtInf/Strd/RfrdDocInf/Nb",
                 "Refs/EndToEndId"):
        for ref in _texts(tx, path):
            if path.endswith("CdtrRefInf/Ref"):
                # "RF18 5390 0754 7034", a QR reference in groups of five, as printed: one id;
                # words (Handelsbanken's Swish order id "Order 1234 shoes") stay words
                ref = ("".join(ref.split()) if _GROUPED_CODE.fullmatch(ref.strip())
                       else " ".join(ref.split()))
            if ref.upper() not in _PLACEHOLDERS and ref not in refs:
                refs.append(ref)
    desc = _unstructured(tx) + _texts(tx, "RmtInf/Strd/AddtlRmtInf")
    for extra in (_text(tx, "AddtlTxInf"), entry_info, _returned(tx), _sent(tx, currency)):
        if extra and extra not in desc:
            desc.append(extra)
    role, other = ("Dbtr", "Cdtr") if direction == "CRDT" else ("Cdtr", "Dbtr")
    name, account = _party(tx, role)
    if not name and direction == "CRDT" and not reversal:
        # no RltdPties: Gulf and Egyptian banks write the payer only in the words
        # ("INWARD TT FROM X", "REMITTER: X"), as an MT940's :86:
        # ("BATCH CREDIT FROM X" of an entry of several is not each one's payer)
        name = _payer_in_words(_text(tx, "AddtlTxInf")) or (
            _payer_in_words(entry_info) if whole_entry else None)
    ultimate = _text(tx, "RltdPties/UltmtDbtr/Nm") or _text(tx, "RltdPties/UltmtDbtr/Pty/Nm")
    said = on_behalf_of(ultimate, name, " ".join(desc))
    if direction == "CRDT" and not reversal and said:
        # a parent company, an agent or an exchange house paid for the customer the
        # invoice is addressed to (the ultimate debtor): said as the matcher reads it in a
        # narrative, so that one's invoice is paid, whoever sent the money
        desc.append(said)
    bank = _agent(tx, role)
    # the party of the other role: the account holder, unless the bank repeats a reversed
    # payment's parties as they were (_own_side_named)
    other_party = (*_party(tx, other), _agent(tx, other))
    if reversal and not (name or account):
        # a reversal repeats the parties of the payment it undoes, in either convention
        name, account = _party(tx, other)
        bank = bank or _agent(tx, other)
    record = {
        "Description": " ".join(desc) or None,
        "Reference": "; ".join(refs) or None,
        "Counterparty": name,
        "Counterparty Account": account,
        "Bank Ref": _bank_reference(tx, "Refs/AcctSvcrRef") or entry_ref,
        "Counterparty Bank": bank,
        "_other": other_party,
    }
    code = bank_transaction_code(tx)
    if code:  # else the entry's (_entry_lines)
        record["Transaction Code"] = code
    return record


def _own_side_named(records: list[dict[str, Any]], stmt: Any, account: str | None) -> None:
    """A line whose counterparty is the account holder names the other party instead: a
    reversal that repeats the parties of the payment it undoes as they were (a returned
    cheque, DBIT: Cdtr 'OUR COMPANY FZE', Dbtr the customer who paid it) named us. The
    holder is known only for sure: by the statement's account, or its owner's name
    (``Acct/Ownr``). (Not by the names on our side of the other lines: a holder moving money
    between accounts of its own has its name on both sides, VR-Bank's 'Testkonto Nummer 2'.)
    A reversal, though, is known to name us by the name the bank wrote beside the
    statement's own account on a line of it: a batch of returned direct debits names our
    IBAN on one return and only our name on the next."""
    own_names = {_fold(n) for n in (
        _text(stmt, "Acct/Ownr/Nm"), _text(stmt, "Acct/Ownr/Pty/Nm")) if n}
    own_accounts = {account.replace(" ", "")} if account else set()
    beside_the_account = {_fold(n) for r in records
                          for n, a in ((r.get("Counterparty"), r.get("Counterparty Account")),
                                       (r.get("_other") or (None, None))[:2])
                          if n and a and a in own_accounts}

    def holder(name: str | None, acct: str | None, reversal: bool = False) -> bool:
        # the holder's name with another account is the holder's other account (money moved
        # between its own accounts): a party all the same
        if acct:
            return acct in own_accounts
        return bool(name) and (_fold(name) in own_names or (
            reversal and _fold(name) in beside_the_account))

    for r in records:
        other = r.pop("_other", None)
        name, acct = r.get("Counterparty"), r.get("Counterparty Account")
        reversal = bool(r.get("_reversal"))
        if other and (name or acct) and holder(name, acct, reversal) and (
                other[0] or other[1]) and not holder(other[0], other[1], reversal):
            r["Counterparty"], r["Counterparty Account"] = other[0], other[1]
            r["Counterparty Bank"] = other[2]


def _settle_reversals(records: list[dict[str, Any]], bal: StatementBalance, sid: str,
                      source: str, issues: list[Issue]) -> list[dict[str, Any]]:
    """Flip reversal entries only when that, and only that, makes the statement tie out."""
    if not any(r["_reversal"] for r in records):
        return records
    assert bal.opening is not None and bal.closing is not None

    def gap(recs: list[dict[str, Any]]) -> float:
        return abs(bal.opening + sum(r["Amount"] for r in recs) - bal.closing)

    flipped = [{**r, "Amount": -r["Amount"]} if r["_reversal"] else r for r in records]
    if gap(records) >= 0.005 and gap(flipped) < 0.005:
        issues.append(Issue(source, f"statement {sid}", "RvslInd", "true",
                            f"statement {sid}: reversal entries carry the original direction "
                            "(Storno convention); their sign was flipped, which ties the "
                            "statement out"))
        return flipped
    return records
