-- Every import and rollback, newest first (optionally only $impor_id).
SELECT impor_id, waktu, pengguna, berkas, sheet, sha256, jenis, jumlah_baris, jumlah_baru, jumlah_berubah,
       jumlah_sama, jumlah_dihapus, status, membatalkan, dibatalkan_oleh, pesan
FROM log_impor
WHERE $impor_id::INTEGER IS NULL OR impor_id = $impor_id::INTEGER
ORDER BY impor_id DESC;
