"""An independent second opinion on ``ar-excel reconcile``: a month made by another hand.

``benchmarks/reconcile_quality.py`` scores the matcher on months from our own generator
(``ar_excel/demo``). This script was written without reading or importing that generator, so
its habits (invoice numbering, narrative templates, transliterations) are not ours. It builds
an Egyptian / Gulf B2B receivables book and the next month's bank statement, where the true
allocation of every credit line is known, runs the installed ``ar-excel reconcile`` command on
the files (as a user would), reads the ``Bank Matches`` and ``Unmatched Bank`` tabs back and
scores them with the definitions of ``reconcile_quality.py``:

* receipts right: customer receipts whose allocations are all ``Matched`` and exactly the
  truth (invoice, customer, applied amount; the part on account has a blank invoice);
* precision: share of ``Matched`` allocations that are true;
* non-customer inflows matched: share of non-customer credits with any ``Matched`` allocation;
* plus the receipts left ``Suggested`` (allocations, none Matched) and left unmatched, and,
  for receipts paid less a bank charge, a discount or withholding tax, how many were also
  closed (``Write-off`` / ``Withholding Tax`` equal to the gap) rather than left part-open.

The book (.xlsx, the contract's Customers / Invoices / Payments sheets): 300-600 customers
(Arabic names, English names, person-owned establishments; IBANs for some), 2-5k invoices
in several numbering series (``SI-26/00123``, ``2026-INV-0077``, ``F2026000123``, ``100234``,
``INV/2026/09/0042``, ``ف-٢٠٢٦-٠٠٥١``), receipts recorded up to the month before. The
statement (CSV; the layout, the currency and the home bank change with the seed) holds the
next month: inward transfers, instant payments, ACH, SWIFT, cheque and cash deposits written
the way Egyptian and Gulf banks write them, references spelled as payers spell them, payer
names as the remitting bank transliterates and truncates them, multi-invoice, partial, fee,
discount, overpayment and withholding-tax receipts, non-customer inflows, and debits.

Run (a few seconds per seed; seed 1, 4, ... is an Egyptian book in EGP, 2, 5, ... a UAE one in
AED, 3, 6, ... a Saudi one in SAR, each with its own statement layout):

    /work/venv/bin/python benchmarks/independent_month.py --seeds 1,2,3
        [--lines 800] [--customers 450] [--invoices 3500] [--keep DIR] [--examples 3] [--misses]

``--keep DIR`` leaves the book, the statement, the truth (JSON) and the output per seed there.
``--misses`` lists every receipt not fully right and Matched, one per line, grouped by cause:
what the matcher did (left unmatched, suggested, matched wrongly) and by which rule and reason,
with the numbers taken out of the reason so that alike misses fall in one group.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ARCMD = "/work/venv/bin/ar-excel"

# ---------------------------------------------------------------------------------------------
# names: an Arabic core, its Latin spellings as different banks and clerks write them
# ---------------------------------------------------------------------------------------------
CORES = [
    ("النور", ["El Nour", "Al Noor", "Alnour", "El-Nour", "Al-Nur", "Elnour", "Al Nour"]),
    ("الفجر", ["El Fagr", "Al Fajr", "Alfajr", "El-Fajr", "Elfagr"]),
    ("الأمل", ["El Amal", "Al Amal", "Alamal", "El-Amal"]),
    ("الهدى", ["El Hoda", "Al Huda", "Alhuda", "El-Hoda", "Al Hoda"]),
    ("السلام", ["El Salam", "As-Salam", "Al Salaam", "Elsalam", "Al-Salam"]),
    ("الرحاب", ["El Rehab", "Al Rehab", "Alrehab", "Al-Rihab"]),
    ("المستقبل", ["El Mostakbal", "Al Mustaqbal", "Almostakbal", "El Mustakbal"]),
    ("الوادي", ["El Wadi", "Al Wadi", "Alwadi", "El-Wady"]),
    ("الدلتا", ["El Delta", "Delta", "Al Delta", "Eldelta"]),
    ("النيل", ["El Nil", "Nile", "Al Neel", "Elnil", "El Neel"]),
    ("الخليج", ["Al Khaleej", "Gulf", "El Khalig", "Alkhaleej", "Al-Khalij"]),
    ("الشروق", ["El Shorouk", "Al Shorouq", "Alshorouk", "El-Shrouk"]),
    ("الأهرام", ["El Ahram", "Al Ahram", "Alahram", "Pyramids"]),
    ("الصفوة", ["El Safwa", "Al Safwa", "Alsafwa", "El-Safwah"]),
    ("الريان", ["El Rayan", "Al Rayyan", "Alrayan", "Al-Rayan"]),
    ("الجزيرة", ["El Gezira", "Al Jazeera", "Aljazira", "El Gezirah"]),
    ("الفتح", ["El Fath", "Al Fateh", "Alfath", "El-Fatah"]),
    ("الإسراء", ["El Esraa", "Al Israa", "Alesraa", "Al-Isra"]),
    ("الرواد", ["El Rowad", "Al Ruwad", "Alrowad", "El-Rouwad"]),
    ("المدينة", ["El Madina", "Al Madinah", "Almadina", "El-Medina"]),
    ("الحرمين", ["El Haramein", "Al Haramain", "Alharamain"]),
    ("البركة", ["El Baraka", "Al Barakah", "Albaraka", "El-Barka"]),
    ("الأندلس", ["El Andalus", "Al Andalos", "Alandalus"]),
    ("الزهراء", ["El Zahraa", "Al Zahra", "Alzahraa", "Az-Zahraa"]),
    ("الكوثر", ["El Kawthar", "Al Kauthar", "Alkawther", "El Kosar"]),
    ("العربية", ["El Arabia", "Al Arabiya", "Alarabia", "Arabian"]),
    ("المصرية", ["El Masria", "Al Masriya", "Egyptian", "Almasreya"]),
    ("القاهرة", ["Cairo", "El Kahira", "Al Qahera", "Elqahera"]),
    ("الإسكندرية", ["Alexandria", "Alex", "El Iskandaria", "Al Eskandarya"]),
    ("الصعيد", ["El Saeed", "Upper Egypt", "Al Saeed", "Elsaid"]),
    ("الأمانة", ["El Amana", "Al Amanah", "Alamana"]), ("الإخلاص", ["El Ekhlas", "Al Ikhlas", "Alekhlas"]),
    ("التقوى", ["El Takwa", "Al Taqwa", "Altakwa"]), ("الرضا", ["El Reda", "Al Rida", "Alreda"]),
    ("الفردوس", ["El Ferdous", "Al Firdaus", "Alferdous"]), ("النصر", ["El Nasr", "Al Nasr", "Alnasr"]),
    ("الوفاء", ["El Wafaa", "Al Wafa", "Elwafaa"]), ("العز", ["El Ezz", "Al Izz", "Elezz"]),
    ("الشامل", ["El Shamel", "Al Shamil", "Alshamel"]), ("المتحدة", ["El Motaheda", "Al Muttahida", "United"]),
    ("الدولية", ["El Dawlia", "Al Dawliya", "International"]), ("الحديثة", ["El Haditha", "Al Hadetha", "Modern"]),
    ("الذهبي", ["El Dahaby", "Al Thahabi", "Golden"]), ("الماسة", ["El Masa", "Al Massa", "Diamond"]),
    ("السويس", ["Suez", "El Suez", "Al Suways"]), ("بورسعيد", ["Port Said", "Bur Said", "Portsaid"]),
    ("طيبة", ["Taiba", "Tayba", "Teeba"]), ("سيناء", ["Sinai", "Seena", "Sinaa"]),
    ("الواحة", ["El Waha", "Al Waha", "Elwaha"]), ("المنار", ["El Manar", "Al Manar", "Almanar"]),
]
# Latin words that translate an Arabic name rather than spell it: no transliteration finds them
TRANSLATIONS = {"Delta", "Nile", "Gulf", "Pyramids", "Egyptian", "Arabian", "Cairo", "Alexandria",
                "Alex", "Upper Egypt", "United", "International", "Modern", "Golden", "Diamond"}
ACTIVITIES = [
    ("للتجارة", ["Trading", "Trade", "For Trading", "General Trading"]),
    ("للمقاولات", ["Contracting", "Contractors", "Construction", "For Contracting"]),
    ("للصناعات الغذائية", ["Food Industries", "Foods", "Food Ind", "For Food Industries"]),
    ("للاستيراد والتصدير", ["Import & Export", "Imp/Exp", "Import and Export", "Imp & Exp"]),
    ("للأدوية", ["Pharma", "Pharmaceuticals", "Pharmaceutical", "Drugs"]),
    ("للحديد والصلب", ["Steel", "Iron & Steel", "Iron and Steel"]),
    ("للتوريدات", ["Supplies", "Supply", "For Supplies", "Supplies & Trading"]),
    ("للنقل والشحن", ["Transport", "Logistics", "Shipping & Transport", "Transport & Shipping"]),
    ("للإلكترونيات", ["Electronics", "Electronic", "For Electronics"]),
    ("للبلاستيك", ["Plastics", "Plastic", "Plastic Industries"]),
    ("للهندسة", ["Engineering", "Eng", "For Engineering"]),
    ("للمواد الغذائية", ["Foodstuff", "Food Stuff", "Foodstuffs"]),
    ("للسيراميك", ["Ceramics", "Ceramic", "For Ceramics"]),
    ("للكيماويات", ["Chemicals", "Chemical", "Chemical Industries"]),
]
FIRST_NAMES = [
    ("محمد", ["Mohamed", "Mohammed", "Muhammad"]), ("أحمد", ["Ahmed", "Ahmad"]),
    ("محمود", ["Mahmoud", "Mahmood"]), ("خالد", ["Khaled", "Khalid"]),
    ("مصطفى", ["Mostafa", "Mustafa", "Moustafa"]), ("يوسف", ["Youssef", "Yousef", "Yusuf"]),
    ("عمرو", ["Amr", "Amro"]), ("طارق", ["Tarek", "Tariq", "Tarik"]), ("وليد", ["Waleed", "Walid"]),
    ("إبراهيم", ["Ibrahim", "Ebrahim"]), ("سامح", ["Sameh"]), ("هشام", ["Hesham", "Hisham"]),
    ("حسن", ["Hassan", "Hasan"]), ("علي", ["Ali", "Aly"]), ("عبد الله", ["Abdallah", "Abdullah", "Abd Allah"]),
    ("سعيد", ["Saeed", "Said", "Sayed"]),
]
FAMILY_NAMES = [
    ("عبد الرحمن", ["Abdel Rahman", "Abdulrahman", "Abd El Rahman", "Abdelrahman"]),
    ("السيد", ["El Sayed", "Elsayed", "Al Sayed"]), ("عبد العزيز", ["Abdel Aziz", "Abdulaziz", "Abdelaziz"]),
    ("حسن", ["Hassan", "Hasan"]), ("الغامدي", ["Al Ghamdi", "Alghamdi", "Al-Ghamdy"]),
    ("القحطاني", ["Al Qahtani", "Alkahtani", "Al-Qahtany"]), ("إبراهيم", ["Ibrahim", "Ebrahim"]),
    ("فتحي", ["Fathy", "Fathi"]), ("منصور", ["Mansour", "Mansoor"]),
    ("الشمري", ["Al Shammari", "Alshamari", "Al-Shammary"]),
    ("الدسوقي", ["El Desouky", "Eldesoky", "Al Dessouki"]),
    ("عبد الحميد", ["Abdel Hamid", "Abdelhameed", "Abd El Hamid"]), ("رضوان", ["Radwan", "Redwan"]),
    ("العتيبي", ["Al Otaibi", "Alotaibi", "Al-Otaiby"]), ("سليمان", ["Soliman", "Suleiman", "Sulaiman"]),
    ("الشريف", ["El Sherif", "Al Sharif", "Elsherif"]), ("عثمان", ["Osman", "Othman"]),
    ("النجار", ["El Naggar", "Al Najjar", "Elnaggar"]),
]
PERSONS = [(f"{fa} {la}", [f"{f} {s}" for f in fv for s in lv])
           for fa, fv in FIRST_NAMES for la, lv in FAMILY_NAMES if fa != la]
ENGLISH_A = ["Horizon", "Sunrise", "Blue Nile", "Red Sea", "Sinai", "Green Valley", "Golden Gate",
             "Silver Line", "Crystal", "Falcon", "Palm", "Oasis", "Pioneer", "Unity", "Summit",
             "Delta Star", "Orient", "Atlas", "Royal", "Prime", "Nova", "Eagle", "Cedar", "Lotus",
             "Apex", "Vertex", "Meridian", "Sahara", "Nobel", "Zenith", "Coral", "Sphinx", "Capital",
             "Emerald", "Sapphire", "Titan", "Phoenix", "Dune", "Mirage", "Wave"]
ENGLISH_B = ["Pharma", "Foods", "Logistics", "Tech", "Systems", "Trading", "Industries",
             "Packaging", "Motors", "Textiles", "Agro", "Paints", "Cables", "Medical", "Marble"]
EG_FORMS = [("ش.م.م", ["S.A.E.", "SAE", "S.A.E"]), ("ذ.م.م", ["LLC", "L.L.C."]),
            ("", ["Co.", "Company", "Co"]), ("", [""]), ("", ["Group"])]
GULF_FORMS = [("ذ.م.م", ["LLC", "L.L.C", "L.L.C."]), ("", ["Co.", "Company"]), ("", ["FZE", "FZCO"]),
              ("", ["W.L.L."]), ("", ["Est.", "Establishment"])]
LEGAL_WORDS = re.compile(r"\b(S\.?A\.?E\.?|L\.?L\.?C\.?|Co\.?|Company|Group|FZE|FZCO|W\.L\.L\.|"
                         r"Est\.?|Establishment)\s*$", re.I)
SUPPLIERS = ["VODAFONE EGYPT", "ORACLE EGYPT", "TOTAL ENERGIES", "ARAMEX", "DHL EXPRESS",
             "ELSEWEDY ELECTRIC", "ETISALAT", "SCHNEIDER ELECTRIC", "MAERSK LINE",
             "شركة مصر للتأمين", "PEPSICO", "AL FUTTAIM"]


@dataclass
class Customer:
    cid: str
    book_name: str
    ar_name: str
    latin: list[str]          # Latin spellings, first = the book's if the book is Latin
    form_en: str
    form_ar: str
    kind: str                 # arabic-core, english, person
    iban: str = ""
    owner: str = ""           # a person who sometimes pays from a private account
    series: str = ""
    discount: float = 0.0     # early-payment discount agreed in the master (Discount %)
    invoices: list = field(default_factory=list)


@dataclass
class Invoice:
    no: str
    cid: str
    date: dt.date
    amount: float
    scheme: str
    seq: int
    open: float = 0.0


# ---------------------------------------------------------------------------------------------
# invoice numbering series
# ---------------------------------------------------------------------------------------------
def invoice_no(scheme: str, seq: int, d: dt.date) -> str:
    if scheme == "SI":
        return f"SI-{d.year % 100}/{seq:05d}"
    if scheme == "YINV":
        return f"{d.year}-INV-{seq:04d}"
    if scheme == "F":
        return f"F{d.year}{seq:06d}"
    if scheme == "PLAIN":
        return str(100000 + seq)
    if scheme == "SLASH":
        return f"INV/{d.year}/{d.month:02d}/{seq:04d}"
    if scheme == "AR":
        return "ف-" + f"{d.year}-{seq:04d}".translate(AR_DIGITS)
    raise ValueError(scheme)


def core_number(inv: Invoice) -> tuple[str, str]:
    """(the digits a payer would type as 'the number', the full number without its letters)."""
    no = inv.no.translate(TO_ASCII)
    if inv.scheme == "SI":
        return f"{inv.seq:05d}", no[3:]
    if inv.scheme == "YINV":
        return f"{inv.seq:04d}", no
    if inv.scheme == "F":
        return f"{inv.seq:06d}", no[1:]
    if inv.scheme == "PLAIN":
        return no, no
    if inv.scheme == "SLASH":
        return f"{inv.seq:04d}", no[4:]
    return f"{inv.seq:04d}", no[2:]


def ref_variant(inv: Invoice, style: str, rng: random.Random) -> str:
    """One invoice as a payer writes it in a transfer's remittance field."""
    core, body = core_number(inv)
    stripped = core.lstrip("0") or "0"
    if style == "exact":
        return inv.no
    if style == "no_prefix":
        return rng.choice([body, core]) if inv.scheme != "PLAIN" else core
    if style == "no_leading_zeros":
        if inv.scheme == "PLAIN":
            return core
        return inv.no.translate(TO_ASCII).replace(core, stripped) if inv.scheme != "AR" else stripped
    if style == "extra_zeros":
        return inv.no.translate(TO_ASCII).replace(core, "0" + core) if inv.scheme != "PLAIN" else "0" + core
    if style == "hash":
        return rng.choice(["INV#", "INV #", "Inv#"]) + rng.choice([stripped, core])
    if style == "inv_no":
        return rng.choice(["Inv No. ", "INV NO ", "Invoice No: ", "INV. "]) + rng.choice([inv.no.translate(TO_ASCII), core])
    if style == "bill":
        return rng.choice(["bill ", "BILL NO ", "Bill# "]) + rng.choice([stripped, core])
    if style == "arabic":
        digits = rng.choice([stripped, core])
        if rng.random() < 0.5:
            digits = digits.translate(AR_DIGITS)
        return rng.choice(["فاتورة رقم ", "فاتورة ", "سداد فاتورة "]) + digits
    if style == "spaced":
        s = inv.no.translate(TO_ASCII)
        return rng.choice([re.sub(r"[-/]", " ", s), re.sub(r"[-/ ]", "", s)])
    if style == "typo":
        digits = list(core)
        pos = rng.randrange(max(1, len(digits) - 3), len(digits))
        if rng.random() < 0.5 and pos + 1 < len(digits) and digits[pos] != digits[pos + 1]:
            digits[pos], digits[pos + 1] = digits[pos + 1], digits[pos]
        else:
            digits[pos] = str((int(digits[pos]) + rng.choice([1, 2, 8, 9])) % 10)
        typo = "".join(digits)
        return inv.no.translate(TO_ASCII).replace(core, typo) if inv.scheme != "AR" else typo
    raise ValueError(style)


