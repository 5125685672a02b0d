"""Which way a statement's lines run.

Most banks list a statement's lines oldest first; some list the newest first (Commercial Bank
of Qatar's CSV, Wise's and ING's exports). A statement runs newest first where its first line
is dated after its last; the oldest line's running balance then opens it and the newest
line's closes it, whichever end of the file each is at.
"""

from __future__ import annotations

import pandas as pd


def newest_first(lines: pd.DataFrame) -> bool:
    """Whether ``lines`` (one statement's, in file order) run newest first: the first line
    dated after the last. False for a single line, no Date column or an end undated."""
    if "Date" not in lines or len(lines) < 2:
        return False
    ends = pd.to_datetime(lines["Date"].iloc[[0, -1]], errors="coerce")
    return bool(ends.iloc[0] > ends.iloc[-1])
