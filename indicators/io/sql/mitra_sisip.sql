-- Write partner entries from the registered frame `data_masuk` (replacing the stored rows).
INSERT OR REPLACE INTO mitra_perlindungan BY NAME SELECT * FROM data_masuk;
