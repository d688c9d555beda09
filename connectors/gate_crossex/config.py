"""Gate CrossEx environments: one live REST host; Gate publishes no CrossEx testnet."""

from __future__ import annotations

from enum import StrEnum

VENUE = "gate-crossex"
API_PREFIX = "/api/v4"


class Environment(StrEnum):
    LIVE = "live"


BASE_URLS: dict[Environment, tuple[str, ...]] = {
    Environment.LIVE: ("https://api.gateio.ws",),
}

WS_PUBLIC_URL = "wss://api.gateio.ws/ws/crossex/public"
WS_PRIVATE_URL = "wss://api.gateio.ws/ws/crossex"


def base_urls(env: str | Environment, base_url: str | None = None) -> tuple[str, ...]:
    """Hosts to use, the explicit `base_url` first; paths carry the `/api/v4` prefix themselves."""
    if base_url is not None:
        return (base_url.rstrip("/"),)
    try:
        return BASE_URLS[Environment(env)]
    except ValueError as exc:
        known = ", ".join(e.value for e in Environment)
        raise ValueError(f"unknown gate-crossex environment {env!r} (known: {known})") from exc
