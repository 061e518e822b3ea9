-- Every per-indicator score (all cycles and stages) of the kab/kota of one province ($kode_provinsi).
SELECT s.tahun, s.kode_wilayah, s.indikator, s.tahap, s.nilai, s.sintetis
FROM skor_indikator AS s
JOIN wilayah AS w ON w.kode_wilayah = s.kode_wilayah
WHERE w.kode_provinsi = $kode_provinsi AND w.tingkat = 'kabkota'
ORDER BY s.kode_wilayah, s.tahun, s.tahap, s.indikator;
