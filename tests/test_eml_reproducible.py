"""Re-running the collections job for the same date writes the same drafts, byte for byte:
the .eml Date header is the as-of date (noon UTC, the same calendar day in every time zone
from UTC-11 to UTC+11), not the wall clock; the Message-ID and the MIME boundaries come from
the letter itself, not from the clock or a random draw; the enclosed statement PDF likewise.
Before, each run stamped the minute it ran ('Date: Mon, 23 Nov 2026 21:04:13 +0000' on a
letter as of 31 October) and drew a new Message-ID and boundaries, so two runs of the same
month-end gave different files."""

from __future__ import annotations

import email
import email.policy
import time

import pandas as pd

from ar_excel.cli import main
from ar_excel.core.collections.letters import Letter
from ar_excel.io.eml import draft_message
from tests.collections_data import customers, invoices, payments, write_workbook


def _book(tmp_path):
    cust = customers([{"Customer ID": "S1", "Name": "Single Co", "Email": "ap@single.example"},
                      {"Customer ID": "C4", "Name": "شركة دلتا", "Email": "info@delta.example"}])
    inv = invoices([("S-1", "S1", "2026-08-01", "2026-08-31", 750.00),  # final notice
                    ("D-1", "C4", "2026-09-20", "2026-10-20", 400.00)])  # friendly, Arabic
    path = tmp_path / "ar.xlsx"
    write_workbook(path, {"Customers": cust, "Invoices": inv, "Payments": payments([])})
    return path


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_rerun_writes_the_same_drafts_dated_the_as_of_date(tmp_path):
    path = _book(tmp_path)
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    first = _files(tmp_path / "dunning")
    assert sorted(first) == ["2026-10-31_C4.eml", "2026-10-31_S1.eml",
                             "Statement_S1_2026-10-31.pdf"]
    time.sleep(1.1)  # a second later on the wall clock
    assert main(["collections", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    second = _files(tmp_path / "dunning")
    assert [name for name in first if first[name] != second[name]] == []
    msg = email.message_from_bytes(first["2026-10-31_S1.eml"], policy=email.policy.default)
    assert msg["Date"] == "Sat, 31 Oct 2026 12:00:00 +0000"
    assert msg["Message-ID"].endswith("@ar-excel.local>")
    other = email.message_from_bytes(first["2026-10-31_C4.eml"], policy=email.policy.default)
    assert other["Message-ID"] != msg["Message-ID"]  # one per letter


def test_a_draft_is_dated_the_day_it_is_given():
    letter = Letter(customer_id="C2", customer="Acme", email=None, language="en", level=1,
                    subject="Payment reminder - account C2", greeting="Dear Acme,",
                    paragraphs=["Please pay."], headers=["Document"], rows=[["INV-1"]],
                    closing="Kind regards,\nAR")
    msg = draft_message(letter, sent_on=pd.Timestamp("2026-11-30"))
    assert msg["Date"] == "Mon, 30 Nov 2026 12:00:00 +0000"
    again = draft_message(letter, sent_on=pd.Timestamp("2026-11-30"))
    assert again["Message-ID"] == msg["Message-ID"]
    later = draft_message(letter, sent_on=pd.Timestamp("2026-12-07"))
    assert later["Message-ID"] != msg["Message-ID"]  # a new letter a week on


def test_a_boundary_found_in_the_letter_is_drawn_again(tmp_path, monkeypatch):
    import hashlib

    from ar_excel.io import eml

    # every draw made from its attempt number alone, so the first one is known beforehand
    monkeypatch.setattr(eml, "_digest", lambda *parts: hashlib.sha1(
        str(parts[-1]).encode()).hexdigest())
    first = "=" * 15 + str(int(hashlib.sha1(b"0").hexdigest()[:15], 16)).zfill(19) + "=="
    letter = Letter(customer_id="C3", customer="Acme", email=None, language="en", level=1,
                    subject="Payment reminder - account C3", greeting="Dear Acme,",
                    paragraphs=[f"see below\n--{first}\nthe end"], headers=["Document"],
                    rows=[["INV-1"]], closing="Kind regards,\nAR")
    path = eml.write_draft(letter, tmp_path / "a.eml", sent_on=pd.Timestamp("2026-11-30"))
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg.get_boundary() not in (None, first)
    assert f"--{first}\r\nthe end" in msg.get_body(("plain",)).get_content()
