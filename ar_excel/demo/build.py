"""Build the demo workbooks in ``workbooks/``: what a new user opens to try ar_excel.

* ``demo_ar.xlsx``: English headers, customers named in Arabic and English (~300 customers,
  ~4,000 invoices, ~3,700 receipts over the year to 30/11/2026), typed the messy way people do.
  The books of a company at its month end: billing every month up to the as-of date, customers
  paying every month by their habits (``make_ledger(receipts="steady")``), a few late payers.
* ``demo_ar_arabic.xlsx``: the same kind of book with Arabic sheet names and headers, right to
  left, smaller.
* ``demo_bank.csv``: the EGP account's bank statement of the book's last month (November
  2026): the month's receipts the book has recorded, as the bank credited them, and transfers
  the book has not (paying invoices open in ``demo_ar.xlsx`` as the contract reader reads it),
  other inflows and payments, exported the way Egyptian and Gulf banks export CSV;
  ``demo_bank_arabic.csv`` the same for ``demo_ar_arabic.xlsx``.

``python -m ar_excel.demo.build [--scale N] [--out DIR] [--seed S]``; ``--scale 10`` builds
books ten times larger (for trying the jobs on volume; benchmarks use ``write_workbook``
directly). Same seed and scale -> the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

from ar_excel.demo.ledger import make_ledger
from ar_excel.demo.workbook import write_workbook

# The demo's month end (``ar-excel run ... --as-of 2026-11-30``); benchmarks and tests use
# ``ledger.AS_OF``, a month earlier, with the month after it as the bank's.
AS_OF = date(2026, 11, 30)
# Customers, invoices, receipts at scale 1: as many receipts as the customers' habits produce
# (~0.93 per invoice: some paid in two, a few on account).
ENGLISH = (300, 4000, 3700)
ARABIC = (120, 1500, 1400)
BANK_LINES = 450  # a month of the EGP account: recorded receipts, others, inflows, payments
ARABIC_BANK_LINES = 180  # the Arabic book's EGP account, a smaller company's month
STATEMENT_CURRENCY = "EGP"
SEED = 2026


def default_out() -> Path:
    repo = Path(__file__).resolve().parents[2]
    return repo / "workbooks" if (repo / "pyproject.toml").exists() else Path.cwd() / "workbooks"


def statement_month(as_of: date | pd.Timestamp) -> pd.Timestamp:
    """The first day of the month the books close on ``as_of``: its bank statement's."""
    return pd.Timestamp(as_of).normalize().replace(day=1)


def demo_ledger(sizes: tuple[int, int, int], seed: int = SEED, arabic: bool = False
                ) -> dict[str, pd.DataFrame]:
    """The frames of a demo book: ``sizes`` = (customers, invoices, receipts), closed on
    ``AS_OF``, receipts running every month (``make_ledger(receipts="steady")``)."""
    return make_ledger(*sizes, seed=seed + arabic, as_of=AS_OF,
                       arabic_names=0.75 if arabic else None, receipts="steady")


def build_bank_statement(book_path: Path, out: Path, n_lines: int, seed: int) -> Path:
    """The month's statement for the book as the contract reader sees it (so it pays what is
    open in the workbook, not in some cleaner copy of it)."""
    try:
        from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    except ImportError as exc:  # the matching engineer's module: say what is missing
        raise RuntimeError(
            "ar_excel.demo.bank_month (make_bank_month, write_statement_csv) is needed to "
            f"write the demo bank statement: {exc}") from exc
    from ar_excel.io.reader import read_book

    book = read_book(book_path)
    # One bank account, one currency: a real statement never mixes accounts, and its
    # running balance must tie out (the company's main account is in Egyptian pounds). The
    # book holds the month's receipts: they are on the statement too (``recorded``).
    lines, _truth = make_bank_month(book.customers, book.invoices, book.payments,
                                    statement_month(AS_OF), n_lines, seed,
                                    currency=STATEMENT_CURRENCY, recorded=True)
    return write_statement_csv(lines, out)


def build(out: Path, scale: float = 1.0, seed: int = SEED, log=print) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sizes, arabic in (("demo_ar.xlsx", ENGLISH, False),
                                ("demo_ar_arabic.xlsx", ARABIC, True)):
        t0 = time.perf_counter()
        n_c, n_i, n_p = (max(10, round(x * scale)) for x in sizes)
        frames = demo_ledger((n_c, n_i, n_p), seed, arabic)
        book = write_workbook(frames, out / name, arabic=arabic, seed=seed + arabic)
        log(f"{book.path}: {n_c:,} customers, {n_i:,} invoices, {n_p:,} receipts, "
            f"{len(book.planted)} unusable values planted ({time.perf_counter() - t0:.1f} s)")
        written.append(book.path)
    for book_name, bank_name, n_lines in (("demo_ar.xlsx", "demo_bank.csv", BANK_LINES),
                                          ("demo_ar_arabic.xlsx", "demo_bank_arabic.csv",
                                           ARABIC_BANK_LINES)):
        t0 = time.perf_counter()
        bank = build_bank_statement(out / book_name, out / bank_name,
                                    max(20, round(n_lines * scale)), seed)
        log(f"{bank}: the month's statement ({time.perf_counter() - t0:.1f} s)")
        written.append(bank)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ar_excel.demo.build",
                                     description="Build the demo AR workbooks and bank statement.")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size multiplier (1 = ~300 customers, ~4,000 invoices)")
    parser.add_argument("--out", type=Path, default=None, help="folder (default: workbooks/)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    try:
        build(args.out or default_out(), args.scale, args.seed)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
