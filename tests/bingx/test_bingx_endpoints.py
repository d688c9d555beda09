"""Every BingX endpoint: method, path, parameters and signature on the wire; the answer parses."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import respx
from bingx_cases import CASES, PUBLIC, Case
from bingx_helpers import check_signed

from venuekit.connectors.bingx import ENDPOINTS, BingXClient

BY_NAME = {e.name: e for e in ENDPOINTS}
TSV = Path(__file__).resolve().parents[2] / "docs" / "endpoints.tsv"


def test_every_documented_row_has_an_endpoint_and_a_method() -> None:
    with TSV.open() as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and r[0] == "bingx"]
    assert len(rows) == 55
    declared = {(e.method, e.path): e for e in ENDPOINTS}
    client = BingXClient()
    for _, _, method, path, *_ in rows:
        ep = declared[(method, path)]
        group, name = ep.name.split(".")
        assert callable(getattr(getattr(client, group), name))


def test_every_endpoint_has_a_request_case() -> None:
    assert sorted(c.name for c in CASES) == sorted(BY_NAME)
    assert len(ENDPOINTS) == len(BY_NAME) == 65


def _answer(case: Case) -> dict[str, object]:
    if not case.envelope:
        return case.data  # type: ignore[no-any-return]
    if case.data is None:
        return {"code": 0, "msg": ""}
    return {"code": 0, "msg": "", "data": case.data}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
async def test_request_on_the_wire(case: Case, client: BingXClient, router: respx.Router) -> None:
    ep = BY_NAME[case.name]
    if case.name == "market.server_time":
        route = router.routes["server_time"]
        route.reset()
    else:
        route = router.route(method=ep.method, path=ep.path)
    if case.name == "market.server_time":
        pass
    elif case.name == "swap_account.income_export":
        route.respond(content=b"PK\x03\x04fake-xlsx", headers={"Content-Type": "application/octet-stream"})
    else:
        route.respond(json=_answer(case))
    result = await case.call(client)
    assert route.call_count == 1
    request = route.calls.last.request
    assert request.method == ep.method
    assert request.url.path == ep.path
    if case.name in PUBLIC:
        params = dict(parse_qsl(request.url.query.decode()))
        assert "signature" not in params
        params.pop("timestamp", None) if case.name == "swap_trade.multi_assets_rules" else None
    else:
        params = check_signed(request)
    assert params == case.params
    assert result is not None
