"""BingX's local-book rules (streams.md §A6): the `@incrDepth` stream brings its own snapshot.

After subscribing, BingX pushes the full book (`action: "all"`) with a `lastUpdateId`, then updates whose
`lastUpdateId` is the previous one plus 1. The REST book (`GET /openApi/swap/v2/quote/depth`) has no update
id, so it cannot be aligned with the diffs and is not used: a gap or a crossed book makes the stream
reconnect, which re-subscribes and brings a new `all` snapshot.
"""

from __future__ import annotations

from typing import Final

from venuekit.core.streams import SequenceRules, contiguous_rules

BINGX_RULES: Final[SequenceRules] = contiguous_rules()
INCR_DEPTH: Final = "incrDepth"
