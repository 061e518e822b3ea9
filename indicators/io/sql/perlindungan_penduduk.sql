-- Perlindungan Anak: the denominators (children aged 0-17) of a province and its kab/kota in one year.
SELECT a.kode_wilayah, a.jumlah
FROM penduduk_anak AS a
JOIN wilayah AS w ON w.kode_wilayah = a.kode_wilayah
WHERE a.tahun = $tahun AND (w.kode_wilayah = $kode_provinsi OR w.kode_provinsi = $kode_provinsi);
