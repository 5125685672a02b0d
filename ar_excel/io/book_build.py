"""A ``Book`` built from a workbook's grids: the contract sheets chosen (an Excel table wins
over a plain sheet of its name, a visible sheet over a hidden copy), the Policy read first,
every table read, then the rules that need more than one sheet (keys as their lists spell
them, entries as meant, receipts' customers from their invoices, names used as IDs)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ar_excel.io.age_band_amounts import mark_aged_report
from ar_excel.io.amount_currencies import currencies_written_in_amounts
from ar_excel.io.bill_references import bill_references_as_invoices
from ar_excel.io.book_date_order import dates_in_the_books_order
from ar_excel.io.company_contacts import contacts_into_their_company
from ar_excel.io.contact_kinds import suppliers_left_out
from ar_excel.io.contact_rows import contact_lines_into_their_customer
from ar_excel.io.customer_keys import (
    blank_ids_from_name_columns,
    customer_names_as_ids,
    jobs_as_their_customers,
    keys_as_spelled_in_their_lists,
    keys_in_a_master_column,
    payers_from_invoices,
    receivers_by_tax_number,
)
from ar_excel.io.customer_sheets import read_customer_sheets
from ar_excel.io.customers_from_lists import customers_from_lists
from ar_excel.io.decimal_marks import thousands_by_currency
from ar_excel.io.delimited_rows import split_delimited
from ar_excel.io.dinars import dinars_as_meant, namesakes_as_meant
from ar_excel.io.duplicate_columns import hidden_columns_of
from ar_excel.io.erp_entries import entries_as_meant
from ar_excel.io.fils_amounts import fils_issue
from ar_excel.io.grid import Grid
from ar_excel.io.invoice_dates import invoice_dates_from_due_dates
from ar_excel.io.invoice_rates import rates_from_invoices
from ar_excel.io.limit_currencies import limits_against_the_books_currency
from ar_excel.io.lines_from_invoice_rows import lines_from_invoice_rows
from ar_excel.io.list_receipts import list_receipts_as_applied
from ar_excel.io.local_word import local_word_as_meant
from ar_excel.io.merged_limits import limits_merged_over_customers
from ar_excel.io.orders_customer import orders_naming_no_customer
from ar_excel.io.paid_beyond_receipts import paid_beyond_the_receipts
from ar_excel.io.paid_dates import receipts_from_paid_dates
from ar_excel.io.past_years import current_year_first, past_year_archives
from ar_excel.io.policy_sheet import blank_value_cells, gives_date_order, read_policy
from ar_excel.io.rates_sheet import rates_from_sheet
from ar_excel.io.receipt_invoices import receipts_naming_unknown_invoices
from ar_excel.io.receipt_kinds import receipts_as_meant
from ar_excel.io.sales_areas import sales_areas_as_one_customer
from ar_excel.io.sheet_kinds import CONTENT_KINDS, choose_by_content, find_kind
from ar_excel.io.sheet_loading import once_read
from ar_excel.io.sibling_sheets import read_together, sibling_sheets
from ar_excel.io.side_blocks import split_side_by_side
from ar_excel.io.summary_reports import aging_summary_sheet, summary_instead_of_invoices
from ar_excel.io.table_read import read_table
from ar_excel.io.unread_lists import invoice_list_unread
from ar_excel.model import Book, Issue, Table, column_letter
from ar_excel.names import is_arabic
from ar_excel.policy import Policy
from ar_excel.schema import SCHEMAS


def book_from_grids(grids: list[Grid], source: Path | None = None,
                    sheet_loader: Callable[[str], list[list[Any]] | None] | None = None) -> Book:
    """Build a Book from the grids of a workbook (sheets and Excel tables). An Excel table
    named like a contract sheet wins over a plain sheet of that name; a contract sheet no
    sheet is named for is looked for by its header row."""
    chosen: dict[str, Grid] = {}
    for g in grids:  # a CSV opened whole into column A: split as Text to Columns would
        once_read(g, split_delimited)  # (a sheet still being read: once it is)
    for g in grids:
        kind = find_kind(g.name, is_table=g.header is not None)
        if kind is None:
            continue
        if kind not in chosen or (g.header is not None and chosen[kind].header is None) or (
                chosen[kind].hidden and not g.hidden and g.header is None):
            chosen[kind] = g  # a hidden sheet (an old copy kept out of sight) gives way
    if any(k not in chosen for k in CONTENT_KINDS):
        choose_by_content(grids, chosen)
    if "Invoices" in chosen and "Payments" not in chosen:  # receipts beside the invoices
        both = split_side_by_side(chosen["Invoices"])
        if both is not None:
            chosen["Invoices"], chosen["Payments"], said = both
            chosen["Invoices"].notes.append(said)
    siblings = sibling_sheets(grids, chosen)  # a month per sheet, the same columns
    if "Invoices" in siblings:  # (a list per year: the latest year's is the current one)
        chosen["Invoices"], siblings["Invoices"] = current_year_first(chosen["Invoices"],
                                                                      siblings["Invoices"])
    if siblings and any(k not in chosen for k in CONTENT_KINDS):
        # (a credit notes sheet is read through a copy of its grid: known by its name)
        apart = {g.name for gs in siblings.values() for g in gs}
        choose_by_content([g for g in grids if g.header is not None or g.name not in apart],
                          chosen)
    # A table sitting on a sheet of the same kind replaces that sheet: don't read it twice.
    policy, issues, policy_blanks = Policy(), [], {}
    order_given = False
    if "Policy" in chosen:
        policy_grid = chosen.pop("Policy")
        policy, issues = read_policy(policy_grid)
        order_given = gives_date_order(policy_grid)
        policy_blanks = {policy_grid.name: blank_value_cells(policy_grid)}
    policy, rate_issues = rates_from_sheet(grids, policy, sheet_loader)  # an FX Rates sheet
    issues = [*issues, *rate_issues]

    # (two columns of one field: the visible one is read; the workbook opened once for all)
    lists = [chosen[kind] for kind in ("Customers", "Invoices", "Payments") if kind in chosen]
    hidden = hidden_columns_of(source, [g.sheet or g.name for g in lists]) if lists else {}
    for grid in lists:
        grid.hidden_columns = hidden.get(grid.sheet or grid.name, frozenset())
    read_first: dict[str, tuple[Table | None, list[Issue]]] = {}  # (read once, used below)
    if "Customers" in chosen:  # (first: parsed while the invoices' cells are still read)
        read_first["Customers"] = read_table(chosen["Customers"], "Customers", policy)
    by_customer = _customer_sheets(grids, chosen, policy, read_first) if "Invoices" not in \
        chosen or _header_only(chosen["Invoices"]) else None
    book = Book(source=source, policy=policy, issues=list(issues),
                policy_blank_cells=policy_blanks)
    unusable: dict[str, str] = {}
    together = []  # (kind, the sheets read with it, where its issues go)
    for kind in SCHEMAS:
        if kind not in chosen:
            continue
        table, table_issues = read_first.get(kind) or read_table(chosen[kind], kind, policy)
        book.issues.extend([*chosen[kind].notes, *table_issues])
        if table is None:
            if table_issues:  # (why it could not be read is said last, after its rows')
                unusable[kind] = table_issues[-1].message
            elif kind != "Payments":  # an empty receipts sheet (a template's, before the
                # first receipt) is no receipts, as one with only its header row is: the
                # credit, aging and collections jobs failed on it, saying 'unreadable'
                unusable[kind] = f"sheet '{chosen[kind].sheet or chosen[kind].name}' is empty"
        else:
            book.tables[kind] = table
            if kind in siblings:
                together.append((kind, [(g, *read_table(g, kind, policy))
                                        for g in siblings[kind]], len(book.issues)))
    # (after every table: a past year's invoices are told from the receipts)
    for kind, others, at in reversed(together):
        notes = []
        if kind == "Invoices":
            others, notes = past_year_archives(book.tables[kind], others,
                                               book.tables.get("Payments"))
        book.issues[at:at] = [*read_together(chosen[kind], book.tables[kind], others), *notes]
    if by_customer:
        table, issues = read_customer_sheets(by_customer[0], policy)
        book.issues.extend([*by_customer[1], *issues])
        if table is not None:
            book.tables["Invoices"] = table
        if by_customer[2] and "Payments" not in book.tables:  # (receipts beside invoices)
            table, issues = read_customer_sheets(by_customer[2], policy, "Payments")
            book.issues.extend(issues)
            if table is not None:
                book.tables["Payments"] = table
    book.unusable = unusable
    # a short export's dates that read either way, in the order of the book's other dates
    dates_in_the_books_order(book, order_given, _titles(book, chosen))
    sales_areas_as_one_customer(book)  # SAP's KNVV: a row per sales area, one customer
    contact_lines_into_their_customer(book)  # a hand-kept master's second phone line
    contacts_into_their_company(book)  # Odoo's 'Nile Foods Co., Mona Adel'
    limits_merged_over_customers(book, grids)  # one limit cell over a group's rows: said
    local_word_as_meant(book)  # 'محلي': the company's currency, where the book says which
    limits_against_the_books_currency(book)  # 'USD 10,000' where the Currency is left blank
    dinars_as_meant(book)  # 'دينار' alone: the customer's dinar, or said
    namesakes_as_meant(book)  # 'ريال' alone: Qatar's riyal for a Qatari customer
    currencies_written_in_amounts(book)  # 'USD 1,000.00' of an EGP customer: USD
    thousands_by_currency(book)  # "12.000": twelve dinars, or twelve thousand pounds
    bill_references_as_invoices(book)  # Tally's Type of Ref / Name: the bill paid
    receipts_as_meant(book)  # an ERP's payments: vendors', drafts and refunds told apart
    keys_in_a_master_column(book)  # a list keyed by names whose sheets name it by a code
    keys_as_spelled_in_their_lists(book)
    entries_as_meant(book)
    if "Invoices" in chosen:  # an invoice list exported a row per line: its lines too
        book.issues.extend(lines_from_invoice_rows(book, chosen["Invoices"], policy))
    payers_from_invoices(book)
    customers_from_lists(book)  # an export handed over without its customer list
    if "Customers" in book.tables:
        # the customers' names folded once, as far as the lookups of both steps need them
        from ar_excel.core.customers.ids import NameIndex

        names = NameIndex(book.tables["Customers"].frame)
        receivers_by_tax_number(book)  # a portal's export: its buyers by tax number
        customer_names_as_ids(book, names)
        jobs_as_their_customers(book, names)  # QuickBooks' 'Nile Foods:Cairo Branch'
        blank_ids_from_name_columns(book, names)
        orders_naming_no_customer(book)  # an orders sheet's 'Name' of its items, not customers
        suppliers_left_out(book)  # a contacts list exported whole: its suppliers
    if "Invoices" not in book.tables and "Invoices" not in book.unusable:
        summary = aging_summary_sheet(grids, sheet_loader)  # a total per customer, no invoice
        if summary is not None:
            book.unusable["Invoices"] = summary_instead_of_invoices(summary)
            if "Customers" not in book.tables:
                book.unusable.setdefault("Customers", book.unusable["Invoices"])
        else:
            # a sheet headed as an invoice list that lacks a required column: said, not passed
            said = invoice_list_unread(grids, {g.sheet or g.name for g in chosen.values()})
            if said is not None:
                book.issues.append(said)
                book.unusable["Invoices"] = said.message
    invoice_dates_from_due_dates(book)  # an aging report giving due dates only
    if "Invoices" in book.tables:  # an aging report's rows: what was open, not what was paid
        mark_aged_report(book.tables["Invoices"].frame)
    rates_from_invoices(book)  # the invoices' own Exchange Rate, where no rates are given
    receipts_from_paid_dates(book)  # a register's Paid Date beside its Paid Amount: receipts
    list_receipts_as_applied(book)  # receipts beside invoices whose Paid to Date counts them
    receipts_naming_unknown_invoices(book)  # once receipts and invoices are keyed as meant
    paid_beyond_the_receipts(book)  # a register's paid-to-date beside a month's receipts
    book.issues.extend(fils_issue(book))  # '1,250.500' kept blank beside USD: not USD
    book.sheet_loader = sheet_loader
    book.sheet_names = [g.name for g in grids if g.header is None]
    headers = [h for t in book.tables.values() for h in t.headers.values()]
    texts = headers + [t.sheet for t in book.tables.values()]
    lang = policy.language.strip().lower()[:2]
    book.arabic = lang == "ar" if lang in ("ar", "en") else (
        bool(texts) and sum(is_arabic(t) for t in texts) * 2 > len(texts))
    return book


def _titles(book: Book, chosen: dict[str, Grid]) -> list[tuple[str, str, str]]:
    """The text cells above each list's header row (a report's title: "User Date:
    11/30/2026", "As of 30/11/2026"), as (sheet, cell, text)."""
    out = []
    for kind, table in book.tables.items():
        grid = chosen.get(kind)
        if grid is None or grid.header is not None or table.sheet != (grid.sheet or grid.name):
            continue
        for i, row in enumerate(grid.rows[:max(0, table.header_row - 1 - grid.top)]):
            out.extend((table.sheet, f"{column_letter(grid.left + j)}{grid.top + i + 1}",
                        v) for j, v in enumerate(row) if isinstance(v, str) and v.strip())
    return out


