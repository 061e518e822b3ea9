-- Official predikat, optionally for one cycle ($tahun).
SELECT p.tahun, p.kode_wilayah, p.predikat, p.keyakinan, p.dasar, p.sintetis
FROM predikat_resmi AS p
WHERE ($tahun::INTEGER IS NULL OR p.tahun = $tahun::INTEGER);
