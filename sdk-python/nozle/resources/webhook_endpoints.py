"""`nozle.webhook_endpoints` and `nozle.webhook_events`: where Nozle sends its webhooks, and
what it sent, with every attempt."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    DeletedWebhookEndpoint,
    ListWebhookEndpointsQuery,
    ListWebhookEventsQuery,
    WebhookEndpoint,
    WebhookEndpointCreateParams,
    WebhookEndpointList,
    WebhookEndpointRollParams,
    WebhookEndpointUpdateParams,
    WebhookEndpointWithSecret,
    WebhookEvent,
    WebhookEventList,
)
from ._base import Resource, auto_page, operation, path_id


class WebhookEndpoints(Resource):
    @operation("createWebhookEndpoint")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[WebhookEndpointCreateParams]) -> WebhookEndpointWithSecret:
        """Registers a URL for the project's events; its signing `secret` is in this answer only."""
        return self._post("/v1/webhook_endpoints", params, idempotency_key)

    @operation("retrieveWebhookEndpoint")
    def retrieve(self, endpoint: str) -> WebhookEndpoint:
        return self._get(f"/v1/webhook_endpoints/{path_id(endpoint, 'endpoint')}")

    @operation("updateWebhookEndpoint")
    def update(self, endpoint: str, *, idempotency_key: Optional[str] = None, **params: Unpack[WebhookEndpointUpdateParams]) -> WebhookEndpoint:
        return self._post(f"/v1/webhook_endpoints/{path_id(endpoint, 'endpoint')}", params, idempotency_key)

    @operation("deleteWebhookEndpoint")
    def delete(self, endpoint: str) -> DeletedWebhookEndpoint:
        return self._delete(f"/v1/webhook_endpoints/{path_id(endpoint, 'endpoint')}")

    @operation("rollWebhookEndpointSecret")
    def roll_secret(self, endpoint: str, *, idempotency_key: Optional[str] = None, **params: Unpack[WebhookEndpointRollParams]) -> WebhookEndpointWithSecret:
        """A new secret (in this answer only); the old one keeps signing beside it for `expires_in` seconds."""
        return self._post(f"/v1/webhook_endpoints/{path_id(endpoint, 'endpoint')}/roll_secret", params, idempotency_key)

    @operation("listWebhookEndpoints")
    def list(self, **params: Unpack[ListWebhookEndpointsQuery]) -> WebhookEndpointList:
        return self._get("/v1/webhook_endpoints", params)

    def list_all(self, **params: Unpack[ListWebhookEndpointsQuery]) -> Iterator[WebhookEndpoint]:
        return auto_page(self.list, params)


class WebhookEvents(Resource):
    @operation("retrieveWebhookEvent")
    def retrieve(self, event: str) -> WebhookEvent:
        return self._get(f"/v1/webhook_events/{path_id(event, 'event')}")

    @operation("resendWebhookEvent")
    def resend(self, event: str, endpoint: str, *, idempotency_key: Optional[str] = None) -> WebhookEvent:
        """Sends the event to `endpoint` again now."""
        return self._post(f"/v1/webhook_events/{path_id(event, 'event')}/resend", {"endpoint": endpoint}, idempotency_key)

    @operation("listWebhookEvents")
    def list(self, **params: Unpack[ListWebhookEventsQuery]) -> WebhookEventList:
        return self._get("/v1/webhook_events", params)

    def list_all(self, **params: Unpack[ListWebhookEventsQuery]) -> Iterator[WebhookEvent]:
        return auto_page(self.list, params)
