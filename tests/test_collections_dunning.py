"""Dunning levels, credits on account, the one-escalation-a-week rule, plan customers, letters."""

from __future__ import annotations

import email
import email.policy

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.collections.dunning import (
    chased_items,
    dunning_level,
    dunning_run,
    history_rows,
    letter_history,
    merge_history,
)
from ar_excel.core.collections.letters import dunning_letter
from ar_excel.core.collections.payment_plans import plan_schedule
from ar_excel.core.ledger import open_items
from ar_excel.io.eml import draft_message, write_draft
from ar_excel.policy import Policy
from tests.collections_data import customers, invoices, payments, plans

AS_OF = pd.Timestamp("2026-10-31")


@pytest.mark.parametrize(("days", "level"), [
    (-3, 0), (0, 0), (6, 0), (7, 1), (29, 1), (30, 2), (59, 2), (60, 3), (89, 3), (90, 4),
    (400, 4)])
def test_level_from_days_overdue_default_policy(days, level):
    assert dunning_level(days, Policy().dunning_levels_days) == level


def test_level_follows_the_policy_thresholds():
    assert [dunning_level(d, (15, 45)) for d in (14, 15, 44, 45, 100)] == [0, 1, 1, 2, 2]


def ledger():
    cust = customers([
        {"Customer ID": "C1", "Name": "Alpha Trading", "Email": "ap@alpha.example"},
        {"Customer ID": "C2", "Name": "Beta Foods"},
        {"Customer ID": "C3", "Name": "Gamma Steel"},
        {"Customer ID": "C4", "Name": "شركة دلتا للمقاولات", "Email": "info@delta.example"},
        {"Customer ID": "C5", "Name": "Epsilon"},
        {"Customer ID": "C6", "Name": "Zeta"},
    ])
    inv = invoices([
        ("I1", "C1", "2026-09-20", "2026-10-20", 1000.00),  # 11 days -> friendly
        ("I2", "C2", "2026-08-26", "2026-09-25", 500.00),  # 36 days -> firm
        ("I3", "C3", "2026-08-01", "2026-08-31", 750.00),  # 61 days -> final notice
        ("I4", "C4", "2026-07-01", "2026-08-01", 2000.00),  # 91 days -> hold / visit
        ("I4b", "C4", "2026-10-15", "2026-11-14", 300.00),  # not yet due
        ("I5", "C5", "2026-09-28", "2026-10-28", 400.00),  # 3 days: not yet at level 1
        ("I6", "C6", "2026-08-01", "2026-08-31", 600.00),  # 61 days, but covered by cash
    ])
    pay = payments([
        ("P1", "C6", "2026-10-05", 650.00, None),  # on account: covers I6 entirely
        ("P2", "C4", "2026-10-01", 500.00, "I4"),  # part payment of I4
    ])
    return cust, inv, pay


def run(history=None, plan=None, as_of=AS_OF, arabic=False):
    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, as_of)
    sched = plan_schedule(plan, pay, as_of, cust)[0] if plan is not None else None
    return dunning_run(items, cust, as_of, Policy(), history, sched, arabic=arabic)


def by_id(frame):
    return frame.set_index("Customer ID")


def test_levels_amounts_and_actions():
    d = by_id(run())
    assert d.loc[["C1", "C2", "C3", "C4", "C5", "C6"], "Level"].tolist() == [1, 2, 3, 4, 0, 0]
    assert d.loc["C1", "Level Name"] == "Friendly reminder"
    assert d.loc["C4", "Level Name"] == "Hold / visit"
    assert d.loc["C4", "Overdue Amount"] == 1500.00  # 2000 - 500 paid
    assert d.loc["C4", "Open Balance"] == 1800.00
    assert d.loc["C4", "Days Overdue"] == 91
    assert d.loc["C1", "Letter"] and d.loc["C4", "Letter"]
    assert d.loc["C3", "Next Action"] == "Send final notice with statement; call the customer"
    # C5: 3 days overdue; the first reminder is due on due date + 7 days
    assert not d.loc["C5", "Letter"]
    assert d.loc["C5", "Next Action Date"] == pd.Timestamp("2026-11-04")
    # C6: the cash on account covers the overdue invoice: apply it, do not dun
    assert d.loc["C6", "Amount To Collect"] == 0.0 and d.loc["C6", "Credit On Account"] == 650.0
    assert d.loc["C6", "Next Action"] == "Apply credit on account to the overdue invoices"
    assert not d.loc["C6", "Letter"]
    assert d.loc["C4", "Language"] == "ar" and d.loc["C1", "Language"] == "en"
    # an over-paid customer: nothing to chase, money to give back or use
    cust, inv, pay = ledger()
    pay = payments([("P9", "C5", "2026-10-30", 900.00, "I5")])  # 500 over-paid
    items = open_items(cust, inv, pay, AS_OF)
    d2 = by_id(dunning_run(items, cust, AS_OF))
    assert d2.loc["C5", "Open Balance"] == -500.00
    assert d2.loc["C5", "Next Action"] == "Credit balance: apply to new invoices or refund"
    # ordered by level, then amount
    assert run()["Customer ID"].tolist()[:4] == ["C4", "C3", "C2", "C1"]


