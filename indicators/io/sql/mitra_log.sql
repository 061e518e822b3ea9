-- Change history of the partners register of one region ($kode_wilayah), newest first.
SELECT log_id, waktu, pengguna, kode_wilayah, tabel, kunci, kolom, nilai_lama, nilai_baru, asal, versi
FROM log_perubahan
WHERE kode_wilayah = $kode_wilayah AND tabel = 'mitra_perlindungan'
ORDER BY log_id DESC;
