"""Interface text of the login form and the Unggah Data page: key → (Indonesian, English)."""

from __future__ import annotations

from indicators.format import Bahasa

TEKS: dict[str, tuple[str, str]] = {
    "hal_unggah": ("Unggah Data", "Upload data"),
    # login
    "masuk_judul": ("Masuk", "Log in"),
    "masuk_perlu": (
        "Halaman ini hanya untuk pengguna yang masuk.",
        "This page is for logged-in users only.",
    ),
    "masuk_perlu_unggah": (
        "Mengimpor data memerlukan akun (admin, atau editor untuk kab/kota tertentu). Melihat dasbor tidak.",
        "Importing data requires an account (admin, or editor for given regencies/cities). Viewing does not.",
    ),
    "masuk_nama": ("Nama pengguna", "User name"),
    "masuk_sandi": ("Sandi", "Password"),
    "masuk_tombol": ("Masuk", "Log in"),
    "masuk_gagal": ("Nama pengguna atau sandi salah.", "Wrong user name or password."),
    "masuk_kosong": ("Isi nama pengguna dan sandi.", "Fill in the user name and the password."),
    "masuk_terkunci": (
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {menit} menit.",
        "Too many failed login attempts. Try again in {menit} minutes.",
    ),
    "masuk_sesi_habis": (
        "Sesi Anda berakhir karena tidak aktif selama {menit} menit; silakan masuk lagi.",
        "Your session ended after {menit} idle minutes; please log in again.",
    ),
    "masuk_belum_ada_akun": (
        "Belum ada akun. Admin server membuatnya dengan: `kla user add NAMA --role admin`",
        "No accounts yet. The server admin creates one with: `kla user add NAME --role admin`",
    ),
    "masuk_sebagai": ("Masuk sebagai **{nama}** ({peran}: {lingkup})", "Logged in as **{nama}** ({peran}: {lingkup})"),
    "masuk_keluar": ("Keluar", "Log out"),
    "masuk_galat_akun": (
        "Berkas akun tidak dapat dibaca; hubungi admin.",
        "The accounts file cannot be read; contact the admin.",
    ),
    # page
    "unggah_judul": ("Unggah data", "Upload data"),
    "unggah_pengantar": (
        "Unduh templat, isi, lalu unggah. Semua masalah ditampilkan sekaligus; tidak ada yang berubah sebelum "
        "Anda menekan **Konfirmasi impor**. Setiap impor tercatat dan dapat dibatalkan.",
        "Download a template, fill it in, upload it. Every problem is listed at once; nothing changes until you "
        "press **Confirm import**. Every import is recorded and can be rolled back.",
    ),
    "unggah_lingkup": ("Lingkup akun Anda: {lingkup}", "Your account's scope: {lingkup}"),
    "unggah_langkah_templat": ("1. Unduh templat", "1. Download a template"),
    "unggah_jenis": ("Jenis data", "Kind of data"),
    "unggah_jenis_skor": ("Skor indikator", "Indicator scores"),
    "unggah_jenis_statistik": ("Statistik", "Statistics"),
    "unggah_jenis_predikat": ("Predikat resmi", "Official predikat"),
    "unggah_jenis_deteksi": ("Deteksi dari kolom", "Detect from the columns"),
    "unggah_tahun_templat": ("Tahun yang diisi", "Year to prefill"),
    "unggah_tanpa_tahun": ("(tanpa isian)", "(no prefill)"),
    "unggah_tahap_templat": ("Tahap yang diisi", "Stage to prefill"),
    "unggah_unduh": ("Unduh templat {jenis} (.xlsx)", "Download the {jenis} template (.xlsx)"),
    "unggah_templat_catatan": (
        "Templat berisi petunjuk, judul kolom terkunci, pilihan (dropdown) kode wilayah, indikator dan tahap, "
        "serta nama di samping kode. CSV dengan kolom yang sama juga diterima.",
        "The template has instructions, a locked header, drop-downs for region codes, indicators and stages, "
        "and the names beside the codes. A CSV with the same columns is accepted too.",
    ),
    "unggah_langkah_berkas": ("2. Unggah berkas", "2. Upload the file"),
    "unggah_pemilih": ("Berkas .xlsx atau .csv", "An .xlsx or .csv file"),
    "unggah_batas": (
        "Batas: {mb} MB dan {baris} baris per berkas; XLSX dengan makro, tautan luar atau isi yang mengembang "
        "berlebihan ditolak.",
        "Limits: {mb} MB and {baris} rows per file; XLSX with macros, external links or contents that expand "
        "excessively are refused.",
    ),
    "unggah_ada_masalah": (
        "Ditemukan {n} masalah; berkas tidak diimpor. Perbaiki lalu unggah lagi.",
        "Found {n} problem(s); the file was not imported. Fix them and upload again.",
    ),
    "unggah_catatan": ("Catatan pemeriksaan", "Notes from the check"),
    "unggah_berkas_info": (
        "{berkas}{sheet} · jenis {jenis} · SHA-256 {sha}",
        "{berkas}{sheet} · kind {jenis} · SHA-256 {sha}",
    ),
    "unggah_langkah_pratinjau": ("3. Pratinjau", "3. Preview"),
    "unggah_baru": ("Baris baru", "New rows"),
    "unggah_berubah": ("Berubah", "Changed"),
    "unggah_sama": ("Sama", "Unchanged"),
    "unggah_dihapus": ("Skor sintetis diganti", "Synthetic scores replaced"),
    "unggah_baris": ("Baris yang akan ditulis", "Rows to be written"),
    "unggah_dampak": ("Dampak pada total dan predikat hitung", "Effect on totals and computed predikat"),
    "unggah_dampak_predikat": ("Predikat resmi yang berubah", "Official predikat that change"),
    "unggah_tidak_ada_perubahan": (
        "Semua baris sama dengan data tersimpan; tidak ada yang perlu diimpor.",
        "Every row equals the stored data; there is nothing to import.",
    ),
    "unggah_konfirmasi": ("Konfirmasi impor", "Confirm import"),
    "unggah_konfirmasi_catatan": (
        "Impor berlaku utuh atau tidak sama sekali, dan dapat dibatalkan dari riwayat di bawah.",
        "The import lands whole or not at all, and can be rolled back from the history below.",
    ),
    "unggah_berhasil": (
        "Impor #{id} tersimpan: {baru} baris baru, {berubah} berubah.",
        "Import #{id} saved: {baru} new rows, {berubah} changed.",
    ),
    "unggah_langkah_riwayat": ("4. Riwayat impor", "4. Import history"),
    "unggah_riwayat_kosong": ("Belum ada impor.", "No imports yet."),
    "unggah_batalkan": ("Batalkan impor #{id}", "Roll back import #{id}"),
    "unggah_batal_tanya": (
        "Batalkan impor #{id} ({berkas})? Nilai sebelum impor itu dipulihkan persis.",
        "Roll back import #{id} ({berkas})? The values before it are restored exactly.",
    ),
    "unggah_batal_ya": ("Ya, batalkan #{id}", "Yes, roll back #{id}"),
    "unggah_batal_tidak": ("Tidak", "No"),
    "unggah_batal_berhasil": (
        "Impor #{id} dibatalkan ({n} kunci dipulihkan); tercatat sebagai #{log}.",
        "Import #{id} rolled back ({n} keys restored); logged as #{log}.",
    ),
    "unggah_batal_luar_lingkup": (
        "Impor #{id} menyentuh wilayah di luar lingkup Anda; hanya admin yang dapat membatalkannya.",
        "Import #{id} touched regions outside your scope; only an admin can roll it back.",
    ),
    "unggah_galat": (
        "Maaf, langkah ini gagal ({rincian}). Database tidak berubah. Coba lagi; jika berulang, laporkan ke admin.",
        "Sorry, this step failed ({rincian}). The database is unchanged. Try again; if it repeats, tell the admin.",
    ),
    "unggah_sintetis": (
        "Nilai lama bertanda *sintetis* adalah data contoh yang akan diganti data nyata.",
        "Old values marked *synthetic* are example data that real data replaces.",
    ),
    # column headers
    "kol_berkas": ("Berkas", "File"),
    "kol_sheet": ("Sheet", "Sheet"),
    "kol_baris": ("Baris", "Row"),
    "kol_kolom": ("Kolom", "Column"),
    "kol_sel": ("Sel", "Cell"),
    "kol_nilai": ("Nilai", "Value"),
    "kol_masalah": ("Masalah", "Problem"),
    "kol_harapan": ("Harapan", "Expected"),
    "kol_tahun": ("Tahun", "Year"),
    "kol_wilayah": ("Kode wilayah", "Region code"),
    "kol_nama": ("Nama", "Name"),
    "kol_indikator": ("Indikator", "Indicator"),
    "kol_tahap": ("Tahap", "Stage"),
    "kol_satuan": ("Satuan", "Unit"),
    "kol_nilai_lama": ("Nilai lama", "Old value"),
    "kol_nilai_baru": ("Nilai baru", "New value"),
    "kol_predikat_lama": ("Predikat lama", "Old predikat"),
    "kol_predikat_baru": ("Predikat baru", "New predikat"),
    "kol_status": ("Status", "Status"),
    "kol_total_lama": ("Total sebelum", "Total before"),
    "kol_total_baru": ("Total sesudah", "Total after"),
    "kol_predikat_hitung_lama": ("Predikat hitung sebelum", "Computed predikat before"),
    "kol_predikat_hitung_baru": ("Predikat hitung sesudah", "Computed predikat after"),
    "kol_id": ("ID", "ID"),
    "kol_waktu": ("Waktu", "Time"),
    "kol_pengguna": ("Pengguna", "User"),
    "kol_jenis": ("Jenis", "Kind"),
    "kol_sha": ("SHA-256", "SHA-256"),
    "kol_jumlah_baru": ("Baru", "New"),
    "kol_jumlah_berubah": ("Berubah", "Changed"),
    "kol_jumlah_sama": ("Sama", "Unchanged"),
    "kol_jumlah_dihapus": ("Sintetis diganti", "Synthetic replaced"),
    "status_baru": ("baru", "new"),
    "status_berubah": ("berubah", "changed"),
    "status_sama": ("sama", "unchanged"),
    "status_berhasil": ("berlaku", "in force"),
    "status_dibatalkan": ("dibatalkan", "rolled back"),
    "jenis_pembatalan": ("pembatalan", "rollback"),
    "sintetis": ("sintetis", "synthetic"),
    "belum_ada": ("belum ada", "none yet"),
    "belum_lengkap": ("belum lengkap, {n} indikator", "incomplete, {n} indicators"),
    "tanpa_predikat": ("tanpa predikat", "no predikat"),
    "semua_wilayah": ("semua wilayah", "all regions"),
}


def t(kunci: str, bahasa: Bahasa, **isian: object) -> str:
    """Return the text for ``kunci`` in ``bahasa``, with ``{placeholders}`` filled in."""
    teks = TEKS[kunci][0 if bahasa == "id" else 1]
    return teks.format(**isian) if isian else teks
