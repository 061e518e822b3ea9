"""Perlindungan Anak: aggregate child-protection figures, their disclosure control, import and recap."""
