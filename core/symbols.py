"""Unified symbols `BASE/QUOTE:SETTLE` and the per-venue mapping both ways."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import BadSymbol

if TYPE_CHECKING:
    from .types.instrument import Instrument

_UNIFIED = re.compile(r"^(?P<base>[A-Z0-9]+)/(?P<quote>[A-Z0-9]+)(?::(?P<settle>[A-Z0-9]+))?(?:@(?P<ex>[A-Z0-9_]+))?$")


@dataclass(frozen=True, slots=True)
class UnifiedSymbol:
    """`BTC/USDT:USDT`, optionally `@BINANCE` for venues that route to an underlying exchange."""

    base: str
    quote: str
    settle: str | None = None
    exchange: str | None = None

    @classmethod
    def parse(cls, text: str) -> UnifiedSymbol:
        match = _UNIFIED.match(text.strip().upper())
        if match is None:
            raise BadSymbol(f"{text!r} is not a unified symbol like 'BTC/USDT:USDT'")
        return cls(match["base"], match["quote"], match["settle"], match["ex"])

    def __str__(self) -> str:
        text = f"{self.base}/{self.quote}"
        if self.settle:
            text += f":{self.settle}"
        if self.exchange:
            text += f"@{self.exchange}"
        return text


class SymbolMap:
    """Both directions between unified and venue symbols, built from loaded instruments."""

    def __init__(self, venue: str, instruments: Iterable[Instrument] = ()) -> None:
        self.venue = venue
        self._by_unified: dict[str, Instrument] = {}
        self._by_venue: dict[str, Instrument] = {}
        for inst in instruments:
            self.add(inst)

    def add(self, instrument: Instrument) -> None:
        self._by_unified[instrument.symbol] = instrument
        self._by_venue[instrument.venue_symbol] = instrument

    def __len__(self) -> int:
        return len(self._by_unified)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._by_unified

    def instruments(self) -> list[Instrument]:
        return list(self._by_unified.values())

    def by_unified(self, symbol: str) -> Instrument:
        inst = self._by_unified.get(symbol)
        if inst is None:
            raise BadSymbol(f"unknown symbol {symbol!r} (load_instruments() first?)", venue=self.venue)
        return inst

    def by_venue(self, venue_symbol: str) -> Instrument | None:
        return self._by_venue.get(venue_symbol)

    def to_venue(self, symbol: str) -> str:
        return self.by_unified(symbol).venue_symbol

    def to_unified(self, venue_symbol: str) -> str:
        inst = self._by_venue.get(venue_symbol)
        return inst.symbol if inst is not None else venue_symbol
