"""Finding the invoices a narrative names, through hash maps of the open invoices.

Each open invoice is indexed under its number letters+digits (``INV202400123``), its digits
(``202400123``) and its numeric tail (``123``). A narrative's keys (see ``normalize``) are
looked up in these maps, so the work per line does not depend on the ledger's size.

* A *strong* hit: the narrative holds the whole number, in any formatting, and the number is
  distinctive (at least 5 characters): the invoice is named.
* A *weak* hit: only the tail, or a short number: it may be a coincidence (a date, an
  amount, a supplier's own invoice number) and counts only when the amount or the payer
  agree.
* A numeric part the narrative *calls* an invoice (``INV 4557``, ``فاتورة رقم 3547``,
  ``INVS 4255+4740``) of at least ``NAMED_TAIL_LENGTH`` digits that exactly one open invoice
  ends with is a strong hit: the customer wrote the invoice's number the way people say it.
* A number whose last digit group is a year and a zero-padded sequence (``F2026000399``:
  2026, 000399) has that sequence as its numeric tail (``399``), and the year with the
  sequence unpadded (``202699``... ``2026399``) as its digits retyped: payers write
  ``Inv#399`` or ``F2026399`` for it, as ``Inv#399`` for ``SI-26/00399``.
* A strong hit is *sure* when the narrative wrote the number with its letters (``SI04112026``,
  or its letters and its digits retyped without padding: ``SI-26/842``), called it an invoice, or wrote at least ``SURE_DIGITS`` digits that are not a date printed
  in the narrative. A bare run of 5-6 digits (``CHQ NO 10010``, ``PO 12345``, the ``26308`` in a
  bank's ``FT26308XK2``) or a date (``TRF/IN/20261104/...`` against invoice ``2026/1104``) is
  as often another number of the payer's or the bank's: it names the invoice when the amount
  agrees, and otherwise only with a payer who owns the invoice.
"""

from __future__ import annotations

import re
from collections import Counter

from ar_excel.core.matching.normalize import (
    NOT_ALNUM_BYTES,
    ONLY_DIGITS,
    alnum_key,
    candidate_keys,
    invoice_mentions,
    invoice_numbers_called,
    tail_key,
    tail_keys,
)

_GROUPS = re.compile(r"\d+")
# A last digit group of a year and a zero-padded sequence (2026000399): 9 digits or more, so
# that a date (20260105) is none.
_YEAR_SEQUENCE = re.compile(r"((?:19|20)\d\d)0+([1-9]\d*)")
YEAR_SEQUENCE_DIGITS = 9
_NO_DIGITS = str.maketrans("", "", "0123456789")
_TO_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A number as a narrative writes it: its letters, and digit groups apart by - / or . (folded).
_WRITTEN_NUMBER = re.compile(r"(?<![A-Z0-9])([A-Z]*)[-/ ]?(\d+(?:[-/.]\d+)*)(?![0-9])")
_LEADING_LETTERS = re.compile(r"^[A-Z]*", re.MULTILINE)
# A number with its letters inside, after a year (2026-INV-00527, 2026INV527).
_LETTERS_INSIDE = re.compile(r"(?<![A-Z0-9])((?:19|20)\d\d)[-/ ]?([A-Z]+)[-/ ]?(\d+)(?![0-9])")

# Numbers listed one after the other (90000669, 0090000667 / INV-1 + INV-2).
_LISTED = re.compile(r"\d\s*(?:[,+&;]|\bAND\b|\s/|\sو)\s*\D{0,12}\d")
STRONG_LENGTH = 5


def _may_list(folded: str) -> bool:
    """Whether a folded narrative may list numbers (a cheap test before ``_LISTED``)."""
    return "," in folded or "+" in folded or "&" in folded or ";" in folded \
        or " / " in folded or " AND " in folded or " و" in folded
ADDED_ZEROS = 2
# Digits up to which a number written with its letters is looked up with its padding put
# right (``_lettered``): longer ones are read by their digits without padding anyway.
LETTERED_DIGITS = STRONG_LENGTH + ADDED_ZEROS
NAMED_TAIL_LENGTH = 4
SURE_DIGITS = 7  # digits from which a bare number is an invoice's rather than a cheque's or PO's

# A date as banks print it in narratives: 20261104, 2026-11-04, 04/11/2026, 04.11.26, 04112026
# (the separators the same on both sides: 2026/1104 is a number, not a date).
_DATE = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d([-/.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])"
    # (the year first, a month or day of one digit, as Iraq and the Levant write a date by
    # hand: 2026/3/15, 2026-11-5)
    r"|(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\3(?:19|20)?\d\d"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d)(?!\d)")


