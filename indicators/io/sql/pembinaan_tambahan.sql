-- Custom checklist items (butir tambahan) of every kab/kota of one province ($kode_provinsi), deleted ones too.
SELECT kode_wilayah, indikator, butir, nomor, nama, jenis, dibuat_oleh, dibuat_pada, dihapus_oleh, dihapus_pada
FROM butir_tambahan
WHERE starts_with(kode_wilayah, $kode_provinsi || '.')
ORDER BY kode_wilayah, nomor;
