"""The one error `track()` reports through `on_error`: events that did not make it, and why."""

from __future__ import annotations

from typing import Literal, Optional, Sequence

from ..models import EventInput

#: Why events were given up on (the same reasons as sdk-node's NozleTrackError):
#: - `rejected`: the API refused this one event (bad field, unknown customer, timestamp out of
#:   range, …); the rest of its batch was recorded. Not retried. `cause.code`, `cause.param` say why.
#: - `client_error`: the API refused the whole batch (400, 401, 403 or another 4xx). Not retried.
#: - `dropped_after_retries`: network errors, 429 or 5xx outlasted `max_retries`.
#: - `too_large`: one event alone is still over the API's body limit (413).
#: - `queue_full`: pushed out of a full queue by a newer event (the API was too slow or down).
#: - `shutdown_timeout`: still queued or in flight when `shutdown(timeout)` gave up.
TrackErrorReason = Literal["rejected", "client_error", "dropped_after_retries", "too_large", "queue_full", "shutdown_timeout"]


class TrackError(Exception):
    """Events that were not recorded, handed to `on_error`. Never raised by `track()`.

    `__cause__` is the NozleError the API answered with (for `rejected`, one built from the
    event's own `error`), an APIConnectionError for network failures, and None for
    `queue_full` and `shutdown_timeout`.
    """

    def __init__(self, reason: TrackErrorReason, message: str, events: Sequence[EventInput], cause: Optional[BaseException] = None) -> None:
        super().__init__(message)
        self.reason: TrackErrorReason = reason
        self.message = message
        #: The events given up on, as they were sent (or would have been).
        self.events: list[EventInput] = list(events)
        self.__cause__ = cause

    @property
    def cause(self) -> Optional[BaseException]:
        return self.__cause__

    @property
    def event_ids(self) -> list[str]:
        """The ids of `events`, e.g. to log or to re-send later with the same ids."""
        return [event["id"] for event in self.events]
