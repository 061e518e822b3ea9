-- Self-score snapshots of one region ($kode_wilayah), every date.
SELECT kode_wilayah, tanggal, indikator, nilai, dicatat_oleh, dicatat_pada
FROM snapshot_skor
WHERE kode_wilayah = $kode_wilayah
ORDER BY tanggal, indikator;
