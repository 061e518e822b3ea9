-- The verification marks of a province ($kode_provinsi: the province and the regions below it), or of
-- every region when $kode_provinsi is NULL.
SELECT kode_wilayah, tahun, diverifikasi_oleh, diverifikasi_pada
FROM verifikasi_perlindungan
WHERE $kode_provinsi::VARCHAR IS NULL
   OR kode_wilayah = $kode_provinsi::VARCHAR
   OR starts_with(kode_wilayah, $kode_provinsi::VARCHAR || '.')
ORDER BY kode_wilayah, tahun;
