-- Supervision notes of every kab/kota of one province ($kode_provinsi), newest first per region.
SELECT catatan_id, kode_wilayah, tanggal, temuan, rekomendasi, penanggung_jawab, tenggat, status,
       dibuat_oleh, dibuat_pada, diubah_oleh, diubah_pada, versi
FROM catatan_pembinaan
WHERE starts_with(kode_wilayah, $kode_provinsi || '.')
ORDER BY kode_wilayah, tanggal DESC, catatan_id DESC;
