"""Interface text of the peta page: key → (Indonesian, English)."""

TEKS: dict[str, tuple[str, str]] = {
    "peta_ukuran": ("Ukuran yang dipetakan", "Measure to map"),
    "peta_tingkat": ("Tingkat wilayah", "Region level"),
    "peta_tingkat_kabkota": ("Kabupaten/kota", "Regencies/cities"),
    "peta_tingkat_kecamatan": ("Kecamatan", "Districts (kecamatan)"),
    "peta_statistik_awalan": ("Statistik", "Statistic"),
    "peta_judul": ("{ukuran}{satuan} — {wilayah}, {waktu}{tahap}", "{ukuran}{satuan} — {wilayah}, {waktu}{tahap}"),
    "peta_judul_satuan": (" ({satuan})", " ({satuan})"),
    "peta_judul_satuan_koma": (", {satuan}", ", {satuan}"),
    "peta_tahun_data": ("Tahun data", "Data year"),
    "peta_sintetis_pendek": ("(sintetis)", "(synthetic)"),
    "peta_satuan": ("Satuan: {satuan}", "Unit: {satuan}"),
    "peta_indikator_lengkap": ("Indikator: {nama}", "Indicator: {nama}"),
    "peta_judul_siklus": ("evaluasi {tahun}", "{tahun} evaluation"),
    "peta_judul_tahun": ("tahun {tahun}", "year {tahun}"),
    "peta_subjudul_siklus": ("Evaluasi {tahun}", "{tahun} evaluation"),
    "peta_subjudul_tahun": ("Tahun {tahun}", "Year {tahun}"),
    "peta_judul_tahap": (", tahap {tahap}", ", {tahap} stage"),
    "peta_judul_kecamatan": ("{provinsi} (per kecamatan)", "{provinsi} (by kecamatan)"),
    "peta_kosong": (
        "Belum ada data “{ukuran}” untuk {provinsi}. Data yang tersedia saat ini: Jawa Tengah.",
        "No “{ukuran}” data for {provinsi} yet. Data currently available: Jawa Tengah.",
    ),
    "peta_bandingkan": ("Bandingkan dua siklus", "Compare two cycles"),
    "peta_tahun2": ("Dibandingkan dengan", "Compared with"),
    "peta_satu_siklus": (
        "Hanya ada satu siklus/tahun dengan data untuk ukuran ini, jadi belum ada yang dapat dibandingkan.",
        "Only one cycle/year has data for this measure, so there is nothing to compare yet.",
    ),
    "peta_tab_berdampingan": ("Berdampingan", "Side by side"),
    "peta_tab_perubahan": ("Peta perubahan {awal} → {akhir}", "Change map {awal} → {akhir}"),
    "peta_perubahan_judul": ("Perubahan {ukuran}, {awal} → {akhir}", "Change in {ukuran}, {awal} → {akhir}"),
    "peta_perubahan_naik": ("Naik predikat", "Moved up"),
    "peta_perubahan_tetap": ("Predikat tetap", "Same predikat"),
    "peta_perubahan_turun": ("Turun predikat", "Moved down"),
    "peta_perubahan_tidak_sebanding": ("Tidak dapat dibandingkan", "Not comparable"),
    "peta_perubahan_keterangan": (
        "Hijau = membaik, oranye = memburuk menurut arah ukuran ini ({arah}). "
        "Wilayah tanpa data di salah satu siklus tidak dibandingkan.",
        "Green = better, orange = worse by this measure's direction ({arah}). "
        "Regions without data in either cycle are not compared.",
    ),
    "peta_perubahan_netral": (
        "Ukuran ini konteks tanpa arah baik/buruk: biru = naik, cokelat = turun.",
        "This measure is context with no better/worse direction: blue = up, brown = down.",
    ),
    "peta_selisih": ("Perubahan", "Change"),
    "peta_status": ("Status data", "Data status"),
    "peta_keyakinan": ("keyakinan {tingkat}", "{tingkat} confidence"),
    "peta_belum_terverifikasi": ("belum terverifikasi", "unverified"),
    "peta_predikat_tahun": ("Predikat resmi {tahun}", "Official predikat {tahun}"),
    "peta_klik": (
        "Klik sebuah wilayah di peta untuk membuka profilnya.",
        "Click a region on the map to open its profile.",
    ),
    "peta_tabel": ("Tabel nilai yang dipetakan", "Table of the mapped values"),
    "peta_nilai": ("Nilai", "Value"),
    "peta_urutan_predikat": ("Urutan predikat: {urutan}", "Predikat order: {urutan}"),
    "peta_arah": ("Arah: {arah}", "Direction: {arah}"),
    "peta_catatan_statistik": ("Catatan statistik: {catatan}", "Note on the statistic: {catatan}"),
    "peta_sumber": (
        "Sumber: predikat resmi dihimpun dari rilis resmi pemerintah daerah dan berita (bukan SK KemenPPPA); "
        "skor per indikator, subtotal dan total adalah data contoh (sintetis); statistik mentah dari sumber "
        "resmi per baris (Profil Kesehatan, SSGI, BPS dan lainnya). Batas wilayah: cahyadsn/wilayah_boundaries "
        "(MIT); kode & nama wilayah: cahyadsn/wilayah (MIT).",
        "Sources: official predikat compiled from regional government releases and news (not the KemenPPPA "
        "decree); per-indicator scores, subtotals and totals are synthetic example data; raw statistics from "
        "the official source of each row (health profiles, SSGI, BPS and others). Boundaries: "
        "cahyadsn/wilayah_boundaries (MIT); region codes and names: cahyadsn/wilayah (MIT).",
    ),
}
