"""`client.user_stream`: listen keys of the swap user data stream (API key header only, no signature).

BingX shows two answers for the create call on one page (bare `{"listenKey": ...}` in its curl block, the
enveloped form in its "Response Example"); the `data_or_top` shape accepts both. A key lives 60 minutes;
extending it restarts the 60 minutes (BingX recommends every 30). An unknown key is HTTP 404.
"""

from __future__ import annotations

from typing import Final

from venuekit.core.endpoint import Endpoint
from venuekit.core.errors import InvalidRequest

from ..config import VENUE
from ..models.user_stream import ListenKey, ListenKeyAck
from ._base import ApiGroup, endpoint

G = "user_stream"
PATH: Final = "/openApi/user/auth/userDataStream"
LISTEN_KEY_LENGTH_MAX: Final = 128

CREATE_LISTEN_KEY: Final[Endpoint[ListenKey]] = endpoint(
    f"{G}.create_listen_key", "POST", PATH, ListenKey, signed=False, shape="data_or_top"
)
EXTEND_LISTEN_KEY: Final[Endpoint[ListenKeyAck]] = endpoint(
    f"{G}.extend_listen_key", "PUT", PATH, ListenKeyAck, signed=False, shape="data_or_top", retry_safe=True
)
DELETE_LISTEN_KEY: Final[Endpoint[ListenKeyAck]] = endpoint(
    f"{G}.delete_listen_key", "DELETE", PATH, ListenKeyAck, signed=False, shape="data_or_top", retry_safe=True
)

ENDPOINTS: Final = (CREATE_LISTEN_KEY, EXTEND_LISTEN_KEY, DELETE_LISTEN_KEY)


def _check_key(listen_key: str) -> None:
    if not listen_key or len(listen_key) > LISTEN_KEY_LENGTH_MAX or not listen_key.isalnum():
        raise InvalidRequest("must be the key returned by create_listen_key", field="listenKey", venue=VENUE)


class UserStreamApi(ApiGroup):
    """Create, extend and delete the listen key the user data WebSocket URL carries (`?listenKey=`)."""

    async def create_listen_key(self) -> ListenKey:
        """`POST /openApi/user/auth/userDataStream`: a new key, valid for 60 minutes."""
        return await self._call(CREATE_LISTEN_KEY)

    async def extend_listen_key(self, *, listen_key: str) -> ListenKeyAck:
        """`PUT`: 60 more minutes; an expired or unknown key answers HTTP 404 (re-create it)."""
        _check_key(listen_key)
        return await self._call(EXTEND_LISTEN_KEY, {"listenKey": listen_key})

    async def delete_listen_key(self, *, listen_key: str) -> ListenKeyAck:
        """`DELETE`: close the key (its stream stops)."""
        _check_key(listen_key)
        return await self._call(DELETE_LISTEN_KEY, {"listenKey": listen_key})
