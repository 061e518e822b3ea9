-- Self-score snapshots of every kab/kota of one province ($kode_provinsi), every date.
SELECT kode_wilayah, tanggal, indikator, nilai
FROM snapshot_skor
WHERE starts_with(kode_wilayah, $kode_provinsi || '.')
ORDER BY kode_wilayah, tanggal, indikator;
