-- Reported counts of kab/kota per predikat (national or per province), with their source.
SELECT r.tahun, r.cakupan, r.predikat, r.jumlah, r.catatan, s.sitasi, s.url
FROM rekap_predikat AS r
JOIN sumber AS s USING (sumber_id)
ORDER BY r.tahun, r.cakupan, r.predikat;
