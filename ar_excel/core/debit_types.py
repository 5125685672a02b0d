"""Document types of an invoice list that bill the customer (invoices, debit notes,
charges) or carry their own sign (journals, adjustments), as ERPs and clerks write them.

With the credit, receipt, refund and other types of ``core.entries`` they are the types
read; a type column's other values are said (``entries.unknown_types``). Dynamics 365's own
billing types tell its 'Sales order' apart (``entries.outside_receivable``).
"""

from __future__ import annotations

from ar_excel.names import match_key

# Document types charging interest on what was paid late (Dynamics 365's interest note,
# QuickBooks' and Dynamics GP's finance charge): invoices due when charged, under no sale's
# terms (``billing.terms``).
INTEREST_NAMES = ("Interest", "Interest Note", "Interest Notes", "Finance Charge",
                  "Finance Charges", "FIN")
INTEREST_TYPES = frozenset(match_key(w) for w in INTEREST_NAMES)
# Dynamics 365 Finance's ledger types of a customer's transactions that bill it (beside its
# 'Sales order': ``entries.outside_receivable``): an invoice without an order, an interest
# note.
DYNAMICS_365_NAMES = ("Free Text Invoice", "Free Text Invoices", "Interest", "Interest Note",
                      "Interest Notes")
DYNAMICS_365_TYPES = frozenset(match_key(w) for w in DYNAMICS_365_NAMES)
# Document types that are invoices (or charges: a debit memo, a finance charge), as ERPs and
# clerks write them; with the credit and receipt types (``core.entries``), the types read.
DEBIT_TYPES = frozenset(match_key(w) for w in (
    "Invoice", "Invoices", "INV", "IN", "Sales Invoice", "Tax Invoice", "Sale", "Sales",
    "Customer Invoice", "Debit Memo", "Debit Memos", "Debit Note", "DM", "DN", "Opening Balance",
    "Opening", "OB", *INTEREST_NAMES, "Service", "Warranty", "Bill",
    # Dynamics GP (SLS sales, DR debit memo, FIN, SVC, WRN, and its SmartList's names),
    # Sage 50 (SI), Odoo (out_invoice), SAP (RV billing, DR invoice)
    "SLS", "DR", "FIN", "SVC", "WRN", "Sales / Invoices", "Service / Repairs", "SI",
    "out_invoice", "RV",
    "Statement Charge", "Statement Charges",  # QuickBooks Desktop's charge to the account
    *DYNAMICS_365_NAMES,
    "F2", "F1", "L2",  # SAP's billing types (VBRK-FKART): invoice, order invoice, debit memo
    "388", "383",  # ZATCA's / UN/CEFACT invoice type codes: tax invoice, debit note
    "Simplified Tax Invoice", "Simplified Invoice", "Standard Tax Invoice",
    # a POS's or a clerk's short form of the simplified (B2C) invoice; its notes are named in
    # full ("Simplified Credit Note"), so the word alone is the invoice
    "Simplified", "مبسطة",
    "Simplified Debit Note", "Standard Debit Note", "فاتورة ضريبية مبسطة", "فاتورة مبسطة",
    "إشعار مدين مبسط", "اشعار مدين مبسط",
    # SAP Business One's marketing documents as its document lists name them
    "A/R Invoice", "AR Invoice", "A/R Reserve Invoice", "AR Reserve Invoice",
    # Oracle Receivables' seeded transaction types (classes INV, DM; a chargeback is a debit)
    "Standard Invoice", "Standard", "Chargeback",
    # a sale's terms (Cash / Credit) in the type column: a sale either way
    "Credit", "Credit Sale", "آجل", "اجل", "بيع آجل",
    "فاتورة", "فاتورة مبيعات", "فاتورة ضريبية", "فاتورة بيع", "مبيعات", "إشعار مدين",
    "اشعار مدين", "رصيد افتتاحي", "رصيد أول المدة"))
# Types whose amounts carry their own sign: SAP's customer document (DA), clearing (AB) and
# G/L posting (SA), a journal entry or adjustment.
SIGNED_TYPES = frozenset(match_key(w) for w in (
    "DA", "AB", "SA", "Journal Entry", "Journal", "JE", "JV", "Adjustment", "ADJ", "قيد",
    "قيد يومية", "تسوية"))
# (Sage 300's IT, AD and RF are read beside its other documents: ``entries.sage_300_kinds``)
