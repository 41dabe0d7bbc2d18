"""Words and documents per second of the analyze stage, per language, on one core.

Usage: python benchmarks/analyze_speed.py [--docs 100]

Texts: Ukrainian from ../shared/data/ner-uk-train (news part "ng"), Russian
from ../shared/data/factrueval-dev, falling back to the bundled examples.
The timing covers what `newsgraph analyze` does to a document after reading
it, stage by stage (see ``bench``). Model loading and a process's first
batches are excluded (warm-up sentences and 20 other documents run first).
natasha's full Russian pipeline runs last on the Russian texts, for the
comparison. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as the figures claim

from newsgraph.analysis.annotate import annotate_many  # noqa: E402
from newsgraph.extract import extract  # noqa: E402
from newsgraph.link import link  # noqa: E402
from newsgraph.model import RawDocument, Source  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402

#: one short document per language, run first so that loading is not timed.
WARMUP = ["Олаф Шольц зустрівся з Марком Рютте в Берліні 4 листопада.",
          "Олаф Шольц встретился с Марком Рютте в Берлине 4 ноября.",
          "Olaf Scholz met Mark Rutte in Berlin on 4 November."]

#: documents (after the measured ones) that warm the process up before timing.
WARMUP_DOCS = 20

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SOURCES = {
    "uk": [SHARED / "ner-uk-train" / "ng", ROOT / "examples" / "text"],
    "ru": [SHARED / "factrueval-dev", ROOT / "examples" / "text"],
}


def texts(language: str, n: int, skip: int = 0) -> list[str]:
    """Up to ``n`` texts of ``language``, after the first ``skip`` ones."""
    for folder in SOURCES[language]:
        files = sorted(folder.glob("*.txt"))
        if files:
            out = []
            for f in files[skip : skip + n]:
                try:
                    out.append(f.read_text(encoding="utf-8"))
                except UnicodeDecodeError:
                    continue
            return out
    return []


def timed_pass(pipeline: Pipeline, language: str, docs: list[str]) -> tuple[dict[str, float], int]:
    """The stages as ``Pipeline.run`` chains them: documents cleaned one by one,
    analysed ``pipeline.batch`` at a time, then linked and extracted."""
    times = {"clean": 0.0, "analyze": 0.0, "link+extract": 0.0}
    mentions = 0
    for b in range(0, len(docs), pipeline.batch):
        t0 = time.perf_counter()
        batch = [pipeline.clean(RawDocument(source=Source(path=f"{language}-{b + i}"), text=text))
                 for i, text in enumerate(docs[b : b + pipeline.batch])]
        t1 = time.perf_counter()
        batch = annotate_many(batch)
        t2 = time.perf_counter()
        batch = [extract(link(doc)) for doc in batch]
        t3 = time.perf_counter()
        times["clean"] += t1 - t0
        times["analyze"] += t2 - t1
        times["link+extract"] += t3 - t2
        mentions += sum(len(e.all_mentions()) for doc in batch for e in doc.entities)
    return times, mentions


def bench(language: str, docs: list[str], warmup: list[str] = ()) -> None:
    """Each document goes through the pipeline's stages one by one, timed apart:
    clean (segments, languages, dedup keys), analyze (sentences, morphology,
    named entities, base forms, values: the issue's "tokens through NER and
    base forms"), and link + extract (coreference, roles, quotes, events).

    Startup is excluded: models load on the warm-up sentences, and ``warmup``
    (other documents than the measured ones) runs first, because a process's
    first few big batches pay once for memory and BLAS buffers (the
    recogniser's network takes 1.2 s on its first 100 documents, 0.7 s on the
    next 100 new ones).

    Two passes: the first meets every word of the measured documents for the
    first time (dictionary look-ups, spaCy lexemes); the second has them
    cached, as a long run over a corpus does after its first few hundred
    articles."""
    pipeline = Pipeline(analyze=False)
    warm = [pipeline.clean(RawDocument(source=Source(path="warmup"), text=t)) for t in WARMUP + warmup]
    for doc in annotate_many(warm):  # load every model and dictionary the texts may need
        extract(link(doc))
    words = sum(len(t.split()) for t in docs)
    for label in ("first pass", "second pass"):
        times, mentions = timed_pass(Pipeline(analyze=False), language, docs)
        total = sum(times.values())
        print(f"{language}, {label}: {len(docs)} docs, {words} words, {mentions} mentions")
        for stage, dt in [*times.items(), ("whole pipeline", total)]:
            print(f"  {stage:15s} {dt:6.2f} s  {len(docs) / dt:7.1f} docs/s  {words / dt:8.0f} words/s")


def natasha(docs: list[str]) -> None:
    """natasha's own full Russian pipeline (segmentation, morphology, syntax,
    NER) on the same texts: the speed the issue holds newsgraph to. Same
    warm-up rule: one document first, then two timed passes."""
    try:
        from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                             NewsSyntaxParser, Segmenter)
    except ImportError:
        print("natasha not installed: no comparison")
        return
    emb = NewsEmbedding()
    segmenter, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    MorphVocab()

    def run(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)

    run(WARMUP[1])
    words = sum(len(t.split()) for t in docs)
    for label in ("first pass", "second pass"):
        t0 = time.perf_counter()
        for text in docs:
            run(text)
        dt = time.perf_counter() - t0
        print(f"natasha (ru), {label}: {len(docs)} docs, {words} words  {dt:6.2f} s  {words / dt:8.0f} words/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--languages", default="uk,ru")
    ap.add_argument("--no-natasha", action="store_true", help="skip natasha's pipeline on the Russian texts")
    args = ap.parse_args()
    for language in args.languages.split(","):
        docs = texts(language, args.docs)
        if docs:
            bench(language, docs, texts(language, WARMUP_DOCS, skip=args.docs))
    if not args.no_natasha:
        natasha(texts("ru", args.docs))
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
