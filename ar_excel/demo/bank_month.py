"""A realistic month of bank statement lines against a ledger, with the true allocations.

What a month at an Egyptian or Gulf company's bank holds, in roughly these shares of the
credits: receipts naming their invoice as written, or reformatted (no dashes, lower case, the
numeric part only, ``INV``/``فاتورة رقم`` words, Arabic-Indic digits, split by line
wrapping), with a mistyped digit, with no reference at all (the payer shown only by account
or by name, Arabic or transliterated the way the payer's bank registered it, upper case, cut
at 35 characters), one transfer for several invoices, part payments, short payments
(bank charges, a small discount), overpayments, payments by a third party; and inflows that
are not customer receipts (interest, loan drawdowns, own-account transfers, refunds,
unidentified cash, card settlements), some with amounts or numbers that look like an open
invoice's. Debits (suppliers, salaries, fees, taxes) make up the rest.

The truth is returned separately and nothing of it is encoded in the lines: bank ids are
random, the order is by date, names are transliterated by this module's own rules (with the
variety of real banks), not by the matcher's.

``make_bank_month(customers, invoices, payments, month_start, n_lines, seed)`` ->
``(lines, truth)``: ``lines`` has the statement columns of ``ar_excel.bank.statement``;
``truth`` one row per true allocation: Bank Line, Kind, Invoice No (None = on account or not
a receipt), Customer ID, Amount (Kind ``recorded``: a receipt the books already hold, with
``recorded=True``). ``write_statement_csv`` writes the lines as a bank CSV export.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from ar_excel.bank.statement import COLUMNS as STATEMENT_COLUMNS
from ar_excel.core.ledger import open_items
from ar_excel.demo.identities import to_arabic_digits
from ar_excel.names import ARABIC_CHAR

TRUTH_COLUMNS = ["Bank Line", "Kind", "Invoice No", "Customer ID", "Amount"]
FIELD_WIDTH = 35  # the name field of most bank statement layouts

# Shares of the customer receipts by case (they sum to 1).
RECEIPT_CASES = (
    ("ref-exact", 0.28), ("ref-reformatted", 0.22), ("ref-typo", 0.04),
    ("no-ref-account", 0.12), ("no-ref-name", 0.10), ("multi", 0.09), ("partial", 0.05),
    ("fee-short", 0.06), ("overpaid", 0.025), ("third-party", 0.015),
)
NON_CUSTOMER = (("interest", 0.2), ("loan", 0.1), ("own transfer", 0.2), ("refund", 0.2),
                ("cash", 0.2), ("card sales", 0.1))

# --- transliteration as the payer's bank does it: several spellings per letter -------------
_LETTERS = {
    "ب": ["b"], "ت": ["t"], "ث": ["th", "s", "t"], "ج": ["g", "j"], "ح": ["h"], "خ": ["kh"],
    "د": ["d"], "ذ": ["z", "dh", "th"], "ر": ["r"], "ز": ["z"], "س": ["s"], "ش": ["sh"],
    "ص": ["s"], "ض": ["d", "z"], "ط": ["t"], "ظ": ["z", "dh"], "ع": ["a", "", "'"],
    "غ": ["gh"], "ف": ["f"], "ق": ["k", "q"], "ك": ["k"], "ل": ["l"], "م": ["m"], "ن": ["n"],
    "ه": ["h"], "و": ["ou", "o", "oo", "w", "u"], "ي": ["i", "ee", "y", "ei"], "ى": ["a"],
    "ة": ["a", "ah", "a", "eh"], "ا": ["a", "aa"], "أ": ["a", "e"], "إ": ["e", "i"],
    "آ": ["a"], "ء": [""], "ئ": ["e", "a"], "ؤ": ["o", "u"],
}
_PHRASES = {
    "للتجارة": ["TRADING", "FOR TRADING", "TRDG", "TRADING CO"],
    "والتوزيع": ["AND DISTRIBUTION", "& DIST", "DISTRIBUTION"],
    "للصناعات": ["INDUSTRIES", "FOR INDUSTRIES", "IND"], "الغذائية": ["FOOD", "FOODS"],
    "للأدوية": ["PHARMA", "PHARMACEUTICALS", "FOR PHARMA"],
    "للمقاولات": ["CONTRACTING", "FOR CONTRACTING", "CONTRACTORS"],
    "للاستيراد": ["IMPORT", "FOR IMPORT", "IMP"], "والتصدير": ["AND EXPORT", "& EXPORT", "EXP"],
    "للتوريدات": ["SUPPLIES", "FOR SUPPLIES", "SUPPLY"], "لمواد": ["BUILDING", "FOR BUILDING"],
    "البناء": ["MATERIALS", "MAT"], "للحديد": ["STEEL", "IRON"], "والصلب": ["AND STEEL", ""],
    "للبلاستيك": ["PLASTICS", "PLASTIC"], "للإلكترونيات": ["ELECTRONICS"],
    "للخدمات": ["SERVICES", "SERV"], "اللوجستية": ["LOGISTICS", "LOGISTIC"],
    "للورق": ["PAPER", "FOR PAPER"], "للمنسوجات": ["TEXTILES", "TEXTILE"],
    "للكيماويات": ["CHEMICALS", "CHEM"], "للتغليف": ["PACKAGING", "PACKING"],
    "للمستلزمات": ["MEDICAL", "MED"], "الطبية": ["SUPPLIES", "SUPP"], "للسيارات": ["MOTORS", "CARS"],
    "للمنتجات": ["AGRO", "AGRICULTURAL"], "الزراعية": ["PRODUCTS", ""],
    "للأجهزة": ["HOME", "APPLIANCES"], "المنزلية": ["APPLIANCES", ""],
    "شركة": ["", "", "CO", "COMPANY"], "مؤسسة": ["EST", "", "ESTABLISHMENT"],
    "مجموعة": ["GROUP", "GRP"], "مصنع": ["FACTORY", ""], "معرض": ["SHOWROOM", "GALLERY", ""],
    "مكتب": ["OFFICE", ""], "إخوان": ["BROS", "BROTHERS"], "وشركاه": ["AND PARTNERS", "& CO", ""],
    "ش.م.م": ["", "SAE", "LLC"], "ش.م.م.": ["", "SAE"], "ذ.م.م": ["LLC", ""],
    "ش.ذ.م.م": ["LLC", ""], "م.ح": ["FZE", ""], "المحدودة": ["LTD", "LIMITED", ""],
}


def transliterate(name: str, rng: np.random.Generator) -> str:
    """An Arabic name the way a bank prints it in Latin letters (one of many spellings)."""
    out: list[str] = []
    for word in name.split():
        if word in _PHRASES:
            out.append(_PHRASES[word][rng.integers(0, len(_PHRASES[word]))])
            continue
        article = ""
        if word.startswith("وال") and len(word) > 4 and rng.random() < 0.5:
            out.append("AND")
            word = word[1:]
        if word.startswith("ال") and len(word) > 3:
            article = ["AL ", "EL ", "AL-", "EL-", "AL", "EL"][rng.integers(0, 6)]
            word = word[2:]
        latin = []
        for k, ch in enumerate(word):
            opts = _LETTERS.get(ch, [""])
            if ch in "وي" and k == 0:
                opts = ["w"] if ch == "و" else ["y"]
            piece = opts[rng.integers(0, len(opts))]
            if piece and piece[-1] not in "aeiouy'" and k < len(word) - 1 and ch not in "اويى":
                nxt = word[k + 1]
                if nxt not in "اويىة" and rng.random() < 0.6:
                    piece += "aeoaiu"[rng.integers(0, 6)]  # the short vowel Arabic does not write
            latin.append(piece)
        out.append(article + "".join(latin))
    return " ".join(w for w in " ".join(out).upper().split())


def bank_name(name: str, rng: np.random.Generator, arabic_ok: bool) -> str:
    """The payer's name as printed: Arabic as is (some Egyptian banks), transliterated or the
    English name in capitals, legal forms shortened, cut at the field width."""
    is_arabic = bool(ARABIC_CHAR.search(name))
    if is_arabic and arabic_ok and rng.random() < 0.3:
        printed = name
    elif is_arabic:
        printed = transliterate(name, rng)
    else:
        printed = name.upper()
        for a, b in ((" S.A.E.", [" SAE", "", " S.A.E"]), (" & CO.", [" & CO", " AND CO", ""]),
                     (" CO.", [" CO", " COMPANY", ""]), (" LLC", [" LLC", " L.L.C", ""]),
                     (" EST.", [" EST", " ESTABLISHMENT"]), ("&", ["&", "AND"]),
                     ("AL ", ["AL ", "AL-", "EL "])):
            if a in printed:
                printed = printed.replace(a, b[rng.integers(0, len(b))])
    printed = " ".join(printed.split())
    return printed[:FIELD_WIDTH].rstrip()


# --- invoice references as customers type them ----------------------------------------------


def _parts(number: str) -> tuple[str, str, str]:
    """INV-2026-00123 -> ("INV", "2026", "00123"); other shapes degrade gracefully."""
    bits = [b for b in number.replace("/", "-").split("-") if b]
    if len(bits) >= 3:
        return bits[0], bits[-2], bits[-1]
    if len(bits) == 2:
        return bits[0], "", bits[1]
    return "", "", number


def reformat(number: str, rng: np.random.Generator) -> str:
    prefix, year, seq = _parts(number)
    short = seq.lstrip("0") or seq
    forms = [
        number.replace("-", ""), number.lower(), number.replace("-", " "), f"{year}-{seq}",
        f"{year}{seq}", seq, short, f"INV {short}", f"INVOICE NO {year}/{short}",
        f"Inv#{seq}", f"فاتورة رقم {short}", to_arabic_digits(f"فاتورة رقم {number}"),
        to_arabic_digits(f"فاتورة {short}"), f"INV NO.{short}",
        number[: len(number) - 3] + " " + number[len(number) - 3:],  # wrapped at the line end
        f"{prefix}{year}/{seq}",
    ]
    return forms[rng.integers(0, len(forms))]


def mistype(number: str, rng: np.random.Generator) -> str:
    """One wrong, or two swapped, digits in the sequence part."""
    prefix, year, seq = _parts(number)
    s = list(seq)
    idx = [i for i, c in enumerate(s) if c.isdigit()]
    if len(idx) >= 2 and rng.random() < 0.35:
        i = idx[-2 - int(rng.integers(0, min(2, len(idx) - 1)))]
        if s[i] != s[i + 1]:
            s[i], s[i + 1] = s[i + 1], s[i]
            return number[: len(number) - len(seq)] + "".join(s)
    i = idx[-1 - int(rng.integers(0, min(3, len(idx))))]
    s[i] = str((int(s[i]) + int(rng.integers(1, 9))) % 10)
    return number[: len(number) - len(seq)] + "".join(s)


def multi_reference(numbers: list[str], rng: np.random.Generator) -> str:
    shorts = [(_parts(n)[2].lstrip("0") or n) for n in numbers]
    forms = [" / ".join(numbers), "INV " + ", ".join(shorts), "INVS " + "+".join(shorts),
             " ".join(numbers).lower(), "فواتير " + " و ".join(shorts),
             "INVOICES " + ", ".join(shorts[:-1]) + " AND " + shorts[-1]]
    return forms[rng.integers(0, len(forms))]


# --- narratives ------------------------------------------------------------------------------
def _bank_ref(rng: np.random.Generator, prefix: str = "FT") -> str:
    return f"{prefix}{rng.integers(26300, 26335)}{''.join(rng.choice(list('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'), 6))}"


def receipt_narrative(rng: np.random.Generator, region: str, name: str | None, ref: str | None,
                      account: str | None) -> str:
    n = name or ""
    r = ref or ""
    a = account or ""
    if region == "EG":
        forms = [f"INWARD TRANSFER FROM {n} {r}", f"IPN TRANSFER {n} REF {r}",
                 f"حوالة واردة من {n} سداد {r}", f"ACH CREDIT {n} /REF/{r}",
                 f"TRF FROM {a} {n} {r}", f"CHQ DEPOSIT {rng.integers(10**6, 10**7)} {n} {r}",
                 f"تحويل وارد {n} {r}", f"INCOMING SWIFT {n} INV {r}"]
    elif region == "GULF":
        forms = [f"IPI TT REF: {_bank_ref(rng, 'TT')} {n} /{r}", f"FUNDS TRANSFER FROM {a} {n} PAYMENT FOR {r}",
                 f"UAEFTS CREDIT {n} {r}", f"SARIE TRANSFER {n} {r}", f"INWARD REMITTANCE {n} {r}",
                 f"CHEQUE DEPOSIT CLEARING {n} {r}", f"حوالة واردة {n} {r}"]
    else:
        forms = [f"SEPA CREDIT TRANSFER EREF: NOTPROVIDED SVWZ+ {r} ABWA+ {n}",
                 f"/ORDP/{n}/REMI/{r}", f"INCOMING PAYMENT {n} {r}", f"CREDIT TRANSFER {r} {n}"]
    text = forms[rng.integers(0, len(forms))]
    return " ".join(text.split())


def _plain_remark(rng: np.random.Generator) -> str:
    forms = ["PAYMENT", "SUPPLIER PAYMENT", "مستحقات", "دفعة تحت الحساب", "SETTLEMENT", "",
             "PAYMENT OCT", "سداد مستحقات", "AGAINST STATEMENT", f"PO {rng.integers(4_500_000, 4_599_999)}",
             f"OUR REF PAY-{rng.integers(1000, 99999)}", "BAL PAYMENT"]
    return forms[rng.integers(0, len(forms))]


def _region(currency: str) -> str:
    return {"EGP": "EG", "SAR": "GULF", "AED": "GULF"}.get(currency, "EU")


def _non_customer(rng: np.random.Generator, kind: str, look_alike: float | None, tails: list[str]
                  ) -> tuple[str, float, str | None, str | None]:
    """(narrative, amount, counterparty, account) of an inflow that is not a receipt."""
    amount = look_alike if look_alike is not None else float(np.round(rng.lognormal(9.5, 1.2), 2))
    if kind == "interest":
        return (["CREDIT INTEREST", "فوائد دائنة", "INTEREST ON DEPOSIT", "INT CREDIT Q3"][rng.integers(0, 4)],
                float(np.round(rng.uniform(50, 9000), 2)), None, None)
    if kind == "loan":
        return (f"LOAN DISBURSEMENT {rng.integers(10**8, 10**9)}", float(np.round(rng.uniform(1e5, 5e6), -3)),
                None, None)
    if kind == "own transfer":
        acc = f"{rng.integers(10**11, 10**12)}"
        return ([f"TRANSFER FROM OWN ACCOUNT {acc}", f"تحويل بين الحسابات {acc}",
                 f"INTERNAL TRANSFER {acc}"][rng.integers(0, 3)], amount, None, acc)
    if kind == "refund":
        t = tails[rng.integers(0, len(tails))] if tails else str(rng.integers(100, 999))
        return ([f"REFUND OF OVERCHARGE INV {t}", f"SUPPLIER REFUND REF {t}", f"استرداد مبلغ فاتورة {t}",
                 f"RETURNED PAYMENT {t}"][rng.integers(0, 4)], amount, "GULF LOGISTICS SUPPLIER", None)
    if kind == "cash":
        return ([f"CASH DEPOSIT BRANCH {rng.integers(1, 300):03d}", "ايداع نقدي", "CDM CASH DEPOSIT"][rng.integers(0, 3)],
                amount, None, None)
    return (f"POS SETTLEMENT MID {rng.integers(10**7, 10**8)}", float(np.round(rng.uniform(500, 60000), 2)),
            None, None)


_DEBITS = ("SUPPLIER PAYMENT {n}", "SALARIES {m}", "BANK CHARGES", "COMMISSION ON TRANSFER",
           "VAT PAYMENT", "SOCIAL INSURANCE", "RENT {m}", "CHQ {c} PAID", "تحويل صادر لصالح {n}",
           "رسوم بنكية")


# --- the month ----------------------------------------------------------------------------
def make_bank_month(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                    month_start: pd.Timestamp | str, n_lines: int = 600, seed: int = 7,
                    currency: str | None = None, *, recorded: bool = False
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A month of statement lines paying the ledger's open invoices, and the true allocations.

    One statement per currency; with ``currency`` only that account (as one bank file).

    By default the ledger's receipts end before the month (the benchmarks' books): the month's
    receipts pay what is open on its eve. ``recorded=True`` is for a book that also holds the
    month's receipts (the demo's, closed at the month's end): each of them is on the
    statement, credited on the day it cleared (those clearing after the month are deposits in
    transit, not on it; truth Kind ``recorded``), and the other receipts (transfers nobody
    told the company of) pay what is still open, an invoice only after it was issued."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp(month_start).normalize()
    end = start + pd.offsets.MonthEnd(0)
    items = open_items(customers, invoices, payments,
                       as_of=end if recorded else start - pd.Timedelta(days=1))
    inv = items[(items["Item Type"] == "Invoice") & (items["Open Amount"] > 0)]
    master = customers.drop_duplicates("Customer ID").set_index("Customer ID")
    inv = inv[inv["Customer ID"].isin(master.index)].sort_values(["Due Date", "Invoice No"])
    if currency:
        inv = inv[inv["Currency"] == currency]
    remaining = dict(zip(inv["Invoice No"], inv["Open Amount"].round(2), strict=True))
    original = dict(zip(inv["Invoice No"], inv["Amount"], strict=True))
    issued = dict(zip(inv["Invoice No"], inv["Date"], strict=True))
    by_customer: dict[str, list[str]] = defaultdict(list)
    currency_of = dict(zip(inv["Invoice No"], inv["Currency"], strict=True))
    for no, cid in zip(inv["Invoice No"], inv["Customer ID"], strict=True):
        by_customer[cid].append(no)
    payers = sorted(by_customer)
    weights = np.array([len(by_customer[c]) for c in payers], dtype=float) ** 0.7
    amounts_open = list(remaining.values())
    tails = [(_parts(n)[2].lstrip("0")) for n in list(remaining)[:200]]
    other_names = master["Name"].dropna().tolist()

    n_debits = int(round(n_lines * 0.22))
    n_inflows = int(round(n_lines * 0.06))
    n_receipts = n_lines - n_debits - n_inflows
    rows: list[dict] = []
    truth: list[dict] = []
    used: set[str] = set()
    days = pd.date_range(start, end)
    case_names = [c for c, _ in RECEIPT_CASES]
    case_p = np.array([p for _, p in RECEIPT_CASES])
    banked = (_recorded_receipts(customers, invoices, payments, start, end, currency, seed)
              if recorded else pd.DataFrame())
    n_receipts = max(0, n_receipts - len(banked))

    # Receipts are generated in date order, so a part payment comes before the rest of it.
    receipt_days = np.sort(rng.integers(0, len(days), n_receipts))
    next_receipt = [0]

    def add_line(desc: str, amount: float, ccy: str, ref: str | None = None,
                 cp: str | None = None, acc: str | None = None, receipt: bool = False,
                 on: pd.Timestamp | None = None) -> str:
        bid = _bank_ref(rng)
        while bid in used:
            bid = _bank_ref(rng)
        used.add(bid)
        if on is not None:
            day = on
        elif receipt:
            day = days[receipt_days[next_receipt[0]]]
            next_receipt[0] += 1
        else:
            day = days[rng.integers(0, len(days))]
        rows.append({"Bank Line": bid, "Date": day, "Value Date": day + pd.Timedelta(days=int(rng.integers(0, 2))),
                     "Amount": round(float(amount), 2), "Currency": ccy, "Description": desc,
                     "Reference": ref, "Counterparty": cp, "Counterparty Account": acc,
                     "Bank Ref": bid})
        return bid

    made = 0
    attempts = 0
    # Who pays, drawn in one go (customers with more open invoices pay more often).
    draws = rng.choice(len(payers), size=n_receipts * 20, p=weights / weights.sum())
    while made < n_receipts and attempts < n_receipts * 20:
        cid = payers[draws[attempts]]
        attempts += 1
        # Residues (bank charges left open by earlier short payments) are written off, not paid;
        # nobody pays an invoice before it is issued.
        today = days[receipt_days[next_receipt[0]]]
        open_nos = [n for n in by_customer[cid] if remaining[n] > max(100.0, 0.02 * original[n])
                    and not issued[n] > today]
        if not open_nos:
            continue
        case = case_names[rng.choice(len(case_names), p=case_p)]
        cust = master.loc[cid]
        ccy = currency_of[open_nos[0]] or cust["Currency"] or "EGP"
        open_nos = [n for n in open_nos if (currency_of[n] or ccy) == ccy]
        region = _region(ccy)
        # Customers mostly pay their oldest invoice, sometimes a later one.
        k = 0 if rng.random() < 0.6 or len(open_nos) == 1 else int(rng.integers(0, len(open_nos)))
        target = open_nos[k]
        accounts = [a.strip() for a in str(cust["IBAN / Bank Account"] or "").split(";") if a.strip()]
        account = accounts[rng.integers(0, len(accounts))] if accounts else None
        show_account = account is not None and rng.random() < 0.55
        show_name = rng.random() < 0.85
        printed = bank_name(str(cust["Name"]), rng, region == "EG") if show_name else None
        if case == "third-party":
            printed = bank_name(other_names[rng.integers(0, len(other_names))], rng, False)
            show_account = False
        allocs: list[tuple[str | None, float]] = []
        written_off = None
        amount = remaining[target]
        ref: str | None = target
        if case == "ref-exact":
            allocs = [(target, amount)]
        elif case == "ref-reformatted":
            ref = reformat(target, rng)
            allocs = [(target, amount)]
        elif case == "ref-typo":
            ref = mistype(target, rng)
            allocs = [(target, amount)]
        elif case in ("no-ref-account", "no-ref-name", "third-party"):
            ref = _plain_remark(rng)
            if case == "no-ref-account" and account:
                show_account = True
            elif case == "no-ref-name":
                show_account = False
                printed = printed or bank_name(str(cust["Name"]), rng, region == "EG")
            allocs = [(target, amount)]
        elif case == "multi":
            if len(open_nos) < 2:
                continue
            m = int(rng.integers(2, min(5, len(open_nos)) + 1))
            chosen = open_nos[:m] if rng.random() < 0.7 else sorted(
                rng.choice(open_nos, size=m, replace=False).tolist(), key=open_nos.index)
            allocs = [(n, remaining[n]) for n in chosen]
            amount = round(sum(a for _, a in allocs), 2)
            r = rng.random()
            ref = multi_reference(chosen, rng) if r < 0.55 else (
                _plain_remark(rng) if r < 0.85 else multi_reference(chosen[:-1], rng))
        elif case == "partial":
            amount = float(np.round(remaining[target] * rng.uniform(0.2, 0.8), -1 if rng.random() < 0.7 else 2))
            if amount <= 0 or amount >= remaining[target]:
                continue
            allocs = [(target, amount)]
            ref = target if rng.random() < 0.5 else reformat(target, rng)
            if rng.random() < 0.15:
                ref = _plain_remark(rng)
        elif case == "fee-short":
            fee = float(rng.integers(5, 26)) if rng.random() < 0.7 else round(remaining[target] * rng.uniform(0.001, 0.005), 2)
            amount = round(remaining[target] - fee, 2)
            if amount <= 0:
                continue
            allocs = [(target, amount)]
            written_off = target
            ref = target if rng.random() < 0.5 else (reformat(target, rng) if rng.random() < 0.7 else _plain_remark(rng))
        elif case == "overpaid":
            extra = float(np.round(remaining[target] * rng.uniform(0.02, 0.3), -1)) or 100.0
            amount = round(remaining[target] + extra, 2)
            allocs = [(target, remaining[target]), (None, extra)]
            ref = target if rng.random() < 0.6 else reformat(target, rng)
        # Some narratives carry the customer's own numbers too (PO, their payment id).
        if ref and rng.random() < 0.15:
            ref = f"{ref} PO {rng.integers(4_500_000, 4_599_999)}"
        narrative_ref = ref if rng.random() < 0.75 else None
        reference_field = None if narrative_ref else ref
        desc = receipt_narrative(rng, region, printed if rng.random() < 0.5 or not show_name else None,
                                 narrative_ref, account if show_account and rng.random() < 0.3 else None)
        counterparty = printed if show_name and rng.random() < 0.6 else None
        if counterparty is None and printed and printed not in desc:
            desc = f"{desc} {printed}"
        bid = add_line(desc, amount, ccy, reference_field, counterparty,
                       account if show_account else None, receipt=True)
        for no, a in allocs:
            if no is not None:
                remaining[no] = round(remaining[no] - a, 2)
            truth.append({"Bank Line": bid, "Kind": f"receipt:{case}", "Invoice No": no,
                          "Customer ID": cid, "Amount": round(a, 2)})
        if written_off:
            remaining[written_off] = 0.0  # the fee is written off when the receipt is applied
        made += 1

    for receipt in banked.to_dict("records"):
        _bank_recorded(rng, receipt, master, add_line, truth)

    kinds = [k for k, _ in NON_CUSTOMER]
    kp = np.array([p for _, p in NON_CUSTOMER])
    ccys = sorted({r["Currency"] for r in rows}) or [currency or "EGP"]
    for _ in range(n_inflows):
        kind = kinds[rng.choice(len(kinds), p=kp)]
        look = amounts_open[rng.integers(0, len(amounts_open))] if rng.random() < 0.4 and amounts_open else None
        desc, amount, cp, acc = _non_customer(rng, kind, look, tails)
        bid = add_line(desc, amount, ccys[rng.integers(0, len(ccys))], None, cp, acc)
        truth.append({"Bank Line": bid, "Kind": f"inflow:{kind}", "Invoice No": None,
                      "Customer ID": None, "Amount": round(amount, 2)})
    for _ in range(n_debits):
        form = _DEBITS[rng.integers(0, len(_DEBITS))]
        desc = form.format(n=other_names[rng.integers(0, len(other_names))][:30] if other_names else "",
                           m=start.strftime("%b %Y").upper(), c=rng.integers(10**5, 10**6))
        amount = -float(np.round(rng.lognormal(9.0, 1.5), 2))
        bid = add_line(desc, amount, ccys[rng.integers(0, len(ccys))])
        truth.append({"Bank Line": bid, "Kind": "debit", "Invoice No": None, "Customer ID": None,
                      "Amount": amount})

    lines = pd.DataFrame(rows)
    lines["_k"] = rng.random(len(lines))
    lines = lines.sort_values(["Currency", "Date", "_k"], kind="stable").drop(columns="_k")
    lines = lines.reset_index(drop=True)
    lines["Statement"] = [f"{c} current account {start:%Y-%m}" for c in lines["Currency"]]
    opening = {c: float(np.round(rng.uniform(2e5, 5e6), 2)) for c in lines["Currency"].unique()}
    lines["Balance"] = (lines.groupby("Currency")["Amount"].cumsum()
                        + lines["Currency"].map(opening)).round(2)
    lines["Line No"] = lines.groupby("Statement").cumcount() + 1
    lines["Date"] = pd.to_datetime(lines["Date"]).astype("datetime64[ns]")
    lines["Value Date"] = pd.to_datetime(lines["Value Date"]).astype("datetime64[ns]")
    lines["Line No"] = lines["Line No"].astype("int64")
    lines.attrs["opening"] = opening
    truth_df = pd.DataFrame(truth, columns=TRUTH_COLUMNS)
    return lines[STATEMENT_COLUMNS], truth_df


# How many days after a receipt is recorded the bank credits it: a transfer the same or the
# next day, a cheque after two or three days' clearing.
CLEARING = {"Cheque": (2, 4), "Cash": (0, 1)}


def _recorded_receipts(customers: pd.DataFrame, invoices: pd.DataFrame, payments: pd.DataFrame,
                       start: pd.Timestamp, end: pd.Timestamp, currency: str | None,
                       seed: int) -> pd.DataFrame:
    """The receipts of ``payments`` (in ``currency``) the bank credits from ``start`` to
    ``end``, with the day it did (``Bank Date``), in Payments order."""
    from ar_excel.core.kpis import payment_currency

    pay = payments[(payments["Amount"] > 0)
                   & (payments["Date"] >= start - pd.Timedelta(days=7))
                   & (payments["Date"] <= end)].copy()
    if currency:
        pay = pay[payment_currency(pay, customers, invoices).eq(currency).to_numpy()]
    rng = np.random.default_rng([seed, 1])
    methods = pay["Method"] if "Method" in pay else [None] * len(pay)
    window = np.array([CLEARING.get(_method_kind(m), (0, 2)) for m in methods],
                      dtype=int).reshape(-1, 2)
    pay["Bank Date"] = pay["Date"] + pd.to_timedelta(rng.integers(window[:, 0], window[:, 1]),
                                                     unit="D")
    pay["Currency"] = currency or payment_currency(pay, customers, invoices)
    return pay[(pay["Bank Date"] >= start) & (pay["Bank Date"] <= end)]


def _method_kind(method: object) -> str:
    text = str(method or "").lower()
    return "Cheque" if ("cheque" in text or "شيك" in text) else (
        "Cash" if ("cash" in text or "نقد" in text) else "Transfer")


def _bank_recorded(rng: np.random.Generator, receipt: dict, master: pd.DataFrame, add_line,
                   truth: list[dict]) -> None:
    """One receipt already recorded in the books, as the bank credits it: what the customer
    wrote (the invoice number, or the reference the books keep), the payer as its bank names
    it, the account it paid from, a cheque by its number."""
    cid = receipt["Customer ID"]
    cust = master.loc[cid] if cid in master.index else None
    name = str(cust["Name"]) if cust is not None and pd.notna(cust["Name"]) else None
    ccy = receipt["Currency"] if isinstance(receipt["Currency"], str) else "EGP"
    region = _region(ccy)
    printed = bank_name(name, rng, region == "EG") if name and rng.random() < 0.9 else None
    accounts = [a.strip() for a in str(cust["IBAN / Bank Account"] or "").split(";")
                if a.strip()] if cust is not None else []
    account = accounts[rng.integers(0, len(accounts))] if accounts and rng.random() < 0.55 else None
    invoice = receipt["Invoice No"] if isinstance(receipt["Invoice No"], str) else None
    reference = receipt.get("Reference") if isinstance(receipt.get("Reference"), str) else None
    kind = _method_kind(receipt.get("Method"))
    if kind == "Cheque" and reference:
        desc = f"CHQ DEPOSIT {reference.split()[-1]} {printed or ''}"
        ref = invoice if invoice and rng.random() < 0.3 else None
    elif kind == "Cash":
        desc = (f"CASH DEPOSIT BRANCH {rng.integers(1, 300):03d} {printed or ''}"
                if rng.random() < 0.5 else f"ايداع نقدي {printed or ''}")
        ref = invoice if invoice and rng.random() < 0.6 else None
    else:
        r = rng.random()
        ref = (invoice if invoice and r < 0.45 else reformat(invoice, rng) if invoice and r < 0.65
               else reference if reference and r < 0.8 else _plain_remark(rng))
        desc = receipt_narrative(rng, region, printed, ref if rng.random() < 0.7 else None,
                                 account if rng.random() < 0.3 else None)
        if ref and ref in desc:
            ref = None
    desc = " ".join(desc.split())
    amount = round(float(receipt["Amount"]), 2)
    bid = add_line(desc, amount, ccy, ref, printed if printed and rng.random() < 0.6 else None,
                   account, on=receipt["Bank Date"])
    truth.append({"Bank Line": bid, "Kind": "recorded", "Invoice No": invoice,
                  "Customer ID": cid, "Amount": amount})


def statement_balances(lines: pd.DataFrame) -> list[dict]:
    """Opening/closing per statement, as a bank states them, from the running balance."""
    out = []
    for name, part in lines.groupby("Statement", sort=True):
        out.append({"statement": name, "opening": round(float(part["Balance"].iloc[0] - part["Amount"].iloc[0]), 2),
                    "closing": round(float(part["Balance"].iloc[-1]), 2)})
    return out


def _blank(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def write_statement_csv(lines: pd.DataFrame, path: str | Path) -> Path:
    """The lines as an Egyptian/Gulf bank's CSV export: day-first dates, separate debit and
    credit columns with thousands separators, UTF-8 with a BOM (so Excel shows Arabic)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Transaction ID", "Booking Date", "Value Date", "Narrative", "Customer Reference",
                    "Counterparty Name", "Counterparty IBAN", "Debit", "Credit", "Balance", "Currency"])
        cols = ["Bank Line", "Date", "Value Date", "Description", "Reference", "Counterparty",
                "Counterparty Account", "Amount", "Balance", "Currency"]
        for bid, day, value, desc, ref, cp, acc, amt, bal, ccy in lines[cols].itertuples(
                index=False, name=None):
            desc, ref, cp, acc = (_blank(v) for v in (desc, ref, cp, acc))
            w.writerow([bid, f"{day:%d/%m/%Y}", f"{value:%d/%m/%Y}", desc, ref, cp, acc,
                        f"{-amt:,.2f}" if amt < 0 else "",
                        f"{amt:,.2f}" if amt > 0 else "", f"{bal:,.2f}", ccy])
    return path


