-- Perlindungan Anak: the province and its kab/kota (code, name, level), province first.
SELECT w.kode_wilayah, w.nama, w.tingkat
FROM wilayah AS w
WHERE w.kode_wilayah = $kode_provinsi OR (w.kode_provinsi = $kode_provinsi AND w.tingkat = 'kabkota')
ORDER BY w.tingkat = 'kabkota', w.kode_wilayah;
