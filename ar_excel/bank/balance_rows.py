"""Rows of a statement that are not transactions: totals and stated balances.

The rule: a totals row (``Total``, ``Summe``, ``المجموع``, "Page total") is no transaction; it
is left out and checked against the lines above it (from the start, or since the totals row
before: page totals), and reported where it differs. An opening/closing or brought/carried
forward row gives the statement's balance, also when printed as a dated credit line whose text
says nothing but the balance label; a narrative that merely mentions a balance is a line. A
balance on a date ("SOLDE AU 30/11/2026", "Balance as at ...", "الرصيد في ...") opens the
statement above its lines and closes it below them; between two pages it is the running
balance there, checked as a brought or carried forward one is.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.bank.cells import cell_at
from ar_excel.bank.marks import WORD_AFTER
from ar_excel.bank.numbers import parse_amount, parse_date
from ar_excel.bank.signs import balance_side
from ar_excel.bank.statement import StatementBalance
from ar_excel.parsing import is_blank, normalize_digits

_TOTAL_WORDS = r"totals?|sum|summe|gesamt|المجموع|الإجمالي|اجمالي|إجمالي|الاجمالي|مجموع|totaux"
TOTAL_RE = re.compile(rf"(?i)^\s*((page|sub|grand)[\s-]*)?({_TOTAL_WORDS}|solde total)\b")


# a dated row is a totals row only when its label says nothing else ("Total", "Page total:",
# "Total debits"), never a payment to "TOTAL ENERGIES"
TOTAL_LABEL = re.compile(rf"(?i)^\s*((page|sub|grand)[\s-]*)?({_TOTAL_WORDS})"
                          r"(\s+(debits?|credits?|for\s.*|of\s.*|الصفحة|الحركات|المدين|الدائن))?"
                          r"\s*:?\s*$")


_TOTAL_CREDITS = re.compile(r"(?i)credit|deposit|دائن|إيداع|ايداع|haben|crédit")


_TOTAL_DEBITS = re.compile(r"(?i)debit|withdrawal|مدين|سحب|soll|débit")


# a balance taken over from the page before ("الرصيد المرحل من الصفحة السابقة": 'carried'
# over, but to this page) or on to the page after
FROM_PAGE_BEFORE = (r"(from|of)\s+(the\s+)?(previous|last|prior)\s+page|"
                    r"(من|عن)\s*(ال)?صفح[ةه]\s*(ال)?(سابق[ةه]|ماضي[ةه])")
TO_PAGE_AFTER = r"(to|on)\s+(the\s+)?next\s+page|(إلى|الى|لل|ل)\s*(ال)?صفح[ةه]\s*(ال)?تالي[ةه]"
# the balance named before the day it is at ("Balance as at the end of the month")
_BALANCE_AT = r"\bbalance\s+(?:at|as\s+(?:at|of|on)|on)\s+(?:the\s+)?"


OPENING_RE = re.compile(r"(?i)(opening|start|beginning|previous|alter|anfangs|ouverture|"
                         r"initial)\s*(?:ledger\s+|book(?:ed)?\s+)?(balance|saldo|kontostand|solde)|solde\s+(initial|"
                         r"d'ouverture|pr[ée]c[ée]dent|ant[ée]rieur)|ancien\s+solde|الرصيد\s*(الافتتاحي|الافتتاحى|السابق|أول|اول|المنقول|المدور)|"
                         r"رصيد\s*(افتتاحي|افتتاحى|أول|اول|منقول|مدور|سابق|بداي[ةه])|"
                         r"الرصيد\s*(في|فى)\s*(بداي[ةه]|أول|اول)|brought\s*forward|\bb\s*/\s*f(wd)?\b|"
                         r"\bbal(ance)?\s*b/?f\b|übertrag|report\s+à\s+nouveau|"
                         + _BALANCE_AT + r"(?:beginning|start)\b|"
                         r"\bbalance\s+forward\b|"  # (US banks')
                         + FROM_PAGE_BEFORE)


CLOSING_RE = re.compile(r"(?i)(closing|ending|end|final|neuer|schluss|clôture|cloture)\s*"
                         r"(?:ledger\s+|book(?:ed)?\s+)?(balance|saldo|kontostand|solde)|solde\s+(final|de clôture)|"
                         r"nouveau\s+solde|"
                         r"الرصيد\s*(الختامي|الختامى|النهائي|النهائى|الحالي|المرحل)|"
                         r"رصيد\s*(آخر|اخر|مرحل|ختامي|ختامى|نهائي|نهائى|نهاي[ةه])|"
                         r"الرصيد\s*(في|فى)\s*(نهاي[ةه]|آخر|اخر)|"
                         r"carried\s*forward|\bc\s*/\s*f(wd)?\b|\bbal(ance)?\s*c/?f\b|"
                         + _BALANCE_AT + r"end\b|"
                         # German exports' last line "Kontostand" (not the old one)
                         r"(?<!alter )(?<!anfangs)(?<!alter)\bkontostand\b|" + TO_PAGE_AFTER)


# the account's balance now, named neither opening nor closing ("Current Balance", "Ledger
# Balance": the booked balance after the newest line, as "الرصيد الحالي" in CLOSING_RE): the
# statement's closing balance where a row says nothing else (a narrative may open so:
# "CURRENT BALANCE TRANSFER FROM DEPOSIT"). Not in CLOSING_RE: above the table a stated
# closing balance comes first, and an unnamed "Current balance" there is ``current_balance``'s.
BALANCE_NOW = re.compile(r"(?i)^\s*(?:(?:current|ledger|book(?:ed)?)\s+(?:ledger\s+)?balance|"
                         r"aktueller\s+(?:saldo|kontostand)|solde\s+(?:actuel|comptable))\b")


# a balance other than the booked one ("Available Balance", "Closing Available Balance",
# "Cleared balance", "الرصيد المتاح"): it moves with holds and cheques not yet cleared, so it
# is neither a line nor the closing balance the lines tie out to
OTHER_BALANCE = re.compile(
    r"(?i)^\s*(?:(?:opening|closing|current|ending|today'?s)\s+)?(?:available|avail\.?|cleared|"
    r"uncleared|blocked|held|collected|uncollected|float)\s+(?:ledger\s+)?balance\b|"
    r"^\s*(?:ال)?رصيد\s*(?:ال)?(?:متاح|محجوز|فعلي\s*(?:ال)?متاح)")


# a balance carried over ("رصيد مرحل", "الرصيد المرحل"), to or from another period by where
# it stands
_CARRIED = re.compile(r"(?:ال)?رصيد\s*(?:ال)?مرحل")


_BALANCE_WORD = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|brought\s*forward|"
                           r"carried\s*forward|\b[bc]\s*/\s*f(wd)?\b|übertrag|à nouveau")


def totals_that_differ(totals: list[tuple[int, str]], data: list[list[Any]],
                        cols: dict[str, int], decimal: str, amount: np.ndarray,
                        kept: np.ndarray) -> list[tuple[int, str, str]]:
    """Totals rows whose figures are not the sums of the imported lines above them (from the
    start or from the totals row before: page totals) - a line missing or misread there.
    A totals row is left out either way; one that agrees needs no word."""
    out = []
    previous = -1
    for pos, label in totals:
        stated: dict[str, float] = {}
        for canon in ("Debit", "Credit", "Amount"):
            try:
                value = parse_amount(cell_at(data[pos], cols.get(canon)), decimal)
            except ValueError:
                value = None
            if value is not None:
                stated[canon] = abs(value) if canon != "Amount" else value
        if "Amount" in stated:  # one column: a net total, or "Total credits" / "Total debits"
            if _TOTAL_CREDITS.search(label) and not _TOTAL_DEBITS.search(label):
                stated["Credit"] = abs(stated.pop("Amount"))
            elif _TOTAL_DEBITS.search(label) and not _TOTAL_CREDITS.search(label):
                stated["Debit"] = abs(stated.pop("Amount"))
        if not stated:
            continue

        def sums(lo: int, hi: int) -> dict[str, float]:
            part = amount[kept[(kept > lo) & (kept < hi)]]
            return {"Credit": round(float(part[part > 0].sum()), 3) + 0.0,
                    "Debit": round(float(-part[part < 0].sum()), 3) + 0.0,
                    "Amount": round(float(part.sum()), 3) + 0.0}

        # the lines above it, those since the totals row before (a page's), or all of them
        # (a summary printed at the top)
        found = [sums(-1, pos), sums(previous, pos), sums(-1, len(amount))]
        previous = pos
        if any(all(abs(got[k] - v) < 0.005 for k, v in stated.items()) for got in found):
            continue
        words = {"Debit": "debits", "Credit": "credits", "Amount": "net"}
        said = ", ".join(f"{words[k]} {v:,.2f}" for k, v in stated.items())
        whole = found[2] if not (kept < pos).any() else found[0]
        where = "the lines above" if (kept < pos).any() else "the lines"
        added = ", ".join(f"{words[k]} {whole[k]:,.2f}" for k in stated)
        out.append((pos, label, f"'{label}' says {said}; {where} add up to {added}; "
                                "a line may be missing from the file or misread"))
    return out


def closing_on_the_totals_row(totals: list[tuple[int, str]], data: list[list[Any]],
                              cols: dict[str, int], decimal: str, kept: np.ndarray,
                              direction: int | None) -> tuple[int, float] | None:
    """The statement's closing balance where the balance printed on its totals row at the foot
    is the only one stated (Egyptian portals: "الإجمالي | debits | credits | 1,234,567.89"
    under the Balance column): the last totals row below every line, its Balance cell read,
    as (position, balance). Only where the running balance runs oldest first
    (``direction`` 1): the row at the foot then follows the newest line; newest first it
    follows the oldest. None where no such row states a balance."""
    if direction != 1 or "Balance" not in cols or not totals or not len(kept):
        return None
    pos = totals[-1][0]
    if pos < kept[-1]:
        return None
    try:
        value = parse_amount(cell_at(data[pos], cols["Balance"]), decimal)
    except ValueError:
        return None
    return None if value is None else (pos, value)


# after a "\0" that starts each cell: the scan looks for that one character first
_TOTAL_AT_CELL_START = re.compile("\0" + TOTAL_RE.pattern.removeprefix("(?i)^"), re.I)


# a word every balance label has (lower case): the cells holding one are then read whole
_BALANCE_KEYS = ("balance", "saldo", "solde", "kontostand", "رصيد", "forward", "b/f", "c/f",
                 "fwd", "bertrag", "nouveau")  # "bertrag": "übertrag" without a slow letter


def _find_all(text: str, words: tuple[str, ...]) -> list[int]:
    """Where any of ``words`` occurs in ``text`` (str.find: far faster than a regex of
    alternatives over a whole column)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return found


