"""Interface text of the perbandingan page: key → (Indonesian, English)."""

TEKS: dict[str, tuple[str, str]] = {
    "perbandingan_judul": ("{ukuran} dari siklus ke siklus", "{ukuran} across cycles"),
    "perbandingan_wilayah": (
        "Kab/kota yang dibandingkan (yang pertama disematkan)",
        "Regencies/cities to compare (the first is pinned)",
    ),
    "perbandingan_ukuran": ("Ukuran", "Measure"),
    "perbandingan_total": ("Total skor", "Total score"),
    "perbandingan_sebaya": ("Kelompok pembanding", "Peer group"),
    "perbandingan_sebaya_pilihan": ("Pilihan sendiri", "My selection"),
    "perbandingan_sebaya_provinsi": ("Rata-rata provinsi", "Province average"),
    "perbandingan_sebaya_predikat": ("Predikat resmi sama", "Same official predikat"),
    "perbandingan_sebaya_tetangga": ("Tetangga", "Neighbours"),
    "perbandingan_pilih_dulu": (
        "Pilih minimal satu kabupaten/kota untuk dibandingkan.",
        "Pick at least one regency/city to compare.",
    ),
    "perbandingan_tanpa_data": (
        "Tidak ada data KLA untuk kode {kode}, jadi tidak ditampilkan. Data yang tersedia saat ini: Jawa Tengah.",
        "No KLA data for code {kode}, so it is not shown. Data currently available: Jawa Tengah.",
    ),
    "perbandingan_db_kosong": ("Belum ada skor KLA di database.", "No KLA scores in the database yet."),
    "perbandingan_disematkan": (
        "Garis tebal berwarna: **{nama}** (disematkan); garis abu-abu tipis: pembanding.",
        "Thick coloured line: **{nama}** (pinned); thin grey lines: comparison.",
    ),
    "perbandingan_lain": ("Pembanding lain ({jumlah})", "Other regions ({jumlah})"),
    "perbandingan_rata": ("Rata-rata {provinsi}", "{provinsi} average"),
    "perbandingan_predikat_sama": (
        "Predikat resmi sama dengan {nama}: {predikat} ({tahun}).",
        "Same official predikat as {nama}: {predikat} ({tahun}).",
    ),
    "perbandingan_tanpa_predikat": (
        "{nama} belum punya predikat resmi yang tercatat, jadi kelompok predikat sama kosong.",
        "{nama} has no recorded official predikat, so the same-predikat group is empty.",
    ),
    "perbandingan_subjudul": ("Tahap {tahap} · {sintetis}", "Stage: {tahap} · {sintetis}"),
    "perbandingan_sumbu_poin": ("{ukuran} (poin)", "{ukuran} (points)"),
    "perbandingan_sumbu_persen": ("Capaian (% dari nilai maksimum)", "Achievement (% of maximum)"),
    "perbandingan_sumbu_peringkat": ("Peringkat (1 = terbaik)", "Rank (1 = best)"),
    "perbandingan_subtotal": ("Subtotal kelompok", "Group subtotal"),
    "perbandingan_poin": ("poin", "points"),
    "perbandingan_persen_maks": ("% dari maks.", "% of max."),
    "perbandingan_peringkat_judul": (
        "Peringkat total skor di {provinsi}",
        "Rank of total score in {provinsi}",
    ),
    "perbandingan_hover_peringkat": ("peringkat {peringkat} dari {jumlah}", "rank {peringkat} of {jumlah}"),
    "perbandingan_ganti_skema": ("ganti skema {lama} → {baru}", "scheme change {lama} → {baru}"),
    "perbandingan_tanpa_evaluasi": ("tanpa evaluasi", "no evaluation"),
    "perbandingan_celah": (
        "Sumbu mendatar adalah tahun kalender. Tahun tanpa evaluasi ({tahun}) dibiarkan kosong: garis terputus, "
        "tidak diinterpolasi.",
        "The horizontal axis is the calendar year. Years without an evaluation ({tahun}) are left empty: the line "
        "breaks, nothing is interpolated.",
    ),
    "perbandingan_tahap_terbatas": (
        "Tahap {tahap} hanya tersedia untuk siklus {tahun}.",
        "Stage {tahap} is only available for cycles {tahun}.",
    ),
    "perbandingan_komparabilitas": (
        "**{ukuran}** pada siklus berikut diambil dari skema lain lewat peta silang KLA31 → KLA24 (disimpulkan, "
        "bukan resmi), jadi tidak sepenuhnya sebanding: {rincian}. Titiknya digambar dengan penanda kosong.",
        "**{ukuran}** in these cycles comes from another scheme through the KLA31 → KLA24 crosswalk (inferred, not "
        "official), so it is not fully comparable: {rincian}. Those points have hollow markers.",
    ),
    "perbandingan_rincian_komparabilitas": (
        "{tahun} ({skema}: {sumber}; komparabilitas {label})",
        "{tahun} ({skema}: {sumber}; comparability {label})",
    ),
    "perbandingan_hover_komparabilitas": (
        "dari {sumber} lewat peta silang; komparabilitas {label}",
        "from {sumber} through the crosswalk; comparability {label}",
    ),
    "perbandingan_maks_kelompok": (
        "Nilai maksimum kelompok ini berbeda antarskema ({rincian}): subtotal lintas skema tidak sepenuhnya sebanding.",
        "This group's maximum differs between schemes ({rincian}): subtotals across schemes are not fully comparable.",
    ),
    "perbandingan_tabel": ("Tabel angka", "Numbers table"),
    "perbandingan_sumber": (
        "Skor per indikator, total dan peringkat: data contoh (sintetis). Predikat resmi (untuk kelompok predikat "
        "sama): dihimpun dari rilis resmi dan berita. Tetangga: wilayah yang berbatasan langsung.",
        "Per-indicator scores, totals and ranks: synthetic example data. Official predikat (for the same-predikat "
        "group): compiled from official releases and news. Neighbours: regions sharing a border.",
    ),
}
