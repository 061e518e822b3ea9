"""Text of the evaluation pack (PDF report and PPTX deck) in Indonesian and English.

Chart labels shared with the dashboard come from the dashboard's own texts (passed in as
``teks_ui``), so a chart reads the same on screen and on paper; this module holds what only the
pack says.
"""

from __future__ import annotations

from collections.abc import Callable

from indicators.format import Bahasa

TeksUI = Callable[..., str]
"""``teks_ui(kunci, bahasa, **isian) -> str``: the dashboard's text function (``ui.teks.t``)."""

TEKS: dict[str, tuple[str, str]] = {
    "laporan_wilayah": ("Laporan evaluasi KLA", "KLA evaluation report"),
    "laporan_provinsi": ("Ringkasan evaluasi KLA provinsi", "Provincial KLA evaluation summary"),
    "untuk_bappeda": ("Paket ringkasan untuk BAPPEDA", "Summary pack for BAPPEDA"),
    "siklus_tahap": (
        "Siklus evaluasi {tahun} · tahap {tahap} · skema {skema}",
        "{tahun} evaluation cycle · {tahap} stage · {skema} scheme",
    ),
    "dibuat": ("Dibuat {tanggal} dengan Dasbor KLA", "Made {tanggal} with the KLA Dashboard"),
    "halaman": ("halaman {n}", "page {n}"),
    "kpi_resmi": ("Predikat resmi {tahun}", "Official predikat {tahun}"),
    "kpi_hitung": ("Predikat hitung (sintetis)", "Computed predikat (synthetic)"),
    "kpi_total": ("Total skor (sintetis)", "Total score (synthetic)"),
    "kpi_peringkat": ("Peringkat di provinsi", "Rank in the province"),
    "kpi_selisih": ("Selisih ke predikat berikutnya", "Gap to the next predikat"),
    "kpi_keyakinan": ("Keyakinan data predikat resmi", "Confidence of the official predikat"),
    "selisih_nilai": ("{selisih} poin ke {predikat}", "{selisih} points to {predikat}"),
    "puncak": ("sudah di predikat tertinggi", "already in the top predikat"),
    "catatan_sintetis": (
        "Catatan: skor per indikator di halaman ini adalah data contoh (sintetis), bukan skor resmi. "
        "Predikat resmi adalah data nyata.",
        "Note: per-indicator scores on this page are synthetic example data, not official scores. "
        "Official predikat are real data.",
    ),
    "peringatan_sintetis": (
        "Skor resmi per indikator tidak dipublikasikan. Semua skor, total, predikat hitung, selisih dan "
        "peringkat dalam paket ini dihitung dari data contoh (sintetis) yang dibuat agar total final berada "
        "dalam pita predikat resmi yang diketahui. Predikat resmi dihimpun dari rilis resmi dan berita.",
        "Official per-indicator scores are not published. Every score, total, computed predikat, gap and "
        "rank in this pack is computed from synthetic example data made so that final totals fall in the "
        "known official predikat bands. Official predikat are compiled from official releases and news.",
    ),
    "riwayat": ("Riwayat predikat", "Predikat history"),
    "riwayat_teks": (
        "Predikat resmi tiap siklus (data nyata) di samping predikat hitung dari skor (sintetis). "
        "Siklus tanpa predikat resmi yang tercatat ditulis 'Data tidak ditemukan'.",
        "Official predikat per cycle (real data) beside the predikat computed from scores (synthetic). "
        "A cycle without a recorded official predikat reads 'No data found'.",
    ),
    "kelompok": ("Profil kelompok: skor terhadap maksimum dan rata-rata provinsi", "Group profile"),
    "kelompok_teks": (
        "Skor Kelembagaan dan Klaster I–V terhadap maksimum (alokasi bawaan proyek, sebuah asumsi) dan "
        "rata-rata kab/kota di provinsi pada siklus dan tahap yang sama.",
        "Kelembagaan and Klaster I–V scores against their maxima (the project's default allocation, an "
        "assumption) and the average of the province's kab/kota in the same cycle and stage.",
    ),
    "selisih": ("Selisih ke predikat berikutnya", "Gap to the next predikat"),
    "selisih_teks": (
        "Total {total} poin; {selisih} poin lagi menuju {predikat}. Indikator berikut menyimpan ruang "
        "terbesar; {jumlah} indikator teratas (oranye) cukup untuk menutup selisih.",
        "Total {total} points; {selisih} more points reach {predikat}. These indicators hold the most "
        "room left; the top {jumlah} (orange) are enough to close the gap.",
    ),
    "selisih_puncak": (
        "Total {total} poin sudah di predikat tertinggi; indikator berikut menyimpan ruang terbesar.",
        "Total {total} points is already in the top predikat; these indicators hold the most room left.",
    ),
    "tahap": ("Perbandingan tahap: evaluasi mandiri sampai final", "Stages: self-assessment to final"),
    "tahap_kosong": ("Hanya satu tahap tercatat untuk siklus ini.", "Only one stage is recorded for this cycle."),
    "kehilangan": (
        "Indikator yang paling banyak berkurang saat verifikasi",
        "Indicators that lost most at verification",
    ),
    "tanpa_kehilangan": ("Tidak ada indikator yang berkurang saat verifikasi.", "No indicator lost points."),
    "sebaya": ("Wilayah tetangga (berbatasan langsung)", "Neighbouring regions (shared border)"),
    "tanpa_tetangga": ("Tidak ada data wilayah tetangga.", "No neighbour data."),
    "peta": ("Peta predikat resmi provinsi, {nama} disorot", "Province map of official predikat, {nama} highlighted"),
    "sorot": ("{nama} (garis merah)", "{nama} (red outline)"),
    "indikator": ("Tabel indikator", "Indicator table"),
    "metode": ("Metode dan sumber", "Method and sources"),
    "metode_teks": (
        "Total = jumlah skor indikator (Kelembagaan + Klaster I–V), maksimum 1000. Predikat hitung dari pita: "
        "Pratama ≥ 500 dan ≤ 600, Madya > 600 dan ≤ 700, Nindya > 700 dan ≤ 800, Utama > 800 dan ≤ 900, "
        "KLA > 900; di bawah 500 tanpa predikat. Predikat resmi adalah keputusan verifikasi dan disimpan "
        "terpisah; perbedaannya selalu ditampilkan. Nilai maksimum per indikator tidak dipublikasikan: "
        "dipakai alokasi bawaan proyek (asumsi). Peringkat: urutan total di provinsi (seri ditandai '=').",
        "Total = sum of indicator scores (Kelembagaan + Klaster I–V), maximum 1000. Computed predikat from "
        "the bands: Pratama ≥ 500 and ≤ 600, Madya > 600 and ≤ 700, Nindya > 700 and ≤ 800, Utama > 800 and "
        "≤ 900, KLA > 900; below 500 no predikat. The official predikat is the verification's decision, stored "
        "separately; differences are always shown. Per-indicator maxima are unpublished: the project's "
        "default allocation (an assumption) is used. Rank: order of totals in the province (ties marked '=').",
    ),
    "sumber_daftar": ("Sumber data yang dipakai dalam paket ini", "Data sources used in this pack"),
    "kolom_sumber": ("Sumber", "Source"),
    "kolom_jenis": ("Jenis", "Kind"),
    "kolom_lisensi": ("Lisensi", "Licence"),
    "lisensi_kosong": ("tidak dinyatakan (dikutip sebagai fakta)", "not stated (cited as fact)"),
    "atribusi_batas": ("Atribusi batas wilayah", "Boundary attribution"),
    "sumber_pendek": (
        "predikat resmi: rilis resmi pemda dan berita (daftar di bagian Metode dan sumber); batas wilayah: "
        "cahyadsn/wilayah_boundaries (MIT)",
        "official predikat: regional government releases and news (listed under Method and sources); "
        "boundaries: cahyadsn/wilayah_boundaries (MIT)",
    ),
    "sumber_skor": (
        "skor per indikator: Dasbor KLA sintetis-skor-v1",
        "per-indicator scores: KLA Dashboard synthetic-v1",
    ),
    "distribusi": ("Sebaran predikat dan total skor", "Distribution of predikat and totals"),
    "jumlah_predikat": ("Jumlah kab/kota per predikat resmi", "Kab/kota per official predikat"),
    "sebaran_total": ("Sebaran total skor final (sintetis)", "Distribution of final totals (synthetic)"),
    "peringkat": ("Peringkat kab/kota menurut total skor (sintetis)", "Kab/kota ranked by total score (synthetic)"),
    "peringkat_bagian": ("Peringkat kab/kota ({bagian})", "Kab/kota ranking ({bagian})"),
    "pergerakan": ("Pergerakan predikat resmi sejak {tahun}", "Official predikat moves since {tahun}"),
    "tanpa_pembanding": ("Tidak ada siklus sebelumnya untuk dibandingkan.", "No earlier cycle to compare with."),
    "tanpa_pergerakan": (
        "Tidak ada perubahan predikat resmi yang tercatat.",
        "No recorded change of official predikat.",
    ),
    "perubahan_total": (
        "Perubahan total terbesar sejak {tahun} (sintetis)",
        "Largest total changes since {tahun} (synthetic)",
    ),
    "rata_total": ("Rata-rata total final (sintetis)", "Average final total (synthetic)"),
    "jumlah_kabkota": ("Jumlah kab/kota", "Number of kab/kota"),
    "berpredikat": ("Kab/kota berpredikat", "Kab/kota with a predikat"),
    "kolom_tahap": ("Tahap", "Stage"),
    "kolom_total": ("Total (sintetis)", "Total (synthetic)"),
    "kolom_predikat_hitung": ("Predikat hitung", "Computed predikat"),
    "kolom_perubahan": ("Perubahan", "Change"),
    "kolom_peringkat": ("Peringkat", "Rank"),
    "kolom_selisih": ("Selisih ke berikutnya", "Gap to next"),
    "kolom_kelompok": ("Kelompok", "Group"),
    "kolom_skor": ("Skor (sintetis)", "Score (synthetic)"),
    "kolom_maks": ("Maks. (asumsi)", "Max. (assumed)"),
    "kolom_rata": ("Rata-rata provinsi", "Province average"),
    "kolom_ruang": ("Ruang", "Room"),
    "kolom_menutup": ("Menutup selisih", "Closes the gap"),
    "kolom_lalu": ("Predikat {tahun}", "Predikat {tahun}"),
    "kolom_kini": ("Predikat {tahun}", "Predikat {tahun}"),
    "kolom_arah": ("Arah", "Direction"),
    "naik": ("naik", "up"),
    "turun": ("turun", "down"),
    "ya": ("ya", "yes"),
    "wilayah_ini": ("wilayah ini", "this region"),
}


def teks_paket(bahasa: Bahasa, teks_ui: TeksUI) -> Callable[..., str]:
    """A text function for one language: the pack's own keys first, then the dashboard's."""

    def teks(kunci: str, **isian: object) -> str:
        if kunci in TEKS:
            isi = TEKS[kunci][0 if bahasa == "id" else 1]
            return isi.format(**isian) if isian else isi
        return teks_ui(kunci, bahasa, **isian)

    return teks
