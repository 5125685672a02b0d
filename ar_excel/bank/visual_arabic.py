"""Arabic written backwards by a PDF-to-Excel conversion, put back in reading order.

A converter reading a PDF statement takes its text as drawn, left to right: each Arabic word
comes out with its letters reversed and a line's words in reverse order ("ةلاوح ةدراو نم
ةكرش ليناا" for "حوالة واردة من شركة النيل"), while a run of Latin letters and digits
(INV-2026-1001) keeps its own order. No payer's name can be read from such text.

The rule: a table is in that visual order where its Arabic words show it - a word that
begins with taa marbuta or alif maqsura (ة ى: letters that only end a word) or ends with
the article reversed (لا) - at least three times, and four times as often as they show
reading order (a word ending in ة ى, or beginning with ال). Each of its texts (headers,
labels above the table, narratives, names) is then read back: its runs of Arabic and of other
words in reverse order, each Arabic run's letters reversed (its words with them), a run of
Latin and digits as it is.

A converter or an old bank system may also write each Arabic letter in the shape it is drawn
in (its initial, medial, final or isolated presentation form, U+FB50-U+FDFF and U+FE70-U+FEFC:
"ﺗﺤﻮﻳﻞ ﻭﺍﺭﺩ"): the same words to a reader, other characters to a search. Such letters are
read as the letters they draw (NFKC of those characters only; "ﻻ" is "لا") before anything
else is read, so labels ("رصيد افتتاحي"), currencies and payers' names are found.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]{3,}")
_ENDS_ONLY = "ةى"


def _signs(texts: list[str | None]) -> tuple[int, int]:
    """How many Arabic words show visual order, and how many reading order (the words of
    all the texts found in one search: a word never runs over the line between two)."""
    visual = reading = 0
    for word in _ARABIC_WORD.findall("\n".join([text or "" for text in texts])):
        visual += word[0] in _ENDS_ONLY or word.endswith("لا")
        reading += word[-1] in _ENDS_ONLY or word.startswith("ال")
    return visual, reading


def in_visual_order(texts: list[str | None]) -> bool:
    """Whether the texts' Arabic is written backwards (see the module's rule)."""
    visual, reading = _signs(texts)
    return visual >= 3 and visual >= 4 * reading


def reading_order(text: str | None) -> str | None:
    """One text in visual order, read back (see the module's rule)."""
    if not text or not _ARABIC.search(text):
        return text
    runs: list[tuple[bool, list[str]]] = []
    for word in text.split():
        arabic = bool(_ARABIC.search(word))
        if runs and runs[-1][0] == arabic:
            runs[-1][1].append(word)
        else:
            runs.append((arabic, [word]))
    return " ".join(" ".join(words)[::-1] if arabic else " ".join(words)
                    for arabic, words in reversed(runs))


def backwards_sample(texts: list[str]) -> str | None:
    """The first text with Arabic where the texts' Arabic is written backwards (the text a
    note shows); None where it is not."""
    if not in_visual_order(texts):
        return None
    return next(t for t in texts if _ARABIC.search(t))


def read_back(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with each text read back (``reading_order``)."""
    return [[reading_order(c) if isinstance(c, str) else c for c in r] for r in rows]


# Arabic letters in their drawn shapes (presentation forms), not the byte-order mark U+FEFF
_DRAWN = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefc]+")


def letters_of_drawn_forms(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows with each Arabic letter written in its drawn shape read as the letter it draws
    (see the module's rule); the rows themselves where none is."""
    if not _DRAWN.search("\n".join([c for r in rows for c in r if isinstance(c, str)])):
        return rows  # (all the texts searched at once: far quicker than one by one)
    return [[_DRAWN.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), c)
             if isinstance(c, str) else c for c in r] for r in rows]


def rows_in_reading_order(rows: list[list[Any]]) -> tuple[list[list[Any]], str | None]:
    """A table's rows with their texts read back where its Arabic is written backwards, and
    the first text so read back (None, and the rows as they are, where it is not); letters in
    their drawn shapes read as letters first."""
    rows = letters_of_drawn_forms(rows)
    sample = backwards_sample([c for r in rows for c in r if isinstance(c, str)])
    return (rows, None) if sample is None else (read_back(rows), sample)
