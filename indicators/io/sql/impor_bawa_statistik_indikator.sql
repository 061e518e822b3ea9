-- Statistics that came from an import.
SELECT t.* FROM statistik_indikator AS t JOIN sumber AS s USING (sumber_id) WHERE s.jenis = 'impor';
