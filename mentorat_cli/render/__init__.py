"""Documents for pairs and coordinators: charters, follow-up sheets, notes, calendars, dashboard.

Pure functions build the data (schedule, follow-up state, template context);
`templating` turns it into Markdown or HTML; `output` is the only module
that writes, through `storage`.
"""
