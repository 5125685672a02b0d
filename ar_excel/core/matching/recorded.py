"""Book-to-bank: the bank credits that are receipts already recorded in the books.

Many finance teams post receipts in ``Payments`` as they arrive (the ERP's cash receipts
journal), so when the month's bank reconciliation runs, Payments already holds the month's
receipts and has already reduced the invoices' open amounts. A bank credit that *is* such a
receipt must not be applied a second time, nor be reported as paying a settled invoice: it is
*paired* with the recorded receipt (Method ``recorded``) and leaves the cash-application cascade.

The rule, for a receipt recorded in Payments (a positive amount) and a bank credit:

* the same amount, exact in the line's currency's minor unit (cents, fils);
* the bank booked it from ``ADVICE_DAYS`` before to ``CLEARING_DAYS`` after the receipt's date;
* evidence that it is the same receipt, strongest first: the Payment ID written in the line's
  narrative or reference (or the receipt's own Reference); the receipt's invoice number named
  there, in any of the forms the cascade's reference reading understands (``references``:
  ``INV 2026/3108``, ``Inv#02340``, ``سداد 202602414``, ``INV 3190`` for INV-2026-03190); its
  numeric part alone (``/REF/726`` for INV-2026-00726: the amount agreeing to the minor unit
  is what the cascade asks of such a weak hit); the receipt's customer being the line's payer
  (by the account it paid from, else by a certain name, or by a name that customer and one or
  two others bear alike), for a receipt dated within the statement's period (one dated before
  was most likely banked on the previous statement); last, the amount alone when it is
  unique: among the credits and receipts not paired by evidence, no other credit of the
  amount falls in the receipt's window and no other receipt of it has the line in its window,
  and nothing on the line says someone else paid (an inflow that is no customer's, another
  invoice named, another customer known for sure as the payer, a name that cannot be the
  customer's). A receipt dated before the period pairs so (recorded on the previous
  statement's last days, credited on this one's first: in transit at its end) only when no
  open invoice has exactly the line's amount: it may have been banked on the previous
  statement and the line be the next instalment (an invoice paid in equal parts), which the
  cascade applies. A round amount (part payments are) makes such a pairing only suggested;
* one to one: pairs are taken strongest evidence first, then nearest date (a bank date on or
  after the receipt's before one before it), then statement order, then Payments order, so the
  result does not depend on anything but the inputs.

A pairing is ``Suggested`` rather than ``Matched`` when another recorded receipt fits the line
with the same kind of evidence and stays unpaired (or another line fits the receipt that way
and stays unpaired): which of the two receipts the bank holds needs a person.

Receipts dated within the statement's period (its first to its last date) that no line pairs
with are reconciling items, recorded in the books and not in the bank: deposits in transit
near the period's end, otherwise a receipt posted in error (wrong date, amount or account).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ar_excel.core.matching.booking import Allocation
from ar_excel.core.matching.deposit_batches import DEPOSIT_WORDS, pair_deposits
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.names import name_tokens
from ar_excel.core.matching.normalize import fold_text
from ar_excel.core.matching.payers import CERTAIN_NAME, MARGIN, Payer
from ar_excel.core.matching.references import InvoiceIndex
from ar_excel.core.money import TOTAL_DECIMALS
from ar_excel.core.non_cash import non_cash
from ar_excel.core.receipts_to_post import bank_line_positions, payment_id_of_line
from ar_excel.parsing import is_blank, parse_text

# The window around a receipt's date in which its bank credit is looked for. A cheque or a
# transfer is recorded when it arrives and credited after clearing: one to three working days,
# plus a weekend (Friday-Saturday in the Gulf, Saturday-Sunday elsewhere) and a bank holiday
# make up to a week. The books may also date a receipt after the bank credited it, when it is
# posted from the remittance advice or the bank's notice: a few days.
CLEARING_DAYS = 7
ADVICE_DAYS = 3

UNBANKED_COLUMNS = ["Payment ID", "Date", "Customer ID", "Customer", "Invoice No", "Amount",
                    "Reason"]

# The kinds of evidence, strongest first (rank = position).
EVIDENCE = ("payment ID", "invoice", "invoice's numeric part", "payer", "amount alone")
BY_ID, BY_INVOICE, BY_TAIL, BY_PAYER, BY_AMOUNT = range(len(EVIDENCE))
# An invoice's numeric part (its tail: 726 of INV-2026-00726) names it, the amount agreeing,
# from this many digits (fewer are any number's).
TAIL_DIGITS = 3
SUGGESTED_CONFIDENCE = 0.6
AMOUNT_ALONE_CONFIDENCE = 0.9  # certain (Matched), the weakest evidence said so
# A name fitting this many customers equally (a name two or three customers bear) still says
# which of them a receipt of the amount is from; more is a generic name.
SHARED_NAME_CUSTOMERS = 3


@dataclass(slots=True)
class Receipt:
    """One receipt recorded in Payments, read once."""

    index: int  # position in the receipts frame (Payments order)
    payment_id: str
    customer: str
    invoice_no: str | None
    day: int  # days since 1970
    date: pd.Timestamp
    amount: float
    reference: str | None = None  # the receipt's Reference (a bank or cheque reference)
    invoices: tuple[str, ...] = ()  # every invoice of a receipt recorded over several rows
    method: str | None = None  # how it was paid, as Payments says (folded): cheques deposited together


@dataclass(slots=True)
class Pairing:
    """A bank line paired with a recorded receipt."""

    line: int
    receipt: Receipt
    evidence: str  # the words for the reason
    rank: int
    lag: int  # bank date less receipt date, in days
    # What fits as well and stays unpaired (the pairing is then only suggested): another
    # recorded receipt, or another bank line (its position).
    other_receipt: Receipt | None = None
    other_line: int | None = None
    doubt: str | None = None  # why a pairing by the amount alone is only suggested

    @property
    def ambiguous(self) -> bool:
        return self.other_receipt is not None or self.other_line is not None

    @property
    def suggested(self) -> bool:
        return self.ambiguous or self.doubt is not None


def payer_customers(payer: Payer | None) -> tuple[frozenset[str], str] | None:
    """(customers, how) of a line's payer as evidence: the one customer known for sure (by
    account, or a certain name), or the few customers a name scoring as certain fits equally
    (``MARGIN`` apart: Diamond Textiles and DIAMOND TEXTILES); None otherwise."""
    if payer is None:
        return None
    if payer.customer and payer.certain:
        return frozenset((str(payer.customer),)), payer.how or "name"
    top = max((s for _, s in payer.candidates), default=0.0)
    if payer.customer or top < CERTAIN_NAME:
        return None
    fit = frozenset(str(c) for c, s in payer.candidates if s > top - MARGIN)
    return (fit, "name") if len(fit) <= SHARED_NAME_CUSTOMERS else None


def key_text(value: object) -> str | None:
    """An ID as text (a number typed into a cell: without its ``.0``), None when blank."""
    return None if is_blank(value) else parse_text(value)


def receipts_in_window(payments: pd.DataFrame | None, first: pd.Timestamp,
                       last: pd.Timestamp) -> pd.DataFrame | None:
    """The receipts of Payments a line of a statement from ``first`` to ``last`` can be: cash
    (not a write-off, discount or tax withheld: ``core.non_cash``), a positive amount, dated
    from ``CLEARING_DAYS`` before the first date to ``ADVICE_DAYS`` after the last. None when
    there is none (the common book: results as before)."""
    if payments is None or not len(payments) or "Date" not in payments \
            or "Amount" not in payments or pd.isna(first) or pd.isna(last):
        return None
    dates = pd.to_datetime(payments["Date"], errors="coerce")
    amount = pd.to_numeric(payments["Amount"], errors="coerce")
    keep = ((amount > 0) & (dates >= first.normalize() - pd.Timedelta(days=CLEARING_DAYS))
            & (dates <= last.normalize() + pd.Timedelta(days=ADVICE_DAYS)))
    keep &= ~non_cash(payments)  # a write-off or tax withheld is in no bank
    if not keep.any():
        return None
    return payments[keep].reset_index(drop=True)


def read_receipts(frame: pd.DataFrame) -> list[Receipt]:
    """The receipts of ``frame``. Rows sharing a Payment ID, a customer and a date are one
    receipt applied to several invoices (a cash receipts journal's allocation lines, or one
    transfer posted per invoice): one bank credit of their total."""
    dates = pd.to_datetime(frame["Date"]).dt.normalize()
    days = dates.to_numpy().astype("datetime64[D]").astype(np.int64).tolist()
    blank = [None] * len(frame)
    ids = frame["Payment ID"].tolist() if "Payment ID" in frame else blank
    rows = frame["_row"].tolist() if "_row" in frame else blank
    invs = frame["Invoice No"].tolist() if "Invoice No" in frame else blank
    refs = frame["Reference"].tolist() if "Reference" in frame else blank
    methods = frame["Method"].tolist() if "Method" in frame else blank
    out: list[Receipt] = []
    split: dict[tuple[str, str, int], Receipt] = {}
    for k, (pid, row, cust, inv, ref, method, day, date, amount) in enumerate(zip(
            ids, rows, frame["Customer ID"].tolist(), invs, refs, methods, days, dates.tolist(),
            frame["Amount"].astype("float64").tolist(), strict=True)):
        key_id, customer, invoice = key_text(pid), key_text(cust) or "", key_text(inv)
        same = split.get((key_id, customer, day)) if key_id else None
        if same is not None:
            same.amount = round(same.amount + amount, TOTAL_DECIMALS)
            if invoice and invoice not in same.invoices:
                same.invoices += (invoice,)
                same.invoice_no = ", ".join(same.invoices)
            continue
        name = key_id or (f"Payments row {row}" if row is not None else f"receipt {k + 1}")
        receipt = Receipt(k, name, customer, invoice, day, date, amount, key_text(ref),
                          (invoice,) if invoice else (),
                          fold_text(method) or None if not is_blank(method) else None)
        out.append(receipt)
        if key_id:
            split[(key_id, customer, day)] = receipt
    return out


_RUNS = re.compile(r"[A-Z]+|[0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]")


def _number_written(reference: str | None, text: str) -> bool:
    """A reference's own long number (the cheque number of "CHQ 648914", six digits or more)
    written whole in the narrative, whatever words the bank puts around it ("CHQ NO 648914",
    "CLG 648914")."""
    if not reference:
        return False
    digits = max(re.findall(r"[0-9]+", fold_text(reference)), key=len, default="")
    return len(digits) >= 6 and re.search(rf"(?<![0-9]){digits}(?![0-9])", text) is not None


def _ref_key(value: object) -> str | None:
    """A transaction reference compared whole: folded, without spaces and punctuation."""
    if value is None:
        return None
    key = "".join(_RUNS.findall(fold_text(str(value))))
    return key if len(key) >= 4 else None


def written_pattern(key: str | None, min_chars: int = 3) -> re.Pattern | None:
    """A pattern finding an ID (``INV-2026-0042``, ``RCV/118``) in a folded narrative in any
    formatting (``INV 2026/0042``, ``inv20260042``), not as part of a longer number or word;
    None for an ID too short or without a digit to be told from ordinary words."""
    runs = _RUNS.findall(fold_text(key)) if key else []
    if sum(len(r) for r in runs) < min_chars or not any(r.isdigit() for r in runs):
        return None
    body = r"[^A-Z0-9]{0,3}".join(re.escape(r) for r in runs)
    return re.compile(r"(?<![A-Z0-9])" + body + r"(?![0-9])")


def pair_receipts(lines: list[tuple[int, int, int | None, int]], receipts: list[Receipt],
                  amount_units, text_of, payer_of, first_day: int,
                  bank_refs_of=lambda pos: (), invoices_named=lambda pos: ((), ()),
                  someone_else=lambda pos, r: True, round_amount=lambda amount, grain: True,
                  invoice_of_amount=lambda pos: True) -> list[Pairing]:
    """Pair bank credits with recorded receipts (see the module docstring).

    ``lines``: (position, amount in units, day or None, grain) of each credit;
    ``amount_units(receipt, grain)``: the receipt's amount in units at that grain;
    ``text_of(position)``: the line's folded narrative and reference;
    ``payer_of(position)``: (customers, how) of the line's payer: one customer known for sure,
    or the few a name fits equally; None (read lazily);
    ``first_day``: the statement's first date (days since 1970);
    ``bank_refs_of(position)``: the line's own transaction references, compared whole
    (``_ref_key``) with the receipt's Payment ID and Reference;
    ``invoices_named(position)``: the receipts (their ``index``) whose invoice the line names
    in full, and those whose invoice it writes by its numeric part only;
    ``someone_else(position, receipt)``: whether the line says someone else paid (the amount
    alone is then no evidence); ``round_amount(amount, grain)``: whether an amount is round;
    ``invoice_of_amount(position)``: whether an open invoice has exactly the line's amount."""
    by_amount: dict[tuple[int, int], list[Receipt]] = defaultdict(list)
    for grain in {g for *_, g in lines}:
        for r in receipts:
            by_amount[(amount_units(r, grain), grain)].append(r)
    patterns: dict[tuple[str, str], re.Pattern | None] = {}

    def pattern(kind: str, key: str | None) -> re.Pattern | None:
        if key is None:
            return None
        if (kind, key) not in patterns:
            patterns[(kind, key)] = written_pattern(key)
        return patterns[(kind, key)]

    candidates: list[tuple[int, int, int, int, int, str, int]] = []
    # Every line and receipt of the same amount within the window, evidence or not (for the
    # amount's uniqueness): line -> receipts, receipt -> lines.
    fits_line: dict[int, list[Receipt]] = defaultdict(list)
    fits_receipt: dict[int, list[int]] = defaultdict(list)
    line_of = {pos: (amount, day, grain) for pos, amount, day, grain in lines}
    for pos, amount, day, grain in lines:
        if day is None:
            continue
        for r in by_amount.get((amount, grain), ()):
            lag = day - r.day
            if not -ADVICE_DAYS <= lag <= CLEARING_DAYS:
                continue
            fits_line[pos].append(r)
            fits_receipt[r.index].append(pos)
            text = text_of(pos)
            evidence = None
            p = pattern("id", r.payment_id)
            q = pattern("ref", r.reference)
            own = bank_refs_of(pos)
            if own and (_ref_key(r.payment_id) in own or _ref_key(r.reference) in own):
                evidence = (BY_ID, "it is recorded under the bank's own reference "
                                   f"{r.reference or r.payment_id}")
            elif p is not None and p.search(text):
                evidence = (BY_ID, f"its Payment ID {r.payment_id} is in the narrative")
            elif (q is not None and q.search(text)) or _number_written(r.reference, text):
                evidence = (BY_ID, f"its reference {r.reference} is in the narrative")
            elif r.index in invoices_named(pos)[0] or any(
                    (pi := pattern("inv", i)) is not None and pi.search(text)
                    for i in r.invoices or (r.invoice_no,)):
                evidence = (BY_INVOICE, f"the narrative names its invoice {r.invoice_no}")
            elif r.index in invoices_named(pos)[1]:
                evidence = (BY_TAIL, "the narrative writes its invoice's number "
                                     f"{r.invoice_no} by its numeric part")
            elif r.day >= first_day:
                # A receipt dated before the statement's period was most likely banked on the
                # previous statement: its customer paying the same amount again (a fixed
                # monthly amount) is a new receipt, not evidence.
                payer = payer_of(pos)
                if payer is not None and r.customer in payer[0]:
                    shared = sorted(payer[0] - {r.customer})
                    evidence = (BY_PAYER, f"the payer is its customer {r.customer} by {payer[1]}"
                                + (f" (a name {', '.join(shared)} bears too)" if shared else ""))
            if evidence is not None:
                candidates.append((evidence[0], abs(lag), int(lag < 0), pos, r.index,
                                   evidence[1], lag))
    candidates.sort()
    by_index = {r.index: r for r in receipts}
    line_taken: dict[int, Pairing] = {}
    receipt_taken: set[int] = set()
    for rank, _dist, _before, pos, index, words, lag in candidates:
        if pos in line_taken or index in receipt_taken:
            continue
        line_taken[pos] = Pairing(pos, by_index[index], words, rank, lag)
        receipt_taken.add(index)
    # Ambiguity: an alternative with the same kind of evidence that stays unpaired.
    paired_receipts = {p.receipt.index: p for p in line_taken.values()}
    for rank, _dist, _before, pos, index, *_ in candidates:
        pairing = line_taken.get(pos)
        if pairing is not None and pairing.rank == rank and index not in receipt_taken \
                and pairing.other_receipt is None:
            pairing.other_receipt = by_index[index]
        pairing = paired_receipts.get(index)
        if pairing is not None and pairing.rank == rank and pos not in line_taken \
                and pairing.other_line is None:
            pairing.other_line = pos
    # Last, the amount alone, where it is unique among what evidence left unpaired: one line
    # of the amount in the receipt's window, and that line in no other receipt's window.
    for r in receipts:
        if r.index in receipt_taken:
            continue
        open_lines = [pos for pos in fits_receipt.get(r.index, ()) if pos not in line_taken]
        if len(open_lines) != 1:
            continue
        pos = open_lines[0]
        if [o for o in fits_line[pos] if o.index not in receipt_taken] != [r] \
                or someone_else(pos, r) or (r.day < first_day and invoice_of_amount(pos)):
            continue
        amount, day, grain = line_of[pos]
        pairing = Pairing(pos, r, "no other credit of this amount is in its clearing window, "
                                  "nor another recorded receipt of it", BY_AMOUNT, day - r.day)
        if round_amount(amount, grain):
            pairing.doubt = "but a round amount may be another receipt: check it is this one"
        line_taken[pos] = pairing
        receipt_taken.add(r.index)
    return [line_taken[pos] for pos in sorted(line_taken)]


