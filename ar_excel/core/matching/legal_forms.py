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
}
_KIND_OF = {spelling: kind for kind, spellings in _KINDS.items() for spelling in spellings}
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def legal_forms(text: object) -> frozenset[str]:
    """The kinds of legal form ``text`` writes (``_KINDS``); a run of single letters is read as
    one word (L.L.C, W L L, ش.م.م, K.S.C.(C))."""
    if not isinstance(text, str) or not text.strip():
        return frozenset()
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
    return frozenset(_KIND_OF[w] for w in words if w in _KIND_OF)
