-- The Kelembagaan evidence register and the custom checklist items (butir tambahan) per kab/kota.
-- Independent of the other migrations of this number range (003 regulasi, 005 pembinaan), so the
-- order they reach a workspace in does not matter.

-- One row per register item a region filled in (the items are declared in
-- indicators/katalog/kelembagaan_<skema>.yaml; an item without a row is "belum diisi").
-- `nilai` is the canonical text of indicators/katalog/kelembagaan.py (ISO date, year, 2021-2026,
-- whole number, percentage, option codes); `referensi` a document number or link (the files stay
-- where the region keeps them). Status: diajukan (submitted) → diverifikasi or ditolak, a rejection
-- always with its reason (`alasan`); a row without a value has no status. `versi` goes up by one on
-- every write, and a save carries the version it was based on (indicators/gugus/kelembagaan.py).
CREATE TABLE kelembagaan_isian (
    kode_wilayah VARCHAR NOT NULL,
    butir VARCHAR NOT NULL,
    nilai VARCHAR,
    referensi VARCHAR,
    status VARCHAR CHECK (status IN ('diajukan', 'diverifikasi', 'ditolak')),
    alasan VARCHAR,
    diajukan_oleh VARCHAR,
    diajukan_pada TIMESTAMP,
    diputuskan_oleh VARCHAR,
    diputuskan_pada TIMESTAMP,
    diubah_oleh VARCHAR NOT NULL,
    diubah_pada TIMESTAMP NOT NULL,
    versi INTEGER NOT NULL CHECK (versi >= 1),
    PRIMARY KEY (kode_wilayah, butir),
    CHECK ((nilai IS NULL) = (status IS NULL)),
    CHECK (status IS DISTINCT FROM 'ditolak' OR alasan IS NOT NULL)
);

-- Checklist items a region added to the catalogue's (butir tambahan). `butir` is the item code
-- `tambahan_<nomor>`, numbered per region and never reused, so the item's history (its state in
-- butir_checklist and its rows in log_perubahan, keyed 'indikator/butir') always stays its own. A
-- rename changes `nama` only; a deletion sets `dihapus_oleh`/`dihapus_pada` and keeps every row.
CREATE TABLE butir_tambahan (
    kode_wilayah VARCHAR NOT NULL,
    indikator VARCHAR NOT NULL,
    butir VARCHAR NOT NULL CHECK (butir = 'tambahan_' || nomor),
    nomor INTEGER NOT NULL CHECK (nomor >= 1),
    nama VARCHAR NOT NULL,
    jenis VARCHAR,
    dibuat_oleh VARCHAR NOT NULL,
    dibuat_pada TIMESTAMP NOT NULL,
    dihapus_oleh VARCHAR,
    dihapus_pada TIMESTAMP,
    PRIMARY KEY (kode_wilayah, butir)
);
