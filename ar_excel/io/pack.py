"""Write the management pack: a new workbook to share, never the accountant's own file.

* The pack is always a separate ``.xlsx`` (no macros possible) holding only the report's
  tabs: values and native charts, no formulas, no links to the source workbook.
* Without ``-o`` it is written next to BOOK as ``<BOOK name> - Management Pack.xlsx``.
* ``-o`` naming BOOK itself is refused; an existing file is replaced only when it is an
  earlier management pack (its sheets are all pack tabs), otherwise refused, so a pack
  never overwrites someone's workbook.
* Every sheet is protected against edits (with ``--password`` when given) and so is the
  workbook's structure. The file is written under a temporary name and renamed in one step.
* ``Input Issues`` goes in only when there are issues: management sees that some input
  values could not be used.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from ar_excel.errors import UnsafeWriteError, UsageError
from ar_excel.model import Tab
from ar_excel.names import match_key

PACK_SUFFIX = " - Management Pack.xlsx"
PACK_TABS = ("Dashboard", "KPIs", "Aging", "Top Overdue", "Payment Behaviour", "Forecast",
             "Input Issues", "Sheet1")


def default_pack_path(source: Path) -> Path:
    return Path(source).with_name(Path(source).stem + PACK_SUFFIX)


def is_pack(path: Path) -> bool:
    """Whether ``path`` is a workbook made only of pack tabs (an earlier pack)."""
    import python_calamine as pc

    try:
        names = pc.CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:  # unreadable: certainly not ours to overwrite
        return False
    allowed = {match_key(n) for n in PACK_TABS}
    return bool(names) and all(match_key(n) in allowed for n in names)


def kept_tabs(tabs: list[Tab]) -> list[Tab]:
    """The tabs the pack holds: ``Input Issues`` only when there are issues. (What the
    command prints as written is this list, not the jobs' tabs.)"""
    return [t for t in tabs if not (t.name == "Input Issues" and t.frame.empty)]


def write_pack(tabs: list[Tab], *, source: Path | None = None, out: Path | None = None,
               arabic: bool = False, backup: bool = True, password: str | None = None) -> Path:
    """Write ``tabs`` as a new protected workbook; returns its path (see the module rules)."""
    from ar_excel.io.writer import write_tabs

    if out is None and source is None:
        raise UsageError("give -o PACK.xlsx for the management pack")
    target = Path(out) if out is not None else default_pack_path(Path(source))
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"the management pack is an .xlsx workbook: -o '{target.name}'")
    if source is not None and target.resolve() == Path(source).resolve():
        raise UnsafeWriteError("the management pack is written as a new workbook, never into "
                               "BOOK itself: give another -o file")
    if target.exists() and not is_pack(target):
        raise UnsafeWriteError(f"'{target.name}' exists and is not a management pack; "
                               "choose another -o file")

    password = password or next((t.protect_password for t in tabs if t.protect_password), None)
    kept = kept_tabs(tabs)
    locked = [replace(t, protect=True, protect_password=password or t.protect_password,
                      blocks=[replace(b, protect=True) for b in t.blocks]) for t in kept]
    target.parent.mkdir(parents=True, exist_ok=True)
    # A fresh file under a temporary name: write_tabs never merges into an old pack.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx",
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        write_tabs(locked, out=tmp, arabic=arabic)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
