-- Delete the scores at the keys of the registered frame kunci_hapus (tahun, kode_wilayah, indikator, tahap).
DELETE FROM skor_indikator AS s
USING kunci_hapus AS k
WHERE k.tahun = s.tahun AND k.kode_wilayah = s.kode_wilayah AND k.indikator = s.indikator AND k.tahap = s.tahap;
