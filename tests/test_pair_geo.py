"""Distance: bundled département coordinates, the in-person rule and the distance criterion."""

from __future__ import annotations

from test_pair_helpers import files, load, mentee, mentor, programme_yaml, proposals

from mentorat_cli.pair import geo

IN_PERSON = {
    "format": "in_person",
    "eligibility": {"max_distance_km": 100, "mentor_civil_servant": True},
    "matching": {
        "weights": {"themes": 50, "distance": 50, "sector": 0, "public": 0, "format": 0, "availability": 0, "school": 0},
        "distance_scale_km": 50,
    },
}


def test_postcodes_resolve_to_departements():
    assert geo.departement("75005") == "75"
    assert geo.departement("20000") == "2A" and geo.departement("20200") == "2B"
    assert geo.departement("97400") == "974"
    assert geo.departement("7500") is None and geo.departement("ABCDE") is None
    assert geo.place({"city": "Saint-Étienne"}) == geo.place({"city": "saint etienne"}) == "42"
    assert geo.place({"postcode": "1000", "country": "BE"}) is None
    paris_lyon = geo.distance_km({"postcode": "75005"}, {"city": "Lyon"})
    assert paris_lyon is not None and 380 < paris_lyon < 400  # about 392 km as the crow flies
    assert geo.distance_km({"postcode": "75001"}, {"postcode": "75020"}) == 0.0
    assert geo.distance_km({"city": "Atlantis"}, {"postcode": "75001"}) is None


def test_in_person_programme_applies_max_distance_and_scores_proximity(programme, run_cli):
    root = programme(
        files(
            mentor("lea-paris", themes=["networking"], location={"postcode": "75011"}),
            mentor("marc-lyon", themes=["networking"], location={"city": "Lyon"}),
            mentor("nina-versailles", themes=["networking"], location={"postcode": "78000"}),
            mentee("anna-paris", ["networking"], location={"postcode": "75005"}),
            mentee("bob-lyon", ["networking"], location={"postcode": "69003"}),
            mentee("carl-nowhere", ["networking"]),
        ),
        programme_yaml(IN_PERSON),
    )
    result = run_cli(["pair"], cwd=root)
    assert result.code == 0, result.err
    found = proposals(root)
    assert sorted(found) == ["anna-paris--lea-paris", "bob-lyon--marc-lyon"]
    anna = found["anna-paris--lea-paris"]
    assert {"criterion": "distance", "points": 50.0, "max": 50.0, "evidence": "même département"} in anna["criteria"]
    assert anna["alternatives"][0]["mentor"] == "nina-versailles"
    assert anna["alternatives"][0]["why_not"].startswith("score plus bas")
    unmatched = load(root / "pairing.yaml")["unmatched"]
    assert unmatched == [{"mentee": "carl-nowhere", "reason": "no-feasible-mentor", "feasible_mentors": 0, "excluded": {"distance": 3}}]
    why = run_cli(["pair", "--explain", "bob-lyon", "lea-paris"], cwd=root)
    assert "why not lea-paris: the pair breaks the rule 'distance':" in why.out
    assert "km apart, at most 100 km allowed" in why.out
    assert run_cli(["validate"], cwd=root).code == 0
