"""Venue-neutral stream faults for tests: `SimulatedVenue.stream_faults` in the pytest plugin.

The simulators' `StreamFaults` match each outgoing message by the venue's own event name
(`ORDER_TRADE_UPDATE` on Binance and BingX, `order` on Gate CrossEx…). `StreamFaultControls` adds topic
names that mean the same thing on every venue, so one test can run against all three:

| topic | the venue messages it matches |
| --- | --- |
| `account` | every user-data message (orders, fills, positions, balances, listen-key notices) |
| `orders` | order updates (on Binance and BingX they also carry the fills; Gate sends fills on `usertrades`) |
| `trades`, `mark_price`, `book_ticker`, `order_book` | the market-data message behind that `watch_*` stream |

Any other string is the venue's own event-name glob (`"ACCOUNT_UPDATE"`, `"usertrades"`, `"*"`), and no
topic at all matches every message.
"""

from __future__ import annotations

from dataclasses import dataclass

from venuekit.core.simulator import StreamFault, StreamFaultKind, StreamFaults

Kinds = frozenset[str]

_BINANCE_ACCOUNT = frozenset({"ORDER_TRADE_UPDATE", "ACCOUNT_UPDATE", "TRADE_LITE", "ACCOUNT_CONFIG_UPDATE",
                              "MARGIN_CALL", "listenKeyExpired"})
TOPICS: dict[str, dict[str, Kinds]] = {
    "binance-usdm": {
        "account": _BINANCE_ACCOUNT, "orders": frozenset({"ORDER_TRADE_UPDATE"}),
        "trades": frozenset({"aggTrade"}), "mark_price": frozenset({"markPriceUpdate"}),
        "book_ticker": frozenset({"bookTicker"}), "order_book": frozenset({"depthUpdate"}),
    },
    "bingx": {
        "account": frozenset({"ORDER_TRADE_UPDATE", "ACCOUNT_UPDATE", "listenKeyExpired"}),
        "orders": frozenset({"ORDER_TRADE_UPDATE"}),
        "trades": frozenset({"trade"}), "mark_price": frozenset({"markPriceUpdate"}),
        "book_ticker": frozenset({"bookTicker"}), "order_book": frozenset({"incrDepth", "depth"}),
    },
    "gate-crossex": {
        "account": frozenset({"order", "usertrades", "position", "margin_position", "asset"}),
        "orders": frozenset({"order"}),
        "trades": frozenset({"trade"}), "mark_price": frozenset({"mark_price", "funding_rate"}),
        "book_ticker": frozenset({"ticker"}), "order_book": frozenset({"order_book_update"}),
    },
}
#: Gate CrossEx logs in on every private connection instead of using a listen key.
_PRIVATE_PATHS = {"gate-crossex": "/ws/crossex"}


@dataclass
class TopicFault(StreamFault):
    """A `StreamFault` that can match a set of venue event names (a topic) instead of one glob."""

    kinds: Kinds | None = None

    def matches(self, kind: str, path: str) -> bool:
        return (self.kinds is None or kind in self.kinds) and super().matches(kind, path)


class StreamFaultControls:
    """The simulator's `StreamFaults` (`raw`) with venue-neutral topics; every method arms one fault and
    returns it (`fault.fired` says whether it has fired yet)."""

    def __init__(self, venue: str, raw: StreamFaults) -> None:
        self.venue = venue
        self.raw = raw
        self.topics = TOPICS.get(venue, {})

    def _arm(self, kind: StreamFaultKind, topic: str | None, path: str | None, *, times: int | None = 1,
             after: int = 0, delay_ms: int = 0, behind: str | None = None) -> TopicFault:
        kinds = self.topics.get(topic) if topic is not None else None
        fault = TopicFault(kind, match=topic if kinds is None else None, kinds=kinds, path=path, times=times,
                           after=after, delay_ms=delay_ms, behind=behind)
        self.raw.faults.append(fault)
        return fault

    def _one_kind(self, topic: str | None) -> str | None:
        """`behind` takes one event name: a topic that is one message kind on this venue, or a glob."""
        kinds = self.topics.get(topic) if topic is not None else None
        if kinds is None:
            return topic
        if len(kinds) != 1:
            raise ValueError(f"{topic!r} is several {self.venue} messages ({', '.join(sorted(kinds))}); name one")
        return next(iter(kinds))

    def drop(self, topic: str | None = None, *, after: int = 0, path: str | None = None) -> StreamFault:
        """Close the connection abruptly (no close frame) instead of sending the next matching message,
        after letting `after` of them through."""
        return self._arm(StreamFaultKind.DROP, topic, path, after=after)

    def stall(self, topic: str | None = None, *, after: int = 0, path: str | None = None) -> StreamFault:
        """From the matching message on, send nothing and answer no ping; the socket stays open."""
        return self._arm(StreamFaultKind.STALL, topic, path, after=after)

    def delay(self, ms: int, topic: str | None = None, *, times: int | None = 1,
              path: str | None = None) -> StreamFault:
        """Hold the matching message(s) back `ms` milliseconds (and everything queued behind them)."""
        return self._arm(StreamFaultKind.DELAY, topic, path, times=times, delay_ms=ms)

    def duplicate(self, topic: str | None = None, *, times: int | None = 1, after: int = 0,
                  path: str | None = None) -> StreamFault:
        """Send the matching message twice."""
        return self._arm(StreamFaultKind.DUPLICATE, topic, path, times=times, after=after)

    def reorder(self, topic: str | None = None, *, times: int | None = 1, after: int = 0,
                behind: str | None = None, path: str | None = None) -> StreamFault:
        """Send the matching message after the next one (with `behind`, after the next one of that topic or
        event name, e.g. an order update behind the next `"orders"`)."""
        return self._arm(StreamFaultKind.REORDER, topic, path, times=times, after=after,
                         behind=self._one_kind(behind))

    def skip(self, topic: str | None = None, *, times: int | None = 1, after: int = 0,
             path: str | None = None) -> StreamFault:
        """Never send the matching message (on `order_book`: a missing sequence number, so a gap)."""
        return self._arm(StreamFaultKind.SKIP, topic, path, times=times, after=after)

    def refuse_login(self, times: int | None = 1) -> StreamFault:
        """The next user-data connection(s) are refused: Binance and BingX reject the listen key, Gate CrossEx
        answers the login with an error."""
        return self.raw.refuse_login(times)

    def expire_listen_key(self, account_id: str | None = None) -> StreamFault | None:
        """Binance and BingX: the listen key(s) lapse now and connected user streams are told so. Gate CrossEx
        has no listen key (it logs in on each connection): its private session ends instead, at the next
        message it would send, and the client has to log in again (the returned fault)."""
        path = _PRIVATE_PATHS.get(self.venue)
        if path is None:
            self.raw.expire_listen_key(account_id)
            return None
        return self._arm(StreamFaultKind.DROP, None, path)

    def fired(self, kind: StreamFaultKind | str | None = None) -> int:
        """How many faults fired so far (of one kind, e.g. `"drop"`)."""
        return self.raw.fired(None if kind is None else StreamFaultKind(kind))

    def clear(self) -> None:
        """Disarm everything and reset the counts."""
        self.raw.clear()