def starts_with_total(cells: list[Any]) -> np.ndarray:
    """Which cells start like a totals row (``TOTAL_RE``) or name a balance: one search over
    the column's text joined, not one per cell (a statement has tens of thousands of
    narratives, and a totals row or two)."""
    texts = cells if set(map(type, cells)) == {str} else [
        c if isinstance(c, str) else "" for c in cells]
    hits = np.zeros(len(texts), dtype=bool)
    joined = "\0" + "\0".join(texts)
    found = [m.start() for m in _TOTAL_AT_CELL_START.finditer(joined)]
    lower = joined.lower()
    keyed = _find_all(lower, _BALANCE_KEYS)
    if found or keyed:
        starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        hits[np.searchsorted(starts, found, side="right") - 1] = True
        cells = (set((np.searchsorted(starts, keyed, side="right") - 1).tolist())
                 if len(lower) == len(joined)  # else a letter changed length in lower case
                 else {k for k, t in enumerate(texts) if _find_all(t.lower(), _BALANCE_KEYS)})
        for k in cells:
            text = texts[k]  # a short cell naming a balance: "Opening Balance", "BALANCE B/F"
            hits[k] |= len(text) <= 60 and bool(OPENING_RE.search(text)
                                                or CLOSING_RE.search(text)
                                                or BALANCE_NOW.match(text)
                                                or OTHER_BALANCE.match(text)
                                                or BALANCE_ON_A_DATE.match(text))
    return hits


