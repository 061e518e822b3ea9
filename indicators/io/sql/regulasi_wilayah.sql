-- Stored regulation entries (removed ones too) of the regions in the list $kode_wilayah.
SELECT *
FROM regulasi
WHERE list_contains($kode_wilayah, kode_wilayah)
ORDER BY kode_wilayah, regulasi_id;
