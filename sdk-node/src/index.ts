export { Nozle } from './client.js';
export type { NozleOptions } from './options.js';
export { NozleTrackError } from './track/errors.js';
export type { EventInput, NozleTrackErrorInit, TrackErrorReason } from './track/errors.js';
export type { TrackParams } from './track/event.js';
export type { TrackLogger, TrackOptions } from './track/options.js';
export type { RetryOptions } from './track/backoff.js';
export type { TrackStats } from './track/tracker.js';
export { VERSION } from './version.js';
export type { NozleErrorHandler } from './on-error.js';
export { NozleLocalModeError } from './local/errors.js';
export type { LocalModeErrorReason } from './local/errors.js';
export { NozleWebhookVerificationError } from './webhooks/errors.js';
export type { WebhookVerificationReason } from './webhooks/errors.js';
export type { NozleWebhookEvent, WebhookEvent } from './webhooks/event.js';
export type { WebhookHeaders, WebhookVerifyOptions, Webhooks } from './webhooks/verify.js';

export type { CanOptions, Check, Entitlement, Entitlements } from './entitlements.js';
export type { CheckCallOptions, CustomerData, FailureMode } from './check/options.js';
export type { CallOptions } from '@nozle/openapi';
export type { CustomerTokenOptions } from './customer-token.js';
export type { StreamLogger, StreamOptions, StreamSocket, StreamSocketConstructor } from './local/options.js';
export type { LocalStats } from './local/stream.js';
export type { RequestOptions } from './resources/request.js';
export type {
  Customer,
  CustomerCreateParams,
  CustomerList,
  CustomerListParams,
  CustomerUpdateParams,
  Customers,
  DeletedCustomer,
} from './resources/customers.js';
export type { Feature, FeatureCreateParams, FeatureList, FeatureListParams, FeatureUpdateParams, Features } from './resources/features.js';
export type {
  Plan,
  PlanCreateParams,
  PlanList,
  PlanListParams,
  PlanMigrateParams,
  PlanMigration,
  PlanRetrieveParams,
  PlanUpdateParams,
  Plans,
} from './resources/plans.js';
export type {
  Subscription,
  SubscriptionCancelParams,
  SubscriptionCreateParams,
  SubscriptionList,
  SubscriptionListParams,
  SubscriptionUpdateParams,
  Subscriptions,
} from './resources/subscriptions.js';
export type { Meter, MeterCreateParams, MeterList, MeterListParams, Meters } from './resources/meters.js';
export type {
  Coupon,
  CouponCreateParams,
  CouponList,
  CouponListParams,
  Coupons,
  DeletedCoupon,
  PromotionCode,
  PromotionCodeCreateParams,
  PromotionCodeList,
  PromotionCodeListParams,
  PromotionCodes,
  PromotionCodeUpdateParams,
} from './resources/coupons.js';
export type { TaxRate, TaxRateCreateParams, TaxRateList, TaxRateListParams, TaxRates, TaxRateUpdateParams } from './resources/tax-rates.js';
export type { Usage, UsageList, UsageListParams, UsageQueryParams, UsageQueryResult, UsageQueryRow, UsageResource } from './resources/usage.js';
export type { ApiKey, ApiKeyCreateParams, ApiKeyList, ApiKeyListParams, ApiKeyWithSecret, ApiKeys } from './resources/api-keys.js';
export type {
  DeletedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointCreateParams,
  WebhookEndpointList,
  WebhookEndpointListParams,
  WebhookEndpointRollParams,
  WebhookEndpointUpdateParams,
  WebhookEndpoints,
  WebhookEndpointWithSecret,
  WebhookEventList,
  WebhookEventListParams,
  WebhookEventRecord,
  WebhookEvents,
} from './resources/webhook-endpoints.js';
export type { Alert, AlertCreateParams, AlertList, AlertListParams, AlertUpdateParams, Alerts, DeletedAlert, ReachedAlert } from './resources/alerts.js';
export type {
  Reservation,
  ReservationCommitParams,
  ReservationCreateParams,
  ReservationHandle,
  ReservationList,
  ReservationListParams,
  Reservations,
  ReserveOptions,
} from './resources/reservations.js';
export type { Health, HealthStatus, Project, ProjectResource, ProjectUpdateParams } from './resources/health.js';
export type { Purchase, PurchaseCreateParams, PurchaseList, PurchaseListParams, Purchases } from './resources/purchases.js';
export type { Grant, GrantCreateParams, GrantList, GrantListParams, Grants } from './resources/grants.js';
export type {
  AutoTopUp,
  AutoTopUpList,
  AutoTopUpParams,
  CreditBalance,
  CreditGrant,
  CreditGrantCreateParams,
  CreditTopUp,
  Credits,
  DeletedAutoTopUp,
} from './resources/credits.js';
export type {
  Analytics,
  CostModel,
  CostModelCreateParams,
  CostModelList,
  CostModelListParams,
  CostModels,
  MarginParams,
  MarginReport,
} from './resources/analytics.js';
export type {
  Invoice,
  InvoiceLine,
  InvoiceList,
  InvoiceListParams,
  InvoicePayParams,
  InvoiceStatus,
  Invoices,
  UpcomingInvoice,
  UpcomingInvoiceParams,
} from './resources/invoices.js';

// The error classes come from @nozle/openapi, re-exported so `instanceof` checks and imports
// need only @nozle/node.
export {
  NozleError,
  NozleAuthenticationError,
  NozlePermissionError,
  NozleInvalidRequestError,
  NozleIdempotencyError,
  NozleRateLimitError,
  NozleAPIError,
  NozleConnectionError,
  NozleTimeoutError,
} from '@nozle/openapi';
export type { NozleErrorType, Schemas } from '@nozle/openapi';
export type {
  Checkout,
  CheckoutSession,
  CheckoutSessionCreateParams,
  PaymentEvent,
  PaymentEventList,
  PaymentEventListParams,
  Payments,
  Portal,
  PortalSession,
  PortalSessionCreateParams,
  Reconciliation,
  ReconciliationList,
  ReconciliationListParams,
  TestClock,
  TestClockAdvanceParams,
} from './resources/payments.js';
