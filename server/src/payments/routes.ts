import type { Payments } from './payments.js';
import type { ProjectClocks } from '../project-clocks.js';
import type Stripe from 'stripe';
import { assertNotSubscribed } from '../access/subscriptions-store.js';
import { findPlan } from '../catalog/plans-store.js';
import { unixSeconds, type Clock } from '../clock.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { routesWith } from '../http/route.js';
import { newId } from '../ids.js';
import { customerForCaller } from './caller-customer.js';
import { receiveEvent, type EventStatus } from './events.js';
import { reconcile, reconcileBusy, type Reconciliation } from './reconcile.js';
import { moveTestClock } from './sandbox/test-clock.js';
import { assertRedirectUrl } from './redirect-url.js';
import { insertHostedSession } from './store.js';
import type { StripeProvider } from './stripe-provider.js';

/** The services these routes need, handed in by the assembly. */
interface Services { payments: Payments; clock: ProjectClocks }

const { definePublicRoute, defineRoute } = routesWith<Services>();

const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
const sandboxOnly = () => invalidParam('test_clock', 'The test clock exists only in sandbox mode (no STRIPE_SECRET_KEY).', 'sandbox_only');

/** `{CHECKOUT_SESSION_ID}` in a return URL becomes the session's id, as in Stripe Checkout. */
const withSessionId = (url: string, id: string) => url.replaceAll('{CHECKOUT_SESSION_ID}', id);

interface PaymentEventRow {
  id: string;
  provider: 'stripe' | 'sandbox';
  type: string;
  status: EventStatus;
  attempts: number;
  last_error: string | null;
  received_at: Date;
  processed_at: Date | null;
  next_attempt_at: Date | null;
}

const seconds = (date: Date | null) => (date ? unixSeconds(date) : null);
const testClock = (clock: Clock, offsetMs: number) => ({ object: 'test_clock' as const, now: unixSeconds(clock.now()), offset_seconds: Math.round(offsetMs / 1000) });

