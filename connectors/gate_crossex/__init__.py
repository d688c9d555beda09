"""Gate CrossEx: one Gate account trading on several exchanges (Binance, OKX, Gate, …) over APIv4."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import GateCrossExClient
    from .config import VENUE, Environment
    from .enums import AccountMode, ClosePositionMethod
    from .unified import GateCrossEx

#: public name -> defining module, imported on first access (PEP 562): importing the package is free,
#: the raw client loads without the unified layer, and neither loads the streams or the simulator.
_EXPORTS: dict[str, str] = {
    "GateCrossExClient": ".client",
    "VENUE": ".config",
    "Environment": ".config",
    "AccountMode": ".enums",
    "ClosePositionMethod": ".enums",
    "GateCrossEx": ".unified",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = ["VENUE", "AccountMode", "ClosePositionMethod", "Environment", "GateCrossEx", "GateCrossExClient"]
