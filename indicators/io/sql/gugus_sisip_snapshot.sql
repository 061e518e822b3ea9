-- Write snapshot rows from the registered frame `data_masuk` (replacing the same date and indicator).
INSERT OR REPLACE INTO snapshot_skor BY NAME SELECT * FROM data_masuk;
