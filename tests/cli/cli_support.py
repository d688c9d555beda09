"""Serving a simulator with the `venuekit` command in a child process, for the CLI and third-party tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx

PY = sys.executable
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(venue: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [PY, "-m", "venuekit.connectors", "sim", "serve", venue, "--port", str(port),
         "--key", "cli-key", "--secret", "cli-secret", "--balance", "1234.5"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=ENV,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(base + "/", timeout=0.5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("simulator did not start")
        yield base
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
        assert "cli-secret" not in out, "a secret given on the command line is never echoed"
