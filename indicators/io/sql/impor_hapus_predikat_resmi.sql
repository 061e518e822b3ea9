-- Delete the official predikat at the keys of the registered frame kunci_hapus (tahun, kode_wilayah).
DELETE FROM predikat_resmi AS p
USING kunci_hapus AS k
WHERE k.tahun = p.tahun AND k.kode_wilayah = p.kode_wilayah;
