"""Delivers one batch to `POST /v1/events`: retries what may succeed later, halves what is too
large, and reports every event that is given up on (sdk-node/src/track/sender.ts, on a thread)."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .._backoff import parse_retry_after, retry_delay
from .._transport import Transport
from ..errors import APIConnectionError, InvalidRequestError, NozleError, error_from_response
from .errors import TrackError, TrackErrorReason
from .event import QueuedEvent, batch_body
from .options import TrackOptions


@dataclass
class Counters:
    tracked: int = 0
    dropped: int = 0
    requests: int = 0
    retries: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0


@dataclass
class SenderContext:
    transport: Transport
    options: TrackOptions
    #: Set when `shutdown()` gives up: stop at once (the batch is reported by shutdown).
    abort: threading.Event
    report: Callable[[TrackError], None]
    #: The clock each attempt's `sent_at` is stamped with, in Unix seconds.
    now: Callable[[], float]
    counters: Counters = field(default_factory=Counters)


def _plural(count: int) -> str:
    return "1 event" if count == 1 else f"{count} events"


def _give_up(ctx: SenderContext, reason: TrackErrorReason, batch: Sequence[QueuedEvent], message: str, cause: Any = None) -> None:
    if ctx.abort.is_set():
        return  # shutdown() already reported this batch as unsent
    ctx.report(TrackError(reason, message, [event.input() for event in batch], cause))


def _settle(batch: Sequence[QueuedEvent], data: Any, request_id: Any, ctx: SenderContext) -> None:
    """Counts the answer and reports each event the API rejected (not retried: it would fail again)."""
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        # A 200 comes only after the batch is committed; without details, count it all as accepted.
        ctx.counters.accepted += len(batch)
        return
    by_id = {event.input()["id"]: event for event in batch}
    for result in results:
        status = result.get("status")
        if status == "accepted":
            ctx.counters.accepted += 1
        elif status == "duplicate":
            ctx.counters.duplicates += 1
        elif status == "rejected":
            ctx.counters.rejected += 1
            index = result.get("index")
            event = batch[index] if isinstance(index, int) and 0 <= index < len(batch) else by_id.get(result.get("id"))
            if event is None:
                continue
            error = result.get("error") or {}
            cause = InvalidRequestError(
                error.get("message", "The event was rejected."),
                type="invalid_request_error",
                code=error.get("code"),
                param=error.get("param"),
                request_id=request_id,
                raw=result,
            )
            _give_up(ctx, "rejected", [event], f"Nozle: event {event.input()['id']} was rejected: {cause.message}", cause)


def deliver(batch: Sequence[QueuedEvent], ctx: SenderContext) -> None:
    """Sends `batch` until it is recorded or given up on. Never raises: every event either reaches
    the API or is reported. Events keep their ids across retries, so the API counts each once."""
    policy = ctx.options.retry
    retries = 0
    while True:
        if ctx.abort.is_set():
            return
        ctx.counters.requests += 1
        retry_after = None
        error: NozleError
        # A new key per attempt, as sdk-node's client sets one per request: the event ids are what
        # make a retry safe, and a reused key would meet its first attempt still running (409).
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        try:
            response = ctx.transport.send(
                "POST", "/v1/events", body=batch_body(batch, ctx.now()), headers=headers, timeout=ctx.options.request_timeout
            )
        except APIConnectionError as connection_error:
            # No answer: it may succeed on a retry, and the ids make that safe.
            error = connection_error
        else:
            if 200 <= response.status < 300:
                _settle(batch, response.json(), response.request_id, ctx)
                return
            error = error_from_response(response.status, response.json(), response.request_id)
            if response.status == 413:
                if len(batch) == 1:
                    _give_up(ctx, "too_large", batch, f"Nozle: dropped event {batch[0].input()['id']}: too large for the API (413).", error)
                    return
                half = (len(batch) + 1) // 2
                deliver(batch[:half], ctx)
                deliver(batch[half:], ctx)
                return
            if not response.retryable:
                _give_up(ctx, "client_error", batch, f"Nozle: dropped {_plural(len(batch))}: the API answered {response.status}: {error.message}", error)
                return
            retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retries >= policy.max_retries:
            word = "retry" if retries == 1 else "retries"
            _give_up(ctx, "dropped_after_retries", batch, f"Nozle: dropped {_plural(len(batch))} after {retries} {word}: {error.message}", error)
            return
        # Ends early when shutdown() gives up.
        if ctx.abort.wait(retry_delay(retries, retry_after, policy)):
            return
        retries += 1
        ctx.counters.retries += 1
