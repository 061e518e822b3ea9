-- Perlindungan Anak: the rows a province itself carries for one table and year (real provincial
-- figures such as BPS 2020), to tell whether the sum of its kab/kota is that real figure.
SELECT p.bulan, p.kategori, p.jumlah, p.sintetis
FROM perlindungan_anak AS p
WHERE p.kode_wilayah = $kode_provinsi AND p.tahun = $tahun AND p.tabel = $tabel
ORDER BY p.bulan, p.kategori;
