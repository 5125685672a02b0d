"""Stage 2: only the invoice's numeric part, or a mistyped number, in the narrative.

Accounting rule: ``123`` or ``INV 4557`` names an invoice less surely than ``INV-2024-0123``:
many invoices of a ledger end so, and a PO, cheque or phone number may be the same digits. It
settles an invoice when the amount confirms it (one customer's named invoices make it exactly,
or fall short of one within the fee tolerance, or one is paid less income tax withheld at a
policy rate, to the minor unit; two or more of one customer's, all it has named, paid less a
bank charge within the tolerance or less tax withheld, when no other customer's are), or the payer (by account or name, even a name
shared by several customers of which only one has that number) is the invoice's customer. A
part payment or an overpayment is read only when the number has 4+ digits, or is called an
invoice or is the reference field, and is no PO / cheque / phone number. A number one digit
away from an open invoice whose open amount is the receipt names it (``reference-fuzzy``) when
the payer agrees, else it is a suggestion.

A range of invoices too wide to list (``INV 383-660``, ``فواتير ٣٨٣ الى ٦٦٠``) names its first
and last invoices and leaves open which between them are paid: it settles one customer's
invoices of that series from the first to the last, both ends included, when exactly one set of
them makes the amount exactly (or falls short of it within the fee tolerance), no other
customer's pair of ends does, and so large a set making it by chance is unlikely.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from ar_excel.core.matching.amounts import find_subsets
from ar_excel.core.matching.booking import MATCHED, Allocation
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.normalize import (
    digit_runs,
    fold_text,
    invoice_mentions,
    invoice_ranges,
    one_digit_apart,
    other_numbers,
    writes_to,
)
from ar_excel.core.matching.references import NAMED_TAIL_LENGTH, printed_dates
from ar_excel.core.matching.withholding import Reading
from ar_excel.parsing import is_blank

# A group of digits between separators, inside a longer number (the 2026 and 09 of
# INV/2026/09/0022).
_INNER_GROUP = re.compile(r"(?<=[/-])(\d+)(?=[/-]\w)")
# A mistyped number is read as one of the payer's own only this long (chance makes shorter
# ones one digit off some invoice), among at most this many open invoices of the payer's.
LONG_NUMBER = 6
MAX_OWN_SCAN = 300
# A short number (3 digits) names a payer's invoice when the payer has so few open invoices
# that one ends so by chance less often than this.
SHORT_TAIL_CHANCE = 0.02
SHORT_TAIL_DIGITS = 3
# A number written as what a transfer pays (folded text): PART PAYMENT 686, ON ACC 764,
# سداد 714, دفعة من 832.
_PAID_NUMBER = re.compile(r"(?:\bPART(?:IAL)?(?: PAYMENT)?|\bON ACC(?:OUNT)?|\bSETTLEMENT(?: OF)?|"
                          r"سداد|دفعه(?: من)?)[\s:#.-]*(\d{3,4})(?!\d)")
# A number written with leading zeros to 4 digits or more (0164, 00108).
_PADDED_RUN = re.compile(r"(?<!\d)(0\d{3,})(?!\d)")
# How far beyond the last number of its series in the book an invoice not booked yet may be.
NEXT_INVOICES = 50
# An invoice number's series: what comes before its last digit group (SI-26/ of SI-26/00383),
# of these digits (Western, Arabic-Indic, Persian; a string for ``str.rstrip`` too).
_TAIL_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_LAST_DIGITS = re.compile(f"[{_TAIL_DIGITS}]+$")
_DIGIT = re.compile(r"[0-9]")
_DIGIT_RUN = re.compile(r"\d+")
# Digits written after letters, as an invoice number is (SI-5079, INV5079, F2026/00902).
_AFTER_LETTERS = re.compile(r"[A-Z\u0600-\u06ff]+[-/.#]?((?:\d+[-/.]?)*\d{3,})(?!\d)")
# The words ``other_numbers`` reads a number after (most narratives have none).
_OTHER_WORD = re.compile(r"PO|ORDER|CH|TEL|MOB|PHONE|CIF|CUST|CONTRACT|BILL ACC|SUBSCRIBER|شيك|"
                         r"شراء|تليفون|موبايل")
# Sets of a range's invoices making the amount by chance, below which the one set is the one paid.
RANGE_CHANCE = 0.02


def _series_of(number: str) -> str:
    """An invoice number's series (``_LAST_DIGITS``), as compared: upper case."""
    return _LAST_DIGITS.sub("", number).upper()


_NOT_A_DIGIT = re.compile(r"\D")


