"""Binance USDⓈ-M futures simulator: the venue's REST wire protocol over `venuekit.core.simulator.Exchange`."""

from __future__ import annotations

from .app import BinanceUSDMSimulator

__all__ = ["BinanceUSDMSimulator"]
