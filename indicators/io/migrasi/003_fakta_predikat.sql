-- 003: facts about predikat that are not a predikat value, the confidence of recap rows, and how
-- each synthetic band was chosen (so pages can label an estimate as one).

-- NULL where the source file gives no confidence (data/kla/kla_rekap_jumlah.csv has none).
-- DuckDB cannot add a column with a CHECK constraint: the loader accepts tinggi | sedang | rendah only.
ALTER TABLE rekap_predikat ADD COLUMN keyakinan VARCHAR;

-- Statements a source makes about a region's predikat that are not "region R held P in year T":
--   bukan            R did not hold `predikat` in `tahun` ("Salatiga was not Utama in 2023").
--   hitungan_sebelum R held `predikat` `jumlah` times before the cycle `sebelum_tahun`
--                    ("Pratama twice before its first Madya in 2019"); undated, so `tahun` is NULL.
CREATE TABLE fakta_predikat (
    tahun          INTEGER,
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    pernyataan     VARCHAR NOT NULL CHECK (pernyataan IN ('bukan', 'hitungan_sebelum')),
    predikat       VARCHAR NOT NULL CHECK (predikat IN ('Pratama', 'Madya', 'Nindya', 'Utama', 'KLA', 'Tidak ada')),
    jumlah         INTEGER CHECK (jumlah > 0),
    sebelum_tahun  INTEGER,
    keyakinan      VARCHAR NOT NULL CHECK (keyakinan IN ('tinggi', 'sedang', 'rendah')),
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    CHECK (
        (pernyataan = 'bukan' AND tahun IS NOT NULL AND jumlah IS NULL AND sebelum_tahun IS NULL)
        OR (pernyataan = 'hitungan_sebelum' AND jumlah IS NOT NULL AND sebelum_tahun IS NOT NULL)
    )
);

-- One row per kab/kota × cycle of the synthetic set: the band its synthetic final total falls in
-- and whether the facts fix that band ('fakta') or it was picked among the bands they allow
-- ('perkiraan', to be labelled "perkiraan sintetis"). `pita_layak` lists every allowed band,
-- lowest first, comma-separated; `dasar` names what fixed or bounded it:
-- skor_dilaporkan | predikat_resmi | fakta_predikat | rekap_predikat | tanpa_fakta.
CREATE TABLE pita_sintetis (
    tahun          INTEGER NOT NULL REFERENCES siklus_evaluasi (tahun),
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    pita           VARCHAR NOT NULL CHECK (pita IN ('Pratama', 'Madya', 'Nindya', 'Utama', 'KLA', 'Tidak ada')),
    status         VARCHAR NOT NULL CHECK (status IN ('fakta', 'perkiraan')),
    pita_layak     VARCHAR NOT NULL,
    dasar          VARCHAR NOT NULL
        CHECK (dasar IN ('skor_dilaporkan', 'predikat_resmi', 'fakta_predikat', 'rekap_predikat', 'tanpa_fakta')),
    PRIMARY KEY (tahun, kode_wilayah)
);
