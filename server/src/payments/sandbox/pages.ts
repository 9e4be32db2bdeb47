// The sandbox's hosted pages: checkout (pay with a test card) and the billing portal. Each
// session's id is its capability, as Stripe's hosted pages are. Everything they do goes
// through the sandbox provider, whose events take the webhook path.
import { createHash } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { liveSubscriptionTo } from '../../access/subscriptions-store.js';
import { findPlan, type Plan } from '../../catalog/plans-store.js';
import { clockFor } from '../../clock.js';
import type { Queryable } from '../../db/database.js';
import { retryTransaction } from '../../db/transaction.js';
import { completeCheckout } from '../checkout-completion.js';
import type { Payments } from '../payments.js';
import { redirectUrlProblem } from '../redirect-url.js';
import { findHostedSession, findProviderCustomer, findProviderPrice, type HostedSessionRow } from '../store.js';
import { portalView } from './pages-store.js';
import type { SandboxProvider } from './sandbox.js';
import { takeTypedCode } from './typed-code.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a2e}
.badge{display:inline-block;background:#fde68a;border-radius:4px;padding:0 .4rem;font-size:.8rem}
label{display:block;margin:.8rem 0 .2rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;padding:.5rem 1rem;margin:.6rem .4rem 0 0;cursor:pointer}.error{color:#b91c1c}
.card{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}form.inline{display:inline}`;

// The pages run no script at all, and their one stylesheet is allowed by its hash: nothing a
// session carries can run or restyle them. They are never framed (clickjacking a Pay button)
// and never tell the next site which session page the customer came from.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set(SECURITY_HEADERS);
  next();
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Nozle sandbox</title>
<style>${STYLE}</style></head>
<body><p><span class="badge">Sandbox: no real money moves</span></p>${body}</body></html>`;
}

/** A stored return URL, checked again before the customer is sent there (it may predate the rule). */
function returnTo(payments: Payments, url: string | null, fallback: string): string {
  return url !== null && redirectUrlProblem(url, payments.redirectPolicy) === undefined ? url : fallback;
}

function send(res: Response, status: number, title: string, body: string): void {
  res.status(status).type('html').send(page(title, body));
}

async function openSession(payments: Payments, id: string, kind: HostedSessionRow['kind']): Promise<HostedSessionRow | undefined> {
  const session = await findHostedSession(payments.deps.db, { provider: 'sandbox', providerId: id });
  return session?.kind === kind ? session : undefined;
}

/** Whether the session's time ran out, on its project's clock. */
const expired = (payments: Payments, session: HostedSessionRow) => session.expires_at <= clockFor(payments.deps.clock, session.project_id).now();

/** Runs `fn` with the sandbox in one transaction, then puts its events through the webhook path. */
async function inSandbox<T>(payments: Payments, fn: (sandbox: SandboxProvider, tx: Queryable) => Promise<T>): Promise<T> {
  const later: Array<() => Promise<void>> = [];
  const result = await retryTransaction(() => {
    later.length = 0;
    return payments.deps.db.transaction((tx) =>
      fn(
        payments.sandboxIn(tx, (step) => later.push(step)),
        tx,
      ),
    );
  });
  for (const deliver of later) await deliver();
  return result;
}

function checkoutForm(session: HostedSessionRow, plan: Plan, error?: string): string {
  // A per-seat plan shows the seats bought and what they come to.
  const seats = plan.per_seat ? session.quantity : 1;
  const each = plan.per_seat ? `${seats} × ${money(plan.base_price, plan.currency)} = ` : '';
  const amount = `${each}${money(plan.base_price * seats, plan.currency)}`;
  const price = plan.interval === 'one_time' ? amount : `${amount} / ${plan.interval}`;
  const trial = session.trial_days ? `<p>${session.trial_days}-day free trial, then ${escape(price)}.</p>` : '';
  return `<h1>Subscribe to ${escape(plan.name)}</h1><p><strong>${escape(price)}</strong></p>${trial}
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post">${
    session.allow_promotion_codes
      ? '<label for="promotion_code">Promotion code</label><input id="promotion_code" name="promotion_code" autocomplete="off">'
      : ''
  }<label for="card">Card number</label>
<input id="card" name="card" inputmode="numeric" autocomplete="off" value="4242 4242 4242 4242">
<p><small>4242 4242 4242 4242 pays · 4000 0000 0000 0002 is declined · 4000 0000 0000 0341 pays now, declines later</small></p>
<button type="submit" name="action" value="pay">Pay</button><button type="submit" name="action" value="cancel">Cancel</button></form>`;
}

export function sandboxPages(payments: Payments): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '10kb' });
  router.use('/sandbox', securityHeaders);
  router.get('/sandbox/done', showDone);
  router.get('/sandbox/checkout/:id', (req: Request, res: Response) => showCheckout(payments, req, res));
  router.post('/sandbox/checkout/:id', form, (req: Request, res: Response) => submitCheckout(payments, req, res));
  router.get('/sandbox/portal/:id', (req: Request, res: Response) => showPortal(payments, req, res));
  router.post('/sandbox/portal/:id', form, (req: Request, res: Response) => submitPortal(payments, req, res));
  return router;
}

