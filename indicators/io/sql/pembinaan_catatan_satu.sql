-- One supervision note ($catatan_id), with its region and version.
SELECT catatan_id, kode_wilayah, tanggal, temuan, rekomendasi, penanggung_jawab, tenggat, status,
       dibuat_oleh, dibuat_pada, diubah_oleh, diubah_pada, versi
FROM catatan_pembinaan
WHERE catatan_id = $catatan_id;
