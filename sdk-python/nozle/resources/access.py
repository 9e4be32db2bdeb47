"""What customers hold: `nozle.subscriptions` and `nozle.purchases`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    ListPurchasesQuery,
    ListSubscriptionsQuery,
    Purchase,
    PurchaseCreateParams,
    PurchaseList,
    Subscription,
    SubscriptionCancelParams,
    SubscriptionCreateParams,
    SubscriptionList,
    SubscriptionUpdateParams,
)
from ._base import Resource, auto_page, operation, path_id


class Subscriptions(Resource):
    @operation("createSubscription")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[SubscriptionCreateParams]) -> Subscription:
        return self._post("/v1/subscriptions", params, idempotency_key)

    @operation("retrieveSubscription")
    def retrieve(self, subscription: str) -> Subscription:
        return self._get(f"/v1/subscriptions/{path_id(subscription, 'subscription')}")

    @operation("updateSubscription")
    def update(self, subscription: str, *, idempotency_key: Optional[str] = None, **params: Unpack[SubscriptionUpdateParams]) -> Subscription:
        """Changes the plan (now, or at the period's end as a scheduled change) or the metadata."""
        return self._post(f"/v1/subscriptions/{path_id(subscription, 'subscription')}", params, idempotency_key)

    @operation("cancelSubscription")
    def cancel(self, subscription: str, *, idempotency_key: Optional[str] = None, **params: Unpack[SubscriptionCancelParams]) -> Subscription:
        """Ends it now, or with `at_period_end=True` when the period ends (`resume()` takes that back)."""
        return self._post(f"/v1/subscriptions/{path_id(subscription, 'subscription')}/cancel", params, idempotency_key)

    @operation("resumeSubscription")
    def resume(self, subscription: str, *, idempotency_key: Optional[str] = None) -> Subscription:
        """Takes back a cancellation scheduled for the period's end."""
        return self._post(f"/v1/subscriptions/{path_id(subscription, 'subscription')}/resume", None, idempotency_key)

    @operation("cancelScheduledChange")
    def cancel_scheduled_change(self, subscription: str) -> Subscription:
        return self._delete(f"/v1/subscriptions/{path_id(subscription, 'subscription')}/scheduled_change")

    @operation("listSubscriptions")
    def list(self, **params: Unpack[ListSubscriptionsQuery]) -> SubscriptionList:
        return self._get("/v1/subscriptions", params)

    def list_all(self, **params: Unpack[ListSubscriptionsQuery]) -> Iterator[Subscription]:
        return auto_page(self.list, params)


class Purchases(Resource):
    @operation("createPurchase")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[PurchaseCreateParams]) -> Purchase:
        """Records a one-time purchase of a plan."""
        return self._post("/v1/purchases", params, idempotency_key)

    @operation("retrievePurchase")
    def retrieve(self, purchase: str) -> Purchase:
        return self._get(f"/v1/purchases/{path_id(purchase, 'purchase')}")

    @operation("refundPurchase")
    def refund(self, purchase: str, *, idempotency_key: Optional[str] = None) -> Purchase:
        return self._post(f"/v1/purchases/{path_id(purchase, 'purchase')}/refund", None, idempotency_key)

    @operation("listPurchases")
    def list(self, **params: Unpack[ListPurchasesQuery]) -> PurchaseList:
        return self._get("/v1/purchases", params)

    def list_all(self, **params: Unpack[ListPurchasesQuery]) -> Iterator[Purchase]:
        return auto_page(self.list, params)
