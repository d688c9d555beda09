"""Binance USDⓈ-M futures: unified `BinanceUSDM`, raw `BinanceUSDMClient`, environments."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import BinanceUSDMClient
    from .config import BASE_URLS, VENUE, Environment
    from .endpoints import ENDPOINTS, NewOrder
    from .unified import BinanceUSDM

#: public name -> defining module, imported on first access (PEP 562): importing the package is free,
#: the raw client loads without the unified layer, and neither loads the streams or the simulator.
_EXPORTS: dict[str, str] = {
    "BinanceUSDMClient": ".client",
    "BASE_URLS": ".config",
    "VENUE": ".config",
    "Environment": ".config",
    "ENDPOINTS": ".endpoints",
    "NewOrder": ".endpoints",
    "BinanceUSDM": ".unified",
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


__all__ = ["BASE_URLS", "ENDPOINTS", "VENUE", "BinanceUSDM", "BinanceUSDMClient", "Environment", "NewOrder"]
