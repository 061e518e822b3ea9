"""DuckDB access: migrations, named SQL and connections."""
