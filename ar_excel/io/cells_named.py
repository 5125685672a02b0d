"""How an Input Issue about many rows names their cells: the first few, then how many more
("B4, B5, B6, B7, B8 and 12 more"), so the message stays short and the count stays exact."""

from __future__ import annotations

import re
from collections.abc import Sequence

CELLS_NAMED = 5  # the first cells named in an issue about many rows


def cells_named(cells: Sequence[str]) -> str:
    """The first ``CELLS_NAMED`` cells, then how many more there are."""
    more = len(cells) - CELLS_NAMED
    return ", ".join(cells[:CELLS_NAMED]) + (f" and {more} more" if more > 0 else "")


# "B8 and 12 more" inside a message worded in Arabic (the count follows a cell address)
_MORE = re.compile(r"(?<=\d) and (\d+) more\b")


def arabic_more(text: str) -> str:
    """An Arabic message's "B8 and 12 more" as "B8 و12 غيرها" (others: no noun to agree)."""
    return _MORE.sub(lambda m: f" و{m[1]} غيرها", text) if " more" in text else text