# --- measuring a matcher against the truth ----------------------------------------------------
def _alloc_key(invoice: object, customer: object, amount: float) -> tuple:
    inv = None if invoice is None or (isinstance(invoice, float) and invoice != invoice) else str(invoice)
    # An on-account allocation is right when it is the right customer's.
    return (inv, None if inv else str(customer), round(float(amount), 2))


def score(matches: pd.DataFrame, truth: pd.DataFrame) -> dict[str, float]:
    """Allocation-level quality of a matcher's ``Bank Matches`` against the true allocations.

    * ``receipts_right``: share of customer receipts whose allocations are all ``Matched`` and
      are exactly the true (invoice, amount) set (on-account excess: customer and amount);
    * ``precision``: share of ``Matched`` allocations that are true allocations;
    * ``inflows_matched``: share of non-customer inflows with any ``Matched`` allocation
      (``inflows_touched``: with any allocation at all, suggestions included);
    * ``receipts_any``: share of receipts with at least one allocation (matched or suggested).
    """
    receipts = truth[truth["Kind"].str.startswith("receipt")]
    inflows = truth[truth["Kind"].str.startswith("inflow")]
    want: dict[str, set] = defaultdict(set)
    for r in receipts.itertuples(index=False):
        want[r[0]].add(_alloc_key(r[2], r[3], r[4]))
    got: dict[str, set] = defaultdict(set)
    status: dict[str, set] = defaultdict(set)
    cols = ["Bank Line", "Invoice No", "Customer ID", "Applied Amount", "Status"]
    for bl, inv, cid, amt, st in matches[cols].itertuples(index=False, name=None):
        got[bl].add(_alloc_key(inv, cid, amt))
        status[bl].add(st)
    right = sum(1 for bl, keys in want.items() if got.get(bl) == keys and status[bl] == {"Matched"})
    matched = matches[matches["Status"] == "Matched"]
    true_hits = sum(1 for bl, inv, cid, amt, _ in matched[cols].itertuples(index=False, name=None)
                    if _alloc_key(inv, cid, amt) in want.get(bl, ()))
    inflow_lines = set(inflows["Bank Line"])
    matched_lines = set(matched["Bank Line"])
    any_lines = set(matches["Bank Line"])
    return {
        "receipts": len(want),
        "receipts_right": right / len(want) if want else 1.0,
        "receipts_any": sum(1 for bl in want if bl in any_lines) / len(want) if want else 1.0,
        "matched_allocations": len(matched),
        "precision": true_hits / len(matched) if len(matched) else 1.0,
        "inflows": len(inflow_lines),
        "inflows_matched": len(inflow_lines & matched_lines) / len(inflow_lines) if inflow_lines else 0.0,
        "inflows_touched": len(inflow_lines & any_lines) / len(inflow_lines) if inflow_lines else 0.0,
    }


