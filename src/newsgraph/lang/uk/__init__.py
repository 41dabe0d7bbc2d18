"""Ukrainian."""
from newsgraph.lang import Language

LANGUAGE = Language(
    code="uk",
    lingua="UKRAINIAN",
    script="Cyrl",
    exclusive_letters="іїєґІЇЄҐ",
    sentences="tokenize_uk",
    morphology="uk",
    parser="parser",
    recogniser="ner",
)
