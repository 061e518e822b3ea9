-- How many rows each raw statistic ($statistik: the catalogue's codes) has per year, level and
-- province: what the Peta page may offer. One aggregate pass in DuckDB, instead of fetching every
-- row of every statistic (320 000 rows nationally) to count them in pandas.
SELECT s.statistik, s.tahun, w.tingkat, w.kode_provinsi, count(*) AS jumlah
FROM statistik_indikator AS s
JOIN wilayah AS w USING (kode_wilayah)
WHERE list_contains($statistik, s.statistik)
GROUP BY s.statistik, s.tahun, w.tingkat, w.kode_provinsi;
