"""How long to wait before a retry: exponential backoff with full jitter, or the server's
`Retry-After` (the same rules as sdk-node/src/track/backoff.ts, in seconds)."""

from __future__ import annotations

import random as _random
import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable, Optional


@dataclass(frozen=True)
class RetryPolicy:
    #: Retries after the first attempt, for network errors, 429 and 5xx only.
    max_retries: int
    #: Cap of the first retry's random delay, in seconds; the cap doubles with each retry.
    initial_delay: float
    #: Longest wait before one retry, also for a longer `Retry-After`.
    max_delay: float

    def __post_init__(self) -> None:
        if not isinstance(self.max_retries, int) or isinstance(self.max_retries, bool) or not 0 <= self.max_retries <= 100:
            raise TypeError("Nozle: `max_retries` must be an integer from 0 to 100.")
        if not (0 <= self.initial_delay <= self.max_delay):
            raise TypeError("Nozle: retry delays must satisfy 0 <= initial_delay <= max_delay.")


def backoff_delay(retry: int, policy: RetryPolicy, random: Callable[[], float] = _random.random) -> float:
    """Full jitter: uniform in [0, min(max_delay, initial_delay * 2**retry)); `retry` 0 is the first retry."""
    return random() * min(policy.max_delay, policy.initial_delay * 2**retry)


_SECONDS = re.compile(r"^\d+(\.\d+)?$")


def parse_retry_after(header: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a `Retry-After` header (delay-seconds or an HTTP date), or None."""
    if header is None:
        return None
    value = header.strip()
    if value == "":
        return None
    if _SECONDS.match(value):
        return float(value)
    # An HTTP date names its day and month; a bare "-5" is not one.
    if not re.search(r"[a-z]", value, re.IGNORECASE):
        return None
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, date.timestamp() - (time.time() if now is None else now))


def retry_delay(retry: int, retry_after: Optional[float], policy: RetryPolicy, random: Callable[[], float] = _random.random) -> float:
    """The wait before retry number `retry`: the server's `Retry-After` when given, capped at `max_delay`."""
    if retry_after is not None:
        return min(retry_after, policy.max_delay)
    return backoff_delay(retry, policy, random)
