"""The month-end run shares work between its jobs without changing what any job writes.

* the open-items ledger of a date is built once per run (``core.per_run.shared_work``),
  though credit, reconcile, aging and collections each ask for it; so is the search for the
  master's duplicate records, which validate and credit both need;
* a job run alone writes the very tabs it writes in the month-end run;
* re-running into an existing -o workbook (whose tabs are replaced unread) writes the same
  cells as loading the whole workbook would.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main as cli_main
from ar_excel.core import ledger, per_run
from ar_excel.io import writer

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> tuple[Path, Path]:
    """A small demo ledger typed the messy way and a month of its bank statement."""
    from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    from ar_excel.demo.ledger import make_ledger
    from ar_excel.demo.workbook import write_workbook

    folder = tmp_path_factory.mktemp("month")
    frames = make_ledger(30, 240, 180)
    book = folder / "book.xlsx"
    write_workbook(frames, book)
    lines, _ = make_bank_month(frames["Customers"], frames["Invoices"], frames["Payments"],
                               "2026-11-01", 40, seed=3, currency="EGP")
    return book, write_statement_csv(lines, folder / "bank.csv")


def _run(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()):
        return cli_main(args)


def _cells(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def _key(customers, invoices, payments, as_of) -> tuple:
    return id(customers), id(invoices), id(payments), pd.Timestamp(as_of).normalize()


def _counting_builds(monkeypatch) -> list[tuple]:
    built: list[tuple] = []
    build = ledger._open_items

    def counted(customers, invoices, payments, as_of=None, blank=None):
        built.append(_key(customers, invoices, payments, as_of))
        return build(customers, invoices, payments, as_of, blank)

    monkeypatch.setattr(ledger, "_open_items", counted)
    return built


def test_the_month_end_run_builds_each_dates_open_items_once(month, tmp_path, monkeypatch):
    book, bank = month
    asked: list[tuple] = []
    shared = ledger.open_items

    def asking(customers, invoices, payments, as_of=None, blank=None):
        asked.append(_key(customers, invoices, payments, as_of))
        return shared(customers, invoices, payments, as_of, blank)

    for module in ("credit", "reconcile", "aging", "collections"):
        monkeypatch.setattr(f"ar_excel.jobs.{module}.open_items", asking)
    built = _counting_builds(monkeypatch)
    assert _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(tmp_path / "out.xlsx")]) == 0
    assert len(asked) == 4  # credit, reconcile, aging, collections
    assert len(set(asked)) < 4  # the same ledger on the same day (reconcile: the statement's last day)
    # each ledger asked for is built once (the invoices job's checks build theirs from
    # their own invoice frame; that too once)
    assert all(built.count(k) == 1 for k in asked)
    assert len(built) == len(set(built))


def test_shared_open_items_are_copies_and_end_with_the_block(month, monkeypatch):
    from ar_excel.io.reader import read_book

    b = read_book(month[0])
    built = _counting_builds(monkeypatch)
    args = (b.customers, b.invoices, b.payments, pd.Timestamp(AS_OF))
    with per_run.shared_work():
        first = ledger.open_items(*args)
        first.loc[:, "Open Amount"] = 0.0  # a job changing its own items
        second = ledger.open_items(*args)
        assert len(built) == 1
        assert second["Open Amount"].abs().sum() > 0
        ledger.open_items(*args[:3], pd.Timestamp("2026-10-31"))  # another date: built
        ledger.open_items(b.customers.copy(), *args[1:])  # other frames: built
        assert len(built) == 3
    alone = ledger.open_items(*args)  # outside a run nothing is kept
    assert len(built) == 4
    pd.testing.assert_frame_equal(alone, second)


@pytest.fixture(scope="module")
def month_end(month, tmp_path_factory) -> Path:
    """The folder of the month-end run's workbook (out.xlsx) and dunning drafts."""
    book, bank = month
    folder = tmp_path_factory.mktemp("run")
    assert _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(folder / "out.xlsx")]) == 0
    return folder


