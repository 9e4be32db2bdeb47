"""The Nozle client for backend code. Create one per process and share it between threads."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Any, Callable, Literal, Mapping, Optional, Union, Unpack

from ._backoff import RetryPolicy
from ._options import DEFAULT_BASE_URL, check_base_url, check_failure_mode, check_secret_key
from ._transport import Transport, _check_timeout
from ._version import VERSION
from . import webhooks
from .customer_token import check_customer_token_args, customer_token_key, sign_customer_token
from .errors import APIConnectionError, APIError, NotFoundError, RateLimitError
from .models import Check, CheckParams, CreditRequirement, Entitlements, HealthStatus, Project, ProjectUpdateParams, ReservationCreateParams
from .resources._base import operation, path_id
from .resources.access import Purchases, Subscriptions
from .resources.alerts import Alerts
from .resources.billing import Analytics, Credits, Invoices
from .resources.catalog import CostModels, Features, Meters, Plans
from .resources.coupons import Coupons, PromotionCodes
from .resources.customers import ApiKeys, Customers, Grants
from .resources.payments import Checkout, PaymentEvents, Portal, Reconciliations, TestClocks
from .resources.reservations import ReservationHandle, Reservations
from .resources.tax_rates import TaxRates
from .resources.usage import Usage
from .resources.webhook_endpoints import WebhookEndpoints, WebhookEvents
from .track.errors import TrackError
from .track.options import TrackOptions
from .track.tracker import Tracker

FailureMode = Literal["closed", "open"]


class Nozle:
    #: `nozle.webhooks.verify(raw_body, headers, secret)`, the same as the module `nozle.webhooks`.
    webhooks = webhooks

    """Every method returns the API's object (a plain dict, typed by `nozle.models`) and raises a
    typed `NozleError` subclass when the request fails, or `APIConnectionError` when no answer
    came — except `can()`, which answers by its failure mode instead, and `track()`, which
    queues and reports failures to `on_error`.

    Example::

        nozle = Nozle(os.environ["NOZLE_SECRET_KEY"])
        if not nozle.can("user_42", "exports")["allowed"]:
            ...
        nozle.track("user_42", "export.created", {"pages": 12})
        nozle.shutdown()  # before the process ends: sends what is queued
    """

    def __init__(
        self,
        secret_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 10.0,
        max_retries: int = 2,
        failure_mode: FailureMode = "closed",
        on_error: Optional[Callable[[TrackError], None]] = None,
        track: Optional[TrackOptions] = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        """
        :param secret_key: the project's secret key (`sk_…`). Keep it on the server.
        :param base_url: where the API is, without `/v1`.
        :param timeout: seconds to wait for the connection and for each read of an answer.
        :param max_retries: retries of a call after a network error, a 429 or a 5xx, with
            exponential backoff (POSTs carry an `Idempotency-Key`, so a retry cannot apply twice).
        :param failure_mode: what `can()` answers when the API cannot: `"closed"` (not allowed)
            or `"open"` (allowed); either way with `reason="unavailable"`.
        :param on_error: called with a `TrackError` for events that were not recorded; logged
            (one line, logger `nozle`) by default. `track.on_error` wins when both are given.
        :param track: how `track()` batches and retries; see `TrackOptions`.
        :param now: the clock in Unix seconds: what events and batches (`sent_at`) are stamped
            with and what customer tokens' expiry counts from. Inject one in tests.
        """
        if track is not None and not isinstance(track, TrackOptions):
            raise TypeError("Nozle: `track` must be a nozle.TrackOptions.")
        if on_error is not None and not callable(on_error):
            raise TypeError("Nozle: `on_error` must be a function.")
        if not callable(now):
            raise TypeError("Nozle: `now` must be a function returning Unix seconds, like time.time.")
        retry = RetryPolicy(max_retries=max_retries, initial_delay=0.5, max_delay=8.0)
        self.base_url = check_base_url(base_url)
        self._transport = Transport(check_secret_key(secret_key), self.base_url, _check_timeout(timeout), retry, f"nozle-python/{VERSION}")
        self._failure_mode = check_failure_mode(failure_mode)
        self._now = now
        self._tracker = Tracker(self._transport, track or TrackOptions(), now, on_error)
        # The HMAC key of customer tokens (the secret key's SHA-256), so no second copy of the key.
        self._token_key = customer_token_key(secret_key)
        self._project_lock = threading.Lock()
        self._project_id: Optional[str] = None
        self._bind(self._transport)

    def _bind(self, transport: Transport) -> None:
        self.customers = Customers(transport)
        self.api_keys = ApiKeys(transport)
        self.webhook_endpoints = WebhookEndpoints(transport)
        self.webhook_events = WebhookEvents(transport)
        self.alerts = Alerts(transport)
        self.reservations = Reservations(transport)
        self.features = Features(transport)
        self.plans = Plans(transport)
        self.meters = Meters(transport)
        self.cost_models = CostModels(transport)
        self.subscriptions = Subscriptions(transport)
        self.purchases = Purchases(transport)
        self.grants = Grants(transport)
        self.invoices = Invoices(transport)
        self.credits = Credits(transport)
        self.coupons = Coupons(transport)
        self.promotion_codes = PromotionCodes(transport)
        self.tax_rates = TaxRates(transport)
        self.usage = Usage(transport)
        self.analytics = Analytics(transport)
        self.checkout = Checkout(transport)
        self.portal = Portal(transport)
        self.payment_events = PaymentEvents(transport)
        self.reconciliations = Reconciliations(transport)
        self.test_clock = TestClocks(transport)

    def __repr__(self) -> str:
        return f"Nozle(base_url={self.base_url!r})"

    def __enter__(self) -> "Nozle":
        return self

    def __exit__(self, *_: object) -> None:
        self.shutdown()

    def with_options(self, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> "Nozle":
        """The same client (sharing its `track()` queue) with another timeout or retry count for the calls made through it:
        `nozle.with_options(timeout=2).customers.list()`."""
        copy = object.__new__(Nozle)
        copy.__dict__.update(self.__dict__)
        copy._transport = self._transport.with_options(timeout, max_retries)
        copy._bind(copy._transport)
        return copy

    # --- entitlements --------------------------------------------------------------------------

    @operation("check")
    def can(
        self,
        customer: str,
        feature: str,
        quantity: Optional[int] = None,
        credits: Optional[CreditRequirement] = None,
        *,
        timeout: Optional[float] = None,
    ) -> Check:
        """May this customer use this feature? Asks the API (`POST /v1/check`); nothing is recorded.

        Never raises for the network: when no answer comes (after retries), or the API answers 5xx
        or 429, the answer is the failure mode's — `allowed` False ("closed", the default) or
        True ("open"), with `reason="unavailable"`. A customer the API does not know is an answer
        too: `allowed` False, `reason="customer_not_found"`. A request the API refuses otherwise
        (a bad key, a bad parameter) still raises its NozleError.

        :param quantity: for a metered feature, how many units you are about to use (1 by default).
        :param credits: `{"currency": "usd", "amount": 500}` of prepaid credit the customer must hold too.
        :param timeout: seconds for this call, instead of the client's `timeout`.
        """
        for value, name in ((customer, "customer"), (feature, "feature")):
            if not isinstance(value, str) or value == "":
                raise TypeError(f"Nozle: can() needs `{name}`, a non-empty string.")
        body: CheckParams = {"customer": customer, "feature": feature}
        if quantity is not None:
            body["quantity"] = quantity
        if credits is not None:
            body["credits"] = credits
        transport = self._transport if timeout is None else self._transport.with_options(timeout)
        try:
            return transport.request("POST", "/v1/check", body=body)
        except NotFoundError:
            # An unknown feature is the API's own answer (`not_found`); a 404 is the customer.
            return self._answer(customer, feature, False, "customer_not_found")
        except (APIConnectionError, APIError, RateLimitError):
            return self._answer(customer, feature, self._failure_mode == "open", "unavailable")

    def reserve(
        self, customer: str, feature: str, quantity: int, *, expires_in: Optional[int] = None, idempotency_key: Optional[str] = None
    ) -> ReservationHandle:
        """Holds `quantity` units of a metered feature if they fit in what is left of the customer's
        limit, atomically on the server: concurrent reserves never hold more than the limit (which
        `can()` then `track()` cannot promise). Commit what was used (`handle.commit(actual)`,
        recorded as usage once) or `handle.release()`; a hold not settled frees itself after
        `expires_in` seconds (300 by default, at most 86400). Raises an InvalidRequestError (status 409,
        `limit_reached`, `no_access` or `revoked`) when it does not fit."""
        params: ReservationCreateParams = {"customer": customer, "feature": feature, "quantity": quantity}
        if expires_in is not None:
            params["expires_in"] = expires_in
        return ReservationHandle(self._transport, self.reservations.create(idempotency_key=idempotency_key, **params))

    def reserve_credits(
        self, customer: str, currency: str, amount: int, *, expires_in: Optional[int] = None, idempotency_key: Optional[str] = None
    ) -> ReservationHandle:
        """Holds `amount` whole minor units of the customer's prepaid credit in `currency` if the
        balance left after its other holds covers it, atomically on the server. While held the
        snapshot's `credits` balance counts it as spent; `handle.commit(actual)` draws the amount
        from the credit grants once, `handle.release()` frees it, and a hold not settled frees
        itself after `expires_in` seconds. Raises an InvalidRequestError (status 409,
        `insufficient_credits`) when the free balance is less."""
        params: ReservationCreateParams = {"customer": customer, "currency": currency, "quantity": amount}
        if expires_in is not None:
            params["expires_in"] = expires_in
        return ReservationHandle(self._transport, self.reservations.create(idempotency_key=idempotency_key, **params))

    @staticmethod
    def _answer(customer: str, feature: str, allowed: bool, reason: str) -> Check:
        """An answer the SDK makes itself; its reasons are not among the API's."""
        return {"object": "check", "customer": customer, "feature": feature, "allowed": allowed, "reason": reason, "version": 0}  # type: ignore[typeddict-item]

    @operation("getEntitlements")
    def entitlements(self, customer: str) -> Entitlements:
        """Every feature of the project for this customer, as one snapshot whose `version` grows with every change."""
        return self._transport.request("GET", f"/v1/customers/{path_id(customer, 'customer')}/entitlements")

    # --- usage events --------------------------------------------------------------------------

    @operation("ingestEvents")
    def track(
        self,
        customer: str,
        event: str,
        properties: Optional[Mapping[str, Any]] = None,
        *,
        timestamp: Union[datetime, int, float, None] = None,
        id: Optional[str] = None,
    ) -> str:
        """Records a usage event in the background: the event joins an in-memory queue that a daemon
        thread sends to `POST /v1/events` in batches, when `flush_at` events are queued or
        `flush_interval` seconds after the first one, whichever comes first.

        Network errors, 429 and 5xx are retried with backoff; the event keeps its id, so the API
        counts it once however often it is sent. Events that cannot be recorded are reported to
        `on_error` (logged by default), never raised. Call `shutdown()` (or `flush()`) before the
        process ends, or queued events are lost (or use the client as a context manager).

        :param properties: anything about the event; serialised to JSON now, so later changes are not sent.
        :param timestamp: when it happened, a datetime or Unix seconds; the time of this call by default.
        :param id: your id for the event (1 to 255 characters); a new UUID by default.
        :returns: the event's id.
        :raises TypeError: at once for a missing `customer` or `event`, or a malformed `id`,
            `timestamp` or `properties` (including properties JSON cannot carry).
        """
        return self._tracker.track(customer, event, properties, timestamp, id)

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends every event queued so far and blocks until each was recorded or given up on
        (including retries). Returns False if `timeout` seconds passed first."""
        return self._tracker.flush(timeout)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Sends what is queued and stops the sender's thread, waiting at most `timeout` seconds;
        events still unsent then are reported to `on_error` (`shutdown_timeout`). Later `track()`
        calls are ignored with a warning. Calling it again only waits for what is left."""
        self._tracker.shutdown(timeout)

    def track_stats(self) -> dict[str, int]:
        """Counters since the client was made: tracked, queued, accepted, duplicates, rejected, dropped, requests, retries."""
        return self._tracker.stats()

    # --- customer tokens -----------------------------------------------------------------------

    def customer_token(self, customer: str, expires_in: int = 3600) -> str:
        """A customer token: what a browser shows, with your publishable key, to read this one
        customer's entitlements live (@nozle/browser). Mint it in a route that knows the
        signed-in user; never let the browser choose `customer`.

        Signed here (HMAC-SHA256 keyed by the secret key's SHA-256), in the same format as
        @nozle/node's `customerToken()`; the project's id is asked once (`GET /v1/project`).

        :param expires_in: seconds until it expires, 1 to 604800 (7 days).
        """
        expires_in = check_customer_token_args(customer, expires_in)
        project_id = self._project()
        # The expiry counts from now, after the project id arrived.
        return sign_customer_token(self._token_key, project_id, customer, int(self._now()) + expires_in)

    def _project(self) -> str:
        with self._project_lock:
            if self._project_id is None:
                self._project_id = self.project()["id"]
            return self._project_id

    # --- the project and the server --------------------------------------------------------------

    @operation("getProject")
    def project(self) -> Project:
        """The project of the key."""
        return self._transport.request("GET", "/v1/project")

    @operation("updateProject")
    def update_project(self, *, idempotency_key: Optional[str] = None, **params: Unpack[ProjectUpdateParams]) -> Project:
        """Changes the project's name or `invoice_settings` (the seller's details on its invoices, the
        invoice number prefix); a field left out keeps its value, `None` clears it."""
        return self._transport.request("POST", "/v1/project", body=dict(params), idempotency_key=idempotency_key)

    @operation("getHealth")
    def health(self) -> HealthStatus:
        """Whether the server is up (`/healthz`)."""
        return self._transport.request("GET", "/healthz")

    @operation("getReadiness")
    def readiness(self) -> HealthStatus:
        """Whether the server and its dependencies can serve (`/readyz`); a 503 raises APIError."""
        return self._transport.request("GET", "/readyz")
