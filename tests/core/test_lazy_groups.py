"""Endpoint groups and venue helper modules load on first use: cheap imports, same behaviour, same types."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

from venuekit.core.lazy import LazyGroup, LazyModule

ROOT = Path(__file__).resolve().parents[2]

#: package, unified class, raw client class, the client's endpoint groups
VENUES = [
    ("binance_usdm", "BinanceUSDM", "BinanceUSDMClient",
     ("market", "trade", "orders", "account", "config", "stream", "algo")),
    ("bingx", "BingX", "BingXClient", ("market", "swap_trade", "swap_account", "spot_fund", "user_stream")),
    ("gate_crossex", "GateCrossEx", "GateCrossExClient",
     ("market", "transfers", "orders", "convert", "account", "positions", "margin")),
]

_PROBE = """
import sys
from venuekit.connectors.{package} import {unified}, {client}
print("\\n".join(sorted(sys.modules)))
"""


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return set(out.stdout.split())


@pytest.mark.parametrize(("package", "unified", "client", "groups"), VENUES)
def test_importing_the_classes_loads_no_models_endpoints_or_converters(
    package: str, unified: str, client: str, groups: tuple[str, ...]
) -> None:
    loaded = _modules_after(_PROBE.format(package=package, unified=unified, client=client))
    base = f"venuekit.connectors.{package}"
    assert f"{base}.unified" in loaded and f"{base}.client" in loaded
    heavy = {f"{base}.models", f"{base}.convert", f"{base}.mapping", f"{base}.streams",
             *(f"{base}.endpoints.{g}" for g in groups),
             "venuekit.core.types.order", "venuekit.core.types.account", "venuekit.core.types.instrument",
             "pydantic", "pydantic.fields"}
    assert not heavy & loaded, sorted(heavy & loaded)
    assert not [m for m in loaded if m.startswith(f"{base}.models.")]


@pytest.mark.parametrize(("package", "unified", "client", "groups"), VENUES)
def test_every_endpoint_is_reachable_as_client_group_method(
    package: str, unified: str, client: str, groups: tuple[str, ...]
) -> None:
    raw = getattr(importlib.import_module(f"venuekit.connectors.{package}"), client)()
    endpoints = importlib.import_module(f"venuekit.connectors.{package}.endpoints").ENDPOINTS
    assert {ep.name.split(".")[0] for ep in endpoints} == set(groups)
    for ep in endpoints:
        group, method = ep.name.split(".")
        assert callable(getattr(getattr(raw, group), method)), ep.name


@pytest.mark.parametrize(("package", "unified", "client", "groups"), VENUES)
def test_a_group_is_built_once_per_client_on_that_clients_rest(
    package: str, unified: str, client: str, groups: tuple[str, ...]
) -> None:
    cls = getattr(importlib.import_module(f"venuekit.connectors.{package}"), client)
    first, second = cls(), cls()
    for name in groups:
        assert isinstance(getattr(cls, name), LazyGroup)
        assert name not in vars(first)
        group = getattr(first, name)
        assert type(group).__name__ in dir(importlib.import_module(f"venuekit.connectors.{package}.endpoints"))
        assert getattr(first, name) is group and vars(first)[name] is group
        assert group._client is first.rest
        assert getattr(second, name) is not group and getattr(second, name)._client is second.rest


async def test_a_lazily_loaded_group_calls_and_decodes() -> None:
    from venuekit.connectors.binance_usdm import BinanceUSDMClient

    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"serverTime": 1499827319559})

    async with BinanceUSDMClient(transport=httpx.MockTransport(answer)) as client:
        assert (await client.market.server_time()).server_time == 1499827319559
    assert seen == ["/fapi/v1/time"]


@pytest.mark.parametrize("package", [v[0] for v in VENUES])
def test_endpoints_package_exports_every_listed_name(package: str) -> None:
    endpoints = importlib.import_module(f"venuekit.connectors.{package}.endpoints")
    for name in endpoints.__all__:
        assert getattr(endpoints, name) is not None
    assert len(endpoints.ENDPOINTS) == len({id(ep) for ep in endpoints.ENDPOINTS}) > 20
    with pytest.raises(AttributeError):
        endpoints.NoSuchGroupApi  # noqa: B018


def test_lazy_module_rebinds_the_global_on_first_use() -> None:
    namespace: dict[str, Any] = {"__package__": "venuekit.core"}
    namespace["precision"] = LazyModule(".precision", namespace)
    stand_in = namespace["precision"]
    assert stand_in.quantize_to_step.__module__ == "venuekit.core.precision"
    assert namespace["precision"] is sys.modules["venuekit.core.precision"]


def test_unified_module_loads_its_converter_on_first_use() -> None:
    code = textwrap.dedent("""
        import sys
        from venuekit.connectors.binance_usdm import unified
        before = "venuekit.connectors.binance_usdm.convert" in sys.modules, type(unified.convert).__name__
        unified.convert.order
        after = "venuekit.connectors.binance_usdm.convert" in sys.modules, unified.convert is sys.modules[
            "venuekit.connectors.binance_usdm.convert"]
        print(before, after)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split("\n")[0] == "(False, 'LazyModule') (True, True)"


_TYPES = """
from venuekit.connectors.binance_usdm import BinanceUSDM, BinanceUSDMClient
from venuekit.connectors.bingx import BingXClient
from venuekit.connectors.gate_crossex import GateCrossExClient

reveal_type(BinanceUSDMClient().trade)
reveal_type(BinanceUSDM().raw.market)
reveal_type(BingXClient().swap_trade)
reveal_type(GateCrossExClient().margin)
BinanceUSDMClient().trade.no_such_method
"""


def test_mypy_sees_the_group_types(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    package = tmp_path / "venuekit"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "core").symlink_to(ROOT / "core")
    (package / "connectors").symlink_to(ROOT / "connectors")
    (tmp_path / "check_groups.py").write_text(_TYPES)
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir",
         str(tmp_path / ".mypy_cache"), "check_groups.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    mine = [line for line in out.stdout.splitlines() if line.startswith("check_groups.py")]
    assert mine == [
        'check_groups.py:6: note: Revealed type is "venuekit.connectors.binance_usdm.endpoints.trade.TradeApi"',
        'check_groups.py:7: note: Revealed type is "venuekit.connectors.binance_usdm.endpoints.market.MarketApi"',
        'check_groups.py:8: note: Revealed type is "venuekit.connectors.bingx.endpoints.swap_trade.SwapTradeApi"',
        'check_groups.py:9: note: Revealed type is "venuekit.connectors.gate_crossex.endpoints.margin.MarginApi"',
        'check_groups.py:10: error: "TradeApi" has no attribute "no_such_method"  [attr-defined]',
    ], out.stdout + out.stderr
