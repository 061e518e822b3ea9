"""Interface text of the indikator page: key → (Indonesian, English)."""

TEKS: dict[str, tuple[str, str]] = {
    "ind_judul": ("Indikator KLA", "KLA indicators"),
    "ind_skema": ("Skema indikator", "Indicator scheme"),
    "ind_skema_opsi": (
        "{kode} · {jumlah} indikator ({mulai}–{selesai})",
        "{kode} · {jumlah} indicators ({mulai}–{selesai})",
    ),
    "ind_kini": ("kini", "now"),
    "ind_indikator": ("Indikator", "Indicator"),
    "ind_dasar_hukum": ("Dasar hukum: {dasar}", "Legal basis: {dasar}"),
    "ind_katalog": ("Katalog {skema} per kelompok", "{skema} catalogue by group"),
    "ind_kol_nomor": ("No.", "No."),
    "ind_kol_label": ("Label resmi", "Official label"),
    "ind_kol_nama": ("Nama indikator", "Indicator name"),
    "ind_kol_maks": ("Nilai maks. (asumsi)", "Max. score (assumption)"),
    "ind_maks_asumsi_catatan": (
        "Nilai maksimum per indikator adalah asumsi proyek: instrumen resmi (lampiran Kepmen PPPA 21/2023) "
        "tidak ditemukan; yang pasti hanya total 1.000. Coba nilai lain di halaman Data & Metodologi.",
        "Per-indicator maxima are the project's assumption: the official instrument (annex of Kepmen PPPA "
        "21/2023) was not found; only the total of 1,000 is certain. Try other values on the Data & method page.",
    ),
    "ind_metadata": ("Metadata indikator", "Indicator metadata"),
    "ind_sdi": ("Metadata Satu Data Indonesia", "Satu Data Indonesia metadata"),
    "ind_nama_lengkap": ("Nama lengkap", "Full name"),
    "ind_label": ("Label singkat resmi", "Official short label"),
    "ind_nama_en": ("Nama dalam bahasa Inggris", "English name"),
    "ind_data_diukur": ("Data yang diukur", "Data items measured"),
    "ind_satuan": ("Satuan", "Unit"),
    "ind_arah": ("Arah", "Direction"),
    "ind_maks": ("Nilai maksimum", "Maximum score"),
    "ind_maks_isi": (
        "{maks} poin (kelompok ini {kelompok}, seluruh skema {total})",
        "{maks} points (this group {kelompok}, whole scheme {total})",
    ),
    "ind_asumsi": ("asumsi, bukan angka resmi", "assumption, not official"),
    "ind_maks_kenapa": ("Mengapa nilai maksimum ini asumsi?", "Why is this maximum an assumption?"),
    "ind_opd": ("OPD pengampu", "Responsible agencies (OPD)"),
    "ind_sumber_data": ("Sumber data", "Data source"),
    "ind_sdi_konsep": ("Konsep", "Concept"),
    "ind_sdi_definisi": ("Definisi", "Definition"),
    "ind_sdi_rumus": ("Rumus perhitungan", "Calculation"),
    "ind_sdi_interpretasi": ("Interpretasi", "Interpretation"),
    "ind_sdi_satuan": ("Satuan", "Unit"),
    "ind_sdi_periode": ("Periode", "Period"),
    "ind_catatan_bahasa": (
        "Isi katalog dikutip dalam bahasa Indonesia, seperti dalam sumbernya.",
        "Catalogue entries are quoted in Indonesian, as in their sources.",
    ),
    "ind_rujukan": ("Rujukan", "References"),
    "ind_tanpa_rujukan": (
        "Tidak ada rujukan tercatat untuk indikator ini.",
        "No reference recorded for this indicator.",
    ),
    "ind_status_legenda": (
        "Status keyakinan tiap isian: terkonfirmasi = dikutip dari sumber yang dirujuk; disimpulkan = "
        "kesimpulan proyek dari sumber; belum pasti = sumber bertentangan atau belum diverifikasi.",
        "Confidence of each entry: confirmed = quoted from the cited source; inferred = the project's inference "
        "from sources; unverified = sources conflict or are not yet verified.",
    ),
    "ind_skor_judul": (
        "Skor {indikator} antar kab/kota Jawa Tengah (sintetis)",
        "{indikator} score across Jawa Tengah kab/kota (synthetic)",
    ),
    "ind_kol_peringkat": ("Peringkat", "Rank"),
    "ind_kol_skor": ("Skor (sintetis)", "Score (synthetic)"),
    "ind_kol_capaian": ("% dari maks.", "% of max."),
    "ind_poin_sintetis": ("poin (sintetis)", "points (synthetic)"),
    "ind_rata_maks": (
        "Rata-rata Jawa Tengah: {rata} dari {maks} poin ({persen}% dari maksimum), evaluasi {tahun}, tahap final.",
        "Jawa Tengah average: {rata} of {maks} points ({persen}% of the maximum), {tahun} evaluation, final stage.",
    ),
    "ind_tren_judul": ("Tren {indikator} (sintetis)", "{indikator} trend (synthetic)"),
    "ind_rata_provinsi": ("Rata-rata kab/kota Jawa Tengah", "Jawa Tengah kab/kota average"),
    "ind_komparabilitas": ("komparabilitas", "comparability"),
    "ind_ganti_skema": ("← KLA31 | KLA24 →", "← KLA31 | KLA24 →"),
    "ind_sumbu_capaian": ("Capaian (% dari nilai maks., sintetis)", "Achievement (% of max., synthetic)"),
    "ind_kol_skema": ("Skema", "Scheme"),
    "ind_kol_sumber_indikator": ("Indikator sumber", "Source indicator"),
    "ind_sama": ("indikator sama", "same indicator"),
    "ind_catatan": ("Catatan", "Note"),
    "ind_silang_peringatan": (
        "Siklus KLA31 (2017) dijembatani lewat tabel padanan {kla31} → indikator ini, dengan komparabilitas "
        "**{komparabilitas}**. Padanan ini disimpulkan proyek, bukan dari sumber resmi; titik berongga tidak "
        "sepenuhnya sebanding.{catatan}",
        "The KLA31 cycle (2017) is bridged through the crosswalk {kla31} → this indicator, with **{komparabilitas}** "
        "comparability. The crosswalk is the project's inference, not an official source; hollow points are not "
        "fully comparable.{catatan}",
    ),
    "ind_data_tren": ("Data tren", "Trend data"),
    "ind_tanpa_padanan": (
        "Indikator KLA31 ini hanya dipakai pada siklus 2017 dan tidak punya padanan di KLA24, jadi tidak ada tren.",
        "This KLA31 indicator was used only in the 2017 cycle and has no KLA24 counterpart, so there is no trend.",
    ),
    "ind_lihat_padanan": (
        "Indikator KLA31 hanya dipakai pada siklus 2017. Trennya ditampilkan pada padanannya di KLA24:",
        "KLA31 indicators were used only in the 2017 cycle. Their trend is shown on the KLA24 counterpart:",
    ),
    "ind_statistik_judul": ("Statistik terkait (data nyata)", "Related statistics (real data)"),
    "ind_statistik_catatan": (
        "Statistik mentah yang menginformasikan indikator ini (kaitannya disimpulkan proyek). Nilai terakhir per "
        "kab/kota; peringkat di antara kab/kota Jawa Tengah pada tahun yang sama, arah terbaik menurut statistiknya.",
        "Raw statistics that inform this indicator (the link is the project's inference). Latest value per kab/kota; "
        "rank among Jawa Tengah kab/kota in the same year, best by the statistic's direction.",
    ),
    "ind_tanpa_statistik": (
        "Belum ada statistik mentah yang terkait dengan indikator ini di katalog.",
        "No raw statistic is linked to this indicator in the catalogue yet.",
    ),
    "ind_tanpa_data_statistik": ("Tanpa data untuk Jawa Tengah: {daftar}.", "No data for Jawa Tengah: {daftar}."),
    "ind_kol_statistik": ("Statistik", "Statistic"),
    "ind_kol_nilai_wilayah": ("Nilai {wilayah} (tahun)", "{wilayah} value (year)"),
    "ind_kol_tren": ("Tren", "Trend"),
    "ind_kol_kabkota_data": ("Kab/kota ber-data", "Kab/kota with data"),
    "ind_dari": ("{peringkat} dari {jumlah}", "{peringkat} of {jumlah}"),
    "ind_kol_rata_kabkota": ("Rata-rata kab/kota (tahun terakhir)", "Kab/kota average (latest year)"),
    "ind_kol_provinsi": ("Jawa Tengah (resmi, tahun)", "Jawa Tengah (official, year)"),
    "ind_kol_tahun_data": ("Tahun data", "Data years"),
    "ind_kol_status": ("Status", "Status"),
    "ind_terverifikasi": ("terverifikasi", "verified"),
    "ind_belum_terverifikasi": ("BELUM terverifikasi", "NOT verified"),
    "ind_tren_membaik": ("membaik", "improving"),
    "ind_tren_memburuk": ("memburuk", "worsening"),
    "ind_tren_tetap": ("tetap", "unchanged"),
    "ind_tanpa_skor": ("Belum ada skor untuk skema {skema}.", "No scores for scheme {skema} yet."),
}