def unbanked_frame(receipts: list[Receipt], paired: set[int], first: pd.Timestamp,
                   last: pd.Timestamp, names: dict[str, str],
                   same_amount: dict[int, list[str]]) -> pd.DataFrame:
    """The receipts dated within the statement's period that no bank line pairs with, in date
    order (Payments order within a day), with why they matter."""
    first, last = first.normalize(), last.normalize()
    transit_from = last - pd.Timedelta(days=CLEARING_DAYS)
    rows = []
    for r in sorted(receipts, key=lambda r: (r.day, r.index)):
        if r.index in paired or not first <= r.date <= last:
            continue
        if r.date > transit_from:
            reason = (f"recorded in the books, not in the bank: a deposit in transit if the bank "
                      f"credits it after {last:%Y-%m-%d}, else check the posting")
        else:
            reason = ("recorded in the books, not in the bank: check the posting (date, amount, "
                      "customer) or whether the deposit was made")
        if same_amount.get(r.index):
            reason += ("; bank line " + ", ".join(same_amount[r.index])
                       + " has the same amount but nothing says it is this receipt")
        rows.append({"Payment ID": r.payment_id, "Date": r.date, "Customer ID": r.customer,
                     "Customer": names.get(r.customer, ""), "Invoice No": r.invoice_no,
                     "Amount": r.amount, "Reason": reason})
    frame = pd.DataFrame(rows, columns=UNBANKED_COLUMNS)
    frame["Date"] = frame["Date"].astype("datetime64[ns]")
    frame["Amount"] = frame["Amount"].astype("float64")
    return frame


