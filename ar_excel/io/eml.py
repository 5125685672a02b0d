"""Email drafts (.eml) for dunning letters, built with the standard library's ``email``.

* UTF-8 throughout; a non-ASCII subject or name is RFC 2047-encoded by ``email.policy``.
* ``X-Unsent: 1`` makes Outlook open the file as a draft ready to send; other clients open
  it as a message that can be forwarded or edited.
* A plain-text part and an HTML part (``dir="rtl"`` for Arabic so the letter reads right to
  left); attachments (e.g. the statement PDF) are added as they are.
* ``safe_name`` makes a customer ID fit for a file name on any file system.
* The same letter gives the same file: the Date header is the letter's date (the run's
  as-of date), the Message-ID and the MIME boundaries are drawn from the letter's content,
  so re-running a month-end writes its drafts again byte for byte.
"""

from __future__ import annotations

import hashlib
import html
import mimetypes
import re
from datetime import UTC, date, datetime
from email.generator import NLCRE, BytesGenerator
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from ar_excel.core.collections.letters import Letter
from ar_excel.core.customers.contacts import email_addresses, email_problem

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


class _DraftPolicy(EmailPolicy):
    """``email.policy.default`` (building) / ``SMTP`` (writing), remembering parsed and
    folded headers. The standard policy parses every header it is given (a new header class
    each time) and refolds it on output; a run writes thousands of drafts whose headers
    repeat (sender, X-Unsent, language, the MIME headers of each part), so each distinct
    header is parsed and folded once. The output is the standard policy's, byte for byte."""

    _parsed: dict[tuple[str, str], tuple] = {}
    _folded: dict[tuple[int, str], bytes] = {}  # by the id of a header held in _parsed
    _held: set[int] = set()

    def header_store_parse(self, name, value):  # noqa: ANN001, ANN201
        if type(value) is not str:
            return super().header_store_parse(name, value)
        key = (name, value)
        hit = self._parsed.get(key)
        if hit is None:
            hit = super().header_store_parse(name, value)
            if len(self._parsed) > 50_000:
                self._parsed.clear()
                self._folded.clear()
                self._held.clear()
            self._parsed[key] = hit
            self._held.add(id(hit[1]))
        return hit

    def fold_binary(self, name, value):  # noqa: ANN001, ANN201
        # a header is folded from its parse tree, not its text (an invalid address prints
        # the same text as another): only the very header objects kept above are reused
        if id(value) not in self._held:
            return super().fold_binary(name, value)
        key = (id(value), self.linesep)
        hit = self._folded.get(key)
        if hit is None:
            hit = self._folded[key] = super().fold_binary(name, value)
        return hit


