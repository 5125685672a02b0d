"""A third, small gauge of cash application: invoice numbers as real ERPs issue them and
bank narratives as Egyptian and Gulf banks print them.

Written without reading ``ar_excel/demo`` or ``benchmarks/independent_month.py``'s generator.
Each month is one company on one ERP (the numbering series is the ERP's):

* Odoo ``INV/2026/00042``; ERPNext ``ACC-SINV-2026-00042`` and its short ``SINV-00042``;
  QuickBooks plain ``1042``; SAP ``90000042``; Sage ``SI-1042``; an Arabic series
  ``ف-١٠٤٢``; a number with a year suffix ``1042/2026``;
* customers retype them (``INV 2026 00042``, ``INV2026/42``, ``202600042``, ``inv-2026-42``,
  ``SINV 42``, ``01042``, ``0090000042``, ``SI1042``, ``F-1042``, ``1042-26``...);
* the bank prints InstaPay / IPN transfers, ACH credits, SWIFT inward with MT103 fields folded
  into the text (``/RFB/``, ``/INV/``, ``/ROC/``, ``:70:``, ``/BNF/``), cheque clearing, cash
  deposits at a branch, ``TRF FROM <NAME> <account>`` with the name cut at 35 characters or
  split over lines, an invoice number split across an MT940 :86: line break or a ``?21``
  subfield, Arabic and mixed narratives; and inflows that are no customer's (interest, loan
  drawdown, own-account transfer, a supplier's refund, POS settlement, WPS salary returns),
  some for exactly an open invoice's amount.

It calls ``match_statement`` in process and scores like ``reconcile_quality.py``: receipts
whose allocations are all ``Matched`` and exactly the truth; suggested; unmatched; wrong
``Matched``; non-customer inflows matched.

    /work/venv/bin/python benchmarks/erp_styles_month.py [--seeds 1,2,3] [--styles odoo,sap]
        [--lines 200] [--customers 60] [--misses]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ar_excel.core.ledger import open_items  # noqa: E402
from ar_excel.core.matching import match_statement  # noqa: E402
from ar_excel.policy import Policy  # noqa: E402
from ar_excel.schema import empty_frame  # noqa: E402

AS_OF = pd.Timestamp("2026-11-30")
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
STYLES = ["odoo", "erpnext", "erpnext-short", "quickbooks", "sap", "sage", "arabic", "year-suffix"]

CORES = [("النور", "AL NOUR"), ("الفجر", "AL FAJR"), ("الأمل", "AL AMAL"), ("السلام", "AL SALAM"),
         ("النيل", "NILE"), ("الخليج", "GULF"), ("الريان", "AL RAYAN"), ("الصفوة", "AL SAFWA"),
         ("المستقبل", "AL MUSTAQBAL"), ("الشروق", "EL SHOROUK"), ("الوادي", "EL WADI"),
         ("الأهرام", "AL AHRAM"), ("الرحاب", "AL REHAB"), ("الهدى", "AL HODA"),
         ("البركة", "AL BARAKA"), ("الزهراء", "AL ZAHRAA")]
TRADES = [("للتجارة", "TRADING"), ("للمقاولات العامة", "GENERAL CONTRACTING"),
          ("للصناعات الغذائية", "FOOD INDUSTRIES"), ("للاستيراد والتصدير", "IMPORT AND EXPORT"),
          ("للأدوية", "PHARMA"), ("للتوريدات الهندسية", "ENGINEERING SUPPLIES"),
          ("للنقل والخدمات اللوجستية", "TRANSPORT AND LOGISTICS SERVICES")]
ENGLISH = ["Cairo Medical Distribution Company", "Emirates Facility Management Services LLC",
           "Gulf Precision Steel Fabrication LLC", "Red Sea Hospitality Group",
           "Delta Agro Exports", "Alexandria Paper Mills", "Horizon Building Materials Trading LLC",
           "Jeddah Cold Stores Co", "Sinai Marble and Granite", "Oasis Water Technologies"]


class Inv:
    def __init__(self, no: str, seq: int, cid: str, amount: float, date: str) -> None:
        self.no, self.seq, self.cid, self.amount, self.date = no, seq, cid, amount, date
        self.open = amount
        self.named_in_full = False  # paid in full by an earlier line that names it


def invoice_no(style: str, seq: int) -> str:
    return {
        "odoo": f"INV/2026/{seq:05d}",
        "erpnext": f"ACC-SINV-2026-{seq:05d}",
        "erpnext-short": f"SINV-{seq:05d}",
        "quickbooks": str(1000 + seq),
        "sap": str(90000000 + seq),
        "sage": f"SI-{1000 + seq}",
        "arabic": f"ف-{1000 + seq}".translate(AR),
        "year-suffix": f"{1000 + seq}/2026",
    }[style]


def retyped(style: str, inv: Inv, rng: random.Random) -> str:
    """The invoice number as a customer writes it in the transfer."""
    s = inv.seq
    n = 1000 + s
    options = {
        "odoo": [inv.no, f"INV 2026 {s:05d}", f"INV2026/{s}", f"2026{s:05d}", f"inv-2026-{s}",
                 f"INV/2026/{s:05d}".lower(), f"INV2026{s:05d}"],
        "erpnext": [inv.no, f"SINV-2026-{s:05d}", f"SINV 2026 {s}", f"ACCSINV2026{s:05d}",
                    f"acc-sinv-2026-{s}", f"SINV-2026-{s}"],
        "erpnext-short": [inv.no, f"SINV {s:05d}", f"SINV-{s}", f"sinv{s:05d}", f"SINV {s}"],
        "quickbooks": [inv.no, f"INV {n}", f"Invoice #{n}", f"inv{n}", f"0{n}", f"INV NO. {n}",
                       f"Inv.No:{n}", f"فاتورة {n}"],
        "sap": [inv.no, f"INV {inv.no}", f"00{inv.no}", f"BILL {inv.no}", f"INV NO {inv.no}"],
        "sage": [inv.no, f"SI{n}", f"SI {n}", f"si-{n}", f"SI-0{n}", f"INV SI-{n}"],
        "arabic": [inv.no, f"ف {n}".translate(AR), f"فاتورة رقم {n}".translate(AR),
                   f"فاتورة رقم {n}", f"F-{n}", f"ف-{n}", f"فاتورة {n}".translate(AR),
                   f"Inv.No:{n}"],
        "year-suffix": [inv.no, f"{n}-2026", f"{n}/26", f"INV {n}/2026", f"{n} / 2026",
                        f"inv {n}-2026"],
    }[style]
    return rng.choice(options)


def make_customers(rng: random.Random, n: int) -> list[dict]:
    out = []
    pairs = [(c, t) for c in CORES for t in TRADES]
    rng.shuffle(pairs)
    for k in range(n):
        cid = f"C{k + 1:03d}"
        if k % 5 == 4:
            name = ENGLISH[k // 5 % len(ENGLISH)]
            latin = name.upper()
        else:
            (ca, cl), (ta, tl) = pairs[k % len(pairs)]
            name = f"شركة {ca} {ta}"
            latin = f"{cl} {tl} CO"
        iban = f"EG{rng.randint(10, 99)}0019{rng.randint(10**20, 10**21 - 1)}" \
            if rng.random() < 0.4 else None
        out.append({"Customer ID": cid, "Name": name, "latin": latin, "iban": iban,
                    "Currency": "EGP", "Payment Terms": 30})
    return out


def make_invoices(rng: random.Random, style: str, customers: list[dict]) -> list[Inv]:
    invs, seq = [], rng.randint(30, 400)
    for c in customers:
        for _ in range(rng.randint(2, 6)):
            seq += rng.randint(1, 3)
            amt = round(rng.uniform(800, 90000), 2) if rng.random() < 0.7 else \
                float(rng.randint(4, 400) * 250)
            day = rng.randint(1, 30)
            invs.append(Inv(invoice_no(style, seq), seq, c["Customer ID"], amt,
                            f"2026-{rng.choice(['08', '09', '10'])}-{day:02d}"))
    return invs


def payer_print(c: dict, rng: random.Random) -> str:
    """The payer's name as the remitting bank prints it."""
    latin = c["latin"]
    r = rng.random()
    if r < 0.35:
        return latin[:35]
    if r < 0.5:
        return latin[:20]
    if r < 0.65 and c["Name"].startswith("شركة"):
        return c["Name"]
    return latin


