-- Per-indicator score coverage per cycle and stage: the scheme, how many regions and rows, and
-- whether every row is synthetic.
SELECT s.tahun, c.kode_skema, s.tahap,
       count(DISTINCT s.kode_wilayah) AS jumlah_wilayah,
       count(DISTINCT s.indikator) AS jumlah_indikator,
       count(*) AS jumlah_baris,
       bool_and(s.sintetis) AS sintetis
FROM skor_indikator AS s
JOIN siklus_evaluasi AS c USING (tahun)
GROUP BY s.tahun, c.kode_skema, s.tahap
ORDER BY s.tahun, CASE s.tahap WHEN 'mandiri' THEN 1 WHEN 'provinsi' THEN 2 WHEN 'pusat' THEN 3 ELSE 4 END;
