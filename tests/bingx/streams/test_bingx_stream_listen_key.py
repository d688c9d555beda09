"""`client.user_stream`: the listen-key calls on the wire (API key header, no signature), both documented
create answers, and the simulator's key lifecycle (create, extend, delete, 404 for a gone key)."""

from __future__ import annotations

import httpx
import pytest
import respx

from venuekit.connectors.bingx import ENDPOINTS, BingXClient
from venuekit.connectors.bingx.simulator import BingXSimulator
from venuekit.core.credentials import Credentials
from venuekit.core.errors import AuthenticationError, InvalidRequest, VenueError

from .conftest import KEY, SECRET

PATH = "/openApi/user/auth/userDataStream"
BARE = {"listenKey": "a8ea75681542e66f1a50a1616dd06ed77dab61baa0c296bca03a9b13ee5f2dd7"}
# The document shows the keys shortened ("a8ea...", "73a0..."); full-length keys of the same form stand in.
ENVELOPED = {"code": 0, "msg": "", "data": {"listenKey": "73a0e5f5b3f6e3ddd10bcd6fa8b6ad0bd4e2d0bbd6b5c6c1c7a8b94a"
                                                         "3b3d8c6f"}}


def test_the_three_calls_are_declared() -> None:
    declared = {e.name: (e.method, e.path, e.signed) for e in ENDPOINTS if e.name.startswith("user_stream.")}
    assert declared == {
        "user_stream.create_listen_key": ("POST", PATH, False),
        "user_stream.extend_listen_key": ("PUT", PATH, False),
        "user_stream.delete_listen_key": ("DELETE", PATH, False),
    }


@pytest.mark.parametrize("answer", [BARE, ENVELOPED], ids=["bare", "enveloped"])
async def test_create_accepts_both_documented_answers(answer: dict[str, object]) -> None:
    router = respx.Router(base_url="https://open-api.bingx.com")
    route = router.post(PATH).respond(json=answer)
    async with BingXClient(Credentials.of(KEY, SECRET), transport=httpx.MockTransport(router.async_handler)) as client:
        key = await client.user_stream.create_listen_key()
    expected = answer.get("listenKey") or answer["data"]["listenKey"]  # type: ignore[index]
    assert key.listen_key == expected
    sent = route.calls.last.request
    assert sent.headers["X-BX-APIKEY"] == KEY
    assert b"signature" not in sent.url.query + sent.content


async def test_extend_and_delete_send_the_key_as_a_query_parameter() -> None:
    router = respx.Router(base_url="https://open-api.bingx.com")
    extend = router.put(PATH).respond(json={"code": 0, "msg": "", "data": {}})
    gone = router.delete(PATH).respond(status_code=404)
    async with BingXClient(Credentials.of(KEY, SECRET), transport=httpx.MockTransport(router.async_handler)) as client:
        await client.user_stream.extend_listen_key(listen_key=BARE["listenKey"])
        with pytest.raises(VenueError) as raised:
            await client.user_stream.delete_listen_key(listen_key=BARE["listenKey"])
        with pytest.raises(InvalidRequest):
            await client.user_stream.extend_listen_key(listen_key="not a key&x=1")
    assert extend.calls.last.request.url.params["listenKey"] == BARE["listenKey"]
    assert b"signature" not in extend.calls.last.request.url.query
    assert raised.value.status == 404 and gone.call_count == 1


async def test_simulator_key_lifecycle() -> None:
    sim = BingXSimulator(seed_markets=False)
    sim.add_account(KEY, SECRET)
    async with BingXClient(Credentials.of(KEY, SECRET), base_url=sim.base_url, transport=sim.transport()) as client:
        key = (await client.user_stream.create_listen_key()).listen_key
        assert len(key) == 64 and sim.hub.key_owner(key) == sim.state.keys[KEY].account_id
        before = sim.hub.listen_keys[key][1]
        await client.user_stream.extend_listen_key(listen_key=key)
        assert sim.hub.listen_keys[key][1] >= before
        await client.user_stream.delete_listen_key(listen_key=key)
        with pytest.raises(AuthenticationError) as gone:
            await client.user_stream.extend_listen_key(listen_key=key)
    assert (gone.value.status, gone.value.code) == (404, "100401")
    async with BingXClient(Credentials.of("unknown-key", SECRET), base_url=sim.base_url,
                           transport=sim.transport()) as stranger:
        with pytest.raises(AuthenticationError):
            await stranger.user_stream.create_listen_key()
    assert ("POST", PATH) in sim.routes() and ("DELETE", PATH) in sim.routes()
