-- Where one region-year's final total comes from: a published total (with its source) and the
-- synthetic band's status (fixed by a fact, or an estimate among the bands the facts allow).
SELECT p.pita, p.status, p.pita_layak, p.dasar,
       d.nilai AS total_dilaporkan, d.catatan AS catatan_dilaporkan, s.sitasi, s.url
FROM (SELECT $kode_wilayah AS kode_wilayah, $tahun::INTEGER AS tahun) AS k
LEFT JOIN pita_sintetis AS p USING (kode_wilayah, tahun)
LEFT JOIN skor_dilaporkan AS d USING (kode_wilayah, tahun)
LEFT JOIN sumber AS s ON s.sumber_id = d.sumber_id;
