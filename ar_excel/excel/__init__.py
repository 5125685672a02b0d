"""ar_excel inside Excel: the live-workbook adapter and the button handlers.

``reading`` turns the calling workbook's sheets into the same ``Book`` the file reader builds
(``ar_excel.io.reader.book_from_grids``); ``writing`` puts a job's tabs back through xlwings in
bulk, all or nothing; ``runner`` runs a registered job for a button (status bar, message,
``AR Log``); ``buttons`` holds the functions the VBA ``RunPython`` calls and xlwings Lite
scripts call; ``sheet_protection`` protects an input sheet (the customer master) as the file
writer does; ``install`` adds the buttons to a user's own workbook where Excel is present.
Only xlwings' open-source API is used; every function takes the xlwings ``Book`` as a
parameter so it runs the same against Excel, xlwings Lite, or the tests' in-memory stand-in.
"""
