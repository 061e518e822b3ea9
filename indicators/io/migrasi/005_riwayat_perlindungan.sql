-- 005: the import history learns the child-protection tables (issue 14). riwayat_impor's CHECK named
-- the three score tables only, and DuckDB cannot change a CHECK, so the table is rebuilt with the
-- same rows and:
--   tabel  may also be perlindungan_anak or penduduk_anak;
--   bulan  the month of a perlindungan_anak key (0 = the whole year; 0 for every other table).
-- A perlindungan_anak key is kept as (tahun, bulan, kode_wilayah, kunci = '<tabel>/<kategori>'), a
-- penduduk_anak key as (tahun, kode_wilayah); indicators/impor/terapkan.py writes and reads them.

CREATE TABLE riwayat_impor_baru (
    impor_id       INTEGER NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN (
        'skor_indikator', 'statistik_indikator', 'predikat_resmi', 'perlindungan_anak', 'penduduk_anak'
    )),
    tahun          INTEGER NOT NULL,
    bulan          INTEGER NOT NULL DEFAULT 0 CHECK (bulan BETWEEN 0 AND 12),
    kode_wilayah   VARCHAR NOT NULL,
    kunci          VARCHAR NOT NULL DEFAULT '',
    tahap          VARCHAR NOT NULL DEFAULT '',
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    baris_lama     VARCHAR,
    PRIMARY KEY (impor_id, tabel, tahun, bulan, kode_wilayah, kunci, tahap)
);
INSERT INTO riwayat_impor_baru BY NAME SELECT * FROM riwayat_impor;
DROP TABLE riwayat_impor;
ALTER TABLE riwayat_impor_baru RENAME TO riwayat_impor;
