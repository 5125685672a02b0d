"""An invoice read only by the end of a number the narrative writes in full for another one.

'... UPPER EGYPT PLASTIC INDUSTRIES COMPANY INV/2026/09/0029' for 50,000.00: INV/2026/09/0029
is Al Ikhlas's (30,000.00 open), and INV/2026/10/0029, Al-Rayan's, of 50,000.00 was Matched
(0.93) by its numeric part 0029 and the amount. 'ALHARAMAIN SHIPPING ... دفعة من
INV/2026/04/0050' 2,000.00 from Alharamain's account: INV/2026/04/0050 is in no ledger (long
paid), and Alharamain's INV/2026/10/0050 was Matched a part payment (0.85) by its 0050. The
number written names another invoice, month and all; the one that only ends like it is a
suggestion. Found in independent_month seeds 94 and 84."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason


def test_another_invoice_written_in_full_leaves_the_one_ending_so_suggested():
    customers = [customer("C40", "Al Ikhlas Construction"),
                 customer("C27", "Al-Rayan For Trading S.A.E.")]
    invoices = [invoice("INV/2026/09/0029", "C40", 30000.00, "2026-09-06"),
                invoice("INV/2026/10/0029", "C27", 50000.00, "2026-10-11")]
    r = match(customers, invoices, {
        "amount": 50000.00, "desc": "INWARD TRANSFER 2634629219111 FROM UPPER EGYPT PLASTIC "
                                    "INDUSTRIES COMPANY INV/2026/09/0029"})
    assert allocations(r) == [("INV/2026/10/0029", 50000.00, "reference", "Suggested")]
    assert reason(r) == (
        "narrative has the numeric part of INV/2026/10/0029; the amount equals the open amount; "
        "but the narrative writes INV/2026/09/0029 in full, which only ends like it: please "
        "confirm")


def test_a_number_of_the_invoices_shape_with_another_month_leaves_it_suggested():
    customers = [customer("C88", "Alharamain Shipping & Transport Establishment",
                          **{"IBAN / Bank Account": "SA0893369068272214552696"})]
    invoices = [invoice("INV/2026/10/0050", "C88", 5435.47, "2026-10-12")]
    line = {"amount": 2000.00, "acc": "SA0893369068272214552696",
            "desc": "IPI TT REF: 585389473 ALHARAMAIN SHIPPING & TRANSPORT ESTABLISHMENT "
                    "دفعة من INV/2026/04/0050"}
    r = match(customers, invoices, line)
    assert allocations(r) == [("INV/2026/10/0050", 2000.00, "partial", "Suggested")]
    assert reason(r).endswith(
        "but the narrative writes INV/2026/04/0050 in full, which only ends like it: please "
        "confirm")
    # Written as its own number, the part payment stays certain.
    line["desc"] = line["desc"].replace("INV/2026/04/0050", "INV/2026/10/0050")
    assert allocations(match(customers, invoices, line)) == [
        ("INV/2026/10/0050", 2000.00, "partial", "Matched")]


def test_the_note_is_said_in_arabic():
    from ar_excel.io.reasons_ar import arabic_reason

    assert arabic_reason("narrative has the numeric part of INV/2026/10/0029; but the "
                         "narrative writes INV/2026/09/0029 in full, which only ends like it: "
                         "please confirm").endswith(
        "لكن البيان يكتب INV/2026/09/0029 كاملاً، ولا يشبهها إلا في آخره: يُرجى التأكيد")
