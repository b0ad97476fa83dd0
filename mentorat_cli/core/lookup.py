"""Finding the pairs a command names: by id (with the closest ids when it is wrong), or every confirmed pair."""

from __future__ import annotations

import difflib

from mentorat_cli.core.errors import MentoratError
from mentorat_cli.core.messages import text
from mentorat_cli.core.model import Programme, Record


def find_pair(programme: Programme, pair_id: str) -> Record:
    """The pair `pair_id`; an error listing the closest ids when there is none."""
    pair = programme.pairs.get(pair_id)
    if pair is not None:
        return pair
    ids = sorted(programme.pairs)
    close = difflib.get_close_matches(pair_id, ids, n=5, cutoff=0.6)
    # A person's id is a common slip: offer that person's pairs too.
    close += [i for i in ids if pair_id and pair_id in i.split("--") and i not in close]
    hint = text("doc-did-you-mean", names=", ".join(close[:8])) if close else text("doc-pair-missing-hint")
    raise MentoratError(text("doc-pair-missing", pair=pair_id), hint)


def select_pairs(programme: Programme, pair_id: str | None, all_: bool, command: str) -> list[Record]:
    """The named pair, or every confirmed pair with --all."""
    if bool(pair_id) == all_:
        raise MentoratError(text("doc-pair-or-all"), text("doc-pair-or-all-hint", command=command))
    if pair_id:
        return [find_pair(programme, pair_id)]
    pairs = [p for _, p in sorted(programme.pairs.items()) if p.data["status"] == "confirmed"]
    if not pairs:
        raise MentoratError(text("doc-no-pairs"), text("doc-no-pairs-hint"))
    return pairs
