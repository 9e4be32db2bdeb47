"""Verifying the webhooks Nozle sends, by the Standard Webhooks scheme (standardwebhooks.com):
headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, a
space-separated list of `v1,<base64 HMAC-SHA256>` over `f"{id}.{timestamp}.{body}"`, keyed by
the bytes of the secret `whsec_<base64>`. The same scheme as @nozle/node's webhooks.verify."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union

from .errors import NozleError

if TYPE_CHECKING:
    from .models import WebhookPayloadBase

#: How far the timestamp may be from now, either way, in seconds.
TOLERANCE = 5 * 60
_PREFIX = "whsec_"


class WebhookVerificationError(NozleError):
    """The webhook is not from Nozle, was altered, or is too old (or from the future)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, type="webhook_verification_error")


def _secret_bytes(secret: str) -> bytes:
    if not isinstance(secret, str) or secret == "":
        raise TypeError("Nozle: webhooks.verify() needs the endpoint's secret, `whsec_…`.")
    encoded = secret[len(_PREFIX) :] if secret.startswith(_PREFIX) else secret
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise TypeError("Nozle: the webhook secret must be `whsec_` followed by base64.") from error


def _header(headers: Mapping[str, Any], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            return value if isinstance(value, str) else None
    return None


def sign(secret: str, webhook_id: str, timestamp: Union[int, str], body: Union[str, bytes]) -> str:
    """The `webhook-signature` value for these parts (`v1,<base64>`); for tests and senders."""
    payload = body.encode("utf-8") if isinstance(body, str) else body
    signed = f"{webhook_id}.{timestamp}.".encode("utf-8") + payload
    digest = hmac.new(_secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def verify(
    raw_body: Union[str, bytes],
    headers: Mapping[str, Any],
    secret: str,
    *,
    tolerance: int = TOLERANCE,
    now: Optional[float] = None,
) -> "WebhookPayloadBase":
    """Checks the signature and the timestamp of a webhook, and returns its parsed JSON body.

    The body is a `models.WebhookPayloadBase`: `type` is one of `models.WebhookEventType`, and
    `data` is the model the spec's webhooks section names for it (`models.UsageThresholdReached`
    for `usage.threshold_reached`, `models.Subscription` for `subscription.*`, ...).

    `raw_body` must be the body exactly as received (bytes, or the str decoded from them): a
    body parsed and serialised again does not verify. `headers` is any mapping (names are
    matched without regard to case: Flask's `request.headers`, Django's `request.headers`, a dict).

    Raises WebhookVerificationError when a header is missing, no signature matches, or the
    timestamp is more than `tolerance` seconds away from now.
    """
    webhook_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    signatures = _header(headers, "webhook-signature")
    if not webhook_id or not timestamp or not signatures:
        raise WebhookVerificationError("Missing webhook-id, webhook-timestamp or webhook-signature header.")
    try:
        sent = int(timestamp)
    except ValueError:
        raise WebhookVerificationError("The webhook-timestamp header is not a number of seconds.") from None
    current = time.time() if now is None else now
    if sent < current - tolerance:
        raise WebhookVerificationError("The webhook's timestamp is too old.")
    if sent > current + tolerance:
        raise WebhookVerificationError("The webhook's timestamp is too far in the future.")
    # Signed as the header reads, digit for digit.
    expected = sign(secret, webhook_id, timestamp, raw_body).split(",", 1)[1]
    for candidate in signatures.split(" "):
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected.encode()):
            break
    else:
        raise WebhookVerificationError("No signature of the webhook matches its body.")
    body = raw_body.decode("utf-8") if isinstance(raw_body, bytes) else raw_body
    try:
        return json.loads(body)
    except ValueError:
        raise WebhookVerificationError("The webhook's body is not JSON.") from None
