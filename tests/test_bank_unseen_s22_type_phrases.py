"""A type column whose values are phrases naming the side, as Egyptian and Gulf core systems
export it beside unsigned amounts: "Transfer In" / "Transfer Out", "Cash Deposit" / "Cash
Withdrawal", "تحويل وارد" / "تحويل صادر", "إيداع نقدي" / "سحب نقدي". The phrase signs the
amount (without a running balance nothing else can) and stays in the line's narrative."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def test_english_type_phrases_sign_the_amounts_without_a_balance(tmp_path: Path) -> None:
    path = tmp_path / "st.csv"
    path.write_text("Date,Type,Details,Amount\n"
                    "03/11/2026,Transfer In,FROM ALPHA TRADING INV-1001,\"5,000.00\"\n"
                    "04/11/2026,Transfer Out,TO BETA SUPPLIES,\"1,000.00\"\n"
                    "05/11/2026,Cash Deposit,BRANCH 12,250.00\n"
                    "06/11/2026,Cash Withdrawal,ATM 0456,100.00\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [5000.0, -1000.0, 250.0, -100.0]
    assert st.lines["Description"].tolist() == [
        "FROM ALPHA TRADING INV-1001 Transfer In", "TO BETA SUPPLIES Transfer Out",
        "BRANCH 12 Cash Deposit", "ATM 0456 Cash Withdrawal"]
    assert st.issues == []


def test_arabic_type_phrases_sign_the_amounts(tmp_path: Path) -> None:
    path = tmp_path / "st.csv"
    path.write_text("التاريخ,نوع الحركة,البيان,المبلغ\n"
                    "03/11/2026,تحويل وارد,من شركة الأمل,\"5,000.00\"\n"
                    "04/11/2026,تحويل صادر,إلى مؤسسة النور,\"1,000.00\"\n"
                    "05/11/2026,إيداع نقدي,فرع المعادي,250.00\n"
                    "06/11/2026,سحب نقدي,صراف آلي,100.00\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [5000.0, -1000.0, 250.0, -100.0]
    assert st.lines["Description"].tolist()[1] == "إلى مؤسسة النور تحويل صادر"
    assert st.issues == []


def test_a_phrase_that_undoes_a_side_is_no_mark(tmp_path: Path) -> None:
    # "Charge Reversal" is money in though it says charge: the column tells no side, and
    # the amounts stay as printed, said
    path = tmp_path / "st.csv"
    path.write_text("Date,Type,Details,Amount\n"
                    "03/11/2026,Transfer In,FROM ALPHA,500.00\n"
                    "04/11/2026,Charge Reversal,FEE BACK,25.00\n"
                    "05/11/2026,Transfer Out,TO BETA,100.00\n", encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, 25.0, 100.0]
    assert any("every amount is positive" in i.message for i in st.issues)


def test_credit_card_payment_is_no_money_in_by_its_words(tmp_path: Path) -> None:
    path = tmp_path / "st.csv"
    path.write_text("Date,Type,Details,Amount\n"
                    "03/11/2026,Transfer In,FROM ALPHA,500.00\n"
                    "04/11/2026,Credit Card Payment,CARD 4xxx1234,300.00\n"
                    "05/11/2026,Transfer Out,TO BETA,100.00\n", encoding="utf-8")
    st = read_statement(path)
    # the type column does not say every line's side: it signs none (the card payment is
    # not made a receipt of 300 by the word 'Credit', nor the rest signed from a guess)
    assert st.lines["Amount"].tolist() == [500.0, 300.0, 100.0]
