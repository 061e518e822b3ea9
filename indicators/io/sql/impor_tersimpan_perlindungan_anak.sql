-- Stored child-protection counts of every region × year named in the registered frame kunci_impor
-- (tahun, kode_wilayah): all months, tables and categories of those region-years, since real
-- counts replace the synthetic sample of a region-year entirely.
SELECT p.tahun, p.bulan, p.kode_wilayah, p.tabel, p.kategori, p.jumlah, p.sintetis, p.sumber_id
FROM perlindungan_anak AS p
WHERE EXISTS (
    SELECT 1 FROM kunci_impor AS k
    WHERE k.tahun = p.tahun AND k.kode_wilayah = p.kode_wilayah
);
