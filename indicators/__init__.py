"""Dasbor KLA core: indicator catalogue, scoring, data store and exports (no Streamlit)."""
