"""The customer change log kept across runs, and protection of the master sheet."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd
import pytest
from _customer_books import AS_OF, CLEAN, row, write_customers

from ar_excel.cli import main
from ar_excel.core.customers.changes import append_log, diff, snapshot
from ar_excel.errors import InputError
from ar_excel.io.protection import protect_sheet
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import run

WHEN = datetime(2026, 6, 30, 17, 5)


def _frame(**changes):
    base = {"Customer ID": ["C1", "C2", "C3"], "Name": ["Nile Foods", "Delta", "Giza"],
            "Credit Limit": [50000.0, 10000.0, float("nan")], "Payment Terms": [30, 45, 30],
            "Email": ["a@nile.com", "b@delta.com", None], "_row": [2, 3, 4]}
    base.update(changes)
    return pd.DataFrame(base)


def test_diff_logs_each_changed_field_with_old_and_new_values():
    before = snapshot(_frame())
    after = snapshot(_frame(**{"Credit Limit": [75000.0, 10000.0, float("nan")],
                               "Email": ["a@nile.com", "ar@delta.com", None]}))
    log = diff(before, after, "alice", WHEN)
    assert log.values.tolist() == [
        [WHEN, "alice", "C1", "Nile Foods", "Credit Limit", "50,000", "75,000", True],
        [WHEN, "alice", "C2", "Delta", "Email", "b@delta.com", "ar@delta.com", False],
    ]


def test_a_value_retyped_in_another_form_is_not_a_change():
    raw = _frame(**{"Credit Limit": ["50,000", "10000", None]})
    assert diff(snapshot(_frame()), snapshot(_frame(), raw), "u", WHEN).empty


def test_fixing_an_unreadable_value_is_logged():
    parsed = _frame(**{"Credit Limit": [float("nan"), 10000.0, float("nan")]})
    raw = _frame(**{"Credit Limit": ["abc", 10000.0, None]})
    log = diff(snapshot(parsed, raw), snapshot(_frame()), "u", WHEN)
    assert log[["Customer ID", "Field", "Old Value", "New Value"]].values.tolist() == [
        ["C1", "Credit Limit", "abc", "50,000"]]


def test_added_and_removed_customers():
    before = snapshot(_frame())
    now = _frame().iloc[[0, 2]].copy()
    now.loc[5] = ["C9", "New Co", 1.0, 30, None, 9]
    log = diff(before, snapshot(now), "u", WHEN)
    assert log[["Customer ID", "Customer", "Field", "Old Value", "New Value"]].values.tolist() == [
        ["C9", "New Co", "(customer added)", "", "New Co"],
        ["C2", "Delta", "(customer removed)", "Delta", ""],
    ]


def test_the_log_is_appended_never_rewritten():
    first = diff(snapshot(_frame()), snapshot(_frame(**{"Payment Terms": [60, 45, 30]})), "a",
                 WHEN)
    read_back = first.astype("object").assign(**{"Credit Change": ["TRUE"]})
    second = diff(snapshot(_frame()), snapshot(_frame(Name=["Nile", "Delta", "Giza"])), "b",
                  WHEN)
    log = append_log(read_back, second)
    assert log[["User", "Field", "Credit Change"]].values.tolist() == [
        ["a", "Payment Terms", True], ["b", "Name", False]]


@pytest.fixture
def workbook(tmp_path):
    rows = [CLEAN[0], CLEAN[1], row("C050", "Old Customer", "5", "a@old.com", "+20 100 5555 555")]
    return write_customers(tmp_path / "master.xlsx", rows)


def _sheet_rows(path, name):
    wb = openpyxl.load_workbook(path)
    return wb[name].sheet_state, [list(r) for r in wb[name].iter_rows(values_only=True)]


def test_runs_in_place_keep_a_snapshot_and_append_to_the_change_log(workbook):
    assert main(["validate", str(workbook), "--as-of", "2026-06-30", "--user", "alice",
                 "--no-backup"]) == 0
    state, snap = _sheet_rows(workbook, "_ar_customer_snapshot")
    assert state == "hidden" and snap[1][:3] == ["C001", "C001", "Nile Foods Co."]
    assert _sheet_rows(workbook, "Customer Changes")[1] == [
        ["When", "User", "Customer ID", "Customer", "Field", "Old Value", "New Value",
         "Credit Change"]]

    wb = openpyxl.load_workbook(workbook)
    ws = wb["Customers"]
    ws["J3"] = 65000  # C001 limit 50,000 -> 65,000
    ws["I4"] = "Net 60"  # C002 terms 45 -> 60
    ws.delete_rows(5)  # C050 removed
    wb.save(workbook)
    assert main(["validate", str(workbook), "--as-of", "2026-06-30", "--user", "bob",
                 "--no-backup"]) == 0
    ws = openpyxl.load_workbook(workbook)["Customer Changes"]
    log = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[1:] for r in log] == [
        ["bob", "C001", "Nile Foods Co.", "Credit Limit", "50,000", "65,000", True],
        ["bob", "C002", "Nile Motors S.A.E.", "Payment Terms", "45", "60", True],
        ["bob", "C050", "Old Customer", "(customer removed)", "Old Customer", None, False],
    ]
    filled = [r[0].fill.fgColor.rgb for r in ws.iter_rows(min_row=2)]
    assert filled[0] == filled[1] != filled[2]  # limit and terms changes highlighted

    ws = openpyxl.load_workbook(workbook)["Customers"]
    ws["D3"] = "new@nilefoods.com"
    ws.parent.save(workbook)
    assert main(["validate", str(workbook), "--as-of", "2026-06-30", "--user", "carol",
                 "--no-backup"]) == 0
    ws = openpyxl.load_workbook(workbook)["Customer Changes"]
    log = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [r[1] for r in log] == ["bob", "bob", "bob", "carol"]
    assert log[3][4:7] == ["Email", "ap+invoices@nilefoods.com.eg", "new@nilefoods.com"]


def test_user_defaults_to_the_login_name(workbook, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    from ar_excel.jobs.validate import _user

    assert _user(JobOptions(as_of=AS_OF)) == "osuser"
    assert _user(JobOptions(as_of=AS_OF, args={"user": "Excel User"})) == "Excel User"


def test_protection_request_names_the_editable_columns(workbook):
    book = read_book(workbook)
    result = run(book, JobOptions(as_of=AS_OF, args={"protect_password": "s3cret"}))
    (p,) = result.protect
    assert (p.sheet, p.password, p.editable, p.header_row) == (
        "Customers", "s3cret", ("D", "E", "F", "G"), 2)  # Email, Phone, City, Country
    chosen = run(book, JobOptions(as_of=AS_OF, args={"protect_password": "x",
                                                     "editable": "E-mail, Mobile"}))
    assert chosen.protect[0].editable == ("D", "E")
    with pytest.raises(InputError, match="no column 'Fax'"):
        run(book, JobOptions(as_of=AS_OF, args={"protect_password": "x", "editable": "Fax"}))
    assert run(book, JobOptions(as_of=AS_OF)).protect == []


def test_protect_sheet_locks_all_but_the_editable_columns(workbook, tmp_path):
    wb = openpyxl.load_workbook(workbook)
    protect_sheet(wb["Customers"], "s3cret", ["D", "E"], header_row=2)
    out = tmp_path / "protected.xlsx"
    wb.save(out)
    ws = openpyxl.load_workbook(out)["Customers"]
    assert ws.protection.sheet and ws.protection.password not in (None, "", "s3cret")
    assert [ws[c].protection.locked for c in ("D3", "E5", "D2", "A3", "J3", "D100")] == [
        False, False, True, True, True, False]
    assert ws.protection.autoFilter is False and ws.protection.sort is False
    with pytest.raises(ValueError):
        protect_sheet(ws, "", ["D"])


def test_the_validate_request_protects_the_source_master(workbook, tmp_path):
    from ar_excel.io.protection import apply_protection

    result = run(read_book(workbook), JobOptions(as_of=AS_OF, args={"protect_password": "pw"}))
    wb = openpyxl.load_workbook(workbook)
    assert apply_protection(wb, result.protect) == ["Customers"]
    wb.save(tmp_path / "p.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["Customers"]
    assert ws.protection.sheet
    assert [ws[c].protection.locked for c in ("D3", "G4", "H3", "J3", "N3", "A2")] == [
        False, False, True, True, True, True]
