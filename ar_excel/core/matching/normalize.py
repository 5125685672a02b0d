"""Reading bank narratives the way a clerk does: digits, case and punctuation do not matter.

Banks print the same invoice number as ``INV-2024-00123``, ``inv2024/00123``, ``INV 2024
00123``, ``202400123``, ``123`` or ``فاتورة رقم ١٢٣``. A narrative is normalised once
(Arabic-Indic and Persian digits to ASCII, upper case, Arabic letter variants folded) and cut
into *reference keys* that are looked up in hash maps of the open invoices:

* ``alnum``  letters and digits of a number-bearing token, separators removed
  (``INV-2024-00123`` -> ``INV202400123``); runs of up to three adjacent tokens are joined too,
  because banks and MT940 line wrapping put spaces inside numbers;
* ``digits`` the digits alone (``202400123``);
* ``tail``   the last group of digits without leading zeros (``123``), the "numeric part" that
  customers type; short and ambiguous, so it only counts when amount or payer agree.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# (ة is written ه as often as not: الفاتورة, الفاتوره.)
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                              "ـ": None})
_TASHKEEL = re.compile("[\u064b-\u065f\u0670]")
# The letter ف standing alone before a number (ف-١٠٤٢, ف 1042: فاتورة, an invoice series) is
# the F payers write for it in Latin (F-1042): both are read as F.
_ARABIC_F = re.compile(r"(?<![\u0620-\u064a])ف(?=[\s\-/#.:]*\d)")
# A token that carries a number: letters/digits joined by the separators banks put in numbers.
_CHUNK = re.compile(r"[A-Z0-9]+(?:[-/._#:][A-Z0-9]+)*")
_DIGIT_RUN = re.compile(r"\d+")
# Translate tables: a key's digits (its letters deleted); the bytes that are no A-Z or 0-9.
ONLY_DIGITS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
NOT_ALNUM_BYTES = bytes(c for c in range(256) if not (48 <= c <= 57 or 65 <= c <= 90))
_ONLY_ALNUM = str.maketrans("", "", "-/._#:")


def fold_text(text: object) -> str:
    """Upper-case ASCII digits, Arabic letter variants folded (أ إ آ ٱ -> ا, ى -> ي, ة -> ه),
    diacritics and tatweel removed."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    s = str(text)
    if s.isascii():
        return s.upper()
    return _fold_unicode(s)


@lru_cache(maxsize=1 << 16)
def _fold_unicode(s: str) -> str:
    """``fold_text`` of a text beyond ASCII. (Remembered: a line's Arabic narrative and name
    are folded by each rule that reads them, and normalising is the costly part.)"""
    s = unicodedata.normalize("NFKC", s).translate(_DIGITS)
    s = _TASHKEEL.sub("", s).translate(_ARABIC_FOLD)
    if "ف" in s:
        s = _ARABIC_F.sub("F", s)
    return s.upper()


class Joined:
    """A statement's folded narratives joined into one text, apart by ``\\x00`` (a character
    no word or number holds), so a word or a pattern is searched for in all lines in one pass
    and each hit is traced back to its line."""

    SEPARATOR = "\x00"

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.joined = self.SEPARATOR.join(texts)
        # False when a narrative holds the separator itself: then it is read line by line.
        self.apart = self.joined.count(self.SEPARATOR) == max(len(texts) - 1, 0)
        self.starts: list[int] = []  # where each line begins in ``joined``
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t) + 1

    def line_at(self, at: int) -> int:
        """The line the character at ``at`` of ``joined`` belongs to."""
        return bisect_right(self.starts, at) - 1

    def lines_with(self, word: str) -> set[int]:
        """The lines holding ``word`` (all of them for "")."""
        if not word:
            return set(range(len(self.texts)))
        found: set[int] = set()
        joined, starts = self.joined, self.starts
        at = joined.find(word)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            found.add(line)
            if line + 1 >= len(starts):
                break
            at = joined.find(word, starts[line + 1])
        return found


_NON_ALNUM = re.compile(r"[^A-Z0-9]")


def alnum_key(text: object) -> str:
    """Letters and digits only, upper case: the form invoice numbers and bank accounts are
    compared in."""
    if isinstance(text, str) and text.isascii():  # most numbers and accounts: bytes are quicker
        return text.encode().upper().translate(None, NOT_ALNUM_BYTES).decode()
    return _NON_ALNUM.sub("", fold_text(text))


def tail_key(text: object) -> str:
    """The last run of digits without leading zeros (``INV-2024-00123`` -> ``123``)."""
    runs = _DIGIT_RUN.findall(fold_text(text))
    return runs[-1].lstrip("0") if runs else ""


