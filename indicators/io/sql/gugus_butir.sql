-- Stored checklist items of one region ($kode_wilayah), with their version.
SELECT kode_wilayah, indikator, butir, status, opd, tenggat, catatan, referensi, diubah_oleh, diubah_pada, versi
FROM butir_checklist
WHERE kode_wilayah = $kode_wilayah
ORDER BY indikator, butir;
