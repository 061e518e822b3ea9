-- Raw statistics of one code ($statistik) for kab/kota and provinces, with the province code and
-- the source of each row.
SELECT s.tahun, s.kode_wilayah, s.statistik, s.nilai, s.satuan, s.keyakinan, s.terverifikasi, s.sintetis,
       w.tingkat, w.kode_provinsi, s.sumber_id
FROM statistik_indikator AS s
JOIN wilayah AS w USING (kode_wilayah)
WHERE s.statistik = $statistik;
