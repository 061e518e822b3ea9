-- Remove one province's row for one cycle and stage (it is written again with the new values).
DELETE FROM kalender_provinsi
WHERE kode_provinsi = $kode_provinsi AND siklus = $siklus AND tahap = $tahap;
