"""Stage 2, check: pure checks over loaded records (cross-file, dates, integrity), validate's order of causes.

`pipeline.load()` reads the files (load/), then runs every check.
"""
