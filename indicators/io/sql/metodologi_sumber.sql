-- Every source with its kind, licence, confidence and whether it is synthetic, plus which tables
-- cite it (comma-separated table names; empty when nothing cites it).
WITH rujukan AS (
    SELECT DISTINCT sumber_id, 'predikat_resmi' AS tabel FROM predikat_resmi
    UNION SELECT DISTINCT sumber_id, 'statistik_indikator' FROM statistik_indikator
    UNION SELECT DISTINCT sumber_id, 'skor_indikator' FROM skor_indikator
    UNION SELECT DISTINCT sumber_id, 'skor_dilaporkan' FROM skor_dilaporkan
    UNION SELECT DISTINCT sumber_id, 'rekap_predikat' FROM rekap_predikat
    UNION SELECT DISTINCT sumber_id, 'penghargaan_provinsi' FROM penghargaan_provinsi
    UNION SELECT DISTINCT sumber_id, 'wilayah' FROM wilayah
    UNION SELECT DISTINCT sumber_id, 'perlindungan_anak' FROM perlindungan_anak
    UNION SELECT DISTINCT sumber_id, 'penduduk_anak' FROM penduduk_anak
),
dipakai AS (
    SELECT sumber_id, string_agg(tabel, ',' ORDER BY tabel) AS dipakai_untuk
    FROM rujukan GROUP BY sumber_id
)
SELECT s.sumber_id, s.sitasi, s.url, s.jenis, s.lisensi, s.keyakinan, s.sintetis,
       coalesce(d.dipakai_untuk, '') AS dipakai_untuk
FROM sumber AS s
LEFT JOIN dipakai AS d USING (sumber_id)
ORDER BY CASE s.jenis
             WHEN 'sintetis' THEN 0 WHEN 'batas_wilayah' THEN 1 WHEN 'kode_wilayah' THEN 2
             WHEN 'katalog' THEN 3 ELSE 4
         END,
         s.sitasi;
