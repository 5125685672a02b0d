"""Finding the same customer entered twice.

* Same Customer ID on several rows: every row of the group is reported.
* Same tax ID under different Customer IDs (placeholders such as ``0`` or ``N/A`` ignored).
* Possible duplicates: the same company under spelling variants. Names are reduced by
  ``names.normalize_name``; two names *match on their own* when every identifying word of
  each has a counterpart in the other (equal, one typo apart, or >= 85 % similar) and the
  whole names are >= 85 % similar (rapidfuzz). A different word on both sides ("Nile Foods"
  vs "Nile Motors") or a different number ("Branch 1" vs "Branch 2") means different
  companies. A shared phone, company email domain, bank account or tax ID backs a weaker
  match: one name's words all found in the other ("Nile Foods" / "Nile Foods Industries"),
  or the same details under an Arabic and an English name.

Comparing every pair of 20,000 customers is 200 million comparisons, so candidates are
blocked first: the same reduced name, a shared rare word, neighbours in sorted order (and in
reversed-name order, for a typo at the start), or a shared contact detail. Large blocks of
common words are skipped; they are caught by the other keys.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ar_excel.core.customers import contacts
from ar_excel.core.customers.names import NormalName, normalize_name

NAME_ALONE_MIN = 85  # % similarity of the whole reduced names for a match on names alone
WORD_MIN = 85  # % similarity for two words to count as the same word
RARE_WORDS_PER_NAME = 2
MAX_WORD_BLOCK = 200  # a word shared by more names than this says nothing
MAX_CONTACT_BLOCK = 25  # a phone shared by more customers is a switchboard or a placeholder
NEIGHBOURS = 4  # sorted-neighbourhood window on each side

PLACEHOLDER_TAX_IDS = frozenset({"", "NA", "N/A", "NONE", "NIL", "NULL", "-", "--", "X", "TBA",
                                 "TBD", "لايوجد", "لا", "غيرمتوفر", "0"})


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def id_key(value: object) -> str:
    return "" if _blank(value) else str(value).strip().casefold()


def usable_tax_key(value: object) -> str:
    """The tax ID as a comparison key, or "" for blanks and placeholders."""
    if _blank(value):
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


def shared_tax_ids(ids: Sequence[object], tax_ids: Sequence[object]) -> dict[int, list[int]]:
    """For each position, the positions with the same tax ID under a different Customer ID."""
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
            others = [q for q in members if id_key(ids[q]) != id_key(ids[p])]
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


def contact_of(phone: object, email: object, account: object, tax: object) -> Contact:
    return Contact(frozenset(contacts.phone_keys(phone)), frozenset(contacts.email_domains(email)),
                   frozenset(contacts.account_keys(account)), usable_tax_key(tax))


def shared_details(a: Contact, b: Contact) -> list[str]:
    """Which details two records share: phone, email (domain), iban, tax."""
    shared = []
    if a.phones & b.phones:
        shared.append("phone")
    if a.domains & b.domains:
        shared.append("email")
    if a.accounts & b.accounts:
        shared.append("iban")
    if a.tax and a.tax == b.tax:
        shared.append("tax")
    return shared


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) <= 3 or a.isdigit() or b.isdigit():
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1 or fuzz.ratio(a, b) >= WORD_MIN


def _unmatched(words: Iterable[str], others: Sequence[str]) -> list[str]:
    return [w for w in words if not any(_same_word(w, o) for o in others)]


@dataclass(frozen=True)
class NameMatch:
    score: int  # % similarity of the reduced names
    alone: bool  # strong enough without any other evidence
    subset: bool  # every word of one name is in the other


def compare_names(a: NormalName, b: NormalName) -> NameMatch:
    """How alike two reduced names are (see the module's rules)."""
    if not a.tokens or not b.tokens or a.digits != b.digits:
        return NameMatch(0, False, False)
    compact = fuzz.ratio(a.compact, b.compact)
    ordered = fuzz.ratio("".join(sorted(a.tokens)), "".join(sorted(b.tokens)))
    score = round(max(compact, ordered))
    if compact >= 95:  # "Al Nour" / "Alnour": the same letters, split differently
        return NameMatch(score, True, True)
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


def _candidate_pairs(names: list[NormalName], details: list[Contact]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    frequency = Counter(t for n in names for t in set(n.tokens))
    for pos, name in enumerate(names):
        if name.tokens:
            blocks["c:" + name.compact].append(pos)
            rare = sorted(set(name.tokens), key=lambda t: (frequency[t], t))
            for token in rare[:RARE_WORDS_PER_NAME]:
                blocks["t:" + token].append(pos)
        d = details[pos]
        for key in d.phones:
            blocks["p:" + key].append(pos)
        for key in d.domains:
            blocks["e:" + key].append(pos)
        for key in d.accounts:
            blocks["a:" + key].append(pos)
        if d.tax:
            blocks["x:" + d.tax].append(pos)

    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        limit = MAX_WORD_BLOCK if key[0] in "ct" else MAX_CONTACT_BLOCK
        if len(members) > limit:
            continue
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                pairs.add((p, q) if p < q else (q, p))

    named = [p for p, n in enumerate(names) if n.tokens]
    for order in (sorted(named, key=lambda p: (names[p].compact, p)),
                  sorted(named, key=lambda p: (names[p].compact[::-1], p))):
        for i, p in enumerate(order):
            for q in order[i + 1:i + 1 + NEIGHBOURS]:
                pairs.add((p, q) if p < q else (q, p))
    return pairs


def possible_duplicates(ids: Sequence[object], names: Sequence[object],
                        details: Sequence[Contact]) -> list[Match]:
    """Pairs of records (different Customer IDs) that are probably the same company."""
    reduced = [normalize_name(n) for n in names]
    details = list(details)
    matches = []
    for p, q in sorted(_candidate_pairs(reduced, details)):
        if id_key(ids[p]) and id_key(ids[p]) == id_key(ids[q]):
            continue  # already a DUPLICATE_ID
        shared = shared_details(details[p], details[q])
        a, b = reduced[p], reduced[q]
        if not a.tokens or not b.tokens:
            continue
        if a.arabic != b.arabic:
            # An Arabic and an English name can only be tied by the details they share.
            if {"phone", "iban", "tax"} & set(shared):
                ev = (("scripts", None), *((s, None) for s in shared))
                matches.append(Match(p, q, 0, ev))
            continue
        name = compare_names(a, b)
        if name.alone or (shared and name.subset):
            ev = (("name", name.score), *((s, None) for s in shared))
            matches.append(Match(p, q, name.score, ev))
    return matches
