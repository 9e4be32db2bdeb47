"""`nozle.customers`, `nozle.grants` and `nozle.api_keys`. `customer` arguments take a `cus_…`
id or your `external_id`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    ApiKey,
    ApiKeyCreateParams,
    ApiKeyList,
    ApiKeyWithSecret,
    Customer,
    CustomerCreateParams,
    CustomerList,
    CustomerUpdateParams,
    DeletedCustomer,
    Grant,
    GrantCreateParams,
    GrantList,
    ListApiKeysQuery,
    ListCustomersQuery,
    ListGrantsQuery,
)
from ._base import Resource, auto_page, operation, path_id


class Customers(Resource):
    @operation("createCustomer")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[CustomerCreateParams]) -> Customer:
        """Creates a customer; every field is optional."""
        return self._post("/v1/customers", params, idempotency_key)

    @operation("retrieveCustomer")
    def retrieve(self, customer: str) -> Customer:
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}")

    @operation("updateCustomer")
    def update(self, customer: str, *, idempotency_key: Optional[str] = None, **params: Unpack[CustomerUpdateParams]) -> Customer:
        """Updates the fields you pass. `metadata` is merged key by key: `""` removes a key, None clears them all.
        `coupon` or `promotion_code` gives the customer a discount of its own (for its subscriptions without one), `""` removes it."""
        return self._post(f"/v1/customers/{path_id(customer, 'customer')}", params, idempotency_key)

    @operation("deleteCustomer")
    def delete(self, customer: str) -> DeletedCustomer:
        """Deletes a customer; its `external_id` becomes free for a new one."""
        return self._delete(f"/v1/customers/{path_id(customer, 'customer')}")

    @operation("listCustomers")
    def list(self, **params: Unpack[ListCustomersQuery]) -> CustomerList:
        """One page of customers, newest first; filter by `email` or `external_id`."""
        return self._get("/v1/customers", params)

    def list_all(self, **params: Unpack[ListCustomersQuery]) -> Iterator[Customer]:
        """Every customer matching `params`, fetching pages as the loop needs them."""
        return auto_page(self.list, params)


class Grants(Resource):
    @operation("createGrant")
    def create(self, customer: str, *, idempotency_key: Optional[str] = None, **params: Unpack[GrantCreateParams]) -> Grant:
        """Grants a feature (beating what plans give) or, with `kind="revoke"`, takes it away."""
        return self._post(f"/v1/customers/{path_id(customer, 'customer')}/grants", params, idempotency_key)

    @operation("listGrants")
    def list(self, customer: str, **params: Unpack[ListGrantsQuery]) -> GrantList:
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}/grants", params)

    def list_all(self, customer: str, **params: Unpack[ListGrantsQuery]) -> Iterator[Grant]:
        return auto_page(lambda **page: self.list(customer, **page), params)


class ApiKeys(Resource):
    @operation("createApiKey")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[ApiKeyCreateParams]) -> ApiKeyWithSecret:
        """Creates a key; its `secret` is shown only in this answer."""
        return self._post("/v1/api_keys", params, idempotency_key)

    @operation("listApiKeys")
    def list(self, **params: Unpack[ListApiKeysQuery]) -> ApiKeyList:
        return self._get("/v1/api_keys", params)

    def list_all(self, **params: Unpack[ListApiKeysQuery]) -> Iterator[ApiKey]:
        return auto_page(self.list, params)

    @operation("revokeApiKey")
    def revoke(self, key: str, *, idempotency_key: Optional[str] = None) -> ApiKey:
        return self._post(f"/v1/api_keys/{path_id(key, 'key')}/revoke", None, idempotency_key)
