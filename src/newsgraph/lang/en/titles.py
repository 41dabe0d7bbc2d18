"""English titles of office (data for ``newsgraph.extract.roles``); lower-case, every form listed."""

TITLES = (
    "president", "vice president", "prime minister", "minister", "foreign minister",
    "defence minister", "defense minister", "chancellor", "secretary general", "secretary-general",
    "secretary", "secretary of state", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "head", "chairman", "chairwoman", "chair", "director", "mayor", "governor", "speaker",
    "senator", "general", "prosecutor", "adviser", "advisor", "deputy", "leader", "king", "queen",
    "pope", "commander", "envoy", "representative", "ceo",
)
COMPLEMENTS = frozenset()
SYNONYMS = {"secretary-general": "secretary general", "head of state": "president"}
#: the organisation may stand before the title: "NATO Secretary General".
ORG_BEFORE_TITLE = True

#: phrases between a person and the title they hold ("Бориса Джонсона в качестве министра").
ROLE_MARKERS = ("as",)
