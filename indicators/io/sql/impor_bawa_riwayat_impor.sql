-- The whole import history, for carrying it over a rebuild.
SELECT * FROM riwayat_impor ORDER BY impor_id, tabel, tahun, kode_wilayah, kunci, tahap;
