"""docs/unified-api.md shows exactly the capabilities the venue classes implement."""

from __future__ import annotations

from tools import unified_api
from tools.unified_api import BEGIN, END, PAGE, page_with, render, support
from venuekit.connectors.registry import VENUES
from venuekit.core import Capability


def cells(row: str) -> list[str]:
    """Cells of a Markdown table row (pipes inside cells are written as `&#124;`)."""
    return [c.strip() for c in row.split("|")[1:-1]]


def test_page_matches_the_code() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    assert page_with(render(), text) == text, "stale: run python -m tools.unified_api --write"


def test_every_capability_has_a_summary() -> None:
    assert [c for c in Capability if not unified_api.summary(c)] == []


def test_matrix_rows_follow_capabilities() -> None:
    caps = support()
    table = render().splitlines()
    assert [h.strip("`") for h in cells(table[0])[1:-1]] == list(VENUES)
    rows = [cells(row) for row in table[2 : 2 + len(Capability)]]
    for capability, row in zip(Capability, rows, strict=True):
        assert row[0].startswith(f"<code>{capability.value}(")
        for name, cell in zip(VENUES, row[1:-1], strict=True):
            assert cell.startswith(unified_api.YES) == (capability in caps[name]), (capability, name, cell)


def test_known_gaps_are_shown() -> None:
    """Facts from the venue guides: Binance has no amend (PUT /fapi/v1/order is not offered), Gate no margin mode."""
    page = PAGE.read_text(encoding="utf-8")
    amend = next(line for line in page.splitlines() if line.startswith("| <code>amend_order("))
    margin = next(line for line in page.splitlines() if line.startswith("| <code>set_margin_mode("))
    assert cells(amend)[1 + list(VENUES).index("binance-usdm")] == unified_api.NO
    assert cells(margin)[1 + list(VENUES).index("gate-crossex")] == unified_api.NO
