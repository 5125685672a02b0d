"""The one-pass screen of receipt references for lists of invoices (``core.entries``) never
misses a text that names several: it may only say "look" where none does."""

from hypothesis import given
from hypothesis import strategies as st

from ar_excel.core.entries import _SEPARATORS, _may_list_several

# Texts of the characters that matter (separators, line breaks, the Arabic "and", letters of
# "and", digits) so that the edge cases come up often.
texts = st.lists(st.text(alphabet="INV-0123 ,;،؛&+/|\nو\tand", max_size=12), max_size=6)


@given(texts)
def test_the_screen_finds_every_text_a_separator_is_in(values):
    if any(_SEPARATORS.search(v) for v in values):
        assert _may_list_several(values)


def test_the_screen_passes_plain_invoice_numbers():
    assert not _may_list_several(["INV-2026-00123", "INV-2026-00124", "5001", "SI0045"])
    assert _may_list_several(["INV-1, INV-2"])
    assert _may_list_several(["5001 و 5002"])
    assert _may_list_several(["INV-1\nINV-2"])  # a line break inside one cell
    assert not _may_list_several([])