def printed_dates(folded: str) -> set[str]:
    """The digits of the dates printed in a folded narrative (``04/11/2026`` -> ``04112026``)."""
    return {re.sub(r"\D", "", m.group(0)) for m in _DATE.finditer(folded)}


def _month(mm: str) -> bool:
    return "01" <= mm <= "12" and len(mm) == 2


def _day(dd: str) -> bool:
    return "01" <= dd <= "31" and len(dd) == 2


def _date_shaped(d: str) -> bool:
    """Whether 7-8 digits could be the digits of a date ``_DATE`` reads (20261104,
    04112026, 4/11/2026, 2026/3/15): most invoice numbers are not, and need no search of the
    text."""
    if len(d) == 8:
        return (d[:2] in ("19", "20") and _month(d[4:6]) and _day(d[6:])) or (
            d[4:6] in ("19", "20") and _day(d[:2]) and _month(d[2:4]))
    return len(d) == 7 and ((d[3:5] in ("19", "20") and (
        (d[0] != "0" and _month(d[1:3])) or (_day(d[:2]) and d[2] != "0"))) or (
        d[:2] in ("19", "20") and (  # 2026/3/15, 2026/11/5
            (d[4] != "0" and _day(d[5:])) or (_month(d[4:6]) and d[6] != "0"))))


def _sure_digits(d: str, folded: str) -> bool:
    """Whether a bare number of the narrative (its digits ``d``, at most 8: longer ones are
    no date) is long enough to be an invoice's and is not a date printed there, or is one
    the narrative calls an invoice (INV 2026/45)."""
    if len(d) >= SURE_DIGITS and not (_date_shaped(d) and d in printed_dates(folded)):
        return True
    return d in invoice_numbers_called(folded)


class Keyed:
    """Invoice positions by key. Nearly every key names one invoice: it maps to that int (a
    dict of strings and ints is quick to build and the garbage collector skips it); the
    keys of several invoices keep all of theirs in a list."""

    def __init__(self) -> None:
        self.one: dict[str, int] = {}
        self.several: dict[str, list[int]] = {}

    @classmethod
    def of(cls, keys: list[str], positions: list[int]) -> Keyed:
        """The index of ``keys[k]`` -> ``positions[k]`` (positions ascending, blank keys
        left out), built in C where it can be: the same as ``add`` one key after the other."""
        keyed = cls()
        # The first position of each key wins: a dict built backwards keeps it.
        keyed.one = dict(zip(reversed(keys), reversed(positions), strict=True))
        keyed.one.pop("", None)
        shared = {k for k, n in Counter(keys).items() if n > 1 and k}
        for k, pos in zip(keys, positions, strict=True):
            if k in shared:
                keyed.several.setdefault(k, []).append(pos)
        return keyed

    def add(self, key: str, pos: int) -> None:
        first = self.one.setdefault(key, pos)
        if first != pos or key in self.several:
            self.several.setdefault(key, [first]).append(pos)

    def get(self, key: str) -> list[int] | tuple[int, ...]:
        """The positions under ``key`` in the order added (empty if none)."""
        pos = self.one.get(key)
        if pos is None:
            return ()
        return self.several.get(key) or (pos,)


# Bytes deleted or blanked to read an ASCII invoice number (the common case) quickly.
_DIGITS_AND_SPACES = bytes(c if 48 <= c <= 57 else 32 for c in range(256))


def _year_sequence(tail: str) -> tuple[str, str] | None:
    """(year, sequence) of a number's last digit group that is a year and a zero-padded
    sequence (``2026000399`` -> ``2026``, ``399``); None for any other group."""
    if len(tail) < YEAR_SEQUENCE_DIGITS:
        return None
    m = _YEAR_SEQUENCE.fullmatch(tail)
    return None if m is None else (m.group(1), m.group(2))


def _with_year_sequences(tails: list[str], compact: list[str]) -> None:
    """Where a number's last group is a year and a zero-padded sequence, its tail becomes the
    sequence and its compact digits end with the year and the sequence unpadded (in place)."""
    for k, tail in enumerate(tails):
        if len(tail) >= YEAR_SEQUENCE_DIGITS:
            split = _year_sequence(tail)
            if split is not None and compact[k].endswith(tail):
                tails[k] = split[1]
                compact[k] = compact[k][:len(compact[k]) - len(tail)] + split[0] + split[1]


