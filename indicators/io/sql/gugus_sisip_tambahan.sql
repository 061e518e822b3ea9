-- Write custom checklist items from the registered frame `data_masuk` (replacing the stored rows).
INSERT OR REPLACE INTO butir_tambahan BY NAME SELECT * FROM data_masuk;
