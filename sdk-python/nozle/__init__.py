"""The Nozle SDK for Python: entitlement checks, batched usage events, the whole API, customer
tokens and webhook verification. Standard library only."""

from . import models, webhooks
from ._backoff import RetryPolicy
from ._version import VERSION
from .client import Nozle
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConnectionError,
    IdempotencyError,
    InvalidRequestError,
    NotFoundError,
    NozleError,
    PermissionDeniedError,
    PermissionError,
    RateLimitError,
)
from .track.errors import TrackError
from .track.options import TrackOptions
from .webhooks import WebhookVerificationError

__version__ = VERSION

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "ConnectionError",
    "IdempotencyError",
    "InvalidRequestError",
    "NotFoundError",
    "Nozle",
    "NozleError",
    "PermissionDeniedError",
    "PermissionError",
    "RateLimitError",
    "RetryPolicy",
    "TrackError",
    "TrackOptions",
    "VERSION",
    "WebhookVerificationError",
    "models",
    "webhooks",
]
