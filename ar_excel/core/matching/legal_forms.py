"""The legal form a name is written with (LLC, Co, Est, W.L.L., ش.م.م ...), as a kind.

Names are read without their legal form (``names.FILLER``): banks print it or not. Two
customers whose names differ only by it (Dawood Trading LLC, Dawood Trading Co) are then one
name to the reader, and only the legal form the bank prints, where it is one of theirs and not
the other's, tells which paid. Spellings of one form, in either script, are one kind:
``L.L.C``, ``LLC`` and ``ش.م.م``; ``Co``, ``Company`` and ``& Co``.
"""

from __future__ import annotations

import re

from ar_excel.core.matching.normalize import fold_text

# Each form's spellings, letters joined (L.L.C, S.A.O.C, ش.م.م written without their dots).
_KINDS = {
    "llc": ("LLC", "شمم", "ذمم", "شذمم"),
    "wll": ("WLL",),
    "co": ("CO", "COMPANY", "COMP", "شركه", "الشركه", "وشركاه", "شركاه"),
    "est": ("EST", "ESTABLISHMENT", "مؤسسه", "موسسه", "المؤسسه"),
    "ltd": ("LTD", "LIMITED"),
    "corp": ("CORP", "CORPORATION", "INC"),
    "pjsc": ("PJSC", "PSC", "شمعخ"),
    "jsc": ("JSC", "SAE", "شمع", "شمعم"),
    "fz": ("FZE", "FZCO", "FZLLC"),
    "saoc": ("SAOC",), "saog": ("SAOG",), "spc": ("SPC",), "bsc": ("BSC",),
    "qsc": ("QSC", "QPSC"), "ksc": ("KSC", "KSCC", "KSCP"),
    "plc": ("PLC",), "gmbh": ("GMBH",),
    # Europe's (an Italian house's S.r.l. beside its Dubai LLC)
    "sarl": ("SARL",), "spa": ("SPA",), "sas": ("SAS",), "srl": ("SRL",), "bv": ("BV",),
    "nv": ("NV",), "ag": ("AG",), "kg": ("KG",),
}
_KIND_OF = {spelling: kind for kind, spellings in _KINDS.items() for spelling in spellings}
# The forms' Latin spellings: a name read without them (``names.FILLER``), a name printed in a
# narrative ending at one (``payers``).
LATIN_FORMS = frozenset(s for s in _KIND_OF if s.isascii())
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


# Legal forms written as letters: a name may begin with them (BSC Engineering, SPC Trading),
# where they are the name's own word, never its legal form (which a Latin name ends with).
_LETTER_FORMS = frozenset({
    "BSC", "SPC", "SAOC", "SAOG", "WLL", "KSC", "KSCC", "KSCP", "QSC", "QPSC", "PJSC", "PSC",
    "JSC", "LLC", "FZE", "FZCO", "SAE", "PLC"})


def folded_words(text: object) -> list[str]:
    """The words of ``text`` folded, a run of single letters read as one word (L.L.C, W L L,
    ش.م.م, K.S.C.(C))."""
    if not isinstance(text, str) or not text.strip():
        return []
    words, letters = [], ""
    for w in _WORD.findall(fold_text(text)):
        if len(w) == 1:
            letters += w
            continue
        if letters:
            words.append(letters)
            letters = ""
        words.append(w)
    if letters:
        words.append(letters)
    return words


def legal_forms(text: object) -> frozenset[str]:
    """The kinds of legal form ``text`` writes (``_KINDS``)."""
    return frozenset(_KIND_OF[w] for w in folded_words(text) if w in _KIND_OF)


def leading_letters(name: object) -> str | None:
    """The letters a name begins with that are also a legal form (BSC of BSC Engineering
    LLC), where a word that is none follows them; else None."""
    words = folded_words(name)
    if len(words) >= 2 and words[0] in _LETTER_FORMS and words[1] not in _KIND_OF:
        return words[0]
    return None
