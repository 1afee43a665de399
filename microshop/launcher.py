"""One entry point for the frozen app: the GUI when started with no command, the command line
when given one — with exactly the arguments of ``python -m microshop`` (``--db PATH stats --json``).

``MicroShop`` (double-click, Start menu) → the window; ``MicroShop --db F stats --json`` → the CLI.
GUI options (``--db``, ``--demo``, ``--self-test``) and Qt's own (``-platform offscreen``) keep
the GUI; a CLI command name, ``--help`` or ``--version`` anywhere makes it the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_FLAGS = frozenset({"-h", "--help", "--version", "--progress"})
VALUE_OPTIONS = frozenset({"--db"})  # its value is a path, never a command (a file named "stats")


def is_command_line(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for a CLI command rather than the window."""
    from microshop.cli import command_names

    commands = command_names()
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in VALUE_OPTIONS:
            skip = True
            continue
        if arg in CLI_FLAGS or arg in commands:
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GUI or the command line; return the exit code."""
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen app's child processes (big statements, batch posters) start here
    args = list(sys.argv[1:] if argv is None else argv)
    if is_command_line(args):
        from microshop.cli import main as cli_main

        return cli_main(args)
    from microshop.ui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
