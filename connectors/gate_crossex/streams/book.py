"""CrossEx local-book rules for `order_book_update` (streams.md §C6).

Documented: `snapshot: true` is a full override, `U`/`u` the first/last update id, quantity 0 removes a
level. Not documented: the continuity rule, and there is no REST snapshot. Policy (the reference's
suggestion, after Gate futures v4): a snapshot always resets the book; an increment must cover
`last_u + 1` (`U <= last_u + 1 <= u`), anything else is a gap and the stream reconnects, which
re-subscribes and so receives a fresh snapshot. Increments before the first snapshot are ignored.
"""

from __future__ import annotations

from typing import Final

from venuekit.core.streams import SequenceRules, contiguous_rules

CHANNEL: Final = "order_book_update"
CROSSEX_RULES: Final[SequenceRules] = contiguous_rules()
