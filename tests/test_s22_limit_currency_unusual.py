"""UNUSUAL_CREDIT_LIMIT judges a limit among the limits of the currency it is in: where the
master keeps it in another currency than its customer's (typed 'EGP 2,000,000' for a USD
customer, SAP Business One's limits in the company's currency), among that currency's, as
Credit Status reads it (io.limit_currencies). Before, by the customer's Currency: an EGP
limit of a USD customer was weighed against USD amounts (a false 'a zero too many?'), and
SAP's USD partners' EGP limits stood in a group too small to judge."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import run
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)


def _unusual(path, sheets: dict) -> list[tuple[str, str]]:
    book = read_book(save_sheets(path, sheets))
    checks = run(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    found = checks[checks["Code"] == "UNUSUAL_CREDIT_LIMIT"]
    return list(zip(found["Customer ID"], found["Message"], strict=True))


def test_a_limit_typed_in_egp_for_a_usd_customer_is_judged_among_the_egp_ones(tmp_path):
    head = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"]
    rows = [[f"U{i:02d}", f"Dollar {i}", "USD", 30, 10000 + 5000 * i] for i in range(10)]
    rows += [[f"E{i:02d}", f"Pound {i}", "EGP", 30, 500000 + 250000 * i] for i in range(10)]
    rows.append(["U99", "Nile Export", "USD", 30, "EGP 2,000,000"])
    # EGP 2,000,000 among EGP limits of 500,000 to 2,750,000: usual (before: over 10 times
    # the USD limits of 90 % of the USD customers, 'a zero too many?')
    assert _unusual(tmp_path / "typed.xlsx", {"Customers": [head, *rows]}) == []


def test_sap_business_ones_limits_of_usd_partners_are_judged_among_the_egp_ones(tmp_path):
    head = ["BP Code", "BP Name", "Currency", "Payment Terms", "Credit Limit"]
    rows = [[f"C{i:02d}", f"Cairo {i}", "EGP", 30, 100000 + 100000 * i] for i in range(10)]
    rows += [["C20", "Gulf Star", "USD", 30, 500000], ["C21", "Red Sea", "USD", 30, 800000],
             ["C22", "Delta", "USD", 30, 1000000],
             ["C23", "Sinai", "USD", 30, 20000000]]  # a zero too many
    sheets = {"Business Partners": [head, *rows],
              "Policy": [["Key", "Value"], ["base_currency", "EGP"]]}
    # before: the 4 USD partners were too few to judge (10 needed): C23 passed unseen
    assert _unusual(tmp_path / "sap.xlsx", sheets) == [(
        "C23", "Credit limit 20,000,000 of customer C23 (E15) is more than 10 times the "
               "limits of 90% of the customers in EGP (up to 980,000): a zero too many?; "
               "check it was typed as meant.")]