type FormBody = Record<string, string | undefined>;

function showDone(req: Request, res: Response): void {
  const canceled = req.query['canceled'] === '1';
  send(
    res,
    200,
    canceled ? 'Checkout canceled' : 'Done',
    canceled ? '<h1>Checkout canceled</h1><p>Nothing was charged.</p>' : '<h1>All done</h1><p>You can close this tab.</p>',
  );
}

async function showCheckout(payments: Payments, req: Request, res: Response): Promise<void> {
  const session = await openSession(payments, String(req.params['id']), 'checkout');
  if (!session) return send(res, 404, 'Not found', '<h1>No such checkout</h1>');
  if (session.status === 'complete')
    return send(res, 200, 'Paid', `<h1>Already paid</h1><p><a href="${escape(returnTo(payments, session.success_url, '/sandbox/done'))}">Continue</a></p>`);
  if (expired(payments, session)) return send(res, 410, 'Expired', '<h1>This checkout has expired</h1>');
  const plan = await findPlan(payments.deps.db, session.project_id, session.plan_id!, session.plan_version!);
  send(res, 200, `Checkout: ${plan.name}`, checkoutForm(session, plan));
}

async function submitCheckout(payments: Payments, req: Request, res: Response): Promise<void> {
  const session = await openSession(payments, String(req.params['id']), 'checkout');
  // A second press of Pay after the first went through lands where the first one did.
  if (session?.status === 'complete') return res.redirect(303, returnTo(payments, session.success_url, '/sandbox/done'));
  if (!session || session.status !== 'open' || expired(payments, session)) return send(res, 404, 'Not found', '<h1>No open checkout here</h1>');
  const body = req.body as FormBody;
  if (body['action'] === 'cancel') return res.redirect(303, returnTo(payments, session.cancel_url, '/sandbox/done?canceled=1'));
  const plan = await findPlan(payments.deps.db, session.project_id, session.plan_id!, session.plan_version!);
  // Another checkout of this plan was paid since this one opened: one live subscription per plan.
  if (plan.interval !== 'one_time' && (await liveSubscriptionTo(payments.deps.db, session.project_id, session.customer_id, plan.id))) {
    return send(res, 409, `Checkout: ${plan.name}`, `<h1>Already subscribed</h1><p>You already have ${escape(plan.name)}; nothing was charged.</p>`);
  }
  const outcome = await payCheckout(payments, session, plan, body['card'] ?? '', body['promotion_code'] ?? '');
  // A refused code is the buyer's to correct (400), a declined card the card's (402).
  if (!outcome.ok) return send(res, outcome.code ? 400 : 402, `Checkout: ${plan.name}`, checkoutForm(session, plan, outcome.message));
  res.redirect(303, returnTo(payments, session.success_url, '/sandbox/done'));
}

/** Pays the checkout with the card number given; a declined card changes nothing (the session stays open). */
async function payCheckout(
  payments: Payments,
  session: HostedSessionRow,
  plan: Plan,
  card: string,
  typedCode: string,
): Promise<{ ok: true } | { ok: false; message: string; code?: true }> {
  return inSandbox(payments, async (sandbox, tx) => {
    const customer = await findProviderCustomer(tx, session.customer_id, 'sandbox');
    const price = await findProviderPrice(tx, plan.id, plan.version, 'sandbox');
    if (!customer || !price) throw new Error(`Checkout ${session.id} lost its customer or price.`);
    // Claim the session first: a double-click pays once (its checkout.completed is recorded
    // with the claim, and rolls back with it when the card is declined).
    const now = clockFor(payments.deps.clock, session.project_id).now();
    if (!(await completeCheckout(tx, { id: session.id }, now))) return { ok: true as const };
    const refused = await takeTypedCode(tx, session, plan, typedCode, now);
    if (refused) throw new Declined(refused, true);
    const paid = await sandbox.completeCheckout(
      { providerSessionId: session.provider_session_id, customer, price, trialDays: session.trial_days ?? 0, quantity: session.quantity },
      card,
    );
    // Thrown, so the claim rolls back with the rest.
    if (!paid.ok) throw new Declined(paid.message);
    return paid;
  }).catch((error: unknown) => {
    if (error instanceof Declined) return { ok: false as const, message: error.message, ...(error.code ? { code: true as const } : {}) };
    throw error;
  });
}

