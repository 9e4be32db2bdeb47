"""What was measured: `nozle.usage`."""

from __future__ import annotations

from typing import Unpack

from ..models import GetCustomerUsageQuery, UsageList, UsageQueryParams, UsageQueryResult
from ._base import Resource, operation, path_id


class Usage(Resource):
    @operation("getCustomerUsage")
    def retrieve(self, customer: str, **params: Unpack[GetCustomerUsageQuery]) -> UsageList:
        """The customer's usage per meter: the current period by default, `period="all"` for every one."""
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}/usage", params)

    @operation("queryUsage")
    def query(self, **params: Unpack[UsageQueryParams]) -> UsageQueryResult:
        """A meter's usage between `start` and `end`, optionally by `group_by` (`day`, `property:<name>`)."""
        return self._transport.request("POST", "/v1/usage/query", body=dict(params))
