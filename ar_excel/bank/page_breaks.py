"""Where a statement exported or copied page by page breaks between its pages.

The rules (Egyptian and Gulf portals, PDF-to-Excel conversions, statements pasted page by
page): each page may repeat the header and the account lines, open with the balance brought
forward ("Balance B/F", "رصيد منقول", "الرصيد المرحل من الصفحة السابقة") and close with a page
total, the balance carried forward ("C/F", "رصيد مرحل") and its page number ("Page 2 of 5",
"صفحة ٢ من ٥"). None of these is a transaction. The first page's brought-forward is the
statement's opening balance and the last carried-forward its closing; those between the
pages only repeat the running balance, so each is checked against it (the nearest balance
above - a line's, the page's before, the opening - plus the lines in between): one that
disagrees means a line was lost or misread at the page break, and is reported at its cell,
once (the next page's balances follow from it). Page numbers are
left out with one word for the whole file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

import numpy as np

from ar_excel.bank.two_columns import running_direction
from ar_excel.parsing import is_blank, normalize_digits

# "Page 2 of 5", "Page: 2/5", "Seite 2 von 5", "Page 2 sur 5", "صفحة ٢ من ٥", "الصفحة 2 / 5",
# "صفحة 2 من اصل 5", "Page 2" alone; and both languages in one cell ("Page 2 of 5 / صفحة 2
# من 5")
_ONE_PAGE_NUMBER = (r"\s*[-–(]?\s*(page|pg\.?|seite|(ال)?صفح[ةه])\s*(no\.?|رقم)?\s*:?\s*\d{1,4}"
                    r"(\s*(of|/|von|sur|de|من(\s+[اأإ]صل)?|-)\s*\d{1,4})?\s*[-–)]?\s*")
_PAGE_NUMBER = re.compile(rf"(?i)(?:{_ONE_PAGE_NUMBER})(?:[/|]?(?:{_ONE_PAGE_NUMBER}))?")

# The note a bank prints at the foot of its statement: made by its system, valid without
# a signature or a stamp, the end of the statement ("This is a computer generated statement
# and does not require a signature", "هذا الكشف صادر آليا ولا يحتاج إلى توقيع"). Neither a
# transaction nor words of the one above it.
_FOOTER_NOTE = re.compile(
    r"(?i)\b(computer|system|electronically|automatically|auto|machine)[\s-]*generated\b|"
    r"\b(does\s+not|doesn'?t|do\s+not|need\s+not)\s+(require|need|bear)\s+(a\s+|any\s+)?"
    r"(signature|stamp)|\b(requires?|needs?)\s+no\s+(signature|stamp)|"
    r"\bno\s+signature\s+(is\s+)?required\b|\bend\s+of\s+(the\s+)?statement\b|"
    r"(صادر|مستخرج|مطبوع|معد|كشف(\s+حساب)?)\s+(آلي|الي|إلكتروني|الكتروني)(ا|اً|ًا|ة|ه)?(?!\w)|"
    r"(لا|ولا)\s+(يحتاج|يتطلب|تحتاج|تتطلب|يستلزم|يلزم)\s+(إلى\s+|الى\s+|إلي\s+|الي\s+|ل)?"
    r"(أي\s+|اي\s+)?(ال)?(توقيع|ختم)|بدون\s+(توقيع|ختم)|نهاية\s+(الكشف|كشف\s+الحساب)|"
    # the account holder's time to object: "deemed correct unless the bank is notified within
    # 15 days", "يعتبر هذا الكشف صحيحًا ما لم يخطر البنك بأي اعتراض خلال 30 يومًا"
    r"\b(deemed|considered|treated\s+as|taken\s+as)\s+(to\s+be\s+)?(correct|accurate|"
    r"accepted|approved|final)\b.*\b(unless|if\s+no|within)\b|\breport\s+any\s+(discrepanc(y|ies)|errors?|differences?)\b|"
    r"(يعتبر|يُعتبر|تعتبر)\s+(هذا\s+)?(ال)?كشف(\s+(ال)?حساب)?\s+(صحيح|معتمد|نهائي|مقبول)|"
    r"(ما\s+لم|إذا\s+لم|اذا\s+لم)\s+(يخطر|تخطر|يرد|ترد|يصل|تصل|يتم\s+إخطار|يتم\s+اخطار)"
    r".*(اعتراض|ملاحظ|خلال)|"
    # made from the bank's internet banking: "تم استخراج هذا الكشف من خدمة الإنترنت البنكي"
    r"(مستخرج|استخراج|صادر)\s+(هذا\s+(ال)?كشف\s+)?من\s+(خدمة\s+|خدمات\s+)?(ال)?(إنترنت|انترنت)|"
    r"\b(extracted|generated|printed|issued)\s+(from|via|through)\s+(the\s+)?(internet|online|"
    r"e-?)\s*banking\b")


def statement_footer(row: list[Any]) -> bool:
    """Whether a row is only the statement's printed foot: the bank's note that its system
    made it (``_FOOTER_NOTE``), with at most a page number and when and by whom it was
    printed beside it."""
    said = False
    for cell in row:
        if is_blank(cell):
            continue
        if not isinstance(cell, str):
            return False
        if _FOOTER_NOTE.search(cell):
            said = True
        elif not (_PAGE_NUMBER.fullmatch(normalize_digits(cell)) or _PRINT_STAMP.match(cell)):
            return False
    return said

# what a printed page's footer says beside its number: when and by whom it was printed
_PRINT_STAMP = re.compile(
    r"(?i)^\s*(printed|print\s*date|generated|run\s*date|report\s*date|user|"
    r"تاريخ\s*(الطباعة|الطباعه|الاستخراج)|طبع|المستخدم)\b")


def page_number_of(row: list[Any]) -> str | None:
    """The page number a row says and nothing else (but when and by whom it was printed):
    a page's footer or heading, no transaction and no narrative of one. None otherwise."""
    found = None
    for cell in row:
        if is_blank(cell):
            continue
        if not isinstance(cell, str):
            return None
        digits = normalize_digits(cell)
        at = _page_in_cell(digits)
        if at:
            # (as written, "صفحة ١ من ٣"; as read where reading the digits dropped a direction
            # mark, which Excel writes in an Arabic cell: the places are the read text's)
            said = (cell if len(digits) == len(cell) else digits)[at[0]:at[1]].strip()
            found = found or (said if _DASHED_NUMBER.fullmatch(said) else said.rstrip(" -–|,"))
        elif not (_PRINT_STAMP.match(cell) or _FOOTER_NOTE.search(cell)):
            return None
    return found


