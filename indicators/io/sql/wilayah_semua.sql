-- Every region with its level and parent.
SELECT kode_wilayah, kode_bps, nama, nama_singkat, jenis, tingkat, kode_induk, kode_provinsi, luas_km2, penduduk
FROM wilayah
ORDER BY kode_wilayah;
