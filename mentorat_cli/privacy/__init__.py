"""Personal-data rights: see everything held on a person, erase it, and apply the retention period."""

from __future__ import annotations

from mentorat_cli.privacy.forget import ForgetPlan, expired_people, leftover_files, plan_forget
from mentorat_cli.privacy.show import person_report

__all__ = ["ForgetPlan", "expired_people", "leftover_files", "person_report", "plan_forget"]