def multi_ref(invs: list[Invoice], rng: random.Random) -> tuple[str, str]:
    """Several invoices in one remittance field: a list, a list with '&', Arabic 'و', a range."""
    cores = [core_number(i)[0].lstrip("0") for i in invs]
    style = rng.choice(["list", "list", "amp", "arabic", "range", "full_list"])
    if style == "range" and len(invs) >= 2 and len({(i.scheme, i.date.year) for i in invs}) == 1 \
            and invs[0].scheme != "SLASH":
        lo, hi = min(invs, key=lambda i: i.seq), max(invs, key=lambda i: i.seq)
        return f"INV {core_number(lo)[0].lstrip('0')}-{core_number(hi)[0].lstrip('0')}", "range"
    if style == "full_list":
        return " ".join(i.no.translate(TO_ASCII) for i in invs), "multi_full"
    if style == "amp" and len(cores) >= 3:
        return "INV " + ",".join(cores[:-1]) + " & " + cores[-1], "multi_amp"
    if style == "arabic":
        return "فواتير " + " و ".join(cores), "multi_arabic"
    return rng.choice(["INV ", "INVS ", "Inv "]) + ",".join(cores), "multi_list"


# ---------------------------------------------------------------------------------------------
# the book
# ---------------------------------------------------------------------------------------------
COUNTRY = {  # home country per seed: currency, VAT, IBAN country and length, forms, WHT
    "EG": ("EGP", 0.14, "EG", 29, EG_FORMS),
    "AE": ("AED", 0.05, "AE", 23, GULF_FORMS),
    "SA": ("SAR", 0.15, "SA", 24, GULF_FORMS),
}


