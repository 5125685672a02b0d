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
  narrative or reference; the receipt's invoice number named there; the receipt's customer
  being the line's payer (by the account it paid from, else by its name), for a receipt dated
  within the statement's period (one dated before was most likely banked on the previous
  statement). Amount and date alone are no evidence: such a line goes through the cascade;
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
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.normalize import fold_text
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
EVIDENCE = ("payment ID", "invoice", "payer")
SUGGESTED_CONFIDENCE = 0.6


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

    @property
    def ambiguous(self) -> bool:
        return self.other_receipt is not None or self.other_line is not None


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
    out: list[Receipt] = []
    split: dict[tuple[str, str, int], Receipt] = {}
    for k, (pid, row, cust, inv, ref, day, date, amount) in enumerate(zip(
            ids, rows, frame["Customer ID"].tolist(), invs, refs, days, dates.tolist(),
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
                          (invoice,) if invoice else ())
        out.append(receipt)
        if key_id:
            split[(key_id, customer, day)] = receipt
    return out


_RUNS = re.compile(r"[A-Z]+|[0-9]+")


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
                  bank_refs_of=lambda pos: ()) -> list[Pairing]:
    """Pair bank credits with recorded receipts (see the module docstring).

    ``lines``: (position, amount in units, day or None, grain) of each credit;
    ``amount_units(receipt, grain)``: the receipt's amount in units at that grain;
    ``text_of(position)``: the line's folded narrative and reference;
    ``payer_of(position)``: (customer, how) of the line's payer, or None (read lazily);
    ``first_day``: the statement's first date (days since 1970);
    ``bank_refs_of(position)``: the line's own transaction references, compared whole
    (``_ref_key``) with the receipt's Payment ID and Reference."""
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
    for pos, amount, day, grain in lines:
        if day is None:
            continue
        for r in by_amount.get((amount, grain), ()):
            lag = day - r.day
            if not -ADVICE_DAYS <= lag <= CLEARING_DAYS:
                continue
            text = text_of(pos)
            evidence = None
            p = pattern("id", r.payment_id)
            q = pattern("ref", r.reference)
            own = bank_refs_of(pos)
            if own and (_ref_key(r.payment_id) in own or _ref_key(r.reference) in own):
                evidence = (0, "it is recorded under the bank's own reference "
                               f"{r.reference or r.payment_id}")
            elif p is not None and p.search(text):
                evidence = (0, f"its Payment ID {r.payment_id} is in the narrative")
            elif (q is not None and q.search(text)) or _number_written(r.reference, text):
                evidence = (0, f"its reference {r.reference} is in the narrative")
            else:
                p = next((pi for i in r.invoices or (r.invoice_no,)
                          if (pi := pattern("inv", i)) is not None and pi.search(text)), None)
                if p is not None:
                    evidence = (1, f"the narrative names its invoice {r.invoice_no}")
                else:
                    # A receipt dated before the statement's period was most likely banked
                    # on the previous statement: its customer paying the same amount again
                    # (a fixed monthly amount) is a new receipt, not evidence.
                    payer = None if r.day < first_day else payer_of(pos)
                    if payer is not None and payer[0] == r.customer:
                        evidence = (2, f"the payer is its customer {r.customer} by {payer[1]}")
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
                texts[pos] = (fold_text(self._descriptions[pos]) + " "
                              + fold_text(self._references[pos]))
            return texts[pos]

        def payer_of(pos: int) -> tuple[str, str] | None:
            # (Read apart from ``f.payer``: the cascade reads names after it has learned the
            # accounts and names of this statement's referenced receipts.)
            if pos not in names:
                payer = self.facts[pos].payer
                if payer is None or not payer.customer:
                    name = self._names[pos]
                    payer = (self.payers.by_name(name) if isinstance(name, str) and name.strip()
                             else self.payers.by_name(self._descriptions[pos], narrative=True))
                # (A name is evidence only when certain, as for the cascade's payer rules.)
                sure = payer is not None and payer.customer and payer.certain
                names[pos] = (str(payer.customer), payer.how or "name") if sure else None
            return names[pos]

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
                                 text_of, payer_of, first_day, bank_refs_of)
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
            conf = SUGGESTED_CONFIDENCE if p.ambiguous else 1.0
            self.allocations.append(Allocation(f.pos, None, r.customer or None, f.remaining, 0,
                                               "recorded", conf, reason, r.invoice_no))
            self.paired_total += f.remaining
            f.remaining = 0
            if not p.ambiguous and p.rank < 2:  # its payer's account, from a certain pairing
                self.payers.learn(r.customer, self._accounts[f.pos], self._names[f.pos])
        paired = {p.receipt.index for p in pairings}
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
        if pairings or any(first.normalize() <= r.date <= last for r in receipts):
            self.unbanked = unbanked_frame(receipts, paired, first, last, self.payers.names,
                                           hints)
