-- Whether the attached file has the schema ledger (store.periksa_database): a DuckDB file without it
-- is not a KLA database.
SELECT count(*) > 0
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'migrasi_skema';