def narrative(channel: str, c: dict, ref: str, rng: random.Random) -> tuple[str, str | None]:
    """(Description, Counterparty) as the bank prints them."""
    name = payer_print(c, rng)
    acct = c["iban"] or str(rng.randint(10**11, 10**12 - 1))
    trn = f"{rng.randint(10**9, 10**10 - 1)}"
    if channel == "instapay":
        return (rng.choice([f"IPN TRANSFER FROM {name} REF {trn} {ref}",
                            f"InstaPay Transfer {name} {ref}",
                            f"IPN CR {trn} {name[:20]} /{ref}"]), None)
    if channel == "ach":
        return (f"ACH CREDIT /ORIG: {name[:35]} /REF: {ref} /TRN {trn}", name)
    if channel == "swift":
        return (rng.choice([
            f"SWIFT INWARD /BNF/OUR COMPANY SAE /ROC/{ref} /RFB/FT{trn[:8]} /ORD/{name[:35]}",
            f"INWARD TT :70:/INV/{ref} :50K:/{acct} {name[:35]}",
            f"MT103 /RFB/{ref}/ORDP/{name[:35]}//CHGS/OUR",
        ]), name[:35])
    if channel == "trf":
        return (f"TRF FROM {name[:35]} {acct} {ref}", None)
    if channel == "split":
        text = f"TRF FROM {name[:35]} {acct} INV {ref}"
        cut = rng.randint(len(text) - len(ref), len(text) - 2)
        return text[:cut] + "\n" + text[cut:], None
    if channel == "sub21":
        # A German-style :86: (?20-?29 remittance of 27 characters each, ?32 the name) as the
        # statement import joins it: a full sub-field runs on into the next without a space;
        # a bank that broke one short leaves a space inside the number.
        cut = rng.randint(1, len(ref) - 1)
        text = f"SVWZ+RE {ref[:cut]}{' ' if rng.random() < 0.25 else ''}{ref[cut:]}"
        return text, name[:27]
    if channel == "arabic":
        return (f"تحويل من {c['Name']} سداد فاتورة رقم {ref}", None)
    if channel == "mixed":
        return (f"حوالة واردة {name} INV {ref}", None)
    if channel == "wrapped":
        # The payer's name broken over two lines of the narrative (a 35-column field).
        text = f"TRF FROM {name} {acct}"
        cut = rng.randint(9 + 3, min(len(text) - 1, 9 + len(name) - 1))
        return text[:cut] + "\n" + text[cut:] + f" {ref}", None
    if channel == "gulf":
        return (rng.choice([
            f"INWARD REMITTANCE - {name[:35]} - {ref}",
            f"IBFT CREDIT {name[:30]} REF {ref}",
            f"AANI INSTANT PAYMENT FROM {name[:35]} {ref}",
            f"SARIE INCOMING {trn} {name[:35]} {ref}",
            f"IPN Inward Transfer Ref:{trn} From:{name[:35]} {ref}",
            f"حوالة واردة من {name} {ref}",
        ]), None)
    if channel == "cash":
        return (f"CASH DEP BRANCH 0{rng.randint(100, 399)} BY {name[:20]} {ref}", None)
    raise ValueError(channel)


