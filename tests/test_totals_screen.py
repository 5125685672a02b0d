"""The one-pass screen of a key column for totals labels (``io.reader``) never misses a text
that starts like one: it may only say "look" where none does."""

from hypothesis import given
from hypothesis import strategies as st

from ar_excel.io.reader import _TOTAL_STARTS, _may_start_a_total

# Texts of the characters that matter: the labels' letters in both cases, Arabic ones, spaces
# of several kinds, line breaks (which join the texts), letters that change length or case
# oddly when lower-cased (İ, ẞ, Σ).
texts = st.lists(st.text(alphabet="TOtalGRndSUbmsوالإجمعه \t\n\u00a0İẞΣ-1", max_size=10),
                 max_size=6)


@given(texts)
def test_the_screen_finds_every_text_starting_like_a_total(values):
    if any(v.strip().lower().startswith(_TOTAL_STARTS) for v in values):
        assert _may_start_a_total(values)


def test_the_screen_passes_plain_keys_and_finds_labels():
    assert not _may_start_a_total(["C00001", "INV-2026-00123", "Nile Foods"])
    assert _may_start_a_total(["C00001", "  Grand Total"])
    assert _may_start_a_total(["الإجمالي"])
    assert not _may_start_a_total([])
