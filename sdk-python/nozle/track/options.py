"""How `nozle.track()` queues, batches and retries events: sdk-node's TrackOptions, in seconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from .._backoff import RetryPolicy
from .errors import TrackError

#: The API takes at most this many events per request.
MAX_BATCH_SIZE = 1000


def _integer(name: str, value: object, low: int, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TypeError(f"Nozle: `track.{name}` must be an integer from {low} to {high:g}.")


def _seconds(name: str, value: object, low: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= 2_147_483:
        raise TypeError(f"Nozle: `track.{name}` must be a number of seconds, at least {low:g}.")


@dataclass(frozen=True)
class TrackOptions:
    #: Send once this many events are queued. Lowered to `max_queue_size` when that is smaller.
    flush_at: int = 100
    #: Seconds after the first event that found no timer, send what is queued.
    flush_interval: float = 1.0
    #: Events held at most; when full, the oldest is dropped and reported (`queue_full`).
    max_queue_size: int = 10_000
    #: Events per request, at most the API's 1000.
    max_batch_size: int = MAX_BATCH_SIZE
    #: Seconds to wait for each request of a batch.
    request_timeout: float = 10.0
    #: Retries for network errors, 429 and 5xx (never after another 4xx); ids make them safe.
    retry: RetryPolicy = field(default_factory=lambda: RetryPolicy(max_retries=6, initial_delay=0.2, max_delay=30.0))
    #: Called (on the sender's thread) with the events that were not recorded and why. Should not
    #: raise; what it raises is logged and ignored. By default each report is logged as one line,
    #: except `queue_full`, which the once-per-episode warning already covers.
    on_error: Optional[Callable[[TrackError], None]] = None

    def __post_init__(self) -> None:
        _integer("max_queue_size", self.max_queue_size, 1, float("inf"))
        if self.flush_at == 100 and self.max_queue_size < 100:
            object.__setattr__(self, "flush_at", self.max_queue_size)
        _integer("flush_at", self.flush_at, 1, self.max_queue_size)
        _integer("max_batch_size", self.max_batch_size, 1, MAX_BATCH_SIZE)
        _seconds("flush_interval", self.flush_interval, 0)
        _seconds("request_timeout", self.request_timeout, 0.001)
        if not isinstance(self.retry, RetryPolicy):
            raise TypeError("Nozle: `track.retry` must be a nozle.RetryPolicy.")
        if self.on_error is not None and not callable(self.on_error):
            raise TypeError("Nozle: `track.on_error` must be a function.")
