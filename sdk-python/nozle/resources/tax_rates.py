"""`nozle.tax_rates`: the tax rates of invoices Nozle bills itself."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import ListTaxRatesQuery, TaxRate, TaxRateCreateParams, TaxRateList, TaxRateUpdateParams
from ._base import Resource, auto_page, operation, path_id


class TaxRates(Resource):
    """Inclusive or exclusive rates per country and region. Set them with `default_tax_rates` on a subscription."""

    @operation("createTaxRate")
    def create(self, *, idempotency_key: Optional[str] = None, **params: Unpack[TaxRateCreateParams]) -> TaxRate:
        return self._post("/v1/tax_rates", params, idempotency_key)

    @operation("retrieveTaxRate")
    def retrieve(self, tax_rate: str) -> TaxRate:
        return self._get(f"/v1/tax_rates/{path_id(tax_rate, 'tax_rate')}")

    @operation("updateTaxRate")
    def update(self, tax_rate: str, *, idempotency_key: Optional[str] = None, **params: Unpack[TaxRateUpdateParams]) -> TaxRate:
        """Changes its name, description or `active`; `percentage` and `inclusive` are fixed once created."""
        return self._post(f"/v1/tax_rates/{path_id(tax_rate, 'tax_rate')}", params, idempotency_key)

    @operation("listTaxRates")
    def list(self, **params: Unpack[ListTaxRatesQuery]) -> TaxRateList:
        return self._get("/v1/tax_rates", params)

    def list_all(self, **params: Unpack[ListTaxRatesQuery]) -> Iterator[TaxRate]:
        return auto_page(self.list, params)
