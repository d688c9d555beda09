"""Binance USDⓈ-M environments: production and the two testnet hosts the docs list."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

VENUE: Final = "binance-usdm"

DEFAULT_RECV_WINDOW_MS: Final = 5000
MAX_RECV_WINDOW_MS: Final = 60000


class Environment(StrEnum):
    """`live` is production; `testnet` is the current demo host; `testnet-legacy` the older one."""

    LIVE = "live"
    TESTNET = "testnet"
    TESTNET_LEGACY = "testnet-legacy"


_ALIASES: Final[dict[str, Environment]] = {"demo": Environment.TESTNET, "production": Environment.LIVE}

BASE_URLS: Final[dict[Environment, tuple[str, ...]]] = {
    Environment.LIVE: ("https://fapi.binance.com",),
    Environment.TESTNET: ("https://demo-fapi.binance.com",),
    Environment.TESTNET_LEGACY: ("https://testnet.binancefuture.com",),
}

WS_URLS: Final[dict[Environment, str]] = {
    Environment.LIVE: "wss://fstream.binance.com",
    Environment.TESTNET: "wss://fstream.binancefuture.com",
    Environment.TESTNET_LEGACY: "wss://fstream.binancefuture.com",
}


def environment(env: str | Environment) -> Environment:
    """Accept the enum, its value, or a common alias (`demo`, `production`)."""
    if isinstance(env, Environment):
        return env
    key = env.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Environment(key)
    except ValueError:
        choices = ", ".join(e.value for e in Environment)
        raise ValueError(f"unknown binance-usdm environment {env!r} (use one of: {choices})") from None


def base_urls(env: str | Environment, base_url: str | None = None) -> tuple[str, ...]:
    """An explicit `base_url` wins (simulator, proxy); otherwise the environment's hosts."""
    if base_url:
        return (base_url.rstrip("/"),)
    return BASE_URLS[environment(env)]
