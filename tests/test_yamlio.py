"""Writing YAML back: what we write, we read back identically (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorat_cli.load import yamledit, yamlio

scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
    st.sampled_from(["0612345670", "01000", "NO", "yes", "2e3", "123e45", "1.", ".inf", "~", "- x", "#x"]),
)
documents = st.dictionaries(st.text(min_size=1, max_size=12), st.one_of(scalars, st.lists(scalars, max_size=4)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_dump_then_load_round_trips(data):
    text = yamlio.dump(data)
    loaded, issue = yamlio.load(text)
    assert issue is None, text
    assert (loaded or {}) == data


def test_dump_is_readable_and_stable():
    data = {"last_name": "Lefèvre", "phone": "0612345670", "themes": ["networking"], "summary": "ligne 1\nligne 2"}
    text = yamlio.dump(data, schema_line="../.schemas/mentor.schema.json")
    assert text == (
        "# yaml-language-server: $schema=../.schemas/mentor.schema.json\n"
        "last_name: Lefèvre\nphone: '0612345670'\nthemes:\n- networking\nsummary: |-\n  ligne 1\n  ligne 2\n"
    )
    assert yamlio.dump(data, schema_line="../.schemas/mentor.schema.json") == text


ORIGINAL = """\
# yaml-language-server: $schema=../.schemas/pair.schema.json
# Binôme suivi de près (note de la coordinatrice)
id: a--b
mentee: a
mentor: b
# Confirmé après l'entretien du 12 mars
status: proposed
score: 80.5   # bon score
contacts:
- date: '2026-03-01'
  channel: phone
"""


def test_rewrite_keeps_comments_of_unchanged_entries():
    data, _ = yamlio.load(ORIGINAL)
    data["status"] = "confirmed"
    data["contacts"].append({"date": "2026-04-01", "channel": "mail"})
    out = yamledit.rewrite(ORIGINAL, {**data, "confirmed_on": "2026-03-15"})
    assert "# Binôme suivi de près (note de la coordinatrice)" in out
    assert "# Confirmé après l'entretien du 12 mars\nstatus: confirmed\n" in out
    assert "score: 80.5   # bon score" in out
    assert out.endswith("confirmed_on: '2026-03-15'\n")
    assert yamlio.load(out)[0] == {**data, "confirmed_on": "2026-03-15"}


def test_rewrite_removes_a_key_with_its_comment():
    data, _ = yamlio.load(ORIGINAL)
    del data["status"]
    out = yamledit.rewrite(ORIGINAL, data)
    assert "12 mars" not in out and "status" not in out
    assert yamlio.load(out)[0] == data


def test_rewrite_of_unchanged_data_is_the_original():
    data, _ = yamlio.load(ORIGINAL)
    assert yamledit.rewrite(ORIGINAL, data) == ORIGINAL


@settings(max_examples=150, deadline=None)
@given(documents, documents)
def test_rewrite_always_reads_back_as_the_new_data(before, after):
    original = "# note\n" + yamlio.dump(before)
    out = yamledit.rewrite(original, after)
    assert (yamlio.load(out)[0] or {}) == after
