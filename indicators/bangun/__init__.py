"""Building the database: committed sources, synthetic scores, boundaries."""
