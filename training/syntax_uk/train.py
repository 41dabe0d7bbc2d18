"""Train newsgraph's Ukrainian parser (UPOS, FEATS, dependency trees) and ship it.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice -n 10 \\
        .venv/bin/python training/syntax_uk/train.py            # ~30 min on 2 CPU cores

    # with static vectors (navec respelled to Ukrainian lemmas, as the NER model has):
    .venv/bin/python training/ner_uk/vectors.py --out build/syntax_uk/vectors \
        --corpus build/syntax_uk/corpus --places /nonexistent
    ... training/syntax_uk/train.py --name vectors --paths.vectors build/syntax_uk/vectors \
        --components.tok2vec.model.embed.include_static_vectors true

Steps: convert.py (zoloto XML -> ``build/syntax_uk/corpus``, the UD dev
sentences left out of training) -> ``spacy train`` with config.cfg (seed
fixed; at most ``--minutes`` of wall time: spaCy keeps the best checkpoint on
the UD dev file in ``model-best``) -> ``model-best`` is copied to
``src/newsgraph/models/syntax_uk`` with LICENSE.md; README.md there is kept.

The dev scores spaCy prints are on gold tokens; the figure we publish is
``newsgraph eval syntax ../shared/data/uk-treebank/uk_iu-ud-dev.conllu``,
from raw text with newsgraph's own sentences and tokens.
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
CORPUS = REPO / "build" / "syntax_uk" / "corpus"
RUNS = REPO / "build" / "syntax_uk" / "runs"
SHIP = REPO / "src" / "newsgraph" / "models" / "syntax_uk"

LICENSE = """# License of this model

This spaCy model (newsgraph Ukrainian morphology and dependency syntax) was
trained on **zoloto**, the treebank of the Institute of the Ukrainian Language
(mova-institute, https://mova.institute/), the source of UD_Ukrainian-IU
(https://github.com/UniversalDependencies/UD_Ukrainian-IU), which is licensed
under the Creative Commons Attribution-NonCommercial-ShareAlike 4.0
International license (CC BY-NC-SA 4.0).

As a work derived from that treebank, **this model inherits CC BY-NC-SA 4.0**:
you may share and adapt it with attribution, for **non-commercial purposes
only**, and derived works must be shared under the same license. See
https://creativecommons.org/licenses/by-nc-sa/4.0/ .

Attribution: UD_Ukrainian-IU / zoloto by Natalia Kotsyba, Bohdan Moskalevskyi,
Mykhailo Romanenko and the Institute of the Ukrainian Language. The newsgraph
source code itself is licensed separately; this folder's license applies to
the model weights and data files in it.
"""

# thinc's blis gemm is ~3x slower than numpy's BLAS on current x86 CPUs (see
# spacy_components.MatmulOps); training uses the same product.
TRAIN_SNIPPET = """
import sys
from thinc.api import NumpyOps, Ops
NumpyOps.gemm = Ops.gemm
import newsgraph.analysis.spacy_components  # registers newsgraph_lemma_norm
from spacy.cli.train import train
from spacy.cli._util import parse_config_overrides
config, out, *rest = sys.argv[1:]
train(config, out, overrides=parse_config_overrides(rest))
"""


def train(name: str, minutes: float, extra: list[str], corpus: Path = CORPUS,
          config: Path = HERE / "config.cfg") -> Path:
    return spacy_run.run(TRAIN_SNIPPET, config, RUNS / name, corpus, extra, minutes)


def ship(model: Path) -> None:
    keep = (SHIP / "README.md").read_text(encoding="utf-8") if (SHIP / "README.md").exists() else None
    if SHIP.exists():
        shutil.rmtree(SHIP)
    shutil.copytree(model, SHIP)
    if keep is not None:
        (SHIP / "README.md").write_text(keep, encoding="utf-8")
    (SHIP / "LICENSE.md").write_text(LICENSE, encoding="utf-8")
    if "include_static_vectors = true" in (SHIP / "config.cfg").read_text(encoding="utf-8"):
        sys.path.insert(0, str(REPO / "training" / "ner_uk"))
        from vectors import keep_norm_keys  # the lemma-keyed table loses its key attribute on save

        keep_norm_keys(SHIP)
    meta_path = SHIP / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": "syntax_uk", "version": "0.1.0",
        "description": "newsgraph Ukrainian UPOS, FEATS and dependency syntax, trained on zoloto (UD_Ukrainian-IU)",
        "license": "CC BY-NC-SA 4.0",
        "sources": [{"name": "UD_Ukrainian-IU / zoloto", "url": "https://github.com/UniversalDependencies/UD_Ukrainian-IU",
                     "license": "CC BY-NC-SA 4.0"}],
        "requirements": ["pymorphy3", "pymorphy3-dicts-uk"],
    })
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    size = sum(f.stat().st_size for f in SHIP.rglob("*") if f.is_file())
    print(f"shipped {model} -> {SHIP} ({size / 1e6:.1f} MB)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--name", default="main", help="run folder under build/syntax_uk/runs")
    p.add_argument("--minutes", type=float, default=60.0, help="wall-time limit of the run")
    p.add_argument("--no-ship", action="store_true", help="train only")
    p.add_argument("--config", type=Path, default=HERE / "config.cfg", help="spaCy config of a variant")
    p.add_argument("--acronyms", type=float, default=0.0, metavar="SHARE",
                   help="convert.py --acronyms: copies of this share of the sentences with an acronym noun")
    # any other --section.key value pairs are spaCy config overrides
    args, extra = p.parse_known_args(argv)
    corpus = CORPUS if not args.acronyms else CORPUS.with_name(f"corpus-acronyms-{args.acronyms:g}")
    if not (corpus / "train.spacy").exists():
        subprocess.run([sys.executable, str(HERE / "convert.py"), "--out", str(corpus),
                        "--acronyms", str(args.acronyms)], check=True, cwd=REPO)
    best = train(args.name, args.minutes, extra, corpus, args.config)
    if not best.exists():
        print(f"no model in {best}", file=sys.stderr)
        return 1
    perf = json.loads((best / "meta.json").read_text(encoding="utf-8")).get("performance", {})
    print("dev (gold tokens):", {k: round(v, 4) for k, v in perf.items() if isinstance(v, float)})
    if not args.no_ship:
        ship(best)
    return 0


if __name__ == "__main__":
    sys.exit(main())