CHANNELS = ["instapay", "ach", "swift", "trf", "split", "sub21", "arabic", "mixed", "cash",
            "wrapped", "gulf", "gulf"]
NON_CUSTOMER = [
    "CREDIT INTEREST FOR PERIOD 01/10/2026-31/10/2026", "LOAN DRAWDOWN REF LN{n}",
    "OWN ACCOUNT TRANSFER FROM 100{n}", "REFUND FROM SUPPLIER EGYPT PACKAGING CO INV {n}",
    "POS SETTLEMENT MID {n} BATCH 0042", "WPS SALARY RETURN EMP {n}",
    "عوائد دائنة عن شهر اكتوبر", "تحويل بين حسابات الشركة {n}", "صرف قرض رقم {n}",
    "MERCHANT SETTLEMENT POS {n}",
    "PROFIT PAYMENT MURABAHA DEPOSIT {n}", "DEPOSIT MATURITY TD{n}", "CHQ RETURNED REVERSAL {n}",
    "REVERSAL OF CHARGES {n}", "CAPITAL INCREASE SHAREHOLDER {n}", "إيداع من الشريك جاري الشركاء {n}",
    "VAT REFUND {n}", "رد مبلغ من المورد {n}", "SALARY RETURN ACC CLOSED {n}",
]


