"""Messages of the pairing area: `pair`, `scores`, `confirm`, `rematch`, and the wording of proposal files."""

from __future__ import annotations

from mentorat_cli.core.messages.spec import Spec

_FIX = "fix the data, or confirm anyway with --force"
# What `confirm` refuses, every problem at once (the pairs to confirm are checked as `validate` will check them).
PROBLEMS: dict[str, Spec] = {
    "confirm-rule": Spec("error", "pair '{pair}' breaks the rule '{rule}': {reason}", _FIX),
    "confirm-capacity": Spec("error", "mentor '{mentor}' would have {count} confirmed pairs for a capacity of {capacity}", _FIX),
    "confirm-twice": Spec("error", "mentee '{mentee}' already has a confirmed pair '{other}'", _FIX),
}

TEXT: dict[str, str] = {
    # rule names for people
    "rule-previous_mentor": "an earlier pair of this mentee with this mentor ended",
    # why a couple breaks an eligibility rule (one key per reason; pair/eligibility/<rule>.py names its keys)
    "reason-not-with": "one of them asked not to be paired with the other",
    "reason-same-person": "same person (same e-mail)",
    "reason-hierarchy-mentor": "the mentor is in the mentee's management chain",
    "reason-hierarchy-mentee": "the mentee is in the mentor's management chain",
    "reason-experience-missing": "years of experience are missing, so the required gap cannot be checked",
    "reason-experience-gap": "experience gap of {years} years, {gap} required",
    "reason-level-missing": "hierarchical levels are missing, so the required gap cannot be checked",
    "reason-level-gap": "the mentor is {levels} level(s) above the mentee, {gap} required",
    "reason-membership-both": "membership dues not paid by the mentor and the mentee",
    "reason-membership-mentor": "membership dues not paid by the mentor",
    "reason-membership-mentee": "membership dues not paid by the mentee",
    "reason-civil-servant": "the mentor is not recorded as a civil servant",
    "reason-language": "no language in common",
    "reason-distance-unknown": "a location is missing or unknown, so the distance cannot be checked",
    "reason-distance": "{km:.0f} km apart, at most {limit:g} km allowed",
    "reason-must": "required criterion '{name}' not met ({evidence})",
    "reason-declared": "declared rule '{name}' not met ({evidence})",
    # pair command
    "pair-nothing": "no accepted mentee is waiting for a mentor",
    "pair-no-mentor": "no accepted mentor has a free place",
    "pair-summary": (
        "{proposed} pair(s) proposed, {unmatched} mentee(s) unmatched, {kept} pair(s) kept; "
        "mean score {mean}, lowest {lowest}; {used} of {mentors} mentors used; {seconds}"
    ),
    "pair-summary-none": (
        "0 pair(s) proposed, {unmatched} mentee(s) unmatched, {kept} pair(s) kept; {used} of {mentors} mentors used; {seconds}"
    ),
    "pair-nothing-kept": "no accepted mentee is waiting for a mentor ({kept} pair(s) kept as they are)",
    "pair-unmatched-head": "mentees left without a mentor:",
    "pair-unmatched-row": "  {mentee}: {reason}",
    "pair-unmatched-more": "  and {count} more (see pairing.yaml)",
    "unmatched-full": "all {feasible} suitable mentor(s) are already full",
    "unmatched-no-mentor": "the programme has no accepted mentor",
    "unmatched-rules": "no mentor meets the rules (most often broken: {rule})",
    "pair-files": "{written} file(s) written, {removed} removed",
    "pair-unchanged": "nothing changed: the proposal on file is already the optimum",
    "pair-unchanged-plain": "nothing changed on file",
    "pair-dry-run": "dry run: nothing written",
    "pair-replayed": "answered from the last run's record: the profiles, pairs, programme.yaml and options are unchanged",
    "pair-table-head": "MENTEE|MENTOR|SCORE",
    "pair-table-more": "  and {count} more proposal(s) (--diff shows every change)",
    "pair-mentor-without-explain": "--why-not MENTOR is only used with --explain MENTEE",
    "pair-two-mentors": "name one mentor to compare with: --why-not MENTOR",
    "pair-kept-edited": "kept proposal '{pair}': it was edited by hand (use --force to recompute it)",
    "pair-best-total": (
        "This is the best possible result for the whole programme: the most mentees paired, "
        "then the highest total score (checked against every possible pair)."
    ),
    "pair-best-fair": (
        "This is the best possible result for the whole programme: the most mentees paired, "
        "then the strongest weakest pair, then the highest total score (checked against every possible pair)."
    ),
    "pair-best-fair-floor": (
        "The weakest pair is as strong as possible among each mentee's {k} best mentors, "
        "and the total score is the best possible at that level."
    ),
    "pair-proof": "optimal for the full problem: proved with dual prices ({rounds} round(s), {added} couple(s) added back)",
    "pair-proof-fair": "the lowest score is the best possible on each mentee's best {k} mentors; the total is proved optimal at that floor",
    "pair-progress": "scoring: {done}/{total} mentees",
    "pair-optimality-failed": "the optimality check failed: {detail}",
    "pair-optimality-failed-hint": "this is a bug in mentorat; please report it with the programme's size",
    "pair-k-invalid": "--candidates must be at least 1",
    # git
    "git-missing": "git is not installed, so --commit cannot work",
    "git-not-repo": "the programme folder is not inside a git repository",
    "git-not-repo-hint": "run `git init` in the programme folder, or drop --commit",
    "git-failed": "git {step} failed: {detail}",
    "git-branch": "committed on the new branch '{branch}': open a review from it",
    "git-nothing": "nothing to commit",
    "git-message": "Pairing proposal: {proposed} pair(s) proposed, {unmatched} mentee(s) unmatched (objective {objective})",
    # explain
    "explain-unknown-mentee": "'{mentee}' is not a mentee of the programme",
    "explain-unknown-mentor": "'{mentor}' is not a mentor of the programme",
    "explain-not-accepted": "{role} '{person}' has status '{status}': only accepted people are paired",
    "explain-fixed": "mentee '{mentee}' already has the pair '{pair}' ({status}); it is kept as it is",
    "explain-done": "mentee '{mentee}' completed a mentoring relationship and is not paired again",
    "explain-chosen": "mentee {mentee}: proposed mentor {mentor}, score {score}",
    "explain-criterion": "  {criterion:<13} {points:>6} / {max:<6} {evidence}",
    "explain-alternatives": "next best mentors:",
    "explain-alternative": "  {mentor:<24} {score:>6}  {why}",
    "explain-unmatched": "mentee {mentee}: no mentor proposed ({reason}); {feasible} feasible mentor(s)",
    "explain-excluded": "  excluded by {rule}: {count} mentor(s)",
    "explain-feasible-head": "suitable mentors, best score first, and who holds their places:",
    "explain-feasible-row": "  {mentor:<24} {score:>6}  {held}",
    "explain-held-by": "places taken by {holders}",
    "explain-nobody": "nobody (no place offered)",
    "explain-holder": "{mentee} ({score})",
    "explain-free-place": "has a free place",
    "explain-no-place": "offers no place",
    "explain-feasible-more": "  and {count} more suitable mentor(s)",
    "explain-why-not-rule": "why not {mentor}: the pair breaks the rule '{rule}': {reason}",
    "explain-why-not-full": "why not {mentor}: it would score {score}, but its places are taken by {holders}",
    "explain-why-not-lower": "why not {mentor}: it scores {score}, {gap} below {chosen} ({chosen_score})",
    "explain-why-not-same": "why not {mentor}: it scores {score}, the same as {chosen}; the total is the same either way",
    "explain-why-not-higher": (
        "why not {mentor}: it scores {score}; placing the mentee there would lower the total or leave another mentee unmatched"
    ),
    "explain-is-chosen": "{mentor} is the proposed mentor",
    "explain-why-not-unmatched": "why not {mentor}: it would score {score}, but its places are taken by {holders}",
    "explain-criteria-compare": "  {criterion:<13} {points:>6} (proposed mentor: {chosen:>6})  {evidence}",
    # scores
    "scores-too-big": "the candidate table has {cells} rows; use --format csv and redirect it to a file",
    # confirm
    "confirm-none": "no proposal to confirm",
    "confirm-none-hint": "run `mentorat pair` first, or name a pair",
    "confirm-unknown": "'{pair}' is not a pair of the programme",
    "confirm-not-proposed": "pair '{pair}' is {status}, not proposed",
    "confirm-not-proposed-hint": "only proposals can be confirmed",
    "confirm-rule-hint": _FIX,
    "confirm-refused": "nothing confirmed: {count} problem(s) with the pairs to confirm",
    "confirm-done": "{count} pair(s) confirmed",
    "confirm-nothing": "nothing to confirm: no pair is proposed",
    # rematch
    "rematch-unknown": "'{pair}' is not a pair of the programme",
    "rematch-not-active": "pair '{pair}' is {status}: only proposed or confirmed pairs can be ended",
    "rematch-reason": "--reason must not be empty",
    "rematch-ended": "pair '{pair}' ended on {date}",
    "rematch-proposed": "new proposal '{pair}' (score {score}) replaces it",
    "rematch-none": "no other mentor is available for '{mentee}' now ({reason}); the pair is ended anyway",
}

