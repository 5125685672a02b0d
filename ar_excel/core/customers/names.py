"""Company names reduced to what identifies the company, so spelling variants compare equal.

The same customer is often keyed twice under different spellings. Rules applied to both
Arabic and English names, in this order:

* Arabic letters that people type interchangeably are unified: أ إ آ ٱ -> ا, ة -> ه,
  ى -> ي, ؤ -> و, ئ -> ي; diacritics (tashkeel) and tatweel are removed; Arabic-Indic and
  Persian digits become 0-9.
* English is lower-cased, accents dropped, ``&`` read as ``and``; dots inside abbreviations
  are removed (``S.A.E.`` -> ``sae``, ``ش.م.م`` -> ``شمم``) and other punctuation splits words.
* Legal forms and generic words that say nothing about which company it is are dropped:
  شركة, مؤسسة, ش.م.م, ذ.م.م, المحدودة ...; Co., Company, LLC, Ltd, Inc, S.A.E., GmbH ...
  The article ``ال`` / ``لل`` at the start of an Arabic word, ``al``/``el`` glued to a
  transliterated word (``Elnour``) and a standalone ``al``/``el``/``the`` are dropped, since
  all spellings are common for one company. An Arabic compound name is one word whether
  typed with a space or not (``عبد الرحمن`` / ``عبدالرحمن``), and so is its transliteration
  (``Abdel Aziz`` / ``Abd El Aziz`` / ``Abdul Aziz`` / ``Abdelaziz``); ``Muhammad``,
  ``Mohammed`` and ``Mohamed`` (``Mustafa`` / ``Mostafa``, ``Yusuf`` / ``Youssef``) are one
  name; ``M/s.`` (Messrs) before a firm's name says nothing either.
* A word a master shortened (``Ind.``, ``Intl``, ``Trdg``, ``Mfg``) is the word it stands for.

What is left are the name's *tokens*; ``compact`` is them joined without spaces, so
``Al Nour`` and ``Alnour`` meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ar_excel.names import ARABIC_CHAR as _ARABIC_CHAR
from ar_excel.names import fold_text

_ABBREVIATION_DOTS = re.compile(r"(?<=\w)\.(?=\w)")
_NON_WORD = re.compile(r"[^\w]+")

# Legal forms and words that describe the kind of entity, not which one (normalised forms).
_LEGAL_WORDS = frozenset({
    # English / French / German
    "co", "company", "companies", "corp", "corporation", "inc", "incorporated", "llc",
    "ltd", "limited", "plc", "lp", "llp", "sae", "sa", "saa", "sal", "sarl", "spa", "bv",
    "nv", "ag", "gmbh", "est", "establishment", "pjsc", "psc", "jsc", "fze", "fzco", "fzc",
    "fz", "wll", "the", "al", "el", "and", "of", "for", "group", "holding", "holdings",
    "pvt", "pte", "private",  # "(Pvt) Ltd", "Private Limited"
    "ms", "messrs",  # "M/s. Rajan Traders": Messrs, the salutation of a firm's name
    # Arabic (after letter unification): company, establishment, LLC, JSC, limited ...
    "شركه", "شركت", "مؤسسه", "موسسه", "موسسات", "شمم", "ذمم", "شذمم", "شمع", "شمب", "شمق",
    "شمخ", "محدوده", "المحدوده", "مساهمه", "المساهمه", "شركاه", "وشركاه",
    "وشركاهم", "وشركائه", "وشركايه", "مجموعه", "و", "ل",
})


# Words a master shortens to fit an old system's name field ("MISR FOOD IND.", "Delta Trdg &
# Contr.", "Nile Intl Imp. & Exp."): read as the word they stand for, so the two records meet.
_ABBREVIATED = {
    "ind": "industries", "inds": "industries", "indus": "industries", "intl": "international",
    "mfg": "manufacturing", "trdg": "trading", "engg": "engineering", "contr": "contracting",
    "mgmt": "management", "svcs": "services", "svc": "services", "bros": "brothers",
    "distr": "distribution", "natl": "national", "imp": "import", "exp": "export",
}


@dataclass(frozen=True)
class NormalName:
    """A name reduced for comparison: its identifying tokens and their concatenation."""

    tokens: tuple[str, ...]
    digits: str  # numbers in the name ("Branch 2"): different numbers = different accounts
    arabic: bool
    compact: str = ""  # the tokens joined: "Al Nour" and "Alnour" meet
    ordered: str = ""  # the tokens sorted, then joined: word order does not matter
    mixed: bool = False  # written in both scripts: "Nile Foods - النيل للأغذية"

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _join_initials(words: list[str]) -> list[str]:
    """``s a e`` / ``ش م م`` typed with spaces -> ``sae`` / ``شمم`` (runs of single letters)."""
    out: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            out.append("".join(run))
            run = []
        if word:
            out.append(word)
    return out


# The first half of an Arabic compound name, typed with or without the space after it:
# عبد الرحمن / عبدالرحمن, ابو بكر / ابوبكر (letters unified: أبو -> ابو)
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "abd", "abu"})


# The same compounds transliterated: "Abdel Aziz", "Abd El Aziz", "Abdul Aziz", "Abdelaziz",
# "Abu El Ela", "Abou Bakr" are one word each, "abd" / "abu" and the name after the article.
_LATIN_HEADS = {"abd": "abd", "abdel": "abd", "abdul": "abd", "abdal": "abd", "abdol": "abd",
                "abu": "abu", "abou": "abu", "abo": "abu"}
_LATIN_ARTICLES = frozenset({"el", "al", "ul", "l"})
_LATIN_GLUED = re.compile(r"^(?:abd[eua]l|abdol)(?=[a-z]{3})")
# The given names a company is named after, in the spellings English lists give one Arabic
# name (محمد, مصطفى, يوسف, أسامة): read as one, as the Arabic letters are.
_GIVEN_NAMES = {
    **dict.fromkeys(("muhammad", "muhammed", "mohammad", "mohamad", "mohammed", "mohd",
                     "mhd"), "mohamed"),
    **dict.fromkeys(("mustafa", "moustafa", "mustapha"), "mostafa"),
    **dict.fromkeys(("yusuf", "yousef", "yousif", "yusef"), "youssef"),
    "usama": "osama", "ahmad": "ahmed", "mahmud": "mahmoud", "ibraheem": "ibrahim",
}


def _join_compounds(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if word.isascii():
            word = _GIVEN_NAMES.get(word, word)
            word = _LATIN_GLUED.sub("abd", word)  # "abdelaziz" -> "abdaziz"
        if out and out[-1] in _COMPOUND_HEADS:
            if word.isascii() and word in _LATIN_ARTICLES:
                continue  # "abd el aziz": the article between the two halves
            out[-1] += word
        elif word in _LATIN_HEADS:
            out.append(_LATIN_HEADS[word])
        else:
            out.append(word)
    return out


def _is_arabic(text: str) -> bool:
    return not text.isascii() and _ARABIC_CHAR.search(text) is not None


def _without_article(word: str) -> str:
    """``النيل`` -> ``نيل``, ``للتجارة`` -> ``تجارة``; ``elnour`` -> ``nour`` (4+ letters left)."""
    if word.startswith(("ال", "لل")) and len(word) >= 4:
        return word[2:]
    if word.startswith(("al", "el")) and len(word) >= 6 and word.isascii() and word.isalpha():
        return word[2:]
    return word


def normalize_name(name: object) -> NormalName:
    """The identifying tokens of a company name (see the module's rules)."""
    if name is None or (isinstance(name, float) and name != name):
        return NormalName((), "", False)
    name = str(name)
    text = fold_text(name).replace("&", " and ")
    text = _ABBREVIATION_DOTS.sub("", text)
    words = [w for w in _NON_WORD.sub(" ", text).replace("_", " ").split() if w]
    words = _join_compounds(_join_initials(words))
    tokens: list[str] = []
    for word in words:
        if word in _LEGAL_WORDS:
            continue
        word = _without_article(_ABBREVIATED.get(word, word))
        if word in _LEGAL_WORDS or not word:
            continue
        tokens.append(word)
    digits = " ".join(sorted(t for t in tokens if t.isdigit()))
    # the script of what identifies the company: "Horizon ذ.م.م" is a Latin name
    arabic = _is_arabic(" ".join(tokens) if tokens else text)
    scripts = {_is_arabic(t) for t in tokens if not t.isdigit()}
    return NormalName(tuple(tokens), digits, arabic, "".join(tokens),
                      "".join(sorted(tokens)), len(scripts) == 2)


def in_script(name: NormalName, arabic: bool) -> NormalName:
    """The part of a name written in both scripts that is in one of them: the name a list
    in that script would give ("Nile Foods - النيل للأغذية" -> "Nile Foods" / "النيل للأغذية")."""
    tokens = tuple(t for t in name.tokens if t.isdigit() or _is_arabic(t) == arabic)
    return NormalName(tokens, name.digits, arabic, "".join(tokens), "".join(sorted(tokens)))
