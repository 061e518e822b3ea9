-- The workspace's own migration ledger (separate from the KLA database's migrasi_skema).
CREATE TABLE IF NOT EXISTS migrasi_gugus (versi INTEGER PRIMARY KEY, nama VARCHAR NOT NULL, diterapkan_pada TIMESTAMP NOT NULL);