def iban(country: str, length: int, rng: random.Random) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(length - 4))
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def make_customers(n: int, country: str, rng: random.Random) -> list[Customer]:
    cur, _, ib_c, ib_len, forms = COUNTRY[country]
    seen: set[str] = set()
    cluster: Counter = Counter()   # customers sharing a core / brand / owner: a group, not a crowd
    out: list[Customer] = []
    while len(out) < n:
        r = rng.random()
        form_ar, form_ens = rng.choice(forms)
        form_en = rng.choice(form_ens)
        if r < 0.55:
            core_ar, core_lat = rng.choice(CORES)
            act_ar, act_en = rng.choice(ACTIVITIES)
            key, group, cap = core_ar + act_ar, core_ar, 4
            prefix = rng.choice(["شركة", "شركة", "مؤسسة", "مصنع", "مجموعة"])
            ar = f"{prefix} {core_ar} {act_ar}" + (f" {form_ar}" if form_ar else "")
            latin = [f"{c} {a}" for c in rng.sample(core_lat, len(core_lat)) for a in rng.sample(act_en, 2)]
            kind = "arabic-core"
        elif r < 0.8:
            a, b = rng.choice(ENGLISH_A), rng.choice(ENGLISH_B)
            key, group, cap = a + b, a, 3
            ar = ""
            latin = [f"{a} {b}", f"{a.upper()} {b.upper()}", f"{a.replace(' ', '')} {b}"]
            kind = "english"
        else:
            p_ar, p_lat = rng.choice(PERSONS)
            act_ar, act_en = rng.choice(ACTIVITIES)
            key, group, cap = p_ar + act_ar, p_ar, 1 if rng.random() < 0.9 else 2
            ar = f"مؤسسة {p_ar} {act_ar}"
            latin = [f"{p} {a}" for p in rng.sample(p_lat, len(p_lat)) for a in rng.sample(act_en, 1)]
            form_en, form_ar = rng.choice(["Est.", "Establishment", "Est", ""]), "مؤسسة"
            kind = "person"
        if key in seen or cluster[group] >= cap:
            continue
        seen.add(key)
        cluster[group] += 1
        if kind == "english" or (kind != "english" and rng.random() < 0.45):
            book = latin[0] + (f" {form_en}" if form_en else "")
        else:
            book = ar
        c = Customer(cid="", book_name=book, ar_name=ar, latin=latin, form_en=form_en,
                     form_ar=form_ar, kind=kind)
        if rng.random() < 0.35:
            c.iban = iban(ib_c, ib_len, rng)
        if rng.random() < 0.2:
            c.discount = rng.choice([1.0, 1.5, 2.0])
        if kind != "english" and rng.random() < 0.3:
            c.owner = rng.choice(PERSONS)[1][0]
        out.append(c)
    id_style = rng.choice(["C{:04d}", "CUST-{:05d}", "{:05d}", "1{:04d}"])
    for k, c in enumerate(out):
        c.cid = id_style.format(1001 + k)
    return out


