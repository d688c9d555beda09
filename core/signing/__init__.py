"""Signing seam and helpers; the venue signers live in `venuekit.connectors.<venue>.signer`."""

from .base import Signer, UnsignedRequest, WireRequest
from .hmac_digest import constant_time_equal, hmac_sha256_hex, hmac_sha512_hex, sha512_hex
from .params import ParamValue, json_body, render_params, render_value

__all__ = [
    "ParamValue",
    "Signer",
    "UnsignedRequest",
    "WireRequest",
    "constant_time_equal",
    "hmac_sha256_hex",
    "hmac_sha512_hex",
    "json_body",
    "render_params",
    "render_value",
    "sha512_hex",
]
