-- Write OPD pengampu rows from the registered frame `data_masuk`.
INSERT INTO opd_indikator BY NAME SELECT * FROM data_masuk;
