"""Decoding statement files: pick the encoding the bank used and say when text looks garbled.

Banks export in UTF-8 (with or without a byte-order mark), Windows Arabic (cp1256), Western
(cp1252 / Latin-1) or DOS Latin-2 (cp852, still used by Central European banks). A wrong guess
turns names into nonsense that no longer matches the customer master, so:

* UTF-8 is taken whenever the bytes are valid UTF-8 (a BOM is dropped);
* otherwise each single-byte candidate is scored on how plausible its letters are (accented
  letters inside Latin words, Arabic letters inside Arabic words, no control characters or
  box-drawing signs) and on whether they are the letters of the file's language, told by its
  plain words (``Buchungstag``, ``Verwendungszweck``: German writes ä ö ü ß, which cp852 would
  turn into ń ÷ Ř ▀), and the best one is used; a rival that fits about as well is said;
* the choice is returned so the caller can report it, and text that already arrived garbled
  (mojibake such as ``Ã¤`` or ``Ø§``, replacement characters) is flagged, never passed silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ar_excel.errors import InputError
from ar_excel.model import Issue

CANDIDATES = ("cp1252", "latin-1", "cp1256", "cp852")

# UTF-8 read as cp1252/Latin-1 and saved again: "Ã¤" (ä), "Ã©" (é), "Ø§" (Arabic alef)...
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00BF\u2018-\u203A\u0152-\u0178]|[ØÙ][\u0080-\u00BF\u2018-\u203A]"
                       r"|\uFFFD|â€")
# A DOS code page letter read as cp1252: "MšLLER" (Ü = 0x9A -> š) between capitals.
_DOS_AS_WINDOWS = re.compile(r"(?<=[A-Z])[šŸ‚„…ƒ†‡](?=[A-Z])|(?<![\w])š(?=[a-z]{3})")


# Characters every garbled pattern above contains: one scan for them rules out most files.
_SUSPECTS = "ÃÂØÙâšŸ‚„…ƒ†‡\uFFFD"


@dataclass
class Decoded:
    text: str
    encoding: str
    guessed: bool = False  # chosen by scoring among single-byte code pages
    warnings: list[str] = field(default_factory=list)

    def issues(self, source: str) -> list[Issue]:
        """The warnings as Input Issues of the file ``source`` (the encoding as the value)."""
        return [Issue(source, "", "", self.encoding, w) for w in self.warnings]


def _script(ch: str) -> str:
    if "\u0600" <= ch <= "\u06FF" or "\u0750" <= ch <= "\u077F" or "\uFB50" <= ch <= "\uFEFF":
        return "arabic"
    if ch.isascii():
        return "latin" if ch.isalpha() else "other"
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def plausibility(text: str) -> float:
    """Score how natural the non-ASCII characters of ``text`` look (higher is better)."""
    score = 0.0
    for match in re.finditer(r"[^\x00-\x7F]", text):
        ch = match.group()
        i = match.start()
        cat = unicodedata.category(ch)
        if cat.startswith("C") or ch == "\u00A0":
            score -= 2  # control characters and NBSP are what a wrong code page produces
            continue
        if cat == "Sc" and re.match(r"\s?\d|\s*$", text[i + 1:i + 3]) or cat == "Sc" and (
                text[i - 2:i].strip()[-1:].isdigit()):
            score += 1  # "£1,250.00", "1250.00 €": a currency sign at an amount
            continue
        if cat in ("So", "Sk", "Sm") or "\u2500" <= ch <= "\u259F":
            score -= 1.5  # box drawing, odd symbols
            continue
        if not ch.isalpha():
            score -= 0.2
            continue
        script = _script(ch)
        near = [c for c in (text[i - 1:i], text[i + 1:i + 2]) if c and c.isalpha()]
        prev, nxt = text[i - 1:i], text[i + 1:i + 2]
        if any(_script(c) != script for c in near):
            score -= 2  # an Arabic letter glued to Latin letters, or the reverse
        elif (ch.isupper() and prev.islower()) or (
                ch.islower() and prev.isupper() and nxt.isupper()):
            score -= 2  # "CafÚ", "MšLLER": the case breaks inside a word
        else:
            score += 1
    # Arabic (or Cyrillic...) read as a Western code page gives whole words of accented
    # Latin letters ("ÇáÊÇÑíÎ"); real Western words keep plain ASCII letters between accents.
    for word in re.findall(r"[^\W\d_]{3,}", text):
        if not any(c.isascii() for c in word) and all(_script(c) == "latin" for c in word):
            score -= 2 * len(word)
    return score


# Words (ASCII spelling) of statement exports in the languages the single-byte code pages
# serve, and the accented letters each language writes: a German file's 0xE4 is "ä" (cp1252),
# not the Polish "ń" cp852 makes of it, and a Polish file's letters are ą ę ł ś ż...
_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset({"buchungstag", "buchungsdatum", "wertstellung", "valuta", "betrag",
                     "verwendungszweck", "auftraggeber", "buchungstext", "umsatz", "umsatzart",
                     "gutschrift", "lastschrift", "basislastschrift", "kontonummer", "kontostand",
                     "konto", "rechnung", "miete", "gehalt", "zahlung", "und", "der", "die", "das",
                     "von", "mit", "soll", "haben", "mandatsreferenz", "kundenreferenz",
                     "dauerauftrag", "entgelt", "abschluss", "kartenzahlung", "einzahlung",
                     "auszahlung", "ueberweisung", "waehrung", "beguenstigter", "glaeubiger",
                     "zahlungspflichtiger", "vorgang", "betreff", "bankleitzahl", "empfaenger"}),
    "fr": frozenset({"libelle", "montant", "debit", "credit", "solde", "operation", "virement",
                     "prelevement", "carte", "paiement", "facture", "valeur", "les", "des",
                     "pour", "avec", "releve", "compte", "devise", "frais", "cheque", "retrait",
                     "remise", "du", "le", "la", "et", "date"}),
    "pl": frozenset({"kwota", "opis", "tytul", "przelew", "rachunek", "nadawca", "odbiorca",
                     "operacji", "ksiegowania", "waluta", "zaksiegowania", "platnosc", "wplata",
                     "wyplata", "oplata", "prowizja", "dla", "za", "faktura", "faktury", "sp",
                     "zoo", "data", "saldo", "od", "do", "na"}),
    "cs": frozenset({"castka", "popis", "ucet", "zprava", "protistrana", "platba", "prevod",
                     "splatnosti", "poplatek", "mena", "zustatek", "pohyb", "variabilni",
                     "konstantni", "specificky", "symbol", "datum", "za", "od", "do", "na"}),
    "hu": frozenset({"osszeg", "kozlemeny", "szamla", "egyenleg", "tranzakcio", "jovairas",
                     "terheles", "atutalas", "dij", "forint", "ft", "es", "az", "utalas",
                     "szamlaszam", "megnevezes", "ertek", "konyveles", "kft", "zrt", "bt",
                     "datum"}),
}
_ALPHABETS = {
    "de": frozenset("äöüßÄÖÜéÉ"),
    "fr": frozenset("éèêëàâçîïôûùüÿœæÉÈÊÀÂÇÎÔÛ"),
    "pl": frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"),
    "cs": frozenset("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"),
    "hu": frozenset("áéíóöőúüűÁÉÍÓÖŐÚÜŰ"),
}


def language_of(text: str) -> str | None:
    """The language of a statement's words (ASCII spellings of its headers and narratives:
    ``Buchungstag``, ``przelew``), where one is clearly ahead; None otherwise."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text[:200_000].lower())
                    if not unicodedata.combining(c))  # "Libellé" -> "libelle"
    words = set(re.findall(r"[a-z]{2,}", plain))
    hits = sorted(((len(words & vocabulary), lang) for lang, vocabulary in
                   _LANGUAGE_WORDS.items()), reverse=True)
    (best, lang), (second, _) = hits[0], hits[1]
    return lang if best >= 3 and best >= 2 * second else None


