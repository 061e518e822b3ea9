-- Remove the stored OPD list of one indicator of one region (before writing the new list).
DELETE FROM opd_indikator WHERE kode_wilayah = $kode_wilayah AND indikator = $indikator;
