-- Child-protection counts that came from an import (their source is an import source).
SELECT t.* FROM perlindungan_anak AS t JOIN sumber AS s USING (sumber_id) WHERE s.jenis = 'impor';
