"""Interface text of the profil page: key → (Indonesian, English)."""

TEKS: dict[str, tuple[str, str]] = {
    "profil_judul": ("Profil {nama} — evaluasi {tahun}", "Profile of {nama} — {tahun} evaluation"),
    "profil_judul_singkat": ("Profil {nama}", "Profile of {nama}"),
    "profil_sintetis_pendek": ("sintetis", "synthetic"),
    # headline
    "profil_kpi_resmi": ("Predikat resmi {tahun}", "Official predikat {tahun}"),
    "profil_kpi_keyakinan": ("Keyakinan data: {keyakinan}", "Data confidence: {keyakinan}"),
    "profil_kpi_peringkat": ("Peringkat total di provinsi", "Rank of total in the province"),
    "profil_peringkat_dari": ("{peringkat} dari {jumlah}", "{peringkat} of {jumlah}"),
    "profil_total": ("Total skor", "Total score"),
    "profil_predikat_hitung": ("Predikat hitung", "Computed predikat"),
    "profil_beda_ya": ("≠ berbeda dari resmi", "≠ differs from official"),
    # history
    "profil_riwayat": ("Riwayat predikat", "Predikat history"),
    "profil_tanpa_evaluasi": ("tanpa evaluasi", "no evaluation"),
    "profil_resmi_tidak_ditemukan": ("predikat resmi: data tidak ditemukan", "official predikat: no data found"),
    "profil_riwayat_catatan": (
        "Lingkaran berwarna = predikat resmi (data nyata; lingkaran kosong = data tidak ditemukan, tidak diisi). "
        "Belah ketupat = predikat hasil hitung dari skor sintetis; merah dengan tanda ≠ bila berbeda dari yang "
        "resmi. Siklus evaluasi tidak tahunan: tahun yang diarsir tidak punya evaluasi.",
        "Coloured circles = official predikat (real data; an open circle = no data found, never filled in). "
        "Diamonds = predikat computed from synthetic scores; red with ≠ where it differs from the official one. "
        "Evaluation cycles are not annual: shaded years had no evaluation.",
    ),
    "profil_riwayat_tabel": ("Tabel riwayat predikat", "Predikat history table"),
    "profil_skema": ("Skema", "Scheme"),
    "profil_beda": ("Beda", "Difference"),
    # groups
    "profil_kelompok": ("Skor per kelompok", "Score by group"),
    "profil_kelompok_kolom": ("Kelompok", "Group"),
    "profil_maks_asumsi": ("Maks. (alokasi bawaan proyek, asumsi)", "Max. (project default allocation, assumed)"),
    "profil_skor": ("Skor", "Score"),
    "profil_rata_provinsi": ("Rata-rata provinsi", "Province average"),
    "profil_poin": ("Poin", "Points"),
    "profil_maks_catatan": (
        "Nilai maksimum per kelompok adalah alokasi bawaan proyek untuk skema {skema} (asumsi): nilai maksimum "
        "resmi per indikator tidak dipublikasikan. Garis hitam = rata-rata kab/kota di provinsi.",
        "Group maxima are the project's default allocation for scheme {skema} (an assumption): the official "
        "per-indicator maxima are unpublished. Black tick = average of the province's kab/kota.",
    ),
    # gap
    "profil_selisih": ("Selisih ke predikat berikutnya", "Gap to the next predikat"),
    "profil_selisih_teks": (
        "Total ini kurang **{selisih} poin** untuk mencapai **{predikat}**. {jumlah} indikator dengan ruang "
        "terbesar (maks. − skor; oranye) sudah cukup untuk menutup selisih itu.",
        "This total is **{selisih} points** short of **{predikat}**. The {jumlah} indicators with the most room "
        "(max. − score; orange) are enough to close that gap.",
    ),
    "profil_selisih_teks_satu": (
        "Total ini kurang **{selisih} poin** untuk mencapai **{predikat}**. Indikator dengan ruang terbesar "
        "(maks. − skor; oranye) saja sudah cukup untuk menutup selisih itu.",
        "This total is **{selisih} points** short of **{predikat}**. The indicator with the most room "
        "(max. − score; orange) alone is enough to close that gap.",
    ),
    "profil_puncak": ("Total ini sudah di predikat tertinggi.", "This total is already in the top predikat."),
    "profil_menutup": ("Menutup selisih ke {predikat}", "Closes the gap to {predikat}"),
    "profil_lainnya": ("Indikator lain", "Other indicators"),
    "profil_ruang": ("Ruang", "Room"),
    "profil_ruang_poin": ("Ruang tersisa, poin (sintetis)", "Room left, points (synthetic)"),
    "profil_ruang_tabel": ("Semua indikator menurut ruang tersisa", "All indicators by room left"),
    "profil_peringkat_ruang": ("#", "#"),
    "profil_indikator": ("Indikator", "Indicator"),
    "profil_maks": ("Maks. (asumsi)", "Max. (assumed)"),
    "profil_menutup_kolom": ("Menutup selisih", "Closes the gap"),
    # stages
    "profil_tahap_judul": ("Dari evaluasi mandiri ke final", "From self-assessment to final"),
    "profil_tahap_catatan": (
        "Total skor (sintetis) di tiap tahap; panah = perubahan dari tahap sebelumnya.",
        "Total score (synthetic) at each stage; arrow = change from the previous stage.",
    ),
    "profil_kehilangan": (
        "Indikator yang paling banyak berkurang saat verifikasi (final − mandiri; skor sintetis):",
        "Indicators that lost the most at verification (final − self-assessment; synthetic scores):",
    ),
    "profil_tanpa_kehilangan": (
        "Tidak ada indikator yang berkurang saat verifikasi.",
        "No indicator lost points at verification.",
    ),
    "profil_berubah_verifikasi": ("Perubahan (final − mandiri)", "Change (final − self-assessment)"),
    # indicator table
    "profil_tabel_indikator": ("Semua indikator dan statusnya", "Every indicator and its status"),
    "profil_persen_maks": ("% dari maks.", "% of max."),
    "profil_status": ("Status", "Status"),
    "profil_status_penuh": ("penuh", "full"),
    "profil_status_baik": ("baik", "good"),
    "profil_status_sebagian": ("sebagian", "partial"),
    "profil_status_rendah": ("rendah", "low"),
    "profil_status_belum_ada_skor": ("belum ada skor", "no score yet"),
    "profil_status_aturan": (
        "Aturan status (dari skor ÷ maks.): penuh = sama dengan maks.; baik = ≥ 80 % (setara batas bawah Utama, "
        "800 dari 1000); sebagian = 50 % sampai < 80 %; rendah = < 50 % (di bawah laju batas Pratama, 500); "
        "belum ada skor = indikator tanpa skor. Maks. adalah asumsi proyek, jadi status ini alat baca, "
        "bukan penilaian resmi.",
        "Status rule (score ÷ max.): full = at the max.; good = ≥ 80 % (like Utama's lower edge, 800 of 1000); "
        "partial = 50 % to < 80 %; low = < 50 % (below the pace of Pratama's edge, 500); no score yet = the indicator "
        "has no score. The maxima are a project assumption, so this status is a reading aid, not an official "
        "finding.",
    ),
    # what-if
    "profil_simulasi": ("Simulasi: bagaimana jika…", "What-if simulator"),
    "profil_simulasi_bantuan": (
        "Ubah skor indikator (0 sampai maks., langkah 0,5; indikator dengan ruang terbesar lebih dulu) atau isi "
        "statistik mentah untuk indikator yang punya rubrik, lalu tekan Hitung. Tidak ada yang disimpan.",
        "Change indicator scores (0 to max., step 0.5; indicators with the most room first) or enter raw "
        "statistics for indicators with a rubric, then press Calculate. Nothing is saved.",
    ),
    "profil_sim_bantuan_skor": ("Skor 0 sampai {maks} (maks. asumsi proyek).", "Score 0 to {maks} (assumed max.)."),
    "profil_sim_lainnya": ("{jumlah} indikator lainnya", "{jumlah} other indicators"),
    "profil_sim_statistik": (
        "**Statistik mentah → skor lewat rubrik (asumsi proyek)**; kosongkan bila tidak dipakai:",
        "**Raw statistics → score through a rubric (project assumption)**; leave empty if unused:",
    ),
    "profil_sim_rubrik_bantuan": (
        "Diubah menjadi skor {indikator} dengan rubrik asumsi proyek (bukan rubrik resmi KemenPPPA).",
        "Turned into the score of {indikator} by a project-assumption rubric (not the official KemenPPPA one).",
    ),
    "profil_sim_terakhir": ("Nilai nyata terakhir: {nilai} ({tahun}).", "Latest real value: {nilai} ({tahun})."),
    "profil_sim_kosong": ("tidak dipakai", "not used"),
    "profil_sim_kirim": ("Hitung", "Calculate"),
    "profil_sim_galat": (
        "Masukan simulasi tidak sah, periksa lagi: {pesan}",
        "Invalid what-if input, please check: {pesan}",
    ),
    "profil_sim_hasil": ("**Hasil simulasi**", "**What-if result**"),
    "profil_sim_total_baru": ("Total baru", "New total"),
    "profil_sim_predikat_baru": ("Predikat hitung baru", "New computed predikat"),
    "profil_sim_dari": ("sebelumnya {predikat}", "was {predikat}"),
    "profil_sim_selisih_baru": ("Selisih ke predikat berikutnya", "Gap to the next predikat"),
    "profil_sim_selisih_nilai": ("{selisih} ke {predikat}", "{selisih} to {predikat}"),
    "profil_sim_puncak": ("sudah tertinggi", "already the top"),
    "profil_sim_sebelum": ("Sebelum", "Before"),
    "profil_sim_sesudah": ("Sesudah", "After"),
    "profil_asumsi_judul": ("**Asumsi simulasi ini**", "**Assumptions of this what-if**"),
    "profil_asumsi_maks": (
        "Nilai maksimum indikator adalah alokasi bawaan proyek (asumsi; maksimum resmi tidak dipublikasikan).",
        "Indicator maxima are the project's default allocation (assumed; the official maxima are unpublished).",
    ),
    "profil_asumsi_sintetis": (
        "Skor awal adalah data contoh (sintetis); skor yang Anda ketik menggantikannya.",
        "The starting scores are synthetic example data; scores you type replace them.",
    ),
    "profil_asumsi_rubrik": (
        "{indikator}: {statistik} = {nilai} {satuan} → {porsi} % dari maks. = {skor} poin (rubrik asumsi proyek, "
        "bukan rubrik resmi).",
        "{indikator}: {statistik} = {nilai} {satuan} → {porsi} % of max. = {skor} points (project-assumption "
        "rubric, not the official one).",
    ),
    "profil_asumsi_diketik": (
        "{indikator}: skor yang diketik dipakai, menggantikan hasil rubrik.",
        "{indikator}: the typed score is used instead of the rubric result.",
    ),
    # peers
    "profil_sebaya": ("Wilayah tetangga", "Neighbouring regions"),
    "profil_wilayah_ini": ("wilayah ini", "this region"),
    "profil_tanpa_tetangga": ("Tidak ada data wilayah tetangga.", "No neighbour data."),
}
