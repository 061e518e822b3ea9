"""Streamlit glue for Dasbor KLA: caches, widgets and display helpers."""
