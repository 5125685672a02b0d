"""Receipts as Qatari, Omani and Bahraini banks print them (helper-195's hand-made month):
Bank Muscat's IBFT CR-<sender> and ACH CREDIT <sender>, where the sender follows the rail's
words without FROM, and cheque deposits that print the drawee bank's code (CLG QIB, CLG CBQ,
NBB, BISB) before the drawer's name.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

OMAN = [customer("CO006", "Oman Fisheries Supplies SAOC", Currency="OMR"),
        customer("CO010", "Majan Logistics SAOC", Currency="OMR")]
OMAN_INVOICES = [invoice("MCT/INV/26/1152", "CO006", 1745.300, "2026-10-01", Currency="OMR"),
                 invoice("MCT/INV/26/1163", "CO010", 1082.360, "2026-10-09", Currency="OMR")]


@pytest.mark.parametrize("narrative", ["IBFT CR-AHMED SAID AL BALUSHI",
                                       "ACH CREDIT AHMED SAID AL BALUSHI"])
def test_a_person_the_transfer_rail_names_paying_another_customers_amount_is_suggested(narrative):
    """A person (no customer) sending exactly what Oman Fisheries owes: as likely someone
    else's money as the invoice's; the amount alone does not make it certain."""
    r = match(OMAN, OMAN_INVOICES, {"amount": 1745.300, "cur": "OMR", "desc": narrative})
    assert allocations(r) == [("MCT/INV/26/1152", 1745.3, "amount-only", "Suggested")]
    assert reason(r).startswith("paid by AHMED SAID AL BALUSHI, not a customer")


def test_the_customers_own_name_after_the_rail_keeps_the_amount_certain():
    r = match(OMAN, OMAN_INVOICES,
              {"amount": 1745.300, "cur": "OMR", "desc": "IBFT CR-OMAN FISHERIES"})
    assert allocations(r) == [("MCT/INV/26/1152", 1745.3, "amount+payer", "Matched")]


QATAR = [customer("CQ006", "Al Mana Engineering Services W.L.L.", Currency="QAR"),
         customer("CQ003", "Doha Marine Services W.L.L.", Currency="QAR")]
QATAR_INVOICES = [invoice("INV-2026-0417", "CQ006", 31250.00, "2026-08-28", Currency="QAR"),
                  invoice("INV-2026-0408", "CQ003", 14600.00, "2026-08-10", Currency="QAR")]


@pytest.mark.parametrize("narrative", ["CHQ DEP 000187 CLG QIB AL MANA ENGG",
                                       "CHQ DEP 000187 CLG CBQ AL MANA ENGINEERING",
                                       "CHQ DEP 000187 DUKHAN BANK AL MANA ENGINEERING",
                                       "CHQ DEP 000187 MASRAF AL RAYAN AL MANA ENGINEERING"])
def test_the_drawee_banks_code_is_no_word_of_the_drawers_name(narrative):
    """QIB, CBQ, Dukhan Bank, Masraf Al Rayan: the bank the cheque is drawn on, as QNB,
    Doha Bank or Emirates NBD already were; the drawer's name beside it is read alone."""
    r = match(QATAR, QATAR_INVOICES, {"amount": 31250.00, "cur": "QAR", "desc": narrative})
    assert allocations(r) == [("INV-2026-0417", 31250.0, "amount+payer", "Matched")]
    assert reason(r).startswith("payer by narrative name (95)")


