"""The only place that touches disk or git: atomic writes, transactions, the lock, the output policy, git."""
