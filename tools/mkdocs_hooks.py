"""mkdocs hook: expose `core/` and `connectors/` as `venuekit.core` / `venuekit.connectors` for mkdocstrings.

The package is installed with a setuptools path mapping that static tools (griffe) do not follow, so the
API reference reads the code through `build/typecheck/venuekit/{core,connectors}`, the same symlinks
`make typecheck` creates. Creating them here makes `mkdocs build` work on a clean clone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_TREE = ROOT / "build" / "typecheck" / "venuekit"


def ensure_package_tree() -> Path:
    """Create the `venuekit/{core,connectors}` symlinks if missing; return the search path for griffe."""
    PACKAGE_TREE.mkdir(parents=True, exist_ok=True)
    for name in ("core", "connectors"):
        link = PACKAGE_TREE / name
        if not link.exists():
            if link.is_symlink():
                link.unlink()
            link.symlink_to(Path("..", "..", "..", name), target_is_directory=True)
    return PACKAGE_TREE.parent


def on_startup(*, command: str, dirty: bool, **_: Any) -> None:
    ensure_package_tree()
