-- Row counts of every table in the main schema, for `kla db info`.
SELECT table_name AS tabel, estimated_size AS jumlah
FROM duckdb_tables()
WHERE schema_name = 'main' AND database_name = current_database()
ORDER BY table_name;
