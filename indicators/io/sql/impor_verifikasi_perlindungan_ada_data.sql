-- How many child-protection rows region $kode_wilayah has in year $tahun (a mark needs figures to verify).
SELECT count(*) AS jumlah FROM perlindungan_anak WHERE kode_wilayah = $kode_wilayah AND tahun = $tahun::INTEGER;
