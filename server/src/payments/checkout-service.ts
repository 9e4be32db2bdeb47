// Hosted sessions: a checkout (pay for a plan) or the billing portal, opened at the provider
// for the customer the caller acts for, and kept so their pages and webhooks can find them.
import type { components } from '@nozle/openapi';
import { assertNotSubscribed, liveSubscriptionInGroup, type SubscriptionRow } from '../access/subscriptions-store.js';
import { findPlan, type Plan } from '../catalog/plans-store.js';
import { unixSeconds } from '../clock.js';
import type { Customer } from '../customers/store.js';
import type { Work } from '../db/work.js';
import { invalidParam } from '../http/errors.js';
import { newId } from '../ids.js';
import { customerForCaller, type CustomerCaller } from './caller-customer.js';
import { automaticTaxEnabled } from '../projects/store.js';
import { checkoutAsChange } from './checkout-change.js';
import { asksDiscount, checkoutDiscount, providerCheckoutDiscount, type CheckoutDiscount } from './checkout-discount.js';
import { checkoutQuantity } from './checkout-quantity.js';
import { checkoutSessionView } from './checkout-completion.js';
import type { Payments } from './payments.js';
import { assertRedirectUrl } from './redirect-url.js';
import { insertHostedSession, type NewHostedSession } from './store.js';

type Schemas = components['schemas'];

const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** `{CHECKOUT_SESSION_ID}` in a return URL becomes the session's id, as in Stripe Checkout. */
const withSessionId = (url: string, id: string) => url.replaceAll('{CHECKOUT_SESSION_ID}', id);

/** Where a session is asked for: the work it is part of, who asks, and this server's address (for the sandbox's pages). */
export interface SessionRequest {
  work: Work;
  who: CustomerCaller;
  origin: string;
}

/** Opens a checkout of `params.plan` for the customer the caller acts for. */
export async function createCheckout(
  payments: Payments,
  request: SessionRequest,
  params: Schemas['CheckoutSessionCreateParams'],
): Promise<Schemas['CheckoutSession']> {
  const { work, who, origin } = request;
  const projectId = who.caller.projectId;
  const { customer, plan, held } = await checkoutTerms(request, params);
  const seats = checkoutQuantity(plan, params);
  const discount = await checkoutDiscount(work.db, projectId, { customerId: customer.id, plan, quantity: seats.quantity }, params, work.now);
  const id = newId('cs');
  const { successUrl, cancelUrl } = checkoutReturnUrls(payments, params, origin, id);
  // The group's plan is billed by the provider: it changes, rather than a second subscription starting.
  if (held?.provider_subscription_id) {
    refuseProviderChangeExtras(params);
    return checkoutAsChange(payments, work, projectId, {
      customer,
      plan,
      held: { ...held, provider_subscription_id: held.provider_subscription_id },
      successUrl,
      cancelUrl,
    });
  }
  const providerCustomer = await payments.providerCustomer(work.db, projectId, customer, work.afterCommit);
  const price = await payments.providerPrice(work.db, projectId, plan, work.afterCommit);
  const mode = plan.interval === 'one_time' ? 'payment' : 'subscription';
  const trialDays = mode === 'subscription' ? (params.trial_days ?? plan.trial_days) : 0;
  const provider = payments.providerIn(work.db, work.afterCommit);
  const sent = await providerCheckoutDiscount(work.db, provider, projectId, customer.id, discount, work.now);
  const page = await provider.createCheckoutSession({
    customer: providerCustomer,
    price,
    mode,
    trialDays,
    ...seats,
    ...sent,
    ...((await automaticTaxEnabled(work.db, projectId)) ? { automaticTax: true } : {}),
    successUrl,
    cancelUrl,
    metadata: { nozle_project: projectId, nozle_customer: customer.id, nozle_plan: plan.id, nozle_checkout: id },
  });
  const urls = { success_url: successUrl, cancel_url: cancelUrl, return_url: null };
  const session = await storeSession(payments, work, {
    id,
    kind: 'checkout',
    projectId,
    customer,
    plan,
    trialDays,
    page,
    origin,
    urls,
    quantity: seats.quantity,
    discount,
  });
  return checkoutSessionView({ ...session, status: 'open' }, plan);
}

/** A checkout that changes a provider's subscription takes neither seats nor a discount: both change at the provider. */
function refuseProviderChangeExtras(params: Schemas['CheckoutSessionCreateParams']): void {
  // Its seats change at the provider (its portal); the webhook brings them back.
  if (params.quantity !== undefined || params.adjustable_quantity) {
    throw invalidParam('quantity', 'This checkout changes the plan of a subscription the provider bills: its seats change there.');
  }
  if (asksDiscount(params)) {
    const param = params.coupon !== undefined ? 'coupon' : params.promotion_code !== undefined ? 'promotion_code' : 'allow_promotion_codes';
    throw invalidParam(param, 'This checkout changes the plan of a subscription the provider bills: apply its discount with a subscription update.');
  }
}

