"""Writing YAML back: what we write, we read back identically (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorat_cli import yamlio

scalars = st.one_of(st.text(max_size=30), st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.sampled_from(["0612345670", "01000", "NO", "yes", "2e3", "123e45", "1.", ".inf", "~", "- x", "#x"]))
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
