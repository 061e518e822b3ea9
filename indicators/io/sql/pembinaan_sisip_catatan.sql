-- Insert supervision notes from the registered frame `data_masuk`.
INSERT INTO catatan_pembinaan BY NAME SELECT * FROM data_masuk;