def series_tops(numbers: set[str]) -> dict[tuple[str, int], str]:
    """Each series' highest number among ``numbers`` (stripped), as its digits, by (series,
    count of digits); a number not ending in digits has no series. (The series is the number
    less its last digits, as ``_series_of`` reads it: cut with ``rstrip``, as the book's
    hundreds of thousands of numbers are read here, where the pattern's ``+$`` is tried from
    every position of each.)"""
    # (A number's digits are its series' and then its last digits: the highest last digits
    # of each length are kept for each series as written, and its digits read once.)
    tails: dict[str, dict[int, str]] = {}
    for number in numbers:
        series = number.rstrip(_TAIL_DIGITS)
        cut = len(series)
        if cut == len(number):
            continue
        tail = number[cut:]
        best = tails.get(series)
        if best is None:
            best = tails[series] = {}
        if tail > best.get(len(tail), ""):
            best[len(tail)] = tail
    top: dict[tuple[str, int], str] = {}
    for series, best in tails.items():
        upper, digits = series.upper(), _NOT_A_DIGIT.sub("", series)
        for tail in best.values():
            d = digits + tail
            key = (upper, len(d))
            if d > top.get(key, ""):
                top[key] = d
    return top


class PartialReferences:
    """Stage 2 of the cascade, and the mistyped numbers stage 1 weighs (a part of ``Matcher``)."""

    @staticmethod
    def _runs(f: LineFacts) -> list[str]:
        """The runs of 4+ digits the line's narrative writes, read once per line; not those
        it calls a cheque, an order (LPO 4512) or a phone number, nor a date it prints
        (بتاريخ 2026/3/15 beside invoice 2026/316): a number of another kind one digit off an
        invoice's is no mistyped invoice number."""
        if f.runs is None:
            runs = [r for r in digit_runs(f.numbers) if len(r) >= 4]
            others = other_numbers(f.numbers) if runs else set()
            dates = printed_dates(f.numbers) if runs else set()
            f.runs = [r for r in runs if r.lstrip("0") not in others and r not in dates]
        return f.runs

    def _typo_readings(self, f: LineFacts, exclude: set[int]) -> list[int]:
        """Open invoices whose open amount is the receipt's and whose number is one digit away
        from a number in the narrative."""
        same = [p for p in self.inv.untouched_of_amount(f.remaining, f.currency)
                if p not in exclude]
        if not same:
            return []
        runs = self._runs(f)
        if not runs:
            return []
        unpadded = [r.lstrip("0") for r in runs]
        hits = []
        for p in same:
            # (Numbers whose lengths differ by more than one are never one digit apart.)
            d, tail = self.index.digit_strings[p], self.index.tails[p]
            if (len(d) >= 5 and any(one_digit_apart(r, d) for r in runs if -2 < len(r) - len(d) < 2)) \
                    or (len(tail) >= 3 and any(one_digit_apart(r, tail) for r in unpadded
                                               if -2 < len(r) - len(tail) < 2)):
                hits.append(p)
        return hits

    def _mistyped(self, f: LineFacts, exclude: set[int] = frozenset(),
                  named: set[str] | None = None) -> list[Allocation] | None:
        """A number one digit away from an open invoice whose open amount is the receipt's."""
        hits = self._typo_readings(f, exclude)
        if len(hits) != 1:
            return None
        p = hits[0]
        owner = self.inv.customer[p]
        if f.payer is None and named is not None and owner not in named:
            self._read_name(f)  # the name on the line decides between the two readings
        payer = f.payer.customer if f.payer else None
        agrees = payer == owner if payer else (named is None or owner in named)
        if agrees and f.payer is None and named is None and not self._written_as_invoice(f, p) \
                and not re.search(r"[A-Z\u0600-\u06ff]{3}", self._name_on_line(f)):
            # Nobody named and no invoice named: a bare number one digit off an invoice of the
            # amount (a transfer's reference: REF 5079 for SI-5097) is chance in a dense
            # numbering, unless written as an invoice's (INV 5079, SI-5079).
            agrees = False
        if agrees and (self._names_anothers_open(f, owner) if payer and not f.payer.certain
                       else payer is None and self._names_anothers_instalment(f, owner)):
            # The number as written names an open invoice of another customer's: that it
            # means the one a digit away takes a payer known for sure, not a name only like
            # its owner's (NILE PHARMA ... BALANCE INV 0412: 0412 شركة النيل للأدوية's, 0414
            # Nile Pharma Distribution's, of the amount). Nobody named, and the receipt an
            # instalment of the invoice named (INV-2026-0041, another's 6,600.00, paid
            # 3,300.00: a half): a part payment of it as likely as a slip for INV-2026-0040.
            agrees = False
        if agrees and self._names_an_instalment_of_its_own(f, p):
            # The payer names its own invoice in full and pays a half, a third or a quarter of
            # it exactly (دفعة 50% من فاتورة 1078: 760.000 of 1,520.000, and 1077 one digit
            # away is 760.000): an instalment of the invoice named is as likely as a slip for
            # the other, whoever is sure of the payer.
            agrees = False
        settled = self._paid_twice_fits(f, p, payer)
        conf = 0.92 if agrees and not settled else 0.6
        return self._alloc(f, [p], "reference-fuzzy", conf,
                           f"narrative has a number one digit away from {self.inv.number[p]}; "
                           "the amount equals its open amount")

    def _written_as_invoice(self, f: LineFacts, p: int) -> bool:
        """Whether a number one digit off invoice ``p``'s is written as an invoice number: called
        an invoice (INV 5079, فاتورة 5079), after letters (SI-5079, INV5079), or long."""
        d, tail = self.index.digit_strings[p], self.index.tails[p]
        # (A long number one digit off the invoice's whole digits, 2026 00412 for
        # INV-2026-00402, is rarely chance.)
        if len(d) >= 6 and any(len(r) >= 6 and one_digit_apart(r, d) for r in self._runs(f)):
            return True
        written = invoice_mentions(f.numbers) | {
            _NOT_A_DIGIT.sub("", m.group(1)).lstrip("0") for m in _AFTER_LETTERS.finditer(f.numbers)}
        return any(one_digit_apart(w, tail) or one_digit_apart(w, d.lstrip("0"))
                   or one_digit_apart(w, d) for w in written)

    def _names_anothers_open(self, f: LineFacts, owner: str) -> bool:
        """Whether the narrative names, in full for sure or by a number it calls an invoice
        (INV 0412), an open invoice of a customer other than ``owner``."""
        called = invoice_mentions(f.numbers) if f.weak else set()
        tails = self.index.tails
        return any(self.inv.customer[q] != owner and self.inv.remaining[q] > 0
                   and ((q in f.strong and q not in f.loose) or tails[q] in called)
                   for q in f.strong | f.weak)

    def _names_anothers_instalment(self, f: LineFacts, owner: str) -> bool:
        """Whether the narrative names in full an open invoice of a customer other than
        ``owner`` of which the receipt is a half, a third or a quarter (``_a_part_of``)."""
        return any(self.inv.customer[q] != owner and q not in f.loose
                   and self._a_part_of(f, q) for q in f.strong)

    def _names_an_instalment_of_its_own(self, f: LineFacts, p: int) -> bool:
        """Whether the narrative names in full another open invoice of ``p``'s customer of
        which the receipt is a half, a third or a quarter (``_a_part_of``)."""
        owner = self.inv.customer[p]
        return any(q != p and self.inv.customer[q] == owner and q not in f.loose
                   and self._a_part_of(f, q) for q in f.strong)

    def _a_part_of(self, f: LineFacts, q: int) -> bool:
        """Whether the receipt is a half, a third or a quarter of open invoice ``q``, to a
        minor unit a part: a third of 1,000.00 can only be paid as 333.33 or 333.34."""
        rest = self.inv.remaining[q]
        return any(abs(rest - f.remaining * k) < k * f.grain for k in (2, 3, 4))

    def _paid_twice_fits(self, f: LineFacts, p: int, payer: str | None) -> bool:
        """Whether the number the narrative writes one digit off open invoice ``p``'s is an
        invoice already settled whose amount is the receipt's: that invoice paid twice fits
        the amount as well as a typo for ``p`` does, and a person decides. Settled on the
        statement (named by another line), or in the books as another customer's (written as
        ``p``'s number is, the digit changed: INV-20345 for INV-20346) where the payer is not
        known to be ``p``'s customer (one of the same customer's paid twice would go to its
        next invoice all the same). Such numbers are noted as settled invoices the line names
        (its reason then asks: paid twice?)."""
        if any(self.inv.remaining[q] <= 0 and self.inv.original[q] == f.amount
               for q in f.strong):
            return True
        owner = self.inv.customer[p]
        if payer == owner or self.invoice_sheet is None:
            return False
        number, digits = self.inv.number[p], self.index.digit_strings[p]
        if len(_DIGIT.findall(number)) != len(digits):
            return False  # (digits written otherwise than as read: not rewritten)
        fits = []
        for run in self._runs(f):
            if len(run) != len(digits) or run == digits or not one_digit_apart(run, digits):
                continue
            other = _with_digits(number, run)
            settled = self._closed_invoice(other)
            if settled is not None and settled[0] != owner \
                    and units(settled[1], f.grain, self.inv.unit) == f.amount:
                fits.append(other)
        for other in fits:
            if other not in self.settled_refs[f.pos]:
                self.settled_refs[f.pos].append(other)
        return bool(fits)

    def _closed_invoice(self, number: str) -> tuple[str, float] | None:
        """(customer, amount) of an invoice of the Invoices sheet that is not open (its first
        row), or None; the sheet's numbers are indexed the first time one is asked for."""
        if self._closed is None:
            sheet = self.invoice_sheet
            usable = sheet is not None and len(sheet) > 0 and {
                "Invoice No", "Customer ID", "Amount"} <= set(sheet.columns)
            self._closed = (pd.Index(sheet["Invoice No"].astype(str).str.strip()), sheet,
                            set(self.inv.number)) if usable else ()
        if not self._closed:
            return None
        index, sheet, open_numbers = self._closed
        if number in open_numbers:
            return None
        try:
            at = index.get_loc(number)
        except KeyError:
            return None
        row = at if isinstance(at, int) else (
            at.start if isinstance(at, slice) else int(np.flatnonzero(at)[0]))
        customer = sheet["Customer ID"].iat[row]
        try:
            amount = float(sheet["Amount"].iat[row])
        except (TypeError, ValueError):
            return None
        if is_blank(customer) or amount != amount:
            return None
        return str(customer).strip(), amount

    def _series(self, p: int) -> str:
        return _series_of(self.inv.number[p].strip())

    def _range_readings(self, f: LineFacts, first: str, last: str
                        ) -> list[tuple[list[int], int, float]]:
        """(invoices, ways, chance) per pair of open invoices of one customer and one series
        whose numeric parts are ``first`` and ``last``: the set of that customer's invoices of
        the series numbered from ``first`` to ``last``, both included, whose open amounts make
        the receipt exactly, else fall short of it within the fee tolerance."""
        tails, remaining = self.index.tails, self.inv.remaining
        low, high = int(first), int(last)
        out = []
        for a in self.index.tail.get(first):
            if not self.inv.usable(a, f.currency, f.date):
                continue
            for b in self.index.tail.get(last):
                cust, series = self.inv.customer[a], self._series(a)
                if self.inv.customer[b] != cust or not self.inv.usable(b, f.currency, f.date) \
                        or self._series(b) != series:
                    continue
                inner = [q for q in self.inv.open_of(cust, f.currency, f.date)
                         if q != a and q != b and tails[q].isdigit()
                         and low < int(tails[q]) < high and self._series(q) == series]
                ends = [a, b]
                values = [remaining[q] for q in inner]
                target = f.remaining - remaining[a] - remaining[b]
                if target == 0:  # the two ends alone
                    out.append((self.inv.by_due(ends), 1, 0.0))
                    continue
                sub = find_subsets(values, target, target, grain=f.grain,
                                   window=self._window) if target > 0 else None
                if sub is None or not sub.count:
                    # Short of them by a bank charge: the ends and a set of those between
                    # them open for the receipt plus up to the tolerance.
                    tol = self.inv.tolerance(f.remaining, f.grain)
                    if target + tol < 0:
                        continue
                    sub = find_subsets(values, max(target + 1, 1), target + tol, grain=f.grain,
                                       window=self._window)
                    if target < 0:  # (the two ends alone are one more way)
                        out.append((self.inv.by_due(ends), sub.count + 1, sub.chance))
                        continue
                if sub.count:
                    chosen = ends + [inner[k] for k in sub.found[0]]
                    out.append((self.inv.by_due(chosen), sub.count, sub.chance))
        return out

    def _range_paid(self, f: LineFacts) -> list[Allocation] | None:
        """A range of invoices too wide to list (``INV 383-660``): one customer's invoices of
        the series from the first to the last making the amount (see the module docstring)."""
        ranges = invoice_ranges(f.numbers)
        if not ranges:
            return None
        readings = [r for first, last in ranges for r in self._range_readings(f, first, last)]
        if len(readings) != 1:
            return None
        chosen, ways, chance = readings[0]
        if ways != 1 or chance >= RANGE_CHANCE:
            return None
        nums = ", ".join(self.inv.number[p] for p in chosen)
        total = self.inv.total(chosen)
        said = (f"narrative writes the range {ranges[0][0]}-{ranges[0][1]}: of customer "
                f"{self.inv.customer[chosen[0]]}'s invoices in it, {nums}")
        if total == f.remaining:
            return self._alloc(f, chosen, "multi-invoice", 0.93,
                               f"{said} make the amount exactly")
        return self._alloc(f, chosen, "multi-invoice", 0.9,
                           f"{said} make the amount less {self._money(total - f.remaining)} "
                           "within the fee tolerance: write-off proposed")

    def propose_weak_reference(self, f: LineFacts) -> list[Allocation] | None:
        """Numeric parts (``123``) and mistyped numbers, confirmed by the amount or the payer."""
        if f.category is not None and not f.cash:
            return None
        if "-" in f.numbers or writes_to(f.numbers):
            ranged = self._range_paid(f)
            if ranged:
                return ranged
        weak = [p for p in f.weak | f.strong if self.inv.usable(p, f.currency)]
        inner = {g.lstrip("0") for g in _INNER_GROUP.findall(f.numbers)} if "/" in f.numbers \
            or "-" in f.numbers else ()
        if inner:
            # The short groups inside a number the narrative writes (the 09 of
            # INV/2026/09/0022: a month) are no numeric parts of other invoices.
            tails = self.index.tails
            weak = [p for p in weak if p in f.strong or len(tails[p]) > 2 or tails[p] not in inner]
        by_customer: dict[str, list[int]] = defaultdict(list)
        for p in weak:
            by_customer[self.inv.customer[p]].append(p)
        # The payer's name (even one shared by several customers) plus its invoice's number.
        if f.payer:
            named = [c for c in ([f.payer.customer] if f.payer.customer else [])
                     + [c for c, _ in f.payer.candidates] if c in by_customer]
            named = list(dict.fromkeys(named))
            if len(named) == 1:
                refs = by_customer[named[0]]
                return self._doubt_ends_of_another(f, self._settle_named(
                    f, refs, f"payer by {f.payer.how} and narrative names", 0.05,
                    self._numeric_part_unsure(f, named[0], refs)))

        # No payer of theirs: a number the narrative calls a cheque, an order, a phone or a
        # customer number (CHQ DEP 0231 CLG, CUST NO 00231) names no invoice that ends so,
        # however the amount agrees: the amount rules weigh the line as if it wrote none.
        plain = self._not_other_numbers(f, weak)
        if len(plain) < len(weak):
            weak = plain
            by_customer = defaultdict(list)
            for p in weak:
                by_customer[self.inv.customer[p]].append(p)
        # The amount alone confirms: one customer's named invoices make it exactly.
        chosen = self._named_exactly(by_customer, f.remaining)
        if chosen:
            nums = ", ".join(self.inv.number[p] for p in chosen)
            slip = self._payers_own_slip(f, chosen[0], "narrative has the numeric part of") \
                if len(chosen) == 1 else None
            if slip:
                return slip
            why = self._number_confirms_nothing(f, chosen[0]) if len(chosen) == 1 else None
            if why and not self._known_for_sure(f, self.inv.customer[chosen[0]]):
                # (A bare 2500 for 2,500.00 is the amount written out: it confirms nothing.
                # PAYMENT 20261015: a date as likely; a named payer's receipt of the amount
                # takes the invoice first, ``FullReferences._number_is_a_date``.)
                return self._alloc(f, chosen, "reference", 0.6,
                                   f"narrative has the numeric part of {nums}; the amount "
                                   f"equals the open amount, but {why}: please confirm")
            return self._doubt_ends_of_another(f, self._alloc(
                f, chosen, "reference" if len(chosen) == 1 else "multi-invoice", 0.93,
                f"narrative has the numeric part of {nums}; the amount equals the open amount"))
        # Or one customer's named invoices, two or more (all it has named), paid less a bank
        # charge within the fee tolerance or less income tax withheld at a policy rate (INV
        # 383 + 585, 15.00 short): two numbers of one customer's and an amount that fits them
        # so are no coincidence.
        short = self._named_short(by_customer, f) if len(by_customer) and len(weak) > 1 \
            else None
        if short is not None:
            refs, reading = short
            nums = ", ".join(self.inv.number[p] for p in refs)
            if reading is not None:
                return self._alloc_withheld(f, reading, 0.9,
                                            f"narrative has the numeric part of {nums}")
            return self._alloc(f, refs, "multi-invoice", 0.9,
                               f"narrative has the numeric part of {nums}; short by "
                               f"{self._money(self.inv.total(refs) - f.remaining)} within the "
                               "fee tolerance: write-off proposed")
        # No payer identified (or none for sure): the name on the line shares a distinctive
        # word with exactly one of the named invoices' customers (a name glued, cut or
        # reordered that scores as no customer's: MERIDIANMARBLE CO ... bill 101): that
        # customer paid the invoice its number names, as with a payer known by name.
        if by_customer and not (f.payer is not None and f.payer.certain):
            words = self._name_on_line(f)
            like = [c for c in by_customer if self.payers.shares_distinctive(c, words)] \
                if words else []
            if len(like) == 1:
                refs = by_customer[like[0]]
                return self._doubt_ends_of_another(f, self._settle_named(
                    f, refs, f"paid by {words.strip()}, a name like the customer's, and "
                    "narrative names", 0.05, self._numeric_part_unsure(f, like[0], refs)))
        typo = self._mistyped(f)
        if typo:
            return typo
        # No number of the payer's, but one written a digit off one of its own (an extra zero:
        # F20260000902 for F2026000902): a long number mistyped, not another's.
        own = self._own_one_digit_away(f) if f.payer and not any(
            c in by_customer for c in [f.payer.customer, *(c for c, _ in f.payer.candidates)]
            if c) else None
        if own is not None:
            out = self._settle_named(f, [own], f"payer by {f.payer.how} and narrative has a "
                                     "number one digit away from", 0.05, False, retyped=True)
            # The typo is read from the digits alone: a receipt far beyond the invoice it
            # would mean (the payer's 23,380.00 naming INV-2026-3002, one digit off its
            # INV-2026-1002 of 8,400.50) may pay an invoice not in the book yet, so parking
            # 14,979.50 on account is a person's call. (A part payment of the payer's own
            # invoice with a digit slipped stays certain.)
            unconfirmed = any(a.method in ("overpayment", "on-account") for a in out or ()) \
                or (any(a.method == "partial" for a in out or ())
                    and self._beyond_own(f, own))
            for a in out or ():
                if a.method == "reference":
                    a.method = "reference-fuzzy"  # (the number as written names no invoice)
                if unconfirmed and a.confidence >= 0.85:
                    a.confidence = 0.6
                    a.reason += "; the amount does not confirm the number: please confirm"
            return out
        # One named invoice and the amount within the fee tolerance of it.
        near = [p for p in weak
                if self._within_tolerance(self.inv.remaining[p], f.remaining, f.grain)]
        if len(near) == 1 and len(self.index.tails[near[0]]) >= 3:
            p = near[0]
            slip = self._payers_own_slip(f, p, "narrative has the numeric part of", short=True)
            if slip:
                return slip
            against = self._another_customer_pays(f, p)
            return self._alloc(f, [p], "reference", 0.6 if against else 0.88,
                               f"narrative has the numeric part of {self.inv.number[p]}; short by "
                               f"{self._money(self.inv.remaining[p] - f.remaining)} within the "
                               "fee tolerance: write-off proposed" + against)
        # One named invoice the receipt pays less income tax withheld at a policy rate, to the
        # minor unit (فاتورة رقم 0240 paid less 1 % of the amount before VAT): the amount
        # confirms the number as surely as a bank charge within the tolerance does.
        withheld = [(p, r) for p in weak
                    if len(self.index.tails[p]) >= 3 and self.inv.remaining[p] > f.remaining
                    for r in [self._withholding_readings(f, [p], charges=False)] if r] \
            if self._wht_top else []
        if len(withheld) == 1 and len(withheld[0][1]) == 1:
            p, readings = withheld[0]
            against = self._another_customer_pays(f, p)
            return self._alloc_withheld(f, readings[0], 0.6 if against else 0.88,
                                        "narrative has the numeric part "
                                        f"of {self.inv.number[p]}" + against)
        # One invoice's numeric part (4+ digits) and no amount agreeing: a part payment or an
        # overpayment of it, perhaps; a person decides.
        long_hits = [p for p in weak if len(self.index.tails[p]) >= 4]
        if len(long_hits) == 1:
            p = long_hits[0]
            # Short of it by a usual discount or whole bank charges, with no other customer
            # known to pay: the amount confirms the number.
            taken = self._what_was_taken(p, self.inv.remaining[p] - f.remaining) \
                if f.remaining < self.inv.remaining[p] and (
                    f.payer is None or f.payer.customer in (None, self.inv.customer[p])) else None
            if taken is not None:
                return self._alloc(f, [p], "partial", 0.88,
                                   f"narrative has the numeric part of {self.inv.number[p]}; "
                                   f"short by {self._money(self.inv.remaining[p] - f.remaining)}"
                                   f": {taken}, left open on the invoice")
            method = "partial" if f.remaining < self.inv.remaining[p] else "overpayment"
            return self._alloc(f, [p], method, 0.6,
                               f"narrative has the numeric part of {self.inv.number[p]} "
                               f"({self._money(self.inv.remaining[p])} open); payer not known: "
                               "please confirm", on_account_customer=self.inv.customer[p])
        return None

    def _written_in_full_otherwise(self, f: LineFacts, p: int) -> str | None:
        """A number the narrative writes in full, ending in invoice ``p``'s numeric part, that
        is not ``p``'s: another invoice's named in full (open or settled), or one of ``p``'s
        own shape whose other groups differ (INV/2026/04/0050 written, INV/2026/10/0050 read by
        its 0050; the April one long paid and gone from the ledger). The digits ``p`` is read
        by are that number's last group, and the number names another invoice, month and all.
        None where there is none, or ``p`` is written in full itself."""
        if p in f.strong:
            return None
        tails = self.index.tails
        # (Of groups before its last, a year or a month: INV#1023 for INV-1023 is no more than
        # the numeric part 1023 called an invoice.)
        other = next((q for q in sorted(f.strong) if q != p and tails[q] == tails[p]
                      and len(_DIGIT_RUN.findall(fold_text(self.inv.number[q]))) >= 2), None)
        if other is not None:
            return self.inv.number[other]
        number = fold_text(self.inv.number[p]).strip()
        groups = _DIGIT_RUN.findall(number)
        if len(groups) < 2 or ("/" not in number and "-" not in number):
            return None
        shape = _DIGIT_RUN.sub(lambda _: "\x00", re.escape(number)).replace("\x00", r"(\d+)")
        own = [g.lstrip("0") for g in groups]
        for m in re.finditer(rf"(?<![\w]){shape}(?!\d)", f.numbers):
            written = [g.lstrip("0") for g in m.groups()]
            if written[-1] == own[-1] and written != own:
                return m.group(0)
        return None

    def _doubt_ends_of_another(self, f: LineFacts, out: list[Allocation] | None
                               ) -> list[Allocation] | None:
        """``out`` suggested, not matched, where an invoice it is applied to is read only by
        the end of a number the narrative writes in full for another invoice
        (``_written_in_full_otherwise``): the number written and the invoice paid disagree in
        their other groups, and nothing says which one the payer meant."""
        written = next((w for a in out or () if a.invoice is not None
                        and a.confidence >= MATCHED
                        for w in [self._written_in_full_otherwise(f, a.invoice)] if w), None)
        if written is None:
            return out
        for a in out:  # (the line's allocations stand or fall together)
            if a.confidence >= MATCHED:
                a.confidence = 0.6
                a.reason += (f"; but the narrative writes {written} in full, which only ends "
                             "like it: please confirm")
        return out

    def _another_customer_pays(self, f: LineFacts, p: int) -> str:
        """The note when the line's payer is known for sure (account, full name) to be a
        customer other than invoice ``p``'s: a numeric part and an amount only near the open
        amount do not outweigh it (a related company paying for it, or another invoice ending
        so). "" otherwise."""
        owner = self.inv.customer[p]
        if f.payer is None or not f.payer.certain or f.payer.customer in (None, owner):
            return ""
        other = f.payer.customer
        name = self.payers.names.get(other, "")
        if f.payer.by_account:
            return (f"; paid from the account of customer {other} ({name}): paying for it? "
                    "please confirm")
        return f"; the name is customer {other}'s ({name}): a related company paying for it? " \
            "please confirm"

    def _not_other_numbers(self, f: LineFacts, refs: list[int]) -> list[int]:
        """``refs`` less those named only by a number the narrative calls a cheque, an order,
        a phone or a customer number, and nowhere an invoice (named in full, surely, they stay)."""
        if not refs or not _OTHER_WORD.search(f.numbers):
            return refs
        other = other_numbers(f.numbers)
        if not other:
            return refs
        called = invoice_mentions(f.numbers)
        tails = self.index.tails
        # (PO 4512 where INV-4512 is filed under order 4512: that invoice's own order number.)
        orders = self.orders.keys
        return [p for p in refs if (p in f.strong and p not in f.loose)
                or tails[p] not in other or tails[p] in called or p in orders.get(tails[p], ())]

    def _name_on_line(self, f: LineFacts) -> str:
        """The payer's name as the line gives it: the bank's name field, else the sender the
        narrative names, else the narrative's words that may be a name."""
        desc = self._descriptions[f.pos]
        return self._printed_name(f.pos) or self.payers.narrative_sender(desc) \
            or self.payers.narrative_words(desc)

    def _own_one_digit_away(self, f: LineFacts) -> int | None:
        """The one open invoice of the line's payer (known by account or for sure by name)
        whose digits (6 or more) are one digit away from a number the narrative writes."""
        p = f.payer
        if p is None or p.customer is None or not p.certain:
            return None
        # (A number that is one of the payer's own invoices as written names that one, settled
        # or not: its 90000669, paid by another line, is no mistyped 90000667 of its own.)
        runs = [r for r in self._runs(f) if len(r) >= LONG_NUMBER and not any(
            self.inv.customer[q] == p.customer for q in self.index.digits.get(r))]
        if not runs:
            return None
        # The payer's long invoice numbers, read once per customer (open or not: the open
        # ones are kept below).
        digits = self.index.digit_strings
        own = self._own_digits.get(p.customer)
        if own is None:
            items = self.inv.open_of(p.customer, "", None)
            own = self._own_digits[p.customer] = [] if len(items) > MAX_OWN_SCAN else [
                (q, digits[q]) for q in items if len(digits[q]) >= LONG_NUMBER]
        hits = [q for q, d in own if any(
            -2 < len(r) - len(d) < 2 and one_digit_apart(r, d) for r in runs)
            and self.inv.usable(q, f.currency)]
        return hits[0] if len(hits) == 1 else None

    def _beyond_own(self, f: LineFacts, q: int) -> bool:
        """Whether the number the narrative writes one digit off invoice ``q``'s (the payer's)
        is the higher of the two and beyond every number of ``q``'s series in the book: the
        next invoice, issued but not booked yet (SI-26/00251 beside SI-26/00250, the last one
        booked), as likely as a slip; a number below the series' last is one booked."""
        digits = self.index.digit_strings[q]
        # (One digit written higher, not two swapped: 0403 for 0043 is a slip.)
        higher = [r for r in self._runs(f) if len(r) == len(digits) and r > digits
                  and sum(a != b for a, b in zip(r, digits, strict=True)) == 1]
        if not higher:
            return False
        if self._series_top is None:
            numbers = {n.strip() for n in self.inv.number}
            if self.invoice_sheet is not None and "Invoice No" in self.invoice_sheet.columns:
                # (the sheet repeats the ledger's numbers, and those of invoices paid)
                numbers.update(str(n).strip() for n in self.invoice_sheet["Invoice No"].tolist())
            self._series_top = series_tops(numbers)
        # (Just beyond it: the book lags by days, not by hundreds of invoices; 0922 in a
        # series that ends at 0310 is a slip.)
        last = self._series_top.get((self._series(q), len(digits)), digits)
        return any(0 < int(r) - int(last) <= NEXT_INVOICES for r in higher)

    def _numeric_parts_exact(self, f: LineFacts, refs: list[int]) -> bool:
        """Whether the invoices the narrative names (in full or by numeric part), other than
        just ``refs``, make the receipt exactly, one customer's, one way."""
        by_customer: dict[str, list[int]] = defaultdict(list)
        for p in f.weak | f.strong:
            if self.inv.usable(p, f.currency):
                by_customer[self.inv.customer[p]].append(p)
        chosen = self._named_exactly(by_customer, f.remaining)
        return chosen is not None and set(chosen) != set(refs)

    def _named_short(self, by_customer: dict[str, list[int]], f: LineFacts
                     ) -> tuple[list[int], Reading | None] | None:
        """(invoices, tax reading) of the one customer whose named invoices (two or more,
        numeric parts of 3+ digits) the receipt pays less a bank charge within the fee
        tolerance (no reading), or less tax withheld at one rate on one base (its one
        reading); None when no customer's, or several customers', do."""
        found = []
        for refs in by_customer.values():
            if len(refs) < 2 or any(len(self.index.tails[p]) < 3 for p in refs):
                continue
            refs = self.inv.by_due(refs)
            total = self.inv.total(refs)
            if self._within_tolerance(total, f.remaining, f.grain):
                found.append((refs, None))
            elif total > f.remaining and self._wht_top:
                readings = self._withholding_readings(f, refs, charges=False)
                if len(readings) == 1:
                    found.append((refs, readings[0]))
        return found[0] if len(found) == 1 else None

    def _named_exactly(self, by_customer: dict[str, list[int]], amount: int) -> list[int] | None:
        """The invoices, of one customer's named (``by_customer``), that make ``amount``
        exactly, when only one set of one customer's does."""
        exact = []
        for refs in by_customer.values():
            refs = self.inv.by_due(refs)
            sub = find_subsets([self.inv.remaining[p] for p in refs], amount, amount,
                               grain=self.inv.grain_of(refs), window=self._window)
            if sub.count == 1:
                exact.append([refs[k] for k in sub.found[0]])
            elif sub.count > 1:
                exact.append(None)
        return exact[0] if len(exact) == 1 and exact[0] else None

    def _after_own_letters(self, f: LineFacts, p: int, tail: str) -> bool:
        """Whether the narrative writes invoice ``p``'s numeric part ``tail`` right after the
        letters its number begins with, of two or more (SINV 42, SINV-042 for SINV-00042)."""
        letters = self.index.letters_of(p)
        if len(letters) < 2 or letters not in f.numbers:
            return False
        return re.search(rf"(?<![A-Z]){letters}[\s.:#/-]*0*{tail}(?![\d/-])", f.numbers) \
            is not None

    def _numeric_part_unsure(self, f: LineFacts, cust: str, refs: list[int]) -> bool:
        """Whether the numeric parts that name the payer's ``refs`` may be another number of
        the payer's: short (REF 553: a payer with a few hundred invoices has one ending so by
        chance), or written as its order, cheque or phone number (PO 4557, CHQ 04557), and
        not called an invoice (INV 553), nor zero-padded to 4+ digits (0164), nor alone in the
        reference field; from the payer's
        known account only an order, cheque or phone number is unsure. (Then an amount
        that is another open invoice of the payer's is applied by the amount rules.)"""
        bare = [p for p in refs if p not in f.strong or p in f.loose]
        if not bare:
            return False
        called = invoice_mentions(f.numbers)
        reference = self._references[f.pos]
        if isinstance(reference, str) and reference.strip().isdigit():
            called.add(reference.strip().lstrip("0"))  # the payer's reference field: the invoice
        # Written zero-padded to 4+ digits (0164, SI-26/000519), as invoice numbers are, not
        # as a bank's short reference (REF 553).
        other = other_numbers(f.numbers)
        called.update(t for t in (r.lstrip("0") for r in _PADDED_RUN.findall(f.numbers))
                      if t not in other)  # (CHQ 00553 is a cheque, however written)
        if f.payer is not None and f.payer.by_account:
            # The account it paid from names the customer: the end of one of its own open
            # invoices' numbers is that invoice, unless written as its order or cheque number.
            return any(self.index.tails[p] in other for p in bare)
        # A number written as what is paid (PART PAYMENT 686, سداد 714, دفعة من 832), from a
        # payer known for sure with so few open invoices that a number of 3 digits ends one of
        # them by chance less than once in 50: that invoice's (not REF 553: a reference).
        if f.payer is not None and f.payer.customer == cust and f.payer.certain:
            paid = {m.group(1).lstrip("0") for m in _PAID_NUMBER.finditer(f.numbers)}
            mine = len(self.inv.open_of(cust, "", None)) if paid else 0
            # (Written after the invoice's own series letters, SINV 42 for SINV-00042, a short
            # number is that invoice's as much as INV 42 is: no bank writes its reference so.)
            return any(t not in called and not self._after_own_letters(f, p, t) and (
                t in other or (len(t) < NAMED_TAIL_LENGTH and not (
                    t in paid and len(t) >= SHORT_TAIL_DIGITS
                    and mine < SHORT_TAIL_CHANCE * 10 ** len(t))))
                for p, t in ((p, self.index.tails[p]) for p in bare))
        return any(self.index.tails[p] not in called
                   and (len(self.index.tails[p]) < NAMED_TAIL_LENGTH or self.index.tails[p] in other)
                   for p in bare)


def _with_digits(number: str, digits: str) -> str:
    """``number`` with its digits, in order, replaced by ``digits`` (as many)."""
    written = iter(digits)
    return _DIGIT.sub(lambda _: next(written), number)