def _is_year(group: str) -> bool:
    return len(group) == 4 and group[:2] in ("19", "20")


def _last_groups(number: str) -> tuple[str, str] | None:
    """The last two digit groups of a number (``1042/2026`` -> ``1042``, ``2026``), or None."""
    groups = _GROUPS.findall(number.translate(_TO_ASCII_DIGITS))
    return (groups[-2], groups[-1]) if len(groups) >= 2 else None


def _with_year_suffixes(numbers: list[str], tails: list[str],
                        extra: dict[int, list[str]]) -> None:
    """Where a number ends with the year it was issued in, written apart from the sequence
    before it (``1042/2026``), its tail becomes the sequence (``1042``: the year would name
    every invoice of the year), and the sequence with the year's last two digits (``104226``:
    1042/26) is another way its digits are written (``extra``: position -> more digit keys).
    In place. A last group is the year, not the sequence (``2026/2025``), where the ledger
    repeats it more often than the group before it (the year repeats, a sequence does not;
    a sequence may look like a year: 1901/2026); alike, where the group before is no year."""
    years = {t for t in set(tails) if _is_year(t)}
    if not years:  # (most ledgers: no number ends with a year)
        return
    found = {k: g for k, tail in enumerate(tails) if tail in years
             for g in [_last_groups(numbers[k])] if g is not None and g[0].lstrip("0")}
    last = Counter(g[1] for g in found.values())
    before = Counter(g[0] for g in found.values())
    for k, (seq, year) in found.items():
        if last[year] < before[seq] or (last[year] == before[seq] and _is_year(seq)):
            continue
        tails[k] = seq.lstrip("0")
        extra.setdefault(k, []).extend(
            dict.fromkeys(k2 for k2 in (seq + year[2:], seq.lstrip("0") + year[2:],
                                        seq.lstrip("0") + year) if k2))


def _number_keys(number: str) -> tuple[str, str, str, str]:
    """(alnum, digits, tail, compact) keys of an invoice number; compact is the digits with
    each group's zero padding removed (INV-2026-00123 -> 2026123), and a last group of a year
    and a padded sequence has that sequence as its tail (``_with_year_sequences``)."""
    if number.isascii():
        raw = number.encode()
        groups = raw.translate(_DIGITS_AND_SPACES).split()
        keys = (raw.upper().translate(None, NOT_ALNUM_BYTES).decode(), b"".join(groups).decode(),
                groups[-1].lstrip(b"0").decode() if groups else "",
                b"".join(g.lstrip(b"0") for g in groups).decode())
    else:
        a = alnum_key(number)
        keys = (a, a.translate(ONLY_DIGITS), tail_key(number),
                "".join(g.lstrip("0") for g in _GROUPS.findall(number)))
    tails, compact = [keys[2]], [keys[3]]
    _with_year_sequences(tails, compact)
    return keys[0], keys[1], tails[0], compact[0]


_NOT_ALNUM_OR_NEWLINE = bytes(c for c in range(256)
                              if not (48 <= c <= 57 or 65 <= c <= 90 or c == 10))
_GROUPS_BY_LINE = bytes(c if 48 <= c <= 57 or c == 10 else 32 for c in range(256))
_ZERO_PADDING = re.compile(rb"(?<![0-9])0+")


