"""Dunning per currency: a customer owing in two currencies gets a level, a letter and a
pace per currency; a customer in one currency is dunned exactly as before."""

from __future__ import annotations

import email
import email.policy

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.collections.dunning import dunning_run, history_per_account, letter_history
from ar_excel.core.ledger import open_items
from tests.collections_data import customers, invoices, payments, write_workbook

AS_OF = pd.Timestamp("2026-10-31")


def ledger():
    cust = customers([
        {"Customer ID": "M1", "Name": "Two Currency Trading", "Email": "ap@two.example"},
        {"Customer ID": "S1", "Name": "Single Currency Co", "Email": "ap@single.example"},
    ])
    inv = invoices([
        ("U1", "M1", "2026-06-28", "2026-07-28", 4000.00, "USD"),  # 95 days late
        ("E1", "M1", "2026-09-21", "2026-10-21", 15000.00, "EGP"),  # 10 days late
        ("E2", "M1", "2026-10-20", "2026-11-19", 5000.00, "EGP"),  # not yet due
        ("S-1", "S1", "2026-08-01", "2026-08-31", 750.00),  # 61 days: final notice
    ])
    return cust, inv, payments([])


def by_account(frame):
    return frame.set_index(["Customer ID", "Currency"])


def run(history=None, inv=None):
    cust, inv0, pay = ledger()
    inv = inv0 if inv is None else inv
    return dunning_run(open_items(cust, inv, pay, AS_OF), cust, AS_OF, history=history)


def test_each_currency_has_its_own_level():
    d = by_account(run())
    cols = ["Level", "Level Name", "Days Overdue", "Amount To Collect", "Open Balance", "Letter",
            "Next Action"]
    assert d.loc[("M1", "USD"), cols].tolist() == [
        4, "Hold / visit", 95, 4000.00, 4000.00, True, "Put account on hold; field visit"]
    # the EGP debt is 10 days late: a friendly reminder, not the USD hold
    assert d.loc[("M1", "EGP"), cols].tolist() == [
        1, "Friendly reminder", 10, 15000.00, 20000.00, True, "Send friendly reminder"]
    assert d.loc[("S1", "EGP"), cols].tolist() == [
        3, "Final notice", 61, 750.00, 750.00, True,
        "Send final notice with statement; call the customer"]


def test_a_current_currency_gets_no_letter_whatever_the_other():
    cust, inv, pay = ledger()
    current = inv[inv["Invoice No"] != "E1"]  # EGP: only the invoice not yet due
    d = by_account(run(inv=current))
    assert d.loc[("M1", "EGP"), ["Level", "Letter", "Next Action"]].tolist() == [
        0, False, "Nothing overdue"]
    assert d.loc[("M1", "USD"), ["Level", "Letter"]].tolist() == [4, True]


def history(*rows):
    return pd.DataFrame([{"Date": pd.Timestamp(r[0]), "Customer ID": r[1], "Level": r[2],
                          "Level Name": "", "Currency": r[3]} for r in rows])


def test_each_currency_is_paced_by_its_own_letters():
    # the USD hold went out 3 days ago; the EGP account was never written to: its first
    # reminder is due now, and the USD letter is not repeated within the week
    d = by_account(run(history(("2026-10-28", "M1", 4, "USD"))))
    assert d.loc[("M1", "USD"), ["Level", "Letter", "Last Level", "Next Action"]].tolist() == [
        4, False, 4, "Wait: letter sent 2026-10-28"]
    assert d.loc[("M1", "EGP"), ["Level", "Letter", "Last Level"]].tolist() == [1, True, 0]
    # an EGP friendly reminder 3 days ago holds only the EGP account (it escalated then)
    inv = ledger()[1]
    inv.loc[inv["Invoice No"] == "E1", "Due Date"] = pd.Timestamp("2026-09-30")  # 31 days
    d = by_account(run(history(("2026-10-28", "M1", 1, "EGP")), inv=inv))
    assert d.loc[("M1", "EGP"), ["Level", "Letter", "Next Action"]].tolist() == [
        1, False, "Escalate after 2026-11-04 (one escalation a week)"]
    assert d.loc[("M1", "USD"), ["Level", "Letter", "Last Level"]].tolist() == [4, True, 0]


