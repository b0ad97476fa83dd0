"""mentorat: run a mentoring programme from plain files in a git repository."""

__version__ = "0.1.0"
