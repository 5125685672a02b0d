"""`validate` on IBANs written with their bank's name or a label before them ("الراجحي: SA03
...", "CIB EG38 ...", "IBAN: ..."), or two in a cell with a slash between: the IBAN is
checked and compared as if written alone."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._customer_books import iban
from tests._workbooks import save_sheets

HEAD = ["Customer Code", "Customer Name", "VAT No.", "Phone", "Terms", "Credit Limit",
        "Currency", "Country", "IBAN"]
EG = iban("EG", "0019000500000000263180002")
SA = iban("SA", "80000000608010167519")
AE = iban("AE", "0331234567890123456")


def _spaced(account: str) -> str:
    return " ".join(account[i:i + 4] for i in range(0, len(account), 4))


def checks(tmp_path, rows):
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows]}))
    tab = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    return [[r["Customer ID"], int(r["Row"]), r["Code"], r["Cell"], r["Value"], r["Message"]]
            for _, r in tab.iterrows()]


def test_a_mistyped_iban_after_its_banks_name_is_found(tmp_path):
    bad = EG[:-1] + ("3" if EG[-1] != "3" else "4")
    rows = [
        ["E1", "Nile Foods Co.", "123-456-789", "01012345601", 30, 1000, "EGP", "Egypt",
         "CIB " + _spaced(bad)],
        ["E2", "Delta Pharma", "234-567-891", "01012345602", 30, 1000, "EGP", "Egypt",
         "IBAN: " + EG],
        ["A1", "Dubai Steel LLC", "100234567890003", "+971 4 123 4567", 30, 1000, "AED", "UAE",
         "ENBD " + _spaced(AE)],
        ["X1", "Account Only Co", "345-678-912", "01012345603", 30, 1000, "EGP", "Egypt",
         "Acc 1234567890123"],
    ]
    assert checks(tmp_path, rows) == [
        ["E1", 2, "INVALID_IBAN", "I2", bad, f"IBAN '{bad}' of customer E1 (I2) fails the IBAN "
         "check digits; a digit is probably mistyped."],
    ]


def test_one_account_with_and_without_its_banks_name_is_shared(tmp_path):
    rows = [
        ["S1", "Riyadh Trading Est.", "300123456700003", "0501234567", 30, 1000, "SAR",
         "Saudi Arabia", "الراجحي: " + _spaced(SA)],
        ["S2", "Najd Supplies", "300765432100003", "0557654321", 30, 1000, "SAR",
         "Saudi Arabia", SA.lower()],
        ["E1", "Nile Foods Co.", "123-456-789", "01012345601", 30, 1000, "EGP", "Egypt",
         EG + " / " + AE],
    ]
    found = checks(tmp_path, rows)
    assert [f[:4] for f in found] == [["S1", 2, "POSSIBLE_DUPLICATE", "B2"],
                                      ["S2", 3, "POSSIBLE_DUPLICATE", "B3"]]
    assert found[0][5] == ("Possibly the same company as S2 'Najd Supplies' (row 3): same bank "
                           "account. Merge or confirm they differ.")
