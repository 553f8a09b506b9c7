"""Alembic environment: the program passes an open connection in ``config.attributes``."""

from alembic import context
from sqlalchemy import create_engine

from jzhealth_desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # run from the alembic command line against a URL
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
