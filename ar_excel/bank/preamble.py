"""The account lines above a statement's header: currency and stated balances.

The rule: a ``Currency: EGP`` (or ``العملة | جنيه مصري``) line gives the statement's currency,
and an opening or closing balance stated there is kept for the tie-out, also from a summary
block (the labels in a row, the figures in the row under them). An export of several
accounts opens each section with its currency line; each line takes the currency of its
section. Without a stated currency, one written at the amounts (``EGP 1,234.50``, ``$``) is
taken.

A balance named without saying which ("Saldo;12.345,67;EUR", "Kontostand", "Current balance":
ING Germany's export) is the account's balance when the file was made: the balance after the
newest line the file holds (the export lists booked lines only), so it is the statement's
closing balance where none is stated otherwise and the newest line's running balance, if
printed, agrees (else it is of a later day than the lines, and said so). A balance line naming
its day ("Kontostand vom 31.01.2026") gives the balance's date.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import CLOSING_RE, DATES_IN_TEXT, OPENING_RE, number_in_text
from ar_excel.bank.marks import GLUED, WORD_AFTER
from ar_excel.bank.numbers import parse_amount, parse_date
from ar_excel.bank.statement import StatementBalance
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.parsing import is_blank, normalize_digits, parse_currency

_CURRENCY_WORDS = r"currency|ccy|währung|devise|monnaie|العملة|عملة الحساب"
# a code, not any three capitals: "Currency | UAE Dirham" is no currency "UAE"
CURRENCY_LABEL = re.compile(rf"(?i:{_CURRENCY_WORDS})\s*:?\s*({'|'.join(sorted(ISO_4217))})\b")


_SYMBOL_CCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "ج.م": "EGP",
               "ر.س": "SAR", "د.إ": "AED", "﷼": "SAR"}


def currency_from_text(values: list[Any]) -> str | None:
    for v in values:
        if isinstance(v, str):
            for sym, code in _SYMBOL_CCY.items():
                if sym in v:
                    return code
            # a code written at the amount ("EGP 1,234.50", "1,234.50 AED"), not a word that
            # a row out of place put in a money column ("LLC")
            m = re.search(r"^\s*([A-Z]{3})\s*[-+(]?\s*\d|\d\s*([A-Z]{3})\s*$", v)
            if m:
                return m.group(1) or m.group(2)
            code = _abbreviation_at(v)
            if code is not None:
                return code
    return None


def currencies_at_the_amounts(columns: list[list[Any]]) -> list[str | None] | None:
    """Each row's currency as written at its amounts ("USD 1,000.00", "3,672.50 AED"; the
    money ``columns``' cells, row by row), where the rows' amounts name two currencies or
    more (one export of a multi-currency account without a Currency column); else None: the
    file's one currency is every line's."""
    joined = "\0".join(c for column in columns for c in column if isinstance(c, str))
    # (one scan of the amounts' text: most files name one currency or none; the words other
    # than a credit / debit mark count, abbreviations too: KD and BD are two currencies)
    words = {w.upper() for w in _WORD.findall(joined)} - _NO_CURRENCY
    if len(words) < 2 and not any(s in joined for s in _SYMBOL_CCY):
        return None
    codes = [currency_from_text(list(r)) for r in zip(*columns, strict=True)]
    return codes if len({c for c in codes if c}) >= 2 else None


# the words around an amount: "BD 8,012.550", "1,250.000 د.ك", "L.E. 1,234.00"
_AROUND_AMOUNT = re.compile(r"^\s*([^\d\s(+\-][^\d]*?)?\s*[-+(]?\s*\d[\d.,'\s]*\)?\s*-?\s*"
                            r"([^\d]*?)\s*$")
_NO_CURRENCY = frozenset({m for w in GLUED for m in (w, w + ".")})
_WORD = re.compile(r"[^\W\d_]+")


def _abbreviation_at(text: str) -> str | None:
    """The currency an amount's abbreviation names (KD, BD, QR, RO, L.E., Dh, د.ك, جنيه...:
    ``parsing.parse_currency``), not a credit/debit mark; None where none."""
    m = _AROUND_AMOUNT.match(normalize_digits(text))
    if m is None:
        return None
    for word in (m.group(1), m.group(2)):
        word = (word or "").strip()
        if word and word.upper() not in _NO_CURRENCY:
            code = parse_currency(word)
            if code in ISO_4217:
                return code
    return None


_CURRENCY_CELL = re.compile(rf"(?i)^\s*({_CURRENCY_WORDS})\s*:?\s*$")


def section_currencies(kept: np.ndarray, sections: list[tuple[int, str]],
                        file_ccy: str | None) -> list[str | None]:
    """The currency of each kept row: the file's, or that of the last currency label above
    it (an export of several accounts, one section each)."""
    if not sections:
        return [file_ccy] * len(kept)
    starts = np.array([pos for pos, _ in sections])
    codes = [file_ccy] + [code for _, code in sections]
    return [codes[k] for k in np.searchsorted(starts, kept, side="right").tolist()]


def currency_named(row: list[Any]) -> str | None:
    """A currency written by name beside its label: "العملة: | جنيه مصري", "Currency | US
    Dollar" (a code is read by ``CURRENCY_LABEL``)."""
    cells = [str(c).strip() for c in row if not is_blank(c)]
    for _, value in _label_value_pairs(cells, _is_currency_label):
        return _currency_of_value(value)
    for cell in cells:  # the label and the name in one cell: "العملة: دينار بحريني"
        m = _LABEL_AND_NAME.match(cell)
        if m:
            return _currency_of_value(m.group(1))
    return None


