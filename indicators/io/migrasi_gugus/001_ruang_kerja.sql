-- The Gugus Tugas workspace: user-entered data kept in its own file beside the KLA database
-- (kla.gugus.duckdb next to kla.duckdb), so `kla db build` never touches it.
-- Rows exist only where a region changed something: an item without a row is "belum", owned by
-- its catalogue default OPD, with no due date; an indicator without OPD rows uses the catalogue's
-- OPD pengampu.

-- OPD pengampu per indicator per kab/kota, with the contact role (the whole list of one indicator
-- is written at once; urutan keeps the order, the first OPD is the default item owner).
CREATE TABLE opd_indikator (
    kode_wilayah VARCHAR NOT NULL,
    indikator VARCHAR NOT NULL,
    opd VARCHAR NOT NULL,
    peran_kontak VARCHAR NOT NULL,
    urutan INTEGER NOT NULL,
    PRIMARY KEY (kode_wilayah, indikator, opd)
);

-- Evidence checklist items (data dukung). `referensi` is a document number, link or file name:
-- the files stay where the region keeps them.
CREATE TABLE butir_checklist (
    kode_wilayah VARCHAR NOT NULL,
    indikator VARCHAR NOT NULL,
    butir VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('belum', 'dalam_proses', 'lengkap', 'diverifikasi')),
    opd VARCHAR,
    tenggat DATE,
    catatan VARCHAR,
    referensi VARCHAR,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    PRIMARY KEY (kode_wilayah, indikator, butir)
);

-- Quarterly snapshots: the Gugus Tugas' estimated self-score per indicator at a date.
CREATE TABLE snapshot_skor (
    kode_wilayah VARCHAR NOT NULL,
    tanggal DATE NOT NULL,
    indikator VARCHAR NOT NULL,
    nilai DOUBLE NOT NULL CHECK (nilai >= 0),
    dicatat_oleh VARCHAR NOT NULL,
    dicatat_pada TIMESTAMP NOT NULL,
    PRIMARY KEY (kode_wilayah, tanggal, indikator)
);

-- Every change: who, when, which table and key, which field, old → new (as text; NULL = empty).
CREATE TABLE log_perubahan (
    log_id BIGINT PRIMARY KEY,
    waktu TIMESTAMP NOT NULL,
    pengguna VARCHAR NOT NULL,
    kode_wilayah VARCHAR NOT NULL,
    tabel VARCHAR NOT NULL,
    kunci VARCHAR NOT NULL,
    kolom VARCHAR NOT NULL,
    nilai_lama VARCHAR,
    nilai_baru VARCHAR,
    asal VARCHAR NOT NULL
);
