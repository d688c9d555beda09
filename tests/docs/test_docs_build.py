"""`mkdocs build --strict` succeeds (warnings are errors) and renders the API reference from the code."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from doc_samples import ROOT

BUDGET_S = 30.0


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    elapsed = time.perf_counter() - started
    assert "No module named mkdocs" not in result.stderr, "install the docs extra: pip install -e '.[docs]'"
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert elapsed < BUDGET_S, f"docs build took {elapsed:.1f}s"
    return out


def test_every_page_is_built(site: Path) -> None:
    for page in (ROOT / "docs").rglob("*.md"):
        relative = page.relative_to(ROOT / "docs").with_suffix("")
        built = site / ("index.html" if relative.name == "index" and relative.parent == Path() else
                        relative.parent / ("" if relative.name == "index" else relative.name) / "index.html")
        assert built.is_file(), f"{page} was not built ({built})"


def test_reference_is_generated_from_the_code(site: Path) -> None:
    venue = (site / "reference" / "venue" / "index.html").read_text(encoding="utf-8")
    assert 'id="venuekit.core.venue.Venue.create_order"' in venue
    bingx = (site / "reference" / "bingx" / "index.html").read_text(encoding="utf-8")
    assert 'id="venuekit.connectors.bingx.endpoints.SwapTradeApi.place_order"' in bingx
    errors = (site / "reference" / "errors" / "index.html").read_text(encoding="utf-8")
    assert 'id="venuekit.core.errors.UnknownOrderState"' in errors


def test_unified_api_matrix_is_rendered(site: Path) -> None:
    html = (site / "unified-api" / "index.html").read_text(encoding="utf-8")
    assert "<table>" in html and "create_order" in html and "gate-crossex" in html
