"""The `Exchange` facade: one in-memory venue that every simulator builds its wire format on."""

from __future__ import annotations

from .market import MarketMixin


class Exchange(MarketMixin):
    """Deterministic in-memory derivatives exchange: `Exchange(venue, clock=ManualClock(), seed=7)`.

    Behaviour switches (plain attributes): `default_leverage`, `post_only_reject` (False expires instead),
    `reject_immediate_trigger` (False fires at once), `unique_client_ids_forever` (reject reuse after close).
    """
