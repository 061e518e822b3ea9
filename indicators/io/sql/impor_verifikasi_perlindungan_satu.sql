-- The verification mark of region $kode_wilayah in year $tahun, if any.
SELECT kode_wilayah, tahun, diverifikasi_oleh, diverifikasi_pada
FROM verifikasi_perlindungan
WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun::INTEGER;
