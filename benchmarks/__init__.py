"""Benchmarks of Dasbor KLA at national scale: ``kla bench`` (budgets) and ``kla bench --beban`` (load).

The data they measure on is generated in a temporary folder and loaded through the project's own
import path, so the import itself is measured too. It is benchmark data, labelled as such in its
``sumber`` column, and never leaves that folder.
"""