/** Opens the billing portal for the customer the caller acts for. */
export async function createPortal(
  payments: Payments,
  request: SessionRequest,
  params: Schemas['PortalSessionCreateParams'],
): Promise<Schemas['PortalSession']> {
  const { work, who, origin } = request;
  const customer = await customerForCaller(work.db, who, params.customer, true);
  const providerCustomer = await payments.providerCustomer(work.db, who.caller.projectId, customer, work.afterCommit);
  if (params.return_url !== undefined) assertRedirectUrl('return_url', params.return_url, payments.redirectPolicy);
  const returnUrl = params.return_url ?? `${origin}/sandbox/done`;
  const page = await payments.providerIn(work.db, work.afterCommit).createPortalSession({ customer: providerCustomer, returnUrl });
  const urls = { success_url: null, cancel_url: null, return_url: returnUrl };
  const session = await storeSession(payments, work, {
    id: newId('bps'),
    kind: 'portal',
    projectId: who.caller.projectId,
    customer,
    plan: null,
    trialDays: null,
    page,
    origin,
    urls,
  });
  return {
    id: session.id,
    object: 'portal.session',
    url: session.url,
    customer: customer.id,
    provider: session.provider,
    return_url: returnUrl,
    expires_at: unixSeconds(session.expires_at),
    created: unixSeconds(session.created_at),
  };
}

/**
 * The customer (locked) and the plan of a checkout, refused when the customer may not buy it
 * now, with the subscription the customer holds in the plan's group (locked), if any: one the
 * provider bills is changed instead (checkout-change.ts); one Nozle bills (a free plan) is
 * replaced once the payment succeeds (sync.ts).
 */
async function checkoutTerms(
  { work, who }: SessionRequest,
  params: Schemas['CheckoutSessionCreateParams'],
): Promise<{ customer: Customer; plan: Plan; held: SubscriptionRow | undefined }> {
  const projectId = who.caller.projectId;
  // The customer's row first, always: a second checkout for the same customer waits, then
  // finds the provider customer the first one made.
  const customer = await customerForCaller(work.db, who, params.customer, true);
  const plan = await findPlan(work.db, projectId, params.plan);
  if (params.trial_days !== undefined && plan.interval === 'one_time') throw invalidParam('trial_days', `Plan '${plan.key}' is one_time: it has no trial.`);
  // One live subscription per plan: a checkout for a plan the customer already holds is refused
  // now, not after they paid (under the customer's lock, so two checkouts cannot both pass).
  if (plan.interval === 'one_time') return { customer, plan, held: undefined };
  await assertNotSubscribed(work.db, projectId, customer.id, plan.id);
  const held = plan.add_on ? undefined : await liveSubscriptionInGroup(work.db, projectId, customer.id, plan.group, true);
  return { customer, plan, held };
}

/** Where the customer returns to from checkout (the sandbox's own page when the caller names none). */
function checkoutReturnUrls(
  payments: Payments,
  params: Schemas['CheckoutSessionCreateParams'],
  origin: string,
  id: string,
): { successUrl: string; cancelUrl: string } {
  if (params.success_url !== undefined) assertRedirectUrl('success_url', params.success_url, payments.redirectPolicy);
  if (params.cancel_url !== undefined) assertRedirectUrl('cancel_url', params.cancel_url, payments.redirectPolicy);
  return {
    successUrl: withSessionId(params.success_url ?? `${origin}/sandbox/done?session={CHECKOUT_SESSION_ID}`, id),
    cancelUrl: withSessionId(params.cancel_url ?? `${origin}/sandbox/done?session={CHECKOUT_SESSION_ID}&canceled=1`, id),
  };
}

interface OpenedSession {
  id: string;
  kind: NewHostedSession['kind'];
  projectId: string;
  customer: Customer;
  plan: Plan | null;
  trialDays: number | null;
  /** The provider's page (the sandbox's is a path on this server). */
  page: { id: string; url: string };
  origin: string;
  urls: Pick<NewHostedSession, 'success_url' | 'cancel_url' | 'return_url'>;
  /** A checkout's seats (the sandbox's page sells them); 1 for a portal. */
  quantity?: number;
  /** A checkout's discount, kept to be recorded once it completes. */
  discount?: CheckoutDiscount;
}

async function storeSession(payments: Payments, work: Work, opened: OpenedSession): Promise<NewHostedSession> {
  return insertHostedSession(work.db, {
    id: opened.id,
    project_id: opened.projectId,
    kind: opened.kind,
    customer_id: opened.customer.id,
    plan_id: opened.plan?.id ?? null,
    plan_version: opened.plan?.version ?? null,
    provider: payments.providerName,
    provider_session_id: opened.page.id,
    url: new URL(opened.page.url, opened.origin).toString(),
    ...opened.urls,
    trial_days: opened.trialDays,
    quantity: opened.quantity ?? 1,
    coupon_id: opened.discount?.applied && !opened.discount.applied.code ? opened.discount.applied.coupon.id : null,
    promotion_code_id: opened.discount?.applied?.code?.id ?? null,
    allow_promotion_codes: opened.discount?.allowPromotionCodes ?? false,
    created_at: work.now,
    expires_at: new Date(work.now.getTime() + SESSION_LIFETIME_MS),
  });
}
