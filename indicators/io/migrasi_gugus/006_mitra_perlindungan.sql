-- The partners register of child protection (issue 14): the MoU / PKS a kab/kota (or a province)
-- signed with Komnas PA / LPA, an LKSA, a university, an NGO or another partner, each with what it
-- covers, its number, when it was signed and when it ends (indicators/gugus/mitra.py: the rules and
-- the warning before expiry). A partner is an organisation: no person's name or contact is kept.
-- NULL means "tidak diketahui" (unknown): an agreement whose end date is not known stays NULL, never
-- a guessed date. A removed entry keeps its row with `dihapus` set (its history stays readable).
-- Written through the workspace's one write path (indicators/gugus/simpan.py), every change in
-- log_perubahan (tabel 'mitra_perlindungan').
CREATE TABLE mitra_perlindungan (
    kode_wilayah VARCHAR NOT NULL,
    mitra_id INTEGER NOT NULL,
    mitra VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL CHECK (jenis IN ('komnas_pa_lpa', 'lksa', 'perguruan_tinggi', 'lsm', 'lainnya')),
    bentuk VARCHAR NOT NULL CHECK (bentuk IN ('mou', 'pks')),
    lingkup VARCHAR,
    nomor VARCHAR,
    tanggal_tanda_tangan DATE NOT NULL,
    tanggal_berakhir DATE CHECK (tanggal_berakhir IS NULL OR tanggal_berakhir > tanggal_tanda_tangan),
    catatan VARCHAR,
    dihapus BOOLEAN NOT NULL DEFAULT FALSE,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    versi INTEGER NOT NULL,
    PRIMARY KEY (kode_wilayah, mitra_id)
);
