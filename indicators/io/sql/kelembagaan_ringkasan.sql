-- Register counts per region for the regions $kode (a list), over the register's items $butir (a
-- list; rows of items no longer in the register definition are not counted).
SELECT
    kode_wilayah,
    count(*) FILTER (WHERE nilai IS NOT NULL) AS terisi,
    count(*) FILTER (WHERE status = 'diajukan') AS diajukan,
    count(*) FILTER (WHERE status = 'diverifikasi') AS terverifikasi,
    count(*) FILTER (WHERE status = 'ditolak') AS ditolak
FROM kelembagaan_isian
WHERE list_contains($kode, kode_wilayah) AND list_contains($butir, butir)
GROUP BY kode_wilayah
ORDER BY kode_wilayah;
