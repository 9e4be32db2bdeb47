// Shared fixtures for the SDK tests: one server URL, one key, one sample of each API object.
import type { Schemas } from '@nozle/openapi';

export const BASE_URL = 'http://nozle.test';
export const SECRET_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const CREATED = 1_700_000_000;

export const customer: Schemas['Customer'] = {
  id: 'cus_8fJ2kQ0pX3vN7bLm',
  object: 'customer',
  external_id: 'user/42',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  address: null,
  tax_ids: [],
  tax_exempt: 'none',
  metadata: {},
  created: CREATED,
};

export const feature: Schemas['Feature'] = {
  id: 'feat_exports1',
  object: 'feature',
  key: 'exports',
  name: 'Exports',
  type: 'metered',
  meter: null,
  metadata: {},
  created: CREATED,
};

export const plan: Schemas['Plan'] = {
  id: 'plan_pro1',
  object: 'plan',
  key: 'pro',
  name: 'Pro',
  group: 'default',
  add_on: false,
  default: false,
  version: 2,
  interval: 'month',
  currency: 'usd',
  base_price: 2_000,
  per_seat: false,
  prices: [
    {
      key: 'api_calls',
      meter: 'api_calls',
      model: 'per_unit',
      unit_amount: '0.5',
      tiers: null,
      package_size: null,
      free_units: '1000',
      minimum_amount: null,
      maximum_amount: null,
    },
  ],
  trial_days: 0,
  entitlements: [{ feature: 'exports', limit: 100, reset: 'month' }],
  credits: null,
  metadata: {},
  created: CREATED,
};

export const subscription: Schemas['Subscription'] = {
  id: 'sub_1a2b3c',
  object: 'subscription',
  customer: customer.id,
  plan: plan.id,
  plan_version: 2,
  plan_group: 'default',
  status: 'active',
  current_period_start: CREATED,
  current_period_end: CREATED + 30 * 86_400,
  billing_cycle_anchor: CREATED,
  trial_end: null,
  cancel_at_period_end: false,
  canceled_at: null,
  past_due_since: null,
  scheduled_change: null,
  quantity: 1,
  default_tax_rates: [],
  provider: 'stripe',
  provider_subscription_id: 'sub_1PgcStripe',
  metadata: {},
  created: CREATED,
};

export const purchase: Schemas['Purchase'] = {
  id: 'pur_1a2b3c',
  object: 'purchase',
  customer: customer.id,
  plan: plan.id,
  plan_version: 2,
  purchased_at: CREATED,
  expires_at: null,
  refunded_at: null,
  provider: null,
  provider_payment_id: null,
  metadata: {},
  created: CREATED,
};

export const grant: Schemas['Grant'] = {
  id: 'grt_1a2b3c',
  object: 'grant',
  customer: customer.id,
  feature: 'exports',
  kind: 'grant',
  starts_at: CREATED,
  ends_at: null,
  limit: 500,
  reset: 'month',
  overage: null,
  value: null,
  reason: 'support ticket 1234',
  actor: 'key_abc',
  created: CREATED,
};

export const invoice: Schemas['Invoice'] = {
  id: 'in_1a2b3c',
  object: 'invoice',
  customer: customer.id,
  subscription: subscription.id,
  plan: plan.key,
  plan_version: 2,
  status: 'open',
  currency: 'usd',
  period_start: CREATED,
  period_end: CREATED + 31 * 86_400,
  trial: false,
  lines: [
    {
      type: 'base_fee',
      description: 'Pro',
      price: null,
      meter: null,
      quantity: '1',
      free_quantity: '0',
      unit_amount: '2000',
      tiers: [],
      adjustment: null,
      exact_amount: '2000',
      amount: 2_000,
      credit_grant: null,
      discount_amounts: [],
      tax_amounts: [],
      period_start: CREATED,
      period_end: CREATED + 31 * 86_400,
    },
  ],
  subtotal: 2_000,
  total_discount_amounts: [],
  tax: 0,
  total_tax_amounts: [],
  total: 2_000,
  customer_tax_exempt: 'none',
  created: CREATED + 31 * 86_400,
  finalized_at: CREATED + 31 * 86_400,
  due_date: null,
  paid_at: null,
  paid_out_of_band: false,
  voided_at: null,
  marked_uncollectible_at: null,
  provider: null,
  provider_invoice_id: null,
  number: 'INV-0001',
  hosted_invoice_url: '/invoices/Hq3v9XkT2mLp8sWb4nRc6yJd1fGh5aZe',
};

/** A list page as the API returns it. */
export function listOf<Item>(url: string, data: Item[], hasMore = false) {
  return { object: 'list' as const, data, has_more: hasMore, url };
}

export function errorBody(
  type: Schemas['Error']['error']['type'],
  code: string,
  message: string,
  param: string | null = null,
  requestId = 'req_body123',
): Schemas['Error'] {
  return { error: { type, code, message, param, request_id: requestId } };
}
