-- The active (not deleted) custom checklist items of one region ($kode_wilayah).
SELECT indikator, butir
FROM butir_tambahan
WHERE kode_wilayah = $kode_wilayah AND dihapus_pada IS NULL
ORDER BY nomor;
