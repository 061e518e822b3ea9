-- Stored OPD pengampu rows of every kab/kota of one province ($kode_provinsi).
SELECT kode_wilayah, indikator, opd, peran_kontak, urutan
FROM opd_indikator
WHERE starts_with(kode_wilayah, $kode_provinsi || '.')
ORDER BY kode_wilayah, indikator, urutan;