def _all_number_keys(numbers: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """``_number_keys`` of every number, as four lists (alnum, digits, tail, compact). ASCII
    numbers (the usual) are read all at once: joined by line breaks, translated and cut in C."""
    if not all(n.isascii() and "\n" not in n for n in numbers) or not numbers:
        keys = [_number_keys(n) for n in numbers]
        return ([k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys],
                [k[3] for k in keys])
    raw = "\n".join(numbers).encode()
    alnum = raw.upper().translate(None, _NOT_ALNUM_OR_NEWLINE).decode().split("\n")
    groups = raw.translate(_GROUPS_BY_LINE)  # digit groups apart by spaces, a line each
    digits = groups.translate(None, b" ").decode().split("\n")
    tails = [g[-1].lstrip("0") if g else "" for g in map(str.split, groups.decode().split("\n"))]
    compact = _ZERO_PADDING.sub(b"", groups).translate(None, b" ").decode().split("\n")
    _with_year_sequences(tails, compact)
    return alnum, digits, tails, compact


class InvoiceIndex:
    def __init__(self, numbers: list[str]) -> None:
        alnum, digits, tails, compact = _all_number_keys(numbers)
        more: dict[int, list[str]] = {}
        _with_year_suffixes(numbers, tails, more)
        self._alnum_keys = alnum
        self.digit_strings: list[str] = digits
        self.tails: list[str] = tails
        positions = list(range(len(numbers)))
        self.alnum = Keyed.of(alnum, positions)
        self.tail = Keyed.of(tails, positions)
        # The digits as people retype them, each group without its zero padding
        # (INV-2026-00123 -> 2026123): as distinctive as the full digits. (Each invoice's
        # digits, then its compact digits where they differ: the order ``add`` would see.)
        keys, at = [], []
        lettered, lettered_at = [], []
        for pos, d, c in zip(positions, digits, compact, strict=True):
            keys.append(d)
            at.append(pos)
            if c and c != d:
                keys.append(c)
                at.append(pos)
                a = alnum[pos]
                if a[:1] > "9" and a.endswith(d):
                    lettered.append(a[:len(a) - len(d)] + c)
                    lettered_at.append(pos)
            if more and pos in more:
                for c in more[pos]:
                    if c != d:
                        keys.append(c)
                        at.append(pos)
        self.digits = Keyed.of(keys, at)
        # The letters of a zero-padded number with its digits unpadded (SINV-00227 ->
        # SINV227): payers write SINV 227, too short a number to be read by its digits.
        self.lettered = Keyed.of(lettered, lettered_at)
        # A key of more digits than any invoice number has names none (nor does its alnum
        # form: an invoice's alnum key has that invoice's digits).
        # (Two more: a number written with zeros added in front, SI-01390 for SI-1390, is
        # read with them taken off: ``_lettered``.)
        self.longest = max(map(len, self.digits.one), default=-ADDED_ZEROS) + ADDED_ZEROS
        # The letters invoice numbers begin with (INV, SI...) and each beginning of them: a
        # narrative's key that begins with another word names no invoice.
        leads = set(_LEADING_LETTERS.findall("\n".join(self.alnum.one)))
        self.starts = frozenset(lead[:k] for lead in leads for k in range(len(lead) + 1))

    def _repadded(self, folded: str, strong: set[int], sure: set[int] | None) -> None:
        """Numbers the narrative writes with other zero padding than the invoice's
        (INV/2026/09/00066, ف-2026-00427, F20260000579): each digit group without its
        padding (the last one's year and sequence apart) is an invoice's compact digits. Sure
        when written after the invoice's own letters; a date is no number."""
        digits = self.digits
        for m in _WRITTEN_NUMBER.finditer(folded):
            groups = _GROUPS.findall(m.group(2))
            if _DATE.fullmatch(m.group(2)):
                continue
            tails, compact = [groups[-1].lstrip("0")], ["".join(g.lstrip("0") for g in groups)]
            _with_year_sequences(tails, compact)
            if len(compact[0]) < STRONG_LENGTH or compact[0] == "".join(groups):
                continue
            found = digits.get(compact[0])
            strong.update(found)
            if sure is not None:
                sure.update(q for q in found if self._letters_of(q) == m.group(1))
        for m in _LETTERS_INSIDE.finditer(folded):
            # (2026-INV-00527 for 2026-INV-0527: the same letters inside, other padding.)
            year, letters, number = m.groups()
            compact = year + number.lstrip("0")
            if len(compact) < STRONG_LENGTH:
                continue
            found = [q for q in digits.get(compact)
                     if self._alnum_keys[q].translate(_NO_DIGITS) == letters]
            strong.update(found)
            if sure is not None:
                sure.update(found)

    def _lettered(self, key: str, d: str, strong: set[int], weak: set[int],
                  sure: set[int] | None) -> None:
        """A narrative's key of letters and one number (``SINV227``, ``SI01390``) that names
        an invoice once the number's zero padding is put right: SINV 227 for SINV-00227,
        SI-01390 for SI-1390. Named for sure by its own letters when the number has 3+
        digits; a shorter one only weakly (INV 12)."""
        plain = d.lstrip("0")
        if not plain:
            return
        unpadded = key[:len(key) - len(d)] + plain
        found = self.lettered.get(unpadded) or (
            self.alnum.get(unpadded) if unpadded != key else ())
        if not found:
            return
        if len(plain) < 3:
            weak.update(found)
            return
        strong.update(found)
        if sure is not None:
            sure.update(found)

    def _other_letters_inside(self, key: str, pos: int) -> bool:
        """Whether a narrative's key writes letters between its digits (2026INV0862) that
        invoice ``pos``'s number does not have."""
        if not (key[:1].isdigit() and key[-1:].isdigit()) or key.isdigit():
            return False
        letters = key.translate(_NO_DIGITS)
        return letters != self._alnum_keys[pos].translate(_NO_DIGITS)

    def letters_of(self, pos: int) -> str:
        """The letters invoice ``pos``'s number begins with (SI of SI-26/00842; "" if none)."""
        return self._letters_of(pos)

    def _letters_of(self, pos: int) -> str:
        """The letters invoice ``pos``'s number begins with (SI of SI-26/00842; "" if none)."""
        return _LEADING_LETTERS.match(self._alnum_keys[pos]).group(0)

    def _other_series(self, folded: str, strong: set[int]) -> bool:
        """Whether the narrative writes a number after letters (INV/2026/06/32) that begin
        none of the ``strong`` hits' numbers (ف-2026-0632: F)."""
        written = {m.group(1) for m in _WRITTEN_NUMBER.finditer(folded) if m.group(1)}
        return bool(written) and not any(self._letters_of(q) in written for q in strong)

    def lookup(self, folded: str, named: bool = True, sure: set[int] | None = None
               ) -> tuple[set[int], set[int]]:
        """(strong, weak) invoice positions named in a folded narrative; ``named=False``
        leaves out the numeric parts called invoices (text that is not a customer's). With
        ``sure``, the strong hits that are sure (see the module docstring) are added to it."""
        strong: set[int] = set()
        weak: set[int] = set()
        # (The dicts of ``Keyed`` read in place: this runs for hundreds of thousands of keys.)
        alnum, alnum_several = self.alnum.one, self.alnum.several
        lettered = self.lettered.one
        digits, digits_several = self.digits.one, self.digits.several
        for key, d in candidate_keys(folded, self.longest, self.starts):
            pos = alnum.get(key)
            if pos is not None:
                found = alnum_several.get(key) or (pos,)
                into = strong if len(key) >= STRONG_LENGTH else weak
                into.update(found)
                if into is strong and sure is not None and (
                        key != d or len(d) > 8 or _sure_digits(d, folded)):
                    sure.update(found)
            elif 2 < len(d) < LETTERED_DIGITS and (lettered or d[0] == "0") and key[:1] > "9" \
                    and key.endswith(d):
                self._lettered(key, d, strong, weak, sure)
            pos = digits.get(d)
            if pos is not None:
                found = digits_several.get(d) or (pos,)
                into = strong if len(d) >= STRONG_LENGTH else weak
                into.update(found)
                if into is strong and sure is not None:
                    if len(d) > 8 or _sure_digits(d, folded):
                        # (Letters written inside the number, 2026-INV-0862, that the invoice
                        # has not, ف-2026-0862: a number of another series, not this one.)
                        if key == d or not key[:1].isdigit():
                            sure.update(found)
                        else:
                            sure.update(q for q in found if not self._other_letters_inside(key, q))
                    elif key != d:
                        # Its digits retyped without padding after the invoice's own letters
                        # (SI-26/842 for SI-26/00842): the number written, not a bare one.
                        sure.update(q for q in found if self._letters_of(q) == key[:-len(d)])
        if ("00" in folded or "-0" in folded or "/0" in folded) and (
                not strong or len(strong) == 1 and _may_list(folded) and _LISTED.search(folded)):
            # (A list, 90000669, 0090000667: each number may be padded its own way.)
            self._repadded(folded, strong, sure)  # (padding differs only where zeros are)
        elif strong and ("/0" in folded or "-0" in folded) and self._other_series(folded, strong):
            # INV/2026/06/32 is INV/2026/06/0032 unpadded, though its digits run on as
            # ف-2026-0632's do: the series written decides.
            self._repadded(folded, strong, sure)
        tail = self.tail
        for key in tail_keys(folded):
            hits = tail.get(key)
            if hits:
                weak.update(hits)
        for key in (invoice_mentions(folded) if named else ()):
            hits = tail.get(key)
            if hits and len(hits) == 1 and len(key) >= NAMED_TAIL_LENGTH:
                strong.update(hits)
                if sure is not None:
                    sure.update(hits)
            elif hits:  # (the inner numbers of a range, INV 45-47, are written nowhere else)
                weak.update(hits)
        weak -= strong
        return strong, weak
