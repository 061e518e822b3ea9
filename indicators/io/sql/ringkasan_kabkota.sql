-- One row per kab/kota of a province ('00' = all Indonesia) for one cycle: official predikat (with its confidence and
-- source) and the final total from per-indicator scores, flagged synthetic where it is.
WITH total AS (
    SELECT kode_wilayah, sum(nilai) AS total_final, bool_or(sintetis) AS skor_sintetis, count(*) AS jumlah_indikator
    FROM skor_indikator
    WHERE tahun = $tahun AND tahap = 'final'
    GROUP BY kode_wilayah
)
SELECT w.kode_wilayah, w.nama, w.jenis,
       p.predikat AS predikat_resmi, p.keyakinan, p.dasar,
       s.sitasi AS sumber_predikat, s.url AS url_sumber,
       t.total_final, coalesce(t.skor_sintetis, FALSE) AS skor_sintetis, coalesce(t.jumlah_indikator, 0) AS jumlah_indikator
FROM wilayah AS w
LEFT JOIN predikat_resmi AS p ON p.kode_wilayah = w.kode_wilayah AND p.tahun = $tahun
LEFT JOIN sumber AS s ON s.sumber_id = p.sumber_id
LEFT JOIN total AS t ON t.kode_wilayah = w.kode_wilayah
WHERE w.tingkat = 'kabkota' AND ($kode_provinsi = '00' OR w.kode_induk = $kode_provinsi)
ORDER BY w.kode_wilayah;
