"""Recognising a payer's name as banks print it, in Arabic or in Latin letters.

A customer registered as ``شركة النور للتجارة`` arrives as ``AL NOUR TRADING CO``,
``ELNOOR FOR TRADING``, ``AL-NUR TRDG`` or cut at the bank's field width (35 characters).
Both sides are reduced to the same *name key* before comparing:

* legal forms and filler words are dropped (``Co``, ``LLC``, ``S.A.E``, ``شركة``, ``for``...);
* common Arabic business words are put in English (``للتجارة`` -> ``TRADING``), since that is
  how the payer's bank registered the name;
* every word becomes a consonant skeleton: vowels and the letters that stand for vowels
  (``w``, ``y``; ``ا و ي ى ة ع ء``) dropped, sound-alike letters merged (``ou/oo/u``,
  ``kh/خ``, ``g/j/ج``, ``q/k/ق``, ``th/ث``), doubled letters collapsed. ``Mohamed``,
  ``Muhammad`` and ``محمد`` all become ``mhmd``; ``Al Nour``, ``El-Nour``, ``Alnoor`` and
  ``النور`` become ``lnr``. A consonant followed by h folds the same way in both scripts (TH
  of ITHAAD is ت+ح, of OTHMAN ث; SH of ISHAQ is س+ح); a final ح/ه is dropped like the -ah of
  ة (RIYAH, SALAH); ABD/ABDEL/عبد join the next word; abbreviations (TRDG, MED SUPP) and
  Arabic business words spelled out in Latin (EL MOTAHEDA) read as their English word.

Keys are compared with rapidfuzz; a name is accepted only when it scores high and clearly
above the next customer (the rule ERPNext and Odoo use), and a truncated bank name is
compared with the same length of the customer's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ar_excel.core.matching.legal_forms import LATIN_FORMS
from ar_excel.core.matching.normalize import fold_text
from ar_excel.names import ARABIC_CHAR as _AR

# Arabic words of company names as the payer's bank writes them in English.
ARABIC_WORDS = {
    "سيراميك": "CERAMICS", "للسيراميك": "CERAMICS", "السيراميك": "CERAMICS",
    "شحن": "SHIPPING", "للشحن": "SHIPPING", "الشحن": "SHIPPING",
    "بلاستيك": "PLASTICS", "البلاستيك": "PLASTICS",
    "دهانات": "PAINTS", "للدهانات": "PAINTS", "الدهانات": "PAINTS",
    "رخام": "MARBLE", "للرخام": "MARBLE", "الرخام": "MARBLE",
    "تجاره": "TRADING", "التجاره": "TRADING", "للتجاره": "TRADING", "التجاريه": "TRADING",
    "تجاريه": "TRADING", "والتجاره": "TRADING",
    "مقاولات": "CONTRACTING", "للمقاولات": "CONTRACTING", "المقاولات": "CONTRACTING",
    "والمقاولات": "CONTRACTING",
    "صناعات": "INDUSTRIES", "للصناعات": "INDUSTRIES", "الصناعات": "INDUSTRIES",
    "الصناعيه": "INDUSTRIAL", "والصناعه": "INDUSTRIES", "للصناعه": "INDUSTRIES",
    "الهندسيه": "ENGINEERING", "للهندسه": "ENGINEERING", "هندسه": "ENGINEERING",
    "الهندسه": "ENGINEERING", "والهندسه": "ENGINEERING",
    "استيراد": "IMPORT", "للاستيراد": "IMPORT", "الاستيراد": "IMPORT",
    "تصدير": "EXPORT", "والتصدير": "EXPORT", "للتصدير": "EXPORT",
    "الغذائيه": "FOOD", "للاغذيه": "FOODS", "اغذيه": "FOODS", "الاغذيه": "FOODS",
    "خدمات": "SERVICES", "للخدمات": "SERVICES", "الخدمات": "SERVICES",
    "النقل": "TRANSPORT", "للنقل": "TRANSPORT",
    "توريدات": "SUPPLIES", "للتوريدات": "SUPPLIES", "التوريدات": "SUPPLIES",
    "العامه": "GENERAL", "عامه": "GENERAL",
    "الدوليه": "INTERNATIONAL", "دوليه": "INTERNATIONAL",
    "المتحده": "UNITED", "الحديثه": "MODERN", "الحديث": "MODERN",
    "مجموعه": "GROUP", "مصنع": "FACTORY", "مصانع": "FACTORIES",
    "ادويه": "PHARMA", "للادويه": "PHARMA", "الادويه": "PHARMA",
    "صيدله": "PHARMA", "للصيدله": "PHARMA", "الصيدله": "PHARMA",
    "الكيماويات": "CHEMICALS", "للكيماويات": "CHEMICALS",
    "للاستثمار": "INVESTMENT", "الاستثمار": "INVESTMENT", "استثمار": "INVESTMENT",
    "العقاريه": "REAL ESTATE", "للتطوير": "DEVELOPMENT", "التطوير": "DEVELOPMENT",
    "للالكترونيات": "ELECTRONICS", "الالكترونيات": "ELECTRONICS",
    "للسياحه": "TOURISM", "السياحيه": "TOURISM", "للتسويق": "MARKETING", "التسويق": "MARKETING",
    "والسياحه": "TOURISM", "للسفر": "TRAVEL", "السفر": "TRAVEL", "والسفر": "TRAVEL",
    "للسفريات": "TRAVEL", "السفريات": "TRAVEL",
    "للحديد": "STEEL", "والصلب": "STEEL", "للبلاستيك": "PLASTICS", "للورق": "PAPER",
    "للمنسوجات": "TEXTILES", "للملابس": "GARMENTS", "للاثاث": "FURNITURE",
    "للزراعه": "AGRICULTURE", "الزراعيه": "AGRICULTURE", "للتكنولوجيا": "TECHNOLOGY",
    "للبرمجيات": "SOFTWARE", "للطباعه": "PRINTING", "للتعبئه": "PACKAGING",
    "والتغليف": "PACKAGING", "للاتصالات": "TELECOM", "للسيارات": "MOTORS",
    "والتوزيع": "DISTRIBUTION", "للتوزيع": "DISTRIBUTION", "التوزيع": "DISTRIBUTION",
    "اللوجستيه": "LOGISTICS", "اللوجستيات": "LOGISTICS", "لمواد": "MATERIALS",
    "مواد": "MATERIALS", "البناء": "BUILDING", "للبناء": "BUILDING", "للمستلزمات": "SUPPLIES",
    "مستلزمات": "SUPPLIES", "الطبيه": "MEDICAL", "طبيه": "MEDICAL", "للمنتجات": "PRODUCTS",
    "منتجات": "PRODUCTS", "للاجهزه": "APPLIANCES", "اجهزه": "APPLIANCES", "المنزليه": "HOME",
    "للتغليف": "PACKAGING", "اخوان": "BROTHERS", "للمواد": "MATERIALS",
    "للمعدات": "EQUIPMENT", "معدات": "EQUIPMENT", "للطاقه": "ENERGY",
    "للمشروبات": "BEVERAGES", "المشروبات": "BEVERAGES", "مشروبات": "BEVERAGES",
    "للاسمنت": "CEMENT", "الاسمنت": "CEMENT", "اسمنت": "CEMENT",
    "للكابلات": "CABLES", "الكابلات": "CABLES", "كابلات": "CABLES",
    "مطاعم": "RESTAURANTS", "مطعم": "RESTAURANT", "صيدليات": "PHARMACIES", "صيدليه": "PHARMACY",
    "فندق": "HOTEL", "فنادق": "HOTELS", "مستشفي": "HOSPITAL", "عياده": "CLINIC",
    "عيادات": "CLINICS", "اسواق": "MARKETS", "محلات": "STORES", "مخبز": "BAKERY",
    "للاستشارات": "CONSULTING", "الاستشارات": "CONSULTING", "استشارات": "CONSULTING",
    "الاستشاريه": "CONSULTING", "استشاريه": "CONSULTING",
}
# Words that say nothing about who the payer is.
FILLER = {
    # Arabic legal forms and connectors
    "شركه", "مؤسسه", "موسسه", "ش", "م", "ع", "ذ", "ش.م.م", "ذ.م.م", "ش.م.ع", "و", "ال",
    "للتجاره", "ش.م.م.", "مساهمه", "مصريه", "ومشاركوه", "وشركاه", "شركاه", "المحدوده",
    "محدوده", "معرض", "مكتب", "ش.ذ.م.م", "م.ح", "فرع",
    # (and sons: the SONS a bank prints is dropped too; أبناء عبدالرحمن الغامدي, the sons of,
    # is ABDULRAHMAN AL GHAMDI SONS)
    "واولاده", "اولاده", "وابناؤه", "ابناؤه", "وابنائه", "ابنائه", "ابناء",
    # the company, the establishment (a narrative's من الشركة العربية: the article on the legal
    # form, which a skeleton would otherwise read as the name AL SHARQ or AL MASNA)
    "الشركه", "المؤسسه", "الموسسه",
    # Latin legal forms (``legal_forms.LATIN_FORMS``, joined below; the Gulf's written
    # without their dots too: S.A.O.C., W.L.L.), the letters of some written with dots or
    # spaces (S.A., L L C, FZ-LLC), the rarer ones, and connectors
    "L", "SA", "S", "A", "E", "W", "FZ", "OHG", "UG", "ET", "CIE",
    "AND", "FOR", "OF", "THE", "PARTNERS", "SONS", "AND SONS",
    # (and sons, as a bank spells the Arabic out: WA ABNAUH, WA AWLADUH; ABNAA, the sons of)
    "ABNAUH", "ABNAOH", "ABNAAUH", "ABNAA", "AWLADUH", "AWLADOH",
    "TRADING CO", "HOLDING", "HLDG", "HLDGS", "HOLDINGS",
    # the kind of premises (معرض, مكتب are dropped on the Arabic side too)
    "SHOWROOM", "GALLERY", "OFFICE",
    # FOOD STUFF, as a clerk splits FOODSTUFF (مواد غذائية): the FOOD says it
    "STUFF", "STUFFS",
} | LATIN_FORMS
# Words that describe what a company does: shared by thousands of names, worth little alone.
GENERIC = {
    "TRADING", "CONTRACTING", "INDUSTRIES", "INDUSTRIAL", "ENGINEERING", "IMPORT", "EXPORT",
    "FOOD", "FOODS", "SERVICES", "TRANSPORT", "SHIPPING", "SUPPLIES", "GENERAL",
    "INTERNATIONAL",
    "UNITED", "MODERN", "GROUP", "FACTORY", "FACTORIES", "PHARMA", "CHEMICALS", "INVESTMENT",
    "REAL", "ESTATE", "DEVELOPMENT", "ELECTRONICS", "TOURISM", "MARKETING", "STEEL",
    "PLASTICS", "PAPER", "TEXTILES", "GARMENTS", "FURNITURE", "AGRICULTURE", "TECHNOLOGY",
    "SOFTWARE", "PRINTING", "PACKAGING", "TELECOM", "MOTORS", "DISTRIBUTION", "TRADE",
    "TRDG", "CONTRACTORS", "SOLUTIONS", "SYSTEMS", "GLOBAL", "MIDDLE", "EAST", "EGYPT",
    "GULF", "ARABIA", "ARABIAN", "NATIONAL", "LOGISTICS", "LOGISTIC", "MATERIALS", "MAT",
    "BUILDING", "MEDICAL", "MED", "PRODUCTS", "APPLIANCES", "HOME", "AGRO", "AGRICULTURAL",
    "BROTHERS", "BROS", "PACKING", "SUPPLY", "SUPP", "GRP",
    "EQUIPMENT", "ENERGY", "PHARMACEUTICALS", "PHARMACEUTICAL", "CHEM", "IND", "IMP", "EXP",
    "DIST", "SERV", "TEXTILE", "PLASTIC", "IRON", "CARS", "DISTRIBUTORS",
    "CONSTRUCTION", "MANUFACTURING", "ELECTRICAL", "MANAGEMENT", "CONSULTING", "CONSULTANTS",
    "CONSULTANCY",
    # the trades of shops and services whose names a bank prints without them (ABOU SHAKRA
    # for مطاعم أبو شقرة, EL EZABY for صيدليات العزبي)
    "RESTAURANT", "RESTAURANTS", "PHARMACY", "PHARMACIES", "HOTEL", "HOTELS", "HOSPITAL",
    "CLINIC", "CLINICS", "MARKETS", "SUPERMARKET", "STORES", "BAKERY",
}
_GENERIC_KEYS: set[str] = set()  # skeletons of GENERIC, filled below
# The abbreviations and synonyms banks print for these words (cut to fit the field, or
# another translation of the same Arabic word): read as one word.
SYNONYMS = {
    "TRDG": "TRADING", "TRADE": "TRADING", "MAT": "MATERIALS", "MATS": "MATERIALS",
    "MED": "MEDICAL", "SUPP": "SUPPLIES", "SUPPLY": "SUPPLIES", "IND": "INDUSTRIES",
    "INDUSTRIAL": "INDUSTRIES", "IMP": "IMPORT", "EXP": "EXPORT", "DIST": "DISTRIBUTION",
    "DISTRIBUTORS": "DISTRIBUTION", "DISTRIB": "DISTRIBUTION", "SERV": "SERVICES",
    "SVCS": "SERVICES", "CHEM": "CHEMICALS", "PHARMACEUTICALS": "PHARMA",
    "PHARMACEUTICAL": "PHARMA", "PACKING": "PACKAGING", "TEXTILE": "TEXTILES",
    "PLASTIC": "PLASTICS", "LOGISTIC": "LOGISTICS", "FOOD": "FOODS", "BROS": "BROTHERS",
    "GRP": "GROUP", "ELECTRONIC": "ELECTRONICS", "CONTRACTORS": "CONTRACTING",
    "AGRO": "AGRICULTURE", "AGRICULTURAL": "AGRICULTURE", "CARS": "MOTORS", "AUTO": "MOTORS",
    "AUTOMOTIVE": "MOTORS", "INTL": "INTERNATIONAL", "ENGG": "ENGINEERING", "ENG": "ENGINEERING",
    "EQUIP": "EQUIPMENT", "FACTORIES": "FACTORY",
    # (الحديد والصلب, iron and steel: the master writes both words as STEEL, and a bank
    # prints IRON AND STEEL, STEEL, or IRON.)
    "IRON": "STEEL",
    # (المواد الغذائية: a Gulf bank writes FOODSTUFF, a clerk FOOD STUFF or FOODS.)
    "FOODSTUFF": "FOODS", "FOODSTUFFS": "FOODS",
    # Cut to fit a 35-character name field (EMIRATES MODERN BLDG MAT TRDG).
    "BLDG": "BUILDING", "MATL": "MATERIALS", "MATLS": "MATERIALS", "CONST": "CONSTRUCTION",
    "CONSTN": "CONSTRUCTION", "CONTG": "CONTRACTING", "CONTR": "CONTRACTING",
    "CONTRACTOR": "CONTRACTING", "MFG": "MANUFACTURING", "MFRS": "MANUFACTURING",
    "ELEC": "ELECTRICAL", "MGMT": "MANAGEMENT", "SVC": "SERVICES",
    "TRANSP": "TRANSPORT", "PKG": "PACKAGING", "AGRI": "AGRICULTURE", "EQPT": "EQUIPMENT",
    "GEN": "GENERAL", "NATL": "NATIONAL", "INDS": "INDUSTRIES", "ENGR": "ENGINEERING",
    "ENGRG": "ENGINEERING", "INTERNATL": "INTERNATIONAL", "TECH": "TECHNOLOGY",
    "DEVT": "DEVELOPMENT", "INVEST": "INVESTMENT",
    # (ABDULLAH AL OTHAIM MKTS, JARIR MKTG CO, SEWEDY ELEC DIST for Electric Distribution,
    # WADI DEGLA DEVS for Developments.)
    "MKTS": "MARKETS", "MKTG": "MARKETING", "ELECTRIC": "ELECTRICAL",
    "DEVELOPMENTS": "DEVELOPMENT", "DEVS": "DEVELOPMENT",
    "CONSULTANTS": "CONSULTING", "CONSULTANCY": "CONSULTING", "CONSULT": "CONSULTING",
    # (a bank or a clerk prints a trade word in the singular: AL AMAL CERAMIC for El Amal
    # Ceramics, AL AHRAM CHEMICAL INDUSTRY)
    "CERAMIC": "CERAMICS", "CHEMICAL": "CHEMICALS", "INDUSTRY": "INDUSTRIES",
    "PRODUCT": "PRODUCTS", "SERVICE": "SERVICES", "SYSTEM": "SYSTEMS", "SOLUTION": "SOLUTIONS",
    "MATERIAL": "MATERIALS", "APPLIANCE": "APPLIANCES", "GARMENT": "GARMENTS",
    "MOTOR": "MOTORS", "TILE": "TILES", "PAINT": "PAINTS", "METAL": "METALS",
    # (أدوية as a bank translates it: AL DAWLIYA DRUGS for شركة الدولية للأدوية)
    "DRUGS": "PHARMA", "DRUG": "PHARMA",
}

# Output alphabet: lower-case consonants, ``$`` = sh, ``X`` = kh, ``G`` = gh (upper-case marks
# a sound already resolved, so the Latin letter table does not map it again).
# Letters that banks write several ways share one class: ``z`` for ز ذ ظ (Z, DH), ``t`` for
# ت ث ط (T, TH); the rarer spellings (S for ث, Z for ض, TH for ذ) are left to the fuzzy
# comparison, as merging D and Z would make names like ITTIHAD and TAWZI one.
_AR_LETTERS = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "X", "د": "d", "ذ": "z",
    "ر": "r", "ز": "z", "س": "s", "ش": "$", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "G", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ا": "", "و": "", "ي": "", "ى": "", "ة": "", "ع": "", "ء": "", "ئ": "", "ؤ": "",
    "پ": "b", "چ": "$", "ڤ": "f", "گ": "j",
}
# (DH read as one letter before the vowels go: DHAHERI is ظ then ه, الظاهري, not a D+H whose
# H the vowel-less DHH would merge with the ه.)
_LATIN_DIGRAPHS = [("sch", "$"), ("sh", "$"), ("ch", "$"), ("kh", "X"), ("gh", "G"),
                   ("ph", "f"), ("dh", "z"), ("ck", "k"), ("ou", ""), ("oo", ""), ("ee", "")]
_LATIN_LETTERS = {
    "a": "", "e": "", "i": "", "o": "", "u": "", "w": "", "y": "", "h": "h",
    "q": "k", "c": "k", "g": "j", "j": "j", "p": "b", "v": "f", "x": "ks",
}
# A consonant followed by h reads the same whichever script it came from: TH is ت+ح in
# ITHAAD (الاتحاد) and ث in OTHMAN, SH is س+ح in ISHAQ (إسحاق); the skeletons of both scripts
# fold these pairs, so either reading of the Latin digraph meets the Arabic. Not K+H: the
# Latin KH is read as خ before the vowels go, so a K+H left after them is two letters, the
# ق / ك then ح / ه of QAHTANI, KAHTANI (القحطاني), which the Arabic keeps as two as well
# (folded into خ, القحطاني was AL KHATANI's skeleton).
_H_PAIRS = re.compile(r"([tdsG$X])h")
_H_FOLD = {"t": "t", "d": "z", "s": "$", "G": "G", "$": "$", "X": "X"}
_LATIN_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_NOT_LATIN = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_A_NAME = re.compile(r"[^\w\u0600-\u06ff&]+")


# Gulf spellings of ض and ق: a Latin DH is read ظ / ذ and a G ج, as most names write them
# (ABU DHABI, DHAHERI; GAMAL, HEGAZY); these words are written so for a ض (RIYADH: الرياض)
# or a ق (GAHTANI: القحطاني), and are read as the other banks spell them (RIYAD, QAHTANI).
# Only words no name with ظ / ذ / ج is spelled as.
_GULF_SPELLINGS = {
    "RIYADH": "RIYAD", "RIADH": "RIAD", "RAMADHAN": "RAMADAN", "FAYADH": "FAYAD", "RADHI": "RADI",
    "FADHEL": "FADEL", "FADHIL": "FADIL", "MURTADHA": "MURTADA", "HADHRAMI": "HADRAMI",
    "HADHRAMOUT": "HADRAMOUT", "ABYADH": "ABYAD", "AWADHI": "AWADI",
    "GAHTANI": "QAHTANI", "GARGASH": "QARQASH", "GUBAISI": "QUBAISI", "GOSAIBI": "QOSAIBI",
}
# ... and with the article only: AL GASSIM is القصيم, a bare GASSIM may be جاسم (JASSIM).
_GULF_AFTER_ARTICLE = {"GASSIM": "QASSIM"}


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The consonant skeleton of one word, Arabic or Latin (``Mohamed`` -> ``mhmd``)."""
    if _AR.search(word):
        if len(word) > 2 and word[-1] in "هةح":
            # A final ة is a vowel (-a, -ah, -eh), and banks write a final ه or ح the same
            # way (SALAH, RIYAH), so it cannot be told from -ah either.
            word = word[:-1]
        out = "".join(_AR_LETTERS.get(ch, "") for ch in word)
    else:
        # (a Gulf spelling printed as a word of its own is read so here as well)
        w = _strip_accents(_GULF_SPELLINGS.get(word, word)).lower()
        w = _NOT_LATIN.sub("", w)
        if len(w) > 3:
            w = _LATIN_FINAL_H.sub("", w)  # -ah / -eh / -ih: ة, or a final ه / ح (see above)
        for a, b in _LATIN_DIGRAPHS:
            w = w.replace(a, b)
        out = "".join(_LATIN_LETTERS.get(ch, ch) for ch in w)
        if not out and len(w) >= 3:
            # A word of vowels only (EYE) is a word all the same: FALCON EYE TRADING is no
            # Falcon Trading. (Marked so that no consonant skeleton reads as it.)
            return "'" + w
    out = _DOUBLED.sub(r"\1", out)
    out = _H_PAIRS.sub(lambda m: _H_FOLD[m.group(1)], out)
    return _DOUBLED.sub(r"\1", out)