def test_history_without_currency_paces_every_currency_and_single_currency_takes_all():
    old = history(("2026-10-28", "M1", 4, None), ("2026-10-28", "S1", 3, "USD"))
    d = by_account(run(old))
    # a row of an older history, no currency: it may have been either letter, so neither
    # is repeated within the week
    assert d.loc[("M1", "USD"), ["Letter", "Last Level"]].tolist() == [False, 4]
    assert d.loc[("M1", "EGP"), ["Letter", "Last Level"]].tolist() == [False, 4]
    # one currency: the customer's history counts whatever currency it names (as before)
    assert d.loc[("S1", "EGP"), ["Letter", "Last Level", "Next Action"]].tolist() == [
        False, 3, "Wait: letter sent 2026-10-28"]
    accounts = pd.DataFrame({"Customer ID": ["M1", "M1", "S1"], "_ccy": ["USD", "EGP", "EGP"]})
    per = history_per_account(old, accounts)
    assert sorted(zip(per["Customer ID"], per["Currency"], strict=True)) == [
        ("M1", "EGP"), ("M1", "USD"), ("S1", "EGP")]
    last = letter_history(per, AS_OF, by_currency=True)
    assert last.loc[("M1", "USD"), "Last Level"] == 4


def test_letters_and_history_per_currency_through_the_cli(tmp_path):
    cust, inv, pay = ledger()
    book = tmp_path / "ar.xlsx"
    write_workbook(book, {"Customers": cust, "Invoices": inv, "Payments": pay})
    assert main(["collections", str(book), "--as-of", "2026-10-31", "--no-backup"]) == 0
    folder = tmp_path / "dunning"
    assert sorted(p.name for p in folder.glob("*.eml")) == [
        "2026-10-31_M1_EGP.eml", "2026-10-31_M1_USD.eml", "2026-10-31_S1.eml"]

    def read(name):
        msg = email.message_from_bytes((folder / name).read_bytes(),
                                       policy=email.policy.default)
        return msg, msg.get_body(("plain",)).get_content()

    msg, body = read("2026-10-31_M1_EGP.eml")
    assert msg["Subject"] == "Payment reminder - account M1 (EGP)"
    assert "15,000.00 EGP in all" in body and "Account balance: 20,000.00 EGP" in body
    assert "U1" not in body and list(msg.iter_attachments()) == []
    msg, body = read("2026-10-31_M1_USD.eml")
    assert msg["Subject"] == "Account M1 (USD) on hold"
    assert "4,000.00 USD in all, are up to 95 days past due" in body and "E1" not in body
    msg, _ = read("2026-10-31_S1.eml")
    assert msg["Subject"] == "Final notice: overdue account S1"  # one currency: as before
    assert [p.get_filename() for p in msg.iter_attachments()] == ["Statement_S1_2026-10-31.pdf"]

    ws = openpyxl.load_workbook(book)["Dunning History"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    head = rows.index(next(r for r in rows if r and r[0] == "Date"))
    got = [(r[1], r[2], r[4], r[5]) for r in rows[head + 1:]]
    assert got == [("M1", 4, "USD", 4000.0), ("M1", 1, "EGP", 15000.0), ("S1", 3, "EGP", 750.0)]
    # three days later: the USD hold waits its week, the EGP reminder too; nothing is sent
    assert main(["collections", str(book), "--as-of", "2026-11-03", "--no-backup"]) == 0
    dun = openpyxl.load_workbook(book)["Dunning"]
    rows = [r for r in dun.iter_rows(values_only=True)]
    header = list(rows[0])
    recs = {(r[0], r[header.index("Currency")]): r for r in rows[1:] if r[0]}
    level, letter = header.index("Level"), header.index("Letter")
    assert {k: (v[level], v[letter]) for k, v in recs.items()} == {
        ("M1", "USD"): (4, False), ("M1", "EGP"): (1, False), ("S1", "EGP"): (3, False)}


def test_two_currencies_letters_of_one_level_say_their_currency_in_the_subject(tmp_path):
    """Before, M1's USD and EGP friendly reminders were both 'Payment reminder - account M1':
    the customer (and the sender's sent items) could not tell the two apart."""
    cust, inv, pay = ledger()
    inv.loc[inv["Invoice No"] == "U1", "Due Date"] = pd.Timestamp("2026-10-20")  # 11 days
    cust.loc[cust["Customer ID"] == "M1", "Name"] = "شركة الثنائي"  # an Arabic letter too
    book = tmp_path / "ar.xlsx"
    write_workbook(book, {"Customers": cust, "Invoices": inv, "Payments": pay})
    assert main(["collections", str(book), "--as-of", "2026-10-31", "-o",
                 str(tmp_path / "out.xlsx")]) == 0
    folder = tmp_path / "dunning"
    subjects = {p.name: email.message_from_bytes(p.read_bytes(), policy=email.policy.default)[
        "Subject"] for p in sorted(folder.glob("*.eml"))}
    assert subjects == {"2026-10-31_M1_EGP.eml": "تذكير بالسداد - حساب رقم M1 (EGP)",
                        "2026-10-31_M1_USD.eml": "تذكير بالسداد - حساب رقم M1 (USD)",
                        "2026-10-31_S1.eml": "Final notice: overdue account S1"}
