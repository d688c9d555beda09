"""BingX environments: live and VST demo, each with its `.pro` fallback host for connect failures."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

VENUE: Final = "bingx"


class Environment(StrEnum):
    """`live` trades real funds; `vst` is BingX's demo (virtual USDT, same API keys, swap only)."""

    LIVE = "live"
    VST = "vst"


#: Primary host first; the `.pro` host is tried only when the primary could not be reached at all.
BASE_URLS: Final[dict[Environment, tuple[str, str]]] = {
    Environment.LIVE: ("https://open-api.bingx.com", "https://open-api.bingx.pro"),
    Environment.VST: ("https://open-api-vst.bingx.com", "https://open-api-vst.bingx.pro"),
}

_ALIASES: Final = {
    "live": Environment.LIVE,
    "prod": Environment.LIVE,
    "vst": Environment.VST,
    "demo": Environment.VST,
    "testnet": Environment.VST,
}

#: recvWindow bounds: seed 003 says both "max 60000" and "1-5000"; the trade doc's samples send 60000.
RECV_WINDOW_MIN: Final = 1
RECV_WINDOW_MAX: Final = 60_000


def parse_environment(env: str | Environment) -> Environment:
    """`"live"`, `"vst"` (or its alias `"demo"`) to an `Environment`."""
    if isinstance(env, Environment):
        return env
    try:
        return _ALIASES[env.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown BingX environment {env!r}; use 'live' or 'vst'") from None


def base_urls(env: str | Environment, base_url: str | None = None) -> list[str]:
    """Hosts to try in order: an explicit `base_url` alone, else the environment's primary and fallback."""
    if base_url is not None:
        return [base_url.rstrip("/")]
    return list(BASE_URLS[parse_environment(env)])