_GENERIC_KEYS.update(skeleton(w) for w in GENERIC)
# A bank may also spell an Arabic business word out instead of translating it
# (``EL MOTAHEDA`` for ``المتحدة``): those spellings are just as generic.
_GENERIC_KEYS.update(k for k in (skeleton(w) for w in ARABIC_WORDS) if len(k) >= 3)
# The trades company names name, by sector: two names sharing a family name but naming trades
# of different sectors are two companies (Sherif Brothers Packaging, Sherif Brothers for
# Agricultural Products). Words of one sector are alternatives a bank or a clerk may use for
# the same company (TRANSPORT, LOGISTICS, SHIPPING).
TRADES = {
    "food": ("FOOD", "FOODS", "AGRICULTURE", "AGRICULTURAL", "AGRO"),
    "transport": ("TRANSPORT", "LOGISTICS", "LOGISTIC", "SHIPPING"),
    "cars": ("MOTORS", "CARS"),
    "health": ("PHARMA", "PHARMACEUTICALS", "PHARMACEUTICAL", "MEDICAL", "MED"),
    "chemicals": ("CHEMICALS", "CHEM", "PAINTS"),
    "building": ("BUILDING", "CONSTRUCTION", "CONTRACTING", "CONTRACTORS", "ENGINEERING",
                 "REAL", "ESTATE", "MARBLE", "CERAMICS", "STEEL", "IRON"),
    "paper": ("PAPER", "PACKAGING", "PACKING", "PRINTING", "PLASTICS", "PLASTIC"),
    "textiles": ("TEXTILES", "TEXTILE", "GARMENTS"),
    "furniture": ("FURNITURE",),
    "technology": ("TECHNOLOGY", "SOFTWARE", "TELECOM", "ELECTRONICS", "ELECTRICAL",
                   "APPLIANCES"),
    "energy": ("ENERGY",),
    # (a supplies company is no pharmaceutical one: EGYPTIAN PHARMACEUTICAL is no Egyptian
    # Supplies Est.)
    "supplies": ("SUPPLIES", "SUPPLY", "SUPP"),
    "tourism": ("TOURISM",),
}
# (Skeletons of two letters, FOOD's fd or PAPER's br, are also those of given names: Fouad.)
TRADE_OF = {k: sector for sector, words in TRADES.items() for k in map(skeleton, words)
            if len(k) >= 3}
