"""`VenueStreamsBase`: the state every venue's stream factory shares — connector, policy, registry, queues."""

from __future__ import annotations

from typing import Any

from .connection import WsConnector
from .factory import DEFAULT_MARKET_QUEUE, default_connector
from .session import StreamPolicy
from .stream import StreamRegistry


class VenueStreamsBase:
    """Set `connector`/`urls`/`policy_factory` before opening streams; `aclose()` stops every stream opened."""

    def __init__(self) -> None:
        self._connector: WsConnector | None = None
        self.policy_factory = StreamPolicy
        self.registry = StreamRegistry()
        self.market_queue_size = DEFAULT_MARKET_QUEUE

    @property
    def connector(self) -> WsConnector:
        if self._connector is None:
            self._connector = default_connector()
        return self._connector

    @connector.setter
    def connector(self, value: WsConnector) -> None:
        self._connector = value

    def use_simulator(self, sim: Any) -> None:
        """Point at a simulator (duck-typed `ws_url`, `ws_connector()`): in process, no sockets."""
        self._use_simulator_url(str(sim.ws_url))
        self._connector = sim.ws_connector()

    def _use_simulator_url(self, ws_url: str) -> None:
        """Rebuild the venue's stream URLs on the simulator's base."""
        raise NotImplementedError

    async def aclose(self) -> None:
        await self.registry.aclose()
