"""Cash application on bank lines as real banks and customers write them, beyond the demo
generator: plain numeric invoice numbers, dates, cheque and order numbers, bank codes and
phone numbers in the narrative, look-alike customers, refunds and reversals.

Each test states the ledger, the bank line(s) and the exact allocations (invoice, applied
amount, method, status). A wrong ``Matched`` is far worse than a ``Suggested``: several tests
pin that an uncertain reading stays a suggestion.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy
from tests.test_matching_rules import AS_OF, frame


def customer(cid: str, name: str, **extra) -> dict:
    return {"Customer ID": cid, "Name": name, "Currency": "EGP", "Payment Terms": 30, **extra}


def invoice(number: str, cid: str, amount: float, date: str = "2026-09-15", **extra) -> dict:
    return {"Invoice No": number, "Customer ID": cid, "Invoice Date": date, "Amount": amount,
            **extra}


def statement(*rows: dict) -> pd.DataFrame:
    out = []
    for n, r in enumerate(rows, start=1):
        out.append({"Bank Line": f"L{n}", "Date": pd.Timestamp(r.get("date", "2026-11-04")),
                    "Value Date": None, "Amount": r["amount"], "Currency": r.get("cur", "EGP"),
                    "Description": r.get("desc"), "Reference": r.get("ref"),
                    "Counterparty": r.get("cp"), "Counterparty Account": r.get("acc"),
                    "Bank Ref": None, "Balance": None, "Statement": "S1", "Line No": n})
    return pd.DataFrame(out)


def match(customers: list[dict], invoices: list[dict], *rows: dict):
    c = frame("Customers", customers)
    items = open_items(c, frame("Invoices", invoices), frame("Payments", []), AS_OF)
    return match_statement(statement(*rows), items, c, Policy())


def allocations(result, line: str = "L1") -> list[tuple]:
    m = result.matches[result.matches["Bank Line"] == line]
    return [(i if isinstance(i, str) else None, round(a, 2), meth, st)
            for i, a, meth, st in m[["Invoice No", "Applied Amount", "Method", "Status"]].itertuples(
                index=False, name=None)]


def reason(result, line: str = "L1") -> str:
    m = result.matches[result.matches["Bank Line"] == line]
    return " | ".join(m["Reason"]) if len(m) else \
        " | ".join(result.unmatched.loc[result.unmatched["Bank Line"] == line, "Reason"])


# ------------------------------------------------------------ plain numeric invoice numbers

PLAIN_CUSTOMERS = [
    customer("C1", "Al Nour Trading Co"),
    customer("C2", "Delta Foods"),
    customer("C3", "شركة الفجر للمقاولات"),
    customer("C4", "Cairo Steel Company"),
]
PLAIN_INVOICES = [
    invoice("1023", "C1", 11400.00, "2026-09-01"),
    invoice("1024", "C1", 5700.00),
    invoice("123", "C3", 4250.00, "2026-08-15"),
    invoice("124", "C3", 1750.00, "2026-08-16"),
    invoice("2026/1104", "C2", 11400.00),
    invoice("883921", "C2", 2500.00),
    invoice("SI-04112026", "C2", 7350.00),
    invoice("10010", "C4", 6420.35),
    invoice("12345", "C4", 1000.00),
    invoice("26308", "C4", 1500.00),
]


@pytest.mark.parametrize("narrative", [
    "PMT FOR INV#1023,1024",
    "INVOICES 1023 AND 1024",
    "inv. no. 1023 / 1024",
])
def test_plain_numbers_listed_after_the_word_invoice(narrative):
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES, {"amount": 17100.00, "desc": narrative})
    assert allocations(r) == [("1023", 11400.00, "multi-invoice", "Matched"),
                              ("1024", 5700.00, "multi-invoice", "Matched")]


@pytest.mark.parametrize("narrative", ["سداد فواتير ١٢٣ و ١٢٤", "inv. no. 00123 / 00124"])
def test_short_numbers_with_arabic_digits_or_zero_padding_the_amount_confirms(narrative):
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES, {"amount": 6000.00, "desc": narrative})
    assert allocations(r) == [("123", 4250.00, "multi-invoice", "Matched"),
                              ("124", 1750.00, "multi-invoice", "Matched")]


def test_arabic_payer_name_and_invoice_number_in_the_narrative():
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES,
              {"amount": 4250.00, "desc": "تحويل من شركة الفجر للمقاولات فاتورة رقم ١٢٣"})
    assert allocations(r) == [("123", 4250.00, "reference", "Matched")]


@pytest.mark.parametrize(("narrative", "invoice_no"), [
    ("TRF/IN/20261104/553921", "2026/1104"),  # the value date, and an invoice 2026/1104
    ("PAYMENT DATED 04/11/2026", "SI-04112026"),
    ("PMT 04112026", "SI-04112026"),
    ("CHQ NO 10010", "10010"),  # the cheque's number is also an invoice's
])
def test_a_date_or_cheque_number_that_is_an_invoice_number_is_no_part_payment(narrative, invoice_no):
    """5,000.00 is no open amount: the number read is only a suggestion, never Matched."""
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES, {"amount": 5000.00, "desc": narrative})
    assert allocations(r) == [(invoice_no, 5000.00, "partial", "Suggested")]
    assert "may be a date, a cheque or an order number" in reason(r)


@pytest.mark.parametrize("narrative", ["FT26308XK2", "PO 12345", "REF 12345/2026"])
def test_a_bank_code_or_order_number_that_is_an_invoice_number_is_no_overpayment(narrative):
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES, {"amount": 5000.00, "desc": narrative})
    got = allocations(r)
    assert got and all(status == "Suggested" for *_, status in got)


def test_a_date_in_the_narrative_still_names_the_invoice_when_the_amount_is_its_own():
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES,
              {"amount": 11400.00, "desc": "TRF/IN/20261104/553921"})
    # 1023 has 11,400.00 open too, but only 2026/1104 is named.
    assert allocations(r) == [("2026/1104", 11400.00, "reference", "Matched")]


def test_a_cheque_number_part_payment_is_matched_when_the_payer_owns_the_invoice():
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES,
              {"amount": 5000.00, "desc": "CHQ NO 10010", "cp": "CAIRO STEEL COMPANY"})
    assert allocations(r) == [("10010", 5000.00, "partial", "Matched")]


@pytest.mark.parametrize("narrative", [
    "MOB 01001001012345 TRF", "TEL +20 100 1001 0123", "IBAN EG380019000500000000263180002",
    "FROM EG38 0019 0005 0000 0000 2631 8000 2",
    "UETR 8a562c67-ca16-48ba-b074-655812345f01",
])
def test_phone_numbers_ibans_and_uetrs_name_no_invoice(narrative):
    r = match(PLAIN_CUSTOMERS, PLAIN_INVOICES, {"amount": 5000.00, "desc": narrative})
    assert allocations(r) == []


def test_a_named_invoice_paid_more_than_twice_over_is_only_suggested():
    invoices = [invoice("INV-3918", "C1", 2600.00)]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 6000.00, "desc": "INV 3918"})
    assert allocations(r) == [("INV-3918", 2600.00, "overpayment", "Suggested"),
                              (None, 3400.00, "on-account", "Suggested")]
    # A modest overpayment of the invoice named stays certain.
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 2900.00, "desc": "INV 3918"})
    assert allocations(r) == [("INV-3918", 2600.00, "overpayment", "Matched"),
                              (None, 300.00, "on-account", "Matched")]


# ------------------------------------------------------------ who paid

NAMES = [
    customer("C1", "Al Nour Trading Co", **{"IBAN / Bank Account": "EG380019000500000000263180002"}),
    customer("C2", "Al Nour Trading & Contracting"),
    customer("C3", "Al Amal International Trading And Contracting LLC"),
    customer("C4", "Cairo Steel Company"),
]
NAMED_INVOICES = [
    invoice("INV-0101", "C1", 11400.00, "2026-09-01"),
    invoice("INV-0102", "C2", 7350.00),
    invoice("INV-0103", "C3", 9150.00),
    invoice("INV-0104", "C4", 6420.00),
    invoice("INV-0105", "C4", 6420.00, "2026-09-20"),
]


def test_near_identical_names_the_exact_one_pays_its_own_invoice():
    r = match(NAMES, NAMED_INVOICES,
              {"amount": 7350.00, "desc": "INWARD TRF", "cp": "AL NOUR TRADING AND CONTRACTING"})
    assert allocations(r) == [("INV-0102", 7350.00, "amount+payer", "Matched")]


@pytest.mark.parametrize(("printed", "amount", "invoice_no", "other"), [
    ("AL NOUR TRADING CO", 7350.00, "INV-0102", "C1"),
    ("AL NOUR TRADING & CONTRACTING", 11400.00, "INV-0101", "C2"),
])
def test_a_customer_paying_what_its_look_alike_owes_is_only_suggested(printed, amount,
                                                                       invoice_no, other):
    """The name is clearly one customer's, the amount another's: a sister company paying for
    it, or a wrong reading of the name. Before, the amount chose the look-alike as Matched."""
    r = match(NAMES, NAMED_INVOICES, {"amount": amount, "desc": "INWARD TRF", "cp": printed})
    assert allocations(r) == [(invoice_no, amount, "amount+payer", "Suggested")]
    assert f"the name is customer {other}'s" in reason(r)


@pytest.mark.parametrize("row", [
    {"desc": "INWARD TRF", "cp": "AL AMAL HOLDING GROUP"},  # the parent company
    {"desc": "TRF ON BEHALF OF AL AMAL INTL TRADING", "cp": "MOHAMED AHMED HASSAN"},  # a person
])
def test_a_related_company_or_a_person_paying_for_the_customer_is_suggested(row):
    r = match(NAMES, NAMED_INVOICES, {"amount": 9150.00, **row})
    got = allocations(r)
    assert [(i, a, s) for i, a, _, s in got] == [("INV-0103", 9150.00, "Suggested")]


def test_name_truncated_at_35_characters_is_the_customer():
    r = match(NAMES, NAMED_INVOICES, {"amount": 9150.00, "desc": "INWARD TRF",
                                      "cp": "AL AMAL INTERNATIONAL TRADING AND C"})
    assert allocations(r) == [("INV-0103", 9150.00, "amount+payer", "Matched")]


def test_payer_only_in_the_narrative_with_the_amount_open_twice_says_oldest_chosen():
    r = match(NAMES, NAMED_INVOICES, {"amount": 6420.00, "desc": "FROM CAIRO STEEL CO /REF 553"})
    assert allocations(r) == [("INV-0104", 6420.00, "amount+payer", "Suggested")]
    assert "2 ways to make the amount" in reason(r) and "oldest chosen" in reason(r)


def test_payer_only_in_the_narrative_paying_both_equal_invoices():
    r = match(NAMES, NAMED_INVOICES, {"amount": 12840.00, "desc": "FROM CAIRO STEEL CO"})
    assert allocations(r) == [("INV-0104", 6420.00, "multi-invoice", "Matched"),
                              ("INV-0105", 6420.00, "multi-invoice", "Matched")]


def test_another_persons_account_of_the_customer_is_the_customer():
    r = match(NAMES, NAMED_INVOICES, {"amount": 11400.00, "desc": "INWARD TRF", "cp": "MOHAMED ALI",
                                      "acc": "EG380019000500000000263180002"})
    assert allocations(r) == [("INV-0101", 11400.00, "amount+payer", "Matched")]


def test_one_receipt_naming_invoices_of_two_customers_in_full():
    r = match(NAMES, NAMED_INVOICES, {"amount": 18750.00, "desc": "PAYMENT INV-0101 INV-0102"})
    assert allocations(r) == [("INV-0101", 11400.00, "multi-invoice", "Matched"),
                              ("INV-0102", 7350.00, "multi-invoice", "Matched")]
    assert r.matches["Customer ID"].tolist() == ["C1", "C2"]


# ------------------------------------------------------------ money in that pays no invoice

@pytest.mark.parametrize(("narrative", "category"), [
    ("CREDIT INTEREST", "interest"),
    ("INT.CR 01/11-30/11", "interest"),
    ("PROFIT DISTRIBUTION MURABAHA", "interest"),  # Islamic banks pay profit
    ("عوائد حساب", "interest"),
    ("LOAN DRAWDOWN 553221", "loan"),
    ("SWEEP FROM MAIN ACCOUNT", "own transfer"),
    ("TFR FROM OUR USD ACCOUNT", "own transfer"),
    ("FX SPOT BUY USD", "treasury"),
    ("REVERSAL OF DEBIT 88321", "refund"),
    ("CHQ RETURNED UNPAID CAIRO STEEL", "refund"),
    ("REJECT AUS SEPA-UEBERWEISUNGSAUFTRAG (RETOURE) TFNR 40016", "refund"),  # a German bank's
])
def test_inflows_that_are_no_customer_receipt_are_never_matched(narrative, category):
    # 6,420.35 is the one open amount of its kind: the amount alone would have matched it.
    r = match(NAMES, [invoice("INV-0104", "C4", 6420.35)], {"amount": 6420.35, "desc": narrative})
    assert allocations(r) == []
    assert reason(r) == f"not a customer receipt ({category})"


def test_a_cash_deposit_without_a_name_is_left_for_a_person():
    r = match(NAMES, [invoice("INV-0104", "C4", 6420.35)], {"amount": 6420.35, "desc": "CASH DEPOSIT"})
    assert allocations(r) == []
    assert reason(r) == "cash deposit without reference or known payer"


def test_a_returned_payment_quoting_an_invoice_is_only_suggested():
    r = match(NAMES, [invoice("INV-0104", "C4", 6420.35)],
              {"amount": 6420.35, "desc": "RETURN PAYMENT INV-0104"})
    assert allocations(r) == [("INV-0104", 6420.35, "reference", "Suggested")]
    assert "reads like a non-customer inflow (refund)" in reason(r)


def test_a_credit_reversed_by_a_later_debit_pays_nothing():
    r = match(NAMES, NAMED_INVOICES,
              {"amount": 7350.00, "desc": "INV-0102 AL NOUR TRADING", "date": "2026-11-05"},
              {"amount": -7350.00, "desc": "RETURN INV-0102", "date": "2026-11-06"},
              {"amount": 9150.00, "desc": "CHQ DEP 4411", "acc": "100200300400", "date": "2026-11-07"},
              {"amount": -9150.00, "desc": "CHQ 4411", "acc": "100200300400", "date": "2026-11-09"})
    assert r.matches.empty
    reasons = dict(zip(r.unmatched["Bank Line"], r.unmatched["Reason"], strict=True))
    assert reasons["L1"].startswith("reversed by bank line L2")
    assert reasons["L3"].startswith("reversed by bank line L4")  # same account: a bounced cheque
    assert reasons["L2"].endswith("reverses the credit of bank line L1")
    assert r.unmatched["Unallocated Amount"].tolist()[:2] == [7350.00, 9150.00]


def test_a_payment_out_of_the_same_amount_is_no_reversal():
    r = match(NAMES, NAMED_INVOICES,
              {"amount": 7350.00, "desc": "INV-0102", "date": "2026-11-05"},
              {"amount": -7350.00, "desc": "SUPPLIER PAYMENT NILE PACKAGING", "date": "2026-11-06"},
              {"amount": 9150.00, "desc": "INV-0103", "date": "2026-11-07"},
              {"amount": -9150.00, "desc": "REVERSAL", "date": "2026-11-30"})  # weeks later
    assert allocations(r) == [("INV-0102", 7350.00, "reference", "Matched")]
    assert allocations(r, "L3") == [("INV-0103", 9150.00, "reference", "Matched")]


# ------------------------------------------------------------ lists and ranges of invoices

RANGE_INVOICES = [
    invoice("2026/0044", "C2", 2500.00, "2026-09-01"),
    invoice("2026/0045", "C1", 11400.00, "2026-09-01"),
    invoice("2026/0046", "C1", 5700.00),
    invoice("2026/0047", "C1", 5700.00, "2026-09-20"),
]


@pytest.mark.parametrize("narrative", [
    "Settlement of invoices 2026/0045 & 0046", "INV 45-46", "inv. no. 0045 / 0046",
    "سداد فواتير ٤٥ و ٤٦",
])
def test_two_invoices_written_the_short_way(narrative):
    r = match(PLAIN_CUSTOMERS, RANGE_INVOICES, {"amount": 17100.00, "desc": narrative})
    assert allocations(r) == [("2026/0045", 11400.00, "multi-invoice", "Matched"),
                              ("2026/0046", 5700.00, "multi-invoice", "Matched")]


@pytest.mark.parametrize("narrative", ["INV 45-47", "INVOICES 45 TO 47", "فواتير ٤٥ الى ٤٧"])
def test_a_range_of_invoices_names_the_ones_inside_it(narrative):
    r = match(PLAIN_CUSTOMERS, RANGE_INVOICES, {"amount": 22800.00, "desc": narrative})
    assert allocations(r) == [("2026/0045", 11400.00, "multi-invoice", "Matched"),
                              ("2026/0046", 5700.00, "multi-invoice", "Matched"),
                              ("2026/0047", 5700.00, "multi-invoice", "Matched")]


# ------------------------------------------------------------ currency, dates, abbreviations

ABROAD = [
    customer("C1", "Al Nour Trading Co"),
    customer("C2", "Delta Foods"),
    customer("C5", "Gulf Star Electronics", Currency="USD"),
    customer("C6", "Emirates Modern Building Materials Trading LLC", Currency="AED"),
]
ABROAD_INVOICES = [
    invoice("INV-0106", "C2", 2875.50, "2026-11-20"),
    invoice("INV-0107", "C5", 4000.00, "2026-10-20", Currency="USD"),
    invoice("INV-0109", "C6", 18350.00, "2026-10-21", Currency="AED"),
]


@pytest.mark.parametrize("amount", [4000.00, 196000.00])  # the USD figure, or its EGP worth
def test_a_receipt_in_another_currency_than_the_invoice_is_never_matched(amount):
    r = match(ABROAD, ABROAD_INVOICES,
              {"amount": amount, "desc": "GULF STAR ELECTRONICS INV-0107", "cur": "EGP"})
    assert allocations(r) == [(None, amount, "on-account", "Suggested")]
    assert "INV-0107 in USD" in reason(r)


def test_a_receipt_dated_before_the_invoice_is_not_applied_by_amount():
    r = match(ABROAD, ABROAD_INVOICES, {"amount": 2875.50, "desc": "DELTA FOODS", "date": "2026-11-10"})
    assert allocations(r) == [(None, 2875.50, "on-account", "Suggested")]
    assert "INV-0106 dated 2026-11-20" in reason(r)


def test_a_receipt_dated_before_the_invoice_naming_it_in_full_is_applied():
    """The customer quotes the number: an invoice dated late in the ledger, or an advance
    against a pro-forma of the same number; the amount is its own."""
    r = match(ABROAD, ABROAD_INVOICES,
              {"amount": 2875.50, "desc": "DELTA FOODS INV-0106", "date": "2026-11-10"})
    assert allocations(r) == [("INV-0106", 2875.50, "reference", "Matched")]


@pytest.mark.parametrize("printed", [
    "EMIRATES MODERN BUILDING MATERIALS T",  # cut at 35 characters
    "EMIRATES MODERN BLDG MAT TRDG",  # abbreviated to fit
])
def test_bank_abbreviations_and_cut_names_find_the_customer(printed):
    r = match(ABROAD, ABROAD_INVOICES,
              {"amount": 18350.00, "desc": "INWARD", "cp": printed, "cur": "AED"})
    assert allocations(r) == [("INV-0109", 18350.00, "amount+payer", "Matched")]


# ------------------------------------------------------------ amounts and second invoices

STEEL_INVOICES = [
    invoice("40000", "C1", 15000.00, "2026-09-01"),
    invoice("INV-1023", "C4", 11400.00, "2026-09-01"),
    invoice("INV-1024", "C4", 3300.00, "2026-09-02"),
    invoice("INV-1025", "C4", 2200.00, "2026-09-03"),
]


def test_an_amount_printed_in_the_narrative_is_no_invoice_number():
    """11,400.00 holds 400.00 -> 40000, an invoice of another customer: read as an amount,
    the narrative names INV-1023 only, paid in part (withholding tax deducted)."""
    r = match(PLAIN_CUSTOMERS, STEEL_INVOICES,
              {"amount": 11000.00, "desc": "PMT INV 1023 EGP 11,400.00 LESS WHT"})
    assert allocations(r) == [("INV-1023", 11000.00, "partial", "Matched")]


def test_second_invoice_by_its_numeric_part_paid_less_a_bank_charge():
    """INV 1023 1024 less 25.00 charges was an overpayment of INV-1023 (Matched, 3,275.00 on
    account); it pays INV-1024 too, the 25.00 proposed as a write-off."""
    r = match(PLAIN_CUSTOMERS, STEEL_INVOICES,
              {"amount": 14675.00, "desc": "CAIRO STEEL INV 1023 1024"})
    assert allocations(r) == [("INV-1023", 11400.00, "multi-invoice", "Matched"),
                              ("INV-1024", 3275.00, "fee-writeoff", "Matched")]
    assert r.matches["Write-off"].tolist() == [0.0, 25.00]


def test_excess_a_bank_charge_short_of_an_unnamed_invoice_is_only_suggested():
    # (With the payer's name on the line the payer rules decide: the sum less a charge.)
    r = match(PLAIN_CUSTOMERS, STEEL_INVOICES, {"amount": 13585.00, "desc": "TRF INV 1023"})
    assert allocations(r) == [("INV-1023", 11400.00, "multi-invoice", "Suggested"),
                              ("INV-1025", 2185.00, "fee-writeoff", "Suggested")]


def test_an_excess_near_another_invoice_is_suggested_beyond_the_tolerance_an_overpayment():
    """2,180.50 over INV-1023 is 19.50 short of INV-1025 (2,200.00): perhaps paid less
    charges, a person confirms. 2,170.00 over it is 30.00 short: beyond the 25.00 tolerance,
    an overpayment."""
    r = match(PLAIN_CUSTOMERS, STEEL_INVOICES, {"amount": 13580.50, "desc": "TRF INV 1023"})
    assert allocations(r) == [("INV-1023", 11400.00, "multi-invoice", "Suggested"),
                              ("INV-1025", 2180.50, "fee-writeoff", "Suggested")]
    r = match(PLAIN_CUSTOMERS, STEEL_INVOICES, {"amount": 13570.00, "desc": "TRF INV 1023"})
    assert allocations(r) == [("INV-1023", 11400.00, "overpayment", "Matched"),
                              (None, 2170.00, "on-account", "Matched")]


def test_a_round_excess_an_odd_amount_short_of_another_invoice_is_an_overpayment():
    invoices = [*STEEL_INVOICES, invoice("INV-1026", "C4", 2196.98, "2026-09-04")]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 13580.00, "desc": "TRF INV 1023"})
    # 2,180.00 is 16.98 short of INV-1026 (and 20.00 of INV-1025, a whole charge: suggested).
    assert allocations(r)[0][2:] == ("multi-invoice", "Suggested")
    invoices = [*STEEL_INVOICES[:3], invoice("INV-1026", "C4", 2196.98, "2026-09-04")]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 13580.00, "desc": "TRF INV 1023"})
    assert allocations(r) == [("INV-1023", 11400.00, "overpayment", "Matched"),
                              (None, 2180.00, "on-account", "Matched")]


# ------------------------------------------------------------ a known payer and a short number

SHORT_INVOICES = [
    invoice("553", "C1", 2000.00, "2026-09-01"),
    invoice("554", "C1", 5700.00, "2026-09-01"),
    invoice("INV-2026-00553", "C4", 9000.00, "2026-09-01"),
]


def test_a_short_reference_loses_to_the_amount_of_another_invoice_of_the_payer():
    """REF 553 is the bank's or the payer's reference; 5,700.00 is invoice 554's open amount.
    Before, 553 was Matched as overpaid with 3,700.00 on account."""
    r = match(PLAIN_CUSTOMERS, SHORT_INVOICES, {"amount": 5700.00, "desc": "FROM AL NOUR TRDG CO /REF 553"})
    assert allocations(r) == [("554", 5700.00, "amount+payer", "Matched")]


@pytest.mark.parametrize(("narrative", "amount", "method"), [
    ("FROM AL NOUR TRDG CO /REF 553", 1500.00, "partial"),  # three digits: by chance
    ("CAIRO STEEL PO 553", 4000.00, "partial"),  # the payer's order number
    ("CAIRO STEEL CHQ 00553", 15000.00, "overpayment"),  # its cheque number
])
def test_a_known_payer_with_a_short_or_other_number_is_only_suggested(narrative, amount, method):
    r = match(PLAIN_CUSTOMERS, SHORT_INVOICES, {"amount": amount, "desc": narrative})
    got = allocations(r)
    assert got[0][2:] == (method, "Suggested") and all(s == "Suggested" for *_, s in got)


def test_a_known_payer_calling_the_short_number_an_invoice_is_a_part_payment():
    r = match(PLAIN_CUSTOMERS, SHORT_INVOICES, {"amount": 4000.00, "desc": "CAIRO STEEL INV 553"})
    assert allocations(r) == [("INV-2026-00553", 4000.00, "partial", "Matched")]


# ------------------------------------------------------------ banks named in the narrative

BANKED = [
    customer("C1", "Misr Foods"),
    customer("C2", "Al Ahly Trading"),
    customer("C3", "Emirates Steel Trading"),
]
BANKED_INVOICES = [
    invoice("INV-0101", "C1", 12500.00),
    invoice("INV-0102", "C2", 7350.00),
    invoice("INV-0103", "C3", 9150.00),
]


@pytest.mark.parametrize(("narrative", "amount", "invoice_no"), [
    ("CHQ CLEARING 000123 BANQUE MISR", 12500.00, "INV-0101"),
    ("شيك مقاصة البنك الأهلي المصري", 7350.00, "INV-0102"),
    ("INWARD SWIFT VIA EMIRATES NBD", 9150.00, "INV-0103"),
])
def test_the_bank_a_receipt_came_through_is_not_the_payer(narrative, amount, invoice_no):
    """Before, BANQUE MISR read as the customer Misr Foods (Matched by amount+payer)."""
    r = match(BANKED, BANKED_INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == [(invoice_no, amount, "amount-only", "Suggested")]


@pytest.mark.parametrize(("narrative", "amount", "invoice_no"), [
    ("FROM MISR FOODS VIA BANQUE MISR", 12500.00, "INV-0101"),
    ("FROM AL AHLY TRADING", 7350.00, "INV-0102"),  # a bank's name that is a customer's too
])
def test_the_payer_is_still_read_next_to_a_bank(narrative, amount, invoice_no):
    r = match(BANKED, BANKED_INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == [(invoice_no, amount, "amount+payer", "Matched")]


@pytest.mark.parametrize(("narrative", "invoice_no"), [
    ("INV 2026/45", "2026/0045"),  # the number retyped without its zero padding
    ("INVOICE NO. 10010", "10010"),  # a plain number the narrative calls an invoice
])
def test_a_short_number_called_an_invoice_is_a_part_payment(narrative, invoice_no):
    invoices = [*RANGE_INVOICES, invoice("10010", "C4", 6420.35)]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 3000.00, "desc": narrative})
    assert allocations(r) == [(invoice_no, 3000.00, "partial", "Matched")]


def test_numeric_parts_that_make_the_amount_win_over_another_customers_full_number():
    """INV#1023,1024 reads INV1023, the full number of another customer's INV-1023, and the
    numeric parts 1023 and 1024 of the payer's plain invoices, which make the amount. Before,
    INV-1023 was Matched as overpaid with 5,699.50 on account."""
    invoices = [invoice("1023", "C1", 11400.00, "2026-09-01"), invoice("1024", "C1", 5700.00),
                invoice("INV-1023", "C4", 11400.50), invoice("INV-1024", "C4", 3300.00)]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 17100.00, "desc": "PMT FOR INV#1023,1024"})
    assert allocations(r) == [("1023", 11400.00, "multi-invoice", "Matched"),
                              ("1024", 5700.00, "multi-invoice", "Matched")]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 14675.50, "desc": "CAIRO STEEL INV 1023 1024"})
    assert allocations(r) == [("INV-1023", 11400.50, "multi-invoice", "Matched"),
                              ("INV-1024", 3275.00, "fee-writeoff", "Matched")]


def test_a_payer_the_bank_names_that_is_no_customer_makes_the_amount_only_a_suggestion():
    invoices = [invoice("INV-1023", "C4", 6420.35)]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 6420.35, "desc": "TRF", "cp": "GULF LOGISTICS LLC"})
    assert allocations(r) == [("INV-1023", 6420.35, "amount-only", "Suggested")]
    assert reason(r).startswith("paid by GULF LOGISTICS LLC, not a customer")
    # No name printed at all: an amount this particular still identifies the invoice.
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 6420.35, "desc": "TRF 88123"})
    assert allocations(r) == [("INV-1023", 6420.35, "amount-only", "Matched")]


def test_a_round_sum_an_odd_amount_under_the_payers_invoice_is_a_part_payment_to_confirm():
    """5,900.00 for 5,922.33: banks deduct whole charges from what was sent, so a round sum
    is a part payment (was Matched as a fee write-off of 22.33)."""
    invoices = [invoice("INV-0104", "C4", 5922.33)]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 5900.00, "desc": "TRF", "cp": "CAIRO STEEL COMPANY"})
    assert [s for *_, s in allocations(r)] == ["Suggested"]
    r = match(PLAIN_CUSTOMERS, invoices, {"amount": 5907.33, "desc": "TRF", "cp": "CAIRO STEEL COMPANY"})
    assert allocations(r) == [("INV-0104", 5907.33, "fee-writeoff", "Matched")]


def test_a_short_number_alone_in_the_reference_field_names_the_payers_invoice():
    r = match(PLAIN_CUSTOMERS, SHORT_INVOICES,
              {"amount": 1500.00, "desc": "ACH CREDIT AL NOUR TRDG CO", "ref": "553"})
    assert allocations(r) == [("553", 1500.00, "partial", "Matched")]


def test_arabic_transfer_from_the_customer_naming_its_invoice():
    invoices = [invoice("123", "C1", 4250.00), invoice("124", "C1", 1750.00),
                invoice("INV-2026-00123", "C4", 9000.00)]
    r = match(PLAIN_CUSTOMERS, invoices,
              {"amount": 4250.00, "desc": "تحويل من شركة النور للتجارة فاتورة رقم ١٢٣"})
    assert allocations(r) == [("123", 4250.00, "reference", "Matched")]
    # Part of it: the payer's name and the number it calls an invoice make it certain.
    r = match(PLAIN_CUSTOMERS, invoices,
              {"amount": 2000.00, "desc": "تحويل من شركة النور للتجارة فاتورة رقم ١٢٣"})
    assert allocations(r) == [("123", 2000.00, "partial", "Matched")]