async function showPortal(payments: Payments, req: Request, res: Response): Promise<void> {
  const session = await openSession(payments, String(req.params['id']), 'portal');
  if (!session || expired(payments, session)) return send(res, 404, 'Not found', '<h1>No such portal session</h1>');
  send(res, 200, 'Billing', await portalBody(payments, session));
}

async function submitPortal(payments: Payments, req: Request, res: Response): Promise<void> {
  const session = await openSession(payments, String(req.params['id']), 'portal');
  if (!session || expired(payments, session)) return send(res, 404, 'Not found', '<h1>No such portal session</h1>');
  const body = req.body as FormBody;
  await inSandbox(payments, async (sandbox, tx) => {
    const customer = await findProviderCustomer(tx, session.customer_id, 'sandbox');
    if (customer) await portalAction(payments, { sandbox, tx, session, customer }, body);
  });
  res.redirect(303, `/sandbox/portal/${encodeURIComponent(session.provider_session_id)}`);
}

/** What a portal button does, for the customer whose session it is. */
async function portalAction(
  payments: Payments,
  at: { sandbox: SandboxProvider; tx: Queryable; session: HostedSessionRow; customer: string },
  body: FormBody,
): Promise<void> {
  const { sandbox, tx, session, customer } = at;
  const subscription = body['subscription'] ?? '';
  // Only this customer's subscriptions that have not ended: the session is the customer's
  // capability, no more, and a canceled subscription is not changed again (as Stripe's portal).
  const target = await sandbox.retrieveSubscription(subscription);
  const owned = target?.customer === customer && target.status !== 'canceled';
  switch (body['action']) {
    case 'card_succeeds':
    case 'card_declines':
      return sandbox.setCard(customer, body['action'] === 'card_succeeds' ? 'succeeds' : 'declines');
    case 'cancel_at_period_end':
      if (owned) await sandbox.cancel(subscription, true);
      return;
    case 'cancel_now':
      if (owned) await sandbox.cancel(subscription, false);
      return;
    case 'resume':
      if (owned) await sandbox.resume(subscription);
      return;
    case 'switch': {
      if (!owned || !body['plan']) return;
      const plan = await findPlan(tx, session.project_id, body['plan']);
      if (plan.interval === 'one_time') return;
      // One live subscription per plan: no switch to a plan another subscription holds.
      if (await liveSubscriptionTo(tx, session.project_id, session.customer_id, plan.id)) return;
      const price = await payments.providerPrice(tx, session.project_id, plan, () => {});
      await sandbox.changePrice(subscription, price, 'create_prorations');
      return;
    }
  }
}

class Declined extends Error {
  constructor(
    message: string,
    /** The typed promotion code was refused, not the card. */
    readonly code = false,
  ) {
    super(message);
  }
}

async function portalBody(payments: Payments, session: HostedSessionRow): Promise<string> {
  const { subs, plans, card } = await portalView(payments.deps.db, session.project_id, session.customer_id);
  const button = (sub: string, action: string, label: string, extra = '') =>
    `<form method="post" class="inline"><input type="hidden" name="subscription" value="${escape(sub)}">${extra}<button name="action" value="${action}">${escape(label)}</button></form>`;
  // Plans a live subscription holds are no switch target (one live subscription per plan).
  const held = new Set(subs.filter((sub) => sub.status !== 'canceled').map((sub) => sub.plan_key));
  const items = subs.map((sub) => {
    const live = sub.status !== 'canceled';
    const actions = !live
      ? ''
      : [
          sub.cancel_at_period_end || sub.status === 'paused'
            ? button(sub.provider_subscription_id, 'resume', 'Resume')
            : button(sub.provider_subscription_id, 'cancel_at_period_end', 'Cancel at period end'),
          button(sub.provider_subscription_id, 'cancel_now', 'Cancel now'),
          ...plans
            .filter((plan) => !held.has(plan.key))
            .map((plan) =>
              button(sub.provider_subscription_id, 'switch', `Switch to ${plan.name}`, `<input type="hidden" name="plan" value="${escape(plan.key)}">`),
            ),
        ].join(' ');
    const ends = sub.cancel_at_period_end ? 'ends' : 'renews';
    return `<div class="card"><strong>${escape(sub.name)}</strong> · <span data-status>${escape(sub.status)}</span>${live ? ` · ${ends} ${sub.current_period_end.toISOString().slice(0, 10)}` : ''}<div>${actions}</div></div>`;
  });
  const cardState = card === 'succeeds' ? 'a working test card' : 'a card that is declined';
  return `<h1>Billing</h1>${items.join('') || '<p>No subscriptions yet.</p>'}
<div class="card">Payment method: ${cardState}<div>${button('', 'card_succeeds', 'Use a working card')} ${button('', 'card_declines', 'Use a declining card')}</div></div>
<p><a href="${escape(returnTo(payments, session.return_url, '/sandbox/done'))}">Return to the app</a></p>`;
}
