"""Benchmark: importing a long bank statement export vs bare pandas.

Generates, in a temporary directory, a CSV export of ``--lines`` transactions (default 40,000)
the way Egyptian and Gulf banks write them: day-first dates, quoted amounts with thousands
separators, a running balance, English and Arabic narratives, a bank reference, narrative
continued on a second row now and then, a totals row at the end, and a few planted bad rows
(an impossible date, an unreadable amount). With ``--xlsx`` the same rows are also written as
an XLSX export (dates as date cells, amounts as numbers).

Times in the same run, alternating, best of ``--repeat``:

* baseline: ``pandas.read_csv(path)`` (``pandas.read_excel(path, engine="calamine")`` for
  XLSX): the cells into a DataFrame, nothing detected, parsed or checked;
* import: ``ar_excel.bank.read_statement(path)``: encoding, delimiter, header, column roles,
  decimal mark and date order detected; every amount and date parsed; continuation rows,
  totals and bad rows told apart, each bad row an issue with its row number.

Prints both times and import/baseline as a ratio (target: at most 10), and checks the import:
every good line kept with its exact amount, every planted bad row reported.

    python benchmarks/bench_bank_import.py [--lines 40000] [--repeat 3] [--xlsx] [--seed 7]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ar_excel.bank import read_statement

CUSTOMERS = ["AL NOUR TRADING CO", "DELTA FOODS S.A.E.", "CAIRO PHARMA", "GULF STAR LLC",
             "NILE BUILDING MATERIALS", "شركة النور للتجارة", "مؤسسة الدلتا للمقاولات",
             "الشركة المصرية للأغذية", "مصنع القاهرة للبلاستيك", "RED SEA LOGISTICS FZE"]
PATTERNS = [
    "TRF FROM {c} INV-{n:07d}",
    "INWARD TT {c} REF {n}",
    "تحويل وارد من {c} فاتورة رقم {n}",
    "إيداع نقدي {c} سداد فاتورة {n}",
    "CHQ DEP {n} {c}",
    "POS PURCHASE CARD 4321 {c}",
]
CHARGES = ["BANK CHARGES", "رسوم بنكية", "SWIFT COMMISSION", "VAT ON CHARGES", "عمولة تحويل"]


def money(cents: int) -> str:
    return ("-" if cents < 0 else "") + f"{abs(cents) / 100:,.2f}"


def generate(lines: int, seed: int) -> tuple[list[list[str]], dict]:
    """Rows of the export (header first) and what the import must find."""
    rng = random.Random(seed)
    start = date(2024, 3, 1)
    rows = [["Date", "Description", "Amount", "Balance", "Reference"]]
    balance = 25_000_000
    expected = {"amounts": [], "bad_rows": []}
    for i in range(lines):
        day = start + timedelta(days=rng.randrange(31))
        if rng.random() < 0.15:
            cents = -rng.randrange(500, 250_000)
            text = rng.choice(CHARGES)
        else:
            cents = rng.randrange(10_000, 5_000_000)
            text = rng.choice(PATTERNS).format(c=rng.choice(CUSTOMERS), n=rng.randrange(10**6))
        balance += cents
        row = [day.strftime("%d/%m/%Y"), text, money(cents), money(balance), f"FT{seed}{i:08d}"]
        if i % 5000 == 4999:  # planted: the bank's export glitches
            row[0 if i % 10000 == 4999 else 2] = "31/02/2024" if i % 10000 == 4999 else "1..5"
            expected["bad_rows"].append(len(rows) + 1)
        else:
            expected["amounts"].append(cents)
        rows.append(row)
        if rng.random() < 0.02:  # the narrative carried over to a second row
            rows.append(["", "لصالح حساب العميل " + str(rng.randrange(10**5)), "", "", ""])
    rows.append(["Total", "", money(sum(expected["amounts"])), "", ""])
    return rows, expected


def write_csv(rows: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


def write_xlsx(rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Statement")
    ws.append(rows[0])
    for row in rows[1:]:
        out: list[object] = list(row)
        with contextlib.suppress(ValueError):  # a planted bad date stays text
            d, m, y = (int(p) for p in row[0].split("/"))
            out[0] = date(y, m, d)
        for k in (2, 3):
            with contextlib.suppress(ValueError):  # a planted bad amount stays text
                out[k] = float(row[k].replace(",", "")) if row[k] else None
        ws.append(out)
    wb.save(path)


def timed(fn):
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def check(stmt, expected: dict) -> list[str]:
    problems = []
    got = [round(a * 100) for a in stmt.lines["Amount"]]
    if got != expected["amounts"]:
        problems.append(f"amounts differ: {len(got)} lines read, {len(expected['amounts'])} "
                        "expected")
    reported = sorted(int(i.cell.split()[1]) for i in stmt.issues if i.cell.startswith("row "))
    if reported != expected["bad_rows"]:
        problems.append(f"bad rows reported {reported}, planted {expected['bad_rows']}")
    return problems


def bench(path: Path, baseline, expected: dict, repeat: int) -> tuple[float, float, list[str]]:
    base, ours = [], []
    stmt = None
    for _ in range(repeat):
        base.append(timed(lambda: baseline(path))[0])
        seconds, stmt = timed(lambda: read_statement(path))
        ours.append(seconds)
    return min(base), min(ours), check(stmt, expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=40_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--xlsx", action="store_true", help="also time an XLSX export")
    args = parser.parse_args(argv)

    rows, expected = generate(args.lines, args.seed)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("csv", Path(tmp) / "statement.csv", write_csv, pd.read_csv, "pandas.read_csv")]
        if args.xlsx:
            runs.append(("xlsx", Path(tmp) / "statement.xlsx", write_xlsx,
                         lambda p: pd.read_excel(p, engine="calamine"),
                         "pandas.read_excel(calamine)"))
        for kind, path, write, baseline, label in runs:
            write(rows, path)
            base, ours, problems = bench(path, baseline, expected, args.repeat)
            print(f"{kind}: {len(rows) - 1:,} rows, {path.stat().st_size / 1e6:.1f} MB")
            print(f"  {label:<28} {base:7.3f} s")
            print(f"  {'read_statement':<28} {ours:7.3f} s")
            print(f"  ratio {ours / base:.1f} (target <= 10)")
            for p in problems:
                print(f"  WRONG: {p}")
            failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
