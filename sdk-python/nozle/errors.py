"""Typed errors for failed API calls, mirroring @nozle/openapi's errors.ts: one base class with
the fields of the API's error body, and subclasses only where callers branch."""

from __future__ import annotations

from typing import Any, Optional


class NozleError(Exception):
    """A failed API call. `type` is the API's `error.type` (or `connection_error`)."""

    def __init__(
        self,
        message: str,
        *,
        type: str = "api_error",
        code: Optional[str] = None,
        status: Optional[int] = None,
        request_id: Optional[str] = None,
        param: Optional[str] = None,
        raw: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.type = type
        #: A machine-readable code such as `parameter_invalid` or `resource_missing`.
        self.code = code
        #: The HTTP status; None when no response arrived.
        self.status = status
        #: The `req_…` id to quote when asking for help.
        self.request_id = request_id
        #: The offending parameter, in bracket notation for nested fields (`metadata[plan]`).
        self.param = param
        #: The response body as received, for debugging.
        self.raw = raw

    @property
    def details(self) -> str:
        """`status=…, code=…, request_id=…`, for a log line; empty when none is known."""
        fields = (("status", self.status), ("code", self.code), ("request_id", self.request_id))
        return ", ".join(f"{name}={value}" for name, value in fields if value is not None)

    def __str__(self) -> str:
        return f"{self.message} ({self.details})" if self.details else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r}, code={self.code!r})"


class AuthenticationError(NozleError):
    """401: no API key, or an unknown or revoked one."""


class PermissionDeniedError(NozleError):
    """403: the key may not call this endpoint (e.g. a publishable key on a secret endpoint)."""


class InvalidRequestError(NozleError):
    """400, 404, 409, 422 and other 4xx: the request was wrong; `status` tells which."""


class NotFoundError(InvalidRequestError):
    """404: no such object (or route)."""


class IdempotencyError(NozleError):
    """An `Idempotency-Key` reused with a different request, or whose first request still runs."""


class RateLimitError(NozleError):
    """429: too many requests; retry later."""


class APIError(NozleError):
    """5xx, or a response this client cannot make sense of."""


class APIConnectionError(NozleError):
    """No response: DNS, refused or reset connection, timeout. The request may or may not have run."""

    def __init__(self, message: str, cause: Optional[BaseException] = None) -> None:
        super().__init__(message, type="connection_error")
        self.__cause__ = cause


class APITimeoutError(APIConnectionError):
    """No answer within the timeout."""


# The names of the issue and of other SDKs; they shadow builtins only when imported by name.
ConnectionError = APIConnectionError  # noqa: A001
PermissionError = PermissionDeniedError  # noqa: A001


def _class_for(status: int, type_: Optional[str]) -> type[NozleError]:
    # An idempotency conflict arrives as a 400 or 409; only its type tells it apart.
    if type_ == "idempotency_error":
        return IdempotencyError
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 404:
        return NotFoundError
    if status == 429:
        return RateLimitError
    if status >= 500:
        return APIError
    by_type: dict[str, type[NozleError]] = {
        "authentication_error": AuthenticationError,
        "permission_error": PermissionDeniedError,
        "rate_limit_error": RateLimitError,
        "api_error": APIError,
    }
    if type_ in by_type:
        return by_type[type_]
    return InvalidRequestError if status >= 400 else APIError


_DEFAULT_TYPE: dict[type[NozleError], str] = {
    AuthenticationError: "authentication_error",
    PermissionDeniedError: "permission_error",
    InvalidRequestError: "invalid_request_error",
    NotFoundError: "invalid_request_error",
    IdempotencyError: "idempotency_error",
    RateLimitError: "rate_limit_error",
    APIError: "api_error",
}


def error_from_response(status: int, body: Any, request_id: Optional[str] = None) -> NozleError:
    """The error class that matches a failed response. `body` may be anything (a proxy's HTML page)."""
    fields: dict[str, str] = {}
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        fields = {key: value for key, value in error.items() if isinstance(value, str)}
    cls = _class_for(status, fields.get("type"))
    return cls(
        fields.get("message", f"Request failed with status {status}"),
        type=fields.get("type", _DEFAULT_TYPE.get(cls, "api_error")),
        code=fields.get("code"),
        status=status,
        request_id=request_id or fields.get("request_id"),
        param=fields.get("param"),
        raw=body,
    )
