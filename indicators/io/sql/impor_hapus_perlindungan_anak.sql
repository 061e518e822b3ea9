-- Delete the child-protection counts at the keys of the registered frame kunci_hapus
-- (tahun, bulan, kode_wilayah, tabel, kategori).
DELETE FROM perlindungan_anak AS p
USING kunci_hapus AS k
WHERE k.tahun = p.tahun AND k.bulan = p.bulan AND k.kode_wilayah = p.kode_wilayah
  AND k.tabel = p.tabel AND k.kategori = p.kategori;
