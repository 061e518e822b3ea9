-- Provincial awards (Provila) per year, with their source.
SELECT p.tahun, p.kode_wilayah, p.penghargaan, p.keyakinan, p.catatan, s.sitasi, s.url
FROM penghargaan_provinsi AS p
JOIN sumber AS s USING (sumber_id)
ORDER BY p.tahun;
