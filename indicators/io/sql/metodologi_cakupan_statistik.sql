-- Which raw statistic has rows for which year and level, whether every row is verified, any row
-- synthetic, and the lowest confidence (1 rendah, 2 sedang, 3 tinggi).
SELECT s.statistik, s.tahun, w.tingkat,
       count(*) AS jumlah,
       bool_and(s.terverifikasi) AS terverifikasi,
       bool_or(s.sintetis) AS sintetis,
       min(CASE s.keyakinan WHEN 'rendah' THEN 1 WHEN 'sedang' THEN 2 ELSE 3 END) AS keyakinan_min
FROM statistik_indikator AS s
JOIN wilayah AS w USING (kode_wilayah)
GROUP BY s.statistik, s.tahun, w.tingkat
ORDER BY s.statistik, s.tahun, w.tingkat;
