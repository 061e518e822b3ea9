-- Attach one version of the database file read-only to a fresh in-memory instance (store._Generasi).
ATTACH ? AS kla (READ_ONLY);
