"""`nozle.alerts`: thresholds on usage, credit balances and spend. A reached alert raises a
webhook event (`usage.threshold_reached`, `credits.low`, `spend.threshold_reached`) and shows in
the customer's snapshot (`alerts`)."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import Alert, AlertCreateParams, AlertList, AlertUpdateParams, DeletedAlert, ListAlertsQuery
from ._base import Resource, auto_page, operation, path_id


class Alerts(Resource):
    @operation("createAlert")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[AlertCreateParams]) -> Alert:
        """A `usage` alert on a metered `feature` (`percent` of the limit or an `amount`), a
        `credit_balance` or `spend` alert (`amount` in `currency`), for a `customer`, a `plan`'s
        customers, or every customer."""
        return self._post("/v1/alerts", params, idempotency_key)

    @operation("retrieveAlert")
    def retrieve(self, alert: str) -> Alert:
        return self._get(f"/v1/alerts/{path_id(alert, 'alert')}")

    @operation("updateAlert")
    def update(self, alert: str, *, idempotency_key: Optional[str] = None, **params: Unpack[AlertUpdateParams]) -> Alert:
        """Changes the threshold (a new one may fire again this period), `enabled`, `description` or `metadata`."""
        return self._post(f"/v1/alerts/{path_id(alert, 'alert')}", params, idempotency_key)

    @operation("deleteAlert")
    def delete(self, alert: str) -> DeletedAlert:
        return self._delete(f"/v1/alerts/{path_id(alert, 'alert')}")

    @operation("listAlerts")
    def list(self, **params: Unpack[ListAlertsQuery]) -> AlertList:
        return self._get("/v1/alerts", params)

    def list_all(self, **params: Unpack[ListAlertsQuery]) -> Iterator[Alert]:
        return auto_page(self.list, params)