def make_book(n_cust: int, n_inv: int, country: str, month_start: dt.date, rng: random.Random):
    cur, vat, *_ = COUNTRY[country]
    customers = make_customers(n_cust, country, rng)
    schemes_all = ["SI", "YINV", "F", "PLAIN", "SLASH", "AR"]
    schemes = rng.sample(schemes_all, 3) + ["AR" if rng.random() < 0.5 else rng.choice(schemes_all)]
    weights = [1.0 + 0.6 * rng.random() for _ in customers]
    for c in customers:
        c.series = rng.choice(schemes)  # the branch / sales office that bills the customer
    book_start = month_start - dt.timedelta(days=210)
    days = (month_start - book_start).days + 18   # invoices run into the statement month
    counters: Counter = Counter()
    invoices: list[Invoice] = []
    dates = sorted(book_start + dt.timedelta(days=rng.randrange(days)) for _ in range(n_inv))
    for d in dates:
        c = rng.choices(customers, weights)[0]
        scheme = c.series if rng.random() < 0.85 else rng.choice(schemes)
        key = (scheme, d.year, d.month) if scheme == "SLASH" else (scheme, d.year)
        counters[key] += 1
        seq = counters[key] + (0 if scheme != "F" else 0)
        if rng.random() < 0.18:
            amount = float(rng.choice([2500, 5000, 7500, 10000, 12000, 15000, 20000, 25000, 30000, 50000]))
        else:
            net = round(rng.lognormvariate(9.6, 1.0), 0) + rng.choice([0, 0.5, 0.25, 0.75])
            amount = round(net * (1 + vat), 2)
        inv = Invoice(invoice_no(scheme, seq, d), c.cid, d, amount, scheme, seq, amount)
        invoices.append(inv)
        c.invoices.append(inv)
    # receipts recorded before the statement month: old invoices are mostly paid
    payments = []
    pid = 0
    cut = month_start - dt.timedelta(days=1)
    for inv in invoices:
        if inv.date > cut - dt.timedelta(days=5):
            continue
        age = (cut - inv.date).days
        p = 0.9 if age > 120 else 0.75 if age > 75 else 0.55 if age > 45 else 0.3
        if rng.random() >= p:
            continue
        pay_day = min(cut, inv.date + dt.timedelta(days=rng.randint(10, 90)))
        amt = inv.amount if rng.random() > 0.08 else round(inv.amount * rng.choice([0.3, 0.5, 0.6]), 2)
        pid += 1
        payments.append((f"RC-{pid:05d}", inv.cid, pay_day, amt, inv.no))
        inv.open = round(inv.open - amt, 2)
    for c in rng.sample(customers, max(3, len(customers) // 60)):  # unapplied receipts on account
        pid += 1
        payments.append((f"RC-{pid:05d}", c.cid, cut - dt.timedelta(days=rng.randint(5, 60)),
                         float(rng.choice([1000, 2000, 3500, 5000])), None))
    return customers, invoices, payments, cur


def write_book(path: Path, customers, invoices, payments, cur: str, rng: random.Random) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Tax ID", "Phone", "City", "Currency", "Payment Terms",
               "Credit Limit", "Discount %", "Status", "IBAN / Bank Account"])
    for c in customers:
        ws.append([c.cid, c.book_name, f"{rng.randrange(100_000_000, 999_999_999)}",
                   f"01{rng.randrange(0, 3)}{rng.randrange(10_000_000, 99_999_999)}", "",
                   cur, rng.choice([30, 45, 60, 90]), rng.choice([0, 100000, 250000, 500000, 1000000]),
                   c.discount or None, "Active", c.iban])
    wi = wb.create_sheet("Invoices")
    wi.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency", "Amount"])
    for inv in invoices:
        wi.append([inv.no, inv.cid, inv.date, None, cur, inv.amount])
    wp = wb.create_sheet("Payments")
    wp.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for p in payments:
        wp.append(list(p))
    for sheet in (wi, wp):
        for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
            for cell in row:
                cell.number_format = "DD/MM/YYYY"
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# how the payer's name reaches the statement
# ---------------------------------------------------------------------------------------------
def payer_name(c: Customer, style: str, rng: random.Random) -> str:
    book_latin = not re.search(r"[\u0600-\u06FF]", c.book_name)
    if style == "book":
        return c.book_name.upper() if book_latin else c.book_name
    if style == "translit":   # another Latin spelling than the book's (or Latin for an Arabic book)
        pool = c.latin[1:] if book_latin else c.latin
        name = rng.choice(pool or c.latin)
        name = rng.choices([name, name.replace(" ", ""), name.replace("El ", "EL-"),
                            name.replace("Al ", "AL")], [6, 1, 1.5, 1.5])[0]
        if rng.random() < 0.5 and c.form_en:
            name += " " + rng.choice([c.form_en, "CO", "COMPANY"])
        return name.upper()
    if style == "no_legal":
        base = c.book_name if book_latin else rng.choice(c.latin)
        base = LEGAL_WORDS.sub("", base).strip()
        base = re.sub(r"\s*(ش\.م\.م|ذ\.م\.م)$", "", base)
        return base.upper()
    if style == "truncated":
        full = (c.book_name if book_latin else rng.choice(c.latin) + " " + c.form_en).upper()
        return full[: rng.randint(20, 35)].rstrip() if len(full) > 20 else full[: max(8, len(full) - 4)]
    if style == "reordered":
        name = rng.choice(c.latin)
        words = name.split()
        name = " ".join(words[-1:] + words[:-1]) if len(words) >= 3 else " ".join(reversed(words))
        return name.upper()
    if style == "arabic":
        if c.ar_name and book_latin:
            return c.ar_name
        if c.ar_name:  # Arabic book: the bank drops the legal words and the company word
            return re.sub(r"^(شركة|مؤسسة|مصنع|مجموعة) ", "", c.ar_name)
        return c.book_name.upper()
    if style == "owner":
        return (c.owner or rng.choice(PERSONS)[1][0]).upper()
    return ""


