"""Turns the arguments of `nozle.track()` into the event that will be sent, checking them at
the call so that mistakes surface where they are made."""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Optional, Sequence, Union

from ..models import EventInput

MAX_ID_LENGTH = 255


@dataclass(frozen=True)
class QueuedEvent:
    #: Order of arrival, 1 for the client's first event.
    seq: int
    #: `json.dumps(input)`, made at the call: what the caller had then, serialised once.
    json: str

    def input(self) -> EventInput:
        return json.loads(self.json)


def _fail(message: str) -> TypeError:
    return TypeError(f"Nozle: track() {message}")


def _required(value: Any, name: str) -> str:
    if not isinstance(value, str) or value == "":
        raise _fail(f"needs `{name}`, a non-empty string.")
    return value


def _unix_seconds(timestamp: Union[datetime, int, float]) -> float:
    if isinstance(timestamp, datetime):
        return timestamp.timestamp()
    if isinstance(timestamp, bool) or not isinstance(timestamp, (int, float)) or not math.isfinite(timestamp):
        raise _fail("`timestamp` must be a datetime or a number of seconds since the epoch (what time.time() returns).")
    return float(timestamp)


def to_event_json(
    customer: Any,
    event: Any,
    properties: Optional[Mapping[str, Any]],
    timestamp: Union[datetime, int, float, None],
    id: Optional[str],
    now: float,
) -> tuple[str, str]:
    """The event's id and JSON. Raises TypeError for bad arguments or properties JSON cannot carry."""
    event_id = str(uuid.uuid4()) if id is None else _required(id, "id")
    if len(event_id) > MAX_ID_LENGTH:
        raise _fail(f"`id` must be at most {MAX_ID_LENGTH} characters.")
    data: dict[str, Any] = {
        "id": event_id,
        "customer": _required(customer, "customer"),
        "event": _required(event, "event"),
        "timestamp": now if timestamp is None else _unix_seconds(timestamp),
    }
    if properties is not None:
        if not isinstance(properties, Mapping):
            raise _fail("`properties` must be a dict.")
        data["properties"] = properties
    try:
        return event_id, json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise _fail(f"`properties` must be serialisable to JSON: {error}") from error


def batch_body(events: Sequence[QueuedEvent], sent_at: float) -> bytes:
    """The body of `POST /v1/events`, joined from the JSON made at each `track()` call.
    `sent_at` at each attempt: the server measures the sender's clock by it (a moved test clock)."""
    return f'{{"events":[{",".join(event.json for event in events)}],"sent_at":{sent_at!r}}}'.encode("utf-8")
