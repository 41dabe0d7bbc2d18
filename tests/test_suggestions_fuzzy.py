"""Issue 16: a misspelt name ("Нимеччина" for Німеччина) is answered with a "did you mean" list that
holds the entity meant, first, in uk, ru and en alike, through the CLI and the API; a name far from
every stored one gets no suggestions."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from newsgraph.store import Store  # noqa: E402
from newsgraph.store.lookup import lookup  # noqa: E402

#: a misspelling (the letter wrong or two swapped near the start, where a prefix finds nothing) ->
#: the entity meant and the name the CLI's did-you-mean line shows for it
MISSPELT = {
    "Нимеччина": ("loc:country:DE", "Німеччина"),  # uk: и for і
    "Пальша": ("loc:country:PL", "Польша"),  # ru: а for о
    "Dnemark": ("loc:country:DK", "Denmark"),  # en: two letters swapped
}
FAR = "Ніденемаєтакого"


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("typo", sorted(MISSPELT))
def test_a_misspelt_name_suggests_the_entity_meant_first(examples, typo):
    want, _ = MISSPELT[typo]
    with Store(examples) as s:
        match = lookup(s.db, typo)
    assert match.ids == [] and match.suggestions, typo
    assert match.suggestions[0]["id"] == want, [x["id"] for x in match.suggestions]
    assert len(match.suggestions) <= 8


@pytest.mark.parametrize("typo", sorted(MISSPELT))
def test_api_422_suggests_the_entity_meant_first(api, typo):
    want, _ = MISSPELT[typo]
    r = api.get("/api/search", params={"q": "Germany", "entity": typo})
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["detail"] == f"entity: no entity named {typo}"
    assert body["suggestions"] and body["suggestions"][0]["id"] == want, body["suggestions"]
    assert {"id", "name", "names", "type", "documents"} <= set(body["suggestions"][0])


@pytest.mark.parametrize("typo", sorted(MISSPELT))
def test_cli_search_entity_misspelt_lists_the_name_meant(examples, typo):
    want, name = MISSPELT[typo]
    r = _cli("search", "Germany", "--db", examples, "--entity", typo)
    assert r.returncode != 0, r.stdout
    assert f"--entity '{typo}': no stored entity has this name; did you mean:" in r.stderr, r.stderr
    near = r.stderr.split("did you mean:")[1].strip()
    assert near.startswith(f"{name} ({want},"), near


def test_a_name_far_from_everything_gets_no_suggestions(api, examples):
    with Store(examples) as s:
        assert lookup(s.db, FAR).suggestions == []
        assert lookup(s.db, "zzzqx").suggestions == []
    r = api.get("/api/search", params={"q": "Germany", "entity": FAR})
    assert r.status_code == 422 and r.json() == {"detail": f"entity: no entity named {FAR}", "suggestions": []}
    cli = _cli("search", "Germany", "--db", examples, "--entity", FAR)
    assert cli.returncode != 0 and "no stored entity has this name" in cli.stderr
    assert "did you mean" not in cli.stderr


def test_a_word_of_a_longer_description_is_not_offered_for_a_one_word_typo(examples):
    # "Міністр оборони Німеччини" is an alias of a person; "Нимеччина" means the country alone
    with Store(examples) as s:
        ids = [x["id"] for x in lookup(s.db, "Нимеччина").suggestions]
    assert ids == ["loc:country:DE"], ids
