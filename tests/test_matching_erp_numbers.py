"""Cash application on invoice numbers as ERPs issue them and bank lines as Egyptian and Gulf
banks print them (found with ``benchmarks/erp_styles_month.py``).

* a number that ends with its year (``1042/2026``): the year is every invoice's, the sequence
  is the invoice's numeric part; payers write ``1042-2026``, ``1042/26``;
* a number listed after another with its own zero padding (``90000669, 0090000667``);
* a customer's name holding a word of a non-customer inflow (EMIRATES FACILITY MANAGEMENT,
  MISR INSURANCE) is no loan nor insurance claim; a WPS salary return is no receipt;
* an overpayment is not held on account for sure while the narrative writes the number of
  another of the customer's open invoices, nor when it names one of the payer's invoices
  that is settled already (paid twice?), and a payer's own invoice number written in full is
  never read as a mistyped other invoice of its.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

IBAN = "EG380019000500000000263180002"

YEAR_CUSTOMERS = [customer("C1", "Al Fajr Pharma Co"), customer("C2", "Delta Foods"),
                  customer("C3", "Nile Trading Co")]
YEAR_INVOICES = [
    invoice("1370/2026", "C1", 36500.00, "2026-09-01"),
    invoice("1371/2026", "C1", 9800.00, "2026-09-02"),
    invoice("1417/2026", "C2", 18250.00, "2026-09-10"),
    invoice("1460/2026", "C3", 7000.00, "2026-09-12"),
    invoice("1201/2026", "C2", 3500.00, "2026-09-12"),
]


def test_a_year_suffix_is_no_numeric_part_that_names_another_customers_invoice():
    """Half of 1370/2026 paid: 18,250.00 is 1417/2026's open amount, and both numbers end with
    2026; the narrative names 1370/2026, not 1417/2026."""
    r = match(YEAR_CUSTOMERS, YEAR_INVOICES, {
        "amount": 18250.00,
        "desc": "IPN TRANSFER FROM AL FAJR PHARMA CO REF 4711712714 INV 1370/2026"})
    assert allocations(r) == [("1370/2026", 18250.00, "partial", "Matched")]


def test_a_swift_line_writing_the_year_with_a_dash_pays_half_of_its_invoice():
    r = match(YEAR_CUSTOMERS, YEAR_INVOICES, {
        "amount": 3500.00, "cp": "NILE TRADING CO",
        "desc": "SWIFT INWARD /BNF/OUR COMPANY SAE /ROC/1460-2026 /RFB/FT83132977 "
                "/ORD/NILE TRADING CO"})
    assert allocations(r) == [("1460/2026", 3500.00, "partial", "Matched")]


@pytest.mark.parametrize("narrative", ["INV 1371/26", "PMT 1371-2026", "inv 1371 / 2026",
                                       "INV 1371"])
def test_year_suffix_numbers_as_payers_retype_them(narrative):
    r = match(YEAR_CUSTOMERS, YEAR_INVOICES, {"amount": 9800.00, "desc": narrative})
    assert allocations(r) == [("1371/2026", 9800.00, "reference", "Matched")]


def test_a_number_listed_with_added_zero_padding_after_another():
    customers = [customer("C1", "Al Rehab Trading Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("90000669", "C1", 70500.00, "2026-09-01"),
                invoice("90000667", "C1", 21000.00, "2026-09-03"),
                invoice("90000670", "C2", 9000.00, "2026-09-05")]
    r = match(customers, invoices, {
        "amount": 91500.00, "cp": "AL REHAB TRADING CO",
        "desc": "ACH CREDIT /ORIG: AL REHAB TRADING CO /REF: 90000669, 0090000667 /TRN 78057"})
    assert allocations(r) == [("90000669", 70500.00, "multi-invoice", "Matched"),
                              ("90000667", 21000.00, "multi-invoice", "Matched")]


def test_a_payers_settled_invoice_named_again_is_no_sure_overpayment_of_its_other_one():
    """L1 pays 90000669; L2, from the customer's account, names 90000669 again and pays a
    little more than the customer's only other open invoice, 90000667 (one digit away): no
    mistyped number, and no sure overpayment of 90000667."""
    customers = [customer("C1", "Al Rehab Trading Co", **{"IBAN / Bank Account": IBAN}),
                 customer("C2", "Delta Foods")]
    invoices = [invoice("90000669", "C1", 70500.00, "2026-09-01"),
                invoice("90000667", "C1", 21000.00, "2026-09-03"),
                invoice("90000670", "C2", 9000.00, "2026-09-05")]
    r = match(customers, invoices,
              {"amount": 70500.00, "desc": "ACH CREDIT /REF: 90000669"},
              {"amount": 21150.00, "acc": IBAN,
               "desc": "TRF FROM AL REHAB TRADING CO INV 90\n000669"})
    assert allocations(r, "L1") == [("90000669", 70500.00, "reference", "Matched")]
    assert allocations(r, "L2") == [("90000667", 21000.00, "overpayment", "Suggested"),
                                    (None, 150.00, "on-account", "Suggested")]
    assert "90000669, which it names, is already settled: paid twice?" in reason(r, "L2")
    assert "one digit away" not in reason(r, "L2")


def test_two_numbers_written_two_ways_paid_short_of_both_are_suggested_oldest_first():
    """SINV 421 (15,000.00 open) + SINV-00422 (51,887.11): 59,387.11 names both (SINV 421 is
    SINV-00421 without its padding) and pays less than both: not an overpayment of SINV-00422
    held on account, a part payment for a person to confirm."""
    customers = [customer("C1", "Al Mustaqbal Transport Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("SINV-00421", "C1", 15000.00, "2026-09-01"),
                invoice("SINV-00422", "C1", 51887.11, "2026-09-03"),
                invoice("SINV-00425", "C1", 9000.00, "2026-09-05"),
                invoice("SINV-00430", "C2", 7500.00, "2026-09-05")]
    r = match(customers, invoices, {"amount": 59387.11,
                                    "desc": "AL MUSTAQBAL TRANSPO INV SINV 421 + SINV-00422"})
    assert allocations(r) == [("SINV-00421", 15000.00, "partial", "Suggested"),
                              ("SINV-00422", 44387.11, "partial", "Suggested")]


def test_an_excess_the_narrative_may_put_on_another_invoice_it_writes_is_suggested():
    """INV 1023 (a plain number's numeric part) + INV-2026-1024: the rest over INV-2026-1024
    is most likely meant for 1023, not held on account for sure."""
    customers = [customer("C1", "Al Mustaqbal Transport Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("1023", "C1", 15000.00, "2026-09-01"),
                invoice("INV-2026-1024", "C1", 51887.11, "2026-09-03"),
                invoice("INV-2026-1030", "C2", 7500.00, "2026-09-05")]
    r = match(customers, invoices, {"amount": 59387.11,
                                    "desc": "AL MUSTAQBAL TRANSPO PMT 1023 + INV-2026-1024"})
    assert allocations(r) == [("INV-2026-1024", 51887.11, "overpayment", "Suggested"),
                              (None, 7500.00, "on-account", "Suggested")]
    assert "it also writes the number of 1023, which the rest may pay" in reason(r)


def test_the_excess_is_the_other_invoice_written_once_a_part_payment_left_it_so():
    """The same line after an earlier part payment of SINV-00421 left 7,500.00 open: both
    invoices paid, exactly."""
    customers = [customer("C1", "Al Mustaqbal Transport Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("SINV-00421", "C1", 15000.00, "2026-09-01"),
                invoice("SINV-00422", "C1", 51887.11, "2026-09-03"),
                invoice("SINV-00430", "C2", 7500.00, "2026-09-05")]
    r = match(customers, invoices,
              {"amount": 7500.00, "desc": "ACH CREDIT /ORIG: AL MUSTAQBAL TRANSPORT /REF: SINV 00421"},
              {"amount": 59387.11, "desc": "حوالة واردة AL MUSTAQBAL TRANSPO INV SINV 421 + SINV-00422"})
    assert allocations(r, "L1") == [("SINV-00421", 7500.00, "partial", "Matched")]
    assert sorted(allocations(r, "L2")) == [("SINV-00421", 7500.00, "multi-invoice", "Matched"),
                                            ("SINV-00422", 51887.11, "multi-invoice", "Matched")]


NAME_CUSTOMERS = [customer("C1", "Emirates Facility Management Services LLC"),
                  customer("C2", "Misr Insurance Company"),
                  customer("C3", "شركة مصر للتأمين"),
                  customer("C4", "Delta Foods")]
NAME_INVOICES = [invoice("ACC-SINV-2026-00307", "C1", 2604.43),
                 invoice("ACC-SINV-2026-00308", "C2", 8120.55),
                 invoice("ACC-SINV-2026-00309", "C3", 4410.10),
                 invoice("ACC-SINV-2026-00310", "C4", 6300.27)]


@pytest.mark.parametrize(("narrative", "amount", "number"), [
    ("TRF FROM EMIRATES FACILITY MANAGEMENT SERVIC 699097816304 ACC-SINV-2026-00307",
     2604.43, "ACC-SINV-2026-00307"),
    ("ACH CREDIT /ORIG: EMIRATES FACILITY MA /REF: acc-sinv-2026-307", 2604.43,
     "ACC-SINV-2026-00307"),
    ("MISR INSURANCE COMPANY INV SINV-2026-308", 8120.55, "ACC-SINV-2026-00308"),
    ("تحويل من شركة مصر للتأمين سداد فاتورة رقم ACC-SINV-2026-00309", 4410.10,
     "ACC-SINV-2026-00309"),
])
def test_a_customers_name_with_a_word_of_banking_is_still_a_customer(narrative, amount, number):
    r = match(NAME_CUSTOMERS, NAME_INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == [(number, amount, "reference", "Matched")]


@pytest.mark.parametrize("narrative", [
    "WPS SALARY RETURN EMP 62079", "SALARY RETURN - ACCOUNT CLOSED", "مرتجع رواتب شهر اكتوبر",
    "CREDIT FACILITY DRAWDOWN REF 88231", "FACILITY DISBURSEMENT 4471",
    "INSURANCE CLAIM SETTLEMENT POLICY 77120", "تعويض تامين حريق المخزن",
])
def test_payroll_returns_loans_and_claims_of_an_open_amount_are_no_receipt(narrative):
    """6,300.27 is Delta Foods' one open invoice of that amount: never matched."""
    r = match(NAME_CUSTOMERS, NAME_INVOICES, {"amount": 6300.27, "desc": narrative})
    assert allocations(r) == []
    assert reason(r).startswith("not a customer receipt")


SHORT_CUSTOMERS = [customer("C1", "Al Nour Import and Export Co"), customer("C2", "Delta Foods"),
                   customer("C3", "شركة الهدى للتوريدات الهندسية")]
SHORT_INVOICES = [invoice("SINV-00227", "C1", 17000.00, "2026-09-01"),
                  invoice("SINV-00228", "C1", 4250.00, "2026-09-02"),
                  invoice("SINV-00301", "C2", 8500.00, "2026-09-03")]


@pytest.mark.parametrize("narrative", ["حوالة واردة AL NOUR IMPORT AND EXPORT CO INV SINV-227",
                                       "ACH CREDIT /ORIG: AL NOUR IMPORT /REF: SINV 227",
                                       "SVWZ+RE sinv227"])
def test_an_erpnext_number_written_without_its_zero_padding_names_it_for_a_part_payment(narrative):
    """SINV 227 is SINV-00227 with its own letters: a part payment of it is certain, as it is
    for SINV 00227 (8,500.00 is another customer's open amount: no matter)."""
    r = match(SHORT_CUSTOMERS, SHORT_INVOICES, {"amount": 8500.00, "desc": narrative})
    assert allocations(r) == [("SINV-00227", 8500.00, "partial", "Matched")]


def test_a_sage_number_written_with_an_added_zero_is_named_in_a_list():
    """SI-01390 is SI-1390 with a zero in front: both numbers named and, paid short of both,
    a part payment suggested oldest first (before, SI-1384 was overpaid and the rest held
    on account)."""
    customers = [customer("C1", "Al Mustaqbal Transport and Logistics Co"),
                 customer("C2", "Delta Foods")]
    invoices = [invoice("SI-1390", "C1", 57444.50, "2026-09-01"),
                invoice("SI-1384", "C1", 86250.00, "2026-09-02"),
                invoice("SI-1391", "C2", 28722.25, "2026-09-03")]
    r = match(customers, invoices, {
        "amount": 114972.25, "cp": "AL MUSTAQBAL TRANSPORT AND LOGISTIC",
        "desc": "SWIFT INWARD /BNF/OUR COMPANY SAE /ROC/SI-01390 + SI-1384 /RFB/FT88191724"})
    assert allocations(r) == [("SI-1390", 57444.50, "partial", "Suggested"),
                              ("SI-1384", 57527.75, "partial", "Suggested")]


@pytest.mark.parametrize("narrative", ["INV SI-01390", "si 001390"])
def test_a_number_with_added_zeros_pays_its_invoice(narrative):
    customers = [customer("C1", "Al Mustaqbal Transport and Logistics Co"),
                 customer("C2", "Delta Foods")]
    invoices = [invoice("SI-1390", "C1", 57444.50, "2026-09-01"),
                invoice("SI-1500", "C2", 28722.25, "2026-09-03")]
    r = match(customers, invoices, {"amount": 28722.25, "desc": narrative})
    assert allocations(r) == [("SI-1390", 28722.25, "partial", "Matched")]


ARABIC_CUSTOMERS = [customer("C1", "شركة الهدى للتوريدات الهندسية"), customer("C2", "Delta Foods")]
ARABIC_INVOICES = [invoice("ف-١٥٧٠", "C1", 47750.00, "2026-09-01"),
                   invoice("ف-١٥٧١", "C1", 9000.00, "2026-09-02"),
                   invoice("ف-١٥٨٠", "C2", 19000.00, "2026-09-03")]


@pytest.mark.parametrize("narrative", [
    "ACH CREDIT /ORIG: AL HODA ENGINEERING SUPPLIES CO /REF: ف ١٥٧٠ /TRN 8957593879",
    "IPN CR 7029855574 AL HODA ENGINEERING  /ف-١٥٧٠",
    "حوالة واردة AL HODA ENGINEERING F-1570",
])
def test_an_arabic_lettered_number_or_its_latin_f_names_it_for_a_part_payment(narrative):
    """ف-١٥٧٠ written as the ERP prints it, or with the F payers type for ف: the invoice is
    named for sure."""
    r = match(ARABIC_CUSTOMERS, ARABIC_INVOICES, {"amount": 14325.00, "desc": narrative})
    assert allocations(r) == [("ف-١٥٧٠", 14325.00, "partial", "Matched")]


def test_a_sequence_that_looks_like_a_year_still_has_its_year_suffix_read():
    """Past 1900 a year-suffix series writes 1901/2026, 2026/2026, 2058/2026: the repeated
    last group is the year; half of 1505/2026 paid is not 2058/2026 of the same amount."""
    customers = [customer("C1", "Al Zahraa Engineering Supplies Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("1505/2026", "C1", 93000.00, "2026-09-01")] + [
        invoice(f"{n}/2026", "C2", 1000.00 + n, "2026-09-02") for n in range(1901, 1990, 7)] + [
        invoice("2026/2026", "C2", 12000.00, "2026-09-03"),
        invoice("2058/2026", "C2", 46500.00, "2026-09-04")]
    r = match(customers, invoices, {
        "amount": 46500.00, "cp": "AL ZAHRAA ENGINEERING SUPPLIES CO",
        "desc": "SWIFT INWARD /BNF/OUR COMPANY SAE /ROC/inv 1505-2026 /RFB/FT23793584"})
    assert allocations(r) == [("1505/2026", 46500.00, "partial", "Matched")]


def test_a_year_first_series_keeps_its_last_group_as_the_sequence():
    """2026/2025, 2026/2031: the year comes first (it repeats), the sequence last: INV 2025
    pays 2026/2025 by its numeric part and the amount."""
    customers = [customer("C1", "Nile Trading Co"), customer("C2", "Delta Foods")]
    invoices = [invoice("2026/2025", "C1", 7300.00), invoice("2026/2031", "C2", 6100.00),
                invoice("2026/2040", "C2", 5100.00)]
    r = match(customers, invoices, {"amount": 7300.00, "desc": "PAYMENT INV 2025"})
    assert allocations(r) == [("2026/2025", 7300.00, "reference", "Matched")]


FINANCE_CUSTOMERS = [customer("C1", "Egypt Leasing and Financing Co"),
                     customer("C2", "شركة الخليج للتمويل والتأجير"), customer("C3", "Delta Foods")]
FINANCE_INVOICES = [invoice("INV/2026/00042", "C1", 12345.67),
                    invoice("INV/2026/00043", "C2", 22000.00),
                    invoice("INV/2026/00044", "C3", 5000.00)]


@pytest.mark.parametrize(("narrative", "amount", "number"), [
    ("TRF FROM EGYPT LEASING AND FINANCING CO INV/2026/00042", 12345.67, "INV/2026/00042"),
    ("تحويل من شركة الخليج للتمويل والتأجير سداد فاتورة INV/2026/00043", 22000.00,
     "INV/2026/00043"),
])
def test_a_financing_company_paying_our_invoice_is_a_customer(narrative, amount, number):
    """FINANCING / تمويل is a word of the customer's name the line writes: a leasing company
    paying its invoice, not a loan to us."""
    r = match(FINANCE_CUSTOMERS, FINANCE_INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == [(number, amount, "reference", "Matched")]


@pytest.mark.parametrize(("narrative", "amount"), [
    ("LOAN DRAWDOWN INV/2026/00044", 5000.00),
    ("تمويل INV/2026/00043", 22000.00),  # invoice financing: the customer's name not written
])
def test_financing_against_an_invoice_is_still_no_receipt(narrative, amount):
    r = match(FINANCE_CUSTOMERS, FINANCE_INVOICES, {"amount": amount, "desc": narrative})
    assert allocations(r) == []
    assert reason(r) == "not a customer receipt (loan)"


SPARSE_CUSTOMERS = [customer("C1", "Al Nour Trading Co"), customer("C2", "Delta Foods"),
                    customer("C3", "Al Mada International Trading")]
SPARSE_INVOICES = [invoice("INV-2026-00042", "C1", 12345.67, "2026-09-01"),
                   invoice("INV-2026-00043", "C2", 8765.43), invoice("INV-2026-00044", "C3", 5432.10)]


@pytest.mark.parametrize(("narrative", "kind"), [
    ("TRANSFER FROM OUR ACCOUNT 0012345678", "own transfer"),
    ("FUNDS TRANSFER BETWEEN ACCOUNTS", "own transfer"),
    ("INTERNAL TRF 1002003004", "own transfer"),
    ("SELF TRANSFER", "own transfer"),
    ("CR INT", "interest"),
    ("PROFIT ON DEPOSIT", "interest"),
    ("LG MARGIN RELEASE 7788", "refund"),
    ("CASH MARGIN RELEASE", "refund"),
    ("RTN CHQ 123456", "refund"),
    ("رد رسوم", "refund"),
    ("CARD CASHBACK", "refund"),
    ("VISA SETTLEMENT", "card sales"),
    ("MADA SETTLEMENT", "card sales"),
    ("FAWRY SETTLEMENT", "card sales"),
    ("PAYMOB PAYOUT", "card sales"),
    ("MERCHANT CREDIT 5566", "card sales"),
    ("CAPITAL INJECTION", "capital"),
    ("PARTNER CURRENT ACCOUNT", "capital"),
    ("T-BILL MATURITY", "treasury"),
    ("TREASURY BILLS REDEMPTION", "treasury"),
    ("اذون خزانة", "treasury"),
    ("SUKUK COUPON", "treasury"),
    ("EXPORT SUBSIDY", "non-trade income"),
    ("دعم الصادرات", "non-trade income"),
    ("SALE OF FIXED ASSET CAR", "non-trade income"),
    ("سداد سلفة موظف", "non-trade income"),
])
def test_money_in_that_is_no_customers_is_never_matched_by_its_amount(narrative, kind):
    """12,345.67 is the one open invoice of that amount in a sparse ledger: without these words
    an unknown payer's line is matched by the amount alone."""
    r = match(SPARSE_CUSTOMERS, SPARSE_INVOICES, {"amount": 12345.67, "desc": narrative})
    assert allocations(r) == []
    assert reason(r) == f"not a customer receipt ({kind})"


@pytest.mark.parametrize("narrative", [
    "AL MADA INTERNATIONAL TRADING ADVANCE PAYMENT INV-2026-00044",
    "INTERNATIONAL TRANSFER AL MADA INV-2026-00044",
])
def test_customer_narratives_with_words_near_those_still_match(narrative):
    r = match(SPARSE_CUSTOMERS, SPARSE_INVOICES, {"amount": 5432.10, "desc": narrative})
    assert allocations(r) == [("INV-2026-00044", 5432.10, "reference", "Matched")]


SPLIT_CUSTOMERS = [customer("C1", "Al Nour Trading Co"), customer("C2", "Delta Foods")]
SPLIT_INVOICES = [invoice("INV/2026/00042", "C1", 12000.00, "2026-09-01"),
                  invoice("INV/2026/00043", "C1", 8000.00, "2026-09-02"),
                  invoice("INV/2026/00044", "C2", 5000.00)]


@pytest.mark.parametrize("narrative", [
    "INV/2026/00042 12,000.00 INV/2026/00043 3,000.00",
    "/INV/INV/2026/00042/12000.00//INV/2026/00043/3000.00",
    "سداد فاتورة INV/2026/00043 مبلغ 3.000,00 وفاتورة INV/2026/00042 مبلغ 12.000,00",
])
def test_a_remittance_stating_what_it_pays_on_each_invoice_is_applied_so(narrative):
    """15,000.00 for two invoices open 20,000.00: the amounts printed say 12,000.00 and
    3,000.00, and only 42 can take 12,000.00."""
    r = match(SPLIT_CUSTOMERS, SPLIT_INVOICES, {"amount": 15000.00, "desc": narrative})
    assert allocations(r) == [("INV/2026/00042", 12000.00, "multi-invoice", "Matched"),
                              ("INV/2026/00043", 3000.00, "partial", "Matched")]


@pytest.mark.parametrize(("narrative", "amount"), [
    ("INV/2026/00042 5,000.00 INV/2026/00043 2,000.00", 7000.00),  # either could take either
    ("INV/2026/00042 12,000.00 INV/2026/00043 8,000.00", 15000.00),  # the invoices' totals
])
def test_stated_amounts_that_do_not_decide_leave_a_suggestion(narrative, amount):
    r = match(SPLIT_CUSTOMERS, SPLIT_INVOICES, {"amount": amount, "desc": narrative})
    assert {st for *_, st in allocations(r)} == {"Suggested"}
    assert "applied oldest first, please confirm" in reason(r)


SAGE_CUSTOMERS = [customer("C1", "Al Zahraa Engineering Supplies Co",
                           **{"IBAN / Bank Account": IBAN}), customer("C2", "Delta Foods")]
SAGE_INVOICES = [invoice("SI-1677", "C1", 29201.21, "2026-09-01"),
                 invoice("SI-1679", "C1", 21632.81, "2026-09-02"),
                 invoice("SI-1682", "C1", 56557.21, "2026-09-03"),
                 invoice("SI-1690", "C2", 21632.81, "2026-09-04")]


def test_a_number_after_swift_field_words_is_read_with_its_letters():
    """/INV/SI 1679: the letters SI belong to the number, not to the field name."""
    r = match(SAGE_CUSTOMERS, SAGE_INVOICES, {
        "amount": 107391.23,
        "desc": "INWARD TT :70:/INV/SI 1679 + SI-01677 + SI-1682 :50K:/" + IBAN})
    assert sorted(allocations(r)) == [("SI-1677", 29201.21, "multi-invoice", "Matched"),
                                      ("SI-1679", 21632.81, "multi-invoice", "Matched"),
                                      ("SI-1682", 56557.21, "multi-invoice", "Matched")]


def test_an_excess_over_the_invoices_left_when_another_line_took_one_it_names_is_suggested():
    """L1 pays SI-1679 exactly; L2 names all three and pays all three: SI-1679 is settled, so
    its rest over SI-1677 and SI-1682 is no sure overpayment held on account (paid twice?)."""
    r = match(SAGE_CUSTOMERS, SAGE_INVOICES,
              {"amount": 21632.81, "desc": "ACH CREDIT /REF: INV SI-1679"},
              {"amount": 107391.23, "acc": IBAN,
               "desc": "INWARD TT :70:/INV/SI 1679 + SI-01677 + SI-1682"})
    assert allocations(r, "L1") == [("SI-1679", 21632.81, "reference", "Matched")]
    assert allocations(r, "L2") == [("SI-1677", 29201.21, "overpayment", "Suggested"),
                                    ("SI-1682", 56557.21, "overpayment", "Suggested"),
                                    (None, 21632.81, "on-account", "Suggested")]
    assert "it also names SI-1679, settled already" in reason(r, "L2")


def test_a_line_naming_a_settled_invoice_is_not_matched_by_its_amount_to_another():
    """L1 pays all three; L2 names SI-1679 again, for the amount of Delta's SI-1690: a
    duplicate or Delta's payment, a person decides."""
    r = match(SAGE_CUSTOMERS, SAGE_INVOICES,
              {"amount": 107391.23, "acc": IBAN,
               "desc": "INWARD TT :70:/INV/SI 1679 + SI-01677 + SI-1682"},
              {"amount": 21632.81, "desc": "ACH CREDIT /REF: INV SI-1679"})
    assert len(allocations(r, "L1")) == 3
    assert allocations(r, "L2") == [("SI-1690", 21632.81, "amount-only", "Suggested")]
    assert "SI-1679, which it names, is already settled: paid twice?" in reason(r, "L2")


def test_a_payer_naming_its_settled_invoice_and_paying_another_less_charges_is_suggested():
    customers = [customer("C1", "شركة الأهرام للمقاولات العامة"), customer("C2", "Delta Foods")]
    invoices = [invoice("1436/2026", "C1", 70172.92, "2026-09-01"),
                invoice("1432/2026", "C1", 70371.48, "2026-09-02"),
                invoice("1500/2026", "C2", 9000.00)]
    r = match(customers, invoices,
              {"amount": 70172.92, "desc": "ACH CREDIT /REF: 1436/2026"},
              {"amount": 70172.92, "cp": "شركة الأهرام للمقاولات العامة",
               "desc": "ACH CREDIT /ORIG: شركة الأهرام للمقاولات العامة /REF: 1436/26"})
    assert allocations(r, "L1") == [("1436/2026", 70172.92, "reference", "Matched")]
    assert {st for *_, st in allocations(r, "L2")} <= {"Suggested"}
