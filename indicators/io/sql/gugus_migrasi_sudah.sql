-- Workspace migrations already applied.
SELECT versi FROM migrasi_gugus ORDER BY versi;
