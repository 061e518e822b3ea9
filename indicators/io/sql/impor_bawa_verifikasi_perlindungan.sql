-- Every verification mark: each was set by a province editor, none comes from the committed sources.
SELECT * FROM verifikasi_perlindungan ORDER BY kode_wilayah, tahun;
