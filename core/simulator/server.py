"""Run a simulator app on a real socket with uvicorn, for tests, the bench and the CLI."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Generator, Iterator, Sequence
from typing import Any

import anyio
import uvicorn

#: Idle keep-alive of served simulators: longer than venuekit's pool keep-alive (5 s, uvicorn's default too), so a
#: client never reuses an idle pooled connection at the moment the server closes it ("Server disconnected").
IDLE_KEEPALIVE_S = 30


class _EmbeddedServer(uvicorn.Server):
    """uvicorn without signal capture, so embedding it never steals the host's Ctrl-C."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _server(app: Any, log_level: str, ws: str = "auto") -> _EmbeddedServer:
    config = uvicorn.Config(app, log_level=log_level, lifespan="auto", http="h11", ws=ws, access_log=False,
                            timeout_keep_alive=IDLE_KEEPALIVE_S)
    return _EmbeddedServer(config)


def _base_url(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextlib.asynccontextmanager
async def running_server(
    app: Any, host: str = "127.0.0.1", port: int = 0, *, log_level: str = "warning"
) -> AsyncIterator[str]:
    """Serve `app` as a task on the current loop; yields the base URL (port 0 picks a free port)."""
    sock = _bind(host, port)
    server = _server(app, log_level)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("uvicorn stopped before starting")
            await asyncio.sleep(0.005)
        yield _base_url(host, sock)
    finally:
        server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await task
        sock.close()


@contextlib.contextmanager
def server_thread(app: Any, host: str = "127.0.0.1", port: int = 0, *, log_level: str = "warning") -> Iterator[str]:
    """Serve `app` from a background thread with its own loop, for synchronous callers."""
    sock = _bind(host, port)
    server = _server(app, log_level)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="sim-server")
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("uvicorn stopped before starting")
            threading.Event().wait(0.005)
        yield _base_url(host, sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def run(app: Any, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info") -> None:
    """Serve `app` in the foreground until interrupted."""
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_keep_alive=IDLE_KEEPALIVE_S)


async def serve(app: Any, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "info",
                background: Sequence[Callable[[], Coroutine[Any, Any, None]]] = ()) -> None:
    """Serve `app` on the running loop with `background` tasks beside it (e.g. a moving market)."""
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="on",
                                           timeout_keep_alive=IDLE_KEEPALIVE_S))
    async with anyio.create_task_group() as tg:
        for task in background:
            tg.start_soon(task)
        await server.serve()
        tg.cancel_scope.cancel()
