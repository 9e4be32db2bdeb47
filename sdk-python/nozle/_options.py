"""Validates `Nozle(...)` arguments once, so the rest of the SDK can trust them."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

DEFAULT_BASE_URL = "http://localhost:4000"


def check_secret_key(secret_key: Any) -> str:
    # Messages never include the key.
    if not isinstance(secret_key, str) or secret_key == "":
        raise TypeError('Nozle: `secret_key` is required and must be a string starting with "sk_".')
    if secret_key.startswith("pk_"):
        raise TypeError('Nozle: `secret_key` is a publishable key ("pk_..."); the Python SDK needs a secret key ("sk_...").')
    if not re.fullmatch(r"sk_\S+", secret_key):
        raise TypeError('Nozle: `secret_key` must start with "sk_" (a secret key from your project settings).')
    return secret_key


def check_base_url(base_url: Any) -> str:
    """Without a trailing slash (paths are appended as f"{base_url}/v1/...")."""
    if isinstance(base_url, str):
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return base_url.rstrip("/")
    raise TypeError(f"Nozle: `base_url` must be an absolute http(s) URL, got {base_url!r}.")


def check_failure_mode(mode: Any) -> str:
    if mode not in ("closed", "open"):
        raise TypeError('Nozle: `failure_mode` must be "closed" (the default: not allowed) or "open" (allowed).')
    return mode
