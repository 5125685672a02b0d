"""Benchmark: importing a long OFX/QFX statement, against ``ofxparse`` alone.

Generates, in a temporary directory, an OFX statement of ``--lines`` transactions (default
10,000) as banks' portals write them: OFX 1.02 SGML (leaf tags never closed) and, with
``--xml``, the same transactions as OFX 2.x XML. Amounts are written with a thousands
separator now and then (``1,500.00``, ``-12,345.67``, and ``2,000`` without decimals), names
in English and Arabic, a check number and a ``REFNUM`` on some lines, a ``LEDGERBAL``.

Times in the same run, alternating, best of ``--repeat``:

* ofxparse: ``ofxparse.OfxParser.parse`` of the file (the library alone: no dates as
  written, no line numbers, no checks, and amounts like ``2,000`` read as 2.0);
* import: ``ar_excel.bank.read_statement(path)``: the statement's lines, its balance and its
  issues.

Prints both times and import/ofxparse as a ratio, and checks the import: every line kept with
its exact amount (to the cent), the closing balance as written.

    python benchmarks/bench_ofx_import.py [--lines 10000] [--repeat 3] [--xml] [--seed 7]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import random
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from ar_excel.bank import read_statement

NAMES = ["AL NOUR TRADING CO", "DELTA FOODS S.A.E.", "CAIRO PHARMA", "GULF STAR LLC",
         "شركة النور للتجارة", "مؤسسة الدلتا للمقاولات", "RED SEA LOGISTICS FZE"]

SGML_HEAD = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:UTF-8
CHARSET:NONE
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

"""
XML_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
"""


def amount_text(cents: int, rng: random.Random) -> str:
    """As a bank writes it: mostly plain, now and then with a thousands separator."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    if abs(cents) >= 100_000 and rest == 0 and rng.random() < 0.3:
        return f"{sign}{units:,}"  # "2,000": no decimals at all
    if abs(cents) >= 100_000 and rng.random() < 0.5:
        return f"{sign}{units:,}.{rest:02d}"
    return f"{sign}{units}.{rest:02d}"


def generate(lines: int, seed: int, xml: bool) -> tuple[str, dict]:
    rng = random.Random(seed)
    start = date(2026, 10, 1)
    close = "</{}>" if xml else ""
    trns = []
    expected: dict = {"amounts": []}
    total = 0
    for i in range(lines):
        day = start + timedelta(days=rng.randrange(31))
        if rng.random() < 0.2:
            cents = -rng.randrange(500, 500_000)
            kind = "DEBIT"
        else:
            cents = rng.randrange(10_000, 5_000_000)
            kind = "CREDIT"
        if rng.random() < 0.1:
            cents = (cents // 100) * 100  # whole units
        if abs(cents) >= 100_000 and rng.random() < 0.2:
            cents = (cents // 100_000) * 100_000  # a round thousand: "2,000"
        total += cents
        expected["amounts"].append(cents)
        name = rng.choice(NAMES)
        tags = [("TRNTYPE", kind), ("DTPOSTED", day.strftime("%Y%m%d") + "120000"),
                ("TRNAMT", amount_text(cents, rng)), ("FITID", f"{seed}{i:09d}")]
        if rng.random() < 0.1:
            tags.append(("CHECKNUM", str(rng.randrange(1000, 9999))))
        if rng.random() < 0.3:
            tags.append(("REFNUM", f"INV-{rng.randrange(10**6):06d}"))
        tags += [("NAME", name[:32]), ("MEMO", f"TRF {name} INV {rng.randrange(10**6)}")]
        body = "".join(f"<{t}>{v}{close.format(t)}\n" for t, v in tags)
        trns.append(f"<STMTTRN>\n{body}</STMTTRN>\n")
    balance = 1_000_000_00 + total
    expected["closing"] = balance
    ledger = (f"<LEDGERBAL><BALAMT>{balance / 100:,.2f}{close.format('BALAMT')}"
              f"<DTASOF>20261031{close.format('DTASOF')}</LEDGERBAL>\n")
    c = close.format
    body = (f"<OFX>\n<BANKMSGSRSV1><STMTTRNRS><TRNUID>1{c('TRNUID')}<STATUS><CODE>0{c('CODE')}"
            f"<SEVERITY>INFO{c('SEVERITY')}</STATUS>\n<STMTRS><CURDEF>EGP{c('CURDEF')}\n"
            f"<BANKACCTFROM><BANKID>0030{c('BANKID')}<ACCTID>1001234567{c('ACCTID')}"
            f"<ACCTTYPE>CHECKING{c('ACCTTYPE')}</BANKACCTFROM>\n"
            f"<BANKTRANLIST><DTSTART>20261001{c('DTSTART')}<DTEND>20261031{c('DTEND')}\n"
            + "".join(trns) + "</BANKTRANLIST>\n" + ledger
            + "</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n")
    return (XML_HEAD if xml else SGML_HEAD) + body, expected


def timed(fn):
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def ofxparse_alone(path: Path):
    """The library the import used before (not a dependency any more: install it to compare).
    It reads an OFX 2 file as ASCII, so the letters outside it go as character references."""
    import ofxparse

    body = path.read_text(encoding="utf-8").replace("ENCODING:UTF-8", "ENCODING:USASCII").replace(
        "CHARSET:NONE", "CHARSET:1252")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ofxparse.OfxParser.parse(io.BytesIO(body.encode("ascii", "xmlcharrefreplace")),
                                        fail_fast=False)


def check(stmt, expected: dict) -> list[str]:
    problems = []
    got = [round(a * 100) for a in stmt.lines["Amount"]]
    if got != expected["amounts"]:
        wrong = sum(a != b for a, b in zip(got, expected["amounts"], strict=False))
        problems.append(f"amounts differ: {len(got)} lines read ({wrong} wrong), "
                        f"{len(expected['amounts'])} expected")
    closing = stmt.balances[0].closing if stmt.balances else None
    if closing is None or round(closing * 100) != expected["closing"]:
        problems.append(f"closing balance {closing}, expected {expected['closing'] / 100}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--xml", action="store_true", help="also time an OFX 2 XML file")
    parser.add_argument("--skip-baseline", action="store_true",
                        help="time the import only (ofxparse alone takes ~10 s a file)")
    args = parser.parse_args(argv)
    if not args.skip_baseline and importlib.util.find_spec("ofxparse") is None:
        print("ofxparse is not installed: timing the import only")
        args.skip_baseline = True
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for xml in (False, True) if args.xml else (False,):
            text, expected = generate(args.lines, args.seed, xml)
            path = Path(tmp) / ("statement_v2.ofx" if xml else "statement_v1.ofx")
            path.write_text(text, encoding="utf-8")
            base, ours, stmt = [], [], None
            for _ in range(args.repeat):
                if not args.skip_baseline:
                    base.append(timed(lambda p=path: ofxparse_alone(p))[0])
                seconds, stmt = timed(lambda p=path: read_statement(p))
                ours.append(seconds)
            kind = "OFX 2 XML" if xml else "OFX 1 SGML"
            print(f"{kind}: {args.lines:,} transactions, {path.stat().st_size / 1e6:.1f} MB")
            if base:
                print(f"  {'ofxparse alone':<28} {min(base):7.3f} s")
            print(f"  {'read_statement':<28} {min(ours):7.3f} s")
            if base:
                print(f"  ratio {min(ours) / min(base):.2f}")
            problems = check(stmt, expected)
            for p in problems:
                print(f"  WRONG: {p}")
            failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