def alphabet_fit(text: str, language: str | None) -> float:
    """+1 for each accented letter the language writes, -1 for each it does not: a German
    file read as cp852 turns its ä into ń."""
    if language is None:
        return 0.0
    alphabet = _ALPHABETS[language]
    letters = [c for c in re.findall(r"[^\x00-\x7F]", text) if c.isalpha()]
    return float(sum(1 if c in alphabet else -1 for c in letters))


def utf16_codec(data: bytes) -> str | None:
    """``utf-16`` for a file with a UTF-16 byte-order mark, ``utf-16-le`` / ``-be`` for one
    without (Excel's "Unicode Text" and some portals): a NUL byte in every other place of
    its start (ASCII letters, digits, tabs, line ends) and none in the others; else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.25 * len(odd) and even.count(0) <= 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.25 * len(even) and odd.count(0) <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def as_utf8(data: bytes) -> bytes:
    """A UTF-16 file's bytes as UTF-8 (its XML declaration said so too), other bytes as they
    are: the format sniffing and the MT940/OFX/camt readers then read it as any other."""
    if data[:4] == b"PK\x03\x04" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return data  # a workbook (zip or OLE2) is bytes, never text
    codec = utf16_codec(data)
    if codec is None:
        return data
    try:
        text = data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError:
        return data
    text = re.sub(r"""(?i)(<\?xml[^>]*encoding=)["']utf-?16[^"']*["']""", r'\1"UTF-8"', text,
                  count=1)
    return text.encode("utf-8")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def page_charset(data: bytes, declared: str | None = None) -> str | None:
    """The code page a web page is in, where its bytes are not UTF-8 (a page saved again
    keeps a stale declaration) and read in it: ``declared`` (a single-file page's part says
    it in its MIME header, an OFX file in its CHARSET header), else the one the page declares
    (``<meta charset=windows-1256>``).
    A bank's or an ERP's HTML "Excel" export says what the letters are better than a guess
    does."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    for name in _declared_names(data, declared):
        try:
            codec = codecs.lookup(name).name  # windows-1256: cp1256
            data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        return codec
    return None


