"""The criteria a programme declares (programme.yaml `extra_criteria`), in both forms.

The reference form (`evaluate`, `violations`) scores one couple and says why,
in the programme's language; `--explain`, `confirm`, `validate` and the tests
use it. The vectorised form (`attach`, `value_spec`, `rule_spec`) gives the
solver the same numbers for every couple at once, with the same float
arithmetic, so the integer points agree to the last hundredth.

Kinds (see core/declared.py for the declarations):
- same: 1 when both values are equal (text compared whole, case and spacing ignored), else 0;
- overlap: 1 when the lists share an item, else 0;
- gap, mode at_least: 1 when mentor - mentee >= limit; at_most: 1 when |mentor - mentee| <= limit;
  closest: 1 - |gap| / (limit + 1) within the limit, 0 beyond it;
- scale: 1 - steps / (limit + 1) within the limit (default: the whole scale), 0 beyond it.
A missing value gives 0. A declared rule is broken when its value is 0, like `eligibility.must`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mentorat_cli.core import declared as D
from mentorat_cli.core import formatting
from mentorat_cli.core.i18n import gettext, language, shown
from mentorat_cli.core.messages import text
from mentorat_cli.core.messages.declared import EVIDENCE

if TYPE_CHECKING:  # numpy loads in the vectorised forms only: validate and status read declared criteria without pairing
    import numpy as np

Person = dict[str, Any]
RowFn = Callable[["np.ndarray"], "np.ndarray"]


def _lang(lang: str) -> str:
    return lang if lang in EVIDENCE else "en"


def _say(lang: str, key: str, **values: object) -> str:
    return EVIDENCE[_lang(lang)][key].format(**values)


def _number(lang: str, value: float) -> str:
    return formatting.number(value, _lang(lang))


def _shown(config: dict[str, Any], path: str, value: Any, lang: str) -> str:
    """A value as a sentence quotes it: oui/non for yes-no fields, numbers in the language's style."""
    typed = D.field_type(config, path)
    if typed and typed[0] == D.YES_NO:
        return _say(lang, "yes" if D.yes_no(value) else "no")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(lang, float(value))
    return str(value)


def _key(config: dict[str, Any], path: str, person: Person) -> Any:
    """The comparable value of a field for `same`: None when missing."""
    value = D.raw_value(person, path)
    typed = D.field_type(config, path)
    kind = typed[0] if typed else D.TEXT
    if kind == D.YES_NO:
        return D.yes_no(value)
    if kind == D.NUMBER:
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if kind == D.SCALE and D.norm(value) not in {D.norm(v) for v in D.scale_values(config, path)}:
        return None
    return D.norm(value) or None


def _items(person: Person, path: str) -> list[str]:
    """A list field's items (a text field counts as a list of one), compared folded, in order, without repeats."""
    value = D.raw_value(person, path)
    values = value if isinstance(value, list) else [value] if value is not None else []
    out: list[str] = []
    for item in values:
        if D.norm(item) and D.norm(item) not in out:
            out.append(D.norm(item))
    return out


def _number_of(person: Person, path: str) -> float | None:
    value = D.raw_value(person, path)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _steps(config: dict[str, Any], crit: D.Criterion, person: Person, path: str) -> float | None:
    """A scale value's position (0 = lowest), on the mentor field's scale."""
    values = [D.norm(v) for v in D.scale_values(config, crit.mentor) or D.scale_values(config, path)]
    found = D.norm(D.raw_value(person, path))
    return float(values.index(found)) if found in values else None


def scale_limit(config: dict[str, Any], crit: D.Criterion) -> float:
    """Steps apart still acceptable on a scale: the declared limit, else the whole scale."""
    return crit.limit if crit.limit is not None else float(max(len(D.scale_values(config, crit.mentor)) - 1, 0))


def gap_value(crit: D.Criterion, a: float, b: float) -> float:
    """The gap kinds' value for mentor a and mentee b (the vectorised form repeats this arithmetic)."""
    limit = crit.limit or 0.0
    if crit.mode == D.AT_LEAST:
        return 1.0 if a - b >= limit else 0.0
    gap = abs(a - b)
    if crit.mode == D.AT_MOST:
        return 1.0 if gap <= limit else 0.0
    return 1.0 - gap / (limit + 1.0) if gap <= limit else 0.0


