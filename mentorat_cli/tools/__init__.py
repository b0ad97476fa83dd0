"""Maintainers' tools: the README's problem table, translators' catalogue commands."""
