"""Importing user files: read, check (row and column), problems, templates, apply, scope."""
