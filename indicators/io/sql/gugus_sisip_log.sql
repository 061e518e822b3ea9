-- Append change-log rows from the registered frame `data_masuk`.
INSERT INTO log_perubahan BY NAME SELECT * FROM data_masuk;
