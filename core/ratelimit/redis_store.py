"""Limiter state in Redis, so every process and account of one venue draws on the same quotas and bans.

Each operation is one Lua script run atomically on the server, and the scripts read the clock with
`redis.call('TIME')`: grants, sliding spans and bans are measured on one clock that every process agrees on.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Final, Literal, Self, TypeVar, get_args

import anyio
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError
from redis.exceptions import TimeoutError as RedisTimeoutError

from ..clock import local_ms
from ..errors import VenueError
from .redis_scripts import BLOCK, BLOCKED, OBSERVE, RELEASE, RESERVE
from .store import LimiterStore, MemoryStore, Reservation

T = TypeVar("T")
OnUnavailable = Literal["raise", "local"]
ENV_URL: Final = "VENUEKIT_LIMITER_URL"
ENV_ON_UNAVAILABLE: Final = "VENUEKIT_LIMITER_ON_UNAVAILABLE"
ENV_PROCESS_COUNT: Final = "VENUEKIT_LIMITER_PROCESS_COUNT"
_SCHEMES: Final = ("redis://", "rediss://", "unix://")
_UNREACHABLE: Final = (RedisConnectionError, RedisTimeoutError, OSError)
log = logging.getLogger("venuekit.ratelimit.redis")

class LimiterUnavailable(VenueError):
    """The shared limiter store cannot be reached, and the store is set to refuse rather than guess."""

    default_message = "shared rate-limit store unreachable; not sending"


class _Script:
    """One Lua script run by SHA (EVALSHA), loaded into the server's script cache when it is missing."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()

    async def __call__(self, client: Redis, keys: Sequence[str], args: Sequence[str | int]) -> Any:
        try:
            return await client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            self.sha = await client.script_load(self.source)
            return await client.evalsha(self.sha, len(keys), *keys, *args)


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisStore:
    """`LimiterStore` on Redis: counters and blocks shared by all processes using the same server and prefix.

    Each quota counter is a sliding-window log (a sorted set, see `redis_scripts`) with O(log n) work per
    call. Time comes from the Redis server, so the `now_ms` arguments of `reserve` and `observe` are ignored.
    Absolute times cross the boundary as durations: `block(until_ms)` is read against `now_ms` (the
    caller's clock, `local_ms` by default) and `blocked(keys, now_ms)` answers in the caller's clock.
    When Redis cannot be reached, `on_unavailable="raise"` raises `LimiterUnavailable` (nothing is sent);
    `"local"` falls back to per-process counters with every limit divided by `process_count`, starting
    one span (window + guard) after the outage began, logs one warning per outage, and tries Redis again
    after `retry_s`.
    """

    def __init__(
        self,
        client: Redis,
        *,
        prefix: str = "venuekit:",
        on_unavailable: OnUnavailable = "raise",
        process_count: int = 1,
        timeout_s: float = 0.5,
        retry_s: float = 5.0,
        now_ms: Callable[[], int] = local_ms,
        owns_client: bool = False,
    ) -> None:
        if on_unavailable not in get_args(OnUnavailable):
            raise ValueError(f"on_unavailable must be one of {get_args(OnUnavailable)}, not {on_unavailable!r}")
        if process_count < 1:
            raise ValueError("process_count must be at least 1")
        self.client = client
        self.prefix = prefix
        self.on_unavailable: OnUnavailable = on_unavailable
        self.process_count = process_count
        self.timeout_s = timeout_s
        self.retry_s = retry_s
        self.fallback = MemoryStore()
        self.last_server_ms: int | None = None
        self._now = now_ms
        self._owns_client = owns_client
        self._down_since: float | None = None
        self._outage_ms: int | None = None
        self._claims: dict[str, tuple[str, float]] = {}
        sources = {"reserve": RESERVE, "observe": OBSERVE, "block": BLOCK, "blocked": BLOCKED, "release": RELEASE}
        self._scripts = {name: _Script(source) for name, source in sources.items()}

    @classmethod
    def from_url(cls, url: str, *, timeout_s: float = 0.5, **options: Any) -> Self:
        """Connect lazily to `redis://`, `rediss://` or `unix://`; socket and connect timeouts are `timeout_s`."""
        if not url.startswith(_SCHEMES):
            raise ValueError(f"limiter URL must start with one of {_SCHEMES}")
        client = Redis.from_url(
            url,
            socket_timeout=timeout_s,
            socket_connect_timeout=timeout_s,
            retry=Retry(NoBackoff(), 1),
            decode_responses=True,
        )
        return cls(client, timeout_s=timeout_s, owns_client=True, **options)

    @property
    def degraded(self) -> bool:
        """True while Redis is unreachable and the per-process fallback is in use."""
        return self._down_since is not None

    def __repr__(self) -> str:
        return f"RedisStore(prefix={self.prefix!r}, on_unavailable={self.on_unavailable!r}, degraded={self.degraded})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._owns_client:
            await self.client.aclose()

    async def _guard(
        self, remote: Callable[[], Awaitable[T]], local: Callable[[], Awaitable[T]], *, gate: bool = True
    ) -> T:
        """Run on Redis within a bounded time; on failure raise or fall back, as configured.

        Only gates (operations deciding whether to send) raise: recording what a response said must not
        turn a request that was answered, perhaps an order that was placed, into an error.
        """
        if self._down_since is not None and time.monotonic() - self._down_since < self.retry_s:
            return await local()
        try:
            with anyio.fail_after(self.timeout_s * 4):
                result = await remote()
        except _UNREACHABLE as exc:
            if self.on_unavailable == "raise" and not gate:
                log.warning("limiter store unreachable (%s); feedback kept in this process only", type(exc).__name__)
                return await local()
            if self.on_unavailable == "raise":
                reason = f"shared limiter store unreachable ({type(exc).__name__}); not sending"
                raise LimiterUnavailable(reason) from exc
            if self._down_since is None:
                self._outage_ms = self._now()
                log.warning(
                    "limiter store unreachable (%s); using per-process limits (1/%d of each quota) until it is back",
                    type(exc).__name__, self.process_count,
                )
            self._down_since = time.monotonic()
            return await local()
        if self._down_since is not None:
            log.warning("limiter store reachable again; shared limits restored")
            self._down_since = self._outage_ms = None
        return result

    def _run(self, name: str, keys: Sequence[str], args: Sequence[str | int]) -> Callable[[], Awaitable[Any]]:
        async def call() -> Any:
            return await self._scripts[name](self.client, [self.prefix + k for k in keys], args)

        return call

    def _share(self, items: Sequence[Reservation]) -> list[Reservation]:
        n = self.process_count
        return [Reservation(i.key, i.units, max(1, i.limit // n), i.window_ms, i.guard_ms) for i in items]

    async def reserve(self, items: Sequence[Reservation], now_ms: int) -> int:
        if not items:
            return 0
        args = [v for i in items for v in (i.units, i.limit, i.span_ms)]
        remote = self._run("reserve", [i.key for i in items], args)

        async def shared() -> int:
            wait, server_ms = await remote()
            self.last_server_ms = int(server_ms)
            return int(wait)

        async def local() -> int:
            # Grants made through Redis just before it went away still count at the venue, and no process
            # can see them now: local grants start once they have all aged out of their span.
            if self._outage_ms is not None:
                hold = max(self._outage_ms + i.span_ms + 1 for i in items) - now_ms
                if hold > 0:
                    return hold
            return await self.fallback.reserve(self._share(items), now_ms)

        return await self._guard(shared, local)

    async def observe(self, key: str, window_ms: int, used: int, now_ms: int) -> None:
        remote = self._run("observe", [key], [window_ms, used])

        async def shared() -> None:
            self.last_server_ms = int(await remote())

        async def local() -> None:
            await self.fallback.observe(key, window_ms, -(-used // self.process_count), now_ms)

        await self._guard(shared, local, gate=False)

    async def block(self, key: str, until_ms: int, reason: str) -> None:
        """Record the block for every process; a copy stays in this process in case Redis goes away."""
        await self.fallback.block(key, until_ms, reason)
        left = until_ms - self._now()
        if left <= 0:
            return
        remote = self._run("block", [key], [left, reason])

        async def shared() -> None:
            self.last_server_ms = int(await remote())

        async def local() -> None:
            return None

        await self._guard(shared, local, gate=False)

    async def blocked(self, keys: Sequence[str], now_ms: int) -> tuple[int, str] | None:
        remote = self._run("blocked", keys, [])

        async def shared() -> tuple[int, str] | None:
            left, reason, server_ms = await remote()
            self.last_server_ms = int(server_ms)
            return (now_ms + int(left), _text(reason)) if int(left) > 0 else None

        async def local() -> tuple[int, str] | None:
            return await self.fallback.blocked(keys, now_ms)

        return await self._guard(shared, local)

    async def server_time_ms(self) -> int:
        """The Redis server's clock, the one every window and block of this store is measured on."""
        seconds, micros = await self.client.time()
        return int(seconds) * 1000 + int(micros) // 1000

    async def claim(self, key: str, owner: str, ttl_ms: int) -> bool:
        """Take `key` for `owner` for at most `ttl_ms` (SET NX PX); False when someone else holds it."""
        full = self.prefix + key

        async def shared() -> bool:
            return bool(await self.client.set(full, owner, nx=True, px=ttl_ms))

        async def local() -> bool:
            now = time.monotonic()
            held = self._claims.get(key)
            if held is not None and held[1] > now:
                return False
            self._claims[key] = (owner, now + ttl_ms / 1000)
            return True

        return await self._guard(shared, local)

    async def release(self, key: str, owner: str) -> bool:
        """Give `key` back if `owner` still holds it; False when it expired, passed on, or Redis is unreachable."""
        local_held = self._claims.get(key)
        if local_held is not None and local_held[0] == owner:
            del self._claims[key]
            return True
        remote = self._run("release", [key], [owner])

        async def shared() -> bool:
            return bool(await remote())

        async def local() -> bool:
            return False

        return await self._guard(shared, local)


def limiter_store_from_env(
    url: str | None = None, *, env: Mapping[str, str] | None = None, **options: Any
) -> LimiterStore:
    """The store named by `url` or `VENUEKIT_LIMITER_URL`: a `RedisStore`, or a `MemoryStore` when neither is set.

    `VENUEKIT_LIMITER_ON_UNAVAILABLE` (`raise` | `local`) and `VENUEKIT_LIMITER_PROCESS_COUNT` fill the
    options of the same meaning when they are not passed.
    """
    source = os.environ if env is None else env
    url = url or source.get(ENV_URL) or None
    if url is None:
        return MemoryStore()
    if ENV_ON_UNAVAILABLE in source and "on_unavailable" not in options:
        options["on_unavailable"] = source[ENV_ON_UNAVAILABLE].strip().lower()
    if ENV_PROCESS_COUNT in source and "process_count" not in options:
        options["process_count"] = int(source[ENV_PROCESS_COUNT])
    return RedisStore.from_url(url, **options)
