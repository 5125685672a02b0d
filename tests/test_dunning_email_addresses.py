"""A dunning draft's To: every address of the customer's Email cell, however the cell
separates them (as the validate job reads the cell). Before, only ';', ',' and new lines
did: 'a@x.com، b@y.com' (an Arabic comma) went out to 'a@x.com،' alone, and
'a@x.com / b@y.com' or 'a@x.com b@y.com' to the first address only."""

from __future__ import annotations

import pytest

from ar_excel.core.collections.letters import Letter
from ar_excel.io.eml import draft_message


@pytest.mark.parametrize(("cell", "to"), [
    ("ap@nile.example، ar@nile.example", "ap@nile.example, ar@nile.example"),
    ("ap@nile.example؛ ar@nile.example", "ap@nile.example, ar@nile.example"),
    ("ap@nile.example / ar@nile.example", "ap@nile.example, ar@nile.example"),
    ("ap@nile.example ar@nile.example", "ap@nile.example, ar@nile.example"),
    ("ap@nile.example (accounts)", "ap@nile.example"),
    ("Nile AP <ap@nile.example>; ar@nile.example", "Nile AP <ap@nile.example>, ar@nile.example"),
])
def test_every_address_of_the_cell(cell, to):
    letter = Letter("C1", "Nile", cell, "ar", 1, "تذكير", "السادة", ["نص"], ["رقم"], [["1"]])
    assert draft_message(letter)["To"] == to
