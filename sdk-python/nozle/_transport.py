"""One HTTP exchange with the API over urllib, and the retry loop around it: every call has a
timeout, and network errors, 429 and 5xx are retried with backoff (POSTs carry an
`Idempotency-Key`, the same on every attempt, so a retry cannot apply twice)."""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping, Optional

from ._backoff import RetryPolicy, parse_retry_after, retry_delay
from .errors import APIConnectionError, APIError, APITimeoutError, NozleError, error_from_response


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def request_id(self) -> Optional[str]:
        return self.headers.get("request-id")

    @property
    def retryable(self) -> bool:
        return self.status == 429 or self.status >= 500

    def json(self) -> Any:
        if not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def _quote_query(query: Mapping[str, Any]) -> str:
    pairs = []
    for key, value in query.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        pairs.append((key, str(value)))
    return urllib.parse.urlencode(pairs)


class Transport:
    """Holds the key (and never shows it: not in repr, errors or logs)."""

    def __init__(
        self,
        secret_key: str,
        base_url: str,
        timeout: float,
        retry: RetryPolicy,
        user_agent: str,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._secret_key = secret_key
        self.base_url = base_url
        self.timeout = timeout
        self.retry = retry
        self._user_agent = user_agent
        self._sleep = sleep
        # No redirects are followed: the API sends none, and one would drop the Authorization header.
        self._opener = urllib.request.build_opener()

    def __repr__(self) -> str:
        return f"Transport(base_url={self.base_url!r})"

    def with_options(self, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> "Transport":
        copy = Transport(self._secret_key, self.base_url, self.timeout, self.retry, self._user_agent, self._sleep)
        if timeout is not None:
            copy.timeout = _check_timeout(timeout)
        if max_retries is not None:
            copy.retry = replace(self.retry, max_retries=max_retries)
        return copy

    def send(
        self,
        method: str,
        path: str,
        *,
        body: Optional[bytes] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Response:
        """One attempt. Any HTTP status is a Response; no answer raises APIConnectionError."""
        request = urllib.request.Request(self.base_url + path, data=body, method=method)
        request.add_header("Authorization", f"Bearer {self._secret_key}")
        request.add_header("User-Agent", self._user_agent)
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        seconds = self.timeout if timeout is None else timeout
        try:
            with self._opener.open(request, timeout=seconds) as answer:
                return Response(answer.status, _lower(answer.headers), answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, _lower(error.headers), error.read())
        except (TimeoutError, socket.timeout) as error:
            raise APITimeoutError(f"Nozle: no answer from {self.base_url} within {seconds:g} s.", error) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                raise APITimeoutError(f"Nozle: no answer from {self.base_url} within {seconds:g} s.", error) from error
            raise APIConnectionError(f"Nozle: could not reach {self.base_url}: {error.reason}", error) from error
        except (http.client.HTTPException, OSError) as error:
            raise APIConnectionError(f"Nozle: could not reach {self.base_url}: {error!r}", error) from error

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Any = None,
        idempotency_key: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
        raw: bool = False,
    ) -> Any:
        """Sends until answered or out of retries; returns the parsed body (its bytes with `raw`, for
        a document such as a PDF) or raises a NozleError."""
        if query:
            encoded = _quote_query(query)
            if encoded:
                path = f"{path}?{encoded}"
        all_headers = dict(headers or {})
        data = None
        if method == "POST":
            all_headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
            data = json.dumps({} if body is None else body, separators=(",", ":")).encode()
        retries = 0
        while True:
            error: NozleError
            retry_after = None
            try:
                response = self.send(method, path, body=data, headers=all_headers, timeout=timeout)
            except APIConnectionError as connection_error:
                error = connection_error
            else:
                if 200 <= response.status < 300:
                    if raw:
                        return response.body
                    parsed = response.json()
                    if parsed is None and response.body:
                        raise APIError("Nozle: the API answered with a body that is not JSON.", status=response.status, request_id=response.request_id)
                    return parsed
                error = error_from_response(response.status, response.json(), response.request_id)
                if not response.retryable:
                    raise error
                retry_after = parse_retry_after(response.headers.get("retry-after"))
            if retries >= self.retry.max_retries:
                raise error
            self._sleep(retry_delay(retries, retry_after, self.retry))
            retries += 1


def _lower(headers: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()} if headers is not None else {}


def _check_timeout(timeout: Any) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 600:
        raise TypeError("Nozle: `timeout` must be a number of seconds, more than 0 and at most 600.")
    return float(timeout)
