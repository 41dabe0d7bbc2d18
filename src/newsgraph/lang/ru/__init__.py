"""Russian."""
from newsgraph.lang import Language

LANGUAGE = Language(
    code="ru",
    lingua="RUSSIAN",
    script="Cyrl",
    exclusive_letters="ыэъёЫЭЪЁ",
    sentences="razdel",
    morphology="ru",
    parser="parser",
    recogniser="ner",
)