_PIECE = re.compile(r"[A-Z]+|\d+")


def _pieces(chunk: str) -> list[str]:
    """A chunk cut where letters meet digits and at separators: banks glue numbers to words
    and dates (``NR.201303-111/11.3.2013NR.201303-112``, ``201303-128CURSUS``)."""
    return _PIECE.findall(chunk)


def _runs_with_digits(parts: list[str], digits: list[str], width: int,
                      out: list[tuple[str, str]], longest: int,
                      starts: frozenset[str] | None = None) -> None:
    """Add (joined run, its digits) for the runs of up to ``width`` adjacent ``parts`` that
    hold a digit (``digits``: each part's digits) and whose digits are at most ``longest``
    long to ``out``. With ``starts``, a run opening with a part without digits is left out
    unless that part is in ``starts``: the letters an invoice number can begin with."""
    at = [k for k, d in enumerate(digits) if d]
    if not at:
        return
    n = len(parts)
    # A run holding a digit starts at most width - 1 parts before the first part with one.
    for i in range(max(at[0] - width + 1, 0), at[-1] + 1):
        if starts is not None and not digits[i] and parts[i] not in starts:
            # Its letters begin no invoice number, and its digits are those of the run one
            # part shorter, which is read anyway.
            continue
        d = ""
        for j in range(i, min(i + width, n)):
            d += digits[j]
            if len(d) > longest:
                break
            if d:
                out.append(("".join(parts[i:j + 1]), d))


