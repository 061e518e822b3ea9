-- The evaluation dates one province ($kode_provinsi) recorded, every cycle and stage.
SELECT kode_provinsi, siklus, tahap, mulai, selesai, presisi, sumber, keterangan, diubah_oleh, diubah_pada
FROM kalender_provinsi
WHERE kode_provinsi = $kode_provinsi
ORDER BY siklus, tahap;
