"""Evaluation: figures, the end-of-programme report, survey responses and the quality self-assessment."""