def _same(config: dict[str, Any], c: D.Criterion, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = _key(config, c.mentor, mentor), _key(config, c.mentee, mentee)
    label = c.label(lang)
    if a is None or b is None:
        return 0.0, _say(lang, "missing", label=label)
    shown_a = _shown(config, c.mentor, D.raw_value(mentor, c.mentor), lang)
    if a == b:
        return 1.0, _say(lang, "same", label=label, value=shown_a)
    shown_b = _shown(config, c.mentee, D.raw_value(mentee, c.mentee), lang)
    return 0.0, _say(lang, "different", label=label, mentor=shown_a, mentee=shown_b)


def _overlap(config: dict[str, Any], c: D.Criterion, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = _items(mentor, c.mentor), _items(mentee, c.mentee)
    label = c.label(lang)
    if not a or not b:
        return 0.0, _say(lang, "missing", label=label)
    shared = [item for item in b if item in a]
    if not shared:
        return 0.0, _say(lang, "overlap-none", label=label)
    raw = D.raw_value(mentee, c.mentee)
    originals = {D.norm(v): str(v) for v in (raw if isinstance(raw, list) else [raw])}
    return 1.0, _say(lang, "overlap", label=label, shared=_listing(lang, [originals.get(item, item) for item in shared]))


def _listing(lang: str, items: list[str]) -> str:
    """'A, B et C' in French, 'A, B and C' in English."""
    return formatting.listing(items, _lang(lang))


def _gap(config: dict[str, Any], c: D.Criterion, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = _number_of(mentor, c.mentor), _number_of(mentee, c.mentee)
    label = c.label(lang)
    if a is None or b is None:
        return 0.0, _say(lang, "missing", label=label)
    value = gap_value(c, a, b)
    shown = _number(lang, a - b if c.mode == D.AT_LEAST else abs(a - b))
    key = f"gap-{c.mode}" if value > 0 else f"gap-{c.mode}-not"
    return value, _say(lang, key, label=label, gap=shown, limit=_number(lang, c.limit or 0.0))


def _scale(config: dict[str, Any], c: D.Criterion, mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    a, b = _steps(config, c, mentor, c.mentor), _steps(config, c, mentee, c.mentee)
    label = c.label(lang)
    if a is None or b is None:
        return 0.0, _say(lang, "missing", label=label)
    steps, limit = abs(a - b), scale_limit(config, c)
    value = 1.0 - steps / (limit + 1.0) if steps <= limit else 0.0
    values = {"label": label, "mentor": D.raw_value(mentor, c.mentor), "mentee": D.raw_value(mentee, c.mentee), "steps": int(steps)}
    return value, _say(lang, "scale" if value > 0 else "scale-not", **values, limit=_number(lang, limit))


EVALUATORS = {D.SAME: _same, D.OVERLAP: _overlap, D.GAP: _gap, D.SCALE_KIND: _scale}


def weights(config: dict[str, Any]) -> dict[str, float]:
    """The declared weighted criteria that count, by name (added after matching.weights' criteria)."""
    return D.weights(config)


def is_declared(config: dict[str, Any], name: str) -> bool:
    return name in D.criteria(config)


def evaluate(name: str, config: dict[str, Any], mentor: Person, mentee: Person, lang: str) -> tuple[float, str]:
    """A declared criterion's value in [0, 1] for this couple, and the evidence in `lang`."""
    crit = D.criteria(config)[name]
    return EVALUATORS[crit.kind](config, crit, mentor, mentee, lang)


def rule_names(config: dict[str, Any]) -> list[str]:
    """The declared hard rules' names, in the order they are checked (after the built-in rules)."""
    return [c.name for c in D.rules(config)]


def reason(config: dict[str, Any], name: str, mentor: Person, mentee: Person) -> str | None:
    """Why the couple breaks the declared rule `name`, in the language of the run; None when it meets it."""
    value, evidence = evaluate(name, config, mentor, mentee, language())
    if value <= 0:
        return text("reason-declared", name=name, evidence=shown(evidence))
    return None


def title(config: dict[str, Any], name: str) -> str:
    """A criterion's or rule's name as the run's messages show it: a declared one's label, else the translated name."""
    crit = D.criteria(config).get(name)
    return crit.label(language()) if crit else gettext(name)


# The vectorised form ------------------------------------------------------------------------------------


def _codes(config: dict[str, Any], people: list[Person], path: str, vocab: dict[Any, int]) -> np.ndarray:
    import numpy as np

    out = np.full(len(people), -1, dtype=np.int64)
    for row, person in enumerate(people):
        key = _key(config, path, person)
        if key is not None:
            out[row] = vocab.setdefault(key, len(vocab))
    return out


def _sets(people: list[Person], path: str, vocab: dict[str, int]) -> list[list[int]]:
    return [[vocab.setdefault(item, len(vocab)) for item in _items(person, path)] for person in people]


def _matrix(rows: list[list[int]], width: int) -> np.ndarray:
    import numpy as np

    out = np.zeros((len(rows), max(width, 1)), dtype=bool)
    for r, items in enumerate(rows):
        out[r, items] = True
    return out


def _column(config: dict[str, Any], crit: D.Criterion, people: list[Person], path: str, vocab: dict[Any, int]) -> Any:
    import numpy as np

    if crit.kind == D.SAME:
        return _codes(config, people, path, vocab)
    if crit.kind == D.OVERLAP:
        return _sets(people, path, vocab)
    if crit.kind == D.GAP:
        return np.array([_number_of(p, path) if _number_of(p, path) is not None else np.nan for p in people], dtype=np.float64)
    steps = [_steps(config, crit, p, path) for p in people]
    return np.array([s if s is not None else np.nan for s in steps], dtype=np.float64)


def attach(config: dict[str, Any], name: str, mentees: list[Person], mentors: list[Person]) -> tuple[np.ndarray, np.ndarray]:
    """(mentee column, mentor column) of one declared criterion or rule (kept in Side.extra[name] by pair/encode.py)."""
    crit = D.criteria(config)[name]
    vocab: dict[Any, int] = {}
    a, b = _column(config, crit, mentees, crit.mentee, vocab), _column(config, crit, mentors, crit.mentor, vocab)
    if crit.kind == D.OVERLAP:
        a, b = _matrix(a, len(vocab)), _matrix(b, len(vocab))
    return a, b


def _classes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class of each mentee, one representative per class); missing numbers (nan) form one class."""
    import numpy as np

    if values.ndim == 1:
        keyed = np.where(np.isnan(values), -np.inf, values) if values.dtype.kind == "f" else values
        reps, inverse = np.unique(keyed, return_inverse=True)
        if values.dtype.kind == "f":
            reps = np.where(np.isinf(reps), np.nan, reps)
        return inverse.reshape(-1).astype(np.int64), reps
    if values.shape[0] == 0:
        return np.zeros(0, dtype=np.int64), values
    reps, inverse = np.unique(values, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), reps


def value_spec(enc: Any, name: str) -> tuple[np.ndarray, RowFn]:
    """(mentee class, function: class ids -> values [len, mentors]) for one declared criterion."""
    import numpy as np

    config = enc.config
    crit = D.criteria(config)[name]
    mentee_col, mentor_col = enc.mentees.extra[name], enc.mentors.extra[name]
    cls, reps = _classes(mentee_col)
    if crit.kind == D.SAME:
        mc = mentor_col[None, :]
        return cls, lambda ids: ((reps[ids][:, None] == mc) & (mc >= 0) & (reps[ids][:, None] >= 0)).astype(np.float64)
    if crit.kind == D.OVERLAP:
        mt = mentor_col.T.astype(np.float32)
        return cls, lambda ids: ((reps[ids].astype(np.float32) @ mt) > 0).astype(np.float64)
    mv = mentor_col[None, :]
    if crit.kind == D.GAP:
        return cls, lambda ids: _gap_table(crit, mv, reps[ids][:, None])
    limit = scale_limit(config, crit)

    def scale(ids: np.ndarray) -> np.ndarray:
        steps = np.abs(mv - reps[ids][:, None])
        with np.errstate(invalid="ignore"):
            inside = ~np.isnan(steps) & (steps <= limit)
        return np.where(inside, 1.0 - np.nan_to_num(steps) / (limit + 1.0), 0.0)

    return cls, scale


def _gap_table(crit: D.Criterion, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """gap_value over arrays (mentor a, mentee b), 0 where either is missing."""
    import numpy as np

    limit = crit.limit or 0.0
    known = ~np.isnan(a) & ~np.isnan(b)
    diff = np.nan_to_num(a) - np.nan_to_num(b)
    if crit.mode == D.AT_LEAST:
        return np.where(known & (diff >= limit), 1.0, 0.0)
    gap = np.abs(diff)
    if crit.mode == D.AT_MOST:
        return np.where(known & (gap <= limit), 1.0, 0.0)
    return np.where(known & (gap <= limit), 1.0 - gap / (limit + 1.0), 0.0)


def rule_spec(enc: Any, name: str) -> tuple[np.ndarray, RowFn]:
    """(mentee class, function: class ids -> bool [len, mentors], True where the declared rule is broken)."""
    cls, fn = value_spec(enc, name)
    return cls, lambda ids: fn(ids) <= 0
