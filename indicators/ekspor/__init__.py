"""Exports: tables (CSV/XLSX), images, the offline site and the evaluation pack."""
