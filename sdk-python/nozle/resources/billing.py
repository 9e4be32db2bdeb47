"""Money: `nozle.invoices`, `nozle.credits`, `nozle.analytics`."""

from __future__ import annotations

from typing import Iterator, Optional, Unpack

from ..models import (
    AutoTopUp,
    AutoTopUpList,
    AutoTopUpParams,
    CreditBalance,
    CreditGrant,
    CreditGrantCreateParams,
    Currency,
    DeletedAutoTopUp,
    Invoice,
    InvoiceList,
    InvoicePayParams,
    ListInvoicesQuery,
    MarginReport,
    RetrieveMarginQuery,
    UpcomingInvoice,
)
from ._base import Resource, auto_page, operation, path_id


class Invoices(Resource):
    @operation("retrieveInvoice")
    def retrieve(self, invoice: str) -> Invoice:
        return self._get(f"/v1/invoices/{path_id(invoice, 'invoice')}")

    @operation("retrieveInvoicePdf")
    def pdf(self, invoice: str) -> bytes:
        """The invoice as a PDF document, its bytes: seller, customer, number, dates, status (a draft
        is marked DRAFT), every line explained, and the totals."""
        return self._transport.request("GET", f"/v1/invoices/{path_id(invoice, 'invoice')}/pdf", raw=True)

    @operation("listInvoices")
    def list(self, **params: Unpack[ListInvoicesQuery]) -> InvoiceList:
        return self._get("/v1/invoices", params)

    def list_all(self, **params: Unpack[ListInvoicesQuery]) -> Iterator[Invoice]:
        return auto_page(self.list, params)

    @operation("retrieveUpcomingInvoice")
    def upcoming(self, customer: str, *, subscription: Optional[str] = None) -> UpcomingInvoice:
        """A preview of the customer's next invoice (their newest live subscription's, or `subscription`'s)."""
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}/upcoming_invoice", {"subscription": subscription})

    @operation("payInvoice")
    def pay(self, invoice: str, *, idempotency_key: Optional[str] = None, **params: Unpack[InvoicePayParams]) -> Invoice:
        return self._post(f"/v1/invoices/{path_id(invoice, 'invoice')}/pay", params, idempotency_key)

    @operation("voidInvoice")
    def void(self, invoice: str, *, idempotency_key: Optional[str] = None) -> Invoice:
        return self._post(f"/v1/invoices/{path_id(invoice, 'invoice')}/void", None, idempotency_key)

    @operation("markInvoiceUncollectible")
    def mark_uncollectible(self, invoice: str, *, idempotency_key: Optional[str] = None) -> Invoice:
        return self._post(f"/v1/invoices/{path_id(invoice, 'invoice')}/mark_uncollectible", None, idempotency_key)


class Credits(Resource):
    @operation("createCreditGrant")
    def create(self, customer: str, *, idempotency_key: Optional[str] = None, **params: Unpack[CreditGrantCreateParams]) -> CreditGrant:
        """Grants the customer prepaid credit."""
        return self._post(f"/v1/customers/{path_id(customer, 'customer')}/credits", params, idempotency_key)

    @operation("listCredits")
    def retrieve(self, customer: str) -> CreditBalance:
        """The customer's balances and credit grants."""
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}/credits")

    @operation("listAutoTopUps")
    def list_auto_top_ups(self, customer: str) -> AutoTopUpList:
        """The customer's auto top-ups, one per currency."""
        return self._get(f"/v1/customers/{path_id(customer, 'customer')}/credits/auto_top_up")

    @operation("setAutoTopUp")
    def set_auto_top_up(self, customer: str, *, idempotency_key: Optional[str] = None, **params: Unpack[AutoTopUpParams]) -> AutoTopUp:
        """When the balance in `currency` falls below `threshold`, buy `amount` through the saved payment method (once per crossing)."""
        return self._post(f"/v1/customers/{path_id(customer, 'customer')}/credits/auto_top_up", params, idempotency_key)

    @operation("deleteAutoTopUp")
    def delete_auto_top_up(self, customer: str, currency: Currency) -> DeletedAutoTopUp:
        return self._transport.request("DELETE", f"/v1/customers/{path_id(customer, 'customer')}/credits/auto_top_up", query={"currency": currency})


class Analytics(Resource):
    @operation("retrieveMargin")
    def margin(self, **params: Unpack[RetrieveMarginQuery]) -> MarginReport:
        """Revenue, cost and margin between `start` and `end` (Unix seconds), with MRR and churn."""
        return self._get("/v1/analytics/margin", params)
