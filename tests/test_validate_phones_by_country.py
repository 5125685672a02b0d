"""`validate`'s duplicate search on phones: a number written from its trunk 0 is dialled with
its customer's country's code (the Country cell, else the currency). A Riyadh customer's
050 123 4567 and a Dubai customer's +971 50 123 4567 end alike and are two lines; an Egyptian
customer's 010 1234 5678 and +20 10 1234 5678 (or Arabic-Indic digits) are one."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets

HEAD = ["Customer Code", "Customer Name", "VAT No.", "Email", "Phone", "Payment Terms",
        "Credit Limit", "Status", "Currency", "Country"]


def checks(tmp_path, rows):
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows]}))
    tab = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    return [[r["Customer ID"], int(r["Row"]), r["Code"], r["Severity"], r["Cell"], r["Message"]]
            for _, r in tab.iterrows()]


def test_a_saudi_and_a_uae_mobile_ending_alike_are_two_lines(tmp_path):
    rows = [
        ["SA001", "Riyadh Trading Est.", "300123456700003", "ar@riyadhtrading.sa", "0501234567",
         "Net 30", 100000, "Active", "SAR", "Saudi Arabia"],
        ["AE001", "Dubai Steel LLC", "100234567890003", "accounts@dubaisteel.ae",
         "+971 50 123 4567", "Net 45", 150000, "Active", "AED", "UAE"],
        # no Country cell: the currency says where 050 765 4321 is dialled
        ["AE002", "Sharjah Plastics FZE", "100987654321003", "ap@shjplastics.ae", "050 765 4321",
         "30", 75000, "Active", "AED", None],
        ["SA002", "Jeddah Foods Co.", "310987654300003", "finance@jeddahfoods.com",
         "+966 50 765 4321", "60 days", 250000, "Active", "SAR", "KSA"],
    ]
    assert checks(tmp_path, rows) == []


def test_one_egyptian_line_written_three_ways_is_still_one(tmp_path):
    rows = [
        ["E01", "Nile Foods Co.", "123456789", "ap@nilefoods.com", "01012345678", "Net 30",
         50000, "Active", "EGP", "Egypt"],
        ["E02", "Delta Pharma", "234567891", "ap@deltapharma.com", "+20 (0)10 1234 5678",
         "Net 30", 50000, "Active", "EGP", "مصر"],
        ["E03", "Cairo Steel", "345678912", "ap@cairosteel.com", "٠١٠١٢٣٤٥٦٧٨", "Net 30", 50000,
         "Active", "EGP", None],
    ]
    found = checks(tmp_path, rows)
    assert [f[:5] for f in found] == [
        ["E01", 2, "POSSIBLE_DUPLICATE", "Warning", "B2"],
        ["E02", 3, "POSSIBLE_DUPLICATE", "Warning", "B3"],
        ["E03", 4, "POSSIBLE_DUPLICATE", "Warning", "B4"],
    ]
    assert all(f[5].endswith("same phone. Merge or confirm they differ.") for f in found)


def test_an_area_code_before_a_slash_is_one_landline(tmp_path):
    # Egypt's letterheads write a landline "02/23456789": one number, not "02" and another
    rows = [
        ["E01", "Nile Foods Co.", "123456789", "ap@nilefoods.com", "02/23456789", "Net 30",
         50000, "Active", "EGP", "Egypt"],
        ["E02", "Delta Pharma", "234567891", "ap@deltapharma.com", "٠٤٠/٣٣١٢٣٤٥", "Net 30",
         50000, "Active", "EGP", "مصر"],
        ["E03", "Cairo Steel", "345678912", "ap@cairosteel.com", "02/1234", "Net 30", 50000,
         "Active", "EGP", "Egypt"],
        ["E04", "Giza Motors", "456789123", "ap@gizamotors.com", "(02) 2345 6789", "Net 30",
         50000, "Active", "EGP", "Egypt"],
    ]
    assert checks(tmp_path, rows) == [
        ["E01", 2, "POSSIBLE_DUPLICATE", "Warning", "B2", "Possibly the same company as E04 "
         "'Giza Motors' (row 5): same phone. Merge or confirm they differ."],
        ["E03", 4, "INVALID_PHONE", "Warning", "E4", "Phone '02/1234' of customer E03 (E4) "
         "does not look like a phone number (too few digits)."],
        ["E04", 5, "POSSIBLE_DUPLICATE", "Warning", "B5", "Possibly the same company as E01 "
         "'Nile Foods Co.' (row 2): same phone. Merge or confirm they differ."],
    ]
