-- Later imports, still in force, that touched any key of import $impor_id (and how many keys).
SELECT r2.impor_id, count(*) AS jumlah
FROM riwayat_impor AS r1
JOIN riwayat_impor AS r2
  ON r2.tabel = r1.tabel AND r2.tahun = r1.tahun AND r2.bulan = r1.bulan AND r2.kode_wilayah = r1.kode_wilayah
 AND r2.kunci = r1.kunci AND r2.tahap = r1.tahap
JOIN log_impor AS l ON l.impor_id = r2.impor_id
WHERE r1.impor_id = $impor_id::INTEGER
  AND r2.impor_id > $impor_id::INTEGER
  AND l.status = 'berhasil'
GROUP BY r2.impor_id
ORDER BY r2.impor_id DESC;
