"""Interface text in Indonesian and English. Pages never hard-code a label."""

from __future__ import annotations

from indicators.format import Bahasa

_TEKS: dict[str, tuple[str, str]] = {
    "judul_aplikasi": ("Dasbor KLA", "KLA Dashboard"),
    "subjudul_aplikasi": ("Kabupaten/Kota Layak Anak", "Child-Friendly Regencies/Cities"),
    "bahasa": ("Bahasa", "Language"),
    "hal_ringkasan": ("Ringkasan", "Overview"),
    "hal_peta": ("Peta", "Maps"),
    "hal_perbandingan": ("Perbandingan", "Compare over time"),
    "hal_profil": ("Profil Wilayah", "Region profile"),
    "hal_indikator": ("Indikator", "Indicators"),
    "hal_metodologi": ("Data & Metodologi", "Data & method"),
    "indonesia": ("Indonesia (semua provinsi)", "Indonesia (all provinces)"),
    "wilayah": ("Kabupaten/kota", "Regency/city"),
    "tahap": ("Tahap", "Stage"),
    "tahap_mandiri": ("Evaluasi mandiri", "Self-assessment"),
    "tahap_provinsi": ("Verifikasi provinsi", "Provincial verification"),
    "tahap_pusat": ("Verifikasi pusat", "Central verification"),
    "tahap_final": ("Final", "Final"),
    "label_sintetis": ("data contoh (sintetis)", "synthetic example data"),
    "provinsi": ("Provinsi", "Province"),
    "tahun": ("Tahun evaluasi", "Evaluation year"),
    "ringkasan_judul": ("Ringkasan predikat KLA {provinsi} {tahun}", "KLA predikat overview, {provinsi} {tahun}"),
    "jumlah_per_predikat": ("Jumlah kab/kota per predikat resmi", "Kab/kota per official predikat"),
    "peta_predikat": ("Peta predikat resmi", "Map of official predikat"),
    "tabel_kabkota": ("Kab/kota", "Regencies and cities"),
    "kab_kota": ("kab/kota", "kab/kota"),
    "nama": ("Nama", "Name"),
    "kode": ("Kode", "Code"),
    "predikat_resmi": ("Predikat resmi", "Official predikat"),
    "keyakinan": ("Keyakinan", "Confidence"),
    "total_final": ("Total skor final", "Final total score"),
    "sumber": ("Sumber", "Source"),
    "tidak_ditemukan": ("Data tidak ditemukan", "No data found"),
    "tidak_ada_predikat": ("Tidak berpredikat", "No predikat"),
    "sintetis_peringatan": (
        "Skor per indikator di dasbor ini adalah **data contoh (sintetis)**: skor resmi per indikator tidak "
        "dipublikasikan. Predikat resmi adalah data nyata yang dihimpun dari rilis resmi dan berita.",
        "Per-indicator scores in this dashboard are **synthetic example data**: official per-indicator scores are "
        "not published. Official predikat are real data compiled from official releases and news.",
    ),
    "sumber_predikat": (
        "Sumber: predikat dihimpun dari rilis resmi pemerintah daerah dan berita (bukan SK KemenPPPA); "
        "keyakinan per baris tercantum di tabel. Batas wilayah: cahyadsn/wilayah_boundaries (MIT); "
        "kode & nama wilayah: Kepmendagri No. 300.2.2-2138/2025 via cahyadsn/wilayah (MIT).",
        "Source: predikat compiled from regional government releases and news (not the KemenPPPA decree); "
        "confidence per row is in the table. Boundaries: cahyadsn/wilayah_boundaries (MIT); codes and names: "
        "Kepmendagri No. 300.2.2-2138/2025 via cahyadsn/wilayah (MIT).",
    ),
    "penganugerahan": ("Penganugerahan: {tanggal}", "Award night: {tanggal}"),
    "skema": ("Skema indikator: {skema}", "Indicator scheme: {skema}"),
    "belum_ada_data": ("Belum ada data untuk pilihan ini.", "No data for this selection yet."),
    "galat_umum": (
        "Maaf, halaman ini gagal dimuat. Data Anda aman; coba muat ulang halaman. Jika berulang, laporkan ke admin.",
        "Sorry, this page failed to load. Your data is safe; try reloading. If it happens again, tell the admin.",
    ),
    "membangun_db": (
        "Menyiapkan database dari data bawaan (sekali saja)…",
        "Preparing the database from the embedded data (once)…",
    ),
    "rata_rata_total": ("Rata-rata total skor final (sintetis)", "Average final total (synthetic)"),
    "provila": ("Provinsi Layak Anak (Provila)", "Child-Friendly Province (Provila)"),
    "provila_tidak_diketahui": ("tidak diketahui", "unknown"),
    "ya": ("Ya", "Yes"),
    "dibanding": ("dibanding {tahun}", "vs {tahun}"),
    "distribusi_total": ("Sebaran total skor final (sintetis)", "Distribution of final totals (synthetic)"),
    "jumlah_kabkota": ("Jumlah kab/kota", "Number of kab/kota"),
    "pergerakan": ("Pergerakan predikat resmi sejak {tahun}", "Official predikat moves since {tahun}"),
    "naik": ("Naik", "Up"),
    "turun": ("Turun", "Down"),
    "tidak_ada_pergerakan": ("Tidak ada perubahan predikat yang tercatat.", "No recorded predikat change."),
    "tanpa_pembanding": (
        "Tidak ada siklus sebelumnya untuk dibandingkan.",
        "No earlier cycle to compare with.",
    ),
    "predikat_lalu": ("Predikat {tahun}", "Predikat {tahun}"),
    "perubahan_total_terbesar": (
        "Perubahan total terbesar (sintetis)",
        "Largest total changes (synthetic)",
    ),
    "perubahan": ("Perubahan", "Change"),
    "nasional_dilaporkan": (
        "Jumlah nasional yang dilaporkan {tahun}: {rincian} (sumber: {sumber}).",
        "National counts reported for {tahun}: {rincian} (source: {sumber}).",
    ),
    "provinsi_kosong": (
        "Belum ada data KLA untuk {provinsi}. Data yang tersedia saat ini: Jawa Tengah.",
        "No KLA data for {provinsi} yet. Data currently available: Jawa Tengah.",
    ),
    "tinggi": ("tinggi", "high"),
    "sedang": ("sedang", "medium"),
    "rendah": ("rendah", "low"),
}


def t(kunci: str, bahasa: Bahasa, **isian: object) -> str:
    """Return the text for ``kunci`` in ``bahasa``, with ``{placeholders}`` filled in."""
    teks = _TEKS[kunci][0 if bahasa == "id" else 1]
    return teks.format(**isian) if isian else teks


def _gabung_teks() -> None:
    # Each page keeps its own text in ui/teks_<page>.py; keys must be unique across all of them.
    from ui import teks_indikator, teks_metodologi, teks_perbandingan, teks_peta, teks_profil

    for modul in (teks_peta, teks_perbandingan, teks_profil, teks_indikator, teks_metodologi):
        ganda = set(modul.TEKS) & set(_TEKS)
        if ganda:
            raise KeyError(f"kunci teks ganda di {modul.__name__}: {sorted(ganda)}")
        _TEKS.update(modul.TEKS)


_gabung_teks()
