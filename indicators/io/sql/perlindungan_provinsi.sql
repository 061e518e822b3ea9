-- Perlindungan Anak: the provinces with at least one row (of their own or of a kab/kota).
SELECT DISTINCT w.kode_provinsi, p.nama
FROM perlindungan_anak AS a
JOIN wilayah AS w ON w.kode_wilayah = a.kode_wilayah
JOIN wilayah AS p ON p.kode_wilayah = w.kode_provinsi
ORDER BY w.kode_provinsi;
