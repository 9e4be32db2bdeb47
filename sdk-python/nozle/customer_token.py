"""Customer tokens: what the backend hands a browser so it can read one customer's entitlements
with the publishable key. The same format as the server's (server/src/http/customer-token.ts)
and sdk-node's customerToken():
    base64url(JSON {"p": project_id, "c": customer, "e": expiry in Unix seconds}) "." base64url(HMAC-SHA256)
keyed by the SHA-256 (hex) of the secret key, which is what the server stores."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

DEFAULT_EXPIRES_IN = 3600
MAX_EXPIRES_IN = 7 * 24 * 3600


def _base64url(data: bytes) -> str:
    # Node's "base64url": the URL-safe alphabet without padding.
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def customer_token_key(secret_key: str) -> str:
    """The key the HMAC is made with: the secret key's SHA-256, as lowercase hex."""
    return hashlib.sha256(secret_key.encode("utf-8")).hexdigest()


def sign_customer_token(token_key: str, project_id: str, customer: str, expires_at: int) -> str:
    # JSON.stringify's form: no spaces, non-ASCII characters as they are, keys in this order.
    claims = json.dumps({"p": project_id, "c": customer, "e": expires_at}, separators=(",", ":"), ensure_ascii=False)
    payload = _base64url(claims.encode("utf-8"))
    signature = hmac.new(token_key.encode("utf-8"), payload.encode("ascii"), hashlib.sha256).digest()
    return f"{payload}.{_base64url(signature)}"


def check_customer_token_args(customer: Any, expires_in: Any) -> int:
    """Returns `expires_in`; raises TypeError like sdk-node's resolveCustomerTokenArgs."""
    if not isinstance(customer, str) or customer == "":
        raise TypeError("Nozle: customer_token(customer) needs the customer's id or external_id, a non-empty string.")
    if isinstance(expires_in, bool) or not isinstance(expires_in, int) or not 1 <= expires_in <= MAX_EXPIRES_IN:
        raise TypeError(
            f"Nozle: customer_token() `expires_in` must be a whole number of seconds from 1 to {MAX_EXPIRES_IN} (7 days), got {expires_in!r}."
        )
    return expires_in
