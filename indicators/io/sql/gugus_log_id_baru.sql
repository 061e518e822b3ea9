-- The next change-log id (the writer holds the workspace lock, so max + 1 is safe).
SELECT coalesce(max(log_id), 0) + 1 AS log_id FROM log_perubahan;
