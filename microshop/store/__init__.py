"""Storage: SQLite through SQLAlchemy 2.0, schema managed by Alembic."""
