"""Paying: `nozle.checkout`, `nozle.portal`, `nozle.payment_events`, `nozle.reconciliations` and
the sandbox's `nozle.test_clock`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    CheckoutSession,
    CheckoutSessionCreateParams,
    ListPaymentEventsQuery,
    ListReconciliationsQuery,
    PaymentEvent,
    PaymentEventList,
    PortalSession,
    PortalSessionCreateParams,
    Reconciliation,
    ReconciliationList,
    TestClock,
    TestClockAdvanceParams,
)
from ._base import Resource, auto_page, operation


class Checkout(Resource):
    @operation("createCheckoutSession")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[CheckoutSessionCreateParams]) -> CheckoutSession:
        """A hosted checkout session (Stripe Checkout, or the sandbox's page): send the customer to its `url`."""
        return self._post("/v1/checkout/sessions", params, idempotency_key)


class Portal(Resource):
    @operation("createPortalSession")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[PortalSessionCreateParams]) -> PortalSession:
        """A billing portal session: send the customer to its `url`."""
        return self._post("/v1/portal/sessions", params, idempotency_key)


class PaymentEvents(Resource):
    @operation("listPaymentEvents")
    def list(self, **params: Unpack[ListPaymentEventsQuery]) -> PaymentEventList:
        """The payment provider's events as received, and what became of each."""
        return self._get("/v1/payment_events", params)

    def list_all(self, **params: Unpack[ListPaymentEventsQuery]) -> Iterator[PaymentEvent]:
        return auto_page(self.list, params)


class Reconciliations(Resource):
    @operation("runReconciliation")
    def create(self, *, idempotency_key: Optional[str] = None) -> Reconciliation:
        """Compares the provider's subscriptions with Nozle's now, and repairs what differs."""
        return self._post("/v1/reconciliations", None, idempotency_key)

    @operation("listReconciliations")
    def list(self, **params: Unpack[ListReconciliationsQuery]) -> ReconciliationList:
        return self._get("/v1/reconciliations", params)

    def list_all(self, **params: Unpack[ListReconciliationsQuery]) -> Iterator[Reconciliation]:
        return auto_page(self.list, params)


class TestClocks(Resource):
    # Not a test case, whatever unittest's and pytest's collectors guess from the name.
    __test__ = False

    @operation("retrieveTestClock")
    def retrieve(self) -> TestClock:
        """The project's clock in the sandbox."""
        return self._get("/v1/test_clock")

    @operation("advanceTestClock")
    def advance(self, *, idempotency_key: Optional[str] = None, **params: Unpack[TestClockAdvanceParams]) -> TestClock:
        """Moves the project's clock ahead (sandbox only): periods end, invoices are made."""
        return self._post("/v1/test_clock/advance", params, idempotency_key)
