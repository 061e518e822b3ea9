-- Delete the denominators at the keys of the registered frame kunci_hapus (kode_wilayah, tahun).
DELETE FROM penduduk_anak AS p
USING kunci_hapus AS k
WHERE k.tahun = p.tahun AND k.kode_wilayah = p.kode_wilayah;