export const paymentRoutes = [
  defineRoute('createCheckoutSession', async ({ body }, ctx) => {
    const { db, caller, services, afterCommit } = ctx;
    const now = ctx.clock.now();
    // The customer's row first, always: a second checkout for the same customer waits, then
    // finds the provider customer the first one made.
    const customer = await customerForCaller(ctx, body.customer, true);
    const plan = await findPlan(db, caller.projectId, body.plan);
    if (body.trial_days !== undefined && plan.interval === 'one_time') throw invalidParam('trial_days', `Plan '${plan.key}' is one_time: it has no trial.`);
    // One live subscription per plan: a checkout for a plan the customer already holds is refused
    // now, not after they paid (under the customer's lock, so two checkouts cannot both pass).
    if (plan.interval !== 'one_time') await assertNotSubscribed(db, caller.projectId, customer.id, plan.id);
    const providerCustomer = await services.payments.providerCustomer(db, caller.projectId, customer, afterCommit);
    const price = await services.payments.providerPrice(db, caller.projectId, plan, afterCommit);
    const id = newId('cs');
    const redirects = services.payments.redirectPolicy;
    if (body.success_url !== undefined) assertRedirectUrl('success_url', body.success_url, redirects);
    if (body.cancel_url !== undefined) assertRedirectUrl('cancel_url', body.cancel_url, redirects);
    const successUrl = withSessionId(body.success_url ?? `${ctx.origin}/sandbox/done?session={CHECKOUT_SESSION_ID}`, id);
    const cancelUrl = withSessionId(body.cancel_url ?? `${ctx.origin}/sandbox/done?session={CHECKOUT_SESSION_ID}&canceled=1`, id);
    const mode = plan.interval === 'one_time' ? 'payment' : 'subscription';
    const trialDays = mode === 'subscription' ? (body.trial_days ?? plan.trial_days) : 0;
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    const page = await services.payments.providerIn(db, afterCommit).createCheckoutSession({
      customer: providerCustomer,
      price,
      mode,
      trialDays,
      successUrl,
      cancelUrl,
      metadata: { nozle_project: caller.projectId, nozle_customer: customer.id, nozle_plan: plan.id, nozle_checkout: id },
    });
    const session = await insertHostedSession(db, {
      id,
      project_id: caller.projectId,
      kind: 'checkout',
      customer_id: customer.id,
      plan_id: plan.id,
      plan_version: plan.version,
      provider: services.payments.providerName,
      provider_session_id: page.id,
      url: new URL(page.url, ctx.origin).toString(),
      success_url: successUrl,
      cancel_url: cancelUrl,
      return_url: null,
      trial_days: trialDays,
      created_at: now,
      expires_at: expiresAt,
    });
    return {
      status: 200,
      body: {
        id: session.id,
        object: 'checkout.session',
        url: session.url,
        customer: customer.id,
        plan: plan.key,
        plan_version: plan.version,
        mode,
        status: 'open',
        provider: session.provider,
        success_url: successUrl,
        cancel_url: cancelUrl,
        expires_at: unixSeconds(expiresAt),
        created: unixSeconds(now),
      },
    };
  }),

  defineRoute('createPortalSession', async ({ body }, ctx) => {
    const { db, caller, services, afterCommit } = ctx;
    const now = ctx.clock.now();
    const customer = await customerForCaller(ctx, body.customer, true);
    const providerCustomer = await services.payments.providerCustomer(db, caller.projectId, customer, afterCommit);
    if (body.return_url !== undefined) assertRedirectUrl('return_url', body.return_url, services.payments.redirectPolicy);
    const returnUrl = body.return_url ?? `${ctx.origin}/sandbox/done`;
    const page = await services.payments.providerIn(db, afterCommit).createPortalSession({ customer: providerCustomer, returnUrl });
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    const id = newId('bps');
    const url = new URL(page.url, ctx.origin).toString();
    await insertHostedSession(db, {
      id,
      project_id: caller.projectId,
      kind: 'portal',
      customer_id: customer.id,
      plan_id: null,
      plan_version: null,
      provider: services.payments.providerName,
      provider_session_id: page.id,
      url,
      success_url: null,
      cancel_url: null,
      return_url: returnUrl,
      trial_days: null,
      created_at: now,
      expires_at: expiresAt,
    });
    return {
      status: 200,
      body: { id, object: 'portal.session', url, customer: customer.id, provider: services.payments.providerName, return_url: returnUrl, expires_at: unixSeconds(expiresAt), created: unixSeconds(now) },
    };
  }),

  definePublicRoute('receiveStripeWebhook', async (_input, ctx) => {
    const stripe = ctx.services.payments.deps.stripe as StripeProvider | undefined;
    if (!stripe) throw new ApiError(404, 'invalid_request_error', 'stripe_not_configured', 'Stripe is not configured on this server: it runs the sandbox.');
    let event: Stripe.Event;
    try {
      event = stripe.verifyWebhook(ctx.rawBody ?? Buffer.alloc(0), ctx.header('stripe-signature') ?? '');
    } catch (error) {
      // Nothing is stored: an unsigned body may be anything.
      ctx.log.warn({ err: error }, 'Stripe webhook with a bad signature refused');
      throw new ApiError(400, 'invalid_request_error', 'signature_invalid', 'The Stripe-Signature header does not match the body.', 'Stripe-Signature');
    }
    const { status, duplicate } = await receiveEvent(ctx.services.payments, event);
    return { status: 200, body: { received: true, event: event.id, status, ...(duplicate ? { duplicate } : {}) } };
  }),

  defineRoute('listPaymentEvents', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/payment_events',
      query,
      'payment_event',
      async (id) => (await db.query<{ seq: number }>('select seq from payment_events where project_id = $1 and id = $2', [caller.projectId, id])).rows[0]?.seq,
      async (limit, afterSeq) => {
        const { rows } = await db.query<PaymentEventRow>(
          `select id, provider, type, status, attempts, last_error, received_at, processed_at, next_attempt_at from payment_events
           where project_id = $1 and ($2::text is null or status = $2) and ($3::bigint is null or seq < $3) order by seq desc limit $4`,
          [caller.projectId, query.status ?? null, afterSeq ?? null, limit],
        );
        return rows.map((row) => ({
          id: row.id,
          object: 'payment_event' as const,
          provider: row.provider,
          type: row.type,
          status: row.status,
          attempts: row.attempts,
          last_error: row.last_error,
          received_at: unixSeconds(row.received_at),
          processed_at: seconds(row.processed_at),
          next_attempt_at: seconds(row.next_attempt_at),
        }));
      },
    ),
  })),

  defineRoute('runReconciliation', async (_input, { caller, services }) => {
    const run = await reconcile(services.payments, 'api', caller.projectId);
    if (!run) throw reconcileBusy();
    return { status: 200, body: run };
  }),

  defineRoute('listReconciliations', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/reconciliations',
      query,
      'reconciliation',
      async (id) => (await db.query<{ seq: number }>('select seq from reconciliation_runs where id = $1 and (project_id = $2 or project_id is null)', [id, caller.projectId])).rows[0]?.seq,
      async (limit, afterSeq) => {
        const { rows } = await db.query<{ id: string; trigger: 'schedule' | 'api'; started_at: Date; finished_at: Date | null; checked: number; changes: Reconciliation['changes']; error: string | null }>(
          `select id, trigger, started_at, finished_at, checked, changes, error from reconciliation_runs
           where (project_id = $1 or project_id is null) and ($2::bigint is null or seq < $2) order by seq desc limit $3`,
          [caller.projectId, afterSeq ?? null, limit],
        );
        // A scheduled run covers every project: show only this project's changes.
        const { rows: customers } = await db.query<{ id: string }>('select id from customers where project_id = $1', [caller.projectId]);
        const own = new Set(customers.map((row) => row.id));
        return rows.map((row) => ({
          id: row.id,
          object: 'reconciliation' as const,
          trigger: row.trigger,
          started_at: unixSeconds(row.started_at),
          finished_at: seconds(row.finished_at),
          checked: row.checked,
          changes: row.changes.filter((change) => own.has(change.customer)),
          error: row.error,
        }));
      },
    ),
  })),

  defineRoute('retrieveTestClock', async (_input, { services, caller, clock }) => {
    if (!services.payments.sandbox || !services.clock.adjustable) throw sandboxOnly();
    return { status: 200, body: testClock(clock, services.clock.offsetMs(caller.projectId)) };
  }),

  defineRoute('advanceTestClock', async ({ body }, { services, caller, clock }) => {
    if (!services.payments.sandbox || !services.clock.adjustable) throw sandboxOnly();
    const target = body.to !== undefined ? new Date(body.to * 1000) : new Date(clock.now().getTime() + (body.seconds ?? 0) * 1000);
    const latest = services.clock.latestAllowed();
    if (target.getTime() > latest.getTime()) {
      throw invalidParam(
        body.to !== undefined ? 'to' : 'seconds',
        `A test clock goes at most ten years past the server's time: to ${unixSeconds(latest)} (${latest.toISOString()}) at the latest.`,
        'parameter_out_of_range',
      );
    }
    // Never back: a target at or before now leaves the clock as it is (a retried `to` is harmless).
    await moveTestClock(services.payments, services.clock, caller.projectId, target);
    return { status: 200, body: testClock(clock, services.clock.offsetMs(caller.projectId)) };
  }),
];
