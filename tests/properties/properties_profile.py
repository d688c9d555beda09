"""One bounded hypothesis profile for the property tests: 50 examples, no deadline (CI machines vary),
derandomised and without an example database, so a run is repeatable and writes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "venuekit",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
BOUNDED = settings.get_profile("venuekit")