_FILLER_FOLDED = {fold_text(w) for w in FILLER}
# An Arabic business word spelled out in Latin letters (EL MOTAHEDA, TIGARA): read as its
# English translation, like the Arabic word itself.
_SPELLED = {k: v for k, v in ((skeleton(w), e) for w, e in ARABIC_WORDS.items()) if len(k) >= 4}


# The article written as the sun letter it becomes (AZ-ZAHRAA, AS-SALAM, AR-RAYAN, AN-NOUR,
# ASH-SHARQ for الزهراء, السلام, الريان, النور, الشرق): AL, when the next word begins so.
_SUN_ARTICLES = {"AZ", "AS", "AR", "AN", "AT", "AD", "ASH", "ATH", "ADH", "ADD"}
# The article as Latin letters print it, apart or glued to its word (AL HARTHY, ELSUWAYS).
_LATIN_ARTICLES = ("AL", "EL")


def _gulf_spelling(words: list[str], k: int) -> str:
    """The word at ``k`` as other banks spell it, where it is a Gulf spelling (above), an
    article glued to it or printed before it (ALRIYADH, AL GASSIM); as it is otherwise."""
    w = words[k]
    found = _GULF_SPELLINGS.get(w) or (
        _GULF_AFTER_ARTICLE.get(w) if k and words[k - 1] in _LATIN_ARTICLES else None)
    if found is None and w[:2] in _LATIN_ARTICLES:
        rest = _GULF_SPELLINGS.get(w[2:]) or _GULF_AFTER_ARTICLE.get(w[2:])
        found = w[:2] + rest if rest else None
    return found or w


