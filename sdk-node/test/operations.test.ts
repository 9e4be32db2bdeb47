// Every operation of the contract is reachable from @nozle/node: the table below names, for each
// operationId of nozle.yaml, the SDK call that sends it (or why none should). A new operation
// without an entry fails here (and fails the typecheck: the table is keyed by the generated
// `operations`); an entry whose call sends another method or path fails too.
import { spec, type HttpMethod, type OperationId } from '@nozle/openapi';
import { describe, expect, it } from 'vitest';
import { Nozle } from '../src/index.js';
import { BASE_URL, SECRET_KEY } from './fixtures.js';

type Entry = { call: (nozle: Nozle) => Promise<unknown> } | { notSdk: string };

const OPERATIONS: Record<OperationId, Entry> = {
  getHealth: { call: (n) => n.health.live() },
  getReadiness: { call: (n) => n.health.ready() },
  getProject: { call: (n) => n.project.retrieve() },
  updateProject: { call: (n) => n.project.update({ invoice_settings: { number_prefix: 'ACME' } }) },

  listCustomers: { call: (n) => n.customers.list() },
  createCustomer: { call: (n) => n.customers.create({ external_id: 'user_42' }) },
  retrieveCustomer: { call: (n) => n.customers.retrieve('user_42') },
  updateCustomer: { call: (n) => n.customers.update('user_42', { name: 'Ada' }) },
  deleteCustomer: { call: (n) => n.customers.del('user_42') },

  listApiKeys: { call: (n) => n.apiKeys.list() },
  createApiKey: { call: (n) => n.apiKeys.create({ type: 'secret' }) },
  revokeApiKey: { call: (n) => n.apiKeys.revoke('key_1') },
  listWebhookEndpoints: { call: (n) => n.webhookEndpoints.list() },
  createWebhookEndpoint: { call: (n) => n.webhookEndpoints.create({ url: 'https://api.example.com/hooks' }) },
  retrieveWebhookEndpoint: { call: (n) => n.webhookEndpoints.retrieve('we_1') },
  updateWebhookEndpoint: { call: (n) => n.webhookEndpoints.update('we_1', { status: 'disabled' }) },
  deleteWebhookEndpoint: { call: (n) => n.webhookEndpoints.del('we_1') },
  rollWebhookEndpointSecret: { call: (n) => n.webhookEndpoints.rollSecret('we_1') },
  listWebhookEvents: { call: (n) => n.webhookEvents.list() },
  retrieveWebhookEvent: { call: (n) => n.webhookEvents.retrieve('whe_1') },
  resendWebhookEvent: { call: (n) => n.webhookEvents.resend('whe_1', 'we_1') },
  listAlerts: { call: (n) => n.alerts.list() },
  createAlert: { call: (n) => n.alerts.create({ type: 'usage', plan: 'pro', feature: 'messages', percent: 80 }) },
  retrieveAlert: { call: (n) => n.alerts.retrieve('alr_1') },
  updateAlert: { call: (n) => n.alerts.update('alr_1', { percent: 90 }) },
  deleteAlert: { call: (n) => n.alerts.del('alr_1') },
  createReservation: { call: (n) => n.reservations.create({ customer: 'user_42', feature: 'tokens', quantity: 4000 }) },
  listReservations: { call: (n) => n.reservations.list({ customer: 'user_42', status: 'held' }) },
  retrieveReservation: { call: (n) => n.reservations.retrieve('rsv_1') },
  commitReservation: { call: (n) => n.reservations.commit('rsv_1', { quantity: 1200 }) },
  releaseReservation: { call: (n) => n.reservations.release('rsv_1') },

  listFeatures: { call: (n) => n.features.list() },
  createFeature: { call: (n) => n.features.create({ key: 'exports', type: 'boolean' }) },
  retrieveFeature: { call: (n) => n.features.retrieve('exports') },
  updateFeature: { call: (n) => n.features.update('exports', { name: 'Exports' }) },

  listPlans: { call: (n) => n.plans.list() },
  createPlan: { call: (n) => n.plans.create({ key: 'pro', interval: 'month' }) },
  retrievePlan: { call: (n) => n.plans.retrieve('pro') },
  updatePlan: { call: (n) => n.plans.update('pro', { name: 'Pro' }) },
  migratePlan: { call: (n) => n.plans.migrate('pro') },

  listSubscriptions: { call: (n) => n.subscriptions.list() },
  createSubscription: { call: (n) => n.subscriptions.create({ customer: 'user_42', plan: 'pro' }) },
  retrieveSubscription: { call: (n) => n.subscriptions.retrieve('sub_1') },
  updateSubscription: { call: (n) => n.subscriptions.update('sub_1', { cancel_at_period_end: true }) },
  cancelSubscription: { call: (n) => n.subscriptions.cancel('sub_1') },
  cancelScheduledChange: { call: (n) => n.subscriptions.cancelScheduledChange('sub_1') },
  resumeSubscription: { call: (n) => n.subscriptions.resume('sub_1') },

  listPurchases: { call: (n) => n.purchases.list() },
  createPurchase: { call: (n) => n.purchases.create({ customer: 'user_42', plan: 'lifetime' }) },
  retrievePurchase: { call: (n) => n.purchases.retrieve('pur_1') },
  refundPurchase: { call: (n) => n.purchases.refund('pur_1') },

  listGrants: { call: (n) => n.grants.list('user_42') },
  createGrant: { call: (n) => n.grants.create('user_42', { feature: 'exports', kind: 'grant' }) },
  getEntitlements: { call: (n) => n.entitlements('user_42') },
  check: { call: (n) => n.can('user_42', 'exports') },
  ingestEvents: {
    call: async (n) => {
      n.track({ customer: 'user_42', event: 'export.created' });
      await n.flush();
    },
  },

  listCoupons: { call: (n) => n.coupons.list() },
  createCoupon: { call: (n) => n.coupons.create({ id: 'launch20', percent_off: 20, duration: 'once' }) },
  retrieveCoupon: { call: (n) => n.coupons.retrieve('launch20') },
  deleteCoupon: { call: (n) => n.coupons.del('launch20') },
  listTaxRates: { call: (n) => n.taxRates.list() },
  createTaxRate: { call: (n) => n.taxRates.create({ display_name: 'VAT', percentage: 19, inclusive: false, country: 'DE' }) },
  retrieveTaxRate: { call: (n) => n.taxRates.retrieve('txr_1') },
  updateTaxRate: { call: (n) => n.taxRates.update('txr_1', { active: false }) },
  listPromotionCodes: { call: (n) => n.promotionCodes.list() },
  createPromotionCode: { call: (n) => n.promotionCodes.create({ coupon: 'launch20', code: 'LAUNCH20' }) },
  retrievePromotionCode: { call: (n) => n.promotionCodes.retrieve('promo_1') },
  updatePromotionCode: { call: (n) => n.promotionCodes.update('promo_1', { active: false }) },
  listMeters: { call: (n) => n.meters.list() },
  createMeter: { call: (n) => n.meters.create({ key: 'exports', event_name: 'export.created', aggregation: 'count' }) },
  retrieveMeter: { call: (n) => n.meters.retrieve('exports') },
  getCustomerUsage: { call: (n) => n.usage.list('user_42', { period: 'all' }) },
  queryUsage: { call: (n) => n.usage.query({ meter: 'exports', start: 1_777_593_600, end: 1_777_852_800 }) },

  createCheckoutSession: { call: (n) => n.checkout.create({ customer: 'user_42', plan: 'pro', success_url: 'https://app.example.com/ok' }) },
  createPortalSession: { call: (n) => n.portal.create({ customer: 'user_42', return_url: 'https://app.example.com' }) },
  listPaymentEvents: { call: (n) => n.payments.listEvents() },
  runReconciliation: { call: (n) => n.payments.reconcile() },
  listReconciliations: { call: (n) => n.payments.listReconciliations() },
  retrieveTestClock: { call: (n) => n.payments.testClock() },
  advanceTestClock: { call: (n) => n.payments.advanceTestClock({ seconds: 86_400 }) },

  listInvoices: { call: (n) => n.invoices.list() },
  retrieveInvoice: { call: (n) => n.invoices.retrieve('in_1') },
  payInvoice: { call: (n) => n.invoices.pay('in_1', { paid_out_of_band: true }) },
  voidInvoice: { call: (n) => n.invoices.voidInvoice('in_1') },
  markInvoiceUncollectible: { call: (n) => n.invoices.markUncollectible('in_1') },
  retrieveInvoicePdf: { call: (n) => n.invoices.pdf('in_1') },
  retrieveUpcomingInvoice: { call: (n) => n.invoices.upcoming('user_42') },

  listCredits: { call: (n) => n.credits.retrieve('user_42') },
  createCreditGrant: { call: (n) => n.credits.grant('user_42', { currency: 'usd', amount: 1000 }) },
  listAutoTopUps: { call: (n) => n.credits.listAutoTopUps('user_42') },
  setAutoTopUp: { call: (n) => n.credits.setAutoTopUp('user_42', { currency: 'usd', threshold: 1000, amount: 5000 }) },
  deleteAutoTopUp: { call: (n) => n.credits.deleteAutoTopUp('user_42', 'usd') },
  listCostModels: { call: (n) => n.costModels.list() },
  createCostModel: { call: (n) => n.costModels.create({ meter: 'exports', currency: 'usd', unit_cost: '0.002' }) },
  retrieveMargin: { call: (n) => n.analytics.margin({ start: 1_777_593_600, end: 1_777_852_800 }) },

  realtime: { notSdk: 'a WebSocket, not a request: `new Nozle({ stream: true })` holds it open (local mode), and @nozle/browser speaks it' },
  receiveStripeWebhook: { notSdk: 'Stripe calls it, signed with your Stripe webhook secret; an app never does' },
  customerEntitlementsUpdatedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  grantCreatedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  usageThresholdReachedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  creditsLowWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  creditsDepletedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  spendThresholdReachedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  subscriptionCreatedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  subscriptionUpdatedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  subscriptionCanceledWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  invoiceFinalizedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  invoicePaidWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  invoiceVoidedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  checkoutCompletedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  invoicePaymentFailedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  subscriptionTrialWillEndWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  creditsGrantedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  creditsAutoTopUpSucceededWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
  creditsAutoTopUpFailedWebhook: { notSdk: 'an outgoing webhook: Nozle sends it to your endpoint, nozle.webhooks.verify() reads it' },
};

