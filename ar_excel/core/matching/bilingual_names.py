"""A customer's name kept in both languages.

Masters in the Gulf and Egypt keep a customer's name in Arabic and in Latin letters: in a
column of each (الاسم بالعربي beside English Name), or both halves in one cell (بوابة المنامة
للمقاولات - Manama Gateway Contracting W.L.L.). A bank prints the name in either language,
and never both: each half is a name of its customer. Only a cell whose halves write the same
name counts so: a Latin qualifier beside an Arabic name (شركة الفجر للمقاولات (Branch 2)) is
no name alone.
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.core.matching.names import distinctive, name_tokens
from ar_excel.names import ARABIC_CHAR as _ARABIC_LETTER
from ar_excel.names import match_key
from ar_excel.schema import NAME_IN_EACH_LANGUAGE

# The master's columns of a name in its other language (English Name beside الاسم بالعربي)
OTHER_LANGUAGE_HEADERS = frozenset(match_key(h) for h in NAME_IN_EACH_LANGUAGE)
ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

# The words of a name in Latin letters (a name kept in both languages in one cell; its Arabic
# words are ``ARABIC_WORD``'s).
LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z.&'-]*")


def one_name_twice(arabic: str, latin: str) -> bool:
    """Whether the Arabic and the Latin half of a name cell write one name: both have words
    of a name and share a distinctive one (المنامة, MANAMA; الحارثي, AL HARTHY), the article
    aside. A qualifier in the other script (Branch 2, Head Office, Jeddah) shares none."""
    def words(half: str) -> set[str]:
        return {t[1:] if t[:1] == "l" and len(t) > 2 else t
                for t in distinctive(name_tokens(half))}
    return bool(words(arabic) & words(latin))


def scripts(text: str) -> tuple[bool, bool]:
    """(has Arabic letters, has Latin letters)."""
    return _ARABIC_LETTER.search(text) is not None, _LATIN_LETTER.search(text) is not None


def halves_in_each_language(names: dict[str, str], scripts_of: dict[str, tuple[bool, bool]]
                            ) -> pd.DataFrame | None:
    """The two halves of the names kept in both languages in one cell (``names``: customer
    -> name; ``scripts_of``: customer -> ``scripts`` of its name), each a name of its
    customer: a bank prints one of them, which writes none of the other's words. None where
    no name has both scripts. Only a cell whose halves write the same name
    (``one_name_twice``): a Latin word beside an Arabic name (شركة الفجر للمقاولات (Branch 2))
    is no name alone."""
    ids, halves = [], []
    for cid, (arabic, latin) in scripts_of.items():
        if arabic and latin:
            name = names[cid]
            pair = (" ".join(ARABIC_WORD.findall(name)), " ".join(LATIN_WORDS.findall(name)))
            if one_name_twice(*pair):
                ids.extend((cid, cid))
                halves.extend(pair)
    return pd.DataFrame({"Customer ID": ids, "Name": halves}) if ids else None
