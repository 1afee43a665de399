"""Start the 微店管家 desktop app: ``python main.py [--demo] [--db PATH]``."""

import sys

from microshop.ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
