"""Stage 2, check: pure checks over loaded records (cross-file, dates, integrity), validate's order of causes."""
