"""Money in that is not a customer paying an invoice.

Interest, loan drawdowns, transfers between the company's own accounts, refunds and
reversals, dividends and capital, insurance claims: these credit the bank account but settle
no receivable, so they must never be matched to an invoice by amount or by a look-alike
name. A cash deposit may be a customer paying at the branch: it is matched only on a clear
invoice reference or a known payer account. Debits are payments out and never AR.
"""

from __future__ import annotations

import re

# (pattern over the folded narrative, category). Arabic words are folded (ة -> ه, أ -> ا).
_RULES: list[tuple[str, str]] = [
    (r"\bINTEREST\b|\bINT\.? ?(CR|CREDIT|PAID)\b|\bZINS|\bINTERETS?\b|فوائد|فايده|عائد",
     "interest"),
    (r"\bLOAN\b|\bFINANCING\b|\bDRAWDOWN\b|\bFACILITY\b|\bDARLEHEN|\bKREDIT\b|قرض|تمويل|تسهيل",
     "loan"),
    (r"\bOWN ACC|\bOWN A/?C|\bBETWEEN (OUR|OWN) ACC|\bINTERNAL TRANSFER|\bBOOK TRANSFER|"
     r"\bACCOUNT TRANSFER\b|\bUMBUCHUNG|\bVIREMENT INTERNE|تحويل بين الحسابات|بين حسابات|"
     r"تحويل داخلي", "own transfer"),
    (r"\bREFUND\b|\bREVERSAL\b|\bREVERSED\b|\bRETURNED\b|\bRETURN OF\b|\bRUECKUEBERWEISUNG|"
     r"\bRÜCK|\bSTORNO|\bCHARGEBACK|استرداد|مرتجع|عكس قيد|رد مبلغ", "refund"),
    (r"\bDIVIDEND|\bCAPITAL INCREASE|\bSHAREHOLDER|\bPARTNER CONTRIBUTION|توزيعات|زياده راس المال|"
     r"راس المال|جاري الشركاء", "capital"),
    (r"\bINSURANCE|\bCLAIM SETTLEMENT|تعويض|تامين", "insurance"),
    (r"\bTAX REFUND|\bVAT REFUND|\bCUSTOMS REFUND|رد ضريبه", "refund"),
    (r"\bFX DEAL|\bFX CONVERSION|\bSWAP\b|\bDEPOSIT MATURITY|\bTIME DEPOSIT|\bTD MATURITY|"
     r"وديعه|ودائع|شهادات", "treasury"),
    (r"\bPOS SETTLEMENT|\bCARD SETTLEMENT|\bMERCHANT SETTLEMENT|تسويه نقاط البيع", "card sales"),
]
_CASH = re.compile(r"\bCASH DEP|\bCASH IN\b|\bCDM\b|\bBAREINZAHLUNG|\bVERSEMENT ESPECES|"
                   r"ايداع نقدي|ايداع نقدى|نقدا")
# One pass over the text: the rules as named alternatives (the first rule wins a tie).
_ANY = re.compile("|".join(f"(?P<r{k}>{p})" for k, (p, _) in enumerate(_RULES)))
_CATEGORY = {f"r{k}": c for k, (_, c) in enumerate(_RULES)}


# Words at least one rule needs: most narratives have none, and a substring test is cheap.
_TRIGGERS = (
    "INT", "ZINS", "فوائد", "فايده", "عائد", "LOAN", "FINANC", "DRAWDOWN", "FACILITY",
    "DARLEHEN", "KREDIT", "قرض", "تمويل", "تسهيل", "OWN", "BETWEEN", "BOOK TRANSFER",
    "ACCOUNT TRANSFER", "UMBUCHUNG", "VIREMENT", "تحويل", "REFUND", "REVERS", "RETURN", "RUECK",
    "RÜCK", "STORNO", "CHARGEBACK", "استرداد", "مرتجع", "عكس", "رد ", "DIVIDEND", "CAPITAL",
    "SHAREHOLDER", "PARTNER", "توزيعات", "راس المال", "جاري الشركاء", "INSURANCE", "CLAIM",
    "تعويض", "تامين", "TAX", "VAT", "CUSTOMS", "FX ", "SWAP", "DEPOSIT", "TD ", "وديعه",
    "ودائع", "شهادات", "POS ", "CARD", "MERCHANT", "تسويه",
)


def inflow_category(folded: str) -> str | None:
    """The kind of non-customer inflow a folded narrative describes, or None."""
    text = folded.replace("ة", "ه")
    if not any(t in text for t in _TRIGGERS):
        return None
    m = _ANY.search(text)
    return None if m is None else _CATEGORY[m.lastgroup]


def is_cash_deposit(folded: str) -> bool:
    return bool(_CASH.search(folded.replace("ة", "ه")))
