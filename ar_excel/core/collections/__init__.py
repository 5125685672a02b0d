"""Collections: dunning, call and visit lists, payment plans, late-payment risk, the cash
forecast and customer statements.

Every module here is a set of pure functions over the ledger's frames (``ledger.open_items``,
the Customers / Invoices / Payments / Payment Plans frames) returning frames; nothing here
reads or writes a file. Letters are built as plain text (``letters``) and turned into email
drafts and PDFs by ``ar_excel.io``.
"""
