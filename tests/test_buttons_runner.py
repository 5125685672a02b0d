"""What a button click does around a job: status bar, message, AR Log, bank file, as-of date,
failures in plain language with the workbook untouched. Jobs here are small stand-ins so the
behaviour is pinned independently of the real jobs (those are in test_buttons_jobs.py)."""

from __future__ import annotations

import datetime as dt

import fake_xlwings as fake
import pandas as pd
import pytest

from ar_excel.errors import InputError
from ar_excel.excel import buttons, runner
from ar_excel.jobs import Job
from ar_excel.model import Issue, JobResult, Tab

CUSTOMERS = [["Customer ID", "Name", "Credit Limit"], ["C1", "Nile Foods", "1,000"],
             ["C2", "Delta", "lots"]]


def _count_job(book, options):
    options.progress(0.5, "counting")
    frame = pd.DataFrame({"Customer ID": book.customers["Customer ID"].tolist(),
                          "As Of": [options.as_of] * len(book.customers)})
    return JobResult([Tab("Counted", frame)], summary=f"{len(frame)} customers counted",
                     issues=[Issue("Customers", "A9", "Customer ID", "x", "job issue")])


def _bank_job(book, options):
    return JobResult([Tab("Bank Used", pd.DataFrame({"File": [str(options.bank)]}))],
                     summary="bank read")


def _broken_job(book, options):
    raise KeyError("Amount")


JOBS = {
    "count": Job("count", "count customers", _count_job),
    "bank": Job("bank", "needs a bank", _bank_job, needs=("Customers", "Bank Statement")),
    "broken": Job("broken", "always fails", _broken_job, month_end=False),
    "orders": Job("orders", "needs Orders", _count_job, needs=("Orders",)),
}


@pytest.fixture(autouse=True)
def stub_registry(monkeypatch):
    monkeypatch.setattr(runner, "registry", lambda: dict(JOBS))
    monkeypatch.setattr(buttons, "registry", lambda: dict(JOBS))


def _book(**extra):
    return fake.book_from_sheets({"Customers": CUSTOMERS, **extra}, fullname="/tmp/nowhere/ar.xlsm")


def test_a_click_writes_tabs_issues_status_message_and_log():
    book = _book(Policy=[["Key", "Value"], ["as_of", "31/01/2026"]])
    outcome = buttons.run("count", book)
    assert outcome.ok and outcome.tabs == ["Counted", "Input Issues"]
    assert book.sheets["Counted"].grid() == [["Customer ID", "As Of"],
                                             ["C1", dt.datetime(2026, 1, 31)],
                                             ["C2", dt.datetime(2026, 1, 31)]]
    issues = book.sheets["Input Issues"].grid()
    assert issues[0] == ["Sheet", "Cell", "Column", "Value", "Message"]
    assert [r[:4] for r in issues[1:]] == [["Customers", "C3", "Credit Limit", "lots"],
                                           ["Customers", "A9", "Customer ID", "x"]]
    history = book.app.status_history
    assert any("counting" in str(s) and "50%" in str(s) for s in history)
    assert history[-1] == "ar_excel count: done: count: 2 customers counted"
    assert book.app.alerts == [{"prompt": "count: 2 customers counted", "title": "ar_excel",
                                "buttons": "ok", "mode": "info"}]
    log = book.sheets["AR Log"].grid()
    assert log[0] == runner.LOG_HEADER
    assert log[1][1:5] == ["count", "OK", "count: 2 customers counted", "Counted, Input Issues"]


def test_a_failing_job_shows_a_plain_message_logs_the_traceback_and_changes_nothing():
    book = _book(Counted=[["previous", "run"]])
    outcome = buttons.run("broken", book)
    assert not outcome.ok
    assert "Traceback" not in outcome.message
    assert outcome.message.startswith("broken could not finish (KeyError: 'Amount')")
    (alert,) = book.app.alerts
    assert alert["mode"] == "critical" and "Traceback" not in alert["prompt"]
    assert [s.name for s in book.sheets] == ["Customers", "Counted", "AR Log"]
    assert book.sheets["Counted"].grid() == [["previous", "run"]]
    row = book.sheets["AR Log"].grid()[1]
    assert row[2] == "Failed" and "Traceback" in row[5] and "KeyError" in row[5]
    assert str(book.app.status_bar).startswith("ar_excel broken: failed")


def test_a_second_run_appends_to_the_log_and_replaces_the_tabs():
    book = _book()
    buttons.run("count", book)
    buttons.run("count", book)
    assert [s.name for s in book.sheets].count("Counted") == 1
    assert len(book.sheets["AR Log"].grid()) == 3