def test_credits_cover_the_oldest_invoices_first():
    cust = customers([{"Customer ID": "C1", "Name": "A"}])
    inv = invoices([("OLD", "C1", "2026-06-01", "2026-07-01", 300.00),
                    ("MID", "C1", "2026-07-01", "2026-08-01", 200.00),
                    ("NEW", "C1", "2026-09-01", "2026-10-01", 100.00)])
    pay = payments([("P1", "C1", "2026-10-10", 350.00, None)])
    chased = chased_items(open_items(cust, inv, pay, AS_OF)).set_index("Document No")
    assert chased["Uncovered Amount"].to_dict() == {"OLD": 0.0, "MID": 150.0, "NEW": 100.0}
    d = dunning_run(open_items(cust, inv, pay, AS_OF), cust, AS_OF).iloc[0]
    # OLD (122 days) is paid by the cash on account: the level comes from MID (91 days)
    assert (d["Days Overdue"], d["Level"], d["Amount To Collect"]) == (91, 4, 250.0)


def history(*rows):
    return pd.DataFrame([{"Date": pd.Timestamp(r[0]), "Customer ID": r[1], "Level": r[2],
                          "Level Name": r[3] if len(r) > 3 else ""} for r in rows])


def test_no_second_escalation_within_a_week():
    # C2 got its first (friendly) letter 4 days ago; it is now at 36 days (firm)
    d = by_id(run(history(("2026-10-27", "C2", 1))))
    assert d.loc["C2", "Level"] == 1
    assert not d.loc["C2", "Letter"]
    assert d.loc["C2", "Next Action Date"] == pd.Timestamp("2026-11-03")
    assert d.loc["C2", "Next Action"].startswith("Escalate after 2026-11-03")
    # a week later the escalation goes through
    d = by_id(run(history(("2026-10-24", "C2", 1))))
    assert (d.loc["C2", "Level"], bool(d.loc["C2", "Letter"])) == (2, True)


def test_a_repeat_letter_does_not_restart_the_week():
    # escalated to 1 on 10-20, repeated at level 1 on 10-27: the last escalation is 11 days old
    d = by_id(run(history(("2026-10-20", "C2", 1), ("2026-10-27", "C2", 1))))
    assert (d.loc["C2", "Level"], bool(d.loc["C2", "Letter"])) == (2, True)


def test_same_level_is_not_resent_within_a_week_and_same_day_rows_are_this_run():
    d = by_id(run(history(("2026-10-28", "C3", 3))))
    assert d.loc["C3", "Level"] == 3 and not d.loc["C3", "Letter"]
    assert d.loc["C3", "Next Action"] == "Wait: letter sent 2026-10-28"
    d = by_id(run(history(("2026-10-24", "C3", 3))))
    assert d.loc["C3", "Letter"]  # a week on: repeated
    # a row dated on the as-of date is this run's own (a re-run): it does not hold anything
    d = by_id(run(history(("2026-10-31", "C2", 1))))
    assert (d.loc["C2", "Level"], bool(d.loc["C2", "Letter"])) == (2, True)


def test_letter_history_from_rows():
    h = letter_history(history(("2026-10-01", "C1", 1), ("2026-10-09", "C1", 2),
                               ("2026-10-20", "C1", 2), ("2026-11-05", "C1", 4)), AS_OF)
    assert h.loc["C1", "Last Level"] == 2
    assert h.loc["C1", "Last Letter"] == pd.Timestamp("2026-10-20")
    assert h.loc["C1", "Last Escalation"] == pd.Timestamp("2026-10-09")


def test_plan_customer_gets_plan_reminders_instead():
    plan = plans([("C3", 750.00, 3, "2026-11-05", "monthly")])
    d = by_id(run(plan=plan))
    assert d.loc["C3", "Level"] == 0
    assert d.loc["C3", "Level Name"] == "Payment plan"
    assert d.loc["C3", "Next Action"] == "Send plan reminder: instalment 1 due 2026-11-05"
    assert d.loc["C3", "Letter"]
    # a plan reminder three days ago: wait
    d = by_id(run(history(("2026-10-28", "C3", 0, "Payment plan reminder")), plan=plan))
    assert not d.loc["C3", "Letter"]
    assert d.loc["C3", "Next Action"] == "Wait: plan reminder sent 2026-10-28"