# ---------------------------------------------------------------------------------------------
# narratives of several banks
# ---------------------------------------------------------------------------------------------
def trn(rng: random.Random, prefix: str = "", n: int = 10) -> str:
    return prefix + "".join(rng.choice("0123456789") for _ in range(n))


def narrative(channel: str, payer: str, ref: str, rng: random.Random, c: Customer | None) -> str:
    arabic_payer = bool(re.search(r"[\u0600-\u06FF]", payer))
    if channel == "arabic" or (arabic_payer and channel not in ("chq", "cash")):
        s = "حوالة واردة" + (f" من {payer}" if payer else "")
        if ref:
            s += rng.choice([" بخصوص ", " سداد ", " قيمة ", " - "]) + ref
        return s
    if channel == "cib":
        return f"INWARD TRANSFER {trn(rng, '26', 11)} FROM {payer} {ref}".strip()
    if channel == "ipn":
        return f"IPN TRANSFER FROM {payer} 01{trn(rng, '', 9)} {ref}".strip()
    if channel == "qnb":
        return f"INWARD TRF/FT{trn(rng, '263', 5)}{rng.choice('ABCDEFGH')}{trn(rng, '', 3)}/{payer}/{ref}".rstrip("/")
    if channel == "swift":
        return f"SWIFT INWARD {trn(rng, 'TT', 9)} /ORD/{payer} /RFB/{ref or 'PAYMENT'}"
    if channel == "ach":
        return f"CR ACH {trn(rng, '', 8)} {payer} {ref}".strip()
    if channel == "sarie":
        return f"SARIE IN {trn(rng, '', 12)} FROM {payer} {ref}".strip()
    if channel == "ipi":
        return f"IPI TT REF: {trn(rng, '', 9)} {payer} {ref}".strip()
    if channel == "chq":
        bank = rng.choice(["NBE", "BANQUE MISR", "CIB", "QNB ALAHLI", "AAIB", "ADCB", "RIYAD BANK"])
        tail = f" {payer}" if payer and rng.random() < 0.4 else ""
        return f"CHQ DEP NO {trn(rng, '', 6)} {bank} CLG{tail}"
    if channel == "cash":
        return rng.choice(["CASH DEP BY ", "CASH DEPOSIT - ", "ايداع نقدي من "]) + payer + (f" {ref}" if ref else "")
    raise ValueError(channel)


CHANNELS = {
    "EG": ["cib", "cib", "ipn", "qnb", "ach", "arabic", "swift"],
    "AE": ["ipi", "ipi", "swift", "ach", "arabic", "qnb"],
    "SA": ["sarie", "sarie", "swift", "arabic", "ach", "ipi"],
}
LAYOUTS = {  # statement CSV layouts: headers, signed amount or debit/credit, has a bank ref
    "EG": ("debit_credit", ["Posting Date", "Value Date", "Description", "Debit", "Credit", "Balance"], False),
    "AE": ("signed", ["Transaction Date", "Narration", "Amount", "Running Balance", "Transaction ID"], True),
    "SA": ("debit_credit", ["Date", "Transaction ID", "Description", "Debit", "Credit", "Balance",
                            "Counterparty", "Counterparty Account"], True),
}


# ---------------------------------------------------------------------------------------------
# the month of bank lines with its truth
# ---------------------------------------------------------------------------------------------
REF_STYLES = ["exact"] * 6 + ["no_prefix"] * 3 + ["no_leading_zeros", "extra_zeros", "hash",
              "inv_no", "bill", "arabic", "arabic", "spaced", "typo"]
NAME_STYLES = ["book"] * 5 + ["translit"] * 5 + ["no_legal"] * 3 + ["truncated"] * 3 + \
              ["reordered", "arabic", "arabic"]
CASES = [("single", 34), ("single_noref", 10), ("multi_ref", 7), ("multi_noref", 6),
         ("partial", 6), ("on_account", 2), ("fee", 9), ("discount", 8), ("overpay", 3),
         ("wht", 4), ("cheque", 7), ("owner", 3), ("cash_dep", 3)]


def r2(x: float) -> float:
    return round(x + 1e-9, 2)


