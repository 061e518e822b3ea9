-- The schema version of the database: the newest migration in its ledger (store.periksa_database).
SELECT max(versi) FROM migrasi_skema;
