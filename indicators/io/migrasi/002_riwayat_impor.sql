-- 002: import history. Every import (and every rollback) is a row of log_impor with who, when,
-- the file's name and SHA-256 and what it did; riwayat_impor keeps the previous value of every
-- key an import added, changed or deleted, so a rollback restores exactly the state before it.

ALTER TABLE log_impor ADD COLUMN sha256 VARCHAR;
ALTER TABLE log_impor ADD COLUMN sheet VARCHAR;
ALTER TABLE log_impor ADD COLUMN jumlah_baru INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_impor ADD COLUMN jumlah_berubah INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_impor ADD COLUMN jumlah_sama INTEGER NOT NULL DEFAULT 0;
ALTER TABLE log_impor ADD COLUMN jumlah_dihapus INTEGER NOT NULL DEFAULT 0;
-- On a rollback row: the import it undid. On an import row: the rollback that undid it.
ALTER TABLE log_impor ADD COLUMN membatalkan INTEGER;
ALTER TABLE log_impor ADD COLUMN dibatalkan_oleh INTEGER;

-- jenis: skor | statistik | predikat | pembatalan; status: berhasil | dibatalkan.
CREATE TABLE riwayat_impor (
    impor_id       INTEGER NOT NULL,        -- log_impor.impor_id (no FK: log rows are updated)
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('skor_indikator', 'statistik_indikator', 'predikat_resmi')),
    tahun          INTEGER NOT NULL,
    kode_wilayah   VARCHAR NOT NULL,
    kunci          VARCHAR NOT NULL DEFAULT '',   -- indikator (skor) or statistik; '' for predikat
    tahap          VARCHAR NOT NULL DEFAULT '',   -- tahap (skor); '' otherwise
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    baris_lama     VARCHAR,                 -- the whole previous row as JSON; NULL = absent before
    PRIMARY KEY (impor_id, tabel, tahun, kode_wilayah, kunci, tahap)
);
