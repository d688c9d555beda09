"""User data stream listen keys (USER_STREAM: API key header, no signature)."""

from __future__ import annotations

from typing import Final

from ..models import Empty, ListenKey, ListenKeyKeepAlive
from ._common import Group, endpoint

NEW_LISTEN_KEY = endpoint("stream.new_listen_key", "POST", "/fapi/v1/listenKey", ListenKey, signed=False,
                          security="USER_STREAM")
KEEPALIVE_LISTEN_KEY = endpoint("stream.keepalive_listen_key", "PUT", "/fapi/v1/listenKey", ListenKeyKeepAlive,
                                signed=False, retry_safe=True, security="USER_STREAM")
CLOSE_LISTEN_KEY = endpoint("stream.close_listen_key", "DELETE", "/fapi/v1/listenKey", Empty, signed=False,
                            retry_safe=True, security="USER_STREAM")

ENDPOINTS: Final = (NEW_LISTEN_KEY, KEEPALIVE_LISTEN_KEY, CLOSE_LISTEN_KEY)


class StreamApi(Group):
    """`client.stream`: create, keep alive (before it lapses) and close the user-data listen key."""

    async def new_listen_key(self) -> ListenKey:
        """`POST /fapi/v1/listenKey`: returns the account's key (the same one while it is valid)."""
        return await self._client.call(NEW_LISTEN_KEY)

    async def keepalive_listen_key(self) -> ListenKeyKeepAlive:
        """`PUT /fapi/v1/listenKey`: extend the key's validity; -1125 means re-create it."""
        return await self._client.call(KEEPALIVE_LISTEN_KEY)

    async def close_listen_key(self) -> Empty:
        """`DELETE /fapi/v1/listenKey`."""
        return await self._client.call(CLOSE_LISTEN_KEY)
