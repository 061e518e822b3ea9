-- Make the attached database file the default for this cursor (store._Generasi).
USE kla;
