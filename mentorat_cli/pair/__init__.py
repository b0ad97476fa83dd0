"""Stage 3, pair: eligibility rules, criteria, scores, the exact solver, proposals and their explanation."""
