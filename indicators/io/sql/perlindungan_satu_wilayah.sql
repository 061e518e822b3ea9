-- Perlindungan Anak: one region's name, level and province (a kab/kota or a province).
SELECT w.kode_wilayah, w.nama, w.tingkat, w.kode_provinsi
FROM wilayah AS w
WHERE w.kode_wilayah = $kode_wilayah AND w.tingkat IN ('provinsi', 'kabkota');