# words around a balance label that say nothing more ("BALANCE brought forward": the label
# names the balance after its words)
# ("رصيد أول المدة": the balance at the period's start, as Egyptian banks word it; the
# month's, "رصيد أول الشهر"; "Ledger Opening Balance", the booked balance)
_LABEL_FILLER = re.compile(r"(?i)\b(as|of|at|on|for|the|period|month|date|ledger|في|بتاريخ|"
                           r"balance|bal|saldo|solde|kontostand|الرصيد|رصيد|"
                           r"(?:لل|ال)?(?:مد[ةه]|فتر[ةه]|شهر))\b")


def _label(row: list[Any], cols: dict[str, int]) -> str:
    """The row's words: its text cells but those of the money and date columns."""
    money_and_dates = {cols[c] for c in ("Date", "Value Date", "Amount", "Debit", "Credit",
                                         "Balance", "_sign") if c in cols}
    return " ".join(str(c).strip() for i, c in enumerate(row)
                    if isinstance(c, str) and c.strip() and i not in money_and_dates)


def _only_a_balance_label(row: list[Any], cols: dict[str, int]) -> bool:
    """Whether the row's text says nothing but 'Opening balance' (or closing, brought
    forward...), maybe 'as of <date>': some banks print the opening balance as a dated credit
    line, which is no money received."""
    money_and_dates = {cols[c] for c in ("Date", "Value Date", "Amount", "Debit", "Credit",
                                         "Balance", "_sign") if c in cols}
    label = " ".join(str(c) for i, c in enumerate(row)
                     if isinstance(c, str) and c.strip() and i not in money_and_dates)
    return _says_only(label, OPENING_RE, CLOSING_RE, BALANCE_NOW)


