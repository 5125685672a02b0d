import sys

from ar_excel.cli import main

sys.exit(main())