def make_month(seed: int, style: str, n_lines: int, n_customers: int = 60) -> tuple:
    rng = random.Random(f"{seed}-{style}")
    customers = make_customers(rng, n_customers)
    invs = make_invoices(rng, style, customers)
    by_cust: dict[str, list[Inv]] = defaultdict(list)
    for i in invs:
        by_cust[i.cid].append(i)
    cust = {c["Customer ID"]: c for c in customers}
    lines = []
    for _ in range(n_lines):
        day = f"2026-11-{rng.randint(1, 28):02d}"
        r = rng.random()
        if r < 0.1:
            pick = rng.choice(invs)
            # (Half quote a number of the invoice's shape: a loan or a refund reference.)
            n = pick.seq + 1000 if rng.random() < 0.5 else rng.randint(1000, 99999)
            text = rng.choice(NON_CUSTOMER).format(n=n)
            amount = pick.open if rng.random() < 0.5 else round(rng.uniform(100, 50000), 2)
            lines.append({"desc": text, "amount": amount, "date": day, "kind": "non-customer",
                          "allocs": [], "case": "non-customer"})
            continue
        if r < 0.16:
            lines.append({"desc": rng.choice(["CHQ ISSUED 8832", "SUPPLIER PAYMENT", "BANK CHARGES"]),
                          "amount": -round(rng.uniform(10, 9000), 2), "date": day, "kind": "debit",
                          "allocs": [], "case": "debit"})
            continue
        cid = rng.choice(list(by_cust))
        c = cust[cid]
        open_ = [i for i in by_cust[cid] if i.open > 0]
        if not open_:
            continue
        channel = rng.choice(CHANNELS)
        case = rng.choices(["single", "multi", "fee", "partial", "noref", "cheque", "owner",
                            "twice"], [55, 12, 8, 6, 10, 9, 4, 2])[0]
        if case == "twice":
            # The same invoice paid again (a duplicate transfer): no open amount to take; the
            # truth is the money held on the customer's account, which only a person decides,
            # so the line counts as a receipt none of whose allocations may be Matched wrong.
            paid = [i for i in by_cust[cid] if i.open <= 0 and i.named_in_full]
            if not paid:
                continue
            inv = rng.choice(paid)
            desc, cp = narrative(rng.choice(["ach", "trf", "instapay"]), c, retyped(style, inv, rng), rng)
            lines.append({"desc": desc, "amount": inv.amount, "date": day, "kind": "twice",
                          "allocs": [], "case": "twice", "cp": cp, "acc": None})
            continue
        if case == "multi" and len(open_) >= 2:
            chosen = rng.sample(open_, rng.randint(2, min(3, len(open_))))
            refs = [retyped(style, i, rng) for i in chosen]
            ref = rng.choice([", ", " + ", " & ", " / "]).join(refs)
            amount = round(sum(i.open for i in chosen), 2)
            allocs = [(i.no, cid, i.open) for i in chosen]
        else:
            if case == "multi":
                case = "single"
            inv = rng.choice(open_)
            chosen = [inv]
            ref = retyped(style, inv, rng)
            amount, allocs = inv.open, [(inv.no, cid, inv.open)]
            if case == "fee":
                amount = round(inv.open - rng.choice([5, 10, 15, 20, 25]), 2)
                allocs = [(inv.no, cid, amount)]
            elif case == "partial":
                amount = round(inv.open * rng.choice([0.3, 0.5]), 2)
                allocs = [(inv.no, cid, amount)]
        if case == "noref":
            desc, cp = narrative(channel if channel not in ("split", "sub21") else "trf",
                                 c, "", rng)
            desc = desc.replace(" INV ", " ").replace("فاتورة رقم", "").strip()
        elif case == "cheque":
            desc = rng.choice([f"CLG CHQ {rng.randint(100000, 999999)} {payer_print(c, rng)}",
                               f"CHQ DEP {rng.randint(100000, 999999)} {ref}",
                               f"مقاصة شيك رقم {rng.randint(100000, 999999)} {c['Name']}"])
            cp = None
        elif case == "owner":
            # The owner or a manager pays from a personal account, quoting the invoice.
            person = rng.choice(["AHMED MOHAMED ALI", "MOHAMED ABDEL RAHMAN", "KHALED HASSAN",
                                 "محمد عبد الله", "SARA MAHMOUD", "OMAR AL SAYED"])
            desc = rng.choice([f"IPN TRANSFER FROM {person} REF {rng.randint(10**9, 10**10)} {ref}",
                               f"TRF FROM {person} {rng.randint(10**11, 10**12)} {ref}",
                               f"حوالة واردة من {person} سداد {ref}"])
            cp = None
        else:
            desc, cp = narrative(channel, c, ref, rng)
        for i, (_, _, a) in zip(chosen, allocs, strict=False):
            i.open = round(i.open - (i.amount if case == "fee" else a), 2)
            i.named_in_full = i.open <= 0 and case in ("single", "multi", "fee", "owner")
        lines.append({"desc": desc, "amount": amount, "date": day, "kind": "receipt",
                      "allocs": allocs, "case": f"{case}/{channel}", "cp": cp,
                      "acc": c["iban"] if c["iban"] and rng.random() < 0.5 else None})
    return customers, invs, lines


def frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    base = empty_frame(kind)
    out = pd.DataFrame({c: [r.get(c) for r in rows] for c in base.columns if c != "_row"})
    for c in out.columns:
        out[c] = (pd.to_datetime(out[c]) if str(base[c].dtype).startswith("datetime")
                  else out[c].astype(base[c].dtype))
    out["_row"] = range(2, len(rows) + 2)
    return out


def run(seed: int, style: str, n_lines: int, n_customers: int = 60):
    customers, invs, lines = make_month(seed, style, n_lines, n_customers)
    cust = frame("Customers", [{**c, "IBAN / Bank Account": c["iban"]} for c in customers])
    inv = frame("Invoices", [{"Invoice No": i.no, "Customer ID": i.cid, "Invoice Date": i.date,
                              "Amount": i.amount} for i in invs])
    items = open_items(cust, inv, frame("Payments", []), AS_OF)
    stmt = pd.DataFrame([{
        "Bank Line": f"L{k + 1}", "Date": pd.Timestamp(ln["date"]), "Value Date": None,
        "Amount": ln["amount"], "Currency": "EGP", "Description": ln["desc"], "Reference": None,
        "Counterparty": ln.get("cp"), "Counterparty Account": ln.get("acc"), "Bank Ref": None,
        "Balance": None, "Statement": "S1", "Line No": k + 1} for k, ln in enumerate(lines)])
    res = match_statement(stmt, items, cust, Policy())
    return lines, res


