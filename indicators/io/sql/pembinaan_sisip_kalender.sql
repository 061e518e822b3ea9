-- Insert a province's calendar row from the registered frame `data_masuk`.
INSERT INTO kalender_provinsi BY NAME SELECT * FROM data_masuk;