def vlookup_baseline(lines: pd.DataFrame, open_items_frame: pd.DataFrame) -> pd.DataFrame:
    """What a clerk's exact VLOOKUP finds: an open invoice number written exactly as in the
    ledger somewhere in the narrative or reference, whose open amount equals the credit.
    Returned in the ``Bank Matches`` shape, every row ``Matched``."""
    inv = open_items_frame[(open_items_frame["Item Type"] == "Invoice") & (open_items_frame["Open Amount"] > 0)]
    lookup = dict(zip(inv["Invoice No"].astype(str), zip(inv["Customer ID"], inv["Open Amount"].round(2),
                                                           strict=True), strict=True))
    import re as _re
    token = _re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/]*[0-9]")
    rows = []
    for bl, amount, desc, ref in lines[["Bank Line", "Amount", "Description", "Reference"]].itertuples(
            index=False, name=None):
        if not amount or amount <= 0:
            continue
        text = f"{desc or ''} {ref or ''}"
        for t in token.findall(text):
            hit = lookup.get(t)
            if hit and abs(hit[1] - amount) < 0.005:
                rows.append({"Bank Line": bl, "Invoice No": t, "Customer ID": hit[0],
                             "Applied Amount": amount, "Status": "Matched"})
                break
    return pd.DataFrame(rows, columns=["Bank Line", "Invoice No", "Customer ID", "Applied Amount", "Status"])
