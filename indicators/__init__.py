"""Dasbor KLA core: indicator catalogue, scoring, data store and exports (no Streamlit)."""

import pandas as pd

# pandas 3 keeps text columns ("str") in Arrow arrays by default. Our frames are small (a province,
# a region's 700 score rows) and are filtered, built from lists and compared on every rerun, where
# Arrow's per-call cost dominates: with it, about a quarter of a rerun's server CPU went to
# pyarrow take, Arrow string construction and conversion back to numpy (py-spy of the protocol
# load test, national data). The same "str" dtype with numpy object storage behaves the same
# (missing values NaN) and costs less here. Set on import of the core, so the dashboard, the CLI
# and the tests all run with it.
pd.set_option("mode.string_storage", "python")
