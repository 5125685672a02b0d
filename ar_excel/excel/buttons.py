"""The functions Excel's buttons call: one per job, each a one-liner over ``runner.run_button``.

The VBA module ``macros/ArExcel.bas`` calls them through ``RunPython``, e.g.
``RunPython "import ar_excel.excel.buttons as b; b.check_credit()"``; the xlwings Lite scripts
in ``macros/lite/main.py`` call them with the book Lite hands over. Each takes the workbook as
a parameter (default: ``xw.Book.caller()``, the workbook whose button was clicked), so the
same function runs from Excel, from xlwings Lite, or from a test with a stand-in workbook.

Beyond the named handlers below, every registered job has a handler by its registry name
(``buttons.invoices()``, ``buttons.statements()``...): ``handler(name)`` builds it, and this
module's ``__getattr__`` hands it out, so a job registered tomorrow has a button function
without an edit here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ar_excel.excel.runner import MONTH_END, Outcome, decode_vba_text, run_button
from ar_excel.jobs import registry

# Button function -> registry name of the job it runs (the seven buttons of the toolkit).
NAMED: dict[str, str] = {
    "validate_customers": "validate",
    "check_credit": "credit",
    "reconcile_bank": "reconcile",
    "build_aging": "aging",
    "run_collections": "collections",
    "management_pack": "report",
    "month_end_run": MONTH_END,
}


def run(job: str, book: Any = None, *, bank: str | Path | None = None, bank_hex: str = "",
        as_of: dt.date | str | None = None, args: dict[str, Any] | None = None,
        quiet: bool = False) -> Outcome:
    """Run any registered job (or ``month-end``) on ``book``; ``bank_hex`` is a file path
    passed from VBA (hex of UTF-16LE, see ``ArExcel.bas`` ``PyText``); ``args`` are the
    job's options by their command-line names, e.g. ``{"no_pdf": True}``."""
    if bank_hex:
        bank = decode_vba_text(bank_hex)
    return run_button(job, book, bank=bank, as_of=as_of, args=args, quiet=quiet)


def handler(job: str) -> Callable[..., Outcome]:
    """The button function of one registered job."""

    def button(book: Any = None, **kwargs: Any) -> Outcome:
        return run(job, book, **kwargs)

    button.__name__ = job.replace("-", "_")
    button.__doc__ = f"Excel button: run the '{job}' job on the calling workbook."
    return button


def validate_customers(book: Any = None, **kwargs: Any) -> Outcome:
    """Check the Customers sheet: writes ``Customer Checks`` (+ ``Input Issues``)."""
    return run(NAMED["validate_customers"], book, **kwargs)


def check_credit(book: Any = None, **kwargs: Any) -> Outcome:
    """Credit status per customer: writes ``Credit Status``."""
    return run(NAMED["check_credit"], book, **kwargs)


def reconcile_bank(book: Any = None, **kwargs: Any) -> Outcome:
    """Match the bank statement (file chosen in the dialog, the Policy's ``bank_statement``
    file, or the ``Bank Statement`` sheet) to open invoices: ``Bank Matches`` etc."""
    return run(NAMED["reconcile_bank"], book, **kwargs)


def build_aging(book: Any = None, **kwargs: Any) -> Outcome:
    """Aging by customer as of the Policy's ``as_of`` date (default today): ``Aging``."""
    return run(NAMED["build_aging"], book, **kwargs)


def run_collections(book: Any = None, **kwargs: Any) -> Outcome:
    """Dunning levels and the collections worklist."""
    return run(NAMED["run_collections"], book, **kwargs)


def management_pack(book: Any = None, **kwargs: Any) -> Outcome:
    """The management pack: KPIs, trends and charts."""
    return run(NAMED["management_pack"], book, **kwargs)


def month_end_run(book: Any = None, **kwargs: Any) -> Outcome:
    """Every month-end job in order, written together (as ``ar-excel run``)."""
    return run(MONTH_END, book, **kwargs)


def button_functions() -> dict[str, str]:
    """Every button function name -> the job it runs: the named seven and each registered job."""
    out = dict(NAMED)
    for name in registry():
        out.setdefault(name.replace("-", "_"), name)
    return out


def __getattr__(name: str) -> Callable[..., Outcome]:
    jobs = {n.replace("-", "_"): n for n in registry()}
    if name in jobs:
        return handler(jobs[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
