-- Which stages have scores in which cycle.
SELECT DISTINCT tahun, tahap FROM skor_indikator ORDER BY tahun, tahap;
