"""Customer IDs written as the customer's name.

Small businesses often key their invoice and receipt lists by the customer's name ("Al Nour
Trading") rather than the master's ID ("C001"). Such a value is not an unknown customer: when
it is no ID of the master but names exactly one customer (the same words, or the same name
once legal forms and spelling variants are set aside: "Delta Foods" for "Delta Foods LLC",
"النور" for "شركة النور"), it is read as that customer's ID, and the workbook is told so.
A name two customers share is left as written (the invoice checks report it as unknown).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from ar_excel.core.customers.names import normalize_name
from ar_excel.names import match_key


def name_index(customers: pd.DataFrame) -> dict[str, str | None]:
    """Folded name (exact, then without legal forms) -> Customer ID; None where two
    customers share it."""
    index: dict[str, str | None] = {}
    ids = customers["Customer ID"].tolist()
    names = customers["Name"].tolist() if "Name" in customers else [None] * len(ids)
    for cid, name in zip(ids, names, strict=True):
        if cid is None or not isinstance(name, str) or not name.strip():
            continue
        for key in {"=" + match_key(name), "~" + normalize_name(name).compact}:
            if len(key) > 1:
                index[key] = cid if index.get(key, cid) == cid else None
    return index


def ids_from_names(values: pd.Series, known: set[str],
                   index: dict[str, str | None] | NameIndex) -> dict[str, str]:
    """For each distinct value of ``values`` that is no known ID but one customer's name:
    value -> that customer's ID."""
    return names_as_ids(unknown_values(values, known), index)


def _name_keys(value: str) -> tuple[str, str]:
    return "=" + match_key(value), "~" + normalize_name(value).compact


def names_as_ids(unknown: list[str], index: dict[str, str | None] | NameIndex
                 ) -> dict[str, str]:
    """``ids_from_names`` of distinct texts already known to be no ID."""
    if not unknown:
        return {}
    keys = [_name_keys(v) for v in unknown]
    if isinstance(index, NameIndex):
        index = index.for_keys([k for pair in keys for k in pair])
    found = {}
    for value, (exact, compact) in zip(unknown, keys, strict=True):
        # the exact name decides when the master has it (None: two customers share it)
        cid = index[exact] if exact in index else index.get(compact)
        if cid is not None:
            found[value] = cid
    return found


_DIGIT = re.compile(r"\d")


def _may_hold_a_digit(name: str) -> bool:
    """Whether a name's folded forms (``match_key``, ``normalize_name``) can hold a digit:
    folding adds none but those compatibility forms stand for (NFKC: "²", "①")."""
    return _DIGIT.search(name if name.isascii() else unicodedata.normalize("NFKC", name)) \
        is not None


class NameIndex:
    """``name_index`` of a customer list, built as far as the keys looked up need it: keys
    holding a digit (an unknown ID such as "C95716" is looked up as a name too) can only be
    the names of customers whose name holds one, so only those are folded; other keys get the
    whole index, built once."""

    def __init__(self, customers: pd.DataFrame) -> None:
        self.customers = customers
        self._full: dict[str, str | None] | None = None
        self._numbered: dict[str, str | None] | None = None

    def for_keys(self, keys: list[str]) -> dict[str, str | None]:
        if self._full is not None or not all(
                len(k) == 1 or _DIGIT.search(k) for k in keys):  # "~": no key, found in none
            if self._full is None:
                self._full = name_index(self.customers)
            return self._full
        if self._numbered is None:
            names = self.customers.get("Name")
            texts = [] if names is None else names.tolist()
            # one scan of all the names joined: most lists have no digit in any name
            if not _may_hold_a_digit("\n".join(n for n in texts if isinstance(n, str))):
                self._numbered = {}
            else:
                rows = [isinstance(n, str) and _may_hold_a_digit(n) for n in texts]
                self._numbered = name_index(self.customers[rows])
        return self._numbered


def id_key(value: str) -> str:
    """The form two spellings of one key share: case, spaces and a number's leading zeros
    set aside (``" c-1003"`` = ``"C-1003"``, ``"01001"`` = ``"1001"`` = ``"1001.0"``)."""
    key = "".join(value.split()).upper()
    if key.endswith(".0") and key[:-2].isdigit():  # a number cell's text: "1002.0"
        key = key[:-2]
    return key.lstrip("0") or key if key.isdigit() else key