# A name printed with its words run together, as some banks' fields and payers' systems do
# (TEEBAFORTRADING, WAVEPACKAGING, HASSANABDELRAHMANENGINEERING, ALEXANDRIAIMPORT&EXPORT): the
# business word it ends with, and a FOR / AND before that, are words of their own. Only a
# Latin word that is no business word itself (INTERNATIONAL is no INTER NATIONAL), whose part
# left is three letters or more.
_GLUED_WORDS = sorted({w for w in (*GENERIC, *SYNONYMS, *(e for v in ARABIC_WORDS.values()
                                                          for e in v.split()))
                       if w.isalpha() and len(w) >= 5} | {"IRON", "FOOD"}, key=len, reverse=True)
_GLUED_END = re.compile(r"([A-Z]{3,}?)(" + "|".join(_GLUED_WORDS) + r")")
_GLUED_CONNECTOR = re.compile(r"([A-Z]{3,}?)(FOR|AND)")
_KNOWN_WORDS = frozenset(_GLUED_WORDS)
_GLUED_AMPERSAND = re.compile(r"[A-Z]{3,}&[A-Z]{3,}")


def _unglued(word: str) -> list[str]:
    """The words a Latin word run together writes (``_GLUED_END``): [word] when it is none."""
    if _GLUED_AMPERSAND.fullmatch(word):  # (IMPORT&EXPORT: the & between two words)
        left, right = word.split("&")
        return [*_unglued(left), "&", *_unglued(right)]
    if len(word) < 8 or word in _KNOWN_WORDS or not word.isascii() or not word.isalpha():
        return [word]
    m = _GLUED_END.fullmatch(word)
    if m is None:
        return [word]
    rest, business = m.groups()
    connector = _GLUED_CONNECTOR.fullmatch(rest)
    if connector is not None:
        return [*_unglued(connector.group(1)), connector.group(2), business]
    return [*_unglued(rest), business]


# The adjectives of company names (الحديثة, المتحدة, الدولية: modern, united, international)
# spelled out in Latin letters with the article apart (AL HADETHA, EL MOTAHEDA, AL DAWLIYA):
# read as their English, as the Arabic word and the spelling glued to its article (ALHADETHA)
# are. Not a nisba (AL HADITHI, الحديثي: a family's name).
_ADJECTIVES = {k: e for k, e in _SPELLED.items() if e in ("MODERN", "UNITED")}
# (الدولية, whose skeleton with the article, ldl, is AL ADEL's too: its spellings, each)
_INTERNATIONAL = frozenset({"DAWLIA", "DAWLIYA", "DAWLEYA", "DAWLEIA", "DAWLYA", "DOWLIA",
                            "DOWLIYA", "DAWLIAH", "DAWLIYAH", "DAWLEYAH"})


def _adjectives_read(raw: list[str]) -> list[str]:
    """``raw`` with each adjective spelled out after its article (``_ADJECTIVES``) as its
    English word, the article left out."""
    out = list(raw)
    for k, w in enumerate(out):
        glued = w[:2] in _LATIN_ARTICLES and w[2:] in _INTERNATIONAL
        after = k > 0 and out[k - 1] in _LATIN_ARTICLES
        if glued:
            out[k] = "INTERNATIONAL"
        elif after and w in _INTERNATIONAL:
            out[k - 1], out[k] = "", "INTERNATIONAL"
        elif after and w.isascii() and w[-1:] not in ("I", "Y") \
                and (english := _ADJECTIVES.get(skeleton("AL" + w))):
            out[k - 1], out[k] = "", english
    return out


