"""The frozen app's entry script (PyInstaller runs it as __main__): GUI or command line."""

import sys

from microshop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
