-- Perlindungan Anak: the rows of one table for the kab/kota of a province in one year (every month,
-- bulan 0 = a whole-year row), for the read functions (indicators/perlindungan/data.py).
SELECT p.kode_wilayah, p.bulan, p.kategori, p.jumlah, p.sintetis
FROM perlindungan_anak AS p
JOIN wilayah AS w ON w.kode_wilayah = p.kode_wilayah
WHERE w.kode_provinsi = $kode_provinsi AND w.tingkat = 'kabkota' AND p.tahun = $tahun AND p.tabel = $tabel
ORDER BY p.kode_wilayah, p.bulan, p.kategori;
