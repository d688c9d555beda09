"""Declarative rate-limit data: named quotas (limit per window, per IP or per account)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    IP = "ip"
    ACCOUNT = "account"
    ENDPOINT = "endpoint"


@dataclass(frozen=True, slots=True)
class Quota:
    """`limit` units per fixed window of `window_ms`, counted per scope (IP, account…)."""

    name: str
    limit: int
    window_ms: int
    scope: Scope = Scope.IP


@dataclass(frozen=True, slots=True)
class Cost:
    """How many units of which quota one request uses."""

    quota: str
    units: int = 1