def heading_key(row: list[Any]) -> tuple[str, ...]:
    """A row's filled cells as text, its page number left out: the heading a bank prints at
    the top of each page ("البنك الأهلي المصري - كشف حساب | صفحة 2 من 3") is the same row on
    every page but for that number, so it is recognised as the first page's heading again."""
    return tuple(str(c).strip() for c in row if not is_blank(c) and not (
        isinstance(c, str) and _page_in_cell(digits := normalize_digits(c)) == (0, len(digits))))


# "- 2 -": a page's number alone, as a printed report centres it at the foot
_DASHED_NUMBER = re.compile(r"\s*[-–]\s*\d{1,4}\s*[-–]\s*")
_PAGE_WORD = re.compile(r"(?i)(?:page|pg\.?|seite|(?:ال)?صفح[ةه])(?![^\W\d_])")


def _page_in_cell(text: str) -> tuple[int, int] | None:
    """Where a cell says its page number: alone ("Page 2 of 5", "- 2 -"), or with when it
    was printed before or after it in the same cell ("Page 2 of 5 Printed on 24/11/2026",
    "تاريخ الطباعة 24/11/2026 صفحة 2 من 5")."""
    if _PAGE_NUMBER.fullmatch(text) or _DASHED_NUMBER.fullmatch(text):
        return 0, len(text)
    for word in _PAGE_WORD.finditer(text):
        head, tail = text[:word.start()], text[word.start():]
        if head.strip() and _PRINT_STAMP.match(head) and _PAGE_NUMBER.fullmatch(tail):
            return word.start(), len(text)  # the print stamp first
        m = _PAGE_NUMBER.match(tail)
        if not head.strip() and m and _PRINT_STAMP.match(tail[m.end():].lstrip(" -–|,")):
            return 0, word.start() + m.end()  # the page number first
    return None


