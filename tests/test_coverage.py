"""Every documented endpoint has an Endpoint declaration, a raw method, a model, a simulator route and a test."""

from tools.coverage import collect


def test_every_documented_endpoint_is_complete() -> None:
    rows = [r for r in collect() if r.documented]
    assert len(rows) == 113
    missing = [f"{r.venue} {r.method} {r.path}: raw={r.raw!r} model={r.model!r} route={r.route} tested={r.tested}"
               for r in rows if not r.complete]
    assert missing == []


def test_counts_per_venue_match_the_documents() -> None:
    rows = [r for r in collect() if r.documented]
    counts = {v: sum(r.venue == v for r in rows) for v in ("bingx", "binance-usdm", "gate-crossex")}
    assert counts == {"bingx": 55, "binance-usdm": 27, "gate-crossex": 31}