def score(lines: list[dict], res) -> tuple[Counter, list]:
    got, reasons = defaultdict(list), {}
    for m in res.matches.itertuples(index=False):
        got[m._0].append((str(m._3) if isinstance(m._3, str) else "", str(m._4),
                          round(float(m._5), 2), m.Status, m.Method))
        reasons[m._0] = m.Reason
    for u in res.unmatched.itertuples(index=False):
        reasons[u._0] = u.Reason
    out, fails = Counter(), []
    for k, ln in enumerate(lines):
        g = got.get(f"L{k + 1}", [])
        want = {(i, c, round(a, 2)) for i, c, a in ln["allocs"]}
        matched = {(i, c, a) for i, c, a, s, _ in g if s == "Matched"}
        out["matched allocs"] += len(matched)
        out["wrong matched allocs"] += len(matched - want)
        if ln["kind"] == "non-customer":
            out["inflows"] += 1
            out["inflows matched"] += bool(matched)
            if matched:
                fails.append(("INFLOW MATCHED", ln, g, reasons.get(f"L{k + 1}")))
            continue
        if ln["kind"] == "twice":
            out["paid twice"] += 1
            if matched:
                out["paid twice matched"] += 1
                fails.append(("TWICE MATCHED", ln, g, reasons.get(f"L{k + 1}")))
            continue
        if ln["kind"] != "receipt":
            continue
        out["receipts"] += 1
        have = {(i, c, a) for i, c, a, *_ in g}
        if have == want and {s for *_, s, _ in g} == {"Matched"}:
            out["right"] += 1
        elif matched - want:
            out["wrong"] += 1
            fails.append(("WRONG", ln, g, reasons.get(f"L{k + 1}")))
        elif not g:
            out["unmatched"] += 1
            fails.append(("unmatched", ln, g, reasons.get(f"L{k + 1}")))
        else:
            out["suggested"] += 1
            fails.append(("suggested", ln, g, reasons.get(f"L{k + 1}")))
    return out, fails


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seeds", default="1,2,3")
    p.add_argument("--styles", default=",".join(STYLES))
    p.add_argument("--lines", type=int, default=200)
    p.add_argument("--customers", type=int, default=60,
                   help="customers in the book (names repeat beyond 112: look-alikes)")
    p.add_argument("--misses", action="store_true")
    a = p.parse_args(argv)
    total = Counter()
    print(f"{'style':<14}{'seed':>5}{'receipts':>9}{'right':>7}{'sugg':>6}{'unm':>5}"
          f"{'WRONG':>6}{'inflowM':>8}")
    for style in a.styles.split(","):
        for seed in map(int, a.seeds.split(",")):
            lines, res = run(seed, style, a.lines, a.customers)
            s, fails = score(lines, res)
            total.update(s)
            print(f"{style:<14}{seed:>5}{s['receipts']:>9}{s['right']:>7}{s['suggested']:>6}"
                  f"{s['unmatched']:>5}{s['wrong']:>6}{s['inflows matched']:>8}")
            if a.misses:
                for what, ln, g, why in fails:
                    print(f"    {what:<14} {ln['case']:<16} {ln['amount']:>11,.2f} "
                          f"{ln['desc']!r} cp={ln.get('cp')!r}\n{'':>20}truth {ln['allocs']}\n"
                          f"{'':>20}got   {g}\n{'':>20}why   {why}")
    r = total["receipts"]
    print(f"\nall: right {total['right']}/{r} = {total['right'] / r:.1%}, suggested "
          f"{total['suggested']}, unmatched {total['unmatched']}, wrong {total['wrong']}, "
          f"wrong Matched allocations {total['wrong matched allocs']}/{total['matched allocs']}, "
          f"inflows matched {total['inflows matched']}/{total['inflows']}, paid-twice lines with a "
          f"Matched allocation {total['paid twice matched']}/{total['paid twice']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
