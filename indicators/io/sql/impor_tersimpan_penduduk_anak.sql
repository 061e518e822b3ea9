-- Stored denominators (children aged 0-17) at the keys of the registered frame kunci_impor (tahun, kode_wilayah).
SELECT p.kode_wilayah, p.tahun, p.jumlah, p.sumber_id
FROM penduduk_anak AS p
WHERE EXISTS (
    SELECT 1 FROM kunci_impor AS k
    WHERE k.tahun = p.tahun AND k.kode_wilayah = p.kode_wilayah
);
