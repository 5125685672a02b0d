"""The reader's screened key and name lookups (``core.customers.ids``) give exactly what the
plain per-value rules give: the unknown texts of a column, a key's other spellings, a name
looked up in the index of the customers whose names may hold a digit."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.customers.ids import (
    KeyIndex,
    NameIndex,
    id_key,
    name_index,
    names_as_ids,
    spelled_matches,
    unknown_values,
)

# Keys of the characters that matter: case, spaces, leading zeros, a number cell's ".0",
# a line break, digits of other scripts.
keys = st.text(alphabet="cC-0 1.\n٣ßi", max_size=5)
cells = st.one_of(keys, st.none(), st.just(float("nan")), st.integers(0, 3))


def plain_unknown(values: pd.Series, known: set) -> list[str]:
    present = values.dropna()
    missing = set(present.tolist()) - known
    return [v for v in pd.unique(present[present.isin(missing)]) if isinstance(v, str)]


def plain_spelled(known: set) -> dict[str, str | None]:
    """The index of other spellings, every key folded one by one."""
    ks = [k for k in known if isinstance(k, str)]
    index: dict[str, str | None] = dict(zip(ks, ks, strict=True))
    odd = [k for k in ks if k.upper() != k or " " in k or k[:1] == "0" or k.endswith(".0")]
    forms = [(id_key(k), k) for k in odd]
    for form, k in forms:
        if form != k:
            del index[k]
    for form, k in forms:
        index[form] = k if index.get(form, k) == k else None
    return index


@given(st.lists(cells, max_size=12), st.sets(keys, max_size=6))
def test_unknown_values_are_the_plain_rules(values, known):
    column = pd.Series(values, dtype="object")
    assert unknown_values(column, known) == plain_unknown(column, known)


@given(st.sets(st.one_of(keys, st.integers(0, 3)), max_size=8), st.lists(keys, max_size=6))
def test_spelled_lookups_are_the_plain_index(known, looked_up):
    index, plain = KeyIndex(known).spelled, plain_spelled(known)
    for form in looked_up + [id_key(k) for k in looked_up] + [k for k in known
                                                              if isinstance(k, str)]:
        assert index.get(form) == plain.get(form)
        assert (form in plain) == _has(index, form)
    listed = sorted(known, key=str) * 2  # the list's own order, with repeats
    for form in looked_up:
        assert KeyIndex(known, listed).spelled.get(form) == plain.get(form)
    unknown = [v for v in looked_up if v not in known]
    fast = spelled_matches(unknown, KeyIndex(known))
    assert fast == _plain_matches(unknown, plain)


def _has(index, form) -> bool:
    try:
        index[form]
    except KeyError:
        return False
    return True


def _plain_matches(unknown, index) -> dict[str, str]:
    from ar_excel.core.customers.ids import _printed_code

    found = {}
    for value in unknown:
        match = index.get(id_key(value))
        if match is None:
            match = next((index[k] for k in map(id_key, _printed_code(value)) if index.get(k)),
                         None)
        if match is not None:
            found[value] = match
    return found


# Names of the characters that matter: digits of other scripts and compatibility forms that
# fold to digits (², ①), legal forms, the article, Arabic letters folded alike.
names = st.text(alphabet="C12 ²①٣Al-coLLC.&شركة النور", max_size=10)


@settings(max_examples=200)
@given(st.lists(st.one_of(names, st.none()), max_size=8), st.lists(names, max_size=6))
def test_names_looked_up_in_part_of_the_index_are_found_as_in_all_of_it(master, values):
    customers = pd.DataFrame({"Customer ID": [f"K{i}" for i in range(len(master))],
                              "Name": pd.Series(master, dtype="object")})
    unknown = list(dict.fromkeys(values))
    assert names_as_ids(unknown, NameIndex(customers)) == names_as_ids(
        unknown, name_index(customers))


def test_unknown_ids_are_looked_up_among_the_names_holding_a_digit_only():
    customers = pd.DataFrame({"Customer ID": ["C1", "C2", "C3"],
                              "Name": ["Nile Foods", "Branch ٣ Trading", "Delta 2 LLC"]})
    names = NameIndex(customers)
    assert names_as_ids(["C95716", "Branch 3 Trading", "delta 2"], names) == {
        "Branch 3 Trading": "C2", "delta 2": "C3"}
    assert names._full is None and set(names._numbered.values()) == {"C2", "C3"}
    assert names_as_ids(["nile foods co"], names) == {"nile foods co": "C1"}
