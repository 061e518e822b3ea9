-- Take back the verification mark of region $kode_wilayah in year $tahun.
DELETE FROM verifikasi_perlindungan WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun::INTEGER;
