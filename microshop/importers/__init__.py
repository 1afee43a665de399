"""Importers: files in, plain rows out (no database, no Qt)."""
