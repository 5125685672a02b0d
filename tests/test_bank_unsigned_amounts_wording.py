"""A statement whose amounts carry no sign: the issue naming the lines read as money out is
good English for one line too ('1 lines were read' before), and said in Arabic."""

import pandas as pd

from ar_excel.bank.signs import signs_from_balance
from ar_excel.io.bank_messages_ar import arabic_bank_message


def _said(amounts: list[float], balances: list[float]) -> str:
    lines = pd.DataFrame({"Amount": amounts, "Balance": balances, "Line No": [2, 3, 4]})
    issues = signs_from_balance(lines, 1000.0, "bank.csv", "Amount")
    assert [float(a) for a in lines["Amount"]] == [a if b > p else -a for a, b, p in
                                                   zip(amounts, balances,
                                                       [1000.0, *balances[:-1]], strict=True)]
    return issues[0].message


def test_one_line_read_as_money_out():
    said = _said([500.0, 200.0, 300.0], [1500.0, 1300.0, 1600.0])
    assert said == ("the amounts carry no sign and no column says debit or credit; 1 line was "
                    "read as money out because the running balance falls by its amount (rows 3)")
    assert arabic_bank_message(said) == ("المبالغ بلا إشارة ولا عمود يقول مدين أو دائن؛ قُرئ 1 "
                                         "سطر مبالغ صادرة لأن الرصيد الجاري ينخفض بمبلغها "
                                         "(الصفوف 3)")


def test_two_lines_read_as_money_out():
    said = _said([500.0, 200.0, 300.0], [500.0, 300.0, 600.0])
    assert said.endswith("; 2 lines were read as money out because the running balance falls "
                         "by their amount (rows 2, 3)")
