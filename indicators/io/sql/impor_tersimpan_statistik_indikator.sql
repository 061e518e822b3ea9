-- Stored statistics at the keys of the registered frame kunci_impor (tahun, kode_wilayah, statistik).
SELECT s.*
FROM statistik_indikator AS s
WHERE EXISTS (
    SELECT 1 FROM kunci_impor AS k
    WHERE k.tahun = s.tahun AND k.kode_wilayah = s.kode_wilayah AND k.statistik = s.statistik
);
