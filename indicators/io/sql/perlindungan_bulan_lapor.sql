-- Perlindungan Anak: reporting completeness. The months (bulan 0 = a whole-year row) in which each
-- kab/kota of a province has at least one row of any table in one year: a month without a row was
-- not reported (never a zero).
SELECT p.kode_wilayah, p.bulan, bool_or(p.sintetis) AS sintetis
FROM perlindungan_anak AS p
JOIN wilayah AS w ON w.kode_wilayah = p.kode_wilayah
WHERE w.kode_provinsi = $kode_provinsi AND w.tingkat = 'kabkota' AND p.tahun = $tahun
GROUP BY p.kode_wilayah, p.bulan
ORDER BY p.kode_wilayah, p.bulan;
