-- One province's recorded dates for one cycle ($siklus) and stage ($tahap), if any.
SELECT mulai, selesai, presisi, sumber, keterangan
FROM kalender_provinsi
WHERE kode_provinsi = $kode_provinsi AND siklus = $siklus AND tahap = $tahap;
