"""MT940 files in UTF-8 that a bank wrapped at 65 bytes, not 65 characters.

SWIFT wraps a ``:86:`` narrative at 65 columns. An Egyptian bank writing Arabic in UTF-8 may
count bytes instead: its breaks then fall inside a letter's two bytes, the file is no valid
UTF-8 and would be read whole as cp1256 (every Arabic word garbled, in silence), or, where
the breaks fell between letters, its words are split in two. ``byte_wrapped`` rejoins such
lines before the file is decoded; any other file is left as it is.
"""

from __future__ import annotations

import re

from ar_excel.bank.narrative import WRAP

# a UTF-8 character (Arabic: two bytes) cut in two by a line break
_CUT_CHARACTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{0,2}\r?\n[\x80-\xbf]")
# a tag, or the message's envelope ("{4:", "-}", a "-" alone): no more of the narrative
_TAG_BYTES = re.compile(rb"^:(\d{2}[A-Z]?|NS):|^\s*(?:\{[1-5]:|-?\}|-\s*$)")


# the margin a portal indents every line of its MT940 by ("  :20:STMT..."; after a UTF-8 byte
# order mark on the first line)
_INDENTED_20 = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?([ \t]+):20:")


def outdented(data: bytes) -> bytes:
    """The file without the margin some portals (Egyptian banks' among them) indent every line
    by: the :20: line's, taken off each line that has it, so that the tags stand at the start
    of their lines as SWIFT writes them; any other file is returned as it is."""
    m = _INDENTED_20.search(data)
    if m is None:
        return data
    return re.sub(rb"(?m)^(\xef\xbb\xbf)?" + re.escape(m.group(1)), rb"\1", data)


def swift_lines(data: bytes) -> bytes:
    """The file with its tags at the start of their lines, as SWIFT writes them, for the
    format to be told and the file read alike: a FinTS bank's statement sent as one line (the
    Volksbanks through VBKM: "@@" parting its lines, "@@:20:" near its start) split there,
    then the margin a portal indents every line by taken off (``outdented``)."""
    if b"@@:20:" in data[:8192]:
        data = data.replace(b"@@", b"\n")
    return outdented(data)


def _ends_inside_a_character(line: bytes) -> bool:
    """The line's last bytes open a UTF-8 character that they do not complete."""
    tail = line[-3:]
    for back in range(1, len(tail) + 1):
        byte = tail[-back]
        if byte < 0x80:
            return False
        if byte >= 0xC0:  # the lead byte: how many bytes its character takes
            size = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return back < size
    return False


def _narrative_lines(lines: list[bytes]) -> list[tuple[bytes, bool]]:
    """The ``:86:`` lines of the file without their tag, each with whether more of the same
    narrative follows it."""
    out: list[tuple[bytes, bool]] = []
    narrative = False
    for line, following in zip(lines, [*lines[1:], b""], strict=True):
        if _TAG_BYTES.match(line):
            narrative = line.startswith(b":86:")
        if narrative:
            more = bool(following.strip()) and not _TAG_BYTES.match(following)
            out.append((line.rstrip(b"\r").removeprefix(b":86:"), more))
    return out


def _wrapped_at_65_bytes(lines: list[bytes]) -> bool:
    """A UTF-8 file whose breaks all fell between letters, wrapped at 65 bytes all the same:
    a narrative line with letters past ASCII is exactly 65 bytes long with more below it,
    and none is longer (a bank wrapping at 65 characters writes such a line of 65 letters in
    more bytes)."""
    wide = [(body, more) for body, more in _narrative_lines(lines) if not body.isascii()]
    return (any(len(body) == 65 and more for body, more in wide)
            and all(len(body) <= 65 for body, _ in wide))


def byte_wrapped(data: bytes) -> bytes:
    """The file with its ``:86:`` lines rejoined where the bank wrapped them at 65 bytes, not
    65 characters, in UTF-8: an Egyptian bank's Arabic narrative ("حوالة واردة ...") is then
    cut inside its two-byte letters, the file is no valid UTF-8 and would be read whole as
    cp1256 (every Arabic word garbled, in silence), or, where the breaks fell between letters,
    its words split in two. Where a break falls inside a character,
    and after each full line (65 bytes, 69 with the ``:86:`` tag) of such a file, the next line
    follows without a break, as the 65-column wrap of a character-counting bank is undone
    (``narrative.join_lines``); a line so rejoined that ends where the bank ended a line
    short is given blanks past the width, so that it is not taken for a full one there. A
    blank line (skipped) takes the place of each break taken out, so the lines after it keep
    their numbers in issues. Any other file is returned as it is."""
    if data.isascii():
        return data
    if not _CUT_CHARACTER.search(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data  # another code page (cp1256, latin-1)
        if not _wrapped_at_65_bytes(data.split(b"\n")):
            return data
    lines = data.split(b"\n")
    out: list[bytes] = []
    narrative = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TAG_BYTES.match(line):
            narrative = line.startswith(b":86:")
        piece = line.rstrip(b"\r")  # the last line as the bank wrote it
        first = piece.startswith(b":86:")
        owed = 0
        while narrative and i + 1 < len(lines):
            following = lines[i + 1]
            if not following.strip() or _TAG_BYTES.match(following):
                break
            full = len(piece) - 4 * first == 65 or (first and len(piece) == 65)
            if not (full or _ends_inside_a_character(piece)):
                if owed:  # more lines follow this short one: not full, whatever its length
                    body = line.rstrip(b"\r")
                    shown = len(body.decode("utf-8", errors="replace"))
                    line = body + b" " * max(0, WRAP + 6 - shown) + line[len(body):]
                break
            line = line.rstrip(b"\r") + following
            piece, first = following.rstrip(b"\r"), False
            owed += 1
            i += 1
        out.append(line)
        out += [b""] * owed
        i += 1
    joined = b"\n".join(out)
    try:
        joined.decode("utf-8")
    except UnicodeDecodeError:
        return data  # not a byte-wrapped UTF-8 file after all
    return joined
