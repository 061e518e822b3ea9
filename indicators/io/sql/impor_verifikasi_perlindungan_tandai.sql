-- Mark the child-protection figures of region $kode_wilayah in year $tahun verified, by $oleh at $pada
-- (a second mark replaces the first: the latest verifier and time are kept).
INSERT OR REPLACE INTO verifikasi_perlindungan (kode_wilayah, tahun, diverifikasi_oleh, diverifikasi_pada)
VALUES ($kode_wilayah, $tahun::INTEGER, $oleh, $pada::TIMESTAMP);
