"""English."""
from newsgraph.lang import Language

LANGUAGE = Language(
    code="en",
    lingua="ENGLISH",
    script="Latn",
    exclusive_letters="",
    sentences="razdel",
    morphology=None,
    parser=None,
    recogniser=None,
)