# a currency code written alone in capitals ("EGP - Egyptian Pound", "Account ... (AED)")
_CODE_IN_TEXT = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")


def _currency_of_value(value: str) -> str | None:
    """The currency a label's value names: by name (with its article too: "الجنيه المصري"),
    or by its code beside its name in a bilingual export ("جنيه مصري EGP", "EGP - Egyptian
    Pound", "Egyptian Pound (EGP)"), where the name is that currency's too."""
    code = parse_currency(value)
    if re.fullmatch(r"[A-Z]{3}", code):
        return code
    codes = [c for c in _CODE_IN_TEXT.findall(value) if c in ISO_4217]
    if len(set(codes)) != 1:
        return None
    rest = re.sub(rf"(?<![A-Za-z]){codes[0]}(?![A-Za-z])|[()\[\]\-–/|:,]", " ", value).strip()
    return codes[0] if not rest or parse_currency(rest) == codes[0] else None


_LABEL_AND_NAME = re.compile(rf"(?i)^\s*(?:{_CURRENCY_WORDS})\s*:\s*(\S.*?)\s*$")


def labelled_currency(row: list[Any], texts: str) -> str | None:
    """The currency a label in the row names, by code ("Currency: USD", in ``texts``, the
    row's text) or by name ("Currency | US Dollar"). A label whose value names two
    currencies ("Currency: EGP - US Dollar", "EGP / USD") names none: which one the account
    keeps is not for a reader to pick, the first no more than the second."""
    m = CURRENCY_LABEL.search(texts)
    if m is None:
        return currency_named(row)
    code = m.group(1).upper()
    return None if _names_another_currency(_rest_of_the_value(row, code), code) else code


def _rest_of_the_value(row: list[Any], code: str) -> str:
    """What the currency label's value says after its ``code``: the rest of the cell holding
    both ("Currency: EGP - US Dollar"), or of the cell after the label ("Currency" | "EGP /
    USD"); not the row's other cells ("Account: 100234567")."""
    cells = [str(c).strip() for c in row if not is_blank(c)]
    for i, cell in enumerate(cells):
        m = CURRENCY_LABEL.search(cell)
        if m:
            return cell[m.end():]
        if _CURRENCY_CELL.match(cell) and i + 1 < len(cells):
            m = re.match(rf"(?i)\s*{code}\b", cells[i + 1])
            if m:
                return cells[i + 1][m.end():]
    return ""


_VALUE_PARTS = re.compile(r"\s[-–—]\s|[-–—/|()\[\],،;&+]")
# codes that are also words written in capitals ("ALL TRANSACTIONS", "TOP", "PEN")
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "TRY", "TOP", "CUP", "PEN", "BOB", "SOS", "MOP", "GEL"})