def page_balances_that_disagree(page_balances: list[tuple[int, str, float, str]],
                                kept: np.ndarray, amount: np.ndarray,
                                balance: np.ndarray | None, opening: float | None
                                ) -> list[tuple[int, float, float, int | None, int | None]]:
    """The balances printed between pages (position, kind, balance, label) that are not the
    running balance at their place: the nearest balance above them (a line's printed
    balance, the page balance before, else the opening) plus the lines in between. Each as
    (position, balance printed, running balance, the row of that nearest balance - None for
    the opening -, the last line in between or None). ``kept``: positions of the lines;
    ``amount``, ``balance``: per row of the table (``balance`` None where the file has no
    running balance)."""
    out: list[tuple[int, float, float, int | None, int | None]] = []
    if balance is not None and running_direction(balance[kept], amount[kept]) == -1:
        return out  # newest first: the line above comes after the page break, not before
    with_balance = kept[~np.isnan(balance[kept])] if balance is not None else kept[:0]
    stated_at = {pos: value for pos, _, value, _ in page_balances}
    pages = sorted(stated_at)
    for pos, _kind, stated, _label in page_balances:
        # the nearest balance above: ``kept`` (and so ``with_balance``) and ``pages`` are in
        # row order, so each is found by bisection, not by a pass over every line
        line = int(np.searchsorted(with_balance, pos))
        page = bisect_left(pages, pos)
        above = ([int(with_balance[line - 1])] if line else []) + (
            [pages[page - 1]] if page else [])
        anchor = max(above) if above else None
        if anchor is None and opening is None:
            continue
        start = opening if anchor is None else (
            stated_at[anchor] if anchor in stated_at else float(balance[anchor]))
        between = kept[int(np.searchsorted(kept, -1 if anchor is None else anchor, "right")):
                       int(np.searchsorted(kept, pos))]
        running = start + float(np.nansum(amount[between]))
        if abs(running - stated) >= 0.005:
            out.append((pos, stated, round(running, 3), anchor,
                        int(between[-1]) if len(between) else None))
    return out


def lines_copied_at_a_page_break(data: list[list[Any]], kept: np.ndarray,
                                 page_rows: np.ndarray, balance: np.ndarray | None
                                 ) -> list[tuple[int, int, bool]]:
    """Lines that repeat, cell for cell, the last line of the page before them (a page
    copied or converted with an overlap): (position, the line it repeats, proven). Proven
    where the running balance is printed on both and the same - a second, real transaction
    would have moved it; without a running balance two identical transactions may straddle a
    page break, so the line is kept and only said. ``page_rows``: the rows that are no
    transactions (page breaks among them)."""
    out: list[tuple[int, int, bool]] = []
    if len(kept) < 2:
        return out
    rows_before = np.concatenate(([0], np.cumsum(page_rows)))  # page rows above each row
    across = rows_before[kept[1:]] - rows_before[kept[:-1] + 1] > 0  # a page row between
    for k in np.flatnonzero(across).tolist():
        above, pos = int(kept[k]), int(kept[k + 1])
        if data[pos] != data[above]:
            continue
        proven = (balance is not None and not np.isnan(balance[pos])
                  and not np.isnan(balance[above]))
        out.append((pos, above, proven))
    return out
