"""Who the demo's customers are: company names, spelling variants, tax ids, IBANs and phones.

Each is drawn as the countries write it (Egypt's 9-digit tax number often dashed, a Saudi VAT
number starting and ending with 3, a UAE TRN, IBANs with valid ISO 13616 check digits, some
printed in groups of four as on a bank letter, phones in the local and international forms), so
the customer checks meet what real masters hold.
"""

from __future__ import annotations

import numpy as np

from ar_excel.demo import vocabulary as vocab
from ar_excel.names import ARABIC_CHAR


def digits(rng: np.random.Generator, n: int, width: int) -> list[str]:
    """``n`` random digit strings of ``width`` digits."""
    block = rng.integers(0, 10, size=(n, width))
    return ["".join(map(str, row)) for row in block]


def iban(country: str, bban: str) -> str:
    """An IBAN with correct ISO 13616 check digits (mod 97) for a national account number."""
    rearranged = bban + "".join(str(ord(c) - 55) for c in country) + "00"
    check = 98 - int(rearranged) % 97
    return f"{country}{check:02d}{bban}"


_BANKS = {"EG": ("0019", "0002", "0003", "0037", "0010", "0057"),
          "SA": ("80", "10", "45", "20", "05", "15"),
          "AE": ("033", "026", "030", "035", "044", "046")}
_BBAN_REST = {"EG": 21, "SA": 18, "AE": 16}


def ibans(rng: np.random.Generator, country: str, n: int) -> list[str]:
    banks = rng.choice(_BANKS[country], size=n)
    rest = digits(rng, n, _BBAN_REST[country])
    grouped = rng.random(n) < 0.35  # printed in groups of four, as on a bank letter
    out = []
    for b, r, g in zip(banks, rest, grouped, strict=True):
        code = iban(country, f"{b}{r}")
        out.append(" ".join(code[i:i + 4] for i in range(0, len(code), 4)) if g else code)
    return out


def tax_ids(rng: np.random.Generator, country: str, n: int) -> list[str]:
    if country == "EG":  # 9-digit tax registration number, often written 123-456-789
        raw = digits(rng, n, 9)
        dashed = rng.random(n) < 0.7
        return [f"{t[:3]}-{t[3:6]}-{t[6:]}" if d else t for t, d in zip(raw, dashed, strict=True)]
    if country == "SA":  # 15-digit VAT number starting and ending with 3
        return [f"3{t}3" for t in digits(rng, n, 13)]
    return [f"100{t}" for t in digits(rng, n, 12)]  # UAE TRN


_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def to_arabic_digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


def phone(rng: np.random.Generator, country: str) -> str:
    d = "".join(map(str, rng.integers(0, 10, 8)))
    style = rng.integers(0, 4)
    if country == "EG":
        if rng.random() < 0.2:  # Cairo landline
            return f"+20 2 {d[:4]} {d[4:]}" if style < 2 else f"02{d}"
        p = ("10", "11", "12", "15")[rng.integers(0, 4)]
        return (f"+20 {p} {d[:4]} {d[4:]}", f"0{p}{d}", f"0{p[0]}{p[1]}{d[0]} {d[1:4]} {d[4:]}",
                f"+20{p}{d}")[style]
    if country == "SA":
        if rng.random() < 0.15:
            return f"+966 11 {d[:3]} {d[3:7]}"
        return (f"+966 5{d[0]} {d[1:4]} {d[4:]}", f"05{d[0]}{d[1:]}", f"+9665{d}",
                f"05{d[0]} {d[1:4]} {d[4:]}")[style]
    if rng.random() < 0.2:
        return f"+971 4 {d[:3]} {d[3:7]}"
    return (f"+971 5{d[0]} {d[1:4]} {d[4:]}", f"05{d[0]} {d[1:4]} {d[4:]}", f"+9715{d}",
            f"00971 5{d[0]} {d[1:4]} {d[4:]}")[style]


def slug(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def company(rng: np.random.Generator, country: str, arabic: bool) -> tuple[str, str]:
    """(display name, e-mail domain stem) for one company."""
    stem = vocab.STEMS[rng.integers(0, len(vocab.STEMS))]
    act = vocab.ACTIVITIES[rng.integers(0, len(vocab.ACTIVITIES))]
    pattern = rng.random()
    if pattern < 0.22:  # family-owned establishment
        first = vocab.FIRST_NAMES[rng.integers(0, len(vocab.FIRST_NAMES))]
        fam = vocab.FAMILY_NAMES[rng.integers(0, len(vocab.FAMILY_NAMES))]
        domain = slug(fam[1]) + slug(act[1].split()[0])
        if arabic:
            if country == "EG":
                return (f"{first[0]} {fam[0]} وشركاه" if rng.random() < 0.5
                        else f"شركة {fam[0]} إخوان {act[0]}"), domain
            return f"مؤسسة {first[0]} {fam[0]} {act[0]}", domain
        if country == "EG":
            return (f"{fam[1]} Bros. {act[1]}" if rng.random() < 0.5
                    else f"{first[1]} {fam[1]} & Partners"), domain
        return f"{first[1]} {fam[1]} {act[1]} Est.", domain
    second = None
    if pattern > 0.85:
        second = vocab.STEMS[rng.integers(0, len(vocab.STEMS))]
        if second == stem:
            second = None
    domain = slug(stem[1]) + (slug(second[1]) if second else slug(act[1].split()[0]))
    if arabic:
        prefix = vocab.AR_PREFIXES[rng.integers(0, len(vocab.AR_PREFIXES))]
        suffix = vocab.AR_SUFFIXES[country][rng.integers(0, len(vocab.AR_SUFFIXES[country]))]
        core = f"{stem[0]} و{second[0]}" if second else stem[0]
        return " ".join(p for p in (prefix, core, act[0], suffix) if p), domain
    suffix = vocab.EN_SUFFIXES[country][rng.integers(0, len(vocab.EN_SUFFIXES[country]))]
    core = f"{stem[1]} {second[1]}" if second else stem[1]
    return " ".join(p for p in (core, act[1], suffix) if p), domain


def unique_companies(rng: np.random.Generator, countries: np.ndarray, arabic: np.ndarray
                      ) -> tuple[list[str], list[str]]:
    names: list[str] = []
    domains: list[str] = []
    seen: set[str] = set()
    for country, ar in zip(countries, arabic, strict=True):
        for attempt in range(12):
            name, domain = company(rng, country, bool(ar))
            if name not in seen:
                break
            if attempt == 11:  # a big master: branches of the same group
                branch = int(rng.integers(2, 999))
                name = (f"{name} - فرع {to_arabic_digits(str(branch))}" if ar
                        else f"{name} (Branch {branch})")
                domain = f"{domain}{branch}"
        seen.add(name)
        names.append(name)
        domains.append(domain)
    return names, domains


def spelling_variant(rng: np.random.Generator, name: str) -> str:
    """How the same company gets keyed a second time by another clerk."""
    if ARABIC_CHAR.search(name):
        variant = (name.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا")
                   .replace("ش.م.م", "").replace("  ", " ").strip())
        if variant == name:
            variant = name.replace("شركة ", "شركه ", 1) if "شركة " in name else "ال" + name
        return variant
    swaps = ((" S.A.E.", " SAE"), (" & ", " and "), (" Co.", " Company"), (" LLC", " L.L.C."),
             ("Al ", "El "), ("Trading", "Trdg"), (" Est.", " Establishment"))
    for old, new in rng.permutation(np.array(swaps, dtype=object)):
        if old in name:
            return name.replace(old, new, 1)
    return name.upper()