def _names_another_currency(rest: str, code: str) -> bool:
    """Whether the words after a label's ``code`` name a currency other than it: a code in
    capitals ("EGP USD", "EGP / USD") or a name of two words or more, or of one Latin word
    longer than a code ("- US Dollar", "دولار أمريكي", "Euro"). Its own name ("EGP -
    Egyptian Pound"), other words ("all accounts") and a unit several currencies share
    ("QAR ريال", "CAD $": not Saudi riyals nor US dollars) do not."""
    codes = _CODE_IN_TEXT.findall(rest)
    if any(c in ISO_4217 and c != code and c not in _CODES_THAT_ARE_WORDS for c in codes):
        return True
    for part in _VALUE_PARTS.split(rest):
        words = part.strip(" .:").split()
        if len(words) < 2 and not (len(words) == 1 and words[0].isascii()
                                   and words[0].isalpha() and len(words[0]) > 3):
            continue
        named = parse_currency(" ".join(words))
        if named in ISO_4217 and named != code:
            return True
    return False


def _label_value_pairs(cells: list[str], is_label: Any) -> list[tuple[str, str]]:
    """(label, value) of a row's cells: each label with the cell after it; in a row laid out
    right to left (it ends with a label and opens with a value: an Arabic export, "جنيه مصري
    | العملة"), with the cell before it; either way, with the other one where that is a
    label too."""
    rtl = len(cells) >= 2 and bool(is_label(cells[-1])) and not is_label(cells[0])
    pairs = []
    for i, cell in enumerate(cells):
        if not is_label(cell):
            continue
        after = cells[i + 1] if i + 1 < len(cells) and not is_label(cells[i + 1]) else None
        before = cells[i - 1] if i > 0 and not is_label(cells[i - 1]) else None
        value = (before or after) if rtl else (after or before)
        if value is not None:
            pairs.append((cell, value))
    return pairs