def make_month(customers, invoices, month_start: dt.date, n_lines: int, country: str,
               rng: random.Random):
    cur = COUNTRY[country][0]
    month_end = (month_start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    n_credit = int(n_lines * rng.uniform(0.72, 0.8))
    n_nonc = int(n_credit * rng.uniform(0.09, 0.13))
    lines = []   # dict(date, desc, amount, counterparty, truth...)
    used: set[str] = set()
    cases = [c for c, w in CASES for _ in range(w) if not (c == "wht" and country != "EG")]

    def open_of(c: Customer, day: dt.date) -> list[Invoice]:
        return [i for i in c.invoices if i.open > 0.5 and i.no not in used and i.date <= day - dt.timedelta(days=2)]

    tries = 0
    while sum(1 for ln in lines if ln["kind"] == "receipt") < n_credit - n_nonc and tries < 20000:
        tries += 1
        day = month_start + dt.timedelta(days=rng.randrange((month_end - month_start).days + 1))
        c = rng.choice(customers)
        opens = sorted(open_of(c, day), key=lambda i: (i.date, i.seq))
        case = rng.choice(cases)
        if (case == "on_account") != (not opens):  # money ahead of billing: nothing is open
            continue
        ref_style, name_style = "none", rng.choice(NAME_STYLES)
        channel = rng.choice(CHANNELS[country])
        allocs: list[tuple[str, str, float]] = []
        gap, gap_kind = 0.0, ""
        ref = ""
        if case in ("single", "fee", "discount", "overpay", "wht", "owner", "partial", "cash_dep",
                    "cheque", "single_noref"):
            inv = rng.choice(opens[:3]) if rng.random() < 0.7 else rng.choice(opens)
            refd = case not in ("single_noref", "cheque") and not (case == "fee" and rng.random() < 0.3)
            if refd:
                ref_style = rng.choice(REF_STYLES)
                ref = ref_variant(inv, ref_style, rng)
            amount = inv.open
            if case == "fee":
                gap = float(rng.randint(10, 75)) if cur == "EGP" else float(rng.choice([10, 15, 25, 35, 52.5]))
                amount, gap_kind = r2(inv.open - gap), "fee"
            elif case == "discount":
                if not c.discount and rng.random() < 0.7:
                    continue  # most discounts taken are the ones agreed in the master
                rate = c.discount / 100 if c.discount else rng.choice([0.01, 0.015, 0.02])
                case = "discount" if c.discount else "discount_unagreed"
                gap = r2(inv.open * rate)
                amount, gap_kind = r2(inv.open - gap), f"discount {rate:.1%}"
            elif case == "wht":
                gap = r2(inv.open / 1.14 * 0.01)
                amount, gap_kind = r2(inv.open - gap), "wht 1% of net"
            elif case == "partial":
                amount = r2(max(500.0, round(inv.open * rng.uniform(0.25, 0.7), -2)))
                if amount >= inv.open:
                    continue
                ref = (rng.choice(["PART PAYMENT ", "PARTIAL ", "دفعة من ", "ON ACC "]) + ref) if ref else ""
            if case == "overpay":
                excess = r2(rng.choice([round(inv.open + 499, -3) - inv.open, inv.open * 0.1, 1000.0]))
                if excess < 1:
                    excess = 1000.0
                if any(abs(o.open - excess) < 0.01 for o in opens if o is not inv):
                    continue  # an 'excess' that is another open invoice is a payment of both
                allocs = [(inv.no, c.cid, inv.open), ("", c.cid, excess)]
                amount = r2(inv.open + excess)
            else:
                allocs = [(inv.no, c.cid, amount)]
            used.add(inv.no)
            if case == "owner":
                name_style = "owner"
            if case == "cheque":
                channel = "chq"
            if case == "cash_dep":
                channel = "cash"
        elif case in ("multi_ref", "multi_noref"):
            if len(opens) < 2:
                continue
            k = rng.randint(2, min(4, len(opens)))
            invs = opens[:k] if rng.random() < 0.7 else sorted(rng.sample(opens, k), key=lambda i: i.seq)
            if case == "multi_ref":
                ref, ref_style = multi_ref(invs, rng)
                if ref_style == "range":  # a range names every invoice of the customer inside it
                    lo, hi = min(i.seq for i in invs), max(i.seq for i in invs)
                    same = {i.scheme for i in invs}
                    if len(same) > 1:
                        continue
                    invs = [i for i in opens if i.scheme in same and lo <= i.seq <= hi]
            allocs = [(i.no, c.cid, i.open) for i in invs]
            amount = r2(sum(i.open for i in invs))
            used.update(i.no for i in invs)
        else:  # on_account: money ahead of the invoice, or an instalment on no invoice
            amount = float(rng.choice([5000, 10000, 15000, 20000, 25000]))
            allocs = [("", c.cid, amount)]
            ref = rng.choice(["ADVANCE PAYMENT", "ON ACCOUNT", "دفعة مقدمة", "PAYMENT"])
        payer = payer_name(c, name_style, rng)
        if name_style in ("translit", "no_legal", "truncated", "reordered") and c.ar_name and \
                any(t.upper() in payer.upper() for t in TRANSLATIONS) and \
                not any(t.upper() in c.book_name.upper() for t in TRANSLATIONS):
            name_style += " (translated word)"
        if channel == "chq" and rng.random() < 0.6:
            name_style = "none (cheque)"
        desc = narrative(channel, payer if name_style != "none (cheque)" else "", ref, rng, c)
        counterparty, account = "", ""
        if "Counterparty" in LAYOUTS[country][1] and channel not in ("chq", "cash"):
            counterparty = payer[: rng.randint(20, 35)]
        if c.iban and name_style != "owner" and channel not in ("chq", "cash", "ipn") and rng.random() < 0.6:
            account = c.iban   # the remitter's account: a column where the bank has one, else in the text
            if "Counterparty Account" not in LAYOUTS[country][1]:
                if rng.random() < 0.5:
                    desc += f" A/C {c.iban}"
                else:
                    account = ""
        lines.append(dict(date=day, desc=desc, amount=amount, counterparty=counterparty, account=account,
                          kind="receipt", case=case, ref_style=ref_style, name_style=name_style,
                          channel=channel, allocs=allocs, gap=gap, gap_kind=gap_kind, cid=c.cid,
                          customer=c.book_name))
    for _ in range(n_nonc):
        day = month_start + dt.timedelta(days=rng.randrange((month_end - month_start).days + 1))
        what = rng.choice(["interest", "loan", "own_transfer", "supplier_refund", "cash_unknown",
                           "pos", "fx", "reversal"])
        if what == "interest":
            desc = rng.choice(["CREDIT INTEREST", "INTEREST CAPITALISATION", "فوائد دائنة", "PROFIT PAID - WAKALA"])
            amount = r2(rng.uniform(150, 9000))
        elif what == "loan":
            desc = rng.choice([f"LOAN DISBURSEMENT {trn(rng, 'LD', 8)}", f"DRAWDOWN ST LOAN {trn(rng, '', 7)}",
                               "صرف قرض قصير الأجل"])
            amount = float(rng.choice([250000, 500000, 1000000, 1500000]))
        elif what == "own_transfer":
            desc = rng.choice([f"TRF FROM A/C {trn(rng, '', 13)} OWN ACCOUNT", "تحويل بين حسابات العميل",
                               f"INTERNAL TRANSFER FROM USD A/C {trn(rng, '', 10)}", "BOOK TRANSFER FROM SAVINGS"])
            amount = float(rng.choice([10000, 20000, 50000, 100000, 200000, 300000]))
        elif what == "supplier_refund":
            sup = rng.choice(SUPPLIERS)
            desc = rng.choice([f"INWARD TRANSFER FROM {sup} REFUND INV {rng.randint(1000, 99999)}",
                               f"REFUND FROM {sup}", f"حوالة واردة من {sup} استرداد"])
            amount = r2(rng.uniform(300, 40000))
        elif what == "cash_unknown":
            desc = rng.choice(["CASH DEPOSIT", "ايداع نقدي", f"CASH DEP BRANCH {rng.randint(1, 450):04d}", "CDM DEPOSIT"])
            amount = float(rng.choice([1000, 3000, 5000, 7500, 12000, 20000]))
        elif what == "pos":
            desc = f"POS SETTLEMENT MID {trn(rng, '', 9)} {day:%d%m}"
            amount = r2(rng.uniform(2000, 60000))
        elif what == "fx":
            desc = rng.choice([f"FX DEAL {trn(rng, 'FX', 6)} SELL USD", "CONVERSION USD TO " + cur,
                               f"بيع عملة اجنبية {trn(rng, '', 6)}"])
            amount = r2(rng.uniform(20000, 800000))
        else:
            desc = rng.choice(["REVERSAL OF CHARGES", "REV COMMISSION OVERCHARGED", "عكس عمولة"])
            amount = r2(rng.uniform(10, 600))
        lines.append(dict(date=day, desc=desc, amount=amount, counterparty="", kind="non-customer",
                          account="", case="non-customer:" + what, ref_style="-", name_style="-", channel="-",
                          allocs=[], gap=0.0, gap_kind="", cid="", customer=""))
    n_debit = n_lines - len(lines)
    for _ in range(max(0, n_debit)):
        day = month_start + dt.timedelta(days=rng.randrange((month_end - month_start).days + 1))
        desc = rng.choice([f"OUTWARD TRANSFER TO {rng.choice(SUPPLIERS)}", "SALARIES PAYROLL",
                           f"CHQ {trn(rng, '', 6)} PAID", "TRANSFER CHARGES", "COMMISSION ON TRANSFER",
                           "STAMP DUTY", "سحب نقدي", f"TAX AUTHORITY PAYMENT {trn(rng, '', 8)}"])
        amount = -r2(rng.uniform(15, 250000) if "CHARGE" not in desc and "COMM" not in desc else rng.uniform(5, 300))
        lines.append(dict(date=day, desc=desc, amount=amount, counterparty="", account="", kind="debit",
                          case="debit",
                          ref_style="-", name_style="-", channel="-", allocs=[], gap=0.0, gap_kind="",
                          cid="", customer=""))
    lines.sort(key=lambda ln: ln["date"])
    rng.shuffle(lines)
    lines.sort(key=lambda ln: ln["date"])
    return lines


def write_statement(path: Path, lines: list[dict], country: str, rng: random.Random) -> None:
    kind, headers, has_ref = LAYOUTS[country]
    bal = round(rng.uniform(300000, 3000000), 2)
    import csv
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(headers)
        for n, ln in enumerate(lines, 1):
            bal = r2(bal + ln["amount"])
            ln["id"] = f"FT{ln['date']:%y%j}{n:05d}" if has_ref else str(n)
            d = ln["date"].strftime("%d/%m/%Y")
            amt = ln["amount"]
            if country == "EG":
                vd = (ln["date"] + dt.timedelta(days=1)).strftime("%d/%m/%Y")
                w.writerow([d, vd, ln["desc"], f"{-amt:,.2f}" if amt < 0 else "",
                            f"{amt:,.2f}" if amt > 0 else "", f"{bal:,.2f}"])
            elif country == "AE":
                w.writerow([ln["date"].strftime("%d-%b-%Y"), ln["desc"], f"{amt:.2f}", f"{bal:.2f}", ln["id"]])
            else:
                w.writerow([d, ln["id"], ln["desc"], f"{-amt:.2f}" if amt < 0 else "",
                            f"{amt:.2f}" if amt > 0 else "", f"{bal:.2f}", ln["counterparty"], ln["account"]])


# ---------------------------------------------------------------------------------------------
# run the command and score
# ---------------------------------------------------------------------------------------------
def norm_inv(x) -> str:
    if x is None:
        return ""
    s = str(x).strip().translate(TO_ASCII)
    return "" if s.lower() in ("nan", "none") else s


def key(inv, cid, amt) -> tuple[str, str, float]:
    return norm_inv(inv), str(cid or "").strip(), round(float(amt or 0), 2)


def read_tab(path: Path, tab: str, first: str) -> list[dict]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    if tab not in wb.sheetnames:
        return []
    rows = list(wb[tab].iter_rows(values_only=True))
    for k, row in enumerate(rows[:5]):
        if row and first in row:
            head = [str(h) if h is not None else "" for h in row]
            return [dict(zip(head, r, strict=False)) for r in rows[k + 1:] if r and r[0] is not None]
    return []


def score(lines: list[dict], matches: list[dict], unmatched: list[dict]) -> dict:
    by_line: dict[str, list[dict]] = defaultdict(list)
    for m in matches:
        by_line[str(m["Bank Line"])].append(m)
    reasons = {str(u["Bank Line"]): u.get("Reason") or "" for u in unmatched}
    truth = {ln["id"]: ln for ln in lines}
    res = dict(receipts=0, right=0, suggested=0, unmatched=0, wrong_matched_receipts=0,
               matched_allocs=0, matched_true=0, inflows=0, inflows_matched=0,
               gap_cases=0, gap_closed=0)
    fails, wrong_allocs, outcomes, open_gaps = [], [], [], []
    for lid, ln in truth.items():
        got = by_line.get(lid, [])
        want = {key(*a) for a in ln["allocs"]}
        for m in got:
            if m["Status"] == "Matched":
                res["matched_allocs"] += 1
                ok = key(m["Invoice No"], m["Customer ID"], m["Applied Amount"]) in want
                res["matched_true"] += ok
                if not ok:
                    wrong_allocs.append((ln, m))
        if ln["kind"] == "non-customer":
            res["inflows"] += 1
            res["inflows_matched"] += any(m["Status"] == "Matched" for m in got)
            continue
        if ln["kind"] != "receipt":
            continue
        res["receipts"] += 1
        have = {key(m["Invoice No"], m["Customer ID"], m["Applied Amount"]) for m in got}
        status = {m["Status"] for m in got}
        if have == want and status == {"Matched"}:
            res["right"] += 1
            outcomes.append((ln, "right"))
            if ln["gap"]:
                res["gap_cases"] += 1
                closed = sum(float(m.get("Write-off") or 0) + float(m.get("Withholding Tax") or 0) for m in got)
                if abs(closed - ln["gap"]) < 0.015:
                    res["gap_closed"] += 1
                else:
                    open_gaps.append((ln, got))
            continue
        if not got:
            res["unmatched"] += 1
            what = "Unmatched"
        elif "Matched" not in status:
            res["suggested"] += 1
            what = "right but Suggested" if have == want else "wrong Suggested"
        else:
            res["wrong_matched_receipts"] += 1 if have != want else 0
            what = "WRONG Matched" if have != want else "right, partly Suggested"
        fails.append((what, ln, got, reasons.get(lid, "")))
        outcomes.append((ln, what))
    res["outcomes"], res["open_gaps"] = outcomes, open_gaps
    return res, fails, wrong_allocs


def fmt_alloc(allocs) -> str:
    return "; ".join(f"{i or '(on account)'} {a:,.2f}" for i, _, a in allocs) or "-"


def fmt_got(got: list[dict]) -> str:
    if not got:
        return "nothing"
    out = []
    for m in got:
        wo = float(m.get("Write-off") or 0) + float(m.get("Withholding Tax") or 0)
        out.append(f"{norm_inv(m['Invoice No']) or '(on account)'} {m['Customer ID']} "
                   f"{float(m['Applied Amount']):,.2f}{f' w/o {wo:,.2f}' if wo else ''} "
                   f"[{m['Method']} {m['Status']} {float(m['Confidence'] or 0):.2f}]")
    return "; ".join(out)


def gap_text(ln: dict) -> str:
    return f" less {ln['gap_kind']} {ln['gap']:,.2f}" if ln["gap"] else ""


def miss_cause(what: str, got: list[dict], reason: str) -> str:
    """A miss's cause as the matcher states it: the outcome, the rules it used and its reason
    without amounts, invoice numbers and names (the text before the first ';' that says how the
    payer was known is kept as 'payer by ...')."""
    if not got:
        why = reason
    else:
        methods = "+".join(sorted({str(m.get("Method")) for m in got}))
        why = f"{methods}: " + str(got[0].get("Reason") or "")
    why = re.sub(r"\([^)]*\)", "", why)           # scores, amounts in brackets
    why = re.sub(r"[^;:,]*\d[^;:,]*", " # ", why)  # clauses with numbers: invoice, amounts
    why = re.sub(r"\s+", " ", why).strip()
    return f"{what} | {why[:150]}"


def print_misses(fails: list) -> None:
    """Every receipt not fully right and Matched, grouped by ``miss_cause``."""
    groups: dict[str, list] = defaultdict(list)
    for seed, what, ln, got, reason in fails:
        groups[miss_cause(what, got, reason)].append((seed, ln, got))
    print(f"\nmisses by cause: {len(fails)} receipts in {len(groups)} causes")
    for cause, items in sorted(groups.items(), key=lambda x: (-len(x[1]), x[0])):
        cases = Counter(ln["case"] for _, ln, _ in items)
        print(f"  {len(items):4d}  {cause}\n        cases: "
              + ", ".join(f"{c} {n}" for c, n in cases.most_common()))
        for seed, ln, got in items:
            print(f"        s{seed} {ln['id']} {ln['case']}/{ln['ref_style']}/{ln['name_style']} "
                  f"{ln['amount']:,.2f}{gap_text(ln)} {ln['desc']!r} cp={ln['counterparty']!r} "
                  f"truth: {fmt_alloc(ln['allocs'])} {ln['cid']} | ours: {fmt_got(got)}")


def case_label(ln: dict) -> str:
    if ln["kind"] == "non-customer":
        return ln["case"]
    return f"{ln['case']} / ref:{ln['ref_style']}"


def run_seed(seed: int, n_lines: int, n_cust: int, n_inv: int, workdir: Path) -> tuple[dict, list, list]:
    rng = random.Random(seed)
    country = ["EG", "AE", "SA"][(seed - 1) % 3]
    month_start = dt.date(2026, 10, 1)
    customers, invoices, payments, cur = make_book(n_cust, n_inv, country, month_start, rng)
    lines = make_month(customers, invoices, month_start, n_lines, country, rng)
    book, bank, out = workdir / f"book_{seed}.xlsx", workdir / f"bank_{seed}.csv", workdir / f"out_{seed}.xlsx"
    write_book(book, customers, invoices, payments, cur, rng)
    write_statement(bank, lines, country, rng)
    (workdir / f"truth_{seed}.json").write_text(json.dumps(lines, default=str, ensure_ascii=False, indent=0))
    out.unlink(missing_ok=True)  # an earlier OUT would be read as a person's review of its rows
    t0 = time.perf_counter()
    p = subprocess.run([ARCMD, "reconcile", str(book), "--bank", str(bank), "--as-of", "2026-10-31",
                        "-o", str(out)], capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"seed {seed}: ar-excel exited {p.returncode}: {p.stderr.strip()[-500:]}")
    matches = read_tab(out, "Bank Matches", "Bank Line")
    unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
    res, fails, wrong = score(lines, matches, unmatched)
    res.update(seconds=secs, country=country, currency=cur, lines=len(lines), customers=len(customers),
               invoices=len(invoices), open_invoices=sum(1 for i in invoices if i.open > 0.5))
    return res, fails, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--lines", type=int, default=800)
    ap.add_argument("--customers", type=int, default=450)
    ap.add_argument("--invoices", type=int, default=3500)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="leave the files of each seed here")
    ap.add_argument("--misses", action="store_true",
                    help="list every receipt not fully right and Matched, grouped by cause")
    a = ap.parse_args(argv)
    work = a.keep or Path(tempfile.mkdtemp(prefix="indep_month_"))
    work.mkdir(parents=True, exist_ok=True)
    all_fails, all_wrong, all_outcomes, all_gaps = [], [], [], []
    print(f"{'seed':>4} {'home':>4} {'lines':>5} {'receipts':>8} {'right':>7} {'precision':>9} "
          f"{'inflows':>7} {'suggested':>9} {'unmatched':>9} {'wrongM':>6} {'gaps closed':>11} {'secs':>5}")
    for seed in [int(s) for s in a.seeds.split(",") if s.strip()]:
        res, fails, wrong = run_seed(seed, a.lines, a.customers, a.invoices, work)
        all_fails += [(seed, *f) for f in fails]
        all_wrong += [(seed, *w) for w in wrong]
        n = res["receipts"] or 1
        prec = res["matched_true"] / res["matched_allocs"] if res["matched_allocs"] else 1.0
        print(f"{seed:4d} {res['country']:>4} {res['lines']:5d} {res['receipts']:8d} {res['right'] / n:7.1%} "
              f"{prec:9.2%} {res['inflows_matched'] / max(1, res['inflows']):7.1%} "
              f"{res['suggested'] / n:9.1%} {res['unmatched'] / n:9.1%} {res['wrong_matched_receipts']:6d} "
              f"{res['gap_closed']:>5d}/{res['gap_cases']:<5d} {res['seconds']:5.0f}")
        all_outcomes += res["outcomes"]
        all_gaps += [(seed, ln, got) for ln, got in res["open_gaps"]]
    print(f"\nfiles in {work}")
    print("\nreceipts by case (all seeds): n, fully right and Matched, WRONG Matched, Suggested, unmatched")
    table: dict[str, Counter] = defaultdict(Counter)
    for ln, what in all_outcomes:
        table[ln["case"]][what] += 1
    for case, cnt in sorted(table.items(), key=lambda x: -sum(x[1].values())):
        n = sum(cnt.values())
        sug = cnt["right but Suggested"] + cnt["wrong Suggested"]
        print(f"  {case:14s} {n:5d}  right {cnt['right'] / n:6.1%}  wrongM {cnt['WRONG Matched']:3d}  "
              f"suggested {sug:3d}  unmatched {cnt['Unmatched']:3d}")
    print(f"\nright and Matched but the gap (fee / discount / tax) left open on the invoice: {len(all_gaps)}")
    for seed, ln, got in all_gaps[: a.examples]:
        print(f"        s{seed} line {ln['id']}: {ln['desc']!r}{gap_text(ln)} | ours: {fmt_got(got)}")
        print(f"          reason: {str(got[0].get('Reason'))[:200]!r}")
    # every wrong Matched allocation, by case
    print(f"\nWRONG Matched allocations: {len(all_wrong)}")
    groups: dict[str, list] = defaultdict(list)
    for seed, ln, m in all_wrong:
        groups[case_label(ln)].append((seed, ln, m))
    for label, items in sorted(groups.items(), key=lambda x: -len(x[1])):
        print(f"  {len(items):4d}  {label}")
        for seed, ln, m in items[: a.examples]:
            print(f"        s{seed} line {ln['id']}: {ln['desc']!r} cp={ln['counterparty']!r} "
                  f"cust={ln['cid']} {ln['customer']!r} name:{ln['name_style']} amount {ln['amount']:,.2f}"
                  f"{gap_text(ln)}{' +IBAN' if ln['account'] else ''}")
            print(f"          truth: {fmt_alloc(ln['allocs'])} | ours: {norm_inv(m['Invoice No'])} "
                  f"{m['Customer ID']} {float(m['Applied Amount']):,.2f} [{m['Method']}] reason: {m.get('Reason')!r}")
    # receipts not fully right, by outcome and case
    print(f"\nreceipts not fully right and Matched: {len(all_fails)}")
    groups = defaultdict(list)
    for seed, what, ln, got, reason in all_fails:
        groups[(what, case_label(ln))].append((seed, ln, got, reason))
    for (what, label), items in sorted(groups.items(), key=lambda x: -len(x[1])):
        print(f"  {len(items):4d}  {what:24s} {label}")
        for seed, ln, got, reason in items[: a.examples]:
            why = reason or "; ".join(str(m.get("Reason") or "") for m in got[:2])
            print(f"        s{seed} line {ln['id']}: {ln['desc']!r} cp={ln['counterparty']!r} "
                  f"cust={ln['cid']} {ln['customer']!r} name:{ln['name_style']} amount {ln['amount']:,.2f}"
                  f"{gap_text(ln)}{' +IBAN' if ln['account'] else ''}")
            print(f"          truth: {fmt_alloc(ln['allocs'])} | ours: {fmt_got(got)}")
            print(f"          reason: {why[:220]!r}")
    by = {"case": Counter(), "ref style": Counter(), "name style": Counter(), "outcome": Counter()}
    for _, what, ln, _, _ in all_fails:
        by["case"][ln["case"]] += 1
        by["ref style"][ln["ref_style"]] += 1
        by["name style"][ln["name_style"]] += 1
        by["outcome"][what] += 1
    for k, cnt in by.items():
        print(f"  by {k}: " + ", ".join(f"{c} {n}" for c, n in cnt.most_common()))
    if a.misses:
        print_misses(all_fails)
    return 0


if __name__ == "__main__":
    sys.exit(main())
