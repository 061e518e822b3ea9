-- Stored per-indicator scores of every region × cycle × stage named in the registered frame
-- kunci_impor (tahun, kode_wilayah, tahap): all indicators of those groups, for diff and totals.
SELECT s.*
FROM skor_indikator AS s
WHERE EXISTS (
    SELECT 1 FROM kunci_impor AS k
    WHERE k.tahun = s.tahun AND k.kode_wilayah = s.kode_wilayah AND k.tahap = s.tahap
);