def candidate_keys(text: str, longest: int = 1 << 30,
                   starts: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """(alnum key, its digits) for every way a folded narrative could be writing an invoice
    number: each number-bearing chunk, runs of up to three adjacent chunks (spaces inside a
    number), and inside a chunk the runs of up to four pieces (numbers glued to words and
    dates). Keys without a digit name no invoice and are left out, and so are keys of more
    than ``longest`` digits; a key may come twice. With ``starts`` (the letters invoice
    numbers begin with, and every beginning of them), keys that begin with a word that starts
    no invoice number are left out: they name none, and their digits come with a shorter key."""
    out: list[tuple[str, str]] = []
    chunks: list[str] = []
    digits: list[str] = []
    for chunk in _CHUNK.findall(text):
        if chunk.isalpha():
            chunks.append(chunk)
            digits.append("")
        elif chunk.isdigit():
            chunks.append(chunk)
            digits.append(chunk)
        else:
            key = chunk if chunk.isalnum() else chunk.translate(_ONLY_ALNUM)
            if key.isalpha():
                # Words joined by a separator (/INV/SI 1679, :70:/RFB/SI 1679): each word may
                # begin the number that follows.
                for word in _PIECE.findall(chunk):
                    chunks.append(word)
                    digits.append("")
                continue
            chunks.append(key)
            digits.append(key.translate(ONLY_DIGITS))
            if digits[-1]:  # with its separators: they cut numbers apart
                pieces = _pieces(chunk)
                if len(pieces) > 1:
                    _runs_with_digits(pieces, [p if p[0].isdigit() else "" for p in pieces], 4,
                                      out, longest, starts)
    _runs_with_digits(chunks, digits, 3, out, longest, starts)
    return out


def tail_keys(text: str) -> set[str]:
    """Every run of digits in a folded narrative without its zero padding."""
    return {t for t in (run.lstrip("0") for run in _DIGIT_RUN.findall(text)) if t}


def reference_keys(text: str) -> tuple[set[str], set[str], set[str]]:
    """The (alnum, digits, tail) keys a folded narrative could be naming an invoice by."""
    keys = candidate_keys(text)
    return {k for k, _ in keys}, {d for _, d in keys}, tail_keys(text)


# An IBAN as banks print it, compact or in groups of four (EG89 0019 0115 3993 4903 ...): its
# digit groups are not invoice numbers. RF creditor references look alike and are kept.
_IBAN = re.compile(r"\b(?!RF)[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,8}(?:[ -]?[A-Z0-9]{1,3})?\b")


# An amount as banks and payers print it in the narrative: 11,400.00, 11.400,00, 5000.00 (two
# decimals). Its digits are no invoice number (400.00 -> 40000).
_AMOUNT = re.compile(r"(?<![\d.,/-])(?:(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d|\d{1,3}(?:\.\d{3})+,\d\d)"
                     r"(?![\d.,/-])")


# (As ``_AMOUNT``, and between the slashes of a SWIFT remittance: /INV/2026/00042/12000.00/.)
_STATED_AMOUNT = re.compile(r"(?<![\d.,-])(?:(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d|\d{1,3}(?:\.\d{3})+,\d\d)"
                            r"(?![\d.,-])")


def printed_amounts(text: str) -> list[float]:
    """The amounts (two decimals) a folded narrative prints, in order: 11,400.00 and
    11.400,00 are both 11400.0."""
    if "." not in text and "," not in text:
        return []
    out = []
    for m in _STATED_AMOUNT.finditer(text):
        a = m.group(0)
        if a[-3] == ",":  # 11.400,00
            a = a.replace(".", "").replace(",", ".")
        out.append(float(a.replace(",", "")))
    return out


def without_amounts(text: str) -> str:
    """The folded narrative with amounts (two decimals) blanked out."""
    return _AMOUNT.sub(" ", text) if "." in text or "," in text else text


# The branch, teller or ATM a deposit was made at (CASH DEP BRANCH 0199, BR: 12, فرع 045): a
# number of the bank's, never the customer's reference to an invoice.
# (A cash deposit machine's too: CASH DEPOSIT CDM 5079.)
_BRANCH_NUMBER = re.compile(r"(?<![\w/-])(?:BRANCH|BRN|BRCH|BR|TELLER|ATM|CDM)(?:\s*(?:NO|CODE|ID)\b)?"
                            r"[\s.:#]+\d+|فرع\s*(?:رقم\s*)?\d+")


def without_branches(text: str) -> str:
    """The folded narrative with the numbers of a bank's branch, teller or ATM blanked out."""
    return _BRANCH_NUMBER.sub(" ", text) if "BR" in text or "TELLER" in text or "ATM" in text \
        or "CDM" in text or "فرع" in text else text


def _digits(n: int) -> str:
    """``n`` more digits, each perhaps after a space or a dash (a number printed in groups)."""
    return rf"(?:[ -]?\d){{{n}}}"


# A mobile number as instant-payment narratives print the payer's (Fawran, WAMD, Fawri+ and
# InstaPay aliases): with the country's code (974 5512 3456, +965 9912 3456, 00966 50 123
# 4567, +20 100 123 4567) or Egypt's, Saudi Arabia's and the Emirates' own way (0100 123 4567,
# 050 123 4567). Its groups are no invoice numbers (5512 of 974 5512 3456 is not INV-5512).
def mobile_numbers(egypt: str) -> re.Pattern[str]:
    """Mobile numbers as printed, Egypt's with the country code written as ``egypt`` (the
    prefix before the 1x of 010 / 011 / 012 / 015)."""
    return re.compile(
        r"(?<![\w+])(?:(?:\+|00)?(?:965|974|973|968)[ -]?[35679]" + _digits(7)
        + r"|(?:\+|00)?(?:966|971)[ -]?0?5" + _digits(8)
        + r"|" + egypt + r"1[0125]" + _digits(8)
        + r"|01[0125]" + _digits(8) + r"|05" + _digits(8) + r")(?![ -]?\d|\w)")


_MOBILE = mobile_numbers(r"(?:\+|00)20[ -]?")


def _spaced_mobile(m: re.Match) -> str:
    # (written in one run of digits it is a long number, which no invoice's part is read from)
    return " " if " " in m.group(0) or "-" in m.group(0) else m.group(0)


def without_accounts(text: str) -> str:
    """The folded narrative with IBANs and mobile numbers printed in groups blanked out (the
    payer's account is read elsewhere)."""
    text = _IBAN.sub(" ", text)  # (a text without digits has none: it comes back as it was)
    return _MOBILE.sub(_spaced_mobile, text) if " " in text or "-" in text else text


# A number (or a list of numbers) right after the word invoice: INV 4557, Inv#02040,
# INV NO.4557, فاتورة رقم 3547 (folded: فاتوره), INVS 4255+4740, INVOICES 1426, 2746 AND 3128, فواتير 1 و 2.
# A number followed by another group of digits is a number with spaces in it, read whole by
# ``reference_keys`` instead.
_INVOICE_WORD = re.compile(
    r"(?:\bINV(?:OICE)?S?|\bBILLS?|\bFACTURES?|\bRECHNUNG(?:EN)?|فاتوره|فواتير)"
    r"[\s.:#-]*(?:(?:NO|NR|NUM|NUMBER)S?\b[\s.:#-]*|رقم\s*|ارقام\s*)?"
    r"(\d[\d/-]*(?:\s*(?:,|\+|&|\bAND\b|\sو)\s*\d[\d/-]*)*)(?![\s\d]*\d)")
_LIST_SEP = re.compile(r"\s*(?:,|\+|&|\bAND\b|\sو)\s*")
# A range of invoices: INV 45-47, INVOICES 1023 TO 1026, فواتير ٤٥ الى ٤٧ (at most RANGE_SPAN).
# "to" between the first and last invoice, folded: TO, الى, حتى, لغاية
_TO_WORDS_AR = ("الي", "حتي", "لغايه")
_TO = r"\bTO\b|" + "|".join(_TO_WORDS_AR)
_RANGE = re.compile(r"(\d+)\s*(?:-|" + _TO + r")\s*(\d+)")
# The words before a range of invoices, "from" too (INVOICES FROM 1001 TO 1004, فواتير من
# ١٠٠١ الى ١٠٠٤, INV NOS 1001 - 1004); ``_WORD_RANGE`` and ``_WIDE_RANGE`` read after them.
_RANGE_OF_INVOICES = (r"(?:\bINV(?:OICE)?S?|\bBILLS?|فاتوره|فواتير)[\s.:#-]*"
                      r"(?:(?:NO|NR|NUM|NUMBER)S?\b[\s.:#-]*|رقم\s*|ارقام\s*)?"
                      r"(?:(?:\bFROM\b|من)\s*)?(?<![\d/-])")
_WORD_RANGE = re.compile(_RANGE_OF_INVOICES
                         + r"(\d+\s*(?:" + _TO + r"|\s-\s?|-\s)\s*\d+)(?![\d/-])")
RANGE_SPAN = 30


def writes_to(text: str) -> bool:
    """Whether a folded narrative has a word ``_TO`` reads (a cheap test before the range
    patterns)."""
    return " TO " in text or any(word in text for word in _TO_WORDS_AR)


def _expand_range(m: re.Match) -> str:
    first, last = int(m.group(1)), int(m.group(2))
    if not first < last <= first + RANGE_SPAN:
        return m.group(0)  # INV 2026-0045: a number with a dash, not a range
    return ",".join(str(n) for n in range(first, last + 1))


def _may_call_invoice(text: str) -> bool:
    """Whether the folded text holds the start of a word ``_INVOICE_WORD`` reads (a cheap test
    before the pattern: most narratives hold none)."""
    return "INV" in text or "فات" in text or "فوات" in text or "BILL" in text \
        or "FACT" in text or "RECHN" in text


def invoice_mentions(text: str) -> set[str]:
    """Numeric parts (without zero padding) that the narrative calls invoices."""
    out: set[str] = set()
    if not _may_call_invoice(text):
        return out
    found = [m.group(1) for m in _INVOICE_WORD.finditer(text)]
    if "- " in text or " -" in text or writes_to(text):
        # (a range in words, or a dash apart from its numbers: rare)
        found += [m.group(1) for m in _WORD_RANGE.finditer(text)]
    for numbers in found:
        if not numbers.isdigit():
            numbers = _RANGE.sub(_expand_range, numbers)
        for item in _LIST_SEP.split(numbers):
            # A whole number (INV-2026-04557, 2026/123) is read by ``reference_keys``; its
            # last part alone could name another year's invoice.
            if item.isdigit() and item.lstrip("0"):
                out.add(item.lstrip("0"))
            elif (m := _SEQUENCE_OF_YEAR.fullmatch(item)) and m.group(1).lstrip("0"):
                # Inv. No. 123/2026: the invoice's numeric part, and the year it was issued in.
                out.add(m.group(1).lstrip("0"))
    return out


# A sequence and the year after it (123/2026, 0123-2026), the sequence no year itself.
_SEQUENCE_OF_YEAR = re.compile(r"(?!(?:19|20)\d\d[/-])(\d{1,6})[/-](?:19|20)\d\d")


# A range of invoices too wide to list (INV 383-660, INVOICES 1001 TO 1140, فواتير ٣٨٣ الى ٦٦٠):
# the first and last numbers paid, the ones between them not all paid.
_WIDE_RANGE = re.compile(_RANGE_OF_INVOICES
                         + r"(\d+)\s*(?:-|" + _TO + r")\s*(\d+)(?![\d/-])")


def invoice_ranges(text: str) -> list[tuple[str, str]]:
    """The (first, last) numeric parts, without zero padding, of the ranges of invoices a
    folded narrative writes after the word invoice, wider than ``RANGE_SPAN`` (narrower ones
    are listed whole by ``invoice_mentions``)."""
    if not _may_call_invoice(text):
        return []
    out = []
    for m in _WIDE_RANGE.finditer(text):
        first, last = m.group(1).lstrip("0"), m.group(2).lstrip("0")
        # (INV 2026-2107: a year and a sequence, one number, not a range from invoice 2026.)
        if first and last and int(first) + RANGE_SPAN < int(last) \
                and not re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            out.append((first, last))
    return out


def invoice_numbers_called(text: str) -> set[str]:
    """The digits of the whole numbers written right after the word invoice (INV 2026/45 ->
    ``202645``): the numbers the narrative itself calls invoices, however written."""
    if not _may_call_invoice(text):
        return set()
    return {re.sub(r"\D", "", item) for m in _INVOICE_WORD.finditer(text)
            for item in _LIST_SEP.split(m.group(1))}


# A number the narrative calls something else than an invoice: the payer's order, cheque,
# phone or customer number (PO 4557, LPO NO. 4557, CHQ 04557, CHQ DEP NO 288553, TEL 0100...,
# أمر شراء 4557), or a list of them (CHQS 123456/123457 & 123458, شيكات ارقام 1234 و 1235).
_OTHER_NUMBER = re.compile(
    # (A SADAD bill account, BILL ACCT 00231, is the payer's account with us: its number.)
    r"(?:\b(?:L?PO|P\.O|ORDER|CHQ|CHEQUE|CHECK|CHK|TEL|MOB|PHONE|CIF|CUST|CUSTOMER|CONTRACT|"
    r"BILL ACC(?:OUN)?T|SUBSCRIBER)"
    r"(?P<plural>S)?|امر شراء|(?P<cheques>شيكات)|شيك|تليفون|موبايل)[\s.:#-]*"
    r"(?:(?:DEP|DEPOSIT|DEPOSITED|CLG|CLEARING)\b[\s.:#-]*)?"
    r"(?:(?P<nos>NOS|NUMBERS)\b[\s.:#-]*|(?:NO|NR|NUM|NUMBER)\b[\s.:#-]*|(?P<arnos>ارقام)\s*|رقم\s*)?"
    r"(?P<number>\d+(?:\s*(?:[,/&+]|\bAND\b|و)\s*\d+)*)")
# More numbers after a plural's (CHQS 123456 123457): the same list, spaced.
_SPACED_NUMBERS = re.compile(r"(?:\s+\d+\b)+")
_DIGIT_GROUP = re.compile(r"\d+")


def other_numbers(text: str) -> set[str]:
    """Numbers (without zero padding) that a folded narrative calls an order, a cheque, a
    phone or a customer number: each of a list of them."""
    out: set[str] = set()
    for m in _OTHER_NUMBER.finditer(text):
        items = _DIGIT_GROUP.findall(m.group("number"))
        if m.group("plural") or m.group("cheques") or m.group("nos") or m.group("arnos"):
            more = _SPACED_NUMBERS.match(text, m.end())
            if more:
                items += _DIGIT_GROUP.findall(more.group(0))
        out.update(d.lstrip("0") for d in items)
    return out


_NOT_A_DIGIT = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ-/._#:")


def digit_runs(text: str) -> list[str]:
    """All runs of digits (and of adjacent digit groups joined) in a folded narrative."""
    digits = [c.translate(_NOT_A_DIGIT) for c in _CHUNK.findall(text)]  # chunks: A-Z 0-9 -/._#:
    runs: list[str] = []
    for i in range(len(digits)):
        d = ""
        for j in range(i, min(i + 3, len(digits))):
            d += digits[j]
            if len(d) >= 3:
                runs.append(d)
    return runs


def one_digit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one mistyped, missing, extra or swapped digit."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if la < lb:
        a, b, la, lb = b, a, lb, la
    if la - lb > 1:
        return False
    # Everything before the first difference is the same; what is left decides. (Found by a
    # plain loop: this is asked of every open invoice of a receipt's amount, and a generator
    # costs more than the comparison.)
    i = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (  # one mistyped digit, or two adjacent swapped
            a[i + 2:] == b[i + 2:] and a[i] == b[i + 1] and a[i + 1] == b[i])
    # One digit missing from ``b`` (extra in ``a``): dropping ``a``'s first differing digit
    # gives ``b`` if dropping any does (a run of equal digits drops the same way).
    return a[i + 1:] == b[i:]


def one_digit_variants(d: str) -> set[str]:
    """The digit strings one mistyped, missing, extra or swapped digit away from ``d`` (and
    ``d`` itself: the same digits in another numbering scheme)."""
    n = len(d)
    cuts = [(d[:i], d[i:]) for i in range(n + 1)]
    out = {a + c + b[1:] for a, b in cuts[:n] for c in "0123456789"}  # one digit changed
    out.update(a + b[1:] for a, b in cuts[:n])  # one missing
    out.update(a + c + b for a, b in cuts for c in "0123456789")  # one extra
    out.update(a + b[1] + b[0] + b[2:] for a, b in cuts[:n - 1])  # two swapped
    return out
