"""Domain types shared by the store, services and GUI (no Qt, no SQL)."""
