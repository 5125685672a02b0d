"""A customer's further contact line in a hand-kept master (``io.contact_rows``): a number
typed into a number cell is joined as its digits, and a line left without its ID under the
customer's row is that customer's second contact line, as the ID typed again is."""

from __future__ import annotations

from datetime import date

from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB as VALIDATE
from tests._workbooks import save_sheets

HEAD = ["Customer ID", "Name", "Phone", "Mobile", "Email", "Currency", "Credit Limit"]


def _read(tmp_path, rows: list[list]):
    return read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows]}))


def _checks(book) -> list[tuple[str, str, str]]:
    frame = VALIDATE.run(book, JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    return [(r["Customer ID"], r["Cell"], r["Code"]) for _, r in frame.iterrows()]


def test_a_further_mobile_typed_as_a_number_is_joined_as_its_digits(tmp_path):
    book = _read(tmp_path, [
        ["C01", "Birch Trading", "0223456782", 1001234562, "a@birch.com", "EGP", 50000],
        ["C01", None, None, 1001234599, None, None, None],
        ["C02", "Cedar Trading", 223456783, "01001234563", "a@cedar.com", "EGP", 50000],
        ["C02", None, 223456784, 1001234598, None, None, None]])
    customers = book.customers.set_index("Customer ID")
    # (a number cell holds no leading zero: its digits as they are; the text keeps its zero)
    assert customers.loc["C01", "Mobile"] == "1001234562 / 1001234599"
    assert customers.loc["C02", ["Phone", "Mobile"]].tolist() == [
        "223456783 / 223456784", "01001234563 / 1001234598"]
    assert [i.message for i in book.issues] == [
        "row 3 repeats customer C01 of row 2 with only a further contact (Mobile "
        "1001234599): read as one customer, the contact added to row 2's",
        "row 5 repeats customer C02 of row 4 with only a further contact (phone 223456784, "
        "Mobile 1001234598): read as one customer, the contact added to row 4's"]


def test_a_line_without_its_id_under_a_customer_is_its_further_contact(tmp_path):
    """An export (or a clerk) writing a customer's second contact on the line under it without
    repeating the ID: before, a customer with no ID and no name (MISSING_ID, MISSING_NAME
    and two Input Issues); now the contact is the customer's, said once at the ID cell."""
    book = _read(tmp_path, [
        ["C01", "Birch Trading", "0223456782", None, "a@birch.com", "EGP", 50000],
        [None, None, "0223456799", None, "b@birch.com", None, None],
        [None, "Birch Trading", None, "01001234577", None, "EGP", None],
        ["C02", "Cedar Trading", "0223456783", None, "a@cedar.com", "EGP", 50000]])
    customers = book.customers.set_index("Customer ID")
    assert customers.index.tolist() == ["C01", "C02"]
    assert customers.loc["C01", ["Phone", "Mobile", "Email"]].tolist() == [
        "0223456782 / 0223456799", "01001234577", "a@birch.com; b@birch.com"]
    said = [(i.cell, i.message) for i in book.issues]
    assert said == [
        ("A3", "row 3 has no customer ID, only a further contact (phone 0223456799, email "
               "b@birch.com): read as customer C01's of row 2 above, the contact added to "
               "row 2's"),
        ("A4", "row 4 has no customer ID, only a further contact (Mobile 01001234577): read "
               "as customer C01's of row 2 above, the contact added to row 2's")]
    assert arabic_message(said[0][1]) == (
        "الصف 3 بلا رقم عميل وبه جهة اتصال إضافية فقط (phone 0223456799, email b@birch.com): "
        "قُرئت للعميل C01 من الصف 2 أعلاه وأُضيفت جهة الاتصال إلى الصف 2")
    assert _checks(book) == []


def test_a_line_without_an_id_stating_more_than_a_contact_stays_a_record(tmp_path):
    """Another name, a limit of its own, a line apart from the customer or under a line
    without an ID itself: not clearly the customer's contact, so a record of its own
    (MISSING_ID), as before."""
    book = _read(tmp_path, [
        ["C01", "Birch Trading", "0223456782", None, "a@birch.com", "EGP", 50000],
        [None, "Oak Stores", "0223456799", None, None, None, None],  # another name
        ["C02", "Cedar Trading", "0223456783", None, "a@cedar.com", "EGP", 50000],
        [None, None, "0223456798", None, None, None, 9000],  # a limit of its own
        [None, None, "0223456797", None, None, None, None],  # under a line without an ID
        [],
        [None, None, "0223456796", None, None, None, None]])  # a blank row between
    assert book.customers["Customer ID"].tolist() == ["C01", None, "C02", None, None, None]
    assert [i for i in book.issues if "further contact" in i.message] == []
    assert [c for c in _checks(book) if c[2] == "MISSING_ID"] == [
        ("", "A3", "MISSING_ID"), ("", "A5", "MISSING_ID"), ("", "A6", "MISSING_ID"),
        ("", "A8", "MISSING_ID")]