@pytest.mark.parametrize("job", ["credit", "reconcile", "aging", "collections"])
def test_a_job_alone_writes_the_tabs_it_writes_in_the_month_end_run(month, month_end,
                                                                     tmp_path, job):
    book, bank = month
    (tmp_path / "alone").mkdir()
    bank_args = ["--bank", str(bank)] if job == "reconcile" else []
    assert _run([job, str(book), *bank_args, "--as-of", AS_OF,
                 "-o", str(tmp_path / "alone" / "out.xlsx")]) == 0
    in_run, alone = _cells(month_end / "out.xlsx"), _cells(tmp_path / "alone" / "out.xlsx")
    tabs = [t for t in alone if t != "Input Issues"]
    assert tabs and all(t in in_run for t in tabs)
    held: set[str] = set()
    if job == "collections":
        # the one difference on purpose: in the run, the letters of customers whose money
        # the bank statement shows (Receipts To Post) are held; every other cell the same
        held = _held_letters(alone, in_run)
        assert held
    for tab in tabs:
        if tab in ("Dunning", "Dunning History") and held:
            continue
        if tab in ("Call List", "Visit List") and held:
            # nor called nor visited for money the bank shows paid: only payers' rows differ
            _listed_but_payers(alone[tab], in_run[tab], in_run["Receipts To Post"])
            continue
        if tab in ("Expected Payments", "Cash Forecast") and held:
            continue  # _expected_less_the_bank below
        if tab == "Payment Plan Schedule" and held:
            # the instalments the bank pays are noted, the books' figures kept
            _noted_for_payers(alone[tab], in_run[tab], in_run["Receipts To Post"])
            continue
        assert alone[tab] == in_run[tab], tab
    if job == "collections" and held:
        _expected_less_the_bank(alone, in_run)
    if job == "collections":  # the same drafts and statements, by name, but the held ones
        files = {p.name for p in (tmp_path / "alone" / "dunning").iterdir()}
        in_run_files = {p.name for p in (month_end / "dunning").iterdir()}
        assert in_run_files < files
        assert {f.split("_")[1].removesuffix(".eml") for f in files - in_run_files
                if f.endswith(".eml")} == held
        assert any(f.endswith(".eml") for f in in_run_files)


def _listed_but_payers(alone: list[tuple], in_run: list[tuple], posted: list[tuple]) -> None:
    """A Call or Visit List of the run is the alone run's, the same rows in the same order
    (Priority renumbered), but for the customers whose money the bank statement shows:
    left off, or listed for what is left with a Note saying what came in."""
    assert in_run[0] == alone[0]
    head = list(alone[0])
    cid, priority, note = (head.index(c) for c in ("Customer ID", "Priority", "Note"))
    payers = {r[posted[0].index("Customer ID")] for r in posted[1:]}

    def others(rows: list[tuple]) -> list[tuple]:
        return [tuple(v for i, v in enumerate(r) if i != priority) for r in rows[1:]
                if r[cid] not in payers]

    assert others(in_run) == others(alone)
    assert [r[priority] for r in in_run[1:]] == list(range(1, len(in_run)))
    # a payer listed without a Note is one whose receipt paid only what is not yet due: its
    # row is the alone run's (helper-163)
    as_alone = {tuple(v for i, v in enumerate(r) if i != priority) for r in alone[1:]}
    assert all("received on the bank statement" in (r[note] or "")
               or tuple(v for i, v in enumerate(r) if i != priority) in as_alone
               for r in in_run[1:] if r[cid] in payers)


def _expected_less_the_bank(alone: dict, in_run: dict) -> None:
    """Expected Payments and the Cash Forecast of the run leave out what the bank statement
    shows paid: other customers' rows as alone, the payers' rows the same or less, and the
    forecast lower by exactly what the payers' dated rows lost."""
    posted = in_run["Receipts To Post"]
    payers = {r[posted[0].index("Customer ID")] for r in posted[1:]}
    a, b = alone["Expected Payments"], in_run["Expected Payments"]
    assert a[0] == b[0]
    head = list(a[0])
    cid, number, amount, when = (head.index(c) for c in ("Customer ID", "Invoice No",
                                                          "Expected Amount", "Expected Date"))
    assert [r for r in a[1:] if r[cid] not in payers] == [r for r in b[1:] if r[cid] not in payers]
    before = {(r[cid], r[number]): r for r in a[1:] if r[cid] in payers}
    after = {(r[cid], r[number]): r for r in b[1:] if r[cid] in payers}
    assert set(after) <= set(before) and len(after) < len(before)
    assert all(after[k][amount] <= before[k][amount] for k in after)
    fa, fb = alone["Cash Forecast"], in_run["Cash Forecast"]
    fhead = list(fa[0])[:list(fa[0]).index(None)]  # (the caption after: its totals differ)
    assert list(fb[0][:len(fhead)]) == fhead and len(fa) == len(fb)
    start, end = fhead.index("Week Start"), fhead.index("Week End")
    money = [i for i, c in enumerate(fhead) if str(c).startswith("Expected Receipts")]
    weeks = [r for r in fa[1:] if r[start] is not None]
    first, last = weeks[0][start], weeks[-1][end]

    def dated(rows: dict) -> float:
        return sum(r[amount] for r in rows.values()
                   if r[when] is not None and first <= r[when] <= last)

    lost = sum(r[i] or 0 for r in fa[1:] if r[start] is not None for i in money) - sum(
        r[i] or 0 for r in fb[1:] if r[start] is not None for i in money)
    assert lost > 0 and abs(lost - (dated(before) - dated(after))) < 0.01


def _noted_for_payers(alone: list[tuple], in_run: list[tuple], posted: list[tuple]) -> None:
    """The run's plan schedule is the alone run's but for Notes on payers' instalments."""
    assert in_run[0] == alone[0] and len(in_run) == len(alone)
    head = list(alone[0])
    cid, note = head.index("Customer ID"), head.index("Note")
    payers = {r[posted[0].index("Customer ID")] for r in posted[1:]}
    for a, b in zip(alone[1:], in_run[1:], strict=True):
        assert a[:note] + a[note + 1:] == b[:note] + b[note + 1:]
        assert a[note] is None and (b[note] is None or b[cid] in payers)


