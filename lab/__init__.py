"""The lab: measuring the archive, never part of serving it.

The synthetic corpus (corpus), the scale benchmark (bench/), extraction and
search quality (evaluate, search_quality) and extraction speed, with their
management commands. It imports the archive's public code; the archive never
imports it (tests/test_layout.py checks both).
"""
