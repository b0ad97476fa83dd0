"""Importing form exports (CSV, XLSX): people (plan.py) and survey answers (survey.py), through one reading pipeline (sheet.py).

Nothing is imported here: the submodules import one another, never this package's names
(importing them here made every submodule import its own package half-built).
"""
