-- 004: Perlindungan Anak. Aggregate child-protection counts per region × period × table × category
-- (the tables and categories are indicators/katalog/perlindungan.yaml), never a person: no name, no
-- NIK, no date of birth has a column here. A region-month with at least one row was reported; a
-- region-month without rows was NOT reported (never read as a zero). bulan 0 = the whole year.
-- Real provincial figures carry kode_wilayah '33' and their source; the per-kab/kota sample of Jawa
-- Tengah is synthetic (sintetis = TRUE). sumber_id names a row of `sumber`, as skor_indikator does;
-- there are no FOREIGN KEY clauses (the contract of issue 14): the loaders and the import check the
-- codes and sources, and tests/db/test_perlindungan_data.py checks every stored row.

CREATE TABLE perlindungan_anak (
    tahun          INTEGER NOT NULL,
    bulan          INTEGER NOT NULL CHECK (bulan BETWEEN 0 AND 12),   -- 0 = whole year
    kode_wilayah   VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL,
    kategori       VARCHAR NOT NULL,
    jumlah         BIGINT NOT NULL CHECK (jumlah >= 0),
    sintetis       BOOLEAN NOT NULL,
    sumber_id      VARCHAR NOT NULL,
    PRIMARY KEY (tahun, bulan, kode_wilayah, tabel, kategori)
);

-- Children aged 0-17 per region and year: the denominator of rates per 10 000 children. Only real
-- figures with their source; no row means no rate (never an invented denominator).
CREATE TABLE penduduk_anak (
    kode_wilayah   VARCHAR NOT NULL,
    tahun          INTEGER NOT NULL,
    jumlah         BIGINT NOT NULL CHECK (jumlah > 0),
    sumber_id      VARCHAR NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun)
);

-- A province editor's mark that a region-year's figures were verified; the current year's figures
-- without a mark are labelled "belum terverifikasi".
CREATE TABLE verifikasi_perlindungan (
    kode_wilayah        VARCHAR NOT NULL,
    tahun               INTEGER NOT NULL,
    diverifikasi_oleh   VARCHAR NOT NULL,
    diverifikasi_pada   TIMESTAMP NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun)
);