/** Every operation of the spec (its outgoing webhooks too): its id, method and path template (a webhook's name). */
function specOperations(): Array<{ id: string; method: string; path: string }> {
  const methods: HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  const webhooks = (spec as { webhooks?: typeof spec.paths }).webhooks ?? {};
  return Object.entries({ ...spec.paths, ...webhooks }).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const id = item[method]?.operationId;
      return id === undefined ? [] : [{ id, method: method.toUpperCase(), path }];
    }),
  );
}

/** A client whose fetch records each request and answers `200 {}`. */
function recordingNozle() {
  const sent: Array<{ method: string; path: string }> = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, path: new URL(request.url).pathname });
    return Response.json({});
  };
  const nozle = new Nozle({ secretKey: SECRET_KEY, baseUrl: BASE_URL, fetch, track: { onError: () => {} } });
  return { nozle, sent };
}

/** `/v1/customers/{customer}/usage` as a pattern of the path sent (any one segment per parameter). */
function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
}

const operations = specOperations();

describe('every operation of nozle.yaml has a method in @nozle/node', () => {
  it('the spec has operations, each with a unique id', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length);
  });

  it('the table names every operation of the spec, and nothing else', () => {
    const table = Object.keys(OPERATIONS).sort();
    expect(operations.map((operation) => operation.id).sort()).toEqual(table);
  });

  it.each(operations.filter(({ id }) => 'call' in (OPERATIONS[id as OperationId] ?? {})))('$id: sends $method $path', async ({ id, method, path }) => {
    const entry = OPERATIONS[id as OperationId];
    if (!('call' in entry)) throw new Error('unreachable');
    const { nozle, sent } = recordingNozle();
    await entry.call(nozle);
    await nozle.shutdown(1000);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(method);
    expect(sent[0]?.path).toMatch(pathPattern(path));
  });

  it('operations left out say why', () => {
    for (const entry of Object.values(OPERATIONS)) {
      if ('notSdk' in entry) expect(entry.notSdk.length).toBeGreaterThan(20);
    }
  });
});
