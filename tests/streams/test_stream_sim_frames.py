"""The simulator's socket API: binary frames go through the same faults as text; `reorder(behind=...)`."""

from __future__ import annotations

import anyio

from venuekit.core.simulator import AsgiWsConnector, SimWebSocket, StreamFaults, WsApp
from venuekit.core.streams import WsClosed, WsConnection

Frames = list[tuple[str | bytes, str]]


def app_sending(frames: Frames, faults: StreamFaults) -> WsApp:
    app = WsApp(faults)

    async def handle(ws: SimWebSocket) -> None:
        await ws.accept()
        for data, kind in frames:
            await ws.send(data, kind)
        await ws.close()

    app.route("/feed", handle)
    return app


async def received(conn: WsConnection) -> list[str | bytes]:
    out: list[str | bytes] = []
    with anyio.fail_after(2):
        while True:
            try:
                out.append(await conn.receive())
            except WsClosed:
                return out


async def test_binary_frames_are_sent_as_binary_through_the_faults() -> None:
    faults = StreamFaults()
    faults.duplicate("depth")
    faults.reorder("order")
    frames: Frames = [(b"\x1f\x8b\x00depth", "depth"), (b"\x1f\x8b\x00order", "order"), ("text", "reply")]
    conn = await AsgiWsConnector(app_sending(frames, faults)).connect("ws://sim/feed")
    assert await received(conn) == [b"\x1f\x8b\x00depth", b"\x1f\x8b\x00depth", "text", b"\x1f\x8b\x00order"]
    await conn.close()


async def test_reorder_behind_a_kind_holds_across_other_messages() -> None:
    faults = StreamFaults()
    faults.reorder("position", behind="position")
    frames: Frames = [("p1", "position"), ("o1", "order"), ("o2", "order"), ("p2", "position"), ("o3", "order")]
    conn = await AsgiWsConnector(app_sending(frames, faults)).connect("ws://sim/feed")
    assert await received(conn) == ["o1", "o2", "p2", "p1", "o3"]
    await conn.close()


async def test_reorder_by_several_of_a_kind() -> None:
    faults = StreamFaults()
    faults.reorder("account", after=1, behind="account", by=2)
    frames: Frames = [("a1", "account"), ("a2", "account"), ("o1", "order"), ("a3", "account"), ("a4", "account"),
                      ("a5", "account")]
    conn = await AsgiWsConnector(app_sending(frames, faults)).connect("ws://sim/feed")
    assert await received(conn) == ["a1", "o1", "a3", "a4", "a2", "a5"]
    await conn.close()
