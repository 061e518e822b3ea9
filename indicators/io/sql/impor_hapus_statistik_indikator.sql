-- Delete the statistics at the keys of the registered frame kunci_hapus (tahun, kode_wilayah, statistik).
DELETE FROM statistik_indikator AS s
USING kunci_hapus AS k
WHERE k.tahun = s.tahun AND k.kode_wilayah = s.kode_wilayah AND k.statistik = s.statistik;
