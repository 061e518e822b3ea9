-- Evaluation cycles with official predikat or scores for kab/kota of one province
-- ($kode_provinsi; '00' = all Indonesia). Counted separately so the two tables never multiply.
WITH kabkota AS (
    SELECT kode_wilayah FROM wilayah
    WHERE tingkat = 'kabkota' AND ($kode_provinsi = '00' OR kode_induk = $kode_provinsi)
),
predikat AS (
    SELECT tahun, count(DISTINCT kode_wilayah) AS jumlah_predikat
    FROM predikat_resmi WHERE kode_wilayah IN (SELECT kode_wilayah FROM kabkota) GROUP BY tahun
),
skor AS (
    SELECT tahun, count(DISTINCT kode_wilayah) AS jumlah_skor
    FROM skor_indikator WHERE kode_wilayah IN (SELECT kode_wilayah FROM kabkota) GROUP BY tahun
)
SELECT s.tahun, s.kode_skema, s.tanggal_penganugerahan,
       coalesce(p.jumlah_predikat, 0) AS jumlah_predikat,
       coalesce(k.jumlah_skor, 0) AS jumlah_skor
FROM siklus_evaluasi AS s
LEFT JOIN predikat AS p USING (tahun)
LEFT JOIN skor AS k USING (tahun)
WHERE p.jumlah_predikat > 0 OR k.jumlah_skor > 0
ORDER BY s.tahun;
