-- Official predikat that came from an import.
SELECT t.* FROM predikat_resmi AS t JOIN sumber AS s USING (sumber_id) WHERE s.jenis = 'impor';
