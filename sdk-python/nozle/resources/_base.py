"""What every resource shares: the transport, ids that go into a path, the operation tag that the
coverage test reads, and auto-pagination."""

from __future__ import annotations

import urllib.parse
from typing import Any, Callable, Iterator, Mapping, Optional, TypeVar

from .._transport import Transport

F = TypeVar("F", bound=Callable[..., Any])


def operation(operation_id: str) -> Callable[[F], F]:
    """Marks the method that calls the spec's `operation_id` (see tests/test_coverage.py)."""

    def mark(method: F) -> F:
        method.__nozle_operation__ = operation_id  # type: ignore[attr-defined]
        return method

    return mark


def path_id(value: Any, name: str) -> str:
    """An id or key for a URL path, percent-encoded. An empty one would reach another route
    (`/v1/customers/` is the list), so it is refused."""
    if not isinstance(value, str) or value == "":
        raise TypeError(f"Nozle: `{name}` must be a non-empty string.")
    return urllib.parse.quote(value, safe="")


class Resource:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _get(self, path: str, query: Optional[Mapping[str, Any]] = None) -> Any:
        return self._transport.request("GET", path, query=query)

    def _post(self, path: str, body: Optional[Mapping[str, Any]] = None, idempotency_key: Optional[str] = None) -> Any:
        return self._transport.request("POST", path, body=dict(body or {}), idempotency_key=idempotency_key)

    def _delete(self, path: str) -> Any:
        return self._transport.request("DELETE", path)


def auto_page(fetch: Callable[..., Any], params: Mapping[str, Any]) -> Iterator[Any]:
    """Yields every item from `params["starting_after"]` on, fetching the next page only when
    the items of the previous one have been consumed."""
    query = dict(params)
    while True:
        page = fetch(**query)
        data = page.get("data") or []
        yield from data
        # An empty page that claims `has_more` would otherwise ask for the same page forever.
        if not page.get("has_more") or not data:
            return
        query["starting_after"] = data[-1]["id"]
