"""Reading the bank statement file while the workbook is still being read.

python-calamine parses a workbook's sheets without holding Python's lock, so the command line
starts reading ``--bank FILE`` in a thread before it reads the workbook. The reconciliation
takes that statement when it asks for the same file (unchanged since) with the same settings;
when the workbook's Policy asks for other settings (its own date order or bank columns), the
early read is dropped and the file read again with them. Either way the result, including any
error, is what reading the file at that point would have given.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_pending: dict[tuple, Future] = {}


def _key(path: str | Path, mapping: dict[str, Any] | None, encoding: str | None,
         day_first: bool | None) -> tuple:
    p = Path(path).resolve()
    stat = p.stat()
    return (str(p), stat.st_mtime_ns, stat.st_size, repr(sorted((mapping or {}).items())),
            encoding, day_first)


def start(path: str | Path, mapping: dict[str, Any] | None = None, encoding: str | None = None,
          day_first: bool | None = None) -> None:
    """Begin reading ``path`` in a background thread (one statement at a time)."""
    from ar_excel.bank import read_statement_file

    try:
        key = _key(path, mapping, encoding, day_first)
    except OSError:  # no such file: the job says so when it gets there
        return
    future: Future = Future()

    def read() -> None:
        try:
            future.set_result(read_statement_file(path, mapping, encoding, day_first))
        except BaseException as exc:  # handed to whoever takes the statement
            future.set_exception(exc)

    with _lock:
        _pending.clear()
        _pending[key] = future
    threading.Thread(target=read, name="ar_excel statement", daemon=True).start()


def take(path: str | Path, mapping: dict[str, Any] | None = None, encoding: str | None = None,
         day_first: bool | None = None) -> Any:
    """The statement read early for exactly these arguments (waiting for it if need be), or
    None. Taken once: a second reader reads the file itself."""
    try:
        key = _key(path, mapping, encoding, day_first)
    except OSError:
        return None
    with _lock:
        future = _pending.pop(key, None)
        _pending.clear()
    return None if future is None else future.result()
