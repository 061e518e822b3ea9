-- Provinces that have at least one official predikat or score, with their latest cycle.
SELECT p.kode_wilayah AS kode_provinsi, p.nama, max(d.tahun) AS tahun_terakhir
FROM wilayah AS p
JOIN wilayah AS k ON k.kode_induk = p.kode_wilayah AND k.tingkat = 'kabkota'
JOIN (
    SELECT kode_wilayah, tahun FROM predikat_resmi
    UNION
    SELECT kode_wilayah, tahun FROM skor_indikator
) AS d ON d.kode_wilayah = k.kode_wilayah
WHERE p.tingkat = 'provinsi'
GROUP BY p.kode_wilayah, p.nama
ORDER BY p.nama;
