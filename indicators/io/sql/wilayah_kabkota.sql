-- All kab/kota with their province.
SELECT w.kode_wilayah, w.nama, w.jenis, w.tingkat, w.kode_provinsi, p.nama AS nama_provinsi
FROM wilayah AS w
JOIN wilayah AS p ON p.kode_wilayah = w.kode_provinsi
WHERE w.tingkat = 'kabkota'
ORDER BY w.kode_wilayah;
