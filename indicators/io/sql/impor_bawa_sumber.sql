-- The source rows written by imports (jenis 'impor').
SELECT * FROM sumber WHERE jenis = 'impor' ORDER BY sumber_id;
