"""Benchmark: the month-end run (``ar-excel run BOOK --bank STATEMENT --as-of DATE -o OUT``)
against a bare read of the same book, and where its time goes.

Inputs (built once per scale and seed, kept in ``--data``): the demo workbooks of
``python -m ar_excel.demo.build --scale N`` (scale 10: 3,000 customers, 40,000 invoices,
37,000 receipts, a 4,500-line statement; typed the messy way clerks type them). Measured,
each in a fresh Python process with its imports done before the clock starts:

* baseline: python-calamine reads every sheet of the workbook to Python values (the least
  any tool must do);
* first run: ``ar-excel run`` into a new -o workbook (and its ``dunning/`` folder);
* re-run: the same command again into the -o workbook the first run wrote (its tabs are
  replaced), as a clerk re-running the month does.

Printed: each time and its ratio to the baseline, and each job's seconds and share of the
run (the rest: reading the book, writing the tabs). No target: a reference for changes.

    python benchmarks/bench_month_end.py [--scale 10] [--seed 2026] [--data /tmp/ar_excel_month_end]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from fresh_process import measure

AS_OF = "2026-11-30"

BASELINE = textwrap.dedent("""
    import json, sys, time
    import python_calamine as pc
    t0, c0 = time.perf_counter(), time.process_time()
    wb = pc.CalamineWorkbook.from_path(sys.argv[1])
    rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
    print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                      "rows": rows}))
""")

RUN = textwrap.dedent("""
    import contextlib, dataclasses, io, json, sys, time
    import ar_excel.cli as cli
    import ar_excel.bank, ar_excel.core.matching, ar_excel.io.reader, ar_excel.io.writer
    import ar_excel.io.eml, ar_excel.io.pdf_statement
    book, statement, as_of, out = sys.argv[1:5]
    jobs = {}

    def timed(job):
        def run(book, options):
            t = time.perf_counter()
            try:
                return job.run(book, options)
            finally:
                jobs[job.name] = time.perf_counter() - t
        return dataclasses.replace(job, run=run)

    registry = cli.registry
    cli.registry = lambda: {name: timed(job) for name, job in registry().items()}
    t0, c0 = time.perf_counter(), time.process_time()
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        code = cli.main(["run", book, "--bank", statement, "--as-of", as_of, "-o", out])
    print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                      "exit": code, "jobs": jobs, "said": said.getvalue()[-2000:]}))
""")


def build_inputs(data: Path, scale: int, seed: int) -> tuple[Path, Path]:
    """The demo workbook and statement at ``scale``, generated once."""
    folder = data / f"scale{scale}_s{seed}"
    book, statement = folder / "demo_ar.xlsx", folder / "demo_bank.csv"
    if not (book.exists() and statement.exists()):
        subprocess.run([sys.executable, "-m", "ar_excel.demo.build", "--scale", str(scale),
                        "--seed", str(seed), "--out", str(folder)], check=True)
    return book, statement


def _report(label: str, run: dict, base: dict) -> None:
    if run["exit"] != 0:
        raise SystemExit(f"ar-excel exited {run['exit']}: {run['said']}")
    total = run["seconds"]
    # the CPU ratio too: on a shared machine the wall clock wanders, CPU time much less
    print(f"{label:<28} {total:7.2f} s  (cpu {run['cpu']:.2f} s)  ratio {total / base['seconds']:5.1f}x"
          f", cpu ratio {run['cpu'] / base['cpu']:5.1f}x")
    shares = dict(run["jobs"])
    shares["read + write + rest"] = total - sum(run["jobs"].values())
    print("    " + ", ".join(f"{name} {s:.1f} s ({s / total:.0%})" for name, s in shares.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--data", type=Path, default=Path("/tmp/ar_excel_month_end"))
    a = ap.parse_args(argv)
    book, statement = build_inputs(a.data, a.scale, a.seed)
    run_dir = a.data / "run"
    shutil.rmtree(run_dir, ignore_errors=True)  # a new -o workbook and dunning folder
    run_dir.mkdir(parents=True)
    out = run_dir / "month_end.xlsx"
    base = measure(BASELINE, str(book))
    first = measure(RUN, str(book), str(statement), AS_OF, str(out))
    again = measure(RUN, str(book), str(statement), AS_OF, str(out))
    print(f"inputs: {book} ({base['rows']:,} rows), {statement}")
    print(f"{'baseline (calamine read)':<28} {base['seconds']:7.2f} s  (cpu {base['cpu']:.2f} s)")
    _report("month-end run, new -o", first, base)
    _report("re-run into the same -o", again, base)
    files = sum(1 for _ in (run_dir / "dunning").glob("*"))
    print(f"wrote {out} and {files} file(s) in {run_dir / 'dunning'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
