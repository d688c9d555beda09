"""Shared fixtures: the seed's own example payloads and an httpx mock of the CrossEx REST API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from venuekit.connectors.gate_crossex import GateCrossExClient
from venuekit.core import Credentials

EXAMPLES: dict[str, dict[str, Any]] = json.loads((Path(__file__).parent / "seed_examples.json").read_text())
BASE = "https://gate.test"


@dataclass
class Route:
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass
class GateMock:
    """Answers `(METHOD, path)` with canned responses (a list is served in order) and records requests."""

    routes: dict[tuple[str, str], list[Route]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def add(
        self,
        method: str,
        path: str,
        payload: object = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> None:
        body = raw if raw is not None else (b"" if payload is None else orjson.dumps(payload))
        self.routes.setdefault((method, path), []).append(Route(status, body, headers or {}))

    def example(self, key: str, path: str | None = None) -> dict[str, Any]:
        """Serve the seed example of `key` ("GET /api/v4/crossex/…") and return it."""
        ex = EXAMPLES[key]
        method, template = key.split(" ", 1)
        self.add(method, path or template, ex["response"], status=ex.get("status", 200))
        return ex

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, request.url.raw_path.split(b"?")[0].decode())
        queue = self.routes.get(key)
        if not queue:
            return httpx.Response(404, json={"label": "NOT_FOUND", "message": f"no route {key}"})
        route = queue.pop(0) if len(queue) > 1 else queue[0]
        return httpx.Response(route.status, content=route.body, headers=route.headers)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content) if self.last.content else None


@pytest.fixture
def examples() -> dict[str, dict[str, Any]]:
    return EXAMPLES


@pytest.fixture
def mock() -> GateMock:
    return GateMock()


@pytest.fixture
def transport(mock: GateMock) -> httpx.MockTransport:
    return httpx.MockTransport(mock.handler)


@pytest.fixture
async def client(transport: httpx.MockTransport) -> AsyncIterator[GateCrossExClient]:
    async with GateCrossExClient(
        Credentials.of("key", "secret"), base_url=BASE, transport=transport, sync_clock=False
    ) as c:
        yield c
