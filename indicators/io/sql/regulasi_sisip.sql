-- Write regulation entries from the registered frame `data_masuk` (replacing the stored rows).
INSERT OR REPLACE INTO regulasi BY NAME SELECT * FROM data_masuk;
