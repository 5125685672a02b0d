"""The collections drafts' file names are made in one place (``pdf_statement.draft_file_name``)
and read back by ``draft_owners`` for a re-run to drop this book's drafts of the date: the
same names as before the builder (helper-156), checked against the rule the job spelt out."""

from __future__ import annotations

import datetime

import pytest

from ar_excel.io.eml import safe_name
from ar_excel.io.pdf_statement import draft_file_name, draft_owners

AS_OF = datetime.date(2026, 11, 30)


@pytest.mark.parametrize(("args", "name"), [
    (("C1", AS_OF), "2026-11-30_C1.eml"),
    (("C1", AS_OF, "USD"), "2026-11-30_C1_USD.eml"),
    (("C1", AS_OF, None, True), "Statement_C1_2026-11-30.pdf"),
    (("C1", None, None, True), "Statement_C1.pdf"),
    (("AL/NOOR:1", AS_OF), "2026-11-30_AL_NOOR_1.eml"),
    (("N-03", AS_OF, None, True), "Statement_N-03_2026-11-30.pdf"),
    ((1201, AS_OF, "EGP"), "2026-11-30_1201_EGP.eml"),
])
def test_the_names(args, name):
    assert draft_file_name(*args) == name


def _as_before(name: str, ids: set[str]) -> bool:
    """The job's rule before the builder (jobs/collections._drop_drafts)."""
    stamp = "2026-11-30"
    if name.startswith(f"{stamp}_") and name.endswith(".eml"):
        stem = name[len(stamp) + 1:-len(".eml")]
        return stem in ids or (stem[-4:-3] == "_" and stem[:-4] in ids)
    if name.startswith("Statement_") and name.endswith(f"_{stamp}.pdf"):
        return name[len("Statement_"):-len(f"_{stamp}.pdf")] in ids
    return False


def test_read_back_as_the_job_did():
    ids = {safe_name(c) for c in ("C1", "C1_USD", "N-03", "1201", "AL/NOOR")}
    names = [draft_file_name(c, AS_OF, ccy, st) for c in ("C1", "C2", "C1_USD", "N-03", "1201",
                                                          "AL/NOOR", "X" * 90)
             for ccy in (None, "USD", "EGP") for st in (False, True)]
    names += ["2026-11-29_C1.eml", "Statement_C1.pdf", "Statement_C1_2026-11-29.pdf",
              "2026-11-30_.eml", "notes.txt", "2026-11-30_C2_USD.eml", "2026-11-30_C1.eml.tmp"]
    for name in names:
        assert any(o in ids for o in draft_owners(name, AS_OF)) == _as_before(name, ids), name
    assert draft_owners("2026-11-30_C1_USD.eml", AS_OF) == ("C1_USD", "C1")
    assert draft_owners("Statement_C1_2026-11-30.pdf", AS_OF) == ("C1",)
    assert draft_owners("Statement_C1.pdf", AS_OF) == ()
