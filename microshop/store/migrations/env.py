"""Alembic environment: runs on the engine handed over by ``microshop.store.database``."""

from alembic import context

from microshop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Migrate over the engine in ``config.attributes`` (batch mode for SQLite ALTERs)."""
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