class _HeaderClasses(HeaderRegistry):
    """The standard header registry, making each header name's class once: the standard
    one builds a new class (``type(...)``) for every header it parses."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = super().__getitem__(name)
        return cls


class _DraftGenerator(BytesGenerator):
    """``BytesGenerator`` writing the same bytes in fewer pieces: a body's lines in one
    write instead of two per line (an enclosed PDF is thousands of base64 lines), and a
    multipart boundary checked against the text with a substring search before the
    standard regular expression (which cannot match where ``--boundary`` is absent)."""

    def _write_lines(self, lines: str) -> None:
        if not lines:
            return
        lines = NLCRE.split(lines)
        if len(lines) > 1:
            self.write(self._NL.join(lines[:-1]) + self._NL)
        if lines[-1]:
            self.write(lines[-1])

    @classmethod
    def _make_boundary(cls, text: bytes | None = None) -> str:
        if text is None:
            return super()._make_boundary(text)
        # the boundary is drawn by the standard method (same random draws); only the
        # check of the text is shortened when the boundary cannot be in it
        boundary = super()._make_boundary(None)
        if b"--" + boundary.encode("ascii") not in text:
            return boundary
        b, counter = boundary, 0
        while cls._compile_re("^--" + re.escape(b) + "(--)?$", re.MULTILINE).search(text):
            b = boundary + "." + str(counter)
            counter += 1
        return b


_BUILD = _DraftPolicy(header_factory=_HeaderClasses())  # = email.policy.default
_WRITE = _BUILD.clone(linesep="\r\n")  # = email.policy.SMTP


def draft_bytes(msg: EmailMessage) -> bytes:
    """``msg.as_bytes(policy=email.policy.SMTP)``, byte for byte (``_DraftGenerator``)."""
    fp = BytesIO()
    _DraftGenerator(fp, mangle_from_=False, policy=_WRITE).flatten(msg, unixfrom=False)
    return fp.getvalue()


def letter_html(letter: Letter) -> str:
    """The letter as a small HTML document (table of items, RTL for Arabic)."""
    direction = "rtl" if letter.rtl else "ltr"
    align = "right" if letter.rtl else "left"
    esc = html.escape
    paras = "".join(f"<p>{esc(p)}</p>" for p in [letter.greeting, *letter.paragraphs])
    head = "".join(f"<th style='border:1px solid #999;padding:4px'>{esc(h)}</th>"
                   for h in letter.headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='border:1px solid #999;padding:4px'>{esc(c)}</td>"
                         for c in row) + "</tr>" for row in letter.rows)
    totals = "".join(f"<p><b>{esc(k)}:</b> {esc(v)}</p>" for k, v in letter.totals)
    closing = "<br>".join(esc(x) for x in letter.closing.splitlines())
    return (f"<!DOCTYPE html><html lang='{letter.language}' dir='{direction}'>"
            f"<head><meta charset='utf-8'></head>"
            f"<body dir='{direction}' style='font-family:Arial,Tahoma,sans-serif;"
            f"text-align:{align}'>{paras.replace(chr(10), '<br>')}"
            f"<table style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{totals}<p>{closing}</p></body></html>")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _noon_utc(sent_on: date | None) -> datetime:
    """The Date header of a letter of ``sent_on`` (today when None): noon UTC, which every
    mail client from UTC-11 to UTC+11 shows on that same calendar day (midnight UTC would
    show the day before in the Americas)."""
    day = date.today() if sent_on is None else sent_on
    if isinstance(day, datetime):
        day = day.date()
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def draft_message(letter: Letter, sender: str | None = None,
                  attachments: list[Path] | None = None,
                  sent_on: date | None = None) -> EmailMessage:
    """The draft of ``letter`` dated ``sent_on`` (the run's as-of date; today when None)."""
    msg = EmailMessage(policy=_BUILD)
    # a header is one line: a name typed over two lines of its cell (Alt+Enter) is joined
    msg["Subject"] = _one_line(letter.subject)
    if isinstance(letter.email, str) and letter.email.strip():
        # several addresses may be typed in one cell: "a@x.com; b@y.com", or one per line;
        # one that is no address ('"', 'a@': the validate job's INVALID_EMAIL) is left for
        # the clerk to fill in: the standard library's parser failed on some (IndexError),
        # and the whole collections job with it
        to = []
        for part in re.split(r"[;,،؛|\r\n]", letter.email):
            part = part.strip()
            if not part or email_problem(part) is not None:
                continue
            # a name with its address stays whole; else the addresses as validate reads
            # them: "a@x.com / b@y.com" and "a@x.com b@y.com" are two (the header parser
            # kept the first only), "ap@x.com (accounts)" the address
            to += [part] if "<" in part else list(email_addresses(part))
        if to:
            msg["To"] = ", ".join(to)
    if sender:
        msg["From"] = _one_line(sender)
    # the letter's date, not the wall clock: a re-run of the same month-end (same --as-of)
    # writes the same file, and the draft says the date its figures are as of
    when = _noon_utc(sent_on)
    msg["Date"] = format_datetime(when)
    # unique per letter and stable across re-runs: from the date and what the letter says
    text = letter.text()
    said = _digest(letter.customer_id, letter.currency, letter.level, letter.subject,
                   letter.email, text)
    msg["Message-ID"] = f"<{when:%Y%m%d}.{said[:24]}@ar-excel.local>"
    msg["X-Unsent"] = "1"
    msg["Content-Language"] = letter.language
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(letter_html(letter), subtype="html", charset="utf-8")
    for path in attachments or []:
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                           filename=path.name)
    return msg


# A file name holds at most 255 bytes; an Arabic letter takes two. A Customer ID that is a
# long name (a master keyed by names) is cut, and a digest of the whole keeps two such IDs
# that begin alike in two files.
_NAME_CHARS = 60


def safe_name(text: str) -> str:
    """``text`` as part of a file name: no path or reserved characters, at most 69 letters."""
    name = _UNSAFE.sub("_", str(text)).strip("_") or "customer"
    if len(name) <= _NAME_CHARS:
        return name
    digest = hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:8]
    return f"{name[:_NAME_CHARS].rstrip('_')}_{digest}"


def fix_boundaries(msg: EmailMessage) -> EmailMessage:
    """``msg`` with each multipart's boundary drawn from the message's own content instead
    of at random (the generator's way), so the same letter is written as the same bytes. A
    boundary found in a part's text (it may not appear there) is drawn again."""
    leaves = [part.get_payload() for part in msg.walk() if not part.is_multipart()]
    seed = _digest(msg["Message-ID"], *leaves)
    for k, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        for attempt in range(100):
            boundary = "=" * 15 + str(int(_digest(seed, k, attempt)[:15], 16)).zfill(19) + "=="
            if not any(boundary in leaf for leaf in leaves if isinstance(leaf, str)):
                break
        part.set_boundary(boundary)
    return msg


def write_draft(letter: Letter, path: Path, sender: str | None = None,
                attachments: list[Path] | None = None, sent_on: date | None = None) -> Path:
    """Write the draft of ``letter`` dated ``sent_on`` (the run's as-of date; today when
    None) to ``path`` (replacing a previous one, atomically) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = draft_bytes(fix_boundaries(draft_message(letter, sender, attachments, sent_on)))
    tmp = path.with_suffix(".eml.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