class RecordedPairing:
    """Pairs the statement's credits with the receipts of Payments (a part of ``Matcher``)."""

    def pair_recorded(self) -> None:
        """Credits that are receipts already recorded in Payments (``recorded``): paired with
        them (Method ``recorded``), not applied again; the period's recorded receipts no line
        pairs with are listed in ``unbanked``."""
        receipts = read_receipts(self.recorded)
        unit = self.inv.unit
        credits = [(f.pos, f.amount, f.date, f.grain)
                   for f in sorted(self.facts.values(), key=lambda f: f.pos)]
        texts: dict[int, str] = {}
        names: dict[int, tuple[str, str] | None] = {}

        def text_of(pos: int) -> str:
            if pos not in texts:
                texts[pos] = self._line_text(pos)
            return texts[pos]

        def payer_of(pos: int) -> tuple[frozenset[str], str] | None:
            # (Read apart from ``f.payer``: the cascade reads names after it has learned the
            # accounts and names of this statement's referenced receipts.)
            if pos not in names:
                payer = self.facts[pos].payer
                if payer is None or not payer.customer:
                    name = self._names[pos]
                    payer = (self.payers.by_name(name) if isinstance(name, str) and name.strip()
                             else self.payers.by_name(self._descriptions[pos], narrative=True))
                names[pos] = payer_customers(payer)
            return names[pos]

        # The receipts' invoices, read in the narratives as the cascade reads open invoices.
        # (Each number once: an invoice paid in parts is one invoice, ``INV 3190`` names it.)
        receipts_of: dict[str, list[int]] = defaultdict(list)
        by_index = {r.index: r for r in receipts}
        for r in receipts:
            for i in r.invoices:
                receipts_of[i].append(r.index)
        numbers = list(receipts_of)
        index = InvoiceIndex(numbers) if numbers else None
        named: dict[int, tuple[set[int], set[int], set[int]]] = {}

        def invoices_read(pos: int) -> tuple[set[int], set[int], set[int]]:
            # (receipts whose invoice the line names in full, by its numeric part only, and
            # surely: ``references``)
            if pos not in named:
                f, sure = self.facts[pos], set()
                strong, weak = (index.lookup(f.numbers, named=f.category is None, sure=sure)
                                if index is not None and _HAS_DIGIT.search(f.numbers)
                                else ((), ()))
                weak = [k for k in weak if len(index.tails[k]) >= TAIL_DIGITS]
                found = [{r for k in keys for r in receipts_of[numbers[k]]}
                         for keys in (strong, weak, sure)]
                # (A numeric part is many invoices' (815 of ف-2026-0815 and SI-26/00815): from
                # a payer known for sure to be another customer, that has an open invoice the
                # line names, it writes that one's invoice. Naming none of the payer's, the
                # number is the recorded receipt's invoice all the same: the payer paying for
                # a related company, and the amount of an open invoice of its own no proof.)
                payer = payer_of(pos) if found[1] else None
                if payer is not None and len(payer[0]) == 1 and any(
                        self.inv.customer[p] in payer[0] for p in f.strong | f.weak):
                    kept = {r for r in found[1] if by_index[r].customer in payer[0]}
                    # (One left of exactly the amount may be this money all the same: a
                    # related company paying; the cascade's reading is then only suggested.)
                    same = [by_index[r] for r in sorted(found[1] - kept)
                            if units(by_index[r].amount, f.grain, unit) == f.amount]
                    if same:
                        self.recorded_doubt[pos] = same[0]
                    found[1] = kept
                named[pos] = tuple(found)
            return named[pos]

        def someone_else(pos: int, r: Receipt) -> bool:
            """Whether the line says it is not the receipt's customer's money: an inflow that
            is no customer's, another invoice named, another payer known, a name unlike."""
            f = self.facts[pos]
            if f.category is not None:
                return True
            own = set(r.invoices)
            if any(self.inv.number[p] not in own for p in f.strong - f.loose) \
                    or invoices_read(pos)[2] - {r.index}:
                return True
            payer = payer_of(pos)
            if payer is not None and len(payer[0]) == 1 and r.customer not in payer[0]:
                return True
            # A name that cannot be the customer's (``name_fits``: in its script and sharing
            # no word; a transliteration proves nothing) is a third party's.
            name = self._printed_name(pos)
            if not name:
                name = self.payers.narrative_sender(self._descriptions[pos])
                if len(name_tokens(name)) < 2:
                    return False
            return not self.payers.name_fits(r.customer, name)

        first, last = self.period
        first_day = int(first.normalize().to_datetime64().astype("datetime64[D]").astype(np.int64))
        bank_line = (self.lines["Bank Line"].tolist() if "Bank Line" in self.lines
                     else list(range(1, len(self.lines) + 1)))
        bank_ref = (self.lines["Bank Ref"].tolist() if "Bank Ref" in self.lines
                    else [None] * len(self.lines))

        dates = pd.to_datetime(self.lines["Date"]).tolist()
        positions = bank_line_positions(self.lines)

        def bank_refs_of(pos: int) -> set[str]:
            # The ID Receipts To Post gave the line's receipt: BNK-20261105-12 for a line known
            # only by its position, else the bank's id.
            line = bank_line[pos]
            posted = payment_id_of_line(line, dates[pos],
                                        None if positions is None else str(line) in positions)
            return {k for v in (bank_ref[pos], posted) if not is_blank(v) and (k := _ref_key(v))}

        pairings = pair_receipts(credits, receipts, lambda r, g: units(r.amount, g, unit),
                                 text_of, payer_of, first_day, bank_refs_of,
                                 lambda pos: invoices_read(pos)[:2], someone_else,
                                 lambda amount, grain: amount % self.inv.tens == 0,
                                 lambda pos: bool(self.inv.untouched_of_amount(
                                     self.facts[pos].amount, self.facts[pos].currency)))
        for p in pairings:
            f, r = self.facts[p.line], p.receipt
            reason = (f"recorded in Payments as {r.payment_id} on {r.date:%Y-%m-%d}: "
                      f"{p.evidence}; already in the books, not applied again")
            if p.other_receipt is not None:
                o = p.other_receipt
                reason += (f"; but recorded receipt {o.payment_id} of {o.date:%Y-%m-%d} fits "
                           "as well: check which one the bank holds")
            elif p.other_line is not None:
                reason += (f"; but bank line {bank_line[p.other_line]} fits it as well: check "
                           "which one it is")
            if p.doubt is not None:
                reason += f"; {p.doubt}"
            conf = (SUGGESTED_CONFIDENCE if p.suggested
                    else AMOUNT_ALONE_CONFIDENCE if p.rank == BY_AMOUNT else 1.0)
            self.allocations.append(Allocation(f.pos, None, r.customer or None, f.remaining, 0,
                                               "recorded", conf, reason, r.invoice_no))
            self.paired_total += f.remaining
            f.remaining = 0
            if not p.suggested and p.rank <= BY_INVOICE:  # its payer's account, when certain
                self.payers.learn(r.customer, self._accounts[f.pos], self._names[f.pos])
        paired = {p.receipt.index for p in pairings}
        deposited = self._pair_deposits(receipts, paired, text_of, payer_of)
        paired |= deposited
        # A line of the same amount near an unbanked receipt, without evidence, is a hint.
        open_lines: dict[tuple[int, int], list[LineFacts]] = defaultdict(list)
        for f in self.facts.values():
            if f.remaining > 0 and f.date is not None:
                open_lines[(f.amount, f.grain)].append(f)
        hints: dict[int, list[str]] = {}
        grains = {f.grain for f in self.facts.values()}
        for r in receipts:
            if r.index in paired:
                continue
            near = sorted(f.pos for g in grains
                          for f in open_lines.get((units(r.amount, g, unit), g), ())
                          if -ADVICE_DAYS <= f.date - r.day <= CLEARING_DAYS)
            if near:
                hints[r.index] = [str(bank_line[pos]) for pos in near[:3]]
        # Receipts only from before the period and none paired: nothing of the period's books
        # to report (the tab and the rows are left out, as for a book without receipts).
        if pairings or deposited or any(first.normalize() <= r.date <= last for r in receipts):
            self.unbanked = unbanked_frame(receipts, paired, first, last, self.payers.names,
                                           hints)

    def _pair_deposits(self, receipts: list[Receipt], paired: set[int], text_of,
                       payer_of) -> set[int]:
        """Credits left unpaired that are deposits of several receipts left unpaired
        (``deposit_batches``): each receipt a row of the line's, Method ``recorded``. Returns
        the receipts paired so."""
        left = [r for r in receipts if r.index not in paired]
        if len(left) < 2:
            return set()
        # (In any order: ``pair_deposits`` takes the credits by position.)
        lines = [(f.pos, f.amount, f.date, f.grain) for f in self.facts.values()
                 if f.remaining == f.amount and f.date is not None and f.category is None]
        if not lines:
            return set()
        by_index = {r.index: r for r in left}
        unit = self.inv.unit

        def says_otherwise(pos: int, members: tuple[int, ...]) -> bool:
            f = self.facts[pos]
            own = {i for m in members for i in by_index[m].invoices}
            if any(self.inv.number[p] not in own for p in f.strong - f.loose):
                return True
            payer = payer_of(pos)
            customers = {by_index[m].customer for m in members}
            return payer is not None and len(payer[0]) == 1 and not payer[0] <= customers

        deposits = pair_deposits(lines, [(r.index, r.day, r.method) for r in left],
                                 lambda i, g: units(by_index[i].amount, g, unit),
                                 (ADVICE_DAYS, CLEARING_DAYS),
                                 lambda pos: DEPOSIT_WORDS.search(text_of(pos)) is not None,
                                 says_otherwise)
        out: set[int] = set()
        for d in deposits:
            f = self.facts[d.line]
            members = [by_index[i] for i in d.receipts]
            ids = ", ".join(r.payment_id for r in members)
            kind = f"the {d.method.lower()} " if d.method else ""
            reason = (f"a deposit of {len(members)} receipts recorded in Payments on "
                      f"{members[0].date:%Y-%m-%d} ({ids}): all {kind}receipts of that day "
                      "still unpaired, their total the credit; already in the books, not "
                      "applied again")
            if not d.matched:
                reason += "; nothing on the line says it is a deposit: check the slip"
            conf = 1.0 if d.matched else SUGGESTED_CONFIDENCE
            left_units = f.remaining
            for k, r in enumerate(members):
                amount = left_units if k == len(members) - 1 else units(r.amount, f.grain, unit)
                left_units -= amount
                self.allocations.append(Allocation(f.pos, None, r.customer or None, amount, 0,
                                                   "recorded", conf, reason, r.invoice_no))
            self.paired_total += f.remaining
            f.remaining = 0
            out.update(d.receipts)
        return out