def test_a_statement_naming_no_currency_reconciled_with_others_keeps_its_recorded_receipts(
        tmp_path):
    """QNB's export states QAR; NBB's CSV states no currency. Reconciled together, the BHD
    receipt recorded in Payments is the NBB credit of 1,456.875 (Method recorded), as when
    NBB's statement is reconciled alone, not a payment on account to post again."""
    import csv

    import pandas as pd

    from ar_excel.cli import main
    from tests.test_reader import _book

    book = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                      ["CQ3", "Doha Marine Services W.L.L.", "QAR", 30],
                      ["CB6", "Muharraq Building Materials Co. W.L.L.", "BHD", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-2026-0408", "CQ3", "2026-08-10", 14600.00],
                     ["BH-SI-005516", "CB6", "2026-08-23", 1456.875],
                     ["BH-SI-005539", "CB6", "2026-09-20", 3988.400]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["RV-BH-1003", "CB6", "2026-10-20", 1456.875, "BH-SI-005516"]]})
    qnb, nbb = tmp_path / "qnb.csv", tmp_path / "nbb.csv"
    with open(qnb, "w", newline="") as fh:
        csv.writer(fh).writerows([["Date", "Description", "Amount", "Currency"],
                                  ["29/10/2026", "FAWRAN IN 0123 DOHA MARINE", "14600.00", "QAR"]])
    with open(nbb, "w", newline="") as fh:
        csv.writer(fh).writerows([["Date", "Description", "Withdrawals", "Deposits"],
                                  ["11/10/2026", "FAWRI CR MUHARRAQ BUILDING MAT", "", "3,988.400"],
                                  ["20/10/2026", "FAWRI+ CR MUHARRAQ BLDG MAT PMT", "",
                                   "1,456.875"]])
    out = tmp_path / "rec.xlsx"
    assert main(["reconcile", str(book), "--bank", str(qnb), "--bank", str(nbb),
                 "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", engine="calamine")
    assert list(zip(m["Bank Line"], m["Invoice No"], m["Applied Amount"], m["Method"],
                    m["Status"], strict=True)) == [
        ("qnb-1", "INV-2026-0408", 14600.0, "amount+payer", "Matched"),
        ("nbb-1", "BH-SI-005539", 3988.4, "amount+payer", "Matched"),
        ("nbb-2", "BH-SI-005516", 1456.875, "recorded", "Matched")]


def test_a_statement_newest_first_opens_with_its_last_lines_balance():
    """Commercial Bank of Qatar's CSV lists the newest line first: the statement opens with
    the oldest (last) line's running balance less its amount, and closes with the newest
    (first) line's, so it ties out (it was opened at 117,450.00 from the newest line and did
    not tie out)."""
    from ar_excel.core.ledger import open_items
    from ar_excel.core.matching import match_statement
    from ar_excel.policy import Policy
    from tests.test_matching_real_narratives import statement
    from tests.test_matching_rules import AS_OF, frame

    lines = statement({"amount": -20.00, "desc": "QNB CHARGES", "date": "2026-10-31", "cur": "QAR"},
                      {"amount": 5000.00, "desc": "PROFIT ON DEPOSIT", "date": "2026-10-15",
                       "cur": "QAR"},
                      {"amount": 12450.00, "desc": "TRF FROM DOHA MARINE SERVICES INV-2026-0408",
                       "date": "2026-10-01", "cur": "QAR"})
    lines["Balance"] = [117430.00, 117450.00, 112450.00]
    c = frame("Customers", QATAR)
    items = open_items(c, frame("Invoices", QATAR_INVOICES), frame("Payments", []), AS_OF)
    summary = match_statement(lines, items, c, Policy()).summary.set_index("Item")
    assert summary.loc["Opening balance", "Amount"] == 100000.00
    assert summary.loc["Closing balance (statement)", "Amount"] == 117430.00
    assert summary.loc["Difference", "Amount"] == 0.0


HARTHY = [customer("CO005", "سالم بن حمد الحارثي للتجارة / Salim Bin Hamad Al Harthy Trading",
                   Currency="OMR"),
          customer("CO009", "Al Harthy Sons Contracting LLC", Currency="OMR")]
HARTHY_INVOICES = [invoice("MCT/INV/26/1150", "CO005", 384.000, "2026-09-29", Currency="OMR"),
                   invoice("MCT/INV/26/1172", "CO009", 384.000, "2026-10-16", Currency="OMR"),
                   invoice("MCT/INV/26/1161", "CO009", 2634.900, "2026-10-07", Currency="OMR")]


@pytest.mark.parametrize("name", ["سالم بن حمد الحارثي للتجارة / Salim Bin Hamad Al Harthy Trading",
                                  "Salim Bin Hamad Al Harthy Trading"])
@pytest.mark.parametrize("narrative", ["IBFT CR-SALIM HAMAD AL HARTHY",
                                       "TRF FROM SALIM HAMAD ALHARTHY"])
def test_a_persons_name_printed_without_bin_is_the_sole_proprietor(name, narrative):
    """BIN (son of) joins a man's name to his father's: Omani and Gulf banks print SALIM HAMAD
    AL HARTHY for Salim Bin Hamad Al Harthy. Both customers have 384.000 open; the name tells
    them apart (it was read as Al Harthy Sons Contracting, 85, and its invoice suggested).
    The name kept in both languages in one cell is the same words twice: the Latin text
    writing them all is the whole name (it scored 91.8, under a certain name's 92)."""
    customers = [customer("CO005", name, Currency="OMR"), HARTHY[1]]
    r = match(customers, HARTHY_INVOICES, {"amount": 384.000, "cur": "OMR", "desc": narrative})
    assert allocations(r) == [("MCT/INV/26/1150", 384.0, "amount+payer", "Matched")]


def test_statements_reconciled_together_each_open_with_their_own_balance():
    """Bank Muscat's XLSX states its opening balance (25,480.115); QNB's CSV states none, its
    lines carry a running balance. Reconciled together, the opening is the sum of each one's
    own (stated, or run: 184,220.45), so the run ties out (it took Bank Muscat's alone and
    said DOES NOT TIE OUT by -184,220.45)."""
    from ar_excel.bank.statement import StatementBalance
    from ar_excel.core.ledger import open_items
    from ar_excel.core.matching import match_statement
    from ar_excel.policy import Policy
    from tests.test_matching_real_narratives import statement
    from tests.test_matching_rules import AS_OF, frame

    lines = statement({"amount": 12450.00, "desc": "FAWRAN IN DOHA MARINE", "date": "2026-10-01",
                       "cur": "QAR"},
                      {"amount": -50.00, "desc": "QNB CHARGES", "date": "2026-10-31", "cur": "QAR"},
                      {"amount": 1250.500, "desc": "IBFT CR-SALIM HAMAD AL HARTHY",
                       "date": "2026-10-01", "cur": "OMR"},
                      {"amount": -12.500, "desc": "BANK CHARGES", "date": "2026-10-31",
                       "cur": "OMR"})
    lines["Statement"] = ["qnb", "qnb", "bankmuscat", "bankmuscat"]
    lines["Balance"] = [196670.45, 196620.45, 26730.615, 26718.115]
    stated = [StatementBalance("bankmuscat", "0301012345670019", "OMR", opening=25480.115)]
    c = frame("Customers", QATAR)
    items = open_items(c, frame("Invoices", QATAR_INVOICES), frame("Payments", []), AS_OF)
    summary = match_statement(lines, items, c, Policy(), balances=stated).summary.set_index("Item")
    assert round(summary.loc["Opening balance", "Amount"], 3) == 209700.565
    assert round(summary.loc["Closing balance (statement)", "Amount"], 3) == 223338.565
    assert summary.loc["Difference", "Amount"] == 0.0


def test_the_instant_schemes_name_is_no_word_beside_the_payers():
    """FAWRAN (Qatar's instant payments) printed before the sender is the bank's word: it
    made RAYYAN one word among others (FAWRAN RAYYAN, capped 85, suggested)."""
    customers = [customer("CQ010", "Al Rayyan Building Materials Est.", Currency="QAR"),
                 customer("CQ003", "Doha Marine Services W.L.L.", Currency="QAR")]
    invoices = [invoice("INV-2026-0452", "CQ010", 6027.90, "2026-10-05", Currency="QAR"),
                invoice("INV-2026-0408", "CQ003", 14600.00, "2026-08-10", Currency="QAR")]
    r = match(customers, invoices, {"amount": 6027.90, "cur": "QAR",
                                    "desc": "FAWRAN IN AL RAYYAN BLDG MATERIALS PAYMENT FOR OCT"})
    assert allocations(r) == [("INV-2026-0452", 6027.9, "amount+payer", "Matched")]


KHALEEJ = [customer("CQ001", "مؤسسة الخليج للمقاولات", Currency="QAR"),
           customer("CQ002", "Al Khaleej Trading & Contracting W.L.L.", Currency="QAR")]


@pytest.mark.parametrize("narrative", ["FAWRAN IN AL KHALEEJ CONTRACTING",
                                       "TRF FROM AL KHALEEJ CONTRACTING"])
def test_the_amount_does_not_pick_a_look_alike_over_the_name_printed_whole(narrative):
    """AL KHALEEJ CONTRACTING is مؤسسة الخليج للمقاولات's name word for word (98), and
    Al Khaleej Trading & Contracting's with a word left out (95). Only the second has an open
    invoice of 5,200.00, but the first owes 5,230.50 in the same currency: which of the two
    paid is for a person to say (it was Matched to the second)."""
    invoices = [invoice("INV-2026-0437", "CQ001", 5230.50, "2026-09-21", Currency="QAR"),
                invoice("INV-2026-0461", "CQ002", 5200.00, "2026-10-15", Currency="QAR")]
    r = match(KHALEEJ, invoices, {"amount": 5200.00, "cur": "QAR", "desc": narrative})
    assert allocations(r) == [("INV-2026-0461", 5200.0, "amount+payer", "Suggested")]


def test_the_look_alike_with_the_amount_is_matched_when_the_name_printed_whole_owes_nothing():
    invoices = [invoice("INV-2026-0461", "CQ002", 5200.00, "2026-10-15", Currency="QAR")]
    r = match(KHALEEJ, invoices, {"amount": 5200.00, "cur": "QAR",
                                  "desc": "TRF FROM AL KHALEEJ CONTRACTING"})
    assert allocations(r) == [("INV-2026-0461", 5200.0, "amount+payer", "Matched")]


MUHARRAQ = [customer("CB006", "Muharraq Building Materials Co. W.L.L.", Currency="BHD"),
            customer("CB010", "Isa Town Electrical Est.", Currency="BHD")]
MUHARRAQ_INVOICES = [invoice("BH-SI-005539", "CB006", 3988.400, "2026-09-20", Currency="BHD"),
                     invoice("BH-SI-005560", "CB010", 598.000, "2026-10-10", Currency="BHD")]


@pytest.mark.parametrize("narrative", ["CDM DEPOSIT 0123 MUHARRAQ",
                                       "CASH DEPOSIT CDM MUHARRAQ BRANCH"])
def test_a_cash_machines_town_is_no_depositor(narrative):
    """MUHARRAQ after a cash machine's number is where the machine stands as likely as who
    paid: a customer named after the town alone (Muharraq Building Materials, whose only
    distinctive word it is) is a candidate, not the payer for sure (it was Matched, 91)."""
    r = match(MUHARRAQ, MUHARRAQ_INVOICES, {"amount": 3988.400, "cur": "BHD", "desc": narrative})
    assert allocations(r) == [("BH-SI-005539", 3988.4, "amount+payer", "Suggested")]


@pytest.mark.parametrize("narrative", ["CASH DEP BY MUHARRAQ BLDG MAT",
                                       "CDM DEPOSIT 0123 MUHARRAQ BUILDING MATERIALS"])
def test_a_depositor_named_by_more_than_a_town_is_the_payer(narrative):
    r = match(MUHARRAQ, MUHARRAQ_INVOICES, {"amount": 3988.400, "cur": "BHD", "desc": narrative})
    assert allocations(r) == [("BH-SI-005539", 3988.4, "amount+payer", "Matched")]


@pytest.mark.parametrize("narrative", ["FAWRAN IN MOHD ABDULLA ALKUWARI",
                                       "TRF FROM MHD ABDULLA AL KUWARI"])
def test_mohd_is_mohammed(narrative):
    """MOHD, MHD: Mohammed as Gulf banks cut it to fit the name field (the payer was not
    identified, and 4,150.00, a round amount, only suggested by itself)."""
    customers = [customer("CQ005", "محمد عبدالله الكواري للتجارة (Mohammed Abdulla Al Kuwari "
                                   "Trading)", Currency="QAR"),
                 customer("CQ003", "Doha Marine Services W.L.L.", Currency="QAR")]
    invoices = [invoice("INV-2026-0414", "CQ005", 4150.00, "2026-08-20", Currency="QAR"),
                invoice("INV-2026-0408", "CQ003", 14600.00, "2026-08-10", Currency="QAR")]
    r = match(customers, invoices, {"amount": 4150.00, "cur": "QAR", "desc": narrative})
    assert allocations(r) == [("INV-2026-0414", 4150.0, "amount+payer", "Matched")]


@pytest.mark.parametrize("narrative", ["CHQ DEP 001234 BANK SOHAR MAJAN LOGISTICS",
                                       "IBFT CR-MAJAN LOGISTICS"])
def test_the_gulfs_legal_forms_are_no_words_of_the_name(narrative):
    """SAOC / SAOG (Oman), SPC (Oman, Bahrain), BSC (Bahrain), QPSC / QSC (Qatar), KSC
    (Kuwait) are legal forms, as LLC and WLL: Majan Logistics SAOC printed without it is its
    whole name (it was a part of the name, 81, and only suggested)."""
    customers = [customer("CO010", "Majan Logistics SAOC", Currency="OMR"),
                 customer("CO003", "Sohar Industrial Services SPC", Currency="OMR")]
    invoices = [invoice("MCT/INV/26/1136", "CO010", 7415.000, "2026-09-14", Currency="OMR"),
                invoice("MCT/INV/26/1108", "CO003", 4780.000, "2026-08-11", Currency="OMR")]
    r = match(customers, invoices, {"amount": 7415.000, "cur": "OMR", "desc": narrative})
    assert allocations(r) == [("MCT/INV/26/1136", 7415.0, "amount+payer", "Matched")]


@pytest.mark.parametrize(("narrative", "amount", "paid"), [
    ("ACH CREDIT OMAN ARAB BANK RUWI ELECTRICAL TR", 1656.770,
     [("MCT/INV/26/1144", 456.78, "multi-invoice", "Matched"),
      ("MCT/INV/26/1166", 1199.99, "multi-invoice", "Matched")]),
    ("TRF VIA BANK OF BAHRAIN AND KUWAIT AL ZAYANI ENGG", 9120.000,
     [("BH-SI-005524", 9120.0, "amount+payer", "Matched")])])
def test_the_gulf_banks_long_names_are_no_words_of_the_payers(narrative, amount, paid):
    """OMAN ARAB BANK (ARAB BANK was a bank, OMAN stayed a word of the name) and BANK OF
    BAHRAIN AND KUWAIT (KUWAIT stayed) are banks whole."""
    customers = [customer("CO011", "Ruwi Electrical Trading LLC", Currency="OMR"),
                 customer("CB008", "Al Zayani Engineering W.L.L.", Currency="OMR")]
    invoices = [invoice("MCT/INV/26/1144", "CO011", 456.780, "2026-09-23", Currency="OMR"),
                invoice("MCT/INV/26/1166", "CO011", 1199.990, "2026-10-11", Currency="OMR"),
                invoice("BH-SI-005524", "CB008", 9120.000, "2026-09-01", Currency="OMR")]
    r = match(customers, invoices, {"amount": amount, "cur": "OMR", "desc": narrative})
    assert allocations(r) == paid


def test_a_name_kept_in_both_languages_in_one_cell_is_named_by_either_half():
    """بوابة المنامة للمقاولات - Manama Gateway Contracting W.L.L.: a bank prints the Latin
    half (MANAMA GATEWAY CONT), which writes none of the Arabic half's words: the Latin half
    alone is a name of the customer, as an English Name column beside the Arabic is (it read
    as a part of the whole name, 87, and the three invoices the amount makes were suggested)."""
    customers = [customer("CB002", "بوابة المنامة للمقاولات - Manama Gateway Contracting W.L.L.",
                          Currency="BHD"),
                 customer("CB005", "Bahrain Pearl Facility Services W.L.L.", Currency="BHD")]
    invoices = [invoice("BH-SI-005505", "CB002", 4320.000, "2026-08-05", Currency="BHD"),
                invoice("BH-SI-005518", "CB002", 2115.750, "2026-08-27", Currency="BHD"),
                invoice("BH-SI-005544", "CB002", 1090.000, "2026-09-24", Currency="BHD"),
                invoice("BH-SI-005514", "CB005", 2980.000, "2026-08-19", Currency="BHD")]
    r = match(customers, invoices, {"amount": 7525.750, "cur": "BHD",
                                    "desc": "FAWRI+ CR MANAMA GATEWAY CONT"})
    assert allocations(r) == [("BH-SI-005505", 4320.0, "multi-invoice", "Matched"),
                              ("BH-SI-005518", 2115.75, "multi-invoice", "Matched"),
                              ("BH-SI-005544", 1090.0, "multi-invoice", "Matched")]
