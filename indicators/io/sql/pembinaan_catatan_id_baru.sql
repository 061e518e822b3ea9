-- The next free supervision note id.
SELECT coalesce(max(catatan_id), 0) + 1 AS catatan_id FROM catatan_pembinaan;
