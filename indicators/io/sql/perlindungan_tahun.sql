-- Perlindungan Anak: the years with at least one row for a province or any of its kab/kota.
SELECT DISTINCT p.tahun
FROM perlindungan_anak AS p
JOIN wilayah AS w ON w.kode_wilayah = p.kode_wilayah
WHERE w.kode_wilayah = $kode_provinsi OR w.kode_provinsi = $kode_provinsi
ORDER BY p.tahun;