def _declared_names(data: bytes, declared: str | None) -> Iterator[str]:
    if declared:
        yield declared
    found = _META_CHARSET.search(data[:65536])  # (looked for only if ``declared`` fails)
    if found is not None:
        yield found.group(1).decode("ascii")


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` with ``encoding`` if given, else detect it (see module docstring)."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError as exc:
            raise InputError(f"unknown encoding '{encoding}'") from exc
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                f"the file is not in {encoding}: byte {data[exc.start]:#04x} on line {line} "
                "cannot be read that way; leave the encoding out to have it detected"
            ) from exc
        return _checked(Decoded(text.removeprefix("\ufeff"), encoding))
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # a UTF-16 export cut short (an interrupted download) ends in half a character,
        # which failed the whole statement: the lines before it are read, and it is said
        whole = data[: len(data) - len(data) % 2]
        decoded = Decoded(whole.decode("utf-16", errors="replace"), "utf-16")
        if len(whole) < len(data):
            decoded.warnings.append(
                "the file ends in half a character (UTF-16 takes two bytes each): it may have "
                "been cut short, and its last line may be incomplete")
        return _checked(decoded)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    scored = []
    language = language_of(data.decode("latin-1"))  # the ASCII words read alike in each
    for rank, enc in enumerate(CANDIDATES):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text) + alphabet_fit(text, language), -rank, enc, text))
    scored.sort(reverse=True)  # latin-1 decodes anything, so there is always one
    score, _, enc, text = scored[0]
    decoded = Decoded(text, enc, guessed=True)
    rival = next((r for r in scored[1:] if r[3] != text), None)
    if rival is not None and rival[0] >= score - 1.0:
        mine, theirs = _first_difference(text, rival[3])
        decoded.warnings.append(
            f"the file is not UTF-8; it was read as {enc}, but {rival[2]} fits it about as well "
            f"('{mine}' would read '{theirs}'). If names or references look wrong, pass "
            f"encoding='{rival[2]}'"
        )
    return _checked(decoded)


def _first_difference(a: str, b: str) -> tuple[str, str]:
    """The first word two single-byte decodings of the same bytes spell differently."""
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
    start, end = i, i + 1
    while start > 0 and a[start - 1].isalpha() and i - start < 30:
        start -= 1
    while end < min(len(a), len(b)) and a[end].isalpha() and end - i < 30:
        end += 1
    return a[start:end], b[start:end]


def _checked(decoded: Decoded) -> Decoded:
    sample = garbled_sample(decoded.text)
    if sample:
        decoded.warnings.append(
            f"text looks garbled (read as {decoded.encoding}): {sample!r}; the file may have "
            "been saved with the wrong encoding - names and references there may not match. "
            "Pass the right encoding (e.g. encoding='cp1256') if the file is not "
            f"{decoded.encoding}"
        )
    return decoded


def garbled_sample(text: str) -> str | None:
    """A short excerpt around the first sign of mojibake in ``text``, or None."""
    if text.isascii() or not any(ch in text for ch in _SUSPECTS):
        return None
    for pattern in (_MOJIBAKE, _DOS_AS_WINDOWS):
        m = pattern.search(text)
        if m:
            start = max(0, m.start() - 12)
            return " ".join(text[start:m.end() + 12].split())
    return None
