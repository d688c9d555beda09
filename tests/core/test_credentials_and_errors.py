import pickle

import pytest

from venuekit.core import Credentials, RequestInfo, Secret, VenueError
from venuekit.core.errors import InvalidRequest, RateLimited

SECRET = "S3CRET-sentinel-value"


def test_secret_never_rendered() -> None:
    creds = Credentials.of("abcdefgh", SECRET)
    for text in (repr(creds), str(creds), repr(creds.secret), str(creds.secret), f"{creds}"):
        assert SECRET not in text
    assert creds.secret.reveal() == SECRET
    assert creds.key_hint == "abcd…"


def test_secret_cannot_be_pickled() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Secret(SECRET))


def test_credentials_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VENUEKIT_BINANCE_USDM_KEY", "k1")
    monkeypatch.setenv("VENUEKIT_BINANCE_USDM_SECRET", SECRET)
    creds = Credentials.from_env("binance-usdm")
    assert creds is not None and creds.api_key == "k1" and creds.secret.reveal() == SECRET
    monkeypatch.delenv("VENUEKIT_BINANCE_USDM_SECRET")
    assert Credentials.from_env("binance-usdm") is None


def test_request_info_redacts_signature_and_key_headers() -> None:
    info = RequestInfo.redacted(
        "POST", "/x", {"symbol": "BTC-USDT", "signature": "deadbeef"}, {"X-BX-APIKEY": "key", "Accept": "json"}
    )
    assert info.params["signature"] == "<redacted>"
    assert info.headers["X-BX-APIKEY"] == "<redacted>"
    assert info.headers["Accept"] == "json"
    assert "deadbeef" not in repr(info)


def test_error_carries_context() -> None:
    err = RateLimited("slow down", venue="bingx", code=100410, status=200, retry_after=1.5,
                      request=RequestInfo("GET", "/p"))
    assert (err.venue, err.code, err.status, err.retry_after) == ("bingx", "100410", 200, 1.5)
    assert str(err) == "[bingx] 100410: slow down (HTTP 200) on GET /p"
    assert isinstance(err, VenueError)


def test_invalid_request_names_field() -> None:
    err = InvalidRequest("must be positive", field="quantity", venue="bingx")
    assert err.field == "quantity" and "quantity: must be positive" in str(err)


def test_account_tag_is_stable_and_does_not_reveal_the_key() -> None:
    a, b = Credentials.of("my-api-key-123", "x"), Credentials.of("my-api-key-123", "y")
    assert a.account_tag == b.account_tag and len(a.account_tag) == 16
    assert "my-api" not in a.account_tag
    assert Credentials.of("other", "x").account_tag != a.account_tag
