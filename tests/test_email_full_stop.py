"""An email cell ending with a full stop ('ap@firm.com.', pasted from a sentence): the
address is plain, so it is read without the stop (statements and letters go to it) and the
master is told to drop the stop, a Warning, not an Error saying statements cannot be sent."""

from __future__ import annotations

from datetime import date

from ar_excel.core.collections.letters import Letter
from ar_excel.core.customers import contacts
from ar_excel.io.eml import draft_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB as VALIDATE
from tests._workbooks import save_sheets


def _checks(tmp_path, emails: list[str], arabic: bool = False):
    sheet = "العملاء" if arabic else "Customers"
    head = ["رقم العميل", "اسم العميل", "البريد الإلكتروني"] if arabic else [
        "Customer ID", "Name", "Email"]
    rows = [head] + [
        [f"C{i}", f"Trader {i}", e] for i, e in enumerate(emails, 1)]
    book = read_book(save_sheets(tmp_path / "m.xlsx", {sheet: rows}))
    frame = VALIDATE.run(book, JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    return [(r["Customer ID"], r["Cell"], r["Code"], r["Severity"], r["Message"])
            for _, r in frame.iterrows() if r["Code"] == "INVALID_EMAIL"]


def test_a_full_stop_after_the_address_is_a_warning_read_without_it(tmp_path):
    assert _checks(tmp_path, ["ap@firm.com.", "ar@nile.com; ap@nile.com.", "ap@firm..com",
                              "ap@firm.com"]) == [
        ("C1", "C2", "INVALID_EMAIL", "Warning",
         "Email 'ap@firm.com.' of customer C1 (C2) ends with a full stop: read as "
         "ap@firm.com; remove the full stop."),
        ("C2", "C3", "INVALID_EMAIL", "Warning",
         "Email 'ar@nile.com; ap@nile.com.' of customer C2 (C3) ends with a full stop: read "
         "as ap@nile.com; remove the full stop."),
        ("C3", "C4", "INVALID_EMAIL", "Error",
         "Email 'ap@firm..com' of customer C3 (C4) is not a valid address; statements cannot "
         "be sent.")]


def test_the_arabic_wording(tmp_path):
    [(_, _, _, severity, message)] = _checks(tmp_path, ["ap@firm.com."], arabic=True)
    assert severity == "Warning"
    assert message == ("البريد الإلكتروني 'ap@firm.com.' للعميل C1 (C2) ينتهي بنقطة: قُرئ "
                       "ap@firm.com؛ احذف النقطة.")


def test_the_address_read_is_the_one_a_letter_goes_to():
    assert contacts.email_addresses("ap@firm.com.") == ("ap@firm.com",)
    assert contacts.email_problem("ap@firm.com.") is None
    assert contacts.email_problem("ap@firm..com") == "ap@firm..com"

    letter = Letter(customer_id="C1", customer="Firm", email="ap@firm.com.", language="en",
                    level=1, subject="Payment reminder - account C1", greeting="Dear Firm,",
                    paragraphs=["Please pay."], headers=["Document"], rows=[["INV-1"]],
                    closing="Kind regards,\nAR")
    assert draft_message(letter, sent_on=date(2026, 11, 30))["To"] == "ap@firm.com"
