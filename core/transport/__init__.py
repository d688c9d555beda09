"""HTTP transport: the `Sender` seam (aiohttp by default under asyncio, any httpx transport when injected)."""

from .client import RestClient
from .config import RetryPolicy, Timeouts
from .factory import httpx_transport
from .response import RawResponse, ResponseCodec
from .sender import Sender, SendError, default_sender

__all__ = [
    "RawResponse",
    "ResponseCodec",
    "RestClient",
    "RetryPolicy",
    "SendError",
    "Sender",
    "Timeouts",
    "default_sender",
    "httpx_transport",
]
