-- Stored OPD pengampu of one region ($kode_wilayah), per indicator in their order.
SELECT kode_wilayah, indikator, opd, peran_kontak, urutan
FROM opd_indikator
WHERE kode_wilayah = $kode_wilayah
ORDER BY indikator, urutan;
