"""The machinery behind `nozle.track()`: the bounded queue, the count and interval triggers, one
request in flight at a time on a background daemon thread, flush and shutdown. The same
semantics as sdk-node/src/track/tracker.ts, with a thread in place of the event loop."""

from __future__ import annotations

import collections
import logging
import threading
import time
from datetime import datetime
from typing import Any, Callable, Mapping, Optional, Union

from .._transport import Transport
from ..errors import NozleError
from .errors import TrackError
from .event import QueuedEvent, to_event_json
from .options import TrackOptions
from .sender import SenderContext, deliver

logger = logging.getLogger("nozle")


class Tracker:
    def __init__(self, transport: Transport, options: TrackOptions, now: Callable[[], float], on_error: Optional[Callable[[TrackError], None]]) -> None:
        self._options = options
        self._now = now
        self._on_error = options.on_error or on_error
        self._lock = threading.Condition()
        self._queue: collections.deque[QueuedEvent] = collections.deque()
        #: The batch being sent, oldest first; empty when none.
        self._in_flight: list[QueuedEvent] = []
        self._abort = threading.Event()
        self._ctx = SenderContext(transport, options, self._abort, self._report, now)
        self._seq = 0
        #: Every queued event with `seq` up to this one is owed a send now (by flush or the timer).
        self._flush_through = 0
        #: When the interval timer fires (monotonic seconds); None when not armed.
        self._deadline: Optional[float] = None
        #: Set from the first event pushed out of a full queue until the queue has room again.
        self._overflowing = False
        self._closed = False
        self._warned_closed = False
        self._thread: Optional[threading.Thread] = None

    # --- called by the application's threads -------------------------------------------------

    def track(
        self,
        customer: str,
        event: str,
        properties: Optional[Mapping[str, Any]],
        timestamp: Union[datetime, int, float, None],
        id: Optional[str],
    ) -> str:
        event_id, json_text = to_event_json(customer, event, properties, timestamp, id, self._now())
        dropped: Optional[QueuedEvent] = None
        with self._lock:
            if self._closed:
                if not self._warned_closed:
                    self._warned_closed = True
                    logger.warning("Nozle: track() after shutdown() is ignored; event %s (and any later one) is not sent.", event_id)
                return event_id
            self._seq += 1
            self._ctx.counters.tracked += 1
            if len(self._queue) >= self._options.max_queue_size:
                dropped = self._queue.popleft()
            self._queue.append(QueuedEvent(self._seq, json_text))
            if len(self._queue) < self._options.flush_at and self._deadline is None:
                self._deadline = time.monotonic() + self._options.flush_interval
            self._start_thread()
            self._lock.notify_all()
        if dropped is not None:
            self._overflow(dropped)
        return event_id

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends every event queued so far; returns once each was recorded or given up on (True),
        or after `timeout` seconds (False)."""
        if threading.current_thread() is self._thread:
            # From on_error, on the sender's own thread: waiting for itself would never end.
            return False
        with self._lock:
            target = self._flush_through = self._seq
            self._lock.notify_all()
            return self._lock.wait_for(lambda: self._settled(target), timeout)

    def shutdown(self, timeout: float) -> None:
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout < 0:
            raise TypeError("Nozle: shutdown(timeout) needs a number of seconds, 0 or more.")
        with self._lock:
            already = self._closed
            self._closed = True
            self._deadline = None
        if already:
            self.flush(timeout)
            return
        if self.flush(timeout):
            self._stop_thread()
            return
        with self._lock:
            self._abort.set()
            left = self._in_flight + list(self._queue)
            self._in_flight = []
            self._queue.clear()
            self._lock.notify_all()
        if left:
            self._report(
                TrackError("shutdown_timeout", f"Nozle: {_plural(len(left))} not sent: shutdown() timed out after {timeout:g} s.", [e.input() for e in left])
            )
        self._overflowing = False

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {**vars(self._ctx.counters), "queued": len(self._queue)}

    # --- the sender's thread -----------------------------------------------------------------

    def _start_thread(self) -> None:
        # Started with the first event: a client that never tracks has no thread.
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="nozle-track", daemon=True)
            self._thread.start()

    def _stop_thread(self) -> None:
        with self._lock:
            self._abort.set()
            self._lock.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _settled(self, target: int) -> bool:
        queued = bool(self._queue) and self._queue[0].seq <= target
        sending = bool(self._in_flight) and self._in_flight[0].seq <= target
        return not queued and not sending

    def _has_work(self) -> bool:
        if self._abort.is_set() or not self._queue:
            return False
        return len(self._queue) >= self._options.flush_at or self._queue[0].seq <= self._flush_through

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._has_work():
                    if self._abort.is_set():
                        return
                    if self._deadline is not None and time.monotonic() >= self._deadline:
                        # The interval timer fired: what is queued now is owed a send.
                        self._deadline = None
                        self._flush_through = self._seq
                        continue
                    wait = None if self._deadline is None else self._deadline - time.monotonic()
                    self._lock.wait(wait)
                batch = [self._queue.popleft() for _ in range(min(self._options.max_batch_size, len(self._queue)))]
                self._in_flight = batch
                # The queue has room again: a later overflow is a new episode, with a new warning.
                self._overflowing = False
            try:
                deliver(batch, self._ctx)
            except Exception:  # deliver() reports rather than raises; this is a bug, and must not stop later sends
                logger.exception("Nozle: unexpected error while sending events.")
            with self._lock:
                if self._in_flight is batch:
                    self._in_flight = []
                # Re-arm the interval for what arrived while sending, as sdk-node does after a drain.
                if self._queue and self._deadline is None and not self._closed:
                    self._deadline = time.monotonic() + self._options.flush_interval
                self._lock.notify_all()

    # --- reports -----------------------------------------------------------------------------

    def _overflow(self, dropped: QueuedEvent) -> None:
        if not self._overflowing:
            self._overflowing = True
            logger.warning(
                "Nozle: the event queue is full (%d events); dropping the oldest events until it drains. Is the API reachable?",
                self._options.max_queue_size,
            )
        self._report(TrackError("queue_full", f"Nozle: dropped event {dropped.input()['id']}: the queue is full.", [dropped.input()]))

    def _report(self, error: TrackError) -> None:
        if error.reason != "rejected":
            self._ctx.counters.dropped += len(error.events)
        if self._on_error is None:
            # One line: the message and the API's error; not the events, which may be many.
            if error.reason != "queue_full":
                cause = error.cause
                details = cause.details if isinstance(cause, NozleError) else ""
                logger.warning("%s (%s)" if details else "%s%s", error.message, details)
            return
        try:
            self._on_error(error)
        except Exception:
            logger.warning("Nozle: on_error raised; ignored.", exc_info=True)


def _plural(count: int) -> str:
    return "1 event" if count == 1 else f"{count} events"
