-- Stored official predikat at the keys of the registered frame kunci_impor (tahun, kode_wilayah).
SELECT p.*
FROM predikat_resmi AS p
WHERE EXISTS (
    SELECT 1 FROM kunci_impor AS k
    WHERE k.tahun = p.tahun AND k.kode_wilayah = p.kode_wilayah
);
