from decimal import Decimal

import pytest

from venuekit.core import (
    BadSymbol,
    Capability,
    Instrument,
    InvalidOrder,
    NotSupported,
    OrderRequest,
    Side,
    UnifiedSymbol,
    Venue,
)


class _Tiny(Venue):
    name = "tiny"

    async def fetch_ticker(self, symbol: str) -> object:  # type: ignore[override]
        return symbol


def _venue() -> _Tiny:
    venue = _Tiny()
    venue.symbols.add(
        Instrument(symbol="BTC/USDT:USDT", venue_symbol="BTC-USDT", venue="tiny", base="BTC", quote="USDT",
                   settle="USDT", tick_size=Decimal("0.1"), lot_step=Decimal("0.0001"), min_qty=Decimal("0.0001"),
                   min_notional=Decimal("2"))
    )
    return venue


def test_capabilities_list_only_overridden_methods() -> None:
    assert _venue().capabilities == {Capability.FETCH_TICKER}


async def test_missing_capability_raises_not_supported_with_reason() -> None:
    with pytest.raises(NotSupported, match="fetch_balances is not supported on tiny"):
        await _venue().fetch_balances()


def test_prepare_quantises_and_checks_before_wire() -> None:
    venue = _venue()
    req = venue.prepare(OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.00019"), Decimal("60000.04")))
    assert (req.amount, req.price) == (Decimal("0.0001"), Decimal("60000.0"))
    with pytest.raises(InvalidOrder):
        venue.prepare(OrderRequest.limit("BTC/USDT:USDT", Side.BUY, Decimal("0.00001"), Decimal("60000")))
    with pytest.raises(BadSymbol):
        venue.prepare(OrderRequest.limit("DOGE/USDT:USDT", Side.BUY, Decimal("1"), Decimal("1")))


def test_unified_symbol_round_trip() -> None:
    sym = UnifiedSymbol.parse("btc/usdt:usdt@binance")
    assert (sym.base, sym.quote, sym.settle, sym.exchange) == ("BTC", "USDT", "USDT", "BINANCE")
    assert str(sym) == "BTC/USDT:USDT@BINANCE"
    with pytest.raises(BadSymbol):
        UnifiedSymbol.parse("BTCUSDT")


async def test_async_context_manager_closes() -> None:
    closed = False

    class _Closing(_Tiny):
        async def close(self) -> None:
            nonlocal closed
            closed = True

    async with _Closing() as venue:
        assert venue.name == "tiny"
    assert closed
