-- The whole import log, for carrying it over a rebuild.
SELECT * FROM log_impor ORDER BY impor_id;