def test_bad_input_is_an_input_error_message():
    book = fake.book_from_sheets({"Invoices": [["Invoice No", "Amount"], ["I1", 5]]})
    outcome = buttons.run("count", book, quiet=True)
    # (no customer list, the invoice list unread: why it was not read, not 'no Customers
    # sheet', which the book would not need once its invoice list is read)
    assert not outcome.ok and "sheet 'Invoices' has no column for Customer ID, Invoice Date" \
        in outcome.message
    assert outcome.message.endswith("Nothing was changed.")
    assert book.app.alerts == []  # quiet


def test_unknown_job_and_bad_as_of_are_reported():
    assert "no job called 'nope'" in buttons.run("nope", _book(), quiet=True).message
    bad = _book(Policy=[["Key", "Value"], ["as_of", "someday"]])
    assert "as-of date 'someday'" in buttons.run("count", bad, quiet=True).message


def test_bank_file_from_dialog_policy_or_sheet(tmp_path):
    statement = tmp_path / "june statement.csv"
    statement.write_text("Date,Amount\n")
    # chosen in the dialog, passed from VBA as hex of UTF-16LE
    hexed = str(statement).encode("utf-16-le").hex().upper()
    book = _book()
    assert buttons.run("bank", book, bank_hex=hexed, quiet=True).ok
    assert book.sheets["Bank Used"].grid()[1] == [str(statement)]
    # named in the Policy sheet, relative to the workbook's folder
    book = fake.book_from_sheets({"Customers": CUSTOMERS, "Policy": [
        ["Key", "Value"], ["bank_statement", "june statement.csv"]]},
        fullname=str(tmp_path / "ar.xlsm"))
    assert buttons.run("bank", book, quiet=True).ok
    assert book.sheets["Bank Used"].grid()[1] == [str(statement)]
    # several named in the Policy sheet, one per bank account: the job gets them all
    other = tmp_path / "usd statement.csv"
    other.write_text("Date,Amount\n")
    book = fake.book_from_sheets({"Customers": CUSTOMERS, "Policy": [
        ["Key", "Value"], ["bank_statement", "june statement.csv; usd statement.csv"]]},
        fullname=str(tmp_path / "ar.xlsm"))
    assert buttons.run("bank", book, quiet=True).ok
    assert book.sheets["Bank Used"].grid()[1] == [str([statement, other])]
    # a Bank Statement sheet: the job gets no file and reads the sheet
    book = _book(**{"Bank Statement": [["Date", "Description", "Amount"], ["2026-01-02", "x", 5]]})
    assert buttons.run("bank", book, quiet=True).ok
    assert book.sheets["Bank Used"].grid()[1] == ["None"]
    # none of the three: said in the clerk's terms, not the command line's
    outcome = buttons.run("bank", _book(), quiet=True)
    assert not outcome.ok and "no bank statement" in outcome.message
    assert "--bank" not in outcome.message and "choose the statement file" in outcome.message
    # a Policy file that is not there: the job gets it and says so, as on the command line
    # (a month-end run still does its other jobs: test_live_parity.py)
    book = fake.book_from_sheets({"Customers": CUSTOMERS, "Policy": [
        ["Key", "Value"], ["bank_statement", "missing.csv"]]}, fullname=str(tmp_path / "ar.xlsm"))
    assert buttons.run("bank", book, quiet=True).ok
    assert book.sheets["Bank Used"].grid()[1] == [str(tmp_path / "missing.csv")]


def test_arabic_path_survives_the_vba_hex_encoding():
    path = "C:/Users/O'Brien/كشف البنك/يونيو.csv"
    assert runner.decode_vba_text(path.encode("utf-16-le").hex()) == path


def test_month_end_runs_every_month_end_job_and_skips_those_without_their_sheets():
    book = _book(**{"Bank Statement": [["Date", "Description", "Amount"], ["2026-01-02", "x", 5]]})
    outcome = buttons.month_end_run(book, quiet=True)
    assert outcome.ok, outcome.message
    assert outcome.tabs == ["Counted", "Bank Used", "Input Issues"]
    assert "orders: skipped, the workbook has no 'Orders' sheet" in outcome.message
    assert "broken" not in outcome.message  # not a month-end job


def test_handlers_exist_for_every_registered_job():
    assert buttons.count.__name__ == "count"
    assert buttons.count(_book(), quiet=True).ok
    assert set(buttons.button_functions()) >= set(buttons.NAMED) | set(JOBS)
    with pytest.raises(AttributeError):
        buttons.not_a_job  # noqa: B018


def test_as_of_argument_wins_over_policy():
    book = _book(Policy=[["Key", "Value"], ["as_of", "2026-01-31"]])
    assert runner.resolve_as_of(runner.read_live_book(book), "2025-12-31") == dt.date(2025, 12, 31)
    with pytest.raises(InputError):
        runner.resolve_as_of(runner.read_live_book(book), "31 Febtember")
