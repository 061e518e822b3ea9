"""Interface text of the metodologi page: key → (Indonesian, English)."""

TEKS: dict[str, tuple[str, str]] = {
    "met_pengantar": (
        "Dari mana data dasbor ini berasal, seberapa yakin kami, tahun berapa yang tercakup, apa yang sintetis, "
        "dan bagaimana skor dan predikat dihitung. Asumsi penilaian dapat dicoba ulang di bagian terakhir.",
        "Where this dashboard's data comes from, how sure we are of it, which years it covers, what is synthetic, "
        "and how scores and predikat are computed. The scoring assumptions can be tried out in the last section.",
    ),
    # sources
    "met_sumber_judul": ("Sumber data, keyakinan dan lisensi", "Data sources, confidence and licences"),
    "met_ringkas_sumber": (
        "**{jumlah} sumber** di database — menurut jenis: {jenis}. Menurut keyakinan: {keyakinan}.",
        "**{jumlah} sources** in the database — by kind: {jenis}. By confidence: {keyakinan}.",
    ),
    "met_jenis_berita_resmi": ("berita & rilis resmi", "news & official releases"),
    "met_jenis_batas_wilayah": ("batas wilayah", "boundaries"),
    "met_jenis_kode_wilayah": ("kode wilayah", "region codes"),
    "met_jenis_sintetis": ("data contoh sintetis", "synthetic example data"),
    "met_jenis_katalog": ("katalog indikator", "indicator catalogue"),
    "met_jenis_impor": ("impor data oleh pengguna", "imported by users"),
    "met_tanpa_keyakinan": ("tidak dinilai", "not rated"),
    "met_kol_jenis": ("Jenis", "Kind"),
    "met_kol_sitasi": ("Sitasi", "Citation"),
    "met_kol_url": ("Tautan", "Link"),
    "met_kol_lisensi": ("Lisensi", "Licence"),
    "met_kol_sintetis": ("Sintetis", "Synthetic"),
    "met_kol_dipakai": ("Dipakai untuk", "Used for"),
    "met_tabel_predikat_resmi": ("predikat resmi", "official predikat"),
    "met_tabel_statistik_indikator": ("statistik", "statistics"),
    "met_tabel_skor_indikator": ("skor per indikator", "per-indicator scores"),
    "met_tabel_skor_dilaporkan": ("skor yang diberitakan", "reported scores"),
    "met_tabel_rekap_predikat": ("rekap jumlah predikat", "predikat counts"),
    "met_tabel_penghargaan_provinsi": ("Provila", "Provila"),
    "met_tabel_wilayah": ("wilayah & batas", "regions & boundaries"),
    "met_sumber_catatan": (
        "Keyakinan sebuah sumber = keyakinan terendah baris data yang merujuknya (tinggi: dibaca langsung di sumber "
        "untuk wilayah dan tahun itu; sedang: satu sumber sekunder atau disimpulkan dari pernyataan beberapa tahun; "
        "rendah: sumber bertentangan atau kompilasi tidak resmi). Berita dan rilis resmi dirujuk sebagai sumber "
        "fakta; teksnya tidak disalin. Rujukan isi katalog indikator tercantum per indikator di halaman Indikator.",
        "A source's confidence = the lowest confidence of the data rows citing it (high: read directly in a source "
        "for that region and year; medium: one secondary source, or worked out from a multi-year statement; low: "
        "sources conflict or a non-official compilation). News and official releases are cited as sources of facts; "
        "their text is not copied. References for the indicator catalogue are listed per indicator on the "
        "Indicators page.",
    ),
    "met_atribusi_judul": ("Atribusi batas & kode wilayah", "Boundary & region-code attribution"),
    "met_atribusi_lisensi": (
        "Lisensi: **{lisensi}** ({hak_cipta}). Pemberitahuan lisensi harus ikut bila data ini disebarkan ulang.",
        "Licence: **{lisensi}** ({hak_cipta}). The licence notice must travel with any redistribution of this data.",
    ),
    "met_teks_lisensi": ("Teks lisensi {lisensi}", "{lisensi} licence text"),
    # vintages
    "met_cakupan_judul": ("Cakupan dan tahun data", "Coverage and data vintages"),
    "met_cakupan_predikat": ("Predikat resmi Jawa Tengah per siklus", "Official predikat for Jawa Tengah per cycle"),
    "met_kol_tercatat": ("Kab/kota dengan hasil tercatat", "Kab/kota with a recorded result"),
    "met_kol_berpredikat": ("Berpredikat", "With predikat"),
    "met_kol_tidak_ada": ("Tidak berpredikat", "No award"),
    "met_kol_keyakinan_rincian": ("Keyakinan tinggi / sedang / rendah", "Confidence high / medium / low"),
    "met_kol_lengkap": ("Lengkap", "Complete"),
    "met_cakupan_predikat_catatan": (
        "Predikat resmi adalah data nyata dari rilis resmi dan berita. Kab/kota tanpa hasil tercatat ditampilkan "
        "sebagai “Data tidak ditemukan” dan tidak pernah diisi dengan tebakan.",
        "Official predikat are real data from official releases and news. Kab/kota without a recorded result are "
        "shown as “No data found” and are never filled in with a guess.",
    ),
    "met_cakupan_statistik": ("Statistik mentah per tahun", "Raw statistics by year"),
    "met_kol_statistik": ("Statistik", "Statistic"),
    "met_kol_tahun": ("Tahun data", "Data years"),
    "met_kol_kabkota": ("Kab/kota", "Kab/kota"),
    "met_kol_provinsi_resmi": ("Angka provinsi", "Province figure"),
    "met_kol_keyakinan_min": ("Keyakinan terendah", "Lowest confidence"),
    "met_kol_status": ("Status", "Status"),
    "met_terverifikasi": ("terverifikasi", "verified"),
    "met_belum_terverifikasi": ("BELUM terverifikasi", "NOT verified"),
    "met_kol_indikator": ("Indikator terkait", "Related indicators"),
    "met_cakupan_wilayah": ("Kode dan batas wilayah", "Region codes and boundaries"),
    "met_vintage_wilayah": (
        "- **Kode & nama wilayah**: Kepmendagri No. 300.2.2-2138/2025 (38 provinsi, 514 kab/kota), lewat "
        "cahyadsn/wilayah (MIT).\n"
        "- **Batas kab/kota dan kecamatan**: cahyadsn/wilayah_boundaries (MIT), disederhanakan dengan topologi "
        "terjaga; cocok untuk peta tematik, bukan untuk pengukuran. Luas resmi: BIG (2024).\n"
        "- **Kode BPS**: jembatan kode BPS–Kemendagri (sig.bps.go.id, 2020).",
        "- **Region codes & names**: Kepmendagri No. 300.2.2-2138/2025 (38 provinces, 514 kab/kota), via "
        "cahyadsn/wilayah (MIT).\n"
        "- **Kab/kota and kecamatan boundaries**: cahyadsn/wilayah_boundaries (MIT), simplified with topology kept; "
        "fit for thematic maps, not for measuring. Official areas: BIG (2024).\n"
        "- **BPS codes**: the BPS–Kemendagri code bridge (sig.bps.go.id, 2020).",
    ),
    "met_sintetis_judul": ("Apa yang sintetis", "What is synthetic"),
    "met_sintetis_isi": (
        "**Skor per indikator semua 35 kab/kota Jawa Tengah di setiap siklus adalah data contoh (sintetis)**: skor "
        "resmi per indikator tidak dipublikasikan. Skor ini dibangkitkan secara deterministik (hasilnya sama setiap "
        "kali database dibangun) dan disesuaikan agar total final berada di dalam pita predikat resmi yang diketahui "
        "(kab/kota tanpa penghargaan di bawah 500). Total, peringkat, predikat hitung dan tren skor karenanya ikut "
        "sintetis; predikat resmi dan statistik mentah adalah data nyata.",
        "**Per-indicator scores of all 35 Jawa Tengah kab/kota in every cycle are synthetic example data**: official "
        "per-indicator scores are not published. They are generated deterministically (the same every time the "
        "database is built) and fitted so the final total falls inside the known official predikat band (kab/kota "
        "without an award stay below 500). Totals, ranks, computed predikat and score trends are therefore "
        "synthetic too; official predikat and raw statistics are real data.",
    ),
    "met_kol_skema": ("Skema", "Scheme"),
    "met_kol_jumlah_indikator": ("Indikator", "Indicators"),
    "met_belum_terverifikasi_judul": ("Apa yang belum terverifikasi", "What is unverified"),
    "met_belum_terverifikasi_butir": (
        "- **{nama}** (`{kode}`): tahun {tahun}; {kabkota} kab/kota; keyakinan {keyakinan}. {catatan} "
        "Ditampilkan terpisah dan selalu bertanda “belum terverifikasi”.",
        "- **{nama}** (`{kode}`): years {tahun}; {kabkota} kab/kota; {keyakinan} confidence. {catatan} "
        "Shown separately and always marked “not verified”.",
    ),
    "met_semua_terverifikasi": ("Semua statistik mentah terverifikasi.", "Every raw statistic is verified."),
    # scoring method
    "met_metode_judul": ("Metode penilaian", "Scoring method"),
    "met_metode_total": (
        "**Total skor = jumlah skor semua indikator = jumlah subtotal kelompok** (Kelembagaan + Klaster I–V), dengan "
        "maksimum **1.000** (terkonfirmasi ≥2 sumber). Bobot tiap indikator berbeda, tetapi nilai maksimum resmi per "
        "indikator tidak ditemukan; pembagian di bawah adalah **asumsi proyek**:",
        "**Total score = sum of all indicator scores = sum of the group subtotals** (Kelembagaan + Klaster I–V), out "
        "of **1,000** (confirmed by 2+ sources). Indicators carry different weights, but the official per-indicator "
        "maxima were not found; the split below is the **project's assumption**:",
    ),
    "met_kol_kelompok": ("Kelompok", "Group"),
    "met_total": ("Total", "Total"),
    "met_metode_pita": (
        "**Predikat hitung** dibaca dari total dengan pita berikut (terkonfirmasi ≥2 sumber). Total di bawah pita "
        "terendah: “{tanpa}”. Predikat resmi adalah keputusan verifikasi dan bisa berbeda dari predikat hitung.",
        "The **computed predikat** is read from the total with these bands (confirmed by 2+ sources). Totals below "
        "the lowest band: “{tanpa}” (no predikat). The official predikat is a verification decision and can differ "
        "from the computed one.",
    ),
    "met_kol_predikat": ("Predikat", "Predikat"),
    "met_kol_rentang_resmi": ("Rentang di sumber (bilangan bulat)", "Range in the sources (integers)"),
    "met_kol_batas_pecahan": ("Batas untuk total pecahan", "Edges for non-integer totals"),
    "met_batas_dan": ("{bawah} dan {atas}", "{bawah} and {atas}"),
    "met_resolusi": (
        "Skor dicatat dengan dua desimal, jadi langkah terkecil yang melewati batas eksklusif adalah **{resolusi}** "
        "poin (resolusi skor): misalnya dari 580 ke Madya (> 600) perlu 20,01 poin.",
        "Scores carry two decimals, so the smallest step across an exclusive edge is **{resolusi}** points (the "
        "score resolution): e.g. from 580 to Madya (> 600) takes 20.01 points.",
    ),
    "met_catatan_katalog": ("Catatan katalog", "Catalogue note"),
    # editable assumptions
    "met_asumsi_judul": ("Asumsi yang dapat diubah (bagaimana jika)", "Editable assumptions (what if)"),
    "met_asumsi_sesi": (
        "Ubah nilai maksimum per indikator atau batas bawah pita predikat untuk melihat efeknya. Perubahan hanya "
        "berlaku di sesi browser ini sebagai simulasi “bagaimana jika”: **tidak disimpan** dan tidak mengubah data "
        "atau halaman lain. Muat ulang halaman untuk kembali ke nilai bawaan.",
        "Change the per-indicator maxima or the lower edges of the predikat bands to see the effect. Edits apply "
        "only in this browser session as a what-if: **nothing is saved**, and no data or other page changes. "
        "Reload the page to return to the defaults.",
    ),
    "met_skema": ("Skema", "Scheme"),
    "met_maks_judul": ("Nilai maksimum per indikator, {skema}", "Maximum score per indicator, {skema}"),
    "met_kol_indikator_id": ("Indikator", "Indicator"),
    "met_kol_label": ("Label", "Label"),
    "met_kol_maks_bawaan": ("Bawaan", "Default"),
    "met_kol_maks_baru": ("Maks. (ubah)", "Max. (edit)"),
    "met_jumlah_maks": ("Jumlah nilai maksimum: {jumlah} dari {total}.", "Sum of maxima: {jumlah} of {total}."),
    "met_pita_judul": ("Batas bawah pita predikat", "Lower edges of the predikat bands"),
    "met_kol_aturan_bawaan": ("Bawaan", "Default"),
    "met_kol_bawah_baru": ("Batas bawah (ubah)", "Lower edge (edit)"),
    "met_pita_catatan": (
        "Tiap pita berakhir di batas bawah pita berikutnya; sisi mana yang memiliki batas tetap seperti bawaan.",
        "Each band ends at the next band's lower edge; which side owns the edge stays as in the defaults.",
    ),
    "met_maks_kosong": ("Nilai maksimum {indikator} belum diisi.", "The maximum of {indikator} is empty."),
    "met_maks_tidak_positif": (
        "Nilai maksimum {indikator} harus lebih dari 0 (sekarang {nilai}).",
        "The maximum of {indikator} must be greater than 0 (now {nilai}).",
    ),
    "met_maks_jumlah": (
        "Jumlah nilai maksimum harus tepat {total}, sekarang {jumlah} (selisih {selisih}). Ubah nilai indikator lain "
        "sampai jumlahnya {total}.",
        "The maxima must sum to exactly {total}; they now sum to {jumlah} (difference {selisih}). Adjust other "
        "indicators until the sum is {total}.",
    ),
    "met_batas_kosong": ("Batas bawah {predikat} belum diisi.", "The lower edge of {predikat} is empty."),
    "met_batas_di_luar": (
        "Batas bawah {predikat} harus antara 0 dan di bawah {total} (sekarang {nilai}).",
        "The lower edge of {predikat} must be from 0 to below {total} (now {nilai}).",
    ),
    "met_batas_tidak_naik": (
        "Batas bawah {predikat} ({nilai}) harus lebih besar dari batas bawah {sebelumnya} ({nilai_sebelumnya}).",
        "The lower edge of {predikat} ({nilai}) must be greater than that of {sebelumnya} ({nilai_sebelumnya}).",
    ),
    "met_pita_dipakai": ("Pita yang dipakai", "Bands used"),
    "met_efek_judul": (
        "Efeknya pada predikat hitung Jawa Tengah, evaluasi {tahun} (skor sintetis)",
        "Effect on computed predikat in Jawa Tengah, {tahun} evaluation (synthetic scores)",
    ),
    "met_kol_bawaan": ("Bawaan", "Default"),
    "met_kol_what_if": ("Bagaimana jika", "What if"),
    "met_kol_selisih": ("Selisih", "Change"),
    "met_kol_total_bawaan": ("Total bawaan", "Default total"),
    "met_kol_total_baru": ("Total bagaimana jika", "What-if total"),
    "met_kol_predikat_berubah": ("Predikat hitung", "Computed predikat"),
    "met_jumlah_berubah": ("Kab/kota yang predikat hitungnya berubah", "Kab/kota whose computed predikat changes"),
    "met_efek_catatan": (
        "Tiap skor indikator diskalakan sebanding: skor × maks. baru ÷ maks. lama, lalu dijumlahkan lagi dan dibaca "
        "dengan pita di atas. Tahap final; predikat hitung, bukan predikat resmi. Skor per indikator sintetis.",
        "Each indicator score is rescaled in proportion: score × new max. ÷ old max., then summed again and read "
        "with the bands above. Final stage; computed predikat, not the official one. Per-indicator scores are "
        "synthetic.",
    ),
}
