"""Ukrainian."""
from newsgraph.lang import Language

LANGUAGE = Language(
    code="uk",
    lingua="UKRAINIAN",
    script="Cyrl",
    exclusive_letters="іїєґІЇЄҐ",
    sentences="tokenize_uk",
    morphology="uk",
    parser="syntax_uk",
    recogniser="ner_uk",
)
