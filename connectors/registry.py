"""The venues venuekit ships, by name, loaded lazily so importing one never imports the others."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from venuekit.core import Venue


@dataclass(frozen=True, slots=True)
class VenueEntry:
    """Where a venue's unified class and simulator live."""

    name: str
    package: str
    unified: str
    simulator: str
    title: str

    def venue_class(self) -> type[Venue]:
        cls: type[Venue] = getattr(importlib.import_module(f"venuekit.connectors.{self.package}"), self.unified)
        return cls

    def simulator_class(self) -> Any:
        module = importlib.import_module(f"venuekit.connectors.{self.package}.simulator")
        return getattr(module, self.simulator)


VENUES: dict[str, VenueEntry] = {
    e.name: e
    for e in (
        VenueEntry("bingx", "bingx", "BingX", "BingXSimulator", "BingX USDT-M perpetual"),
        VenueEntry("binance-usdm", "binance_usdm", "BinanceUSDM", "BinanceUSDMSimulator", "Binance USDⓈ-M futures"),
        VenueEntry("gate-crossex", "gate_crossex", "GateCrossEx", "GateCrossExSimulator", "Gate CrossEx"),
    )
}


def entry(name: str) -> VenueEntry:
    """Look a venue up by name; the error lists the valid names."""
    try:
        return VENUES[name]
    except KeyError:
        raise ValueError(f"unknown venue {name!r}; choose one of: {', '.join(VENUES)}") from None
