"""Storage: SQLAlchemy models, engine and pragmas, migrations, repositories."""
