-- Perlindungan Anak: the verification marks of a province and its kab/kota for one year.
SELECT v.kode_wilayah
FROM verifikasi_perlindungan AS v
JOIN wilayah AS w ON w.kode_wilayah = v.kode_wilayah
WHERE v.tahun = $tahun AND (w.kode_wilayah = $kode_provinsi OR w.kode_provinsi = $kode_provinsi);
