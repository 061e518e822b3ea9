"""Pure Plotly figure builders shared by the dashboard, the offline site and the pack."""
