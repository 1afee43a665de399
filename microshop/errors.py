"""Two kinds of failure, as in qutebrowser: the user's/environment's fault vs. a bug.

``UserError`` carries a Chinese message that says what is wrong and what to do; the CLI
prints it and exits 2, the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """Refused input or an environment problem, with a message for the user (Chinese)."""

    exit_code = 2

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message if not self.detail else f"{self.message}\n{self.detail}"


class DatabaseBusyError(UserError):
    """Another window or command holds the database for too long."""


class Cancelled(Exception):
    """A long task was cancelled by the user; nothing was saved."""