def test_history_rows_and_merge_replace_the_same_day():
    d = run()
    new = history_rows(d, AS_OF)
    assert new["Customer ID"].tolist() == ["C4", "C3", "C2", "C1"]
    assert new["Level"].tolist() == [4, 3, 2, 1]
    old = pd.DataFrame({"Date": [pd.Timestamp("2026-10-20"), AS_OF], "Customer ID": ["C9", "C1"],
                        "Level": [1, 1], "Level Name": ["Friendly reminder"] * 2,
                        "Currency": ["EGP"] * 2, "Amount": [1.0, 2.0], "Action": ["x", "y"]})
    merged = merge_history(old, new, AS_OF)
    assert merged["Customer ID"].tolist() == ["C9", "C1", "C2", "C3", "C4"]
    assert len(merge_history(merged, new, AS_OF)) == 5  # re-run: nothing duplicated


def test_arabic_letter_as_email_draft(tmp_path):
    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, AS_OF)
    d = run()
    row = d[d["Customer ID"] == "C4"].iloc[0].to_dict()
    letter = dunning_letter(row, items[items["Customer ID"] == "C4"], levels=4)
    assert letter.language == "ar"
    assert letter.subject == "إيقاف الحساب رقم C4"
    assert [r[0] for r in letter.rows] == ["I4", "I4b"]
    assert letter.rows[0][4:] == ["91", "1,500.00"]
    assert ("إجمالي المتأخر", "1,500.00 EGP") in letter.totals
    path = write_draft(letter, tmp_path / "C4.eml")
    raw = path.read_bytes()
    assert raw.isascii()  # headers RFC 2047-encoded, bodies base64
    assert b"X-Unsent: 1" in raw
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["Subject"] == "إيقاف الحساب رقم C4"
    assert msg["To"] == "info@delta.example"
    text = msg.get_body(("plain",)).get_content()
    assert "شركة دلتا للمقاولات" in text and "1,500.00 EGP" in text and "I4b" in text
    html = msg.get_body(("html",)).get_content()
    assert "dir='rtl'" in html


def test_english_letter_has_no_to_when_email_blank():
    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, AS_OF)
    row = run().set_index("Customer ID").loc["C2"].to_dict() | {"Customer ID": "C2"}
    letter = dunning_letter(row, items[items["Customer ID"] == "C2"], levels=4)
    # the first letter C2 gets: no "second reminder", no "despite our earlier reminder"
    assert letter.subject == "Overdue invoices - account C2"
    assert "500.00 EGP in all, the oldest 36 days past due" in letter.paragraphs[0]
    assert "earlier reminder" not in letter.paragraphs[0]
    after_one = dunning_letter(row | {"Last Level": 1, "Last Letter": pd.Timestamp("2026-10-20")},
                               items[items["Customer ID"] == "C2"], levels=4)
    assert after_one.subject == "Second reminder: overdue invoices - account C2"
    assert after_one.paragraphs[0].startswith("Despite our earlier reminder")
    msg = draft_message(letter)
    assert msg["To"] is None and msg["X-Unsent"] == "1"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=1_000_000), min_size=1, max_size=8),
       st.lists(st.integers(min_value=1, max_value=1_000_000), max_size=4))
def test_credits_are_never_applied_twice(invoice_cents, credit_cents):
    cust = customers([{"Customer ID": "C1", "Name": "A"}])
    inv = invoices([(f"I{k}", "C1", "2026-01-01", f"2026-0{1 + k % 9}-01", c / 100)
                    for k, c in enumerate(invoice_cents)])
    pay = payments([(f"P{k}", "C1", "2026-09-01", c / 100, None)
                    for k, c in enumerate(credit_cents)])
    chased = chased_items(open_items(cust, inv, pay, AS_OF))
    uncovered = round(chased["Uncovered Amount"].sum() * 100)
    assert uncovered == max(sum(invoice_cents) - sum(credit_cents), 0)
    assert (chased["Uncovered Amount"] <= chased["Open Amount"] + 1e-9).all()
    # the covered ones are the oldest: once an invoice is left uncovered, all later ones are too
    ordered = chased.sort_values(["Due Date", "Date", "Document No"], kind="stable")
    partly = (ordered["Uncovered Amount"] > 0).tolist()
    assert partly == sorted(partly)


