-- Stored checklist items of every kab/kota of one province ($kode_provinsi).
SELECT kode_wilayah, indikator, butir, status, opd, tenggat, catatan, referensi, diubah_oleh, diubah_pada
FROM butir_checklist
WHERE starts_with(kode_wilayah, $kode_provinsi || '.')
ORDER BY kode_wilayah, indikator, butir;
