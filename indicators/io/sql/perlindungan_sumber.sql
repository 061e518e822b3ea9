-- Perlindungan Anak: the sources behind the figures of a province and its kab/kota in the years
-- $tahun_awal to $tahun_akhir. One row per source and coverage: 'provinsi' (the province's own rows,
-- e.g. a real BPS total), 'kabkota' (rows of its kab/kota: real, imported or the synthetic sample)
-- and 'penyebut' (children aged 0-17, the denominators of rates). With what each covers: the
-- catalogue tables, the years, how many regions and rows; synthetic when the source or any of its
-- rows is. Real provincial rows first, then kab/kota rows, denominators; synthetic last.
WITH wil AS (
    SELECT kode_wilayah, tingkat
    FROM wilayah
    WHERE kode_wilayah = $kode_provinsi OR (kode_provinsi = $kode_provinsi AND tingkat = 'kabkota')
),
baris AS (
    SELECT p.sumber_id, w.tingkat AS cakupan, p.tabel, p.tahun, p.kode_wilayah, p.sintetis
    FROM perlindungan_anak AS p
    JOIN wil AS w USING (kode_wilayah)
    WHERE p.tahun BETWEEN $tahun_awal AND $tahun_akhir
    UNION ALL
    SELECT a.sumber_id, 'penyebut', 'penduduk_anak', a.tahun, a.kode_wilayah, FALSE
    FROM penduduk_anak AS a
    JOIN wil AS w USING (kode_wilayah)
    WHERE a.tahun BETWEEN $tahun_awal AND $tahun_akhir
),
per_sumber AS (
    SELECT sumber_id, cakupan,
           string_agg(DISTINCT tabel, ',' ORDER BY tabel) AS tabel,
           string_agg(DISTINCT CAST(tahun AS VARCHAR), ',' ORDER BY CAST(tahun AS VARCHAR)) AS tahun,
           count(DISTINCT kode_wilayah) AS jumlah_wilayah,
           count(*) AS jumlah_baris,
           bool_or(sintetis) AS baris_sintetis
    FROM baris
    GROUP BY sumber_id, cakupan
)
SELECT b.sumber_id,
       coalesce(s.sitasi, b.sumber_id) AS sitasi,
       s.url,
       coalesce(s.jenis, '') AS jenis,
       s.lisensi,
       s.keyakinan,
       coalesce(s.sintetis, FALSE) OR b.baris_sintetis AS sintetis,
       b.cakupan,
       b.tabel,
       b.tahun,
       b.jumlah_wilayah,
       b.jumlah_baris
FROM per_sumber AS b
LEFT JOIN sumber AS s USING (sumber_id)
ORDER BY coalesce(s.sintetis, FALSE) OR b.baris_sintetis,
         CASE b.cakupan WHEN 'provinsi' THEN 0 WHEN 'kabkota' THEN 1 ELSE 2 END,
         coalesce(s.jenis, '') = 'impor',
         b.sumber_id;
