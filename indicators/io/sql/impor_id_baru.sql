-- The next id for log_impor.
SELECT coalesce(max(impor_id), 0) + 1 AS impor_id FROM log_impor;
