-- Delete the sources of one import (ids starting with $awalan, e.g. 'impor-7-') once no data
-- row cites them any more.
DELETE FROM sumber AS s
WHERE starts_with(s.sumber_id, $awalan::VARCHAR)
  AND NOT EXISTS (SELECT 1 FROM skor_indikator AS x WHERE x.sumber_id = s.sumber_id)
  AND NOT EXISTS (SELECT 1 FROM statistik_indikator AS x WHERE x.sumber_id = s.sumber_id)
  AND NOT EXISTS (SELECT 1 FROM predikat_resmi AS x WHERE x.sumber_id = s.sumber_id)
  AND NOT EXISTS (SELECT 1 FROM perlindungan_anak AS x WHERE x.sumber_id = s.sumber_id)
  AND NOT EXISTS (SELECT 1 FROM penduduk_anak AS x WHERE x.sumber_id = s.sumber_id);