# Places whose English name is no transliteration of the Arabic (ALEXANDRIA, ALEX for
# الإسكندرية; CAIRO for القاهرة; SUEZ for السويس; SHARJAH for الشارقة), or which banks print
# in one word or in two (PORT SAID, PORTSAID, BUR SAID, بور سعيد): every spelling, with its
# article or without, reads as the place's one key (marked ' so that no skeleton reads as
# it). Towns whose names a skeleton already reads alike in both scripts are here too, where
# banks print them as a branch's or a clearing's (CHQ DEP NBE LUXOR BR, ايداع شيك فرع طنطا):
# a customer named by its town alone (Luxor Steel) is then no payer of a text writing only the
# town (``narrative_names``). (Not RIYADH, RIYAD a given name; nor MADINA, a common name word;
# nor ASSIUT, whose skeleton st is a business word's: a cash deposit at its branch, ايداع نقدا
# فرع أسيوط الصعيد للتوريدات, names its payer for sure only so, see ``payers._name_runs``.)
_PLACES = {
    "'skndr": ("ALEXANDRIA", "ALEX", "ISKANDARIA", "ISKANDARIYA", "ISKANDARYA", "ESKANDARIA",
               "ESKANDARIYA", "ESKANDARYA", "ESKANDRIA", "ISKANDRIA", "ALEXANDRIE",
               "اسكندريه"),
    "'khr": ("CAIRO", "KAHIRA", "QAHIRA", "KAHERA", "QAHERA", "KAHIRAH", "QAHIRAH", "CAIRE",
             "قاهره"),
    "'sws": ("SUEZ", "SUWAYS", "SUWEIS", "SWEIS", "SUWAIS", "SUES", "سويس"),
    "'brsd": ("PORTSAID", "BURSAID", "BORSAID", "PORTSAEED", "BURSAEED", "بورسعيد"),
    "'$rk": ("SHARJAH", "SHARJA", "SHARIQA", "SHARIQAH", "SHARIKA", "شارقه"),
    "'hrGd": ("HURGHADA", "HURGADA", "GHARDAQA", "GHARDAKA", "GHARDAQAH", "غردقه"),
    "'zkzk": ("ZAGAZIG", "ZAQAZIQ", "ZAKAZIK", "زقازيق"),
    "'lksr": ("LUXOR", "LOUXOR", "UQSUR", "اقصر"),
    "'swn": ("ASWAN", "ASSUAN", "اسوان"),
    "'tnt": ("TANTA", "طنطا"),
    "'mnsr": ("MANSOURA", "MANSURA", "MANSOURAH", "منصوره"),
    "'smly": ("ISMAILIA", "ISMAILIYA", "ISMAILIAH", "ISMAILYA", "اسماعيليه"),
    "'dmyt": ("DAMIETTA", "DOMYAT", "DUMYAT", "DOMIAT", "دمياط"),
    "'fym": ("FAYOUM", "FAYUM", "FAIYUM", "FAYYUM", "فيوم"),
    "'$hj": ("SOHAG", "SUHAG", "SOHAJ", "سوهاج"),
    "'mny": ("MINYA", "MINIA", "MENIA", "منيا"),
    "'db": ("DUBAI", "DUBAYY", "دبي"),
    "'jmn": ("AJMAN", "عجمان"),
    "'dmm": ("DAMMAM", "دمام"),
    "'jdh": ("JEDDAH", "JEDDA", "JIDDAH", "جده"),
    "'mnm": ("MANAMA", "منامه"),
    "'mskt": ("MUSCAT", "MASQAT", "مسقط"),
    # (Egyptian, the country's adjective, as the company's name says it: المصرية; not the
    # bare مصرية of a legal form, شركة مساهمة مصرية)
    "'msr": ("EGYPTIAN", "MASRIA", "MASRIYA", "MASREYA", "MASRYA", "MISRIA", "MASREYYA",
             "المصريه"),
}
PLACE_KEYS = frozenset(_PLACES)  # the one key each spelling of a place reads as
_PLACE_OF = {fold_text(w): key for key, spellings in _PLACES.items() for w in spellings}
# (the article glued to a spelling: ALKAHIRA, ELSUWAYS, القاهرة)
_PLACE_OF.update({a + w: key for w, key in list(_PLACE_OF.items())
                  for a in (("ال",) if _AR.search(w) else _LATIN_ARTICLES)})
# The first word of a place printed in two (PORT SAID, BUR SAID, بور سعيد): read joined.
_PLACE_FIRST_WORDS = frozenset({"PORT", "BUR", "BOR", "بور"})
_PLACE_WORDS = _PLACE_FIRST_WORDS | frozenset(_PLACE_OF)


def _places_read(raw: list[str]) -> list[str]:
    """``raw`` with each spelling of a place (``_PLACES``) as its key, a place printed in two
    words joined, and the article printed apart before it (AL SUWAYS, EL KAHIRA) left out."""
    out = list(raw)
    for k, w in enumerate(out):
        if w in _PLACE_FIRST_WORDS and k + 1 < len(out) and w + out[k + 1] in _PLACE_OF:
            out[k], out[k + 1] = "", w + out[k + 1]
            continue
        key = _PLACE_OF.get(w)
        if key is not None:
            out[k] = key
            if k and out[k - 1] in (*_LATIN_ARTICLES, "ال"):
                out[k - 1] = ""
    return out


# Son / daughter of, joining a person's name to the father's (سالم بن حمد الحارثي): Gulf banks
# print the name without it (SALIM HAMAD AL HARTHY). A name that begins with it, after no word
# of the name (Bin Dawood Trading, مؤسسة بن لادن), is a family's, as AL is: a word of the name,
# which tells Bin Dawood Trading from Dawood Trading.
_CONNECTORS = frozenset({"BIN", "BINT", "IBN", "بن", "بنت"})


def _without_connectors(raw: list[str]) -> list[str]:
    """``raw`` with "" for each connector (``_CONNECTORS``) after a word of the name."""
    out, after_name = list(raw), False
    for k, w in enumerate(raw):
        if w in _CONNECTORS and after_name:
            out[k] = ""
        elif w:
            after_name = _word_reading(w) == (w,) and not w.isdigit()
    return out


def _raw_words(name: object) -> list[str]:
    """The words as printed (folded), ABD joined to the next word; "" where one was joined,
    and for BIN joining a person's name to the father's (``_CONNECTORS``). A Gulf spelling of
    ض or ق is read as the other banks spell it (``_gulf_spelling``)."""
    text = fold_text(name)
    raw = _NOT_A_NAME.sub(" ", text).split()
    if any(len(w) >= 8 or "&" in w for w in raw):  # (most words are shorter: none run together)
        raw = [x for w in raw for x in _unglued(w)]
    if not _CONNECTORS.isdisjoint(raw):
        raw = _without_connectors(raw)
    if not _PLACE_WORDS.isdisjoint(raw):
        raw = _places_read(raw)
    if "AL" in text or "EL" in text:  # (AL HADETHA, EL DAWLIA: ``_adjectives_read``)
        raw = _adjectives_read(raw)
    for k in range(len(raw) - 1):
        w = raw[k]
        if w in _SUN_ARTICLES and raw[k + 1].startswith(w[1:]) and len(raw[k + 1]) > len(w):
            raw[k] = "AL"
    if "DH" in text or "G" in text:  # (the words of _GULF_SPELLINGS all have one)
        raw = [_gulf_spelling(raw, k) for k in range(len(raw))]
    if "ABD" in text or "عبد" in text:  # (most names have neither)
        for k in range(len(raw)):
            raw[k] = _abdul(raw[k], raw[k + 1] if k + 1 < len(raw) else "")
        for k in range(len(raw) - 1):  # ABD AL RAHMAN, عبد الرحمن: one name
            if raw[k] in ("ABD", "عبد"):
                raw[k], raw[k + 1] = "", raw[k] + raw[k + 1]
    return raw


