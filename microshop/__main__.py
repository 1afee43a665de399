"""``python -m microshop``: the command line."""

import sys

from microshop.cli import main

if __name__ == "__main__":
    sys.exit(main())
