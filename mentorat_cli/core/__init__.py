"""The domain, with no disk and no clock: records, problems, messages, vocabulary, kinds, dates, formatting."""