def test_history_tab_without_its_columns_is_reported(tmp_path):
    from ar_excel.jobs.collections import read_history
    from tests.collections_data import book

    cust, inv, pay = ledger()
    b = book(cust, inv, pay)
    b.sheet_loader = lambda name: [["When", "Who"], ["2026-10-01", "C1"]]
    history, issues = read_history(b)
    assert history is None
    assert issues[0].message.startswith(
        "the Dunning History sheet has no header row with Date, Customer ID, Level")


def test_level_names_for_other_policies():
    from ar_excel.core.collections.texts import letter_kind, level_name

    assert [level_name(k, 3) for k in (1, 2, 3)] == ["Friendly reminder", "Final notice",
                                                     "Hold / visit"]
    assert [level_name(k, 5) for k in (1, 2, 3, 4, 5)] == [
        "Friendly reminder", "Firm reminder", "Firm reminder", "Final notice", "Hold / visit"]
    assert [letter_kind(k, 5) for k in (1, 2, 3, 4, 5)] == [1, 2, 2, 3, 4]
    assert level_name(2, 4, "ar") == "تذكير حازم"
    # level 0: not overdue only where nothing is
    assert level_name(0, 4) == "Not overdue"
    assert level_name(0, 4, "en", days_overdue=5) == "Overdue, below first level"
    assert level_name(0, 4, "ar", days_overdue=5) == "متأخر، دون المستوى الأول"
    policy = Policy(dunning_levels_days=(15, 45, 75))
    cust, inv, pay = ledger()
    d = by_id(dunning_run(open_items(cust, inv, pay, AS_OF), cust, AS_OF, policy))
    # C3 at 61 days: level 2 of 3 = final notice; C1 at 11 days: nothing yet
    assert (d.loc["C3", "Level"], d.loc["C3", "Level Name"]) == (2, "Final notice")
    assert d.loc["C1", "Level"] == 0


def test_a_ledger_with_nothing_left_to_chase_gives_an_empty_dunning_tab():
    # an invoice not yet due, offset to the cent by an unapplied receipt: open items, but no
    # balance to chase (this crashed the month-end's collections with KeyError 'Level')
    cust = customers([{"Customer ID": "C1", "Name": "A"}])
    inv = invoices([("I1", "C1", "2026-10-20", "2026-11-19", 300.00)])
    pay = payments([("P1", "C1", "2026-10-25", 300.00, None)])
    items = open_items(cust, inv, pay, AS_OF)
    assert len(items) == 2
    d = dunning_run(items, cust, AS_OF)
    assert len(d) == 0 and "Level" in d and "Letter" in d
    assert len(history_rows(d, AS_OF)) == 0


def test_a_draft_from_cells_typed_over_two_lines():
    # Alt+Enter in a cell: two addresses one per line, an account name over two lines; an
    # e-mail header is one line (this stopped the month-end's collections with a ValueError)
    import dataclasses

    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, AS_OF)
    row = run().set_index("Customer ID").loc["C2"].to_dict() | {"Customer ID": "C2"}
    letter = dunning_letter(row, items[items["Customer ID"] == "C2"], levels=4)
    letter = dataclasses.replace(letter, subject="Overdue invoices - Beta\nFoods",
                                 email="ap@beta.example\nar@beta.example;\n")
    msg = draft_message(letter, sender="Credit Control\n<credit@ours.example>")
    assert msg["Subject"] == "Overdue invoices - Beta Foods"
    assert msg["To"] == "ap@beta.example, ar@beta.example"
    assert msg["From"] == "Credit Control <credit@ours.example>"


def test_a_draft_to_a_cell_holding_no_address_is_written_without_it():
    """An Email cell holding '"', '<' or 'a@' (no address: validate's INVALID_EMAIL): the
    standard library's header parser failed on them (IndexError) and the month-end's
    collections job with it. The draft is written to the addresses that are ones, else
    with no To for the clerk to fill in. Found by fuzzing the tests' QuickBooks book."""
    import dataclasses

    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, AS_OF)
    row = run().set_index("Customer ID").loc["C2"].to_dict() | {"Customer ID": "C2"}
    letter = dunning_letter(row, items[items["Customer ID"] == "C2"], levels=4)
    for typed in ('"', "<", "a@", '"; <'):
        msg = draft_message(dataclasses.replace(letter, email=typed))
        assert msg["To"] is None and b"Overdue invoices" in msg.as_bytes()
    msg = draft_message(dataclasses.replace(letter, email='a@; "; Beta AP <ap@beta.example>'))
    assert msg["To"] == "Beta AP <ap@beta.example>"
