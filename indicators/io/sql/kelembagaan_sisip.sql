-- Write Kelembagaan register rows from the registered frame `data_masuk` (replacing the stored rows).
INSERT OR REPLACE INTO kelembagaan_isian BY NAME SELECT * FROM data_masuk;