def _customer_sheets(grids: list[Grid], chosen: dict[str, Grid], policy: Policy,
                     read: dict[str, tuple[Table | None, list[Issue]]]
                     ) -> tuple[list[Grid], list[Issue], list[Grid]] | None:
    """No sheet holds the invoice list: a ledger kept a sheet per customer is it
    (``io.customer_sheets``); the customer sheets and the issues saying so, or None. One of
    them taken for the receipts by its header alone is no receipts log (``chosen`` changed).
    The customer list read to tell them is put in ``read``, not read again."""
    from ar_excel.io.customer_sheets import customer_sheet_grids

    empty = [k for k in ("Invoices", "Payments") if k in chosen and _header_only(chosen[k])]
    master = None
    if "Customers" in chosen:
        if "Customers" not in read:
            read["Customers"] = read_table(chosen["Customers"], "Customers", policy)
        master = read["Customers"][0]
        if master is None:
            return None
    guessed = chosen.get("Payments")
    if guessed is not None and find_kind(guessed.name, guessed.header is not None):
        guessed = None  # (a sheet named for the receipts is theirs)
    taken = {g.sheet or g.name for k, g in chosen.items() if g is not guessed and k not in empty}
    sheets, said, laid_out, receipts = customer_sheet_grids(
        grids, taken, None if master is None else master.frame)
    if not sheets:
        return None
    if guessed is not None and guessed.name in laid_out:
        del chosen["Payments"]
    for kind in empty:  # (a template's lists left empty: the customers' sheets hold them)
        grid = chosen.pop(kind, None)
        if grid is not None:
            said = [Issue(grid.sheet or grid.name, f"A{grid.top + 1}", "", None,
                          f"sheet '{grid.sheet or grid.name}' holds its header only: the "
                          f"customers' sheets are read instead"), *said]
    return sheets, said, receipts


def _header_only(grid: Grid) -> bool:
    """Whether a sheet (or Excel table) holds no row below its header: a template's list
    left empty."""
    from ar_excel.io.headers import find_header_row, non_empty

    if grid.header is not None:
        return not any(non_empty(r) for r in grid.rows)
    h = find_header_row(grid.rows, SCHEMAS["Invoices"])
    return h is not None and not any(non_empty(r) for r in grid.rows[h + 1:])
