-- Record one applied workspace migration.
INSERT INTO migrasi_gugus VALUES ($versi, $nama, now());
