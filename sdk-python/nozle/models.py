# Generated from openapi/nozle.yaml (its JSON form) by sdk-python/scripts/generate_models.mjs. Do not edit:
# run `node sdk-python/scripts/generate_models.mjs` after changing the spec.
"""The API's objects as TypedDicts: what each method of the SDK sends and returns (plain dicts at run time)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, Optional, TypedDict, Union

API_VERSION = "0.1.0"


class ErrorError(TypedDict):
    #: The broad kind of error.
    type: Literal["invalid_request_error", "authentication_error", "permission_error", "idempotency_error", "rate_limit_error", "card_error", "api_error"]
    #: A machine-readable code, e.g. `parameter_missing`, `parameter_invalid`,
    #: `parameter_unknown`, `resource_missing`, `resource_already_exists`,
    #: `invalid_json`, `api_key_missing`, `api_key_invalid`, `secret_key_required`,
    #: `idempotency_key_in_use`, `idempotency_key_reused`, `route_not_found`.
    code: str
    #: A human-readable explanation.
    message: str
    #: The parameter the error is about, in bracket notation for nested fields.
    param: NotRequired[Union[str, None]]
    #: The id of the failed request.
    request_id: str


class Error(TypedDict):
    """The body of every failed request."""
    error: "ErrorError"


class HealthStatus(TypedDict):
    status: Literal["ok", "unavailable"]
    #: Each dependency's state.
    checks: NotRequired[dict[str, Literal["ok", "unavailable", "not_configured"]]]


Metadata = dict[str, str]
"""Up to 50 keys of your own, each up to 40 characters, with string values up to 500
characters.
"""


class CustomerData(TypedDict):
    """The customer's details, to create it on first sight when it does not exist yet (like
    Autumn's `customer_data`). Used only when the customer is created; an existing
    customer is not changed (`POST /v1/customers/{customer}` does that).
    """
    email: NotRequired[str]
    name: NotRequired[str]
    metadata: NotRequired["Metadata"]


MetadataUpdate = Union[dict[str, str], None]
"""Keys to set; a key set to `""` is removed; `null` clears all metadata."""


ExternalId = str
"""Your own id for the customer, e.g. your user or organisation id."""


class Project(TypedDict):
    id: str
    object: Literal["project"]
    name: str
    created: "Timestamp"
    invoice_settings: "InvoiceSettings"
    automatic_tax: "AutomaticTax"


class InvoiceSettings(TypedDict):
    """What the project's invoice documents (the PDF and the hosted page) show of the seller, and
    how its invoices are numbered: `{number_prefix}-{n}`, n counting from 1 per project (at least
    four digits: `ACME-0001`), given when an invoice is finalized, without gaps.
    """
    #: The seller's name on invoices; the project's `name` when `null`.
    business_name: Union[str, None]
    #: The seller's postal address, one line per line of text.
    address: Union[str, None]
    #: Where customers write about their invoices.
    email: Union[str, None]
    #: The seller's tax or VAT id, printed as given.
    tax_id: Union[str, None]
    number_prefix: "InvoiceNumberPrefix"


InvoiceNumberPrefix = str
"""Letters, digits and dashes; `INV` until set."""


class ProjectUpdateParamsInvoiceSettings(TypedDict):
    """The settings to change; a field left out keeps its value, `null` clears it."""
    business_name: NotRequired[Union[str, None]]
    address: NotRequired[Union[str, None]]
    email: NotRequired[Union[str, None]]
    tax_id: NotRequired[Union[str, None]]
    number_prefix: NotRequired["InvoiceNumberPrefix"]


class ProjectUpdateParams(TypedDict):
    name: NotRequired[str]
    #: The settings to change; a field left out keeps its value, `null` clears it.
    invoice_settings: NotRequired["ProjectUpdateParamsInvoiceSettings"]
    automatic_tax: NotRequired["AutomaticTax"]


Timestamp = int
"""Time as Unix seconds."""


TimestampInput = int
"""Time as Unix seconds, in a request; from 1970-01-01 to 2100-01-01 (`4102444800`)."""


class Customer(TypedDict):
    #: The customer's own discount (applied to its subscriptions without one); present when it has one.
    discount: NotRequired[Union["Discount", None]]
    id: str
    object: Literal["customer"]
    #: Your own id for the customer, unique within the project.
    external_id: Union[str, None]
    email: Union[str, None]
    name: Union[str, None]
    #: The customer's billing address. Its `country` (and `state`) pick the tax rates of the
    #: invoices Nozle bills itself; with Stripe Tax on, checkout collects it and Nozle keeps it.
    address: Union["Address", None]
    tax_ids: "CustomerTaxIds"
    tax_exempt: "TaxExempt"
    metadata: "Metadata"
    created: "Timestamp"


class CustomerCreateParams(TypedDict):
    external_id: NotRequired["ExternalId"]
    email: NotRequired[str]
    name: NotRequired[str]
    address: NotRequired["AddressParams"]
    tax_ids: NotRequired["CustomerTaxIds"]
    tax_exempt: NotRequired["TaxExempt"]
    #: A coupon (its id) to give the customer: its discount applies to the customer's
    #: subscriptions Nozle bills that have none of their own. Refused (400 naming `coupon`)
    #: when deleted, past `redeem_by` or at `max_redemptions`.
    coupon: NotRequired[str]
    #: A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
    #: give the customer, as `coupon`. Refused (400 naming `promotion_code`) as `coupon` is,
    #: and when inactive, expired, at its own `max_redemptions`, for another customer, or
    #: with `first_time_transaction` for a customer who has been invoiced or bought before.
    promotion_code: NotRequired[str]
    metadata: NotRequired["Metadata"]


class CustomerUpdateParams(TypedDict):
    external_id: NotRequired["ExternalId"]
    email: NotRequired[Union[str, None]]
    name: NotRequired[Union[str, None]]
    #: The new address (it replaces the one held), or `null` to clear it.
    address: NotRequired[Union["AddressParams", None]]
    tax_ids: NotRequired["CustomerTaxIds"]
    tax_exempt: NotRequired["TaxExempt"]
    #: A coupon (its id) to give the customer: replaces the customer's discount; an empty
    #: string removes it. Its subscriptions Nozle bills that have no discount of their own
    #: get it. Refused (400 naming `coupon`) when deleted, past `redeem_by` or at
    #: `max_redemptions`.
    coupon: NotRequired[str]
    #: A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
    #: give the customer, as `coupon` (an empty string removes the discount). Refused (400
    #: naming `promotion_code`) as `coupon` is, and when inactive, expired, at its own
    #: `max_redemptions`, for another customer, or with `first_time_transaction` for a
    #: customer who has been invoiced or bought before.
    promotion_code: NotRequired[str]
    metadata: NotRequired["MetadataUpdate"]


class DeletedCustomer(TypedDict):
    id: str
    object: Literal["customer"]
    deleted: Literal[True]


class CustomerList(TypedDict):
    object: Literal["list"]
    data: list["Customer"]
    #: Whether more objects follow this page.
    has_more: bool
    #: The path of this list.
    url: str


ApiKeyType = Literal["secret", "publishable"]
"""`secret` (`sk_…`, full access) or `publishable` (`pk_…`, client endpoints only)."""


class ApiKey(TypedDict):
    id: str
    object: Literal["api_key"]
    type: "ApiKeyType"
    name: Union[str, None]
    #: The key's prefix and last four characters, e.g. `sk_…a1B2`.
    redacted: str
    created: "Timestamp"
    #: When the key last authenticated a request (to the minute), or `null`.
    last_used: Union["Timestamp", None]
    #: When the key was revoked, or `null` while it is active.
    revoked: Union["Timestamp", None]


ApiKeyWithSecret = dict[str, Any]


class ApiKeyCreateParams(TypedDict):
    type: "ApiKeyType"
    name: NotRequired[str]


AlertType = Literal["usage", "credit_balance", "spend"]
"""What the alert watches: `usage` of a metered feature (`feature`, with `percent` of the
limit or an `amount` of units), `credit_balance` (the prepaid balance in `currency`
below `amount`), `spend` (the upcoming invoice in `currency` at or above `amount`).
"""


class Alert(TypedDict):
    id: str
    object: Literal["alert"]
    type: "AlertType"
    #: The one customer (its `cus_…` id) it applies to; `null` with `plan`, or for every customer.
    customer: Union[str, None]
    #: The plan (its key) whose customers it applies to (a live subscription or purchase of it); `null` when it applies to one customer or every one.
    plan: Union[str, None]
    #: `usage`: the metered feature's key.
    feature: Union[str, None]
    #: `usage`: the threshold as a percentage of the customer's limit (none is reached while the limit is unlimited or 0).
    percent: Union[int, None]
    #: `usage`: units used in the period; `credit_balance`: the balance it warns below, and
    #: `spend`: the upcoming invoice's total it warns at, both in whole minor units.
    amount: Union[int, None]
    #: `credit_balance` and `spend`: the currency.
    currency: Union[str, None]
    #: A disabled alert neither fires nor shows in snapshots.
    enabled: bool
    description: Union[str, None]
    metadata: "Metadata"
    created: "Timestamp"


class AlertCreateParams(TypedDict):
    type: "AlertType"
    #: The customer's id or external_id, for an alert of that customer only.
    customer: NotRequired[str]
    #: A plan's id or key, for an alert of every customer holding it (with neither `customer` nor `plan`, every customer of the project).
    plan: NotRequired[str]
    #: `usage` only: a metered feature's id or key.
    feature: NotRequired[str]
    #: `usage` only, instead of `amount`: a percentage of the limit (above 100 for features with overage).
    percent: NotRequired[int]
    #: `usage`: units (up to 10^15), instead of `percent`; `credit_balance` and `spend`: whole minor units (up to 10^12).
    amount: NotRequired[int]
    currency: NotRequired["Currency"]
    enabled: NotRequired[bool]
    description: NotRequired[str]
    metadata: NotRequired["Metadata"]


class AlertUpdateParams(TypedDict):
    #: A new percentage (an alert made with `percent` only).
    percent: NotRequired[int]
    #: A new amount (an alert made with `amount` only).
    amount: NotRequired[int]
    enabled: NotRequired[bool]
    description: NotRequired[Union[str, None]]
    metadata: NotRequired["MetadataUpdate"]


class AlertList(TypedDict):
    object: Literal["list"]
    data: list["Alert"]
    has_more: bool
    url: str


class DeletedAlert(TypedDict):
    id: str
    object: Literal["alert"]
    deleted: Literal[True]


class ReachedAlert(TypedDict):
    """An alert the customer has reached and is still at: a usage or spend alert fired in the
    current period (and still reached: a raised limit takes it away), a credit balance alert
    whose balance is still below its amount.
    """
    #: The alert's id (`alr_…`).
    alert: str
    type: "AlertType"
    #: `usage`: the feature's key.
    feature: NotRequired[str]
    #: `credit_balance` and `spend`: the currency.
    currency: NotRequired[str]
    #: `usage`: the alert's percentage of the limit, `null` for an amount.
    percent: NotRequired[Union[int, None]]
    #: What was reached, in the units of `value` (for `percent`, that percentage of the limit then).
    threshold: int
    #: The value that reached it, when it fired (units used, the balance, the upcoming invoice's total).
    value: int
    reached_at: "Timestamp"
    #: The usage or billing period it fired in; `null` for `credit_balance`.
    period_start: Union["Timestamp", None]
    #: When that period ends (a client drops the alert then); `null` if never, and for `credit_balance`.
    period_end: Union["Timestamp", None]


class UsageThresholdReached(TypedDict):
    alert: "Alert"
    #: The customer's id.
    customer: str
    external_id: Union[str, None]
    feature: str
    #: The alert's percentage of the limit; `null` for an amount.
    percent: Union[int, None]
    #: The customer's limit of the feature then; `null` = unlimited.
    limit: Union[int, None]
    #: The units that reach the alert (its percentage of `limit`, rounded up, or its amount).
    threshold: int
    #: The units used in the period, which reached it.
    value: int
    period_start: "Timestamp"
    #: When the usage period ends; `null` when it never resets.
    period_end: Union["Timestamp", None]


class CreditsLow(TypedDict):
    alert: "Alert"
    customer: str
    external_id: Union[str, None]
    currency: str
    #: The alert's amount, in whole minor units.
    threshold: int
    #: The balance now, below it.
    value: int


class CreditsDepleted(TypedDict):
    customer: str
    external_id: Union[str, None]
    currency: str
    #: The balance before it reached 0, in whole minor units.
    previous_balance: int


class SpendThresholdReached(TypedDict):
    alert: "Alert"
    customer: str
    external_id: Union[str, None]
    currency: str
    #: The alert's amount, in whole minor units.
    threshold: int
    #: The upcoming invoice's total (`GET /v1/customers/{customer}/upcoming_invoice`) that reached it.
    value: int
    #: The subscription whose period the invoice is for.
    subscription: str
    period_start: "Timestamp"
    period_end: "Timestamp"


class WebhookPayloadBase(TypedDict):
    """The body of every webhook delivery."""
    id: str
    object: Literal["event"]
    type: "WebhookEventType"
    created: "Timestamp"
    data: dict[str, Any]


WebhookEventType = Literal["customer.entitlements.updated", "grant.created", "usage.threshold_reached", "credits.low", "credits.depleted", "spend.threshold_reached", "subscription.created", "subscription.updated", "subscription.canceled", "invoice.finalized", "invoice.paid", "invoice.voided", "checkout.completed", "invoice.payment_failed", "subscription.trial_will_end", "credits.granted", "credits.auto_top_up.succeeded", "credits.auto_top_up.failed"]
"""What happened. `customer.entitlements.updated`: what a customer may use changed (any
cause: a subscription, a grant, a purchase, time passing, a limit reached); `data` is the
new snapshot, its `version` orders them. `grant.created`: a feature granted or revoked by
hand; `data` is the grant. `subscription.created`, `subscription.updated` (its plan, status,
period or cancellation changed) and `subscription.canceled`: `data` is the subscription.
`invoice.finalized`, `invoice.paid` and `invoice.voided`: `data` is the invoice.
`checkout.completed`: a checkout session was paid for (or, for a plan of a group whose plan
a provider already bills, answered `complete` as a change of that subscription); `data` is
the session, once per session. `invoice.payment_failed`: a payment attempt failed (a
charge through `POST /v1/invoices/{invoice}/pay`, a provider's renewal or retry); `data`
is an `InvoicePaymentFailure`. `subscription.trial_will_end`: a trialing subscription's
trial ends in three days (at once when less is left), once per trial end; `data` is the
subscription. `credits.granted`: prepaid credit was granted (by hand, by a purchase, by a
subscription's period or an auto top-up); `data` is the credit grant.
`credits.auto_top_up.succeeded` and `credits.auto_top_up.failed`: an auto top-up was
charged, or could not be; `data` is the top-up.

Alerts (`/v1/alerts`): `usage.threshold_reached` (a metered feature's usage reached an
alert's threshold, once per period), `credits.low` (a credit balance fell below an
alert's amount, once per crossing), `spend.threshold_reached` (the upcoming invoice
reached an alert's amount, once per billing period); and `credits.depleted` (a currency's
balance reached 0, no alert needed). Each `data` is in the spec's `webhooks` section.
"""


TaxPercentage = float
"""The rate in percent, from 0 to 100 with at most 4 decimals (`19`, `8.875`), as Stripe's `percentage`."""


CountryCode = str
"""A two-letter country code (ISO 3166-1 alpha-2, e.g. `DE`, `US`), stored in capitals."""


class TaxRate(TypedDict):
    id: str
    object: Literal["tax_rate"]
    #: What invoices show beside the tax (`VAT`, `Sales tax`).
    display_name: str
    description: Union[str, None]
    percentage: "TaxPercentage"
    #: Whether prices already include it. Inclusive: the line's amount holds the tax (tax =
    #: amount × p / (100 + the inclusive rates' sum), the taxable amount is the rest) and the
    #: total does not grow. Exclusive: tax = taxable amount × p / 100, added to the total.
    #: Each line's tax is rounded to whole minor units, half away from zero (as Stripe, per line).
    inclusive: bool
    #: The country whose customers it applies to (by their address); `null` applies it only where a subscription names it.
    country: Union["CountryCode", None]
    #: A state or region within `country` (the address's `state`, e.g. `CA`); `null` for the whole country.
    state: Union[str, None]
    #: The tax authority, as you name it (shown on invoices).
    jurisdiction: Union[str, None]
    #: An archived rate (`false`) matches no new invoice by address.
    active: bool
    created: "Timestamp"


class TaxRateCreateParams(TypedDict):
    display_name: str
    percentage: "TaxPercentage"
    inclusive: bool
    country: NotRequired["CountryCode"]
    #: Needs `country`.
    state: NotRequired[str]
    jurisdiction: NotRequired[str]
    description: NotRequired[str]
    active: NotRequired[bool]


class TaxRateUpdateParams(TypedDict):
    """What may change; `percentage` and `inclusive` are fixed once created."""
    display_name: NotRequired[str]
    description: NotRequired[Union[str, None]]
    active: NotRequired[bool]


class TaxRateList(TypedDict):
    object: Literal["list"]
    data: list["TaxRate"]
    has_more: bool
    url: str


class TaxAmount(TypedDict):
    """One tax rate's tax on a line (or, in `total_tax_amounts`, summed over the invoice), as Stripe's `tax_amounts`."""
    #: The tax, whole minor units (negative on a credit of a proration).
    amount: int
    #: Inside the line's amount (`true`) or added to the total (`false`).
    inclusive: bool
    #: The tax rate's id (`txr_…`).
    tax_rate: str
    #: What the tax is computed on (for an inclusive rate, the amount less the inclusive taxes).
    taxable_amount: int


class Address(TypedDict):
    """A postal address, in Stripe's shape."""
    line1: Union[str, None]
    line2: Union[str, None]
    city: Union[str, None]
    #: State, county, province or region; a tax rate with a `state` matches it.
    state: Union[str, None]
    postal_code: Union[str, None]
    #: The country (ISO 3166-1 alpha-2) tax rates are matched by.
    country: Union["CountryCode", None]


class AddressParams(TypedDict):
    """A postal address; the one given replaces the one held (a field left out is `null`)."""
    line1: NotRequired[str]
    line2: NotRequired[str]
    city: NotRequired[str]
    state: NotRequired[str]
    postal_code: NotRequired[str]
    country: NotRequired["CountryCode"]


TaxIdType = Literal["ae_trn", "au_abn", "au_arn", "br_cnpj", "br_cpf", "ca_bn", "ca_gst_hst", "ca_qst", "ch_vat", "eu_oss_vat", "eu_vat", "gb_vat", "in_gst", "jp_cn", "kr_brn", "mx_rfc", "no_vat", "nz_gst", "sg_gst", "us_ein", "za_vat"]
"""A tax id's kind, as Stripe's `type` (a subset of Stripe's list)."""


class CustomerTaxId(TypedDict):
    type: "TaxIdType"
    #: The id as the customer gave it (`DE123456789`).
    value: str


CustomerTaxIds = list["CustomerTaxId"]
"""The customer's tax ids, printed on its invoices; at most 5 (the list given replaces the one held)."""


TaxExempt = Literal["none", "exempt", "reverse"]
"""As Stripe's `tax_exempt`: `none` is taxed; `exempt` is never taxed; `reverse` is not
taxed and its invoices note "Reverse charge" (the customer accounts for the tax, as an EU
business buying across a border does).
"""


class AutomaticTax(TypedDict):
    """Stripe Tax, in Stripe mode. When `enabled`: checkout sessions send
    `automatic_tax: { enabled: true }`, collect the billing address (`billing_address_collection:
    required`) and tax ids (`tax_id_collection`), and update an existing Stripe customer's
    address and name from what was entered (`customer_update`); the invoices Nozle sends to
    Stripe have `automatic_tax: { enabled: true }`. Stripe then computes the tax on them, so
    Nozle's own tax rates apply to no invoice of the project while it is enabled (they would tax
    what Stripe taxes again): its invoices carry no `tax_amounts`, and Stripe's invoice shows
    the tax. With it off, Nozle's rates tax the invoices it bills itself or through the sandbox.
    """
    enabled: bool


class WebhookEndpoint(TypedDict):
    id: str
    object: Literal["webhook_endpoint"]
    url: str
    description: Union[str, None]
    #: The event types it receives; `["*"]` for every one.
    enabled_events: list[str]
    status: Literal["enabled", "disabled"]
    #: Since when a delivery to it exhausted its retries (about three days), until one succeeds again; `null` while it is healthy.
    failing_since: Union["Timestamp", None]
    created: "Timestamp"


WebhookEndpointWithSecret = dict[str, Any]


class WebhookEndpointList(TypedDict):
    object: Literal["list"]
    data: list["WebhookEndpoint"]
    has_more: bool
    url: str


class DeletedWebhookEndpoint(TypedDict):
    id: str
    object: Literal["webhook_endpoint"]
    deleted: Literal[True]


class WebhookEndpointCreateParams(TypedDict):
    url: str
    description: NotRequired[str]
    #: The event types to receive, or `["*"]` (the default) for every one.
    enabled_events: NotRequired[list[Union["WebhookEventType", Literal["*"]]]]


class WebhookEndpointUpdateParams(TypedDict):
    url: NotRequired[str]
    description: NotRequired[Union[str, None]]
    enabled_events: NotRequired[list[Union["WebhookEventType", Literal["*"]]]]
    status: NotRequired[Literal["enabled", "disabled"]]


class WebhookEndpointRollParams(TypedDict):
    #: Seconds the old secret keeps signing beside the new one (0 ends it at once; at most 7 days).
    expires_in: NotRequired[int]


class WebhookEventResendParams(TypedDict):
    #: The endpoint to send it to.
    endpoint: str


class WebhookAttempt(TypedDict):
    attempt: int
    started: "Timestamp"
    #: The receiver's HTTP status; `null` when none came (timeout, network error, a refused address).
    status_code: Union[int, None]
    error: Union[str, None]
    latency_ms: int
    #: The first 500 characters of the receiver's answer.
    response_excerpt: Union[str, None]


class WebhookDelivery(TypedDict):
    """The event sent to one endpoint, at least once: a timeout, a network error or an answer
    other than 2xx is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and
    24 h (about three days), then the delivery `failed` and the endpoint is marked failing.
    """
    id: str
    endpoint: str
    status: Literal["pending", "succeeded", "failed"]
    attempts: list["WebhookAttempt"]
    next_attempt: Union["Timestamp", None]


class WebhookEvent(TypedDict):
    """What a delivery's body is (without `deliveries`): `{ id, object, type, created, data }`,
    POSTed as JSON and signed the Standard Webhooks way (`webhook-id` is the event's id, the
    same on every attempt: dedupe on it; `webhook-timestamp`; `webhook-signature`). Events are
    recorded in the transaction of the change that raised them, so none is lost and none
    describes a change that rolled back. Order is not promised: order by `data.version`
    (entitlements) or `created`.
    """
    id: str
    object: Literal["event"]
    type: "WebhookEventType"
    created: "Timestamp"
    #: The object the event is about (see the spec's `webhooks` for each type).
    data: dict[str, Any]
    deliveries: list["WebhookDelivery"]


class WebhookEventList(TypedDict):
    object: Literal["list"]
    data: list["WebhookEvent"]
    has_more: bool
    url: str


class ApiKeyList(TypedDict):
    object: Literal["list"]
    data: list["ApiKey"]
    has_more: bool
    url: str


FeatureKey = str
"""Lowercase letters, digits, `_`, `-` and `.`; starts with a letter or digit."""


FeatureType = Literal["boolean", "metered", "config"]
"""`boolean` (on or off), `metered` (uses per period) or `config` (a value)."""


ResetInterval = Literal["day", "week", "month", "year", "never"]
"""When a metered feature's usage starts again."""


JsonValue = Union[dict[str, Any], list[Any], str, float, bool, None]
"""Any JSON value."""


class Feature(TypedDict):
    id: str
    object: Literal["feature"]
    key: "FeatureKey"
    name: str
    type: "FeatureType"
    #: The key of the meter whose usage counts against a metered feature's limit.
    meter: Union[str, None]
    metadata: "Metadata"
    created: "Timestamp"


class FeatureCreateParams(TypedDict):
    key: "FeatureKey"
    #: Defaults to the key.
    name: NotRequired[str]
    type: "FeatureType"
    #: A metered feature's meter (id or key); its usage is the feature's `used`.
    meter: NotRequired[str]
    metadata: NotRequired["Metadata"]


class FeatureUpdateParams(TypedDict):
    name: NotRequired[str]
    #: Ties (or, with null, unties) a metered feature to a meter.
    meter: NotRequired[Union[str, None]]
    metadata: NotRequired["MetadataUpdate"]


class FeatureList(TypedDict):
    object: Literal["list"]
    data: list["Feature"]
    has_more: bool
    url: str


class PlanEntitlement(TypedDict):
    """What a plan gives for one feature. `boolean`: `enabled` (default true). `metered`:
    `limit` per `reset` period (`null` = unlimited) and whether `overage` is allowed
    (`reset` absent: `never`). The periods are the customer's, not the plan's: see
    `Entitlement.used`. An add-on plan's limit adds to the group plan's (`Plan.add_on`).
    `config`: `value`. A metered `per_seat` limit is per seat of the subscription: the
    customer's limit is `limit` × `quantity` (5 seats × 1000 messages = 5000). `per_seat` with
    `limit: 1` makes a `seats` feature whose limit is the quantity, so `can('seats')` answers
    whether one more seat fits.
    """
    feature: "FeatureKey"
    enabled: NotRequired[bool]
    limit: NotRequired[Union[int, None]]
    #: Metered features only (default false); a purchase's quantity is 1.
    per_seat: NotRequired[bool]
    reset: NotRequired["ResetInterval"]
    overage: NotRequired[bool]
    value: NotRequired["JsonValue"]


PlanGroup = str
"""The plan's group (`default` when none is named): a customer holds at most one live (trialing, active, past_due)
subscription per group; an `incomplete`, `paused` or `unpaid` one holds no place there (it gives no
access, and the group's default plan comes back beside it). Subscribing to another plan of the same group changes that
subscription: an upgrade (a higher price per month) at once, prorated; a downgrade at
period end, as a scheduled change (or at once when asked). Fixed once the plan exists.
"""


PlanInterval = Literal["month", "year", "one_time"]
"""How often the plan is billed; `one_time` plans are bought, not subscribed to."""


Currency = str
"""Three-letter ISO code, lowercase."""


class Plan(TypedDict):
    id: str
    object: Literal["plan"]
    key: str
    name: str
    group: "PlanGroup"
    #: An add-on stacks with the plan of its customer's group instead of replacing it: its
    #: metered limits add to the group plan's (an unlimited one makes the sum unlimited), its
    #: boolean and config features add to what the plan gives. An add-on belongs to no group.
    add_on: bool
    #: The default plan of its group: a customer created without a subscription gets it, and
    #: gets it back when its paid subscription of that group ends. At most one per group.
    default: bool
    #: The version these terms belong to.
    version: int
    interval: "PlanInterval"
    currency: "Currency"
    #: The flat fee per interval in the currency's minor unit (cents); per seat when `per_seat`.
    base_price: int
    #: The base price is per seat: each period's `base_fee` line has the subscription's
    #: `quantity` as its quantity and `base_price` × quantity as its amount.
    per_seat: bool
    #: The usage prices, each rated over a billing period's usage of its meter.
    prices: list["Price"]
    trial_days: int
    entitlements: list["PlanEntitlement"]
    #: The prepaid credit each purchase of this one_time plan grants; `null` for none.
    credits: Union["PlanCredits", None]
    metadata: "Metadata"
    created: "Timestamp"


class PlanCreateParams(TypedDict):
    key: "FeatureKey"
    name: NotRequired[str]
    group: NotRequired["PlanGroup"]
    #: An add-on stacks with the group's plan (see `Plan.add_on`); it takes no `group` and cannot be a default.
    add_on: NotRequired[bool]
    #: Makes it the default plan of its group (a free recurring plan, with no base price or usage prices, else 400; at most one per group, else 409). Not for an add-on.
    default: NotRequired[bool]
    interval: "PlanInterval"
    currency: NotRequired["Currency"]
    base_price: NotRequired[int]
    #: The base price is per seat (see `Plan.per_seat`).
    per_seat: NotRequired[bool]
    #: Usage prices (keys unique). On update the list replaces the whole list, as a new version when the current one is in use.
    prices: NotRequired[list["PriceParams"]]
    trial_days: NotRequired[int]
    entitlements: NotRequired[list["PlanEntitlement"]]
    credits: NotRequired["PlanCreditsParams"]
    metadata: NotRequired["Metadata"]


class PlanUpdateParams(TypedDict):
    name: NotRequired[str]
    currency: NotRequired["Currency"]
    base_price: NotRequired[int]
    #: The base price is per seat (see `Plan.per_seat`).
    per_seat: NotRequired[bool]
    #: Usage prices (keys unique). On update the list replaces the whole list, as a new version when the current one is in use.
    prices: NotRequired[list["PriceParams"]]
    trial_days: NotRequired[int]
    entitlements: NotRequired[list["PlanEntitlement"]]
    #: Replaces the credit pack; `null` removes it.
    credits: NotRequired[Union["PlanCreditsParams", None]]
    #: Makes it (or stops it being) the default plan of its group; a second default in one group is a 409.
    default: NotRequired[bool]
    metadata: NotRequired["MetadataUpdate"]


class PlanCredits(TypedDict):
    """Prepaid credit, in whole minor units: granted by each purchase of a one_time plan, or, on
    a recurring plan, at the start of each of a subscription's periods (expiring at the
    period's end, with what is left rolled over as `rollover` says).
    """
    amount: int
    currency: "Currency"
    #: The grant expires this many days after the purchase; `null` = never (a recurring plan's expire at each period's end).
    expires_in_days: Union[int, None]
    #: Recurring plans only: what is left of a period's credits at its end moves into the next period, up to `cap`; `null` = none (it expires).
    rollover: NotRequired[Union["PlanCreditsRollover", None]]


class PlanCreditsParams(TypedDict):
    """A one_time plan: each purchase grants this credit, once; a refund removes what remains of
    it. A recurring plan: each period of a subscription grants it at the period's start,
    expiring at the period's end (once per subscription and period); `rollover` carries
    what is left into the next period, up to its `cap`.
    """
    #: Whole minor units (cents).
    amount: int
    currency: "Currency"
    #: One_time plans only. Days from the purchase until the grant expires; never when absent.
    expires_in_days: NotRequired[int]
    rollover: NotRequired["PlanCreditsRollover"]


class PlanCreditsRollover(TypedDict):
    """Recurring plans only. At a period's end, what is left of its credits (its own grant and what rolled into it) becomes a grant of at most `cap` in the next period, expiring at that period's end."""
    #: The most that rolls over, in whole minor units; 0 rolls nothing.
    cap: int


class PlanList(TypedDict):
    object: Literal["list"]
    data: list["Plan"]
    has_more: bool
    url: str


class PlanMigrateParams(TypedDict):
    from_version: NotRequired[int]
    to_version: NotRequired[int]


class PlanMigration(TypedDict):
    object: Literal["plan_migration"]
    plan: str
    to_version: int
    #: How many subscriptions moved.
    migrated: int


SubscriptionStatus = Literal["trialing", "active", "past_due", "canceled", "incomplete", "paused", "unpaid"]
"""`trialing`, `active` and `past_due` (for the grace period) give access; `paused` (a trial
ended without a payment method), `unpaid` (every payment retry failed), `incomplete` and
`canceled` do not.
"""


class Subscription(TypedDict):
    #: The coupon applied to it (a customer's discount applies when it has none of its own); present when it has one.
    discount: NotRequired[Union["Discount", None]]
    #: The number of seats. A plan with `per_seat` bills its base price per seat (the
    #: `base_fee` line's quantity), and a `per_seat` metered entitlement gives its limit per
    #: seat. A scheduled decrease shows in `scheduled_change` until it takes effect.
    quantity: int
    #: Tax rate ids (`txr_…`) its invoices apply instead of the rates matching the customer's
    #: address, as Stripe's; empty: matched by address. Only on a subscription Nozle bills
    #: itself or through the sandbox (Stripe computes its own with Stripe Tax).
    default_tax_rates: list[str]
    #: Who bills it; `null` for a subscription recorded through the API alone.
    provider: Union["PaymentProviderName", None]
    #: Its id at the provider (`sub_…` at Stripe).
    provider_subscription_id: Union[str, None]
    id: str
    object: Literal["subscription"]
    #: The customer's id.
    customer: str
    #: The plan's key.
    plan: str
    plan_version: int
    #: The plan's group (one live subscription per customer and group); `null` for an add-on.
    plan_group: Union[str, None]
    status: "SubscriptionStatus"
    current_period_start: "Timestamp"
    current_period_end: "Timestamp"
    #: Where its periods are counted from (each period ends a whole number of intervals after
    #: it): the start, or a trial's end. A change of interval moves it to the change.
    billing_cycle_anchor: "Timestamp"
    #: A plan change that takes effect later (a downgrade at period end); `null` for none. Cancel it with `DELETE /v1/subscriptions/{id}/scheduled_change`.
    scheduled_change: Union["ScheduledChange", None]
    trial_end: Union["Timestamp", None]
    cancel_at_period_end: bool
    canceled_at: Union["Timestamp", None]
    #: When it became `past_due`; access continues for the grace period after it.
    past_due_since: Union["Timestamp", None]
    metadata: "Metadata"
    created: "Timestamp"


class ScheduledChange(TypedDict):
    #: The quantity (seats) from the change on; a period-end decrease of seats keeps the plan and sets this.
    quantity: int
    #: The plan's key it changes to.
    plan: str
    plan_version: int
    #: When it takes effect (the period's end).
    at: "Timestamp"


PlanChangeEffective = Literal["now", "period_end"]
"""When a change to another plan of the subscription's group takes effect. `now`: at once,
the rest of the period prorated. `period_end`: at the end of the current period, shown as
the subscription's `scheduled_change` until then (cancelable with
`DELETE /v1/subscriptions/{id}/scheduled_change`), with no proration. By default an
upgrade (a higher base price per month, a yearly price counted as twelve months; a tie
counts as an upgrade) is `now` and a downgrade is `period_end`.
"""


ProrationBehavior = Literal["create_prorations", "none", "always_invoice"]
"""For a plan change of a subscription billed by Stripe or the sandbox: how the rest of
the period is charged, as Stripe does it.
"""


class SubscriptionCreateParams(TypedDict):
    #: The customer's id or external_id.
    customer: str
    #: The plan's id or key (a `month` or `year` plan).
    plan: str
    #: Overrides the plan's trial (a new subscription only).
    trial_days: NotRequired[int]
    #: The number of seats (default 1; see `Subscription.quantity`).
    quantity: NotRequired[int]
    #: Tax rate ids (`txr_…`, active ones) its invoices apply instead of the rates matching the customer's
    #: address, as Stripe's; empty: matched by address. Only on a subscription Nozle bills
    #: itself or through the sandbox (Stripe computes its own with Stripe Tax).
    default_tax_rates: NotRequired[list[str]]
    effective: NotRequired["PlanChangeEffective"]
    proration_behavior: NotRequired["ProrationBehavior"]
    #: A coupon (its id) to apply: replaces the discount it has; an empty string removes it.
    #: Refused (400 naming `coupon`) when deleted, past `redeem_by`, at `max_redemptions`,
    #: not for the plan (`applies_to`), or an `amount_off` without the plan's currency.
    coupon: NotRequired[str]
    #: A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
    #: apply. Refused (400 naming `promotion_code`) as `coupon` is, and when inactive,
    #: expired, at its own `max_redemptions`, for another customer, with
    #: `first_time_transaction` for a customer who has been invoiced or bought before, or
    #: below `minimum_amount`.
    promotion_code: NotRequired[str]
    metadata: NotRequired["Metadata"]


class SubscriptionUpdateParams(TypedDict):
    #: To cancel, use the cancel endpoint.
    status: NotRequired[Literal["active", "past_due", "incomplete"]]
    cancel_at_period_end: NotRequired[bool]
    #: Another recurring plan (id or key), at its current version.
    plan: NotRequired[str]
    #: A new number of seats. Prorated like a plan change: an increase takes effect now
    #: (a charge for the rest of the period on the added seats), a decrease at period end as
    #: a `scheduled_change` unless `effective: now` (then a credit for the unused time). With
    #: `plan`, the quantity goes with the plan change, at its time.
    quantity: NotRequired[int]
    #: The tax rate ids (`txr_…`, active ones) that replace the subscription's, from its next
    #: invoice on; `[]`: matched by the customer's address again. Only on a subscription Nozle bills
    #: itself or through the sandbox (Stripe computes its own with Stripe Tax).
    default_tax_rates: NotRequired[list[str]]
    proration_behavior: NotRequired["ProrationBehavior"]
    effective: NotRequired["PlanChangeEffective"]
    #: A coupon (its id) to apply: replaces the discount it has; an empty string removes it.
    #: Refused (400 naming `coupon`) when deleted, past `redeem_by`, at `max_redemptions`,
    #: not for the plan (`applies_to`), or an `amount_off` without the plan's currency.
    coupon: NotRequired[str]
    #: A promotion code (its `promo_…` id or the `code` the customer typed) whose coupon to
    #: apply. Refused (400 naming `promotion_code`) as `coupon` is, and when inactive,
    #: expired, at its own `max_redemptions`, for another customer, with
    #: `first_time_transaction` for a customer who has been invoiced or bought before, or
    #: below `minimum_amount`.
    promotion_code: NotRequired[str]
    metadata: NotRequired["MetadataUpdate"]


class InvoicePayParams(TypedDict):
    #: `true`: the payment was made outside Nozle (a bank transfer, a cheque) and is recorded. `false`: the saved payment method is charged through the payment provider.
    paid_out_of_band: NotRequired[bool]


class SubscriptionCancelParams(TypedDict):
    at_period_end: NotRequired[bool]
    #: Canceling now a subscription Nozle bills itself: credit the unused time of the
    #: period's base fee, as Stripe's `prorate` on cancel. The credit is a `proration` line
    #: (negative) on the final invoice of the period cut short, counted like a plan
    #: change's proration (by the second, rounded once). Refused with `at_period_end` (no
    #: time is left unused) and on a subscription a payment provider bills.
    prorate: NotRequired[bool]


class SubscriptionList(TypedDict):
    object: Literal["list"]
    data: list["Subscription"]
    has_more: bool
    url: str


class Purchase(TypedDict):
    #: Who took the payment; `null` for a purchase recorded through the API alone.
    provider: Union["PaymentProviderName", None]
    #: Its payment's id at the provider (`pi_…` at Stripe).
    provider_payment_id: Union[str, None]
    id: str
    object: Literal["purchase"]
    customer: str
    plan: str
    plan_version: int
    purchased_at: "Timestamp"
    #: When its access ends; `null` for life.
    expires_at: Union["Timestamp", None]
    refunded_at: Union["Timestamp", None]
    metadata: "Metadata"
    created: "Timestamp"


class PurchaseCreateParams(TypedDict):
    customer: str
    #: A `one_time` plan (id or key).
    plan: str
    expires_at: NotRequired["TimestampInput"]
    metadata: NotRequired["Metadata"]


class PurchaseList(TypedDict):
    object: Literal["list"]
    data: list["Purchase"]
    has_more: bool
    url: str


class Grant(TypedDict):
    id: str
    object: Literal["grant"]
    customer: str
    feature: str
    kind: Literal["grant", "revoke"]
    starts_at: "Timestamp"
    ends_at: Union["Timestamp", None]
    limit: Union[int, None]
    reset: Union["ResetInterval", None]
    overage: Union[bool, None]
    value: "JsonValue"
    reason: Union[str, None]
    #: Who made it; the API key's id unless you name someone.
    actor: str
    created: "Timestamp"


class GrantCreateParams(TypedDict):
    feature: "FeatureKey"
    kind: NotRequired[Literal["grant", "revoke"]]
    starts_at: NotRequired["TimestampInput"]
    ends_at: NotRequired["TimestampInput"]
    #: For a metered feature; absent or `null` = unlimited.
    limit: NotRequired[Union[int, None]]
    #: For a metered feature. Absent: the reset of the plan that gives the feature (`never`
    #: without one). A grant counts over the customer's usage period like the plan does
    #: (`Entitlement.used`): raising a limit adds room, it never starts the count again.
    reset: NotRequired["ResetInterval"]
    overage: NotRequired[bool]
    value: NotRequired["JsonValue"]
    reason: NotRequired[str]
    actor: NotRequired[str]


class GrantList(TypedDict):
    object: Literal["list"]
    data: list["Grant"]
    has_more: bool
    url: str


class EntitlementSource(TypedDict):
    type: Literal["subscription", "purchase", "grant"]
    id: str
    plan: NotRequired[str]


class Entitlement(TypedDict):
    feature: str
    type: "FeatureType"
    #: Whether the customer has the feature (a metered one may still be at its limit).
    allowed: bool
    reason: Optional[Literal["no_access", "revoked"]]
    source: Union["EntitlementSource", None]
    #: Metered only; `null` = unlimited. The deciding source's limit: a manual grant's, or the
    #: most generous group plan's (or purchase's) with every add-on's limit added to it (an
    #: unlimited one anywhere makes it unlimited).
    limit: NotRequired[Union[int, None]]
    #: Metered only: the usage counted over the customer's current usage period for this
    #: feature, `[period_start, resets_at)`. The period is the customer's, not a plan's or a
    #: grant's: it follows the customer's billing cycle in the group of the plan that gives
    #: the feature (periods of `reset` counted from the subscription's
    #: `billing_cycle_anchor`; during a trial, from the subscription's start), or, with no
    #: subscription, from the customer's creation. So a plan change (an upgrade, a
    #: downgrade, a subscription replacing another of its group inside the period) or a
    #: grant within the period changes `limit`, never `used`: only the period boundary
    #: (`resets_at`) starts the count again. A grant that names no `reset` takes the plan's.
    used: NotRequired[int]
    #: Metered only, present when some is held: the units held by reservations not yet
    #: committed, released or expired (`POST /v1/reservations`).
    reserved: NotRequired[int]
    #: Metered only: `limit − used − reserved`, at least 0; `null` when unlimited.
    remaining: NotRequired[Union[int, None]]
    reset: NotRequired["ResetInterval"]
    overage: NotRequired[bool]
    #: Metered only: where the current usage period began. After a subscription replaced
    #: another of its group inside a period, the period the replaced one had begun (so it
    #: can be longer than one `reset`, until the new subscription's next boundary).
    period_start: NotRequired["Timestamp"]
    #: Metered only: when `used` starts again from 0, the next boundary of the customer's
    #: usage period; `null` when `reset` is `never`.
    resets_at: NotRequired[Union["Timestamp", None]]
    value: NotRequired["JsonValue"]


class Entitlements(TypedDict):
    object: Literal["entitlements"]
    #: The customer's id.
    customer: str
    #: The customer's external_id, so a copy of snapshots can be looked up by it.
    external_id: Union[str, None]
    #: Grows with every change to this customer's entitlements.
    version: int
    computed: "Timestamp"
    #: When time alone will change the answer next (a window, trial or period); `null` if never.
    valid_until: Union["Timestamp", None]
    features: dict[str, "Entitlement"]
    #: Prepaid credit left per currency, in whole minor units (grants not expired).
    credits: NotRequired[dict[str, int]]
    upcoming: NotRequired["UpcomingEntitlements"]
    #: The alerts (`/v1/alerts`) the customer has reached and is still at, as of `computed`:
    #: usage and spend alerts fired in the current period, credit balance alerts still
    #: below their amount. Absent when there are none. A client drops an entry once its
    #: `period_end` passes (a new period has begun).
    alerts: NotRequired[list["ReachedAlert"]]


class UpcomingEntitlements(TypedDict):
    """What the snapshot becomes at its `valid_until` with time alone (no event, no change of
    subscription or grant): the server's rules evaluated at that instant, with the usage known
    now counted in the periods current then (0 for a period that starts then). One step ahead
    only: it has no `upcoming` of its own. A client that cannot hear from the server (offline)
    switches to it at `valid_until` and asks the server again; a newer `version` replaces it.
    Absent when `valid_until` is `null`, and from servers that do not compute it.
    """
    #: When time alone changes the upcoming answer in its turn; `null` if never.
    valid_until: Union["Timestamp", None]
    features: dict[str, "Entitlement"]
    #: Prepaid credit left per currency at `valid_until`, in whole minor units.
    credits: NotRequired[dict[str, int]]


class CheckParams(TypedDict):
    #: The customer's id or external_id.
    customer: str
    #: The feature's key.
    feature: str
    #: For metered features, how many units the caller is about to use.
    quantity: NotRequired[int]
    credits: NotRequired["CreditRequirement"]
    customer_data: NotRequired["CustomerData"]


class CreditRequirement(TypedDict):
    """Also require prepaid credit: allowed only when the snapshot's balance in `currency` is at least `amount` (whole minor units); otherwise `insufficient_credits`. Checked after the feature itself, whose refusal comes first."""
    currency: "Currency"
    amount: int


class CheckCredits(TypedDict):
    """When credit was required, the requirement and the balance it was checked against."""
    currency: "Currency"
    amount: int
    balance: int


class Check(TypedDict):
    object: Literal["check"]
    #: The customer's id.
    customer: str
    feature: str
    allowed: bool
    #: Why not, `null` when allowed. `customer_not_found`: no such customer (and no
    #: `customer_data` to create it). `unavailable` is never sent by the server: the SDKs
    #: answer it when the server cannot be reached in time, by the failure mode the caller
    #: chose (`allowed: false` when failing closed, `true` when failing open).
    reason: Optional[Literal["no_access", "revoked", "limit_reached", "not_found", "insufficient_credits", "customer_not_found", "unavailable"]]
    #: The entitlements version the answer comes from; 0 for `customer_not_found` and `unavailable`.
    version: int
    #: When credit was required, the requirement and the balance it was checked against.
    credits: NotRequired["CheckCredits"]
    type: NotRequired["FeatureType"]
    limit: NotRequired[Union[int, None]]
    used: NotRequired[int]
    remaining: NotRequired[Union[int, None]]
    resets_at: NotRequired[Union["Timestamp", None]]
    overage: NotRequired[bool]
    value: NotRequired["JsonValue"]


class ReservationCreateParams(TypedDict):
    #: The customer's id or external_id.
    customer: str
    #: The metered feature's key (or id); or give `currency`.
    feature: NotRequired[str]
    #: Reserve prepaid credit in this currency instead of a feature's units.
    currency: NotRequired["Currency"]
    #: How many units to hold (the most the caller may use); whole minor units of credit with `currency`.
    quantity: int
    #: Seconds until the hold releases itself.
    expires_in: NotRequired[int]


class ReservationCommitParams(TypedDict):
    #: The amount actually used, at most the reserved quantity; the reserved quantity when absent.
    quantity: NotRequired[int]


class Reservation(TypedDict):
    #: Also the id of the usage event its commit records.
    id: str
    object: Literal["reservation"]
    #: The customer's id.
    customer: str
    #: The feature's key; `null` on a reservation of credit.
    feature: Union[str, None]
    #: The credit's currency on a reservation of credit; `null` on a feature's.
    currency: Union[str, None]
    #: The units held (whole minor units of credit with `currency`).
    quantity: int
    #: `expired`: held until `expires_at`, which has passed; it holds nothing.
    status: Literal["held", "committed", "released", "expired"]
    #: What the commit recorded (as usage, or drew from credit grants); `null` until committed.
    committed_quantity: Union[int, None]
    expires_at: "Timestamp"
    created: "Timestamp"


class ReservationList(TypedDict):
    object: Literal["list"]
    data: list["Reservation"]
    has_more: bool
    url: str


class EventInput(TypedDict):
    """One usage event."""
    #: Your id for the event, unique in the project; a repeat is a no-op.
    id: str
    #: The customer's id or external_id.
    customer: str
    #: The event's name, matched by meters' `event_name`.
    event: str
    #: When it happened, in Unix seconds (fractions allowed; at most 4102444800, 2100-01-01);
    #: now when absent. It must also fall in the accepted window (see `POST /v1/events`).
    timestamp: NotRequired[float]
    #: Anything about the event; meters read numbers and values from it. A value a meter
    #: reads must make sense for it, or the event is rejected:
    #: - a number (a JSON number, or a decimal string such as `"12.5"`) read by a `sum`,
    #:   `max` or `latest` meter must be finite, at most 1,000,000,000,000 in magnitude,
    #:   with at most 6 digits after the decimal point (`value_out_of_range`), and not
    #:   negative unless the meter has `allow_negative` (`negative_value`). So a
    #:   period's total stays exact, however many events add to it;
    #: - a value read by a `unique_count` meter must be at most 255 characters
    #:   (`value_out_of_range`).
    #:
    #: A value a meter cannot read as a number (`"abc"`, `true`, an object) adds nothing to
    #: that meter, and the event is still recorded (it counts for `count` meters).
    properties: NotRequired[dict[str, Any]]
    customer_data: NotRequired["CustomerData"]


class EventBatchParams(TypedDict):
    #: 1 to 1000 events. Each is checked against EventInput on its own, so one bad event is
    #: rejected in the answer rather than failing the batch.
    events: list[Any]
    #: When the batch was sent, by the sender's clock (Unix seconds, fractions allowed); the
    #: SDKs stamp it at each attempt. It matters only in sandbox mode with the project's test
    #: clock moved: when `sent_at` reads the world's time (the server's, within 5 minutes,
    #: and nearer it than the project's), the sender is on the world's clock and every
    #: timestamp of the batch moves ahead by the test clock's offset, so events stamped with
    #: the world's time count at the moved time. A sender on the project's time, or on a
    #: clock of its own, is taken as sent; so is every batch without a moved clock or
    #: without `sent_at`.
    sent_at: NotRequired[float]


class EventResultError(TypedDict):
    """Why it was rejected."""
    #: `parameter_missing`, `parameter_invalid`, `parameter_unknown`, `customer_not_found`,
    #: `timestamp_in_future`, `timestamp_too_old`, `duplicate_in_batch`, `period_invoiced` (the
    #: customer's billing period that contains the timestamp has already been invoiced),
    #: `value_out_of_range` (a property a meter reads is too large, too precise, not finite
    #: or too long; see EventInput's `properties`), `negative_value` (a negative number read
    #: by a meter without `allow_negative`). `param` names the field:
    #: `events[3][properties][tokens]`.
    code: str
    message: str
    param: Union[str, None]


class EventResult(TypedDict):
    #: The event's position in the batch.
    index: int
    id: Union[str, None]
    status: Literal["accepted", "duplicate", "rejected"]
    #: Why it was rejected.
    error: NotRequired["EventResultError"]


class EventBatchResult(TypedDict):
    object: Literal["event_batch"]
    accepted: int
    duplicates: int
    rejected: int
    results: list["EventResult"]


MeterAggregation = Literal["count", "sum", "max", "unique_count", "latest"]
"""`count` events; `sum` or `max` of the numeric `property`; `unique_count` of the distinct
values of `property`; `latest` value of `property`.
"""


MeterFilters = dict[str, Union[str, float, bool, list[Union[str, float, bool]]]]
"""Property → the value (or any of the values) an event must have to count."""


class Meter(TypedDict):
    id: str
    object: Literal["meter"]
    key: str
    name: str
    event_name: str
    aggregation: "MeterAggregation"
    property: Union[str, None]
    filters: "MeterFilters"
    #: Whether events may carry a negative value for `property` (see MeterCreateParams).
    allow_negative: bool
    created: "Timestamp"


class MeterCreateParams(TypedDict):
    key: "FeatureKey"
    name: NotRequired[str]
    event_name: str
    aggregation: "MeterAggregation"
    #: Required for every aggregation but `count`.
    property: NotRequired[str]
    filters: NotRequired["MeterFilters"]
    #: Whether an event may carry a negative value for `property`: a `sum` meter of balance
    #: adjustments or refunds, a `max` or `latest` meter of a gauge that goes below zero.
    #: Only for `sum`, `max` and `latest` (a `count` reads no value, and a `unique_count`
    #: counts values, whatever their sign). Without it an event with a negative value is
    #: rejected (`negative_value`), so a usage total never goes down by mistake.
    allow_negative: NotRequired[bool]


class MeterList(TypedDict):
    object: Literal["list"]
    data: list["Meter"]
    has_more: bool
    url: str


class Usage(TypedDict):
    object: Literal["usage"]
    #: The meter's key.
    meter: str
    customer: str
    period_start: "Timestamp"
    period_end: Union["Timestamp", None]
    value: float
    updated: "Timestamp"


class UsageList(TypedDict):
    object: Literal["list"]
    data: list["Usage"]
    has_more: bool
    url: str


class UsageQueryParams(TypedDict):
    meter: str
    customer: NotRequired[str]
    #: Unix seconds, at most 4102444800 (2100-01-01).
    start: int
    #: Unix seconds, after `start`, at most 4102444800 (2100-01-01).
    end: int
    #: `day` (UTC), or `property:<name>` for the values of an event property.
    group_by: NotRequired[str]


class UsageQueryRow(TypedDict):
    #: The day (`2026-03-01`) or property value; null without grouping or for events without the property.
    group: Union[str, None]
    value: float


class UsageQueryResult(TypedDict):
    object: Literal["usage_query"]
    meter: str
    start: "Timestamp"
    end: "Timestamp"
    group_by: Union[str, None]
    data: list["UsageQueryRow"]


class CheckoutSessionCreateParamsAdjustableQuantity(TypedDict):
    """Lets the buyer change the seats on the checkout page, between `minimum` (default 1)
    and `maximum` (default 99), as Stripe's `line_items[].adjustable_quantity`; the
    subscription gets the quantity bought. A `per_seat` plan only.
    """
    enabled: bool
    minimum: NotRequired[int]
    maximum: NotRequired[int]


class CheckoutSessionCreateParams(TypedDict):
    #: The customer (id or external_id). Required with a secret key; with a publishable key it is the token's customer.
    customer: NotRequired[str]
    #: The plan (id or key), at its current version.
    plan: str
    #: Where the customer lands after paying; the server's own "thank you" page when absent.
    #: An `https:` URL (`http:` only for localhost, 127.0.0.1 and ::1, unless the server sets
    #: `NOZLE_ALLOW_HTTP_REDIRECTS`); anything else is a `400` (`url_invalid`).
    success_url: NotRequired[str]
    #: Where the customer lands when they give up; the server's own page when absent. The same rule as `success_url`.
    cancel_url: NotRequired[str]
    #: Overrides the plan's trial (recurring plans only).
    trial_days: NotRequired[int]
    #: Seats of a `per_seat` plan (default 1; any other plan takes 1 only). The subscription's `quantity`.
    quantity: NotRequired[int]
    #: Lets the buyer change the seats on the checkout page, between `minimum` (default 1)
    #: and `maximum` (default 99), as Stripe's `line_items[].adjustable_quantity`; the
    #: subscription gets the quantity bought. A `per_seat` plan only.
    adjustable_quantity: NotRequired["CheckoutSessionCreateParamsAdjustableQuantity"]
    #: A coupon (its id) applied to the subscription the checkout starts, checked now as
    #: `coupon` on a subscription is (a `400` naming `coupon` when it may not be redeemed for
    #: this plan and customer); counted once the checkout completes. In Stripe mode it is sent
    #: as the session's `discounts`. Not with `promotion_code` or `allow_promotion_codes`.
    coupon: NotRequired[str]
    #: A promotion code (its id, or the code itself) applied as `coupon` is, with the code's own
    #: restrictions checked too. Not with `coupon` or `allow_promotion_codes`.
    promotion_code: NotRequired[str]
    #: Lets the buyer type a promotion code on the checkout page (Stripe's
    #: `allow_promotion_codes`); a code that may not be redeemed is refused there. Stripe
    #: forbids it with a discount given: not with `coupon` or `promotion_code`.
    allow_promotion_codes: NotRequired[bool]


class CheckoutSession(TypedDict):
    id: str
    object: Literal["checkout.session"]
    #: The hosted page to send the customer to.
    url: str
    customer: str
    #: The plan's key.
    plan: str
    plan_version: int
    mode: Literal["subscription", "payment"]
    status: Literal["open", "complete", "expired"]
    provider: "PaymentProviderName"
    success_url: str
    cancel_url: str
    expires_at: "Timestamp"
    created: "Timestamp"


class PortalSessionCreateParams(TypedDict):
    #: The customer (id or external_id). Required with a secret key.
    customer: NotRequired[str]
    #: Where the portal's "back" link goes. An `https:` URL (`http:` only for localhost, 127.0.0.1 and ::1, unless the server sets `NOZLE_ALLOW_HTTP_REDIRECTS`).
    return_url: NotRequired[str]


class PortalSession(TypedDict):
    id: str
    object: Literal["portal.session"]
    url: str
    customer: str
    provider: "PaymentProviderName"
    return_url: str
    expires_at: "Timestamp"
    created: "Timestamp"


PaymentProviderName = Literal["stripe", "sandbox"]


class StripeEventEnvelopeData(TypedDict):
    object: dict[str, Any]


class StripeEventEnvelope(TypedDict):
    """A Stripe event, as Stripe sends it (only the envelope is checked here)."""
    id: str
    object: Literal["event"]
    type: str
    created: int
    data: "StripeEventEnvelopeData"


class WebhookReceipt(TypedDict):
    received: Literal[True]
    event: str
    status: "PaymentEventStatus"
    #: `true` when this event id had been received before.
    duplicate: NotRequired[bool]


PaymentEventStatus = Literal["pending", "processed", "failed", "ignored"]


class PaymentEvent(TypedDict):
    #: The provider's event id.
    id: str
    object: Literal["payment_event"]
    provider: "PaymentProviderName"
    type: str
    status: "PaymentEventStatus"
    attempts: int
    last_error: Union[str, None]
    received_at: "Timestamp"
    processed_at: Union["Timestamp", None]
    next_attempt_at: Union["Timestamp", None]


class PaymentEventList(TypedDict):
    object: Literal["list"]
    data: list["PaymentEvent"]
    has_more: bool
    url: str


class ReconciliationChange(TypedDict):
    object: Literal["subscription", "purchase"]
    #: Nozle's id of the subscription or purchase.
    id: str
    provider_id: str
    customer: str
    action: Literal["created", "updated"]
    #: Each changed field, as `[before, after]`.
    fields: dict[str, list[Any]]


class Reconciliation(TypedDict):
    id: str
    object: Literal["reconciliation"]
    trigger: Literal["schedule", "api"]
    started_at: "Timestamp"
    finished_at: Union["Timestamp", None]
    #: How many provider objects it compared.
    checked: int
    changes: list["ReconciliationChange"]
    error: Union[str, None]


class ReconciliationList(TypedDict):
    object: Literal["list"]
    data: list["Reconciliation"]
    has_more: bool
    url: str


class TestClock(TypedDict):
    object: Literal["test_clock"]
    now: "Timestamp"
    #: How far ahead of the server's time this project's clock has been moved.
    offset_seconds: int


class TestClockAdvanceParams(TypedDict):
    """Give exactly one of `to` and `seconds`. Either way the clock goes at most ten years
    (315360000 seconds) past the server's time; a move beyond is a 400 naming the parameter.
    """
    #: The instant to move to, as Unix seconds (at most ten years past the server's time).
    to: NotRequired[int]
    #: How far to move, in seconds (the result at most ten years past the server's time).
    seconds: NotRequired[int]


DecimalAmount = str
"""A non-negative decimal in the currency's minor unit (cents), as a string so that
fractions of a cent stay exact: `"1500"`, `"0.5"`, `"0.0015"` ($0.000015).
"""


DecimalQuantity = str
"""A non-negative number of units as a decimal string, exact."""


PriceModel = Literal["per_unit", "graduated", "volume", "package"]
"""`per_unit`: `unit_amount` per unit. `graduated`: each tier's units at that tier's rate
(a tier's `flat_amount` is added when any unit falls in it). `volume`: every unit at the
rate of the tier the total falls in, plus that tier's `flat_amount`. `package`:
`unit_amount` per started package of `package_size` units.
"""


class PriceTier(TypedDict):
    #: The last unit of the tier, inclusive; `null` on the last tier (which has no end).
    up_to: Union[int, None]
    unit_amount: "DecimalAmount"
    flat_amount: NotRequired["DecimalAmount"]


class PriceParams(TypedDict):
    """A usage price: what one meter's usage in a billing period costs. `free_units` come off
    the usage first; `minimum_amount` / `maximum_amount` bound what the price charges per
    period (a minimum applies even with no usage).
    """
    key: "FeatureKey"
    #: The meter (id or key) whose usage the price rates.
    meter: str
    model: "PriceModel"
    unit_amount: NotRequired["DecimalAmount"]
    tiers: NotRequired[list["PriceTier"]]
    package_size: NotRequired[int]
    free_units: NotRequired["DecimalQuantity"]
    minimum_amount: NotRequired["DecimalAmount"]
    maximum_amount: NotRequired["DecimalAmount"]


class Price(TypedDict):
    """A usage price of a plan version; fields that do not apply to its model are `null`."""
    key: str
    #: The meter's key.
    meter: str
    model: "PriceModel"
    unit_amount: Union["DecimalAmount", None]
    tiers: Union[list["PriceTier"], None]
    package_size: Union[int, None]
    free_units: Union["DecimalQuantity", None]
    minimum_amount: Union["DecimalAmount", None]
    maximum_amount: Union["DecimalAmount", None]


class CreditGrant(TypedDict):
    """Prepaid credit in one currency, in whole minor units, and what is left of it."""
    id: str
    object: Literal["credit_grant"]
    customer: str
    currency: "Currency"
    #: What was granted.
    amount: int
    #: What invoices have not drawn yet (an expired grant keeps it, unused).
    remaining: int
    #: From this instant the grant is no longer used; `null` = never.
    expires_at: Union["Timestamp", None]
    description: Union[str, None]
    #: The purchase (of a one_time plan with credits) that granted it; `null` for a grant by hand.
    purchase: Union[str, None]
    #: When a refund of its purchase removed what remained; `null` if never.
    revoked_at: Union["Timestamp", None]
    #: What remained when it was revoked (now 0 in `remaining`).
    revoked_amount: Union[int, None]
    created: "Timestamp"


class CreditGrantCreateParams(TypedDict):
    #: Whole minor units (cents).
    amount: int
    currency: "Currency"
    expires_at: NotRequired["TimestampInput"]
    description: NotRequired[str]


class CreditBalance(TypedDict):
    object: Literal["credit_balance"]
    customer: str
    #: Per currency, the sum of `remaining` over the grants not expired.
    balances: dict[str, int]
    grants: list["CreditGrant"]


class AutoTopUpParams(TypedDict):
    currency: "Currency"
    #: Whole minor units; a balance below it buys a pack.
    threshold: int
    #: The credit each top-up buys, in whole minor units, charged as the same amount in `currency`.
    amount: int
    #: `false` keeps the setting without buying anything; `true` when absent.
    enabled: NotRequired[bool]


class AutoTopUp(TypedDict):
    """A customer's auto top-up in one currency."""
    object: Literal["auto_top_up"]
    customer: str
    currency: "Currency"
    enabled: bool
    threshold: int
    amount: int
    #: Whether the next fall below `threshold` buys a pack; `false` from a top-up until the balance is back at or above it.
    armed: bool
    #: The latest top-up in this currency; `null` before the first.
    last_top_up: Union["CreditTopUp", None]
    created: "Timestamp"
    updated: "Timestamp"


class CreditTopUpFailure(TypedDict):
    code: str
    message: str


class CreditTopUp(TypedDict):
    """One purchase of credit by an auto top-up, and how it ended."""
    #: Also the idempotency key of its charge at the provider.
    id: str
    object: Literal["credit_top_up"]
    customer: str
    currency: "Currency"
    #: The credit bought, charged as the same amount in `currency`.
    amount: int
    #: The setting's threshold when the balance crossed it.
    threshold: int
    #: The balance that fell below it.
    balance: int
    #: `pending` until the job has charged it; then `succeeded` (its `grant` made) or `failed` (not tried again).
    status: Literal["pending", "succeeded", "failed"]
    #: Why it failed (`card_declined`, `no_payment_method`, or the provider's code); `null` otherwise.
    failure: Union["CreditTopUpFailure", None]
    #: Where it was charged (`stripe`, `sandbox`); `null` when no payment method was found.
    provider: Union[str, None]
    provider_invoice_id: Union[str, None]
    #: The credit grant it made (`crg_…`), once it succeeded.
    grant: Union[str, None]
    created: "Timestamp"
    settled_at: Union["Timestamp", None]


class AutoTopUpList(TypedDict):
    object: Literal["list"]
    data: list["AutoTopUp"]
    has_more: Literal[False]
    url: str


class DeletedAutoTopUp(TypedDict):
    object: Literal["auto_top_up"]
    customer: str
    currency: "Currency"
    deleted: Literal[True]


class CostModel(TypedDict):
    id: str
    object: Literal["cost_model"]
    #: The meter's key.
    meter: str
    property: Union[str, None]
    value: Union[str, None]
    unit_cost: "DecimalAmount"
    currency: "Currency"
    effective_from: "Timestamp"
    effective_to: Union["Timestamp", None]
    created: "Timestamp"


class CostModelCreateParams(TypedDict):
    #: The meter's id or key.
    meter: str
    #: With `value`, the event property this model is for.
    property: NotRequired[str]
    value: NotRequired[str]
    unit_cost: "DecimalAmount"
    currency: NotRequired["Currency"]
    #: Midnight UTC; the start of time when absent.
    effective_from: NotRequired["TimestampInput"]
    #: Midnight UTC, exclusive; open-ended when absent.
    effective_to: NotRequired["TimestampInput"]


class CostModelList(TypedDict):
    object: Literal["list"]
    data: list["CostModel"]
    has_more: bool
    url: str


class MarginFigures(TypedDict):
    """`revenue`: whole minor units. `cost`: exact, in minor units (never rounded). `margin` =
    revenue − cost, exact. `margin_percent` = margin ÷ revenue × 100, rounded half away from
    zero to 2 decimals; `null` when revenue is 0.
    """
    revenue: int
    cost: "DecimalAmount"
    margin: str
    margin_percent: Union[str, None]


class MarginGroup(TypedDict):
    #: The customer's id, the plan's key, the meter's key or the property's value; `null`
    #: collects what cannot be told apart by it (base fees and credit by meter, revenue by
    #: property value, cost of a customer without a subscription by plan).
    key: Union[str, None]
    revenue: int
    cost: "DecimalAmount"
    margin: str
    margin_percent: Union[str, None]


class MarginReport(TypedDict):
    object: Literal["margin_report"]
    start: "Timestamp"
    end: "Timestamp"
    currency: "Currency"
    group_by: Literal["customer", "plan", "meter", "property"]
    groups: list["MarginGroup"]
    totals: "MarginFigures"
    #: Subscriptions trialing, active or past due now.
    active_subscriptions: int
    #: The monthly base price of the active and past-due subscriptions in `currency` (a
    #: yearly one counts a twelfth), summed exactly and rounded once, half away from zero.
    mrr: int
    #: Percent: subscriptions canceled in the window ÷ those live at its start × 100,
    #: 2 decimals, half away from zero; `null` when none were live at the start.
    churn_rate: Union[str, None]


InvoiceStatus = Literal["draft", "open", "paid", "uncollectible", "void"]
"""`draft` while it is being built; `open` once finalized and not yet paid (a subscription
you bill yourself, or one billed by Stripe); `paid` once collected (the sandbox charges
it when it is finalized) or recorded as paid; `uncollectible` when marked a bad debt (it
can still be paid or voided); `void` when voided (final). From `open`: pay → `paid`,
void → `void`, mark_uncollectible → `uncollectible`; from `uncollectible`: pay or void.
"""


class InvoiceLineTier(TypedDict):
    """One part of a usage line's amount, exact (unrounded)."""
    #: Index into the price's `tiers`; `null` for `per_unit` and `package`.
    tier: Union[int, None]
    quantity: "DecimalQuantity"
    unit_amount: "DecimalAmount"
    flat_amount: "DecimalAmount"
    amount: "DecimalAmount"


class InvoiceLineAdjustment(TypedDict):
    reason: Literal["minimum", "maximum"]
    amount: str


class InvoiceLine(TypedDict):
    """`base_fee`: the plan's `base_price`, quantity 1; for a `per_seat` plan, the
    subscription's `quantity` at `base_price` each (none for a trial period). `usage`: one
    per usage price, with the meter's aggregate over the period as `quantity`, the parts it
    was priced in (`tiers`), any minimum/maximum `adjustment`, the exact amount, and
    `amount`: the exact amount rounded once to whole minor units, half away from zero.
    `credit`: prepaid credit drawn from one grant (`credit_grant`), a negative `amount`; credit
    covers usage lines only, never the base fee. `proration`: on a subscription Nozle bills
    itself (not one billed by Stripe or the sandbox, which prorate there), each plan or quantity change
    within the period gives two lines over [change, scheduled period end): a credit for the
    unused time on the old plan's `base_price` (× the old quantity when per seat; negative
    `amount`) and a charge for the remaining time on the new one (× the new quantity), each the full price × remaining seconds / period seconds,
    rounded once half away from zero (a zero line is left out). The `base_fee` line is then the base price of the plan
    in effect at the period's start; usage lines are rated with the prices of the plan version
    in effect at the period's end (the invoice's `plan_version`).
    """
    type: Literal["base_fee", "usage", "credit", "proration"]
    description: str
    #: The usage price's key; `null` on the base fee.
    price: Union[str, None]
    #: The meter's key; `null` on the base fee.
    meter: Union[str, None]
    quantity: "DecimalQuantity"
    free_quantity: "DecimalQuantity"
    #: The price per unit (per package for `package`); `null` for tiered prices, whose rates are in `tiers`.
    unit_amount: Union["DecimalAmount", None]
    tiers: list["InvoiceLineTier"]
    #: What `minimum_amount` added (positive) or `maximum_amount` took off (negative).
    adjustment: Union["InvoiceLineAdjustment", None]
    #: The amount before rounding, in minor units; negative on a `credit` line. On a `proration` line, its rounded `amount` (the fraction of the period rarely ends as a decimal).
    exact_amount: str
    #: Whole minor units; negative on a `credit` line.
    amount: int
    #: On a `credit` line, the grant it drew on; `null` otherwise.
    credit_grant: Union[str, None]
    #: What each discount took off this line (as Stripe's `discount_amounts`); `amount` stays
    #: the line before discounts. A percent coupon takes its share of every line it applies
    #: to, proration lines included (a credit line's discount is negative: the credit shrinks
    #: as the charge it returns did); a fixed `amount_off` is spread over the positive lines it
    #: applies to in proportion to their amounts. Each rounded half away from zero to the cent.
    discount_amounts: list["DiscountAmount"]
    #: The line's taxes, one per tax rate applied (inclusive rates first), as Stripe's. Empty on
    #: a `credit` line (prepaid credit is a payment, not a discount: it is not taxed), for an
    #: `exempt` or `reverse` customer, and when no rate applies. Computed on the line's amount
    #: after its `discount_amounts` (as Stripe taxes the discounted amount).
    tax_amounts: list["TaxAmount"]
    period_start: "Timestamp"
    period_end: "Timestamp"


CouponDuration = Literal["once", "repeating", "forever"]
"""How long a discount of the coupon lasts, from when it is applied (its `start`), as at
Stripe. `once`: the first invoice it reaches, then it ends. `repeating`: the invoice
lines whose period starts within `duration_in_months` months of its `start`. `forever`:
every invoice while it is applied.
"""


class CouponCurrencyOptionsValue(TypedDict):
    amount_off: int


class CouponAppliesTo(TypedDict):
    #: The plans (keys) whose invoice lines it discounts; `null` for every line.
    plans: Union[list[str], None]


class Coupon(TypedDict):
    #: Yours when you gave one at creation (as at Stripe, where the coupon gets the same id), else `co_…`.
    id: str
    object: Literal["coupon"]
    #: Shown to the customer on the invoice's discount.
    name: Union[str, None]
    #: The share taken off each line it applies to, in percent (e.g. 20 or 12.5).
    percent_off: Union[float, None]
    #: A fixed amount taken off each invoice it applies to, in minor units of `currency`, spread over the lines it applies to.
    amount_off: Union[int, None]
    currency: Union["Currency", None]
    #: `amount_off` in further currencies, by lowercase ISO code: `{ "eur": { "amount_off": 900 } }`.
    currency_options: dict[str, "CouponCurrencyOptionsValue"]
    duration: "CouponDuration"
    #: For `repeating`, how many months.
    duration_in_months: Union[int, None]
    #: How many times it may be applied in all (every promotion code of it counts).
    max_redemptions: Union[int, None]
    #: After this it can no longer be applied.
    redeem_by: Union["Timestamp", None]
    times_redeemed: int
    #: Whether it can still be applied (not past `redeem_by`, nor at `max_redemptions`).
    valid: bool
    applies_to: "CouponAppliesTo"
    metadata: "Metadata"
    created: "Timestamp"


class CouponCreateParamsCurrencyOptionsValue(TypedDict):
    amount_off: int


class CouponCreateParamsAppliesTo(TypedDict):
    plans: list[str]


class CouponCreateParams(TypedDict):
    """Exactly one of `percent_off` and `amount_off` (with `currency`)."""
    #: Your own id (a code-like name, as at Stripe); `co_…` when absent.
    id: NotRequired[str]
    name: NotRequired[str]
    #: At most two decimals.
    percent_off: NotRequired[float]
    amount_off: NotRequired[int]
    currency: NotRequired["Currency"]
    currency_options: NotRequired[dict[str, "CouponCreateParamsCurrencyOptionsValue"]]
    duration: "CouponDuration"
    #: Required with `repeating`, refused otherwise.
    duration_in_months: NotRequired[int]
    max_redemptions: NotRequired[int]
    redeem_by: NotRequired["TimestampInput"]
    applies_to: NotRequired["CouponCreateParamsAppliesTo"]
    metadata: NotRequired["Metadata"]


class CouponList(TypedDict):
    object: Literal["list"]
    data: list["Coupon"]
    has_more: bool
    url: str


class DeletedCoupon(TypedDict):
    id: str
    object: Literal["coupon"]
    deleted: Literal[True]


class PromotionCode(TypedDict):
    id: str
    object: Literal["promotion_code"]
    #: What the customer types.
    code: str
    coupon: "Coupon"
    active: bool
    max_redemptions: Union[int, None]
    times_redeemed: int
    expires_at: Union["Timestamp", None]
    #: Only this customer may redeem it; `null` for anyone.
    customer: Union[str, None]
    restrictions: "PromotionCodeRestrictions"
    metadata: "Metadata"
    created: "Timestamp"


class PromotionCodeRestrictions(TypedDict):
    #: Only for a customer with no invoice and no purchase yet, and once per customer (a second redemption by the same customer is refused).
    first_time_transaction: bool
    #: Only when the plan's price (base price × seats) is at least this, in minor units of `minimum_amount_currency`.
    minimum_amount: Union[int, None]
    minimum_amount_currency: Union["Currency", None]


class PromotionCodeCreateParamsRestrictions(TypedDict):
    first_time_transaction: NotRequired[bool]
    #: Requires `minimum_amount_currency`.
    minimum_amount: NotRequired[int]
    minimum_amount_currency: NotRequired["Currency"]


class PromotionCodeCreateParams(TypedDict):
    #: The coupon's id.
    coupon: str
    code: str
    active: NotRequired[bool]
    max_redemptions: NotRequired[int]
    expires_at: NotRequired["TimestampInput"]
    #: Only this customer (id or external_id) may redeem it.
    customer: NotRequired[str]
    restrictions: NotRequired["PromotionCodeCreateParamsRestrictions"]
    metadata: NotRequired["Metadata"]


class PromotionCodeUpdateParams(TypedDict):
    active: NotRequired[bool]
    metadata: NotRequired["MetadataUpdate"]


class PromotionCodeList(TypedDict):
    object: Literal["list"]
    data: list["PromotionCode"]
    has_more: bool
    url: str


class Discount(TypedDict):
    """A coupon applied to a subscription or to a customer (whose subscriptions without one of their own get it), as Stripe's discount."""
    id: str
    object: Literal["discount"]
    coupon: "Coupon"
    #: The promotion code redeemed for it, if one was.
    promotion_code: Union[str, None]
    customer: str
    #: `null` on a customer's discount.
    subscription: Union[str, None]
    start: "Timestamp"
    #: When a `repeating` coupon's discount ends; `null` for `once` and `forever`.
    end: Union["Timestamp", None]


class DiscountAmount(TypedDict):
    #: Minor units taken off (negative on a credit line, whose credit the discount reduces).
    amount: int
    #: The discount's id.
    discount: str


class Invoice(TypedDict):
    """A subscription's bill for one billing period `[period_start, period_end)`, built once
    the period has ended (exactly once per subscription and period). Amounts are integers
    in the currency's minor unit: each line is rated exactly and rounded once, half away
    from zero (0.5 → 1); `subtotal` is the sum of the rounded charge lines (base fee, usage and
    proration), and `total` is `subtotal` less the `credit` lines: the sum of every line. A
    subscription Nozle bills itself that is canceled at once mid-period gets one final invoice
    for `[period_start, canceled_at)`: usage up to the cancellation, and the period's base fee
    (and proration lines) in full: the unused time of the base fee is not refunded, unless the
    cancel asked for `prorate` (then a negative `proration` line credits it).
    """
    id: str
    object: Literal["invoice"]
    #: The customer's id.
    customer: str
    subscription: str
    #: The plan's key.
    plan: str
    plan_version: int
    status: "InvoiceStatus"
    currency: "Currency"
    period_start: "Timestamp"
    period_end: "Timestamp"
    #: Whether the period was a trial (no base fee).
    trial: bool
    lines: list["InvoiceLine"]
    subtotal: int
    #: What each discount took off the invoice: the sum of its lines' `discount_amounts`.
    #: `total` = `subtotal` − these − prepaid credit (credit draws on what is left of the
    #: usage lines after discounts) + `tax`.
    total_discount_amounts: list["DiscountAmount"]
    #: The exclusive tax: the sum of the lines' exclusive `tax_amounts`, added to the total.
    #: Inclusive taxes are inside the line amounts already and do not add. Taxes are computed
    #: on each line after its discounts, never on prepaid credit (a payment, not a discount).
    tax: int
    #: The taxes summed per tax rate over the lines, as Stripe's.
    total_tax_amounts: list["TaxAmount"]
    #: `subtotal` − `total_discount_amounts` − prepaid credit (the `credit` lines, negative) +
    #: `tax`: what is charged. Inclusive taxes are already inside the lines' amounts.
    total: int
    customer_tax_exempt: "TaxExempt"
    created: "Timestamp"
    finalized_at: Union["Timestamp", None]
    #: When an invoice Nozle collects itself (no `provider`) is due: `NOZLE_INVOICE_DAYS_UNTIL_DUE`
    #: days (30 by default) after it was finalized, as Stripe's `days_until_due`; `null` when
    #: there is nothing to pay or a provider collects it. Still `open` at its due date, it makes
    #: its subscription `past_due` from that date (Nozle's dunning: access is kept for the
    #: `past_due` grace, `NOZLE_PAST_DUE_GRACE_DAYS`; then the subscription is canceled and
    #: its group's default plan given back). Paying, voiding or marking uncollectible what is
    #: overdue makes a `past_due` subscription `active` again.
    due_date: Union["Timestamp", None]
    #: Whether its payment was recorded through the API (pay with `paid_out_of_band`) rather than collected.
    paid_out_of_band: bool
    voided_at: Union["Timestamp", None]
    marked_uncollectible_at: Union["Timestamp", None]
    paid_at: Union["Timestamp", None]
    #: The payment provider the invoice was sent to when finalized: with Stripe, its lines
    #: with an amount (then one line per exclusive tax rate, its `total_tax_amounts` amount)
    #: become invoice items on a Stripe invoice that Stripe collects (the
    #: invoice is `open` until Stripe reports it paid); the sandbox pays it at once. `null`
    #: for a subscription billed through the API alone, or when there was nothing to charge.
    provider: Union["PaymentProviderName", None]
    #: Its invoice's id at the provider (`in_…` at Stripe), once sent.
    provider_invoice_id: Union[str, None]
    #: The invoice's number, `{number_prefix}-{n}` (the project's `invoice_settings`), given when
    #: it is finalized, in the finalizing transaction, from a counter per project: numbers run
    #: 1, 2, 3… without gaps or repeats (a finalization that fails gives nothing away). `null`
    #: on a `draft`.
    number: Union[str, None]
    #: The invoice's page for the customer (HTML, the same content as the PDF, with a link to
    #: the PDF at this address followed by `/pdf`), reachable without a key: the unguessable
    #: token in it is the capability, so share it only with the customer. A path on the Nozle
    #: server (`/invoices/…`): put the server's public address before it (the one your SDK
    #: calls) to link to it. `null` on a `draft`, as at Stripe.
    hosted_invoice_url: Union[str, None]


class InvoicePaymentFailure(TypedDict):
    """A payment attempt that failed (the `data` of `invoice.payment_failed`): a charge of an
    invoice Nozle collects itself through `POST /v1/invoices/{invoice}/pay` that the
    customer's payment method declined, or a charge a provider made on its own: the renewal
    or retry of a subscription it bills, or a Nozle invoice it was sent to collect.
    """
    object: Literal["invoice_payment_failure"]
    #: The customer's id.
    customer: str
    #: The Nozle invoice the attempt was for, as it is after it (still `open`); `null` for a provider's own invoice (the renewal of a subscription it bills).
    invoice: Union["Invoice", None]
    #: The subscription the charge was for, as it is after it (a failed renewal may have made it `past_due`); `null` when Nozle has none for it.
    subscription: Union["Subscription", None]
    provider: "PaymentProviderName"
    #: The provider's invoice that was charged (`in_…` at Stripe); `null` when it has none.
    provider_invoice: Union[str, None]
    #: What the attempt tried to take, in minor units of `currency`.
    amount_due: int
    currency: "Currency"
    #: Which attempt at this invoice it was (1 for the first); through the API, the number of charges asked for it so far.
    attempt_count: int
    #: When the provider tries again on its own; `null` when it will not (a charge through the API is tried again only when asked, and a provider's last retry has none).
    next_payment_attempt: Union["Timestamp", None]
    #: Why, as a code (`card_declined`); `null` when the provider's event does not say (a Stripe renewal's reason is on its PaymentIntent).
    failure_code: Union[str, None]
    #: Why, in words fit to show the customer; `null` with `failure_code`.
    failure_message: Union[str, None]


class UpcomingInvoice(TypedDict):
    """The invoice the current period would get if it ended now, by the same rules as Invoice; not stored."""
    object: Literal["upcoming_invoice"]
    customer: str
    subscription: str
    plan: str
    plan_version: int
    currency: "Currency"
    period_start: "Timestamp"
    period_end: "Timestamp"
    trial: bool
    lines: list["InvoiceLine"]
    subtotal: int
    #: What each discount took off the invoice: the sum of its lines' `discount_amounts`.
    #: `total` = `subtotal` − these − prepaid credit (credit draws on what is left of the
    #: usage lines after discounts) + `tax`.
    total_discount_amounts: list["DiscountAmount"]
    #: The exclusive tax: the sum of the lines' exclusive `tax_amounts`, added to the total.
    #: Inclusive taxes are inside the line amounts already and do not add. Taxes are computed
    #: on each line after its discounts, never on prepaid credit (a payment, not a discount).
    tax: int
    #: The taxes summed per tax rate over the lines, as Stripe's.
    total_tax_amounts: list["TaxAmount"]
    #: As an Invoice's, `subtotal` − discounts − prepaid credit + `tax`.
    total: int
    customer_tax_exempt: "TaxExempt"
    #: When the preview was made; the usage is everything recorded for the period so far.
    as_of: "Timestamp"


class InvoiceList(TypedDict):
    object: Literal["list"]
    data: list["Invoice"]
    has_more: bool
    url: str


class ListCustomersQuery(TypedDict):
    """Query parameters of `listCustomers` (GET /v1/customers)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only customers with exactly this email address.
    email: NotRequired[str]
    #: Only the customer with this `external_id`.
    external_id: NotRequired["ExternalId"]


class ListApiKeysQuery(TypedDict):
    """Query parameters of `listApiKeys` (GET /v1/api_keys)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListFeaturesQuery(TypedDict):
    """Query parameters of `listFeatures` (GET /v1/features)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListPlansQuery(TypedDict):
    """Query parameters of `listPlans` (GET /v1/plans)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class RetrievePlanQuery(TypedDict):
    """Query parameters of `retrievePlan` (GET /v1/plans/{plan})."""
    #: A past version to read; the current one when absent.
    version: NotRequired[int]


class ListSubscriptionsQuery(TypedDict):
    """Query parameters of `listSubscriptions` (GET /v1/subscriptions)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only this customer's (id or external_id).
    customer: NotRequired[str]
    status: NotRequired["SubscriptionStatus"]


class ListPurchasesQuery(TypedDict):
    """Query parameters of `listPurchases` (GET /v1/purchases)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only this customer's (id or external_id).
    customer: NotRequired[str]


class ListGrantsQuery(TypedDict):
    """Query parameters of `listGrants` (GET /v1/customers/{customer}/grants)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only entries for this feature key.
    feature: NotRequired["FeatureKey"]


class ListMetersQuery(TypedDict):
    """Query parameters of `listMeters` (GET /v1/meters)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class GetCustomerUsageQuery(TypedDict):
    """Query parameters of `getCustomerUsage` (GET /v1/customers/{customer}/usage)."""
    #: Only this meter (id or key).
    meter: NotRequired[str]
    period: NotRequired[Literal["current", "all"]]


class ListPaymentEventsQuery(TypedDict):
    """Query parameters of `listPaymentEvents` (GET /v1/payment_events)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only events in this state.
    status: NotRequired["PaymentEventStatus"]


class ListReconciliationsQuery(TypedDict):
    """Query parameters of `listReconciliations` (GET /v1/reconciliations)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListCouponsQuery(TypedDict):
    """Query parameters of `listCoupons` (GET /v1/coupons)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListPromotionCodesQuery(TypedDict):
    """Query parameters of `listPromotionCodes` (GET /v1/promotion_codes)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only the code(s) spelled so (without case).
    code: NotRequired[str]
    #: Only codes of this coupon.
    coupon: NotRequired[str]
    active: NotRequired[bool]


class ListInvoicesQuery(TypedDict):
    """Query parameters of `listInvoices` (GET /v1/invoices)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only this customer's (id or external_id).
    customer: NotRequired[str]
    status: NotRequired["InvoiceStatus"]


class RetrieveUpcomingInvoiceQuery(TypedDict):
    """Query parameters of `retrieveUpcomingInvoice` (GET /v1/customers/{customer}/upcoming_invoice)."""
    #: Which subscription to preview; the customer's newest live one when absent.
    subscription: NotRequired[str]


class ListCostModelsQuery(TypedDict):
    """Query parameters of `listCostModels` (GET /v1/cost_models)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only this meter's (id or key).
    meter: NotRequired[str]


class RetrieveMarginQuery(TypedDict):
    """Query parameters of `retrieveMargin` (GET /v1/analytics/margin)."""
    start: "TimestampInput"
    end: "TimestampInput"
    group_by: NotRequired[Literal["customer", "plan", "meter", "property"]]
    #: With `group_by=property`, the event property whose values make the groups.
    property: NotRequired[str]
    #: Only invoices and cost models in this currency.
    currency: NotRequired["Currency"]


class ListTaxRatesQuery(TypedDict):
    """Query parameters of `listTaxRates` (GET /v1/tax_rates)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only active rates (`true`) or only archived ones (`false`).
    active: NotRequired[bool]


class DeleteAutoTopUpQuery(TypedDict):
    """Query parameters of `deleteAutoTopUp` (DELETE /v1/customers/{customer}/credits/auto_top_up)."""
    #: The currency whose auto top-up to remove.
    currency: "Currency"


class ListWebhookEndpointsQuery(TypedDict):
    """Query parameters of `listWebhookEndpoints` (GET /v1/webhook_endpoints)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListWebhookEventsQuery(TypedDict):
    """Query parameters of `listWebhookEvents` (GET /v1/webhook_events)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only events of this type.
    type: NotRequired["WebhookEventType"]


class ListAlertsQuery(TypedDict):
    """Query parameters of `listAlerts` (GET /v1/alerts)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]


class ListReservationsQuery(TypedDict):
    """Query parameters of `listReservations` (GET /v1/reservations)."""
    #: How many objects to return, from 1 to 100.
    limit: NotRequired[int]
    #: A cursor for the next page, the id of the last object of the page you have.
    starting_after: NotRequired[str]
    #: Only this customer's (id or external_id).
    customer: NotRequired[str]
    status: NotRequired[Literal["held", "committed", "released", "expired"]]


#: operationId -> (HTTP method, path) for every operation of the spec.
OPERATIONS: dict[str, tuple[str, str]] = {
    "getHealth": ("GET", "/healthz"),
    "getReadiness": ("GET", "/readyz"),
    "getProject": ("GET", "/v1/project"),
    "updateProject": ("POST", "/v1/project"),
    "listCustomers": ("GET", "/v1/customers"),
    "createCustomer": ("POST", "/v1/customers"),
    "retrieveCustomer": ("GET", "/v1/customers/{customer}"),
    "updateCustomer": ("POST", "/v1/customers/{customer}"),
    "deleteCustomer": ("DELETE", "/v1/customers/{customer}"),
    "listApiKeys": ("GET", "/v1/api_keys"),
    "createApiKey": ("POST", "/v1/api_keys"),
    "revokeApiKey": ("POST", "/v1/api_keys/{key}/revoke"),
    "listFeatures": ("GET", "/v1/features"),
    "createFeature": ("POST", "/v1/features"),
    "retrieveFeature": ("GET", "/v1/features/{feature}"),
    "updateFeature": ("POST", "/v1/features/{feature}"),
    "listPlans": ("GET", "/v1/plans"),
    "createPlan": ("POST", "/v1/plans"),
    "retrievePlan": ("GET", "/v1/plans/{plan}"),
    "updatePlan": ("POST", "/v1/plans/{plan}"),
    "migratePlan": ("POST", "/v1/plans/{plan}/migrate"),
    "listSubscriptions": ("GET", "/v1/subscriptions"),
    "createSubscription": ("POST", "/v1/subscriptions"),
    "retrieveSubscription": ("GET", "/v1/subscriptions/{subscription}"),
    "updateSubscription": ("POST", "/v1/subscriptions/{subscription}"),
    "cancelSubscription": ("POST", "/v1/subscriptions/{subscription}/cancel"),
    "cancelScheduledChange": ("DELETE", "/v1/subscriptions/{subscription}/scheduled_change"),
    "listPurchases": ("GET", "/v1/purchases"),
    "createPurchase": ("POST", "/v1/purchases"),
    "retrievePurchase": ("GET", "/v1/purchases/{purchase}"),
    "refundPurchase": ("POST", "/v1/purchases/{purchase}/refund"),
    "listGrants": ("GET", "/v1/customers/{customer}/grants"),
    "createGrant": ("POST", "/v1/customers/{customer}/grants"),
    "getEntitlements": ("GET", "/v1/customers/{customer}/entitlements"),
    "check": ("POST", "/v1/check"),
    "ingestEvents": ("POST", "/v1/events"),
    "listMeters": ("GET", "/v1/meters"),
    "createMeter": ("POST", "/v1/meters"),
    "retrieveMeter": ("GET", "/v1/meters/{meter}"),
    "getCustomerUsage": ("GET", "/v1/customers/{customer}/usage"),
    "queryUsage": ("POST", "/v1/usage/query"),
    "realtime": ("GET", "/v1/realtime"),
    "resumeSubscription": ("POST", "/v1/subscriptions/{subscription}/resume"),
    "createCheckoutSession": ("POST", "/v1/checkout/sessions"),
    "createPortalSession": ("POST", "/v1/portal/sessions"),
    "receiveStripeWebhook": ("POST", "/v1/webhooks/stripe"),
    "listPaymentEvents": ("GET", "/v1/payment_events"),
    "runReconciliation": ("POST", "/v1/reconciliations"),
    "listReconciliations": ("GET", "/v1/reconciliations"),
    "retrieveTestClock": ("GET", "/v1/test_clock"),
    "advanceTestClock": ("POST", "/v1/test_clock/advance"),
    "createCoupon": ("POST", "/v1/coupons"),
    "listCoupons": ("GET", "/v1/coupons"),
    "retrieveCoupon": ("GET", "/v1/coupons/{coupon}"),
    "deleteCoupon": ("DELETE", "/v1/coupons/{coupon}"),
    "createPromotionCode": ("POST", "/v1/promotion_codes"),
    "listPromotionCodes": ("GET", "/v1/promotion_codes"),
    "retrievePromotionCode": ("GET", "/v1/promotion_codes/{promotion_code}"),
    "updatePromotionCode": ("POST", "/v1/promotion_codes/{promotion_code}"),
    "listInvoices": ("GET", "/v1/invoices"),
    "retrieveInvoice": ("GET", "/v1/invoices/{invoice}"),
    "payInvoice": ("POST", "/v1/invoices/{invoice}/pay"),
    "voidInvoice": ("POST", "/v1/invoices/{invoice}/void"),
    "markInvoiceUncollectible": ("POST", "/v1/invoices/{invoice}/mark_uncollectible"),
    "retrieveInvoicePdf": ("GET", "/v1/invoices/{invoice}/pdf"),
    "retrieveUpcomingInvoice": ("GET", "/v1/customers/{customer}/upcoming_invoice"),
    "listCredits": ("GET", "/v1/customers/{customer}/credits"),
    "createCreditGrant": ("POST", "/v1/customers/{customer}/credits"),
    "listCostModels": ("GET", "/v1/cost_models"),
    "createCostModel": ("POST", "/v1/cost_models"),
    "retrieveMargin": ("GET", "/v1/analytics/margin"),
    "listTaxRates": ("GET", "/v1/tax_rates"),
    "createTaxRate": ("POST", "/v1/tax_rates"),
    "listAutoTopUps": ("GET", "/v1/customers/{customer}/credits/auto_top_up"),
    "setAutoTopUp": ("POST", "/v1/customers/{customer}/credits/auto_top_up"),
    "deleteAutoTopUp": ("DELETE", "/v1/customers/{customer}/credits/auto_top_up"),
    "retrieveTaxRate": ("GET", "/v1/tax_rates/{tax_rate}"),
    "updateTaxRate": ("POST", "/v1/tax_rates/{tax_rate}"),
    "listWebhookEndpoints": ("GET", "/v1/webhook_endpoints"),
    "createWebhookEndpoint": ("POST", "/v1/webhook_endpoints"),
    "retrieveWebhookEndpoint": ("GET", "/v1/webhook_endpoints/{endpoint}"),
    "updateWebhookEndpoint": ("POST", "/v1/webhook_endpoints/{endpoint}"),
    "deleteWebhookEndpoint": ("DELETE", "/v1/webhook_endpoints/{endpoint}"),
    "rollWebhookEndpointSecret": ("POST", "/v1/webhook_endpoints/{endpoint}/roll_secret"),
    "listWebhookEvents": ("GET", "/v1/webhook_events"),
    "retrieveWebhookEvent": ("GET", "/v1/webhook_events/{event}"),
    "resendWebhookEvent": ("POST", "/v1/webhook_events/{event}/resend"),
    "listAlerts": ("GET", "/v1/alerts"),
    "createAlert": ("POST", "/v1/alerts"),
    "retrieveAlert": ("GET", "/v1/alerts/{alert}"),
    "updateAlert": ("POST", "/v1/alerts/{alert}"),
    "deleteAlert": ("DELETE", "/v1/alerts/{alert}"),
    "listReservations": ("GET", "/v1/reservations"),
    "createReservation": ("POST", "/v1/reservations"),
    "retrieveReservation": ("GET", "/v1/reservations/{reservation}"),
    "commitReservation": ("POST", "/v1/reservations/{reservation}/commit"),
    "releaseReservation": ("POST", "/v1/reservations/{reservation}/release"),
}