class KeyIndex:
    """The keys of a list by their other spellings (``id_key``) and by their number
    (``number_core``): each built once, when first asked, for every sheet that refers to the
    list. A form two keys share stands for neither (None)."""

    def __init__(self, known: set[str], listed: list[str] | None = None) -> None:
        self.known = known
        self._listed = listed  # the keys as the list has them (repeats aside: ``known``)
        self._key_list: list[str] | None = None
        self._spelled: _Spelled | None = None
        self._numbers: dict[str, str | None] | None = None

    @property
    def _keys(self) -> list[str]:
        if self._key_list is None:
            self._key_list = [k for k in self.known if isinstance(k, str)]
        return self._key_list

    @staticmethod
    def _unique(pairs: Iterable[tuple[str | None, str]]) -> dict[str, str | None]:
        index: dict[str, str | None] = {}
        for form, key in pairs:
            if form:
                index[form] = key if index.get(form, key) == key else None
        return index

    def _odd_keys(self) -> list[str]:
        """The keys that are not their own form (``id_key``) or may not be: lower case, a
        space, a leading zero, a number cell's ".0". The list's keys joined are looked at
        first: an ERP's keys ("INV-2026-00123") are all their own form."""
        try:  # (the list in its own order is joined faster than the set)
            text = "\n".join(self.known if self._listed is None else self._listed)
        except TypeError:  # a key that is no text
            text = None
        if text is not None and text.upper() == text and " " not in text and not (
                text.startswith("0") or "\n0" in text or text.endswith(".0") or ".0\n" in text):
            return []
        return [k for k, u in zip(self._keys, map(str.upper, self._keys), strict=True)
                if u != k or " " in k or k[:1] == "0" or k.endswith(".0")]

    @property
    def spelled(self) -> _Spelled:
        if self._spelled is None:
            self._spelled = _Spelled(self.known, [(id_key(k), k) for k in self._odd_keys()])
        return self._spelled

    @property
    def numbers(self) -> dict[str, str | None]:
        if self._numbers is None:
            self._numbers = self._unique((number_core(k), k) for k in self._keys)
        return self._numbers


class _Spelled:
    """Form (``id_key``) -> the one key of the list spelled that way (None: two are). A key
    that is its own form stands for itself, unless another key has that form too; only the
    others (``forms``: form, key) are held."""

    def __init__(self, known: set[str], forms: list[tuple[str, str]]) -> None:
        self.known = known
        self.renamed = {k for form, k in forms if form != k}  # not a form any key is read as
        self.other: dict[str, str | None] = {}
        for form, k in forms:
            held = self.other[form] if form in self.other else (
                form if self._itself(form) else k)
            self.other[form] = k if held == k else None

    def _itself(self, form: str) -> bool:
        return form in self.known and form not in self.renamed

    def get(self, form: str) -> str | None:
        if form in self.other:
            return self.other[form]
        return form if self._itself(form) else None

    def __getitem__(self, form: str) -> str | None:
        if form in self.other or self._itself(form):
            return self.get(form)
        raise KeyError(form)


def _index(known: set[str] | KeyIndex) -> KeyIndex:
    return known if isinstance(known, KeyIndex) else KeyIndex(known)


def unknown_values(values: pd.Series, known: set[str]) -> list[str]:
    """The distinct texts of ``values`` that are no known key, in the order they first occur
    (each cell checked against the set once, in one pass; in a clean book there is none)."""
    return [v for v in dict.fromkeys(v for v in values.tolist() if v not in known)
            if isinstance(v, str)]


def spelled_matches(unknown: list[str], keys: KeyIndex) -> dict[str, str]:
    """``ids_as_spelled`` of values already known to be no key."""
    if not unknown:
        return {}
    index = keys.spelled
    found = {}
    for value in unknown:
        match = index.get(id_key(value))
        if match is None:  # "1001 - Nile Foods", "Nile Foods (1001)": an ERP's code and name
            match = next((index[k] for k in map(id_key, _printed_code(value)) if index.get(k)),
                         None)
        if match is not None:
            found[value] = match
    return found