# What proposal files say (criteria[].evidence, alternatives[].why_not), in the programme's language.
# Keys are the same in every language; criteria.say() fills them. Values of the data (sector, school)
# are quoted as entered; themes and publics by their label in the programme.
EVIDENCE: dict[str, dict[str, str]] = {
    "fr": {
        "themes-none": "le mentoré n'a pas encore fixé d'objectif",
        "themes-no-match": "aucun thème en commun (le mentoré vise : {wanted})",
        "themes-only": "thème en commun : {shared} (l'unique objectif du mentoré)",
        "themes-one": "thème en commun : {shared} (1 objectif sur {total})",
        "themes-many": "thèmes en commun : {shared} ({count} objectifs sur {total})",
        "sector-missing": "secteur non renseigné pour au moins l'un des deux",
        "sector-same": "même secteur : {value}",
        "sector-different": "secteurs différents (mentor : {mentor}, mentoré : {mentee})",
        "school-missing": "école non renseignée pour au moins l'un des deux",
        "school-same": "même école : {value}",
        "school-different": "écoles différentes (mentor : {mentor}, mentoré : {mentee})",
        "public-missing": "public du mentoré non renseigné",
        "public-open": "le mentor n'a pas indiqué de public préféré",
        "public": "public choisi par le mentor : {public}",
        "public-other": "le mentor a choisi d'autres publics ({chosen}) que celui du mentoré ({public})",
        "distance-remote": "rencontres à distance : l'éloignement ne compte pas",
        "distance-unknown": "lieu manquant ou inconnu pour au moins l'un des deux",
        "distance-same": "même département",
        "distance": "à environ {km} km",
        "format-same": "formats compatibles (mentor : {mentor}, mentoré : {mentee})",
        "format-partial": "formats en partie compatibles (mentor : {mentor}, mentoré : {mentee})",
        "format-opposed": "formats opposés (mentor : {mentor}, mentoré : {mentee})",
        "format-any": "indifférent",
        "format-remote": "à distance",
        "format-in_person": "en présentiel",
        "format-hybrid": "hybride",
        "availability-missing": "disponibilités non renseignées pour au moins l'un des deux",
        "availability": "disponibles tous les deux : {shared}",
        "availability-none": "aucun créneau commun",
        "slot-weekday_daytime": "en semaine en journée",
        "slot-weekday_lunch": "en semaine à midi",
        "slot-weekday_evening": "en semaine le soir",
        "slot-weekend": "le week-end",
        "why-lower": "score plus bas ({score} contre {chosen})",
        "why-full-one": "aucune place libre : déjà prise par {holders}",
        "why-full-many": "aucune place libre : déjà prises par {holders}",
        "why-same": "même score ({score}) : le total est identique dans les deux cas",
    },
    "en": {
        "themes-none": "the mentee has set no objective yet",
        "themes-no-match": "no shared theme (the mentee's themes: {wanted})",
        "themes-only": "shared theme: {shared} (the mentee's only objective)",
        "themes-one": "shared theme: {shared} (1 of {total} objectives)",
        "themes-many": "shared themes: {shared} ({count} of {total} objectives)",
        "sector-missing": "sector missing for at least one of them",
        "sector-same": "same sector: {value}",
        "sector-different": "different sectors (mentor: {mentor}, mentee: {mentee})",
        "school-missing": "school missing for at least one of them",
        "school-same": "same school: {value}",
        "school-different": "different schools (mentor: {mentor}, mentee: {mentee})",
        "public-missing": "the mentee's public is not recorded",
        "public-open": "the mentor named no preferred public",
        "public": "public chosen by the mentor: {public}",
        "public-other": "the mentor chose other publics ({chosen}) than the mentee's ({public})",
        "distance-remote": "meetings are remote: distance does not matter",
        "distance-unknown": "location missing or unknown for at least one of them",
        "distance-same": "same département",
        "distance": "about {km} km apart",
        "format-same": "compatible formats (mentor: {mentor}, mentee: {mentee})",
        "format-partial": "partly compatible formats (mentor: {mentor}, mentee: {mentee})",
        "format-opposed": "opposite formats (mentor: {mentor}, mentee: {mentee})",
        "format-any": "no preference",
        "format-remote": "remote",
        "format-in_person": "in person",
        "format-hybrid": "hybrid",
        "availability-missing": "availability missing for at least one of them",
        "availability": "both available: {shared}",
        "availability-none": "no common availability",
        "slot-weekday_daytime": "weekday daytime",
        "slot-weekday_lunch": "weekday lunchtime",
        "slot-weekday_evening": "weekday evening",
        "slot-weekend": "weekend",
        "why-lower": "lower score ({score} against {chosen})",
        "why-full-one": "no free place: taken by {holders}",
        "why-full-many": "no free place: taken by {holders}",
        "why-same": "same score ({score}); the total is the same either way",
    },
}
