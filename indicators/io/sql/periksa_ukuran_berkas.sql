-- The blocks the attached file's header says it holds, and their size (store.periksa_database): a file
-- shorter than that was truncated.
SELECT total_blocks, block_size
FROM pragma_database_size()
WHERE database_name = current_database();