def ids_as_spelled(values: pd.Series, known: set[str] | KeyIndex) -> dict[str, str]:
    """For each distinct value of ``values`` that is no known key but spells exactly one of
    them another way (``id_key``): value -> that key as the master writes it. Such a key
    typed in another case, with a stray space or without the zeros a text cell kept, is the
    same customer or invoice to the clerk, not an unknown one. So is a key printed with the
    customer's name, as ERP exports do (``"1001 - Nile Foods"``, ``"Nile Foods (1001)"``)."""
    keys = _index(known)
    return spelled_matches(unknown_values(values, keys.known), keys)


# A key printed with the customer's name: "1001 - Nile Foods", "C-7 | Delta", "Nile (1001)"
_CODE_FIRST = re.compile(r"^\s*(\S+?)\s+[-–—|:]\s+(.+)$")
_CODE_LAST = re.compile(r"\(\s*([^()\s]+)\s*\)\s*$")
# "C003 Sinai Build": a code holding a digit, a space, then a name without digits
_CODE_SPACE = re.compile(r"^\s*(\S*\d\S*)\s+([^\W\d_][^\d]*)$")
# "Invoice #INV10466": a document's type and its number, as NetSuite shows the transaction
# a payment was applied to (or a credit memo created from)
_TYPE_AND_NUMBER = re.compile(r"^\s*[^\W\d_][^\d#]*#\s*(\S+)\s*$")
# Words that say a row totals what is above it ("C001 Total", "F-1 المجموع": Excel's Data >
# Subtotal labels each group so): after a code they are no customer's name, so such a label
# is no reading of that code (its amount would be taken for the customer's own). The
# reader's totals labels (``io.report_rows.TOTAL_LABELS``) are these and a few more.
TOTAL_WORDS = tuple(match_key(w) for w in (
    "Total", "Totals", "Grand Total", "Sub Total", "Subtotal", "Sum", "الإجمالي", "إجمالي",
    "المجموع", "مجموع", "الجملة", "جملة"))
_TOTAL_WORDS = frozenset(TOTAL_WORDS)


def _says_total(name: str) -> bool:
    return match_key(name) in _TOTAL_WORDS


def _printed_code(value: str) -> list[str]:
    """The code a "code - name", "code name", "name (code)" or "type #code" text holds; the
    name part must hold a letter and no digit, so "5001 - 5002" (two invoices) is no such
    text, and a code without a separator must hold a digit ("C003 Sinai Build")."""
    codes = []
    if (m := _CODE_FIRST.match(value)) and re.search(r"[^\W\d_]", m[2]) and not re.search(
            r"\d", m[2]) and not _says_total(m[2]):
        codes.append(m[1])
    if (m := _CODE_LAST.search(value)) and re.search(r"[^\W\d_]", value[:m.start()]):
        codes.append(m[1])
    if not codes and (m := _CODE_SPACE.match(value)) and not _says_total(m[2]):
        codes.append(m[1])  # (taken only where it is a known key, as every form here)
    if not codes and (m := _TYPE_AND_NUMBER.match(value)):
        codes.append(m[1])
    return codes


# A key that is a number, with or without a short prefix: "C-1001", "INV 1001", "ع/1001", 1001.
_NUMBERED = re.compile(r"^([^\W\d_]{1,8})?[\s\-_/#.:]*0*(\d+)$")


def number_core(key: str) -> str | None:
    """The number a key is, prefix and leading zeros aside (``"C-01001"`` -> ``"1001"``)."""
    m = _NUMBERED.match(key.strip())
    return m[2] if m else None


def number_matches(unknown: list[str], keys: KeyIndex) -> dict[str, str]:
    """``ids_by_number`` of values already known to be no key."""
    cores = {v: number_core(v) for v in unknown}
    if not any(cores.values()):
        return {}
    index = keys.numbers
    return {v: index[c] for v, c in cores.items() if c and index.get(c) is not None}


def ids_by_number(values: pd.Series, known: set[str] | KeyIndex) -> dict[str, str]:
    """For each distinct value that is no known key but the same number as exactly one of
    them, prefix aside (``"C-1001"`` for ``1001``, ``"INV-7"`` for ``"7"``): value -> that
    key. Less sure than a spelling (``ids_as_spelled``): the reader says so for each."""
    keys = _index(known)
    return number_matches(unknown_values(values, keys.known), keys)
