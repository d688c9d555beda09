"""Generate the support matrix of docs/unified-api.md from `Venue.capabilities` of each registered venue.

`python -m tools.unified_api` prints the table; `--write` rewrites the generated block of the page;
`--check` exits 1 when the page is stale. `test_unified_api_page.py` runs the check in the test suite.
"""

from __future__ import annotations

import html
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from venuekit.connectors.registry import VENUES
from venuekit.core import Capability, Venue

PAGE = Path(__file__).resolve().parents[1] / "docs" / "unified-api.md"
BEGIN = "<!-- BEGIN GENERATED: python -m tools.unified_api --write -->"
END = "<!-- END GENERATED -->"
YES, NO = "✓", "—"

#: One line per unified method whose base method has no docstring (otherwise its first line is used).
SUMMARY: dict[Capability, str] = {
    Capability.LOAD_INSTRUMENTS: "Load tradable instruments into `venue.symbols` (tick, step, minimums).",
    Capability.FETCH_BALANCES: "Balances by asset (`total = free + used`).",
    Capability.FETCH_POSITIONS: "Open positions, optionally for some symbols.",
    Capability.CREATE_ORDER: "Quantise, check minimums, place exactly once under a client order id.",
    Capability.CREATE_ORDERS: "Place a batch; failed items come back as exceptions in place.",
    Capability.AMEND_ORDER: "Change the amount and/or price of an open order.",
    Capability.CANCEL_ORDER: "Cancel by order id or client order id.",
    Capability.CANCEL_ORDERS: "Cancel several orders of one symbol; failures come back in place.",
    Capability.CANCEL_ALL_ORDERS: "Cancel every open order (of one symbol); returns what was canceled.",
    Capability.CANCEL_ALL_AFTER: "Dead-man switch: cancel everything unless renewed within `timeout_ms`.",
    Capability.FETCH_ORDER: "One order by id or client order id.",
    Capability.FETCH_OPEN_ORDERS: "Open orders (of one symbol).",
    Capability.FETCH_ORDERS: "Order history of one symbol.",
    Capability.FETCH_FILLS: "Executions (trades) of the account.",
    Capability.FETCH_LEVERAGE: "Leverage of a symbol, per side when the venue has two.",
    Capability.SET_LEVERAGE: "Set leverage of a symbol.",
    Capability.SET_MARGIN_MODE: "Cross or isolated margin for a symbol.",
    Capability.SET_POSITION_MODE: "One-way or hedge mode for the account.",
    Capability.CLOSE_POSITION: "Close a position at market; returns the closing orders.",
    Capability.FETCH_INCOME: "Ledger: funding, realised PnL, commissions, transfers.",
    Capability.FETCH_FUNDING_RATE: "Current funding rate with mark/index price and next funding time.",
    Capability.FETCH_TICKER: "Last price, best bid/ask and mark price, where the venue gives them.",
    Capability.FETCH_COMMISSION: "Maker/taker commission rates of the account for a symbol.",
}


def summary(capability: Capability) -> str:
    """SUMMARY's line, else the first line of `Venue.<method>.__doc__`; empty when neither exists."""
    doc = inspect.getdoc(getattr(Venue, capability.value)) or ""
    return SUMMARY.get(capability) or doc.split("\n", 1)[0].strip()


def _annotation(value: Any) -> str:
    return value if isinstance(value, str) else inspect.formatannotation(value)


def signature(method: Callable[..., Any], *, only: set[str] | None = None) -> str:
    """`name(a: T, *, b: U = None) -> R` from the code; `only` keeps just the named parameters."""
    sig = inspect.signature(method)
    parts: list[str] = []
    star = False
    for param in list(sig.parameters.values())[1:]:
        if only is not None and param.name not in only:
            continue
        if param.kind is inspect.Parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = f"{param.name}: {_annotation(param.annotation)}"
        if param.default is not inspect.Parameter.empty:
            text += f" = {param.default!r}"
        parts.append(text)
    returns = "" if only is not None else f" -> {_annotation(sig.return_annotation)}"
    return f"{method.__name__}({', '.join(parts)}){returns}"


def code(text: str) -> str:
    """Inline code safe inside a Markdown table cell: `|` as an entity (a `\\|` would show literally)."""
    return "<code>" + html.escape(text, quote=False).replace("|", "&#124;") + "</code>"


def venue_extras(cls: type[Venue], capability: Capability) -> set[str]:
    """Parameters a venue's method takes beyond the shared signature (e.g. Gate's `exchange=`)."""
    base = set(inspect.signature(getattr(Venue, capability.value)).parameters)
    own = inspect.signature(getattr(cls, capability.value)).parameters
    return {name for name, p in own.items() if name not in base and p.kind is not inspect.Parameter.VAR_KEYWORD}


def support() -> dict[str, frozenset[Capability]]:
    """`Venue.capabilities` of every registered venue (constructing a client opens no connection)."""
    return {name: entry.venue_class()().capabilities for name, entry in VENUES.items()}


def render() -> str:
    caps = support()
    classes = {name: entry.venue_class() for name, entry in VENUES.items()}
    header = ["method", *VENUES, "what it does"]
    lines = ["| " + " | ".join(f"`{h}`" if h in VENUES else h for h in header) + " |",
             "| " + " | ".join("---" for _ in header) + " |"]
    for capability in Capability:
        cells = []
        for name, cls in classes.items():
            if capability not in caps[name]:
                cells.append(NO)
                continue
            extras = venue_extras(cls, capability)
            method = getattr(cls, capability.value)
            extra = signature(method, only=extras)[len(capability.value) :]
            cells.append(YES + (f" {code(extra)}" if extras else ""))
        method_sig = code(signature(getattr(Venue, capability.value)))
        lines.append(f"| {method_sig} | " + " | ".join(cells) + f" | {summary(capability) or '(undocumented)'} |")
    counts = ", ".join(f"{name} {len(caps[name])}/{len(Capability)}" for name in VENUES)
    lines += ["", f"Methods implemented: {counts}."]
    return "\n".join(lines)


def page_with(table: str, text: str) -> str:
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    if not rest:
        raise ValueError(f"{PAGE} has no {BEGIN!r} marker")
    return f"{head}{BEGIN}\n{table}\n{END}{tail}"


def main(argv: list[str]) -> int:
    table = render()
    if "--write" in argv:
        PAGE.write_text(page_with(table, PAGE.read_text(encoding="utf-8")), encoding="utf-8")
    elif "--check" in argv:
        text = PAGE.read_text(encoding="utf-8")
        if page_with(table, text) != text:
            print(f"{PAGE} is stale: run python -m tools.unified_api --write", file=sys.stderr)
            return 1
    else:
        print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
