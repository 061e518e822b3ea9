-- Every per-indicator score of one region ($kode_wilayah), all cycles and stages.
SELECT s.tahun, s.kode_wilayah, s.indikator, s.tahap, s.nilai, s.sintetis
FROM skor_indikator AS s
WHERE s.kode_wilayah = $kode_wilayah
ORDER BY s.tahun, s.tahap, s.indikator;