def _says_only(label: str, *patterns: re.Pattern[str]) -> bool:
    """Whether ``label`` says nothing but what ``patterns`` match, maybe a date and filler
    words ('as of', 'the period')."""
    rest = DATES_IN_TEXT.sub(" ", label).strip()
    for pattern in patterns:
        rest = pattern.sub(" ", rest).strip()
    return not re.search(r"[^\W\d_]", _LABEL_FILLER.sub(" ", rest))


def a_balance_not_booked(row: list[Any], cols: dict[str, int]) -> str | None:
    """The label of a row that states only a balance other than the booked one ("Available
    Balance", maybe 'as at <date>'), else None."""
    label = _label(row, cols)
    return label if OTHER_BALANCE.match(label) and _says_only(label, OTHER_BALANCE) else None


# "Balance brought forward", "Balance c/f": the balance named before its words
_BALANCE_FIRST = re.compile(r"(?i)\s*(?:balance|bal\.?|saldo|solde)\s+")


def opens_with_a_balance_label(text: str) -> bool:
    """Whether ``text`` opens with a balance's label: opening or closing ("الرصيد المنقول",
    "رصيد أول المدة", "Balance brought forward"), the balance now ("Current Balance") or one
    other than the booked one ("Available Balance", "الرصيد المتاح")."""
    m = _BALANCE_FIRST.match(text)
    return any(p.match(t) for p in (OPENING_RE, CLOSING_RE, BALANCE_NOW, OTHER_BALANCE)
               for t in ((text, text[m.end():]) if m else (text,)))


def opens_with_a_closing_label(text: str) -> bool:
    """Whether ``text`` opens with a closing balance's label ("Closing balance", "الرصيد
    الختامي", "Current Balance")."""
    return bool(CLOSING_RE.match(text) or BALANCE_NOW.match(text))