def _held_letters(alone: dict, in_run: dict) -> set[str]:
    """The customers whose letter the month-end run held, checked cell by cell: Letter,
    Next Action and its date are the only cells that differ, only for payers the bank
    statement shows, and their Dunning History rows are the alone run's less theirs."""
    head = list(alone["Dunning"][0])
    col = {name: head.index(name) for name in ("Customer ID", "Letter", "Next Action",
                                                "Next Action Date")}
    assert len(alone["Dunning"]) == len(in_run["Dunning"])
    posted = in_run["Receipts To Post"]
    payers = {r[posted[0].index("Customer ID")] for r in posted[1:]}
    held = set()
    for a, b in zip(alone["Dunning"][1:], in_run["Dunning"][1:], strict=True):
        if a == b:
            continue
        cid = a[col["Customer ID"]]
        assert cid in payers and a[col["Letter"]] is True and b[col["Letter"]] is False
        assert b[col["Next Action"]].startswith("Letter held: ")
        same = [i for i in range(len(a)) if i not in (col["Letter"], col["Next Action"],
                                                       col["Next Action Date"])]
        assert [a[i] for i in same] == [b[i] for i in same]
        held.add(cid)
    history = alone["Dunning History"]
    cid_at = history[0].index("Customer ID")
    assert in_run["Dunning History"] == history[:1] + [r for r in history[1:]
                                                         if r[cid_at] not in held]
    return held


def test_a_rerun_into_its_own_output_writes_what_a_full_load_would(month, month_end, tmp_path,
                                                                  monkeypatch):
    book, bank = month
    first = tmp_path / "first.xlsx"  # a copy of the month-end run's output: that one is shared
    shutil.copyfile(month_end / "out.xlsx", first)
    # the clerk's own sheet in the output workbook (kept: a formula, text) and a print area
    wb = openpyxl.load_workbook(first)
    notes = wb.create_sheet("My Notes", 0)
    notes["A1"], notes["A2"], notes["B2"] = "checked by", "Mona", "=LEN(A2)"
    notes.print_area = "A1:B2"
    wb.save(first)
    outs = {}
    for how in ("unread", "full"):
        out = tmp_path / how / "out.xlsx"
        out.parent.mkdir()
        out.write_bytes(first.read_bytes())
        if how == "full":
            monkeypatch.setattr(writer, "_load_for_writing",
                                lambda target, replaced: openpyxl.load_workbook(target, keep_links=True))
        assert _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF, "-o", str(out)]) == 0
        outs[how] = out
    unread, full = _cells(outs["unread"]), _cells(outs["full"])
    assert list(unread) == list(full) and "My Notes" in unread
    assert unread == full
    assert unread["My Notes"][:2] == [("checked by", None), ("Mona", "=LEN(A2)")]
    assert openpyxl.load_workbook(outs["unread"])["My Notes"].print_area == \
        openpyxl.load_workbook(outs["full"])["My Notes"].print_area


def test_the_tabs_to_replace_are_not_read_the_others_are(month_end):
    from ar_excel.names import match_key

    out = month_end / "out.xlsx"
    full = openpyxl.load_workbook(out)
    wb = writer._load_for_writing(out, {match_key("Aging Detail"), match_key("dunning")})
    assert wb.sheetnames == full.sheetnames  # in place until removed (names bound by position)
    assert wb["Aging Detail"].max_row == 1 and full["Aging Detail"].max_row > 10
    assert [list(r) for r in wb["Aging"].values] == [list(r) for r in full["Aging"].values]


def test_the_month_end_run_looks_for_the_masters_duplicates_once(month, tmp_path, monkeypatch):
    """validate (Customer Checks) and credit (the same-company Notes) both ask which records
    are one company's: a month-end run searches once, and each job alone searches itself."""
    from ar_excel.core.customers import duplicate_checks

    book, bank = month
    searched: list[str] = []
    for name in ("_find_tax_partners", "_find_name_partners"):
        work = getattr(duplicate_checks, name)

        def counted(ctx, work=work, name=name):
            searched.append(name)
            return work(ctx)

        monkeypatch.setattr(duplicate_checks, name, counted)
    assert _run(["run", str(book), "--bank", str(bank), "--as-of", AS_OF,
                 "-o", str(tmp_path / "run.xlsx")]) == 0
    assert sorted(searched) == ["_find_name_partners", "_find_tax_partners"]
    searched.clear()
    for job in ("validate", "credit"):
        assert _run([job, str(book), "--as-of", AS_OF, "-o", str(tmp_path / f"{job}.xlsx")]) == 0
    assert sorted(searched) == ["_find_name_partners"] * 2 + ["_find_tax_partners"] * 2
    # and each job alone wrote what the month-end run wrote
    month_end = _cells(tmp_path / "run.xlsx")
    assert _cells(tmp_path / "validate.xlsx")["Customer Checks"] == month_end["Customer Checks"]
    assert _cells(tmp_path / "credit.xlsx")["Credit Status"] == month_end["Credit Status"]
