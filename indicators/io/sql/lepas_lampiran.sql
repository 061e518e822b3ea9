-- Detach the file of a replaced version, so its instance can take the next one (store._Generasi).
DETACH kla;
