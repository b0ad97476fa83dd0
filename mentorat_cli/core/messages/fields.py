"""Names of the files' fields as people read them (person show, right-of-access replies).

Keys are the schemas' field ids; values are English msgids, translated like every message.
"""

from __future__ import annotations

FIELDS: dict[str, str] = {
    "id": "Id", "first_name": "First name", "last_name": "Last name", "email": "E-mail", "phone": "Phone",
    "status": "Status", "registered_on": "Registered on", "left_on": "Left on", "cohort": "Cohort",
    "organisation": "Organisation", "unit": "Unit", "job": "Job", "sector": "Sector", "school": "School",
    "level": "Level", "experience_years": "Years of experience", "manager": "Manager", "location": "Location",
    "city": "City", "postcode": "Postcode", "country": "Country", "format": "Meeting format",
    "availability": "Availability", "languages": "Languages", "themes": "Themes", "publics": "Publics",
    "public": "Public", "objectives": "Objectives", "capacity": "Capacity", "not_with": "Not to be paired with",
    "trained_on": "Trained on", "consent_evaluation": "Consent to the evaluation", "consent_quote": "Consent to be quoted",
    "civil_servant": "Civil servant", "membership_paid": "Membership paid", "categories": "Categories",
    "career_path": "Career path", "comment": "Comment", "mentee": "Mentee", "mentor": "Mentor",
    "proposed_on": "Proposed on", "confirmed_on": "Confirmed on", "started_on": "Started on", "ended_on": "Ended on",
    "ended_by": "Ended by", "end_reason": "Reason for ending", "charter_signed": "Charter signed",
    "contacts": "Coordinator's contacts", "date": "Date", "channel": "Channel", "summary": "Summary",
    "score": "Score", "criteria": "Criteria", "criterion": "Criterion", "points": "Points", "max": "Maximum",
    "evidence": "Evidence", "alternatives": "Alternatives", "why_not": "Why not", "replaces": "Replaces",
    "pair": "Pair", "role": "Role", "satisfaction": "Satisfaction", "submitted_on": "Submitted on",
    "reached": "Reached", "theme": "Theme", "text": "Text", "would_recommend": "Would recommend",
    "wants_to_continue": "Wants to continue", "kind": "Kind", "minutes": "Duration (minutes)", "topics": "Topics",
}

# Words of the pairing tables (`scores` columns, criteria in `pair --explain`): ids as msgids.
TABLE_WORDS: tuple[str, ...] = (
    "mentee", "mentor", "feasible", "rule", "score", "yes", "no",
    "themes", "sector", "public", "distance", "format", "availability", "school", "language",
    "all feasible mentors full", "no feasible mentor",  # pairing.yaml's unmatched reasons, read aloud
)
