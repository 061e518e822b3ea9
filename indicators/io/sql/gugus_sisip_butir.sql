-- Write checklist items from the registered frame `data_masuk` (replacing the stored rows).
INSERT OR REPLACE INTO butir_checklist BY NAME SELECT * FROM data_masuk;
