"""A real redis-server per test session on a free loopback port, and stores with a fresh key prefix per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

# Helper modules (and the bodies of spawned workers) import by plain module names, here and in the children.
from scale_support import RedisServer

from venuekit.core.ratelimit.redis_store import RedisStore


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A server of the test's own, for tests that stop it."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def prefix() -> str:
    return f"vktest:{uuid.uuid4().hex[:10]}:"


@pytest.fixture
async def store(redis_server: RedisServer, prefix: str) -> AsyncIterator[RedisStore]:
    async with RedisStore.from_url(redis_server.url, prefix=prefix) as s:
        yield s


@pytest.fixture
async def other_store(redis_server: RedisServer, prefix: str) -> AsyncIterator[RedisStore]:
    """A second connection with the same prefix: what another process would hold."""
    async with RedisStore.from_url(redis_server.url, prefix=prefix) as s:
        yield s
