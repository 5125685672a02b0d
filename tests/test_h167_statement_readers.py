"""Three bank statement readers' faults (helper-167): a name taken for an account, an
indented MT940 taken for a CSV, a Gulf /ROC/ narrative in a CSV read as free text. Each file
written here by hand, its lines and fields pinned exactly."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import detect_format, read_statement_file


def _write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


_PARTY_CSV = """Date,Description,Counterparty,Amount,Balance
01/11/2026,Payment INV-1001,,1000.00,1000.00
02/11/2026,Payment INV-1002,{party},250.50,1250.50
03/11/2026,Bank charges,,-10.00,1240.50
04/11/2026,Payment INV-1003,,400.00,1640.50
"""


def test_a_name_after_a_code_is_not_taken_for_an_iban(tmp_path: Path) -> None:
    # 'SI2600984BLUEOCEAN' has an IBAN's shape without its spaces, not its check digits:
    # the whole column was read as Counterparty Account and the payer was lost
    st = read_statement_file(_write(tmp_path, "party.csv",
                                    _PARTY_CSV.format(party="SI2600984 BLUE OCEAN")))
    lines = st.lines
    assert list(lines["Amount"]) == [1000.0, 250.5, -10.0, 400.0]
    assert list(lines["Counterparty"]) == [None, "SI2600984 BLUE OCEAN", None, None]
    assert list(lines["Counterparty Account"]) == [None] * 4


def test_real_ibans_in_groups_of_four_and_local_numbers_stay_accounts(tmp_path: Path) -> None:
    for party, account in (("SI56 1910 0000 0123 438", "SI56 1910 0000 0123 438"),
                           ("NL91ABNA0417164300", "NL91ABNA0417164300"),
                           ("0123456789", "0123456789")):
        st = read_statement_file(_write(tmp_path, "acct.csv", _PARTY_CSV.format(party=party)))
        assert list(st.lines["Counterparty Account"]) == [None, account, None, None], party
        assert list(st.lines["Counterparty"]) == [None] * 4, party


_INDENTED_MT940 = """  :20:STMT261103001
  :25:NL91ABNA0417164300
  :28C:00001/001
  :60F:C261102EUR1000,00
  :61:2611031103C250,50NTRFNONREF//B1
  :86:/EREF/INV-1002/NAME/BLUE OCEAN BV/REMI/INVOICE 1002 AND
  1003
  :61:2611031103D10,00NCHGNONREF
  :86:BANK CHARGES
  :62F:C261103EUR1240,50
  -
"""


def test_an_mt940_with_indented_tags_is_read_as_mt940(tmp_path: Path) -> None:
    # refused before: "could not find the header row ... ['  :20:STMT261103001']"
    path = _write(tmp_path, "indented.sta", _INDENTED_MT940, newline="\r\n")
    assert detect_format(path.read_bytes()) == "mt940"
    st = read_statement_file(path)
    lines = st.lines
    assert list(lines["Amount"]) == [250.5, -10.0]
    assert lines.iloc[0]["Reference"] == "INV-1002"
    assert lines.iloc[0]["Counterparty"] == "BLUE OCEAN BV"
    assert lines.iloc[0]["Description"] == "INVOICE 1002 AND 1003"
    assert lines.iloc[0]["Bank Ref"] == "B1"
    assert lines.iloc[1]["Description"] == "BANK CHARGES"
    assert st.issues == []
    assert len(st.balances) == 1
    assert (st.balances[0].opening, st.balances[0].closing) == (1000.0, 1240.5)
    assert st.balances[0].difference == 0.0


def test_a_csv_narrative_in_gulf_swift_keys_is_read_as_structured(tmp_path: Path) -> None:
    # /ROC/ (the ordering customer's reference) first, as MT940's :86: is read since b65b14d
    path = _write(tmp_path, "gulf.csv", """Date,Description,Amount,Balance
03/11/2026,/ROC/INV-2026-114/BENM//NAME/OUR CO LLC/ORDP//NAME/GULF STAR TRADING LLC/REMI/PAYMENT INV 2026 114,25000.00,175000.00
03/11/2026,CHARGES FOR SWIFT TRANSFER,-1500.50,173499.50
""")
    lines = read_statement_file(path).lines
    assert list(lines["Amount"]) == [25000.0, -1500.5]
    first = lines.iloc[0]
    assert first["Reference"] == "INV-2026-114"
    assert first["Counterparty"] == "GULF STAR TRADING LLC"
    assert first["Description"] == "PAYMENT INV 2026 114"
    assert lines.iloc[1]["Description"] == "CHARGES FOR SWIFT TRANSFER"
    assert lines.iloc[1]["Reference"] is None
