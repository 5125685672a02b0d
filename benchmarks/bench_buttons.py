"""Benchmark: what a button costs in calls to Excel, and in Python time, against baselines.

In live Excel the cost of writing a tab is the number of round trips into Excel's object
model (each one a COM or AppleScript call, ~0.1-1 ms and far more on a busy workbook), not
the Python work. So we count them: the button's bulk writer (``write_tabs_live``) against a
cell-by-cell write, the way a hand-written VBA or xlwings loop fills a sheet, on the same tab.
Both run against the tests' in-memory stand-in of xlwings with every property access and
method call into Excel objects counted. Second figure: the Python time of the whole button
(read the open workbook, run the job, write the tabs) against ``ar-excel JOB BOOK -o OUT``
(read file, run, write file) on the same workbook, in the same run: the button must not be
slower than the command line.

    python benchmarks/bench_buttons.py [ROWS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import fake_xlwings as fake  # noqa: E402

from ar_excel.excel.writing import write_tabs_live  # noqa: E402
from ar_excel.model import Tab  # noqa: E402


class Counter:
    calls = 0


def _counted(cls):
    """Count every call and property access on the fake's Excel-facing classes."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") and name not in ("__getitem__", "__call__"):
            continue
        if isinstance(member, property):
            def wrap_prop(p):
                def fget(self):
                    Counter.calls += 1
                    return p.fget(self)

                def fset(self, v):
                    Counter.calls += 1
                    return p.fset(self, v)

                return property(fget, fset if p.fset else None)

            setattr(cls, name, wrap_prop(member))
        elif callable(member) and name not in ("cell", "grid"):
            def wrap(f):
                def inner(*a, **k):
                    Counter.calls += 1
                    return f(*a, **k)

                return inner

            setattr(cls, name, wrap(member))


def aging_like(rows: int) -> Tab:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "Customer ID": [f"C{i:06d}" for i in range(rows)],
        "Customer": [f"Customer {i}" for i in range(rows)],
        "Current": rng.normal(1000, 300, rows).round(2),
        "1-30": rng.normal(500, 100, rows).round(2),
        "31-60": rng.normal(200, 50, rows).round(2),
        "61-90": rng.normal(100, 20, rows).round(2),
        "90+": rng.normal(50, 10, rows).round(2),
    })
    frame["Total"] = frame.iloc[:, 2:].sum(axis=1)
    return Tab("Aging", frame, formats={c: "money" for c in frame.columns[2:]})


def cell_by_cell(book, tab: Tab) -> None:
    sheet = book.sheets.add("Aging cells")
    frame = tab.frame
    for j, h in enumerate(frame.columns, start=1):
        sheet.range((1, j)).value = h
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for j, v in enumerate(row, start=1):
            cell = sheet.range((i, j))
            cell.value = v
            if j > 2:
                cell.number_format = "#,##0.00"


def calls_figures(rows: int) -> tuple[int, int]:
    for cls in (fake.App, fake.Sheets, fake.Sheet, fake.Range, fake.Tables, fake.Table):
        _counted(cls)
    tab = aging_like(rows)
    book = fake.book_from_sheets({"Customers": [["Customer ID"]]})
    Counter.calls = 0
    write_tabs_live(book, [tab])
    bulk = Counter.calls
    Counter.calls = 0
    cell_by_cell(book, tab)
    return bulk, Counter.calls


def time_figures() -> tuple[float, float]:
    from ar_excel.cli import main as cli_main
    from ar_excel.demo.ledger import make_ledger
    from ar_excel.demo.workbook import write_workbook
    from ar_excel.excel import buttons

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ledger.xlsx"
        write_workbook(make_ledger(300, 4000, 3000), path)
        best_cli = best_button = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            cli_main(["aging", str(path), "-o", str(Path(tmp) / "out.xlsx"), "--as-of", "2026-10-31"])
            best_cli = min(best_cli, time.perf_counter() - t)
            book = fake.book_from_file(path)  # Excel has the workbook open already
            t = time.perf_counter()
            outcome = buttons.build_aging(book, as_of="2026-10-31", quiet=True)
            best_button = min(best_button, time.perf_counter() - t)
            assert outcome.ok, outcome.message
    return best_button, best_cli


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    button_s, cli_s = time_figures()
    print(f"aging button (read open book, run, write tabs): {button_s:.2f} s; "
          f"ar-excel aging -o: {cli_s:.2f} s; ratio {button_s / cli_s:.2f}")
    bulk, cells = calls_figures(rows)
    print(f"calls into Excel to write a {rows:,}-row aging tab: bulk {bulk:,}, "
          f"cell by cell {cells:,}; ratio 1:{cells / bulk:,.0f}")
