-- Stored Kelembagaan register values of one region ($kode_wilayah).
SELECT kode_wilayah, butir, nilai, referensi, status, alasan, diajukan_oleh, diajukan_pada,
    diputuskan_oleh, diputuskan_pada, diubah_oleh, diubah_pada, versi
FROM kelembagaan_isian
WHERE kode_wilayah = $kode_wilayah
ORDER BY butir;
