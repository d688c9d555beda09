"""Any parameter set signs and verifies through each simulator's own verifier (a signed GET carrying
arbitrary extra parameters the venue ignores); BingX signs the same string in any order; characters a
raw-query venue cannot carry are refused before the wire, everything else verifies."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from properties_profile import BOUNDED

from venuekit.connectors.binance_usdm import BinanceUSDMClient
from venuekit.connectors.binance_usdm.endpoints.account import BALANCE as BINANCE_BALANCE
from venuekit.connectors.binance_usdm.simulator import BinanceUSDMSimulator
from venuekit.connectors.bingx import BingXClient
from venuekit.connectors.bingx.endpoints.swap_account import BALANCE as BINGX_BALANCE
from venuekit.connectors.bingx.signer import BingXSigner
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.connectors.gate_crossex.endpoints.account import GET_ACCOUNT as GATE_ACCOUNT
from venuekit.connectors.gate_crossex.simulator import GateCrossExSimulator
from venuekit.core.credentials import Credentials
from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest
from venuekit.core.ratelimit import RateLimiter
from venuekit.core.signing.base import UnsignedRequest
from venuekit.core.simulator import ManualClock, SimulatorTransport

KEY, SECRET = "prop-key", "prop-secret-Ünïcødé-☃"
FORBIDDEN = "&=?#"
START_MS = 1_700_000_000_000


@dataclass
class Signed:
    """A raw client bound to a fresh simulator, and the signed GET used to carry the extra parameters."""

    client: Any
    endpoint: Endpoint[Any]
    transport: SimulatorTransport
    clock: ManualClock

    def __post_init__(self) -> None:
        self.client.rest.limiter = RateLimiter(self.client.rest.venue, ())

    async def call(self, params: Mapping[str, str]) -> Any:
        """One signed GET a simulated second after the previous one, so no venue rate window fills up."""
        self.clock.advance(1000)
        self.client.rest.clock.offset_ms += 1000
        return await self.client.rest.call(self.endpoint, params)


def _bingx() -> Signed:
    clock = ManualClock(START_MS)
    sim = BingXSimulator(clock=clock)
    sim.add_account(KEY, SECRET, {"USDT": Decimal(10)})
    transport = sim.transport()
    return Signed(BingXClient(Credentials.of(KEY, SECRET), base_url=sim.base_url, transport=transport),
                  BINGX_BALANCE, transport, clock)


def _binance() -> Signed:
    clock = ManualClock(START_MS)
    sim = BinanceUSDMSimulator(clock=clock)
    sim.add_account(KEY, SECRET)
    transport = sim.transport()
    return Signed(BinanceUSDMClient(Credentials.of(KEY, SECRET), base_url=sim.base_url, transport=transport),
                  BINANCE_BALANCE, transport, clock)


def _gate() -> Signed:
    clock = ManualClock(START_MS)
    sim = GateCrossExSimulator(clock=clock)
    sim.add_account(KEY, SECRET)
    transport = sim.transport()
    return Signed(GateCrossExClient(Credentials.of(KEY, SECRET), base_url=sim.base_url, transport=transport),
                  GATE_ACCOUNT, transport, clock)


MAKERS: dict[str, Callable[[], Signed]] = {"bingx": _bingx, "binance-usdm": _binance, "gate-crossex": _gate}


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    running = asyncio.new_event_loop()
    yield running
    running.close()


@pytest.fixture(scope="module", params=list(MAKERS))
def signed(request: pytest.FixtureRequest, loop: asyncio.AbstractEventLoop) -> Iterator[Signed]:
    venue = MAKERS[request.param]()
    yield venue
    loop.run_until_complete(venue.client.aclose())


keys = st.from_regex(r"x[A-Za-z0-9_]{0,10}", fullmatch=True)
#: Any character UTF-8 can carry (lone surrogates cannot be encoded at all, so they are not parameters).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
safe_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters=FORBIDDEN + "\r\n"), max_size=24)
with_reserved = st.builds(lambda a, c, b: a + c + b, safe_text, st.sampled_from(list(FORBIDDEN)), safe_text)


def _values(venue: str) -> st.SearchStrategy[str]:
    """BingX refuses reserved characters before the wire (tested below); other venues must carry them."""
    return safe_text if venue == "bingx" else st.one_of(any_text, with_reserved)


@BOUNDED
@given(data=st.data())
@example(data=None)
def test_any_parameter_set_signs_and_verifies(signed: Signed, loop: asyncio.AbstractEventLoop, data: Any) -> None:
    venue = signed.client.rest.venue
    if data is None:
        params = {"xa": "Ünïcødé ☃ 😀", "xb": "a b+c/d:e,f;g~h%20", "xc": ""}
    else:
        params = data.draw(st.dictionaries(keys, _values(venue), max_size=6), label="params")
    before = len(signed.transport.requests)
    loop.run_until_complete(signed.call(params))
    [sent] = [r for r in signed.transport.requests[before:] if r.path == signed.endpoint.path]
    assert sent.status == 200


@BOUNDED
@given(st.dictionaries(keys, safe_text, min_size=2, max_size=8), st.randoms(use_true_random=False))
def test_bingx_signature_is_independent_of_parameter_order(params: dict[str, str], rnd: Any) -> None:
    signer = BingXSigner(Credentials.of(KEY, SECRET))
    shuffled_items = list(params.items())
    rnd.shuffle(shuffled_items)
    first = signer.sign(UnsignedRequest("GET", "/openApi/swap/v2/user/balance", params), 1_700_000_000_000)
    second = signer.sign(UnsignedRequest("GET", "/openApi/swap/v2/user/balance", dict(shuffled_items)),
                         1_700_000_000_000)
    assert first == second


@BOUNDED
@given(with_reserved)
def test_bingx_refuses_reserved_characters_before_the_wire(loop: asyncio.AbstractEventLoop, value: str) -> None:
    venue = _bingx()
    with pytest.raises(InvalidRequest) as caught:
        loop.run_until_complete(
            venue.client.swap_trade.query_order(symbol="BTC-USDT", client_order_id=value[:40] or "&")
        )
    assert caught.value.field == "clientOrderId"
    assert venue.transport.requests == []
    loop.run_until_complete(venue.client.aclose())
