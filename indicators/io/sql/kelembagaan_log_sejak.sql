-- The changes of one Kelembagaan register item ($kode_wilayah, $kunci = 'indikator/butir') made
-- after item version $versi, oldest first: what a refused save shows as the newer change.
SELECT waktu, pengguna, kolom, nilai_lama, nilai_baru, asal, versi
FROM log_perubahan
WHERE kode_wilayah = $kode_wilayah AND tabel = 'kelembagaan_isian' AND kunci = $kunci AND versi > $versi
ORDER BY log_id;
