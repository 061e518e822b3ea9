"""The Gugus Tugas workspace: evidence checklist, readiness, snapshots, XLSX, storage."""