# ABDUL with its article spoken as the sun letter after it (عبد الرحمن, عبد السلام, عبد الناصر:
# ABDURRAHMAN, ABDUR RAHMAN, ABDUS SALAM, ABDUNNASER), written so by Gulf and Pakistani banks.
_ABDU_SUN = re.compile(r"ABD[UO]([TDSZRN])\1(\w+)")
_ABDU_SUN_WORD = re.compile(r"ABD[UO]([TDSZRN])")


def _abdul(word: str, following: str) -> str:
    """``word`` with ABDU + the sun letter doubled read as ABDUL (ABDURRAHMAN: ABDULRAHMAN;
    ABDUR before RAHMAN: ABDUL); as it is otherwise (ABDOU, ABDULLAH)."""
    m = _ABDU_SUN.fullmatch(word)
    if m:
        return "ABDUL" + m.group(1) + m.group(2)
    m = _ABDU_SUN_WORD.fullmatch(word)
    return "ABDUL" if m and following.startswith(m.group(1)) else word


# The English of ``ARABIC_WORDS`` as a bank's own word for it reads (``SYNONYMS``): الغذائية
# is FOOD, which a printed FOOD reads as, FOODS; الصناعية INDUSTRIAL, read INDUSTRIES.
_ARABIC_READ = {w: tuple(SYNONYMS.get(x, x) for x in e.split()) for w, e in ARABIC_WORDS.items()}


@lru_cache(maxsize=200_000)
def _word_reading(w: str) -> tuple[str, ...]:
    """What one printed word of a name says: nothing (a legal form, a number), its English
    business word(s), or itself. (A name's words repeat across thousands of names.)"""
    if not w or w.isdigit():
        return ()
    if w in ARABIC_WORDS:
        return _ARABIC_READ[w]
    if w in _FILLER_FOLDED or w == "&" or len(w) == 1:
        return ()  # legal forms, and the letters of abbreviations cut at the dots (م.ح)
    if w in SYNONYMS:
        return (SYNONYMS[w],)
    if w.startswith("FOODSTU"):  # FOODSTUFF cut at the name field's width (FOODSTUF)
        return ("FOODS",)
    if w.isascii() and (spelled := _SPELLED.get(skeleton(w))):
        return tuple(SYNONYMS.get(x, x) for x in spelled.split())
    if len(w) > 2 and w.startswith("و") and w[1:] in ARABIC_WORDS:
        return _ARABIC_READ[w[1:]]
    return (w,)


# Given names a consonant skeleton cannot tell apart (the و of محمود, the ي of حسين are dropped
# as vowels): Mohamed and Mahmoud, Hassan and Hussein are different people, so MOHAMED AHMED
# is no AHMED MAHMOUD. Each spelling, in either script, reads as its own key.
_GIVEN_NAMES = {fold_text(w): key for key, spellings in {
    # (Mohammed as Gulf banks cut it to fit: MOHD ABDULLA ALKUWARI)
    "mhmd": ("MOHD", "MHD", "MUHD", "MOHMD", "MOHAMMD", "MOHAMD"),
    # (ABDULLAH, عبدالله: a whole name, whose skeleton bdl is ABDUL's, the first half of a
    # name: ABDULLA AHMED is no ABDUL HAMEED, ABDULLAH RAHMAN no ABDULRAHMAN. Joined to the
    # next word as ABDUL is (ABDULLAH AL KUWARI: one token), by a key no skeleton has and
    # far from ABDUL's, bdl, in a comparison of whole names.)
    "Ab": ("ABDULLA", "ABDULLAH", "ABDALLA", "ABDALLAH", "ABDULAH", "ABDELLAH", "ABDOULLAH",
           "ABDULLAHI", "عبدالله", "عبداله"),
    "mhmwd": ("MAHMOUD", "MAHMUD", "MAHMOOD", "MAHMOD", "MAHMOUDE", "MAHMOUED", "MEHMOOD",
              "MEHMUD", "محمود"),
    "hsyn": ("HUSSEIN", "HUSSIEN", "HUSEIN", "HUSAIN", "HUSSAIN", "HOSSEIN", "HOSSIN", "HUSSEN",
             "HUSEEN", "HOSEIN", "HOSAIN", "HUSEYN", "HOSSAIN", "حسين"),
    "lhsyn": ("ELHUSSEIN", "ALHUSSEIN", "ELHUSSIEN", "ALHUSSAIN", "ELHUSSAIN", "ALHUSAIN",
              "الحسين"),
}.items() for w in spellings}
# The keys of those names one letter apart (mhmd, mhmwd), which a comparison of whole names
# finds alike: each with the key of the other name it is not.
GIVEN_NAME_RIVALS = {"mhmd": "mhmwd", "mhmwd": "mhmd", "hsn": "hsyn", "hsyn": "hsn",
                     "lhsn": "lhsyn", "lhsyn": "lhsn"}


@lru_cache(maxsize=200_000)
def _word_skeletons(w: str) -> tuple[str, ...]:
    if w in _GIVEN_NAMES:
        return (_GIVEN_NAMES[w],)
    if w[:1] == "'" and w in PLACE_KEYS:
        return (w,)
    return tuple(skeleton(x) for x in _word_reading(w))


def name_tokens(name: object) -> list[str]:
    """Skeletons of the meaningful words; an article (``Al``, ``El``), ``Abd``/``Abdul`` and
    ``Abu`` join the next word, as ``Al Nour`` and ``Alnoor`` are the same name."""
    if name is None or (isinstance(name, float) and name != name):
        return []
    return list(_name_tokens(str(name)))


# Words that banks glue to the next one or not: the article (AL, EL, ال), ABDUL / ABDEL
# (ABDEL RAHMAN, ABDELRAHMAN; ABD and عبد are glued to the next word in ``_raw_words``) and
# ABDULLAH (its key in ``_GIVEN_NAMES``).
_JOINS_NEXT = {"l", "bdl", "Ab"}


_Held = tuple[tuple[tuple[str, str], ...], tuple[str, str] | None]


