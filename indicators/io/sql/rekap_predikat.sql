-- Reported counts of kab/kota per predikat (national or per province), with their source and the
-- row's confidence (NULL where the source file gives none).
SELECT r.tahun, r.cakupan, r.predikat, r.jumlah, r.keyakinan, r.catatan, s.sitasi, s.url
FROM rekap_predikat AS r
JOIN sumber AS s USING (sumber_id)
ORDER BY r.tahun, r.cakupan, r.predikat;