# codes taken from an account line without a label ("Account | 2001234567 | KWD"): the
# currencies of the region and the majors, not any three capitals (a branch code "CAI")
CODES_ALONE = frozenset({
    "EGP", "SAR", "AED", "KWD", "BHD", "OMR", "QAR", "JOD", "LBP", "IQD", "LYD", "TND", "MAD",
    "DZD", "SDG", "YER", "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "PKR", "TRY", "CAD",
    "AUD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "SGD", "HKD"})


# the account's own line: "Current Account - USD", "Account: 1012345678 (AED)", "حساب جاري KWD"
_ACCOUNT_WORD = re.compile(r"(?i)\b(?:account|a/c|acct)\b|حساب")


def _code_of_the_account(rows: list[list[Any]]) -> str | None:
    """The one currency code (of the common ones, written in capitals) in the lines above the
    table that name the account, where no label says the currency: not "ALL" nor "TRY" of
    "ALL TRANSACTIONS", "TRY AGAIN", English words before they are codes."""
    codes = {code for row in rows for c in row if isinstance(c, str) and _ACCOUNT_WORD.search(c)
             for code in _CODE_IN_TEXT.findall(c)
             if code in CODES_ALONE and code not in _CODES_THAT_ARE_WORDS}
    return next(iter(codes)) if len(codes) == 1 else None


# the parts of a title cell: "Current Account Statement - Egyptian Pound", "كشف حساب | الجنيه المصري"
_TITLE_PARTS = re.compile(r"\s[-–—]\s|[|:()،,/]")


def _name_in_the_title(rows: list[list[Any]]) -> str | None:
    """The one currency named in full in the lines above the table that name the account,
    where no label nor code says the currency ("كشف حساب جاري | الجنيه المصري", "Current
    Account Statement - Egyptian Pound"). A name of two words or more, or a whole part of
    one word of letters (Euro): "Pound", "Dollar", "ريال" alone are words, not currencies."""
    codes = set()
    for row in rows:
        texts = [c for c in row if isinstance(c, str) and c.strip()]
        if (not any(_ACCOUNT_WORD.search(c) for c in texts)
                or any(isinstance(c, int | float) for c in row if not is_blank(c))):
            continue  # a title is words only; a line of figures is no title
        for part in (p for c in texts for p in _TITLE_PARTS.split(c)):
            words = part.split()
            spans = [words[i:j] for i in range(len(words))
                     for j in range(i + 2, min(i + 4, len(words)) + 1)]
            if len(words) == 1 and words[0].isascii() and words[0].isalpha() \
                    and len(words[0]) > 3:
                spans.append(words)
            for span in spans:
                if any(len(w) < 2 for w in span):
                    continue  # "ج م", an abbreviation, is not written in a title
                code = parse_currency(" ".join(span))
                if re.fullmatch(r"[A-Z]{3}", code) and code in ISO_4217:
                    codes.add(code)
    return next(iter(codes)) if len(codes) == 1 else None


def _code_alone(row: list[Any]) -> str | None:
    """A currency code written alone in a cell of an account line."""
    codes = {str(c).strip().upper() for c in row if isinstance(c, str)} & CODES_ALONE
    return next(iter(codes)) if len(codes) == 1 else None


_ACCOUNT_LABEL = re.compile(
    r"(?i)^\s*(account|a/c|acct)\.?\s*(no\.?|number|num|#)?\s*:?\s*$|^\s*iban\s*:?\s*$|"
    r"^\s*(رقم\s*الحساب|الحساب|حساب\s*رقم)\s*:?\s*$|^\s*(kontonummer|konto|numéro de compte|"
    r"rekeningnummer|compte|n[°o]\s*(de\s*)?compte)\s*:?\s*$")
_ACCOUNT_IN_CELL = re.compile(
    r"(?i)^\s*(?:account|a/c|acct)\.?\s*(?:no\.?|number|num|#)?\s*:\s*(.+)$|"
    r"^\s*(?:iban|رقم\s*الحساب|compte|n[°o]\s*(?:de\s*)?compte)\s*:\s*(.+)$")
_ACCOUNT_ID = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}$|^[\d][\d\- ]{5,30}\d$")


# a label in English and Arabic, "Account No / رقم الحساب": either half names it
_BILINGUAL = re.compile(r"\s*/\s*(?=[\u0600-\u06ff])|(?<=[\u0600-\u06ff])\s*/\s*")


def _is_currency_label(cell: str) -> bool:
    """"Currency", "العملة :", and the bilingual "Currency / العملة" of Gulf portals."""
    return any(_CURRENCY_CELL.match(part) for part in _BILINGUAL.split(cell))


def _is_account_label(cell: str) -> bool:
    return any(_ACCOUNT_LABEL.match(part) for part in _BILINGUAL.split(cell))


def account_named(row: list[Any]) -> str | None:
    """The account of an account line: "Account No. | 100012345678", "رقم الحساب |
    1234567890123", "Account Number : 1015123456701", an IBAN; spaces and dashes dropped."""
    cells = [normalize_digits(str(int(c) if isinstance(c, float) and c.is_integer() else c)
                              ).strip() for c in row if not is_blank(c)]  # 100012345678.0
    found = None
    for _, value in _label_value_pairs(cells, _is_account_label):
        found = value
        break
    if found is None:
        m = next((m for c in cells for m in [_ACCOUNT_IN_CELL.match(c)] if m), None)
        found = (m.group(1) or m.group(2)).strip() if m else None
    if found is None:  # a bilingual label and its value in one cell: "Account No / رقم الحساب: 2110..."
        found = next((value.strip() for c in cells for label, colon, value in [c.partition(":")]
                      if colon and value.strip() and _is_account_label(label)), None)
    if found is None:
        return None
    found = found.split(" / ")[0].strip()
    if not _ACCOUNT_ID.match(found):
        # the account with its currency after it: "100012345679 EGP", "... جنيه مصري"
        m = re.fullmatch(r"([\d][\d\- ]{5,30}\d)\s*[-–(]?\s*([^\d()]+?)\s*\)?", found)
        if m is None or not re.fullmatch(r"[A-Z]{3}", parse_currency(m.group(2)) or ""):
            return None
        found = m.group(1)
    return re.sub(r"[\s-]", "", found)


_CURRENT_BALANCE = re.compile(r"(?i)^(?:aktueller\s+|current\s+)?(?:saldo|kontostand|balance)"
                              r"\s*:?$")


def current_balance(rows: list[list[Any]], decimal: str) -> float | None:
    """The balance a row above the table states without saying opening or closing (ING
    Germany's "Saldo;12.345,67;EUR"): the label alone in the row's first cell, a figure
    after it; None where no such row or more than one."""
    found = []
    for row in rows:
        cells = [c for c in row if not is_blank(c)]
        if len(cells) >= 2 and isinstance(cells[0], str) and _CURRENT_BALANCE.match(
                " ".join(cells[0].split())):
            value = number_in_text(cells[1:], decimal)
            if value is not None:
                found.append(value)
    return found[0] if len(found) == 1 else None


def currencies_above(rows: list[list[Any]]) -> list[str]:
    """Every currency the lines above the table state for the account, the surest first: by
    a label (code or name) or a code alone in a cell, row by row; then the code in the
    account's line; then the name in the title."""
    stated = [labelled_currency(row, " ".join(str(c) for c in row if not is_blank(c)))
              or _code_alone(row) for row in rows]
    return [c for c in (*stated, _code_of_the_account(rows), _name_in_the_title(rows)) if c]


# a stated balance's figure and the side the bank marks it with
_BALANCE_FIGURE = re.compile(r"[-(]?\s*[$€£]?\s*\d[\d.,' ]*\d(?:\s*" + WORD_AFTER + r")?\)?")


def read_preamble(rows: list[list[Any]], balances: StatementBalance, decimal: str,
                   dayfirst: bool) -> str | None:
    """Account-info lines above the header: keep stated balances; return a stated currency."""
    for row in rows:
        texts = " ".join(str(c) for c in row if not is_blank(c))
        if balances.account is None:
            balances.account = account_named(row)
        for regex, attr in ((OPENING_RE, "opening"), (CLOSING_RE, "closing")):
            m = regex.search(texts)
            if not m:
                continue
            after = [c for c in row if not is_blank(c)]
            tail = DATES_IN_TEXT.sub(" ", normalize_digits(texts[m.end():]))
            value = None
            # (its side as the bank writes it: "1,000.00 Dr", "١٬٠٠٠٫٠٠ مدين" is overdrawn)
            m2 = _BALANCE_FIGURE.search(tail)
            if m2:
                try:
                    value = parse_amount(m2.group(0).strip(), decimal)
                except ValueError:
                    value = None
            if value is None:
                value = number_in_text(after, decimal)
            if value is not None:
                setattr(balances, attr, value)
                setattr(balances, f"{attr}_date", _date_in_label(texts[m.end():], dayfirst))
    return _summary_block(rows, balances, decimal) or next(iter(currencies_above(rows)), None)


def _date_in_label(after_label: str, dayfirst: bool) -> Any:
    """The day a balance line names right after its label (DKB's "Kontostand vom 31.01.2026:",
    "Closing balance as at 30/11/2026"): the balance's date; None where the line names none
    before another balance's label (a line stating both balances)."""
    text = normalize_digits(after_label)
    m = DATES_IN_TEXT.search(text)
    if m is None or OPENING_RE.search(text[:m.start()]) or CLOSING_RE.search(text[:m.start()]):
        return None
    try:
        return parse_date(m.group(0), dayfirst)
    except (ValueError, OverflowError):
        return None


def _summary_block(rows: list[list[Any]], balances: StatementBalance, decimal: str
                   ) -> str | None:
    """A summary block above the table, its labels in a row and the figures under them
    ("Account No | Currency | Opening Balance | Total Debits | Closing Balance", then the
    values: Emirates NBD's and Bank of America's exports): the balances under their labels
    are the statement's where no other row stated them, and so is the account; returns the
    currency under its label.
    A row of labels has no figure of its own; each label is a cell of its own."""
    currency = None
    for labels, values in zip(rows, rows[1:], strict=False):
        cells = [str(c).strip() if isinstance(c, str) else None for c in labels]
        if not any(cells) or any(isinstance(c, int | float) for c in labels if not is_blank(c)):
            continue
        for j, label in enumerate(cells):
            if not label or j >= len(values) or is_blank(values[j]):
                continue
            under = values[j]
            if balances.account is None and _is_account_label(label):
                balances.account = account_named([label, under])
                continue
            if _CURRENCY_CELL.match(label) and isinstance(under, str):
                code = parse_currency(under)
                currency = currency or (code if re.fullmatch(r"[A-Z]{3}", code) else None)
                continue
            for regex, attr in ((OPENING_RE, "opening"), (CLOSING_RE, "closing")):
                if getattr(balances, attr) is None and regex.fullmatch(" ".join(label.split())):
                    try:
                        value = (float(under) if isinstance(under, int | float)
                                 else parse_amount(normalize_digits(str(under)), decimal))
                    except ValueError:
                        continue
                    setattr(balances, attr, value)
    return currency
