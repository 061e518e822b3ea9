-- The regulation register per kab/kota (issue 15, part 1): Perda, Perwal/Perbup, Keputusan/SK, SE,
-- Instruksi and RAD, each with its stage in the pipeline and a date reached and a due date per
-- stage (indicators/gugus/regulasi.py holds the stages and their rules).
--
-- Rows exist only where a region changed something, as for the checklist: the committed seed
-- (data/kla/regulasi_seed.csv) is the starting register and is shown as it is until an editor
-- changes an entry; the first change writes the whole entry here, and a stored row always wins over
-- the seed, so a later seed update never overwrites a user's edit. NULL means "tidak diketahui"
-- (unknown), never zero or "none": an unknown stage, date, number or coordinating OPD stays NULL.
-- A removed entry keeps its row with `dihapus` set, so the seed does not bring it back.
CREATE TABLE regulasi (
    kode_wilayah VARCHAR NOT NULL,
    regulasi_id VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL CHECK (jenis IN ('perda', 'perkada', 'keputusan', 'se', 'instruksi', 'rad')),
    nomor VARCHAR,
    tahun INTEGER,
    judul VARCHAR NOT NULL,
    amanat VARCHAR,
    -- KLA indicator ids separated by '; ' (e.g. 'KLA24-01; KLA24-02').
    indikator VARCHAR,
    opd VARCHAR,
    tahap VARCHAR CHECK (
        tahap IS NULL
        OR tahap IN ('propemperda', 'penyusunan', 'harmonisasi', 'pembahasan', 'penetapan', 'pengundangan', 'terbit')
    ),
    tanggal_propemperda DATE,
    tenggat_propemperda DATE,
    tanggal_penyusunan DATE,
    tenggat_penyusunan DATE,
    tanggal_harmonisasi DATE,
    tenggat_harmonisasi DATE,
    tanggal_pembahasan DATE,
    tenggat_pembahasan DATE,
    tanggal_penetapan DATE,
    tenggat_penetapan DATE,
    tanggal_pengundangan DATE,
    tenggat_pengundangan DATE,
    tanggal_terbit DATE,
    tenggat_terbit DATE,
    -- Why a stage was skipped or went back (required by the stage rules for such a move).
    catatan_tahap VARCHAR,
    -- JDIH link of the published text.
    tautan VARCHAR,
    catatan VARCHAR,
    sumber VARCHAR,
    dihapus BOOLEAN NOT NULL DEFAULT FALSE,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    versi INTEGER NOT NULL,
    PRIMARY KEY (kode_wilayah, regulasi_id)
);
