-- 001: the first schema of the Dasbor KLA store.
-- Every data row points to its source (sumber_id) and carries a synthetic flag where synthetic
-- rows can occur, so pages and exports can always label them.

CREATE TABLE sumber (
    sumber_id    VARCHAR PRIMARY KEY,
    sitasi       VARCHAR NOT NULL,          -- citation as given in the source file
    url          VARCHAR,                   -- first URL in the citation, if any
    jenis        VARCHAR NOT NULL,          -- berita_resmi | batas_wilayah | kode_wilayah | sintetis | katalog
    lisensi      VARCHAR,
    -- the lowest confidence of any row that cites this source (rows keep their own too)
    keyakinan    VARCHAR CHECK (keyakinan IN ('tinggi', 'sedang', 'rendah')),
    sintetis     BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE wilayah (
    -- Kemendagri code: 33, 33.75, 33.75.01; '00' stands for Indonesia (national figures).
    kode_wilayah   VARCHAR PRIMARY KEY,
    kode_bps       VARCHAR,
    nama           VARCHAR NOT NULL,
    nama_singkat   VARCHAR,
    jenis          VARCHAR NOT NULL CHECK (jenis IN ('negara', 'provinsi', 'kabupaten', 'kota', 'kecamatan')),
    tingkat        VARCHAR NOT NULL CHECK (tingkat IN ('nasional', 'provinsi', 'kabkota', 'kecamatan')),
    kode_induk     VARCHAR,
    kode_provinsi  VARCHAR NOT NULL,
    luas_km2       DOUBLE,
    penduduk       BIGINT,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id)
);

-- Geographic neighbours of kab/kota, computed once from the boundaries (shared border).
CREATE TABLE tetangga (
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    kode_tetangga  VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    panjang_batas_km DOUBLE NOT NULL,
    PRIMARY KEY (kode_wilayah, kode_tetangga)
);

CREATE TABLE skema_indikator (
    kode_skema     VARCHAR PRIMARY KEY,
    nama           VARCHAR NOT NULL,
    nama_en        VARCHAR NOT NULL,
    tahun_mulai    INTEGER NOT NULL,
    tahun_selesai  INTEGER,
    nilai_total    DOUBLE NOT NULL,
    catatan_nilai_maks VARCHAR NOT NULL
);

CREATE TABLE kelompok_indikator (
    kode_skema     VARCHAR NOT NULL REFERENCES skema_indikator (kode_skema),
    kode_kelompok  VARCHAR NOT NULL,
    nama           VARCHAR NOT NULL,
    nama_en        VARCHAR NOT NULL,
    urutan         INTEGER NOT NULL,
    nilai_maks     DOUBLE NOT NULL,
    PRIMARY KEY (kode_skema, kode_kelompok)
);

CREATE TABLE indikator (
    indikator      VARCHAR PRIMARY KEY,     -- KLA24-04
    kode_skema     VARCHAR NOT NULL REFERENCES skema_indikator (kode_skema),
    nomor          INTEGER NOT NULL,
    kode_kelompok  VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    nama           VARCHAR NOT NULL,
    nama_en        VARCHAR NOT NULL,
    satuan         VARCHAR NOT NULL,
    arah           VARCHAR NOT NULL CHECK (arah IN ('naik', 'turun', 'kategori')),
    nilai_maks     DOUBLE NOT NULL CHECK (nilai_maks > 0),
    nilai_maks_asumsi BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE siklus_evaluasi (
    tahun          INTEGER PRIMARY KEY,
    kode_skema     VARCHAR NOT NULL REFERENCES skema_indikator (kode_skema),
    tanggal_penganugerahan DATE,
    tempat         VARCHAR
);

CREATE TABLE pita_predikat (
    predikat       VARCHAR PRIMARY KEY,
    urutan         INTEGER NOT NULL,
    bawah          DOUBLE NOT NULL,
    bawah_inklusif BOOLEAN NOT NULL,
    atas           DOUBLE NOT NULL,
    atas_inklusif  BOOLEAN NOT NULL
);

CREATE TABLE skor_indikator (
    tahun          INTEGER NOT NULL REFERENCES siklus_evaluasi (tahun),
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    indikator      VARCHAR NOT NULL REFERENCES indikator (indikator),
    tahap          VARCHAR NOT NULL CHECK (tahap IN ('mandiri', 'provinsi', 'pusat', 'final')),
    nilai          DOUBLE NOT NULL CHECK (nilai >= 0),
    sintetis       BOOLEAN NOT NULL,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    PRIMARY KEY (tahun, kode_wilayah, indikator, tahap)
);

-- Raw statistics (e.g. stunting prevalence) per region × year.
CREATE TABLE statistik_indikator (
    tahun          INTEGER NOT NULL,
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    statistik      VARCHAR NOT NULL,
    nilai          DOUBLE NOT NULL,
    satuan         VARCHAR NOT NULL,
    keyakinan      VARCHAR NOT NULL CHECK (keyakinan IN ('tinggi', 'sedang', 'rendah')),
    terverifikasi  BOOLEAN NOT NULL DEFAULT TRUE,
    sintetis       BOOLEAN NOT NULL,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    PRIMARY KEY (tahun, kode_wilayah, statistik)
);

CREATE TABLE predikat_resmi (
    tahun          INTEGER NOT NULL REFERENCES siklus_evaluasi (tahun),
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    predikat       VARCHAR NOT NULL CHECK (predikat IN ('Pratama', 'Madya', 'Nindya', 'Utama', 'KLA', 'Tidak ada')),
    dasar          VARCHAR NOT NULL,        -- stated | derived_by_elimination | inferred_from_later_statement | inferred
    keyakinan      VARCHAR NOT NULL CHECK (keyakinan IN ('tinggi', 'sedang', 'rendah')),
    sintetis       BOOLEAN NOT NULL DEFAULT FALSE,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    PRIMARY KEY (tahun, kode_wilayah)
);

-- Total scores reported in the news (real, few): kept apart from per-indicator scores.
CREATE TABLE skor_dilaporkan (
    tahun          INTEGER NOT NULL,
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    jenis_skor     VARCHAR NOT NULL,
    nilai          DOUBLE NOT NULL,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    PRIMARY KEY (tahun, kode_wilayah, jenis_skor)
);

CREATE TABLE rekap_predikat (
    tahun          INTEGER NOT NULL,
    cakupan        VARCHAR NOT NULL,        -- nasional | jawa_tengah
    predikat       VARCHAR NOT NULL,        -- a predikat, Total, Provila or Peserta
    jumlah         INTEGER NOT NULL,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR
);

CREATE TABLE penghargaan_provinsi (
    tahun          INTEGER NOT NULL,
    kode_wilayah   VARCHAR NOT NULL REFERENCES wilayah (kode_wilayah),
    penghargaan    VARCHAR NOT NULL,
    keyakinan      VARCHAR NOT NULL,
    sumber_id      VARCHAR NOT NULL REFERENCES sumber (sumber_id),
    catatan        VARCHAR,
    PRIMARY KEY (tahun, kode_wilayah)
);

CREATE TABLE log_impor (
    impor_id       INTEGER PRIMARY KEY,
    waktu          TIMESTAMP NOT NULL,
    pengguna       VARCHAR NOT NULL,
    berkas         VARCHAR NOT NULL,
    jenis          VARCHAR NOT NULL,
    jumlah_baris   INTEGER NOT NULL,
    status         VARCHAR NOT NULL,
    pesan          VARCHAR
);
