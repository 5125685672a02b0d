"""Customer master data: name normalisation, contact checks, duplicates, checks, change log."""
