"""Messages of the pairing area: `pair`, `scores`, `confirm`, `rematch`, and the evidence in proposals."""

from __future__ import annotations

from mentorat_cli.messages.spec import Spec

PROBLEMS: dict[str, Spec] = {}

TEXT: dict[str, str] = {
    # evidence written into proposals (criteria.py)
    "ev-themes-none": "the mentee has set no objective yet",
    "ev-themes-no-match": "no shared theme (mentee's themes: {wanted})",
    "ev-themes": "shared themes: {shared} ({count} of {total} objectives)",
    "ev-sector-missing": "sector not recorded for both",
    "ev-sector-same": "same sector: {value}",
    "ev-sector-different": "different sectors ({mentor} / {mentee})",
    "ev-school-missing": "school not recorded for both",
    "ev-school-same": "same school: {value}",
    "ev-school-different": "different schools ({mentor} / {mentee})",
    "ev-public-missing": "the mentee's public is not recorded",
    "ev-public-open": "the mentor named no preferred public",
    "ev-public": "the mentor chose to help the public '{public}'",
    "ev-public-other": "the mentor chose other publics ({chosen}), not '{public}'",
    "ev-distance-remote": "meetings are remote: distance does not matter",
    "ev-distance-unknown": "a location is missing or unknown",
    "ev-distance-same": "same département",
    "ev-distance": "about {km} km apart",
    "ev-format-same": "compatible formats (mentor: {mentor}, mentee: {mentee})",
    "ev-format-partial": "partly compatible formats (mentor: {mentor}, mentee: {mentee})",
    "ev-format-opposed": "opposite formats (mentor: {mentor}, mentee: {mentee})",
    "ev-availability-missing": "availability not recorded for both",
    "ev-availability": "both available: {shared}",
    "ev-availability-none": "no common availability",
    # why an alternative was not chosen (proposal.py)
    "why-lower": "lower score ({score} against {chosen})",
    "why-full": "no free place: taken by {holders}",
    "why-nobody": "nobody (no place offered)",
    "why-same": "same score ({score}); the total is the same either way",
    # rule names for people
    "rule-previous_mentor": "an earlier pair of this mentee with this mentor ended",
    # pair command
    "pair-nothing": "no accepted mentee is waiting for a mentor",
    "pair-nothing-hint": "accept mentees (status: accepted) or end a pair with `mentorat rematch`",
    "pair-no-mentor": "no accepted mentor has a free place",
    "pair-summary": ("{proposed} pair(s) proposed, {unmatched} mentee(s) unmatched, {kept} pair(s) kept; "
                     "mean score {mean}, lowest {lowest}; {used} of {mentors} mentors used; {seconds:.1f} s"),
    "pair-summary-none": ("0 pair(s) proposed, {unmatched} mentee(s) unmatched, {kept} pair(s) kept; "
                          "{used} of {mentors} mentors used; {seconds:.1f} s"),
    "pair-nothing-kept": "no accepted mentee is waiting for a mentor ({kept} pair(s) kept as they are)",
    "pair-unmatched-head": "mentees left without a mentor:",
    "pair-unmatched-row": "  {mentee}: {reason}",
    "pair-unmatched-more": "  and {count} more (see pairing.yaml)",
    "unmatched-full": "every suitable mentor ({feasible}) is already full",
    "unmatched-no-mentor": "no mentor with a free place",
    "unmatched-rules": "no mentor meets the rules (most often broken: {rule})",
    "pair-files": "{written} file(s) written, {removed} removed",
    "pair-unchanged": "nothing changed: the proposal on file is already the optimum",
    "pair-dry-run": "dry run: nothing written",
    "pair-kept-edited": "kept proposal '{pair}': it was edited by hand (use --force to recompute it)",
    "pair-best-total": ("This is the best possible result for the whole programme: the most mentees paired, "
                        "then the highest total score (checked against every possible pair)."),
    "pair-best-fair": ("This is the best possible result for the whole programme: the most mentees paired, "
                       "then the strongest weakest pair, then the highest total score (checked against every possible pair)."),
    "pair-best-fair-floor": ("The weakest pair is as strong as possible among each mentee's {k} best mentors, "
                             "and the total score is the best possible at that level."),
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
    "explain-criterion": "  {criterion:<13} {points:>6.2f} / {max:<6.2f} {evidence}",
    "explain-alternatives": "next best mentors:",
    "explain-alternative": "  {mentor:<24} {score:>6.2f}  {why}",
    "explain-unmatched": "mentee {mentee}: no mentor proposed ({reason}); {feasible} feasible mentor(s)",
    "explain-excluded": "  excluded by {rule}: {count} mentor(s)",
    "explain-feasible-head": "suitable mentors, best score first, and who holds their places:",
    "explain-feasible-row": "  {mentor:<24} {score:>6.2f}  {held}",
    "explain-held-by": "places taken by {holders}",
    "explain-holder": "{mentee} ({score})",
    "explain-free-place": "has a free place",
    "explain-no-place": "offers no place",
    "explain-feasible-more": "  and {count} more suitable mentor(s)",
    "explain-why-not-rule": "why not {mentor}: the pair breaks the rule '{rule}': {reason}",
    "explain-why-not-full": "why not {mentor}: it would score {score}, but its places are taken by {holders}",
    "explain-why-not-lower": "why not {mentor}: it scores {score}, {gap} below {chosen} ({chosen_score})",
    "explain-why-not-same": "why not {mentor}: it scores {score}, the same as {chosen}; the total is the same either way",
    "explain-why-not-higher": ("why not {mentor}: it scores {score}; placing the mentee there would lower the total "
                               "or leave another mentee unmatched"),
    "explain-is-chosen": "{mentor} is the proposed mentor",
    "explain-why-not-unmatched": "why not {mentor}: it would score {score}, but its places are taken by {holders}",
    "explain-criteria-compare": "  {criterion:<13} {points:>6.2f} (proposed mentor: {chosen:>6.2f})  {evidence}",
    # scores
    "scores-too-big": "the candidate table has {cells} rows; use --format csv and redirect it to a file",
    # confirm
    "confirm-none": "no proposal to confirm",
    "confirm-none-hint": "run `mentorat pair` first, or name a pair",
    "confirm-unknown": "'{pair}' is not a pair of the programme",
    "confirm-not-proposed": "pair '{pair}' is {status}, not proposed",
    "confirm-not-proposed-hint": "only proposals can be confirmed",
    "confirm-rule": "pair '{pair}' breaks the rule '{rule}': {reason}",
    "confirm-rule-hint": "fix the data, or confirm anyway with --force",
    "confirm-capacity": "mentor '{mentor}' would have {count} confirmed pairs for a capacity of {capacity}",
    "confirm-twice": "mentee '{mentee}' already has a confirmed pair '{other}'",
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
