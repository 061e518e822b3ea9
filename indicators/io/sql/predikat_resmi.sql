-- Official predikat, optionally for one cycle ($tahun), with the source each one rests on.
SELECT p.tahun, p.kode_wilayah, p.predikat, p.keyakinan, p.dasar, p.sintetis, p.sumber_id
FROM predikat_resmi AS p
WHERE ($tahun::INTEGER IS NULL OR p.tahun = $tahun::INTEGER);
