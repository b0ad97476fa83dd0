"""Stage 1, load: programme files -> records, with the positions of every value (cache, YAML, schemas)."""
