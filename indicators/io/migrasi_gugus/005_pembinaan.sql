-- Pembinaan & pengawasan: the province's supervision notes per kab/kota, and the evaluation dates a
-- province was given (they replace the committed calendar's row for that province only).
-- Written through the workspace's one write path (indicators/gugus/simpan.py), every change in
-- log_perubahan.

-- One supervision note about one kab/kota: when (tanggal), what was found (temuan), what is
-- recommended, who follows it up (penanggung_jawab) by when (tenggat), and its status. Open =
-- terbuka or dalam_tindak_lanjut; overdue = open with tenggat before today. `versi` goes up by one
-- on every change, and a change based on an older version is refused.
CREATE TABLE catatan_pembinaan (
    catatan_id BIGINT PRIMARY KEY,
    kode_wilayah VARCHAR NOT NULL,
    tanggal DATE NOT NULL,
    temuan VARCHAR NOT NULL,
    rekomendasi VARCHAR,
    penanggung_jawab VARCHAR,
    tenggat DATE,
    status VARCHAR NOT NULL CHECK (status IN ('terbuka', 'dalam_tindak_lanjut', 'selesai', 'dibatalkan')),
    dibuat_oleh VARCHAR NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    versi INTEGER NOT NULL
);

-- A province's own evaluation dates for one cycle and stage, with their source (a letter, a meeting).
CREATE TABLE kalender_provinsi (
    kode_provinsi VARCHAR NOT NULL,
    siklus INTEGER NOT NULL,
    tahap VARCHAR NOT NULL CHECK (tahap IN ('mandiri', 'verifikasi_provinsi', 'verifikasi_lapangan', 'final')),
    mulai DATE,
    selesai DATE,
    presisi VARCHAR CHECK (presisi IN ('hari', 'bulan')),
    sumber VARCHAR NOT NULL,
    keterangan VARCHAR,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    PRIMARY KEY (kode_provinsi, siklus, tahap),
    CHECK (mulai IS NULL OR selesai IS NULL OR mulai <= selesai)
);
