-- The history rows of one import: the previous value of every key it touched.
SELECT impor_id, tabel, tahun, bulan, kode_wilayah, kunci, tahap, aksi, baris_lama
FROM riwayat_impor
WHERE impor_id = $impor_id::INTEGER
ORDER BY tabel, tahun, bulan, kode_wilayah, kunci, tahap;