def read_balance_row(row: list[Any], texts: str, cols: dict[str, int],
                     balances: StatementBalance, decimal: str, dayfirst: bool,
                     fmt: str | None, page_break: bool = False,
                     end: str | None = None) -> tuple[str, float] | None:
    """An 'Opening balance' / 'Closing balance' row: record it in ``balances`` and return
    its kind ("opening" or "closing") and balance (it is not a transaction); None for any
    other row. ``texts``: the row's text cells joined. A ``page_break`` row (lines above and
    below it: "Balance brought forward" / "carried forward" between pages) is returned but
    is neither the statement's opening nor its closing balance. ``end``: "opening" for a row
    above all the lines, "closing" for one below them, where a balance on a date
    (``BALANCE_ON_A_DATE``) is the one or the other."""
    if not _BALANCE_WORD.search(texts):
        return None
    # "الرصيد المرحل من الصفحة السابقة": 'carried' (مرحل), but from the page before
    is_open = bool(OPENING_RE.search(texts))
    is_close = bool(CLOSING_RE.search(texts)) and not re.search(FROM_PAGE_BEFORE, texts, re.I)
    if is_close and not is_open and end == "opening" and not CLOSING_RE.search(
            _CARRIED.sub(" ", texts)):
        # "رصيد مرحل" says only that the balance was carried over: above the lines, from
        # the month before (brought forward), below them to the next
        is_open, is_close = True, False
    if not (is_open or is_close) and end != "opening" and BALANCE_NOW.match(
            _label(row, cols)) and _only_a_balance_label(row, cols):
        # "Current Balance": the balance after the newest line (not one standing before the
        # oldest: the balance then, or the export day's, is no closing the lines lead to)
        is_close = True
    on_a_date = not (is_open or is_close) and bool(end or page_break) and bool(
        BALANCE_ON_A_DATE.match(_label(row, cols)))
    if on_a_date:  # between pages: the balance so far, checked as a carried-forward one
        is_open, is_close = end == "opening", end != "opening"
    if not (is_open or is_close):
        return None
    dated = not is_blank(cell_at(row, cols.get("Date", cols.get("Value Date"))))
    moved = any(not is_blank(cell_at(row, cols.get(c))) for c in ("Amount", "Debit", "Credit"))
    if dated and moved and not (on_a_date or _only_a_balance_label(row, cols)):
        return None  # a real line whose narrative happens to mention a balance
    value = None
    for canon in ("Balance", "Amount", "Credit", "Debit"):
        try:
            value = parse_amount(cell_at(row, cols.get(canon)), decimal)
        except ValueError:
            value = None
        if value is not None:
            if canon == "Debit":
                value = -abs(value)
            elif canon == "Balance" and "_balance_sign" in cols:  # "120.500 | Dr": overdrawn
                side = balance_side(cell_at(row, cols["_balance_sign"]))
                value = side * abs(value) if side else value
            break
    if value is None:
        value = number_in_text(row, decimal)
    if value is None:
        return None
    if page_break:
        return ("opening" if is_open else "closing"), value
    day_cell = cell_at(row, cols.get("Date"))
    try:
        when = parse_date(day_cell, dayfirst, fmt)
    except (ValueError, OverflowError):
        when = None
    if (isinstance(day_cell, (int, float)) and not isinstance(day_cell, bool)
            and abs(abs(day_cell) - abs(value)) < 0.005):
        when = None  # "Closing balance | 67227.00" under the date column: the figure, no day
    if is_open:
        # each page repeats "brought forward": the first opens (the row may date the
        # preamble's opening balance)
        if balances.opening is None or (balances.opening == value
                                        and balances.opening_date is None):
            balances.opening, balances.opening_date = value, when
    else:  # and the last "carried forward" or closing balance closes
        balances.closing, balances.closing_date = value, when
    return ("opening" if is_open else "closing"), value


# dates inside a balance label ("Ending balance as of 11/30/2026", "as at 30-Nov-2026"):
# their digits are not the balance
DATES_IN_TEXT = re.compile(
    r"(?<![\d.,])(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|"
    r"\d{1,2}[\s-]+[^\W\d_]{3,9}\.?[\s-]+\d{4})(?![\d.,])")


# "SOLDE AU 30/11/2026", "Balance as at 30 Nov 2026", "الرصيد في 30/11/2026": a balance on a
# date, neither opening nor closing by its words: above the statement's lines it opens it,
# below them it closes it
BALANCE_ON_A_DATE = re.compile(
    r"(?i)^\s*(?:balance|solde(?:\s+(?:cr[ée]diteur|d[ée]biteur))?|saldo|kontostand|الرصيد|رصيد)"
    r"\s*(?:as\s+(?:at|of|on)|at|on|au|à|per|al|zum|am|في|فى|بتاريخ|حتى)\s*:?\s*(?:"
    + DATES_IN_TEXT.pattern + r")\s*:?\s*$")


def number_in_text(row: list[Any], decimal: str) -> float | None:
    """The balance a row states without a money column: its last number that is no date
    (``Ending balance as of 11/30/2026 ... 12,345.00``)."""
    for cell in reversed(row):
        if isinstance(cell, (int, float)) and not isinstance(cell, bool) and cell == cell:
            return float(cell)
        if isinstance(cell, str):
            cell = DATES_IN_TEXT.sub(" ", normalize_digits(cell))
        if isinstance(cell, str) and re.search(r"\d", cell):
            # (its side as written: "3,500.00 Dr" is overdrawn)
            m = re.search(r"[-(]?\s*[$€£]?\s*\d[\d.,' ]*\d(?:\s*" + WORD_AFTER + r")?\)?|\d", cell)
            try:
                return parse_amount(m.group(0), decimal) if m else None
            except ValueError:
                continue
    return None
