-- Item versions against lost updates: every write of a checklist item adds one to its `versi`, and
-- a save carries the version it was based on; a save based on an older version is refused
-- (indicators/gugus/simpan.py). Rows written before this migration start at version 1; an item
-- without a row is version 0.
ALTER TABLE butir_checklist ADD COLUMN versi INTEGER NOT NULL DEFAULT 1;

-- The item version a change produced (NULL for older rows and for OPD and snapshot changes), so a
-- refused save can show every change made since the version it was based on.
ALTER TABLE log_perubahan ADD COLUMN versi INTEGER;
