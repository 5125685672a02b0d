"""Finding the same customer entered twice.

* Same Customer ID on several rows: every row of the group is reported.
* Same tax ID under different Customer IDs (placeholders such as ``0`` or ``N/A`` ignored),
  but for branches of one company: records named as the same company with a branch
  (``Panda Retail Co. - Riyadh Branch`` / ``- Jeddah Branch``, ``بنده فرع جدة``), or a branch
  and its head office, share the company's VAT number by law and are kept apart on purpose.
* Possible duplicates: the same company under spelling variants. Names are reduced by
  ``names.normalize_name``; two names *match on their own* when every identifying word of
  each has a counterpart in the other (equal, one typo apart, or >= 85 % similar) and the
  whole names are >= 85 % similar (rapidfuzz). A different word on both sides ("Nile Foods"
  vs "Nile Motors") or a different number ("Branch 1" vs "Branch 2") means different
  companies. A shared phone, company email domain, bank account or tax ID backs a weaker
  match: one name's words all found in the other ("Nile Foods" / "Nile Foods Industries"),
  or the same details under an Arabic and an English name. Different names on one phone
  line, one whole email address or one bank account (used by at most 3 records) are reported
  too: a trading and a legal name of one company, or related companies a person must confirm.

Comparing every pair of 20,000 customers is 200 million comparisons, so candidates are
blocked first: the same reduced name, a shared rare word or the same rare word one letter
off (the two share a one-letter deletion), neighbours in sorted order (and in reversed-name
order), or a shared contact detail. Blocks of common words are skipped. The whole-name
similarity of all candidate pairs is scored in one rapidfuzz call; only pairs that can still
match are compared word by word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ar_excel.core.customers import contacts
from ar_excel.core.customers.names import NormalName, fold_text, in_script, normalize_name

NAME_ALONE_MIN = 85  # % similarity of the whole reduced names for a match on names alone
WORD_MIN = 85  # % similarity for two words to count as the same word
RARE_WORDS_PER_NAME = 2
MAX_WORD_BLOCK = 200  # a word shared by more names than this says nothing
MAX_CONTACT_BLOCK = 25  # a phone shared by more customers is a switchboard or a placeholder
NEIGHBOURS = 1  # sorted-neighbourhood window on each side

PLACEHOLDER_TAX_IDS = frozenset({"", "NA", "N/A", "NONE", "NIL", "NULL", "-", "--", "X", "TBA",
                                 "TBD", "TBC", "PENDING", "لايوجد", "لا", "بدون", "غيرمتوفر",
                                 "تحتالتسجيل", "تحتالاجراء", "0"})


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def id_key(value: object) -> str:
    """A Customer ID as compared: case aside, every space aside (a stray or non-breaking one
    inside, ``C 001``: a keying slip, and the invoices' IDs are read so too), full-width digits
    as digits (``C００４``: typed with an Arabic or East Asian keyboard), and a number's
    leading zeros (Excel drops them from a code typed as a number: 0456 and 456 are one
    code)."""
    if _blank(value):
        return ""
    text = str(value)
    key = "".join((text if text.isascii() else unicodedata.normalize("NFKC", text)).split())
    key = key.casefold()
    return key.lstrip("0") or "0" if key.isdigit() else key


def usable_tax_key(value: object) -> str:
    """The tax ID as a comparison key, or "" for blanks and placeholders."""
    if _blank(value):
        return ""
    return _tax_key(str(value))


@lru_cache(maxsize=65536)
def _tax_key(value: str) -> str:
    if contacts.not_registered(value):  # "Individual", "غير مسجل": no number to compare
        return ""
    key = contacts.tax_key(value)
    return "" if key in PLACEHOLDER_TAX_IDS or set(key) <= {"0", "-"} else key


def duplicate_id_groups(ids: Sequence[object]) -> list[list[int]]:
    """Positions sharing a Customer ID (groups of 2+), in order of first appearance."""
    groups: dict[str, list[int]] = defaultdict(list)
    for pos, value in enumerate(ids):
        key = id_key(value)
        if key:
            groups[key].append(pos)
    return [g for g in groups.values() if len(g) > 1]


# A branch named in a customer's name: "Riyadh Branch", "Br. 2", "فرع جدة", "الفرع الرئيسي".
_BRANCH_WORD = re.compile(r"(?i)\b(?:branch(?:es)?\b|br\.)|(?:^|\s)(?:ال)?فرع(?:\s|$)")
_NAME_PARTS = re.compile(r"\s+[-–—|/]\s+|\s*[()\[\],،]\s*")


def _without_branch(name: object) -> tuple[str, bool]:
    """The company part of a name and whether it names a branch: the parts (split at " - ",
    brackets, commas) that name one are dropped; a branch word inside a part ends it."""
    text = "" if _blank(name) else str(name)
    kept, branch = [], False
    for part in _NAME_PARTS.split(text):
        m = _BRANCH_WORD.search(part)
        if m is None:
            kept.append(part)
            continue
        branch = True
        if m.start() > 0 and not kept:  # "Panda Retail Riyadh Branch": the words before
            kept.append(part[:m.start()])
    return " ".join(kept), branch


def _folded(value: object) -> str:
    """A place or name part as compared: folded, punctuation as spaces ("Al Barsha, Dubai")."""
    return "" if _blank(value) else " ".join(re.sub(r"[^\w]+", " ", fold_text(str(value))).split())


def branches_by_place(names: Sequence[object], places: Sequence[Sequence[object]],
                      seconds: Sequence[object] | None = None) -> list[object]:
    """Each name with the parts naming the record's own place marked as a branch: an outlet
    keyed as ``Lulu Hypermarket - Al Barsha`` whose City or Address says Al Barsha is that
    company's branch there, as ``Lulu Hypermarket - Al Barsha Branch`` would be. ``places``:
    per record, its City and Address cells; ``seconds``: a second name line (SAP's and
    Business Central's ``Name 2``) taken in where it names a branch or the record's place."""
    out: list[object] = []
    for pos, name in enumerate(names):
        if _blank(name):
            out.append(name)
            continue
        parts = _NAME_PARTS.split(str(name).strip())
        extra = None if seconds is None or _blank(seconds[pos]) else str(seconds[pos]).strip()
        if len(parts) == 1 and not extra:  # (most names: one part, nothing to mark)
            out.append(name)
            continue
        where = [w for w in (_folded(p) for p in places[pos]) if len(w) >= 3]
        if extra and (_BRANCH_WORD.search(extra) or any(_folded(extra) in w for w in where)):
            parts.append(extra)
        marked = [parts[0]] + [
            f"{part} Branch" if part and not _BRANCH_WORD.search(part) and any(
                _folded(part) == w or f" {_folded(part)} " in f" {w} " for w in where)
            else part for part in parts[1:]]
        out.append(" - ".join(p for p in marked if p) if len(marked) > 1 else name)
    return out


def branches_of_one_company(a: object, b: object) -> bool:
    """Two names are different branches of one company (or a branch and its head office): at
    least one names a branch, the whole names differ (one branch keyed twice is a duplicate),
    and without their branch parts they are the same company's name."""
    core_a, branch_a = _without_branch(a)
    core_b, branch_b = _without_branch(b)
    if not (branch_a or branch_b) or _same_name(normalize_name(a), normalize_name(b)):
        return False
    return _same_name(normalize_name(core_a), normalize_name(core_b))


def _same_name(a: NormalName, b: NormalName) -> bool:
    return bool(a.tokens) and (a.compact == b.compact or compare_names(a, b, False).alone)


def shared_tax_ids(ids: Sequence[object], tax_ids: Sequence[object],
                   names: Sequence[object] | None = None) -> dict[int, list[int]]:
    """For each position, the positions with the same tax ID under a different Customer ID
    (with ``names``: other than its own company's branches)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for pos, value in enumerate(tax_ids):
        key = usable_tax_key(value)
        if key:
            groups[key].append(pos)
    out: dict[int, list[int]] = {}
    for members in groups.values():
        if len({id_key(ids[p]) for p in members}) < 2:
            continue
        for p in members:
            others = [q for q in members if id_key(ids[q]) != id_key(ids[p]) and not (
                names is not None and branches_of_one_company(names[p], names[q]))]
            if others:
                out[p] = others
    return out


@dataclass(frozen=True)
class Contact:
    """The details two records of one company tend to share."""

    phones: frozenset[str]
    domains: frozenset[str]
    accounts: frozenset[str]
    tax: str
    addresses: frozenset[str] = frozenset()  # whole email addresses, lower-cased
    # numbers written with their country code (+966..., 00966...): all their digits; two
    # numbers whose last 9 digits agree under different country codes are two lines
    dialled: frozenset[str] = frozenset()


# The calling codes of the countries a customer's Country (or currency) names
# (contacts.tax_country): a number written from its trunk 0 is dialled with its country's
CALLING_CODES = {"EG": "20", "SA": "966", "AE": "971", "BH": "973", "OM": "968"}
# "+20 (0)10 ...": the trunk 0 kept after the country code is not dialled
_TRUNK_AFTER_CODE = re.compile(r"^(20|966|971|973|968)0")


def dialled_numbers(phone: object, calling: str = "") -> frozenset[str]:
    """The digits of each number of a phone cell written with its country code; with
    ``calling`` (the customer's country's code) also those written from their trunk 0:
    a Riyadh customer's 050 123 4567 is +966 50 123 4567, not a Dubai one's +971 50 123 4567."""
    out = set()
    for part in contacts.area_codes_joined(contacts.phone_numbers(phone)):
        text = part.strip()
        digits = re.sub(r"\D", "", text)
        if text.startswith("+") or text.startswith("00"):
            out.add(_TRUNK_AFTER_CODE.sub(r"\1", digits[2:] if text.startswith("00") else digits))
        elif calling and text.lstrip("(").startswith("0") and digits.startswith("0"):
            out.add(calling + digits[1:])
    return frozenset(out)


def _common_phones(a: Contact, b: Contact) -> frozenset[str]:
    """The phone keys two records share, but for numbers both write with different country
    codes (+966 50 123 4567 and +971 50 123 4567 end alike and are two lines)."""
    common = a.phones & b.phones
    if not common or not (a.dialled and b.dialled):
        return common
    kept = set()
    for key in common:
        mine = {d for d in a.dialled if d.endswith(key)}
        theirs = {d for d in b.dialled if d.endswith(key)}
        if not mine or not theirs or mine & theirs:
            kept.add(key)
    return frozenset(kept)


def _addresses(email: object) -> frozenset[str]:
    return frozenset(a.lower() for a in contacts.email_addresses(email)
                     if contacts.EMAIL_RE.match(a))


def contact_of(phone: object, email: object, account: object, tax: object,
               calling: str = "") -> Contact:
    return Contact(frozenset(contacts.phone_keys(phone)), frozenset(contacts.email_domains(email)),
                   frozenset(contacts.account_keys(account)), usable_tax_key(tax),
                   _addresses(email), dialled_numbers(phone, calling))


_NO_CONTACT = Contact(frozenset(), frozenset(), frozenset(), "")
# Cells the column-wise fast path may read: one plain ASCII value, no separators or labels.
_PLAIN_PHONE = r"^[0-9+() .\-]*$"
_PLAIN_TAX = r"^[0-9A-Za-z .\-/]*$"


def _as_text(column: pd.Series) -> pd.Series:
    return column.astype("object").where(column.notna(), "").map(str)


def contacts_of(phone: pd.Series, email: pd.Series, account: pd.Series,
                tax: pd.Series, calling: pd.Series | None = None) -> list[Contact]:
    """``contact_of`` for whole columns (``calling``: each customer's country's calling
    code, "" unknown): plain cells (the great majority) are read with column-wise string
    operations, the rest cell by cell; the results are the same."""
    phone, email, account, tax = (_as_text(c) for c in (phone, email, account, tax))
    calling = pd.Series("", index=phone.index) if calling is None else \
        _as_text(calling).set_axis(phone.index)
    plain_phone = phone.str.match(_PLAIN_PHONE) & ~phone.str.contains(r"\s[-–]\s")
    digits = phone.str.replace(r"\D", "", regex=True)
    usable = (digits.str.len() >= 7) & ~digits.str.fullmatch(r"(\d)\1*").fillna(False)
    phone_key = digits.str[-9:].where(usable, "")
    # a plain cell is one number: dialled with its country code when it opens with + or 00
    lead = phone.str.lstrip()
    by_00 = lead.str.startswith("00")
    dialled = digits.str[2:].where(by_00, digits).where(by_00 | lead.str.startswith("+")) \
        .str.replace(_TRUNK_AFTER_CODE, r"\1", regex=True)
    trunk = ~by_00 & lead.str.lstrip("(").str.startswith("0") & digits.str.startswith("0") & \
        (calling != "")
    dialled = dialled.where(~trunk, calling + digits.str[1:])

    address = email.str.strip().str.lower()
    plain_email = address.str.match(contacts.EMAIL_PATTERN)  # one valid ASCII address
    domain = address.str.rsplit("@", n=1).str[-1]
    domain = domain.where(plain_email & ~domain.isin(contacts.FREE_MAIL_DOMAINS), "")

    plain_tax = tax.str.match(_PLAIN_TAX)
    tax_key = tax.str.replace(contacts.TAX_NOISE.pattern, "", regex=True).str.upper().str.replace(
        contacts.COUNTRY_PREFIX, "", regex=True)  # "EG204331876" is 204331876 (tax_key)
    numeric = tax_key.str.fullmatch(r"\d+")
    tax_key = tax_key.where(~numeric, tax_key.str.lstrip("0"))
    tax_key = tax_key.where(~tax_key.isin(PLACEHOLDER_TAX_IDS) & (tax_key.str.strip("0-") != ""),
                            "")

    out = []
    for (ph, ph_plain, ph_key, dial, em, em_plain, address_, dom, acc, tx, tx_plain, tx_key,
         code) in zip(phone, plain_phone, phone_key, dialled, email, plain_email, address,
                      domain, account, tax, plain_tax, tax_key, calling, strict=True):
        if not (ph or em or acc or tx):
            out.append(_NO_CONTACT)
            continue
        out.append(Contact(
            frozenset([ph_key] if ph_key else ()) if ph_plain else frozenset(
                contacts.phone_keys(ph)),
            (frozenset([dom] if dom else ()) if em_plain or not em else frozenset(
                contacts.email_domains(em))),
            frozenset(contacts.account_keys(acc)) if acc else frozenset(),
            (tx_key if tx_plain else usable_tax_key(tx)) if tx else "",
            (frozenset([address_]) if em_plain else _addresses(em)) if em else frozenset(),
            (frozenset() if dial != dial else frozenset([dial])) if ph_plain else
            dialled_numbers(ph, code) if ("+" in ph or "00" in ph or code) else frozenset()))
    return out


def shared_details(a: Contact, b: Contact) -> list[str]:
    """Which details two records share: phone, email (domain), iban, tax."""
    shared = []
    if _common_phones(a, b):
        shared.append("phone")
    if a.domains & b.domains:
        shared.append("email")
    if a.accounts & b.accounts:
        shared.append("iban")
    if a.tax and a.tax == b.tax:
        shared.append("tax")
    return shared


_VOWELS = frozenset("aeiouyاوي")


def _same_word(a: str, b: str) -> bool:
    """Two words of a name are the same word typed differently: one letter added, dropped or
    changed (in a 4-letter word only a vowel: Noor/Nour, Misr/Masr), or >= 85 % alike when
    6+ letters long. The first letter must agree unless both are vowels: "Taya"/"Saya" and
    "Kael"/"Tael" are different companies, not typos."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest <= 3 or a.isdigit() or b.isdigit():
        return False
    if a[0] != b[0] and not (a[0] in _VOWELS and b[0] in _VOWELS):
        return False
    if Levenshtein.distance(a, b, score_cutoff=1) <= 1:
        if shortest >= 5:
            return True
        return all(op.tag != "replace" or (a[op.src_pos] in _VOWELS and b[op.dest_pos] in _VOWELS)
                   for op in Levenshtein.editops(a, b))
    return shortest >= 6 and fuzz.ratio(a, b, score_cutoff=WORD_MIN) >= WORD_MIN


def _unmatched(words: Iterable[str], others: Sequence[str]) -> list[str]:
    return [w for w in words if w not in others and not any(_same_word(w, o) for o in others)]


@dataclass(frozen=True)
class NameMatch:
    score: int  # % similarity of the reduced names
    alone: bool  # strong enough without any other evidence
    subset: bool  # every word of one name is in the other


_NO_MATCH = NameMatch(0, False, False)


def compare_names(a: NormalName, b: NormalName, want_subset: bool = True) -> NameMatch:
    """How alike two reduced names are (see the module's rules). With ``want_subset`` False
    (no shared detail to back a weak match) a pair below the name-alone score is cut short."""
    if not a.tokens or not b.tokens or a.digits != b.digits:
        return _NO_MATCH
    compact = fuzz.ratio(a.compact, b.compact)
    ordered = compact if (a.ordered == a.compact and b.ordered == b.compact) else \
        fuzz.ratio(a.ordered, b.ordered)
    score = round(max(compact, ordered))
    # "Al Nour" / "Alnour": the same letters, split differently. Names of as many words are
    # compared word by word instead: "Hamad" and "Mohammed" differ by one letter, not a split.
    if compact >= 95 and (a.compact == b.compact or len(a.tokens) != len(b.tokens)):
        return NameMatch(score, True, True)
    if score < NAME_ALONE_MIN and not want_subset:
        return NameMatch(score, False, False)
    extra_a = _unmatched(a.tokens, b.tokens)
    extra_b = _unmatched(b.tokens, a.tokens)
    alone = not extra_a and not extra_b and score >= NAME_ALONE_MIN
    subset = (not extra_a or not extra_b) and len(extra_a) < len(a.tokens) \
        and len(extra_b) < len(b.tokens)
    return NameMatch(score, alone, subset)


@dataclass(frozen=True)
class Match:
    """Two records that are probably one company; positions, not index labels."""

    left: int
    right: int
    score: int
    evidence: tuple[tuple[str, object], ...]


def _pairs_within(keys: list[str], positions: list[int], limit: int, n: int) -> np.ndarray:
    """Every pair of positions sharing a key (keys held by more than ``limit`` records are
    skipped), as sorted unique codes ``p * n + q`` with p < q."""
    if not keys:
        return np.empty(0, dtype=np.int64)
    table = pd.DataFrame({"key": keys, "pos": positions}).drop_duplicates()
    size = table.groupby("key", sort=False)["pos"].transform("size")
    table = table[(size > 1) & (size <= limit)].sort_values(["key", "pos"], kind="stable")
    key = table["key"].to_numpy()
    pos = table["pos"].to_numpy(dtype=np.int64)
    if not len(key):
        return np.empty(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    ends = np.r_[starts[1:], len(key)]
    pairs_of_two = starts[ends - starts == 2]  # most blocks: one pair, done in one step
    codes = [pos[pairs_of_two] * n + pos[pairs_of_two + 1]]
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a > 2:
            i, j = np.triu_indices(b - a, 1)
            codes.append(pos[a + i] * n + pos[a + j])
    return np.unique(np.concatenate(codes))


def _candidate_pairs(names: list[NormalName], details: list[Contact]
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth comparing as codes ``p * n + q`` (p < q): (all candidates, those sharing
    a contact detail)."""
    n = len(names)
    frequency = Counter(t for name in names for t in set(name.tokens))
    keys: list[str] = []
    owners: list[int] = []
    for pos, name in enumerate(names):
        if not name.tokens:
            continue
        rare = sorted(set(name.tokens), key=lambda t: (frequency[t], t))
        rarest = rare[0]
        found = ["=" + name.compact, *rare[1:RARE_WORDS_PER_NAME]]
        if len(rarest) < 4:
            found.append(rarest)
        else:  # one letter off: one spelling is a deletion of the other, or both share one
            found.append("~" + rarest)
            found.extend("~" + rarest[:i] + rarest[i + 1:] for i in range(len(rarest)))
        keys.extend(found)
        owners.extend([pos] * len(found))
    by_name = _pairs_within(keys, owners, MAX_WORD_BLOCK, n)

    keys, owners = [], []
    for pos, d in enumerate(details):
        found = [*("p:" + k for k in d.phones), *("e:" + k for k in d.domains),
                 *("a:" + k for k in d.accounts), *(["x:" + d.tax] if d.tax else []),
                 *("m:" + k for k in d.addresses)]
        keys.extend(found)
        owners.extend([pos] * len(found))
    by_contact = _pairs_within(keys, owners, MAX_CONTACT_BLOCK, n)

    named = [p for p, name in enumerate(names) if name.tokens]
    neighbours = []
    for order in (sorted(named, key=lambda p: (names[p].compact, p)),
                  sorted(named, key=lambda p: (names[p].compact[::-1], p))):
        ordered = np.asarray(order, dtype=np.int64)
        for step in range(1, NEIGHBOURS + 1):
            a, b = ordered[:-step], ordered[step:]
            neighbours.append(np.minimum(a, b) * n + np.maximum(a, b))
    every = np.unique(np.concatenate([by_name, by_contact, *neighbours]))
    return every, by_contact


def _facing(reduced: list[NormalName], left: list[int], right: list[int]
            ) -> list[tuple[NormalName, NormalName]]:
    """Each candidate pair's names as compared: a name written in both scripts ("Nile Foods
    - النيل للأغذية") beside one written in one is read by its part in that one's script."""
    pairs = list(zip([reduced[p] for p in left], [reduced[q] for q in right], strict=True))
    if not any(r.mixed for r in reduced):
        return pairs
    return [((in_script(a, b.arabic), b) if a.mixed else (a, in_script(b, a.arabic)))
            if a.mixed != b.mixed else (a, b) for a, b in pairs]


def possible_duplicates(ids: Sequence[object], names: Sequence[object],
                        details: Sequence[Contact]) -> list[Match]:
    """Pairs of records (different Customer IDs) that are probably the same company."""
    reduced = [normalize_name(n) for n in names]
    keys = [id_key(i) for i in ids]
    details = list(details)
    codes, contact_codes = _candidate_pairs(reduced, details)
    if not len(codes):
        return []
    n = len(reduced)
    left, right = (codes // n).tolist(), (codes % n).tolist()
    facing = _facing(reduced, left, right)
    # Whole-name similarity of every candidate pair in one call (rapidfuzz, in C); only
    # pairs that can still match get the word-by-word comparison in Python.
    compact = process.cpdist([a.compact for a, _ in facing], [b.compact for _, b in facing],
                             scorer=fuzz.ratio)
    ordered = process.cpdist([a.ordered for a, _ in facing], [b.ordered for _, b in facing],
                             scorer=fuzz.ratio)
    worth = (np.maximum(compact, ordered) >= NAME_ALONE_MIN) | np.isin(codes, contact_codes)

    users = _detail_users(details)
    matches = []
    for i in np.flatnonzero(worth).tolist():
        p, q = left[i], right[i]
        if keys[p] and keys[p] == keys[q]:
            continue  # already a DUPLICATE_ID
        a, b = facing[i]
        if not a.tokens or not b.tokens:
            continue
        shared = shared_details(details[p], details[q])
        if shared and branches_of_one_company(names[p], names[q]):
            continue  # a branch shares its company's details on purpose
        if a.arabic != b.arabic:
            # An Arabic and an English name can only be tied by the details they share.
            if {"phone", "iban", "tax"} & set(shared):
                ev = (("scripts", None), *((s, None) for s in shared))
                matches.append(Match(p, q, 0, ev))
            continue
        name = compare_names(a, b, want_subset=bool(shared))
        if name.alone or (shared and name.subset):
            ev = (("name", name.score), *((s, None) for s in shared))
            matches.append(Match(p, q, name.score, ev))
        elif own := _own_details(details[p], details[q], users):
            # Different names on one phone line, mailbox or bank account: the same company
            # under a trading and a legal name, or related companies; a person must say which.
            matches.append(Match(p, q, name.score, tuple((s, None) for s in own)))
    matches += _same_name_across_scripts(names, reduced, keys, details,
                                         {(m.left, m.right) for m in matches})
    return matches


# An Arabic name and its Latin spelling reduce to the same consonant skeletons, word by word
# (``شركة النور للتجارة``, ``Al Nour Trading Co.``: ``lnr trdnj``; the matching's name
# reading, as banks print names).
# The key must hold a distinctive word of 3+ letters besides the business words, so two
# "Trading Co."s are no pair; a key many names share is a common name, not one company.
MAX_SCRIPT_BLOCK = 4


def _same_name_across_scripts(names: Sequence[object], reduced: list[NormalName],
                              keys: list[str], details: Sequence[Contact],
                              found: set[tuple[int, int]]) -> list[Match]:
    from ar_excel.core.matching.names import distinctive, name_tokens

    # A pair is an Arabic and a Latin name with as many words: only the names of a word
    # count both scripts have are read (reading a name is the costly part; an English-only
    # or Arabic-only master reads none).
    scripts: dict[int, set[bool]] = defaultdict(set)
    for name in reduced:
        if name.tokens:
            scripts[len(name.tokens)].add(name.arabic)
    both = {count for count, seen in scripts.items() if len(seen) == 2}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for position, name in enumerate(names):
        if len(reduced[position].tokens) not in both:
            continue
        tokens = name_tokens(name)
        own = distinctive(tokens)
        # word by word, and as many words: a short brand whose vowels carried it
        # (Tapuze, طيبة زعح) must not meet another by its consonants alone
        if len("".join(own)) >= 3:
            groups[(tuple(tokens), len(reduced[position].tokens))].append(position)
    out = []
    for members in groups.values():
        if len(members) < 2 or len(members) > MAX_SCRIPT_BLOCK:
            continue
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                if (p, q) in found or reduced[p].arabic == reduced[q].arabic:
                    continue  # same script: the name comparison above has judged them
                if keys[p] and keys[p] == keys[q]:
                    continue  # already a DUPLICATE_ID
                if branches_of_one_company(names[p], names[q]):
                    continue
                shared = shared_details(details[p], details[q])
                out.append(Match(p, q, 0, (("scripts", None), *((s, None) for s in shared))))
    return out


MAX_OWN_DETAIL_USERS = 3  # a line or mailbox more customers use is an agent's or a switchboard


def _detail_users(details: Sequence[Contact]) -> Counter:
    """How many records use each phone line, email address and bank account."""
    return Counter(k for d in details for k in (*("p:" + x for x in d.phones),
                                                 *("m:" + x for x in d.addresses),
                                                 *("a:" + x for x in d.accounts)))


def _own_details(a: Contact, b: Contact, users: Counter) -> list[str]:
    """The details that identify one party (phone line, whole email address, bank account)
    two records share, where few records use them."""
    def few(prefix: str, keys: frozenset[str]) -> bool:
        return any(users[prefix + k] <= MAX_OWN_DETAIL_USERS for k in keys)
    own = []
    if few("p:", _common_phones(a, b)):
        own.append("phone")
    if few("m:", a.addresses & b.addresses):
        own.append("address")
    if few("a:", a.accounts & b.accounts):
        own.append("iban")
    return own
