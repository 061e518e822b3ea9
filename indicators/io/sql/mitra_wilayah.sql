-- The partners register of a region ($kode_wilayah) and, for a province code, of every region below
-- it (removed entries too), in the order they were entered.
SELECT kode_wilayah, mitra_id, mitra, jenis, bentuk, lingkup, nomor, tanggal_tanda_tangan, tanggal_berakhir,
       catatan, dihapus, diubah_oleh, diubah_pada, versi
FROM mitra_perlindungan
WHERE kode_wilayah = $kode_wilayah OR starts_with(kode_wilayah, $kode_wilayah || '.')
ORDER BY kode_wilayah, mitra_id;
