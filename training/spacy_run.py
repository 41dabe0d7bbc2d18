"""Run one ``spacy train`` in a subprocess with a wall-time limit: the loop the
training scripts share (training/ner_uk/train.py, training/syntax_uk/train.py).

spaCy writes ``model-best`` as it goes, so a run stopped at its limit still
leaves the best checkpoint; one thread per BLAS library unless the caller set
more, so that figures and timings are one core's.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(snippet: str, config: Path, out: Path, corpus: Path, overrides: list[str], minutes: float,
        keep: str = "model-best") -> Path:
    """``out/keep`` after training ``config`` on ``corpus``/{train,dev}.spacy
    with ``overrides``; ``snippet`` is the Python that calls spaCy's trainer
    (it registers newsgraph's components first)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env.setdefault(var, "1")
    cmd = [sys.executable, "-c", snippet, str(config), str(out),
           "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"), *overrides]
    print("$", " ".join(cmd[3:]), flush=True)
    with open(out / "train.log", "w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            proc.wait(timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            print(f"{out.name}: time limit of {minutes} min reached, keeping {keep}", flush=True)
            proc.terminate()
            proc.wait()
    return out / keep
