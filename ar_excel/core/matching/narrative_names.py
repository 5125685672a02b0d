"""Names in a narrative: which customers a text's words name, and how surely.

A narrative is no name field: its words are the bank's, the payer's and a name's, in any order.
Odoo's rule reads it: every distinctive word of the customer's name is in the text; the more of
its other words are there too, the higher the score. Customers sharing only some of the words
get a partial comparison, scored less.

A needed word of a short skeleton (SALMIYA: slm) is one of many words (SALEM, SALMI): a text
names the customer for sure only by writing the word in its own shape (vowels where it has them,
``names.word_shape``): KHALED SALEM and AHMED SALMI are no Salmiya Electronics for sure, AL NUR
is Al Nour Trading (a name in Latin letters has a shape; an Arabic word's short vowels are not
written, so its long vowels are all it has: two Arabic spellings must write the same ones,
``names.arabic_spellings_agree``: مؤسسة الرياض is no مؤسسة الرضا). A word written in Arabic letters on one
side and in Latin on the other (short vowels unwritten) must agree on the long vowels the Arabic
writes (``names.long_vowels_agree``): ISLAM is no سالم, AHMED ALMULLA no شركة الأمل; SALEM and
AL AMAL keep their skeleton's reading. That rule holds for a name the bank prints too
(``PayerDirectory._score``). A name read only so scores ``SHORT_NAME``: a candidate a person
confirms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from ar_excel.core.matching.names import (
    PLACE_KEYS,
    arabic_spellings_agree,
    distinctive,
    long_vowels_agree,
    name_tokens,
    printed_words,
    token_scripts,
    token_shapes,
)
from ar_excel.core.matching.normalize import fold_text

MAX_BLOCK = 4000  # a blocking word shared by more customers than this says little
LIKELY_NAME = 80.0  # name score at which a customer is a candidate
MARGIN = 5.0  # the best name must beat the next customer by this much
PARTIAL_WEIGHT = 0.9  # a narrative sharing only some of a name's words: its partial score, less
SHORT_SKELETON = 3  # a word whose skeleton is this short is many words (SALMIYA, SALEM, SALMI)
SHORT_NAME = 85.0  # a name read only through such a skeleton: a candidate a person confirms
PART_OF_NAME = 87.0  # a text writing only part of a name (``_narrative_scores``)
# A person's name written without the father's (``_fathers_names_left_out``): a certain name
# (over ``payers.CERTAIN_NAME``) where no other customer's has both words; else a candidate a
# person confirms, under the 88 at which the amount decides between look-alike names (two
# people, Salim Bin Hamad and Salim Bin Saif Al Harthy, are no sister companies).
PERSON_NAME = 87.0
PERSON_NAME_ALONE = 93.0
# Son / daughter of and the father's name after it (SALIM BIN HAMAD, سالم بن حمد), after a word
# of the name (a name beginning with BIN, Bin Dawood Trading, is a family's: kept).
_FATHERS_NAME = re.compile(r"(?<=[\w\u0600-\u06ff])\s+(?:BIN|BINT|IBN|بن|بنت)\s+[\w\u0600-\u06ff]+")

_NOBODY = np.zeros(0, dtype=np.int64)


def _in_order_apart_by(words: Sequence[str], tokens: Sequence[str], own: set[str]) -> bool:
    """Whether ``tokens`` hold ``words`` in their order with none but ``own`` words between
    them (SALIM HAMAD AL HARTHY for Salim Bin Hamad Al Harthy; SALIM SAIF AL HARTHY, another
    father's name between, is another man)."""
    for start, t in enumerate(tokens):
        if t != words[0]:
            continue
        k = 1
        for u in tokens[start + 1:]:
            if k == len(words):
                break
            if u == words[k]:
                k += 1
            elif u not in own:
                break
        if k == len(words):
            return True
    return False


def _meet(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sorted arrays of customer positions share one."""
    if not len(a) or not len(b):
        return False
    if len(a) > len(b):
        a, b = b, a
    at = np.searchsorted(b, a)
    return bool(np.any(b[np.minimum(at, len(b) - 1)] == a))


# How a text writes a token: its shape (``names.token_shapes``), or its shape and whether in
# Arabic letters (``names.token_scripts``); None where the token is a reading of the word.
Shaped = tuple[tuple[str, frozenset[Any]], ...]


class NarrativeNames:
    """A narrative's words scored against the customers' names (a part of
    ``PayerDirectory``, whose name index it reads)."""

    def _index_short_words(self) -> None:
        """The customers' short needed words (``SHORT_SKELETON``), and who has each. (How
        their names write them is read when a text first makes the customer a candidate.)"""
        short_words = {i: [t for t in self._needed[c][0] if len(t) <= SHORT_SKELETON]
                       for i, c in enumerate(self._ids)}
        short_words = {i: ts for i, ts in short_words.items() if ts}
        self._short_words = short_words
        self._short_tokens = frozenset(t for ts in short_words.values() for t in ts)
        short_postings: dict[str, list[int]] = defaultdict(list)
        for i, ts in short_words.items():
            for t in ts:
                short_postings[t].append(i)
        # (which customers have each short word: only they can disagree with a text writing it)
        self._short_postings = {t: np.array(v, dtype=np.int64) for t, v in short_postings.items()}
        # How each customer's name writes its short words, as one of the readings told apart
        # (``_readings``; -1: not read yet), so that a text's verdict on them is worked out
        # once per reading, not once per customer (many customers' read alike: AL NOUR,
        # SALEM); and a printed word's against a customer's spellings once per run
        # (``_other_script_disagrees``).
        self._shapes_read = np.full(len(self._needed_count), -1, dtype=np.int64)
        self._scripts_read = np.full(len(self._needed_count), -1, dtype=np.int64)
        self._reading_at: dict[Shaped, int] = {}
        self._readings: list[Shaped] = []
        self._disagreeing: dict[tuple, bool] = {}
        self._has_short = np.zeros(len(self._needed_count), dtype=bool)
        self._has_short[list(short_words)] = True
        # (``_with_article``'s look-ups, each worked out once per word)
        self._holding: dict[str, np.ndarray] | None = None
        self._whole_names: dict[str, bool] = {}
        self._article_writers: dict[str, tuple[np.ndarray, bool]] = {}
        self._met: dict[tuple[str, str, bool], bool] = {}  # (``_meets``)
        self._short_forms: dict[int, tuple[str, ...]] | None = None  # (``_fathers_names_...``)
        self._by_a_place: np.ndarray | None = None  # (``_named_by_a_place``)

    def _named_by_a_place(self) -> np.ndarray:
        """Whether each customer's distinctive words are a place's only (Cairo Steel Company:
        CAIRO), by position; worked out once."""
        if self._by_a_place is None:
            self._by_a_place = np.array([bool(self._needed[c][0]) and self._needed[c][0]
                                         <= PLACE_KEYS for c in self._ids] or [False])
        return self._by_a_place

    def _counted(self, lists: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """The positions in any of ``lists`` (ascending) and in how many of them."""
        every = np.concatenate(lists)
        if len(every) * 8 < len(self._ids):
            # (A text's words are in few names: sorting those few positions costs less than
            # counting over every customer and looking through all the counts.)
            return np.unique(every, return_counts=True)
        counts = np.bincount(every, minlength=len(self._ids))
        where = np.flatnonzero(counts)
        return where, counts[where]

    def _construct_state(self, token: str) -> str:
        """A word's skeleton as the master has it: as written, or, for a word ending in t
        that no customer's name has, without the t where a name has that (NAJMAT ALKHALEEJ
        for نجمة الخليج: a final ة is written -at before the next word)."""
        if token in self._postings or len(token) < 4 or not token.endswith("t"):
            return token
        return token[:-1] if token[:-1] in self._postings else token

    def _narrative_scores(self, tokens: list[str], full: str,
                          shapes: tuple[str | None, ...] | None = None,
                          scripts: tuple[tuple[str, bool] | None, ...] | None = None
                          ) -> tuple[np.ndarray, np.ndarray]:
        """Odoo's rule: every distinctive word of the customer's name is in the text; the
        more of its other words are there too, the higher. Customers sharing only some of
        the words get a partial comparison. ``shapes``: the shapes of the words the tokens
        come from (``names.token_shapes``), where a token is a customer's short word. Returns
        (positions, scores)."""
        lists = [self._postings[t] for t in {self._construct_state(t) for t in tokens}
                 if t in self._postings]
        if not lists:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        where, counts = self._counted(lists)
        if len(where) > MAX_BLOCK:  # only very common words: keep those naming all their words
            keep = counts == self._needed_count[where]
            where, counts = where[keep], counts[keep]
        complete = (counts == self._needed_count[where]) & (self._needed_len[where] >= 3)
        scores = np.zeros(len(where), dtype=np.float32)
        if complete.any():
            # How many of each customer's words the text has (by their first four letters).
            lists = [self._prefix_postings[p] for p in {t[:4] for t in tokens}
                     if p in self._prefix_postings]
            hit = where[complete]
            covered = np.bincount(np.concatenate(lists), minlength=len(self._ids))[hit] \
                if lists else 0
            share = np.minimum(covered / self._token_count[hit], 1.0)
            scores[complete] = 88.0 + 10.0 * share
            # A name whose distinctive word is a place (Cairo Steel Company, شركة الإسكندرية
            # للاستيراد والتصدير) and of which the text writes the place only is as likely
            # the town of the bank's branch or clearing (CHQ DEP NBE CAIRO BR, ايداع شيك فرع
            # القاهرة) as the payer: a candidate a person confirms.
            placed = self._named_by_a_place()[hit]
            if placed.any():
                alone = np.flatnonzero(complete)[
                    placed & (np.asarray(covered) <= 1) & (self._token_count[hit] > 1)]
                scores[alone] = np.minimum(scores[alone], SHORT_NAME)
            if self._has_short[hit].any():
                self._short_words_written(tokens, shapes, hit, scores, np.flatnonzero(complete),
                                          scripts)
        # (A text whose name key is a letter or two, SI of SI-5079, is in every name: a partial
        # comparison would find it in OASIS, whose key is s.)
        rest = np.flatnonzero(~complete) if len(full) >= 3 else np.zeros(0, dtype=np.int64)
        if len(rest):
            # A score under LIKELY_NAME - MARGIN decides nothing (no candidate, and the best
            # likely name clears the margin over it), so it is not worked out exactly.
            partial = process.cdist([full], self._full[where[rest]].tolist(),
                                    scorer=fuzz.partial_ratio, dtype=np.float32,
                                    score_cutoff=(LIKELY_NAME - MARGIN) / PARTIAL_WEIGHT)[0]
            scores[rest] = partial * PARTIAL_WEIGHT
            # A text writing part of the name only (AL QAHTANI CONTRACTING of Saad Al Qahtani
            # Contracting Est: its key inside the name's, not at its start) leaves out a word of
            # it another customer may have in its place (عبدالله القحطاني للمقاولات): a
            # candidate, not clearly this customer (under the 88 of a name read complete). A
            # name cut at the end by the bank's field width (SINAI MARBLE AND GRA) is the start
            # of the name's key: no word left out in its place.
            # (A word left out that is a business word, the مجموعة of مجموعة الهدى للبلاستيك,
            # leaves none of the distinctive words out; a word the text writes in part, the
            # OUD of S'OUD, is not left out.)
            high = rest[scores[rest] > PART_OF_NAME]
            part = [k for k in high.tolist()
                    if not self._full[where[k]].startswith(full) and any(
                        not any(t.startswith(w) or t.endswith(w) for w in tokens)
                        for t in distinctive(list(self._needed[self._ids[where[k]]][0])))]
            scores[part] = PART_OF_NAME
            if shapes is not None:
                # A name too short to be read complete, a bare word in Arabic letters only
                # (مؤسسة سعود: sd), is in every Latin text writing SAAD, SAID or SAUD, whose
                # vowels and ع its skeleton does not tell apart: SAAD ALI is no مؤسسة سعود for
                # sure. (With its article, الوادي, الوفاء, EL-WADY says more; so does another
                # word of the name, SINAA STEEL.)
                latin = {t for t, sh in zip(tokens, shapes, strict=False) if sh is not None}
                short = [k for k in rest[(self._needed_len[where[rest]] < 3)
                                         & (scores[rest] > SHORT_NAME)].tolist()
                         if self._scripts_of[self._ids[where[k]]] == (True, False)
                         and self._bare_short_word_in(self._ids[where[k]], latin, tokens)]
                scores[short] = np.minimum(scores[short], SHORT_NAME)
            if shapes is not None:
                # (a name too short to be read complete, Zaid of Zaid Trading Est, printed in
                # a shape of its own: ZAYED TRADING is no Zaid Trading for sure)
                capped = rest[self._shape_disagreements(
                    where[rest], scores[rest] > SHORT_NAME,
                    self._by_token(tokens, shapes, strict=False))]
                scores[capped] = np.minimum(scores[capped], SHORT_NAME)
        self._fathers_names_left_out(tokens, where, scores)
        return where, scores

    def _fathers_names_left_out(self, tokens: list[str], where: np.ndarray,
                                scores: np.ndarray) -> None:
        """Raises the score (``scores[k]``) of each customer ``where[k]`` named after a person
        with the father's name (Salim Bin Hamad Al Harthy Trading: سالم بن حمد الحارثي) whose
        name the text writes without it, as Gulf banks print it (SALIM AL HARTHY): its
        distinctive words but those after BIN, the first and the family name among them, in
        order, with none but the name's own words between. ``PERSON_NAME_ALONE`` where no
        other customer's name has both the first and the family name, ``PERSON_NAME`` where
        one has (Salim Bin Saif Al Harthy Contracting).
        """
        if self._short_forms is None:
            self._short_forms = {}
            for i, c in enumerate(self._ids):
                name = fold_text(self.names.get(c, ""))
                fathers = list(_FATHERS_NAME.finditer(name))
                # (BIN and a name ending the person's name is the family's, Ahmed Saif Bin
                # Darwish Trading as Bin Laden: no father's left out, but the family name)
                if not fathers or not distinctive(name_tokens(name[fathers[-1].end():])):
                    continue
                short = tuple(distinctive(name_tokens(_FATHERS_NAME.sub("", name))))
                if len(short) >= 2 and frozenset(short) != self._needed[c][0]:
                    self._short_forms[i] = short
        if not self._short_forms:
            return
        for k, i in enumerate(where.tolist()):
            short = self._short_forms.get(i)
            # (only the name's own words between: another father's name there, SALIM SAIF AL
            # HARTHY, is another man's)
            if short is None or scores[k] >= PERSON_NAME_ALONE or not _in_order_apart_by(
                    short, tokens, set(self._tokens[self._ids[i]])):
                continue
            both = np.intersect1d(self._holders(short[0]), self._holders(short[-1]))
            scores[k] = max(scores[k], PERSON_NAME if len(both) > 1 else PERSON_NAME_ALONE)

    def _with_article(self, text: str, tokens: list[str]) -> list[str]:
        """``tokens`` with the article put back on a word printed in Latin letters without it
        (TAMIMI, QAHTANI, RIYAD CONTRACTING for التميمي, القحطاني, الرياض للمقاولات), where no
        customer's name has the word bare and one writes it in Arabic with ال, and the text
        says more of that name than the word: the word is a family's nisba (the -I of the ي
        the Arabic ends in), or another of the text's words is the name's (CONTRACTING). A
        bare given name or a city (BADR ALI, RIYADH BRANCH) stays as it is. Where the word
        bare is a customer's name too (SAUD EST: مؤسسة سعود), or part of one the text says
        more of (RED SEA: rd, as RIYAD), the text must say a word of the name with the article
        that is none of theirs (SAUD CONTRACTING: شركة السعود للمقاولات)."""
        postings = self._postings

        def bare(t: str) -> bool:
            return len(t) >= 2 and t[0] != "l" and "l" + t in postings

        if not any(bare(t) for t in tokens):
            return tokens
        printed = printed_words(text)
        if len(printed) != len(tokens):
            return tokens
        out = list(tokens)
        for k, (t, word) in enumerate(zip(tokens, printed, strict=True)):
            if word is None or not word.isascii() or not bare(t):
                continue
            others = set(tokens) - {t}
            # (the customers whose name the word bare is, or is part of with a word the text
            # says: only a word of the name with the article that is none of theirs tells)
            state = self._construct_state(t)
            bare_names = postings.get(state, _NOBODY)
            rival_words = {o for o in others if self._meets(o, state, bare_names)}
            rivals = bool(rival_words) or self._whole_name(state)
            if rivals and state in others:
                rival_words.add(state)
            arabic, nisbas = self._written_with_article("l" + t)
            if word[-1] in "IY" and nisbas and not rivals \
                    or any(self._meets(o, "l" + t, arabic, True) for o in others - rival_words):
                out[k] = "l" + t
        return out

    def _meets(self, token: str, word: str, customers: np.ndarray, arabic: bool = False) -> bool:
        """Whether a customer whose name has ``token`` is among ``customers``: those whose
        name has ``word`` (``_postings``) or, ``arabic``, writes it with the article in Arabic
        letters (``_written_with_article``); worked out once per pair of words."""
        key = (token, word, arabic)
        known = self._met.get(key)
        if known is None:
            known = self._met[key] = _meet(self._holders(token), customers)
        return known

    def _holders(self, token: str) -> np.ndarray:
        """The positions of the customers whose name has ``token`` (needed or not)."""
        if self._holding is None:
            holding: dict[str, list[int]] = defaultdict(list)
            for i, c in enumerate(self._ids):
                for t in set(self._tokens[c]):
                    holding[t].append(i)
            self._holding = {t: np.array(v, dtype=np.int64) for t, v in holding.items()}
        return self._holding.get(token, _NOBODY)

    def _whole_name(self, token: str) -> bool:
        """Whether ``token`` is all a customer's name needs (SAUD: مؤسسة سعود)."""
        whole = self._whole_names.get(token)
        if whole is None:
            whole = self._whole_names[token] = any(
                self._needed[self._ids[i]][0] == {token}
                for i in self._postings.get(token, _NOBODY).tolist())
        return whole

    def _written_with_article(self, token: str) -> tuple[np.ndarray, bool]:
        """The customers whose name writes ``token`` (an ``l``-word: al-) in Arabic letters
        each time it has it (not in Latin, nor read as a business word), and whether one of
        them writes it as a nisba (التميمي: ``_ia``)."""
        known = self._article_writers.get(token)
        if known is None:
            arabic, nisba = [], False
            for i in self._postings.get(token, _NOBODY).tolist():
                cid = self._ids[i]
                own = [s for tok, s in zip(self._tokens[cid], token_scripts(self.names[cid]),
                                           strict=False) if tok == token]
                if not own or any(s is None or not s[1] for s in own):
                    continue
                arabic.append(i)
                nisba = nisba or all(s[0].endswith("_ia") for s in own)
            known = self._article_writers[token] = (np.array(arabic, dtype=np.int64), nisba)
        return known

    def _bare_short_word_in(self, cid: str, latin: set[str], tokens: list[str]) -> bool:
        """Whether the customer's needed words are all bare (no article), one of them is
        among ``latin`` (the text's words written in Latin letters), and the text writes no
        other word of the name (SINAA STEEL: سيناء للحديد والصلب, its trade too)."""
        needed = self._needed[cid][0]
        return all(t[:1] != "l" for t in needed) and not needed.isdisjoint(latin) \
            and (set(self._tokens[cid]) - needed).isdisjoint(tokens)

    def named_in_full(self, narrative: object) -> frozenset[str]:
        """The customers every distinctive word of whose name a narrative's words write, the
        short ones too (SAUD EST: مؤسسة سعود, whose sd is too short to name it for sure): a
        name that the amount of another customer's invoice alone does not overrule."""
        text = self.narrative_words(narrative)
        tokens = self._with_article(text, name_tokens(text))
        lists = [self._postings[t] for t in {self._construct_state(t) for t in tokens}
                 if t in self._postings]
        if not lists:
            return frozenset()
        where, counts = self._counted(lists)
        return frozenset(self._ids[i]
                         for i in where[counts == self._needed_count[where]].tolist())

    def _short_scripts_of(self, i: int) -> Shaped:
        """(word, its shapes and scripts: ``names.token_scripts``) of each short needed word
        of the customer at position ``i`` that its name writes as it is (not a reading)."""
        return self._readings[int(self._read_as(np.array([i]), self._scripts_read,
                                                 token_scripts)[0])]

    def _read_as(self, positions: np.ndarray, known: np.ndarray,
                 reading: Callable[[str], tuple[Any, ...]]) -> np.ndarray:
        """Which of ``_readings`` the customers at ``positions`` (with short words) have by
        ``reading`` (``names.token_shapes``: their short words written in Latin letters, or
        ``names.token_scripts``); kept in ``known`` (read when a text first makes the customer
        a candidate)."""
        found = known[positions]
        for k in np.flatnonzero(found < 0).tolist():
            i = int(positions[k])
            read = self._short_words_as(i, reading)
            at = self._reading_at.get(read)
            if at is None:
                at = self._reading_at[read] = len(self._readings)
                self._readings.append(read)
            known[i] = found[k] = at
        return found

    def _short_words_as(self, i: int, reading: Callable[[str], tuple[Any, ...]]) -> Shaped:
        """(word, how ``reading`` has the printed word it comes from) of each short needed word
        of the customer at position ``i``, where every one of its spellings has a reading."""
        c = self._ids[i]
        read = reading(self.names[c])
        words = []
        for t in self._short_words[i]:
            own = {r for tok, r in zip(self._tokens[c], read, strict=True) if tok == t}
            if None not in own:
                words.append((t, frozenset(own)))
        return tuple(words)

    def _verdicts(self, kinds: np.ndarray, verdict: Callable[[Shaped], bool]) -> np.ndarray:
        """``verdict`` on the reading (of ``_readings``) of each of ``kinds``, worked out once
        per reading."""
        # (A dict of the readings told, not ``np.unique``: the candidates are few, most of a
        # few readings, and sorting them costs more than the verdicts; ``verdict`` has no
        # side effect, so the order it is asked in changes nothing.)
        readings, told = self._readings, {}
        out = []
        for k in kinds.tolist():
            said = told.get(k)
            if said is None:
                said = told[k] = verdict(readings[k])
            out.append(said)
        return np.array(out, dtype=bool)

    def _by_token(self, tokens: list[str], readings: Sequence[Any], strict: bool
                  ) -> dict[str, list[Any]]:
        """How the text writes each token (``readings``, in the tokens' order: its shapes,
        or shapes and scripts), by the token as the master has it (``_construct_state``)
        too."""
        by_token: dict[str, list[Any]] = defaultdict(list)
        for t, read in zip(tokens, readings, strict=strict):
            by_token[t].append(read)
            state = self._construct_state(t)
            if state != t:
                by_token[state].append(read)
        return by_token

    def _short_words_written(self, tokens: list[str], shapes: tuple[str | None, ...] | None,
                             hit: np.ndarray, scores: np.ndarray, at: np.ndarray,
                             scripts: tuple[tuple[str, bool] | None, ...] | None = None
                             ) -> None:
        """Caps at ``SHORT_NAME`` the score (``scores[at[k]]``) of each customer ``hit[k]``
        whose short word the text writes only as its skeleton, not in its shape: KHALED SALEM
        and AHMED SALMI are no Salmiya Electronics for sure (AL NUR is Al Nour Trading: the
        same shape). A word written in Arabic letters on one side and in Latin on the other
        (short vowels unwritten) must agree on the long vowels the Arabic writes
        (``names.long_vowels_agree``): ISLAM is no سالم, AHMED ALMULLA no شركة الأمل, الانوار
        no Al Noor Trading; SALEM, AL AMAL and النور keep their skeleton's reading."""
        # (No shapes read: the text has none of the short words, so "" is no shape of them.)
        printed = self._by_token(tokens, shapes if shapes is not None else [""] * len(tokens),
                                 strict=True)
        # (a truncated name's last token is left out of ``tokens``: its shape with it)
        by_script = self._by_token(tokens, scripts or (), strict=False)
        short = np.flatnonzero(self._has_short[hit])
        capped = self._verdicts(
            self._read_as(hit[short], self._shapes_read, token_shapes),
            lambda own_shapes: any(
                None not in (written := printed.get(t, ())) and own.isdisjoint(written)
                for t, own in own_shapes))
        if by_script and not capped.all():
            rest = np.flatnonzero(~capped)
            capped[rest] = self._verdicts(
                self._read_as(hit[short[rest]], self._scripts_read, token_scripts),
                lambda own_scripts: self._other_script_disagrees(by_script, own_scripts))
        capped = at[short[capped]]
        scores[capped] = np.minimum(scores[capped], SHORT_NAME)

    def _script_disagreements(self, where: np.ndarray, among: np.ndarray,
                              by_script: dict[str, list[tuple[str, bool] | None]]
                              ) -> np.ndarray:
        """The positions in ``where`` (of those ``among`` marks) of the customers with a short
        word that the text (``by_script``: ``_by_token`` of its shapes and scripts) writes only
        in the other script without its long vowels (``_other_script_disagrees``)."""
        return self._short_word_disagreements(
            where, among, by_script, self._scripts_read, token_scripts,
            lambda own: self._other_script_disagrees(by_script, own))

    def _shape_disagreements(self, where: np.ndarray, among: np.ndarray,
                             by_shape: dict[str, list[str | None]]) -> np.ndarray:
        """The positions in ``where`` (of those ``among`` marks) of the customers with a short
        word that a printed name (``by_shape``: ``_by_token`` of its shapes) writes in Latin
        letters, in none of the shapes the customer's name writes it in (ZAYED for Zaid, SALMI
        for Salmiya): as a narrative's (``_short_words_written``), for the words it writes."""
        # (``own``'s words are short words: one the name writes, with no reading, is compared)
        return self._short_word_disagreements(
            where, among, by_shape, self._shapes_read, token_shapes,
            lambda own: any((written := by_shape.get(t)) and None not in written
                            and own_shapes.isdisjoint(written) for t, own_shapes in own))

    def _short_word_disagreements(self, where: np.ndarray, among: np.ndarray,
                                  printed: dict[str, list[Any]], known: np.ndarray,
                                  reading: Callable[[str], tuple[Any, ...]],
                                  verdict: Callable[[Shaped], bool]) -> np.ndarray:
        """The positions in ``where`` (of those ``among`` marks) of the customers with a short
        word the text writes with a shape to compare (``printed``: ``_by_token`` of its
        readings) on whose own ``reading`` of their short words (kept in ``known``) the
        ``verdict`` is that they disagree."""
        compared = [t for t, written in printed.items()
                    if written and None not in written and t in self._short_postings]
        if not compared:  # (no short word of anyone's written with a shape to compare)
            return np.zeros(0, dtype=np.int64)
        having = np.zeros(len(self._ids), dtype=bool)
        for t in compared:
            having[self._short_postings[t]] = True
        found = np.flatnonzero(having[where] & among)
        return found[self._verdicts(self._read_as(where[found], known, reading), verdict)]

    def _other_script_disagrees(self, printed: dict[str, list[tuple[str, bool] | None]],
                                own: Shaped) -> bool:
        """Whether the text writes one of a customer's short words (``own``: its shapes and
        scripts) only in the other script, and never with the long vowels the Arabic of the
        two writes (``names.long_vowels_agree``)."""
        for t, shapes in own:
            written = printed.get(t)
            if not written or None in written:
                continue  # (not written, or read as a business word: no shape to compare)
            key = (tuple(written), shapes)
            disagrees = self._disagreeing.get(key)
            if disagrees is None:
                disagrees = self._disagreeing[key] = not any(
                    (arabic_spellings_agree(shape, own_shape) if arabic else True)
                    if arabic == own_arabic else
                    long_vowels_agree(shape, own_shape) if arabic
                    else long_vowels_agree(own_shape, shape)
                    for shape, arabic in written for own_shape, own_arabic in shapes)
            if disagrees:
                return True
        return False
