"""HTTP transport: httpx as the interface, aiohttp underneath by default."""

from .client import RestClient
from .config import RetryPolicy, Timeouts
from .factory import default_transport
from .response import RawResponse, ResponseCodec

__all__ = ["RawResponse", "ResponseCodec", "RestClient", "RetryPolicy", "Timeouts", "default_transport"]
