-- The blocks in use in the attached file and their size (store.periksa_database): a file shorter
-- than the used blocks was truncated. Not total_blocks: DuckDB counts free blocks there, and a
-- checkpoint may cut free blocks off the end of the file, so a sound file can be shorter than
-- total_blocks promise (seen after a rollback freed blocks).
SELECT used_blocks, block_size
FROM pragma_database_size()
WHERE database_name = current_database();
