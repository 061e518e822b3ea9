"""Analysis on the scores: scoring, profiles, comparisons, overviews, what-if, measures."""
