"""BingX USDT-M perpetual swap (plus spot/fund account): raw client, unified venue, environments."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import BingXClient
    from .config import BASE_URLS, Environment
    from .endpoints import ENDPOINTS, CancelReplace, NewOrder, TpSlSpec
    from .unified import BingX

#: public name -> defining module, imported on first access (PEP 562): importing the package is free,
#: the raw client loads without the unified layer, and neither loads the streams or the simulator.
_EXPORTS: dict[str, str] = {
    "BingXClient": ".client",
    "BASE_URLS": ".config",
    "Environment": ".config",
    "ENDPOINTS": ".endpoints",
    "CancelReplace": ".endpoints",
    "NewOrder": ".endpoints",
    "TpSlSpec": ".endpoints",
    "BingX": ".unified",
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


__all__ = [
    "BASE_URLS",
    "ENDPOINTS",
    "BingX",
    "BingXClient",
    "CancelReplace",
    "Environment",
    "NewOrder",
    "TpSlSpec",
]