@lru_cache(maxsize=200_000)
def _held_words(name: str) -> tuple[_Held, ...]:
    """Per token of ``name_tokens(name)``, in order: the (printed word, skeleton) of each
    article held for it, and its own word's (None for articles left at the end). Read once
    per name: its tokens, printed words, shapes and scripts (``_name_tokens``,
    ``_printed_words``) are each asked of the same names, a customer's or a narrative's."""
    out: list[_Held] = []
    held: list[tuple[str, str]] = []
    for w in _raw_words(name):
        for s in _word_skeletons(w):
            if not s:
                continue
            if s in _JOINS_NEXT:
                held.append((w, s))
                continue
            out.append((tuple(held), (w, s)))
            held = []
    if held:
        out.append((tuple(held), None))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _name_tokens(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for held, own in _held_words(name):
        articles = "".join(s for _, s in held)
        if own is None:
            out.append(articles)
        else:
            # (A skeleton has no doubled letter; an article joined to it may make one.)
            out.append(_DOUBLED.sub(r"\1", articles + own[1]) if articles else own[1])
    return tuple(out)


# A word's shape: its skeleton with each run of vowels kept as one ``_`` (SALMIYA ``s_lm_y``,
# SALEM ``s_l_m``, NOUR and NUR ``n_r``); a Y or W between vowels is the consonant ي / و
# (the -IYA of SALMIYA, the -AWA of ALHAWARI), elsewhere a vowel (SAMY, HUSSEIN).
_VOWEL_RUN = re.compile(r"_+")
_VOWELS_RUN = re.compile(r"_{2,}")  # (two vowel letters or more in a row: ``word_shape(runs)``)
_CONSONANT_YW = re.compile(r"(?<=[aeiou])[yw](?=[aeiou])")
# The -IYA / -IA ending of a nisba (ARABIYA, ARABIA, SALMIYA, SALMIA: العربية, السالمية),
# written with its Y or without: one ending, kept apart from a bare -I (SALMI, ARABI: another
# word), where the other final vowels are not compared.
_NISBA_END = re.compile(r"iy?a$")
_SHAPE_LETTERS = {**_LATIN_LETTERS, "a": "_", "e": "_", "i": "_", "o": "_", "u": "_",
                  "y": "_", "w": "_", "Y": "y", "W": "w"}


@lru_cache(maxsize=200_000)
def word_shape(word: str, runs: bool = False) -> str | None:
    """The shape of a Latin word (see above); None for a word in Arabic letters, whose short
    vowels are not written. ``runs``: a run of two vowels or more (the IA of RIADH, the OO of
    NOOR) written ``~``, as compared with an Arabic word's (``long_vowels_agree``)."""
    if _AR.search(word):
        return None
    w = _NOT_LATIN.sub("", _strip_accents(word).lower())
    if len(w) > 3:
        w = _LATIN_FINAL_H.sub("", w)
    nisba = len(w) > 4 and _NISBA_END.search(w) is not None
    if nisba:
        w = _NISBA_END.sub("", w)
    w = _CONSONANT_YW.sub(lambda m: m.group(0).upper(), w)
    for a, b in _LATIN_DIGRAPHS[:7]:  # (the consonant digraphs: SH, KH...; not OU, OO, EE)
        w = w.replace(a, b)
    letters = "".join(_SHAPE_LETTERS.get(ch, ch) for ch in w)
    if runs:
        letters = _VOWELS_RUN.sub("~", letters)
    return _shape_of(_DOUBLED.sub(r"\1", letters), nisba)


def _shape_of(letters: str, nisba: bool) -> str:
    """A shape from a word's letters read (consonants, ``_`` for vowels): consonant+H pairs
    folded, doubled letters and vowel runs as one, a nisba's ending marked."""
    out = _H_PAIRS.sub(lambda m: _H_FOLD[m.group(1)], letters)
    # (A final vowel is not compared: the -EH of FATEH is the ح of FATH, the -A of SALMIYA the
    # ة a bank writes or not.)
    return _VOWEL_RUN.sub("_", _DOUBLED.sub(r"\1", out)).rstrip("_~=") + ("_ia" if nisba else "")


def _printed_words(name: str, given_names_as_written: bool) -> Iterator[str | None]:
    """Per token of ``name_tokens(name)``, in order: the printed word(s) it comes from (an
    article glued to its word as one: AL NOUR, ALNOUR), or None where the token is a reading
    of the word (a business word translated or abbreviated; a given name's own key unless
    ``given_names_as_written``)."""
    def as_written(w: str) -> bool:
        if w[:1] == "'":  # (a place's key: a reading of the word, ``_places_read``)
            return False
        return _word_reading(w) == (w,) if w not in _GIVEN_NAMES else given_names_as_written

    for held, own in _held_words(name):
        articles = "".join(w for w, _ in held if as_written(w))
        if own is None:
            yield articles or None
        else:
            yield articles + own[0] if as_written(own[0]) else None


@lru_cache(maxsize=50_000)
def printed_words(name: str) -> tuple[str | None, ...]:
    """Per token of ``name_tokens(name)``, in order: the printed word(s) it comes from (an
    article glued to its word), or None where the token is a reading of the word (a business
    word translated or abbreviated)."""
    return tuple(_printed_words(name, given_names_as_written=True))


@lru_cache(maxsize=200_000)
def token_shapes(name: str) -> tuple[str | None, ...]:
    """The shape (``word_shape``) of the printed word(s) each of ``name_tokens(name)`` comes
    from, in order: an article glued to its word as one (AL NOUR: ALNOUR); None where the
    token is a reading of the word (a business word translated or abbreviated) or in Arabic."""
    return tuple(word_shape(w) if w is not None else None
                 for w in _printed_words(name, given_names_as_written=True))


# The letters an Arabic word writes its long vowels with (ا و ي, ى): where a word writes one
# between two consonants, any Latin spelling of it writes a vowel there too (سالم: SALEM,
# SALIM, never ISLAM; الأمل: AL AMAL, never ALMULLA), while its short vowels are not written
# at all. (Hamza and ain, ء ئ ؤ ع, are read as nothing either way: SAAD, SAD for سعد.)
_AR_LONG = frozenset("اويىأإآٱ")
# Two long vowel letters or more in a row, between two consonants (``arabic_shape``).
_LONG_PAIR = re.compile(r"(?<=[^_Y])[_Y]{2,}(?=[^_Y])")


@lru_cache(maxsize=200_000)
def arabic_shape(word: str) -> str | None:
    """The shape of a word in Arabic letters, as ``word_shape`` gives a Latin word's: its
    skeleton with ``_`` where it writes a long vowel; None for a word in Latin letters."""
    if not _AR.search(word):
        return None
    # (A word ending in ي, ية or يا may be the -IYA of a nisba: marked as word_shape marks it.)
    nisba = len(word) > 3 and word.endswith(("ي", "يه", "ية", "يا"))
    if len(word) > 2 and word[-1] in "هةح":
        word = word[:-1]  # (as ``skeleton`` drops it)
    letters = "".join("Y" if ch in "يو" else "_" if ch in _AR_LONG else _AR_LETTERS.get(ch, "")
                      for ch in word)
    # ي or و beside another long vowel letter between two consonants is a consonant and a
    # long vowel (the ي of الرياض, riyad; the و of نوال): marked ``=``, which a Latin spelling
    # writes with a Y / W or two vowels (RIYAD, RIAD; not REDA).
    letters = _LONG_PAIR.sub(lambda m: "=" if "Y" in m.group(0) else "_", letters)
    return _shape_of(_DOUBLED.sub(r"\1", letters.replace("Y", "_")), nisba)


@lru_cache(maxsize=50_000)
def _gaps(shape: str) -> tuple[str, frozenset[int], frozenset[int], frozenset[int]]:
    """(the consonants of a shape, the gaps between them holding a vowel: 0 between the
    first and the second..., those of them holding a Latin Y or W between vowels, those
    holding two vowels: a Latin run of two vowel letters, an Arabic ي / و beside a long
    vowel). Such a Y or W is read as the vowel letter ي / و an Arabic shape marks; a
    nisba's -IA is a final vowel."""
    consonants: list[str] = []
    vowels, letters, doubles = set(), set(), set()
    for ch in shape.removesuffix("_ia"):
        if ch in "_yw~=":
            if consonants:
                vowels.add(len(consonants) - 1)
                if ch in "yw":
                    letters.add(len(consonants) - 1)
                elif ch != "_":
                    doubles.add(len(consonants) - 1)
        else:
            consonants.append(ch)
    inner = len(consonants) - 1
    return ("".join(consonants), frozenset(v for v in vowels if v < inner),
            frozenset(v for v in letters if v < inner),
            frozenset(v for v in doubles if v < inner))


_Gaps = tuple[str, frozenset[int], frozenset[int], frozenset[int]]


def _aligned_gaps(one: str, other: str) -> tuple[_Gaps, _Gaps]:
    """The ``_gaps`` of two shapes, the article written on one side only taken off that side
    (السالمية for SALMIYA, الرياض for RIYAD): its gaps counted from the word after it."""
    first, second = _gaps(one), _gaps(other)
    if first[0] == "l" + second[0]:
        first = (second[0], *(frozenset(g - 1 for g in gaps if g) for gaps in first[1:]))
    elif second[0] == "l" + first[0]:
        second = (first[0], *(frozenset(g - 1 for g in gaps if g) for gaps in second[1:]))
    return first, second


# (Asked for every pair of a short word's spellings a narrative and a candidate write: the
# same hundred or two pairs again and again in a month's statement.)
@lru_cache(maxsize=100_000)
def long_vowels_agree(arabic: str, latin: str) -> bool:
    """Whether a Latin word (its ``word_shape``) may spell an Arabic one (its
    ``arabic_shape``): it writes a vowel wherever the Arabic writes a long vowel between two
    consonants, and a nisba's -IYA only where the Arabic ends in ي (SALMIYA is السالمية,
    not سالم); and the other way, the Arabic writes a long vowel wherever the Latin writes a
    Y or W between vowels (AL RIYAD is الرياض, not الرضا; NAWAL نوال); and where the Arabic
    writes ي / و beside a long vowel (the يا of الرياض) the Latin writes a Y / W or two
    vowels there (RIYAD, RIAD; AL REDA is no الرياض). Shapes whose consonants differ (a
    letter folded another way) are not compared: True."""
    (ar_consonants, written, _, pairs), (latin_consonants, vowels, letters, runs) = \
        _aligned_gaps(arabic, latin)
    return ar_consonants != latin_consonants or (
        written <= vowels and letters <= written and pairs <= letters | runs
        and (arabic.endswith("_ia") or not latin.endswith("_ia")))


@lru_cache(maxsize=50_000)
def arabic_spellings_agree(one: str, other: str) -> bool:
    """Whether two Arabic words (their ``arabic_shape``) may be one name: both write their
    long vowels between the same consonants, as two clerks writing one name in Arabic do
    (الرياض is not الرضا, سعيد not سعد; a final ى or ي alike, the article on one side only).
    Shapes whose consonants differ are not compared: True."""
    (one_consonants, one_written, *_), (other_consonants, other_written, *_) = _aligned_gaps(
        one, other)
    return one_consonants != other_consonants or one_written == other_written


@lru_cache(maxsize=200_000)
def token_scripts(name: str) -> tuple[tuple[str, bool] | None, ...]:
    """Per token of ``name_tokens(name)``, in order: (the shape of the printed word(s) it
    comes from, whether they are in Arabic letters): ``word_shape`` of a Latin word (an
    article glued to it), ``arabic_shape`` of an Arabic one; None where the token is a
    reading of the word (a business word translated, a given name's own key)."""
    return tuple(_script_shape(w) if w is not None else None
                 for w in _printed_words(name, given_names_as_written=False))


def _script_shape(word: str) -> tuple[str, bool] | None:
    arabic = arabic_shape(word)
    shape = arabic if arabic is not None else word_shape(word, runs=True)
    return (shape, arabic is not None) if shape is not None else None


# The kind of company a name says it is (مجموعة, مصنع: GROUP, FACTORY), which a bank leaves out
# as it leaves the legal form out (AL HADETHA SUPPLIES for مصنع الحديثة للتوريدات).
_KIND_KEYS = frozenset(skeleton(w) for w in ("GROUP", "FACTORY"))


def needed_words(tokens: list[str]) -> list[str]:
    """The words of a name a text must write to name it: its distinctive words; for a name of
    business words only (الحديثة للتوريدات: MODERN SUPPLIES), all of them but the kind of
    company it is (``_KIND_KEYS``), where that leaves any."""
    return distinctive(tokens) or [t for t in tokens if t not in _KIND_KEYS] or tokens


def distinctive(tokens: list[str]) -> list[str]:
    """The tokens of a name that are not generic business words (TRADING, GROUP...)."""
    return [t for t in tokens if t not in _GENERIC_KEYS]


def keys_of(tokens: list[str]) -> tuple[str, str]:
    """(full key, distinctive key) of a name's tokens: the skeletons of all meaningful words,
    and of the non-generic ones, joined without spaces (banks and people split words
    differently)."""
    return "".join(tokens), "".join(distinctive(tokens))


def name_key(name: object) -> tuple[str, str]:
    """``keys_of`` the name's tokens."""
    return keys_of(name_tokens(name))


# The distinctive words of Arabic company names that Gulf and Egyptian banks print translated,
# not transliterated (GULF TRADING CO for شركة الخليج للتجارة, EAST STAR for نجمة الشرق). A
# translation is a weaker reading than a transliteration (ELITE is a word of many third
# parties' names as well): it never identifies a payer alone (``PayerDirectory.by_translation``).
TRANSLATED = {
    "GULF": "الخليج", "NILE": "النيل", "EAST": "الشرق", "ORIENT": "الشرق",
    "ORIENTAL": "الشرقيه", "STAR": "نجمه", "LIGHT": "النور", "CRESCENT": "الهلال",
    "PYRAMIDS": "الاهرام", "PYRAMID": "الاهرام", "FUTURE": "المستقبل", "HOPE": "الامل",
    "SUN": "الشمس", "FALCON": "الصقر", "EAGLE": "النسر", "PEARL": "اللؤلؤه",
    "DIAMOND": "الماس", "UNION": "الاتحاد", "DAWN": "الفجر", "HORIZON": "الافق",
    "PALM": "النخله", "OASIS": "الواحه", "CAPITAL": "العاصمه", "NORTH": "الشمال",
    "SOUTH": "الجنوب", "WEST": "الغرب", "SEA": "البحر", "RED": "الاحمر", "GREEN": "الاخضر",
    "WHITE": "الابيض", "BLUE": "الازرق", "GOLDEN": "الذهبي", "GOLD": "الذهب",
    "SILVER": "الفضه", "PEACE": "السلام", "VICTORY": "النصر", "PROGRESS": "التقدم",
    "ELITE": "النخبه", "CROWN": "التاج", "KNIGHT": "الفارس", "LION": "الاسد",
    "BRIDGE": "الجسر", "GATE": "البوابه", "FIRST": "الاول", "PIONEERS": "الرواد",
    "PIONEER": "الرائد", "ARAB": "العربيه", "ARABIAN": "العربيه", "SAHARA": "الصحراء",
    "DESERT": "الصحراء", "SPRING": "الربيع", "GARDEN": "الحديقه", "EMIRATES": "الامارات",
}


def translated_tokens(name: object) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """A printed Latin name read as the Arabic name it translates: (its tokens, the tokens
    that came from a translated word), or None when no word of it is in ``TRANSLATED``.
    Words not in the table are read as ``name_tokens`` reads them (TRADING, CO...)."""
    if name is None or (isinstance(name, float) and name != name):
        return None
    return _translated(str(name))


@lru_cache(maxsize=50_000)
def _translated(name: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    out: list[str] = []
    translated: set[str] = set()
    for w in _raw_words(name):
        arabic = TRANSLATED.get(w)
        if arabic is None:
            out.extend(_name_tokens(w) if w else ())
        else:
            got = _name_tokens(arabic)
            out.extend(got)
            translated.update(got)
    return (tuple(out), frozenset(translated)) if translated else None
