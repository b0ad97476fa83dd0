"""After pairing: meeting schedules, calendars, notes, follow-up sheets, the status of every pair."""
