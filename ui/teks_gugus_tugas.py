"""Interface text of the Gugus Tugas page: key → (Indonesian, English)."""

from __future__ import annotations

from indicators.format import Bahasa

TEKS: dict[str, tuple[str, str]] = {
    "gt_judul": ("Gugus Tugas KLA {nama}", "KLA task force: {nama}"),
    "gt_subjudul": (
        "Siapa menyiapkan data dukung apa, kesiapan per klaster dan OPD, dan kemajuan menuju evaluasi {tahun}.",
        "Who prepares which evidence, readiness per cluster and OPD, and progress toward the {tahun} evaluation.",
    ),
    "gt_hanya_baca": (
        "Mode baca saja. Masuk dengan akun editor wilayah ini untuk mengubah checklist dan mencatat snapshot.",
        "Read-only. Log in with an editor account for this region to change the checklist and record snapshots.",
    ),
    "gt_luar_lingkup": (
        "Akun {nama} (lingkup {lingkup}) tidak dapat mengubah {wilayah}; tampilan baca saja.",
        "Account {nama} (scope {lingkup}) cannot change {wilayah}; read-only view.",
    ),
    "gt_boleh_ubah": (
        "Masuk sebagai {nama}: Anda dapat mengubah checklist {wilayah}.",
        "Logged in as {nama}: you can edit {wilayah}'s checklist.",
    ),
    "gt_masuk": ("Masuk untuk mengubah", "Log in to edit"),
    # cards
    "gt_kartu_siap": ("Butir lengkap", "Items complete"),
    "gt_kartu_siap_nilai": ("{selesai} dari {jumlah}", "{selesai} of {jumlah}"),
    "gt_kartu_persen": ("Kesiapan", "Readiness"),
    "gt_kartu_terlambat": ("Lewat tenggat", "Overdue"),
    "gt_kartu_belum": ("Belum ada", "Missing"),
    "gt_kartu_poin": ("Poin dipertaruhkan", "Points at stake"),
    "gt_asumsi_poin": (
        "Poin dipertaruhkan: setiap butir yang belum lengkap membawa bagian sama dari nilai maksimum indikatornya. "
        "Nilai maksimum adalah alokasi bawaan proyek (asumsi; nilai maksimum resmi tidak dipublikasikan), dan "
        "pembagian sama juga asumsi. Lewat tenggat = tenggat sebelum hari ini ({hari_ini}) dan belum lengkap.",
        "Points at stake: each incomplete item carries an equal share of its indicator's maximum. The maxima are "
        "the project's default allocation (an assumption; the official maxima are unpublished), and the equal "
        "split is an assumption too. Overdue = due before today ({hari_ini}) and not complete.",
    ),
    "gt_acuan_sintetis": (
        "Urutan prioritas memakai skor evaluasi contoh (sintetis), bukan skor resmi.",
        "The priority order uses example (synthetic) evaluation scores, not official ones.",
    ),
    # readiness charts
    "gt_kesiapan_klaster": ("Kesiapan per klaster", "Readiness by cluster"),
    "gt_kesiapan_opd": ("Kesiapan per OPD", "Readiness by OPD"),
    "gt_sumbu_butir": ("Jumlah butir", "Items"),
    "gt_tabel_opd": ("Tabel kesiapan per OPD", "Readiness table by OPD"),
    # checklist
    "gt_checklist": ("Checklist data dukung", "Evidence checklist"),
    "gt_filter_opd": ("Tampilkan OPD", "Show OPD"),
    "gt_semua_opd": ("Semua OPD", "All OPD"),
    "gt_kol_prioritas": ("Prioritas", "Priority"),
    "gt_kol_indikator": ("Indikator", "Indicator"),
    "gt_kol_butir": ("Butir data dukung", "Evidence item"),
    "gt_kol_jenis": ("Jenis", "Kind"),
    "gt_kol_opd": ("OPD", "OPD"),
    "gt_kol_status": ("Status", "Status"),
    "gt_kol_tenggat": ("Tenggat", "Due"),
    "gt_kol_terlambat": ("Lewat tenggat", "Overdue"),
    "gt_kol_poin": ("Poin dipertaruhkan", "Points at stake"),
    "gt_kol_referensi": ("Referensi dokumen", "Document reference"),
    "gt_kol_catatan": ("Catatan", "Note"),
    "gt_kol_keyakinan": ("Dasar butir", "Item basis"),
    "gt_kol_klaster": ("Klaster", "Cluster"),
    "gt_kol_jumlah": ("Butir", "Items"),
    "gt_kol_selesai": ("Lengkap", "Complete"),
    "gt_kol_proses": ("Dalam proses", "In progress"),
    "gt_kol_belum": ("Belum ada", "Missing"),
    "gt_kol_persen": ("Kesiapan %", "Readiness %"),
    "gt_kol_poin_prioritas": ("Poin penutup selisih", "Points closing the gap"),
    "gt_prioritas_ya": ("menutup selisih", "closes the gap"),
    # editing
    "gt_ubah": ("Ubah butir", "Edit an item"),
    "gt_pilih_butir": ("Butir", "Item"),
    "gt_status": ("Status", "Status"),
    "gt_opd_pemilik": ("OPD pemilik", "Owner OPD"),
    "gt_tenggat": ("Tenggat", "Due date"),
    "gt_tanpa_tenggat": ("Tanpa tenggat", "No due date"),
    "gt_catatan": ("Catatan", "Note"),
    "gt_referensi": (
        "Referensi (nomor dokumen, tautan atau nama berkas)",
        "Reference (document number, link or file name)",
    ),
    "gt_simpan": ("Simpan butir", "Save item"),
    "gt_tersimpan": ("{n} perubahan tersimpan.", "{n} changes saved."),
    "gt_tak_berubah": ("Tidak ada yang berubah.", "Nothing changed."),
    "gt_galat_simpan": ("Tidak disimpan: {pesan}", "Not saved: {pesan}"),
    # snapshots and trajectory
    "gt_lintasan": ("Lintasan menuju evaluasi {tahun}", "Trajectory toward the {tahun} evaluation"),
    "gt_lintasan_final": ("Total final evaluasi", "Evaluation final total"),
    "gt_lintasan_mandiri": ("Total mandiri evaluasi", "Evaluation self-assessment total"),
    "gt_lintasan_snapshot": ("Snapshot skor mandiri", "Self-score snapshots"),
    "gt_lintasan_proyeksi": (
        "Perkiraan final (snapshot + rata-rata penurunan)",
        "Estimated final (snapshot + mean drop)",
    ),
    "gt_sumbu_total": ("Total (dari 1000)", "Total (of 1000)"),
    "gt_lintasan_catatan": (
        "Total evaluasi adalah skor contoh (sintetis) bila ditandai; predikat resmi ada di halaman Profil. "
        "Penurunan mandiri → final pada siklus sebelumnya: rata-rata {rata} poin. Perkiraan final = snapshot terakhir "
        "ditambah rata-rata itu (asumsi kasar, bukan prediksi resmi). Tahun evaluasi berikut diasumsikan {tahun}.",
        "Evaluation totals are example (synthetic) scores where marked; official predikat are on the Profile page. "
        "Drop from self-assessment to final in earlier cycles: mean {rata} points. Estimated final = latest snapshot "
        "plus that mean (a rough assumption, not an official forecast). The next evaluation is assumed in {tahun}.",
    ),
    "gt_tanpa_snapshot": ("Belum ada snapshot skor mandiri.", "No self-score snapshot yet."),
    "gt_penurunan": ("Penurunan mandiri → final per siklus", "Self-assessment → final drop per cycle"),
    "gt_kol_tahun": ("Tahun", "Year"),
    "gt_kol_mandiri": ("Mandiri", "Self-assessment"),
    "gt_kol_final": ("Final", "Final"),
    "gt_kol_penurunan": ("Perubahan", "Change"),
    "gt_snapshot": ("Catat snapshot skor mandiri", "Record a self-score snapshot"),
    "gt_snapshot_tanggal": ("Tanggal snapshot", "Snapshot date"),
    "gt_snapshot_bantuan": (
        "Perkiraan skor per indikator (0 sampai nilai maksimum alokasi bawaan). Terisi dari snapshot terakhir atau "
        "evaluasi terakhir.",
        "Estimated score per indicator (0 to the default-allocation maximum). Prefilled from the latest snapshot or "
        "the latest evaluation.",
    ),
    "gt_snapshot_simpan": ("Simpan snapshot", "Save snapshot"),
    # export and history
    "gt_unduh": ("Unduh checklist per OPD (XLSX)", "Download the checklist per OPD (XLSX)"),
    "gt_unduh_bantuan": (
        "Satu sheet per OPD, siap dilampirkan pada surat permintaan data. Setelah diisi, unggah kembali dengan "
        "'kla checklist import BERKAS'.",
        "One sheet per OPD, ready to attach to a data-request letter. Once filled in, load it back with "
        "'kla checklist import FILE'.",
    ),
    "gt_riwayat": ("Riwayat perubahan", "Change history"),
    "gt_riwayat_kosong": ("Belum ada perubahan.", "No changes yet."),
    "gt_kol_waktu": ("Waktu", "Time"),
    "gt_kol_pengguna": ("Pengguna", "User"),
    "gt_kol_tabel": ("Bagian", "Part"),
    "gt_kol_kunci": ("Kunci", "Key"),
    "gt_kol_kolom": ("Kolom", "Field"),
    "gt_kol_lama": ("Lama", "Old"),
    "gt_kol_baru": ("Baru", "New"),
    "gt_kol_asal": ("Asal", "Origin"),
}


def t(kunci: str, bahasa: Bahasa, **isian: object) -> str:
    """Return the text for ``kunci`` in ``bahasa``, with ``{placeholders}`` filled in."""
    teks = TEKS[kunci][0 if bahasa == "id" else 1]
    return teks.format(**isian) if isian else teks
