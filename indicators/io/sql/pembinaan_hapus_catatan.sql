-- Remove one supervision note ($catatan_id); a change writes it again with its new version.
DELETE FROM catatan_pembinaan WHERE catatan_id = $catatan_id;
