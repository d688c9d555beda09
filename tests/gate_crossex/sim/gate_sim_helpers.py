"""Helpers for the simulator tests: the document's examples, a hand-written APIv4 signer, a signed caller."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from venuekit.core.simulator import ManualClock

DOC_EXAMPLES: dict[str, dict[str, Any]] = json.loads((Path(__file__).parent / "gate_sim_examples.json").read_text())
START_MS = 1_750_000_000_000


def gate_sign(secret: str, method: str, path: str, query: str, body: str, timestamp: str) -> str:
    """The documented APIv4 signature, written out here so no project signer is involved."""
    hashed = hashlib.sha512(body.encode()).hexdigest()
    payload = f"{method}\n{path}\n{query}\n{hashed}\n{timestamp}"
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha512).hexdigest()


@dataclass
class User:
    """A signed HTTP caller of the simulator."""

    http: httpx.AsyncClient
    clock: ManualClock
    key: str
    secret: str
    user_id: str

    async def call(
        self,
        method: str,
        path: str,
        params: dict[str, str] | None = None,
        body: Any = None,
        *,
        signed: bool = True,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        full = path if path.startswith("/api/") else "/api/v4/crossex" + path
        plain = "&".join(f"{k}={v}" for k, v in (params or {}).items())
        wire = "&".join(f"{k}={quote(v, safe='')}" for k, v in (params or {}).items())
        text = "" if body is None else json.dumps(body, separators=(",", ":"))
        sent = dict(headers or {})
        if signed:
            ts = str(self.clock.now_ms() // 1000)
            sent |= {"KEY": self.key, "Timestamp": ts, "SIGN": gate_sign(self.secret, method, full, plain, text, ts)}
        if text:
            sent["Content-Type"] = "application/json"
        url = full + (f"?{wire}" if wire else "")
        return await self.http.request(method, url, content=text.encode() if text else None, headers=sent)

    async def ok(self, method: str, path: str, params: dict[str, str] | None = None, body: Any = None) -> Any:
        response = await self.call(method, path, params, body)
        assert 200 <= response.status_code < 300, response.text
        return response.json()
