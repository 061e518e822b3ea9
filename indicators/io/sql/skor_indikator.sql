-- Per-indicator scores, optionally for one cycle ($tahun) and one stage ($tahap).
SELECT s.tahun, s.kode_wilayah, s.indikator, s.tahap, s.nilai, s.sintetis
FROM skor_indikator AS s
WHERE ($tahun::INTEGER IS NULL OR s.tahun = $tahun::INTEGER)
  AND ($tahap::VARCHAR IS NULL OR s.tahap = $tahap::VARCHAR);
