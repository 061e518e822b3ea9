-- The raw statistics with kecamatan rows, most rows first (the benchmark maps the first).
SELECT s.statistik, count(*) AS jumlah
FROM statistik_indikator AS s
JOIN wilayah AS w USING (kode_wilayah)
WHERE w.tingkat = 'kecamatan'
GROUP BY s.statistik
ORDER BY jumlah DESC, s.statistik
