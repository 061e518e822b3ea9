"""The sections each page draws (Streamlit), one module per page."""
