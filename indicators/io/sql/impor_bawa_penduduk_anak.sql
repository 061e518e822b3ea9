-- Denominators (children aged 0-17) that came from an import.
SELECT t.* FROM penduduk_anak AS t JOIN sumber AS s USING (sumber_id) WHERE s.jenis = 'impor';
