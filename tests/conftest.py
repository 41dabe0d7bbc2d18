from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_d000e6e2b3859341.txt"
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def pipeline():
    """One pipeline, models loaded once, for the tests that analyse their texts whole."""
    from newsgraph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside the repository")
    return SEED


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Path:
    """A store of the bundled examples (no seed), one per test module."""
    from test_api import build_store

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    build_store(path, seed=False)
    return path


@pytest.fixture(scope="module")
def api(examples):
    """The API of :func:`examples` through FastAPI's test client."""
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app

    with TestClient(create_app(examples)) as c:
        yield c
