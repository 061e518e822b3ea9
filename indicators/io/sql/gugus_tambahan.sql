-- Custom checklist items of one region ($kode_wilayah), deleted ones too, in the order they were added.
SELECT kode_wilayah, indikator, butir, nomor, nama, jenis, dibuat_oleh, dibuat_pada, dihapus_oleh, dihapus_pada
FROM butir_tambahan
WHERE kode_wilayah = $kode_wilayah
ORDER BY nomor;
