// The methods @nozle/node gained for the whole API (issue 15, item 3), against a real server over
// HTTP: meters, usage and the usage query, API keys, the project, the probes, a scheduled plan
// change taken back, invoice pay/void/mark_uncollectible, and reconciliation runs. The SDK's own
// suite checks every operation's method and path; this one checks that the server takes what
// the typed methods send and that their answers are what the types say.
import { Nozle, NozleAuthenticationError, NozleInvalidRequestError, type Invoice } from '@nozle/node';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAST_DUE_GRACE_MS } from '../src/app.js';
import { closeBillingPeriods } from '../src/billing/invoices.js';
import { createSnapshots } from '../src/wiring.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let nozle: Nozle;
const clients: Nozle[] = [];
const unix = (iso: string) => Date.parse(iso) / 1000;
const client = (secretKey: string) => {
  const made = new Nozle({ secretKey, baseUrl: t.url, now: () => t.clock.now().getTime() });
  clients.push(made);
  return made;
};

beforeAll(async () => {
  t = await startTestApp();
  nozle = client(t.projectA.secretKey);
});
afterAll(async () => {
  await Promise.all(clients.map((made) => made.shutdown(2000)));
  await t?.close();
});

describe('meters and usage', () => {
  it('creates, retrieves and lists a meter, and reads the usage track() recorded through it', async () => {
    const meter = await nozle.meters.create({ key: 'messages', event_name: 'message.sent', aggregation: 'count' });
    expect(meter).toMatchObject({ object: 'meter', key: 'messages', event_name: 'message.sent', aggregation: 'count' });
    expect(await nozle.meters.retrieve('messages')).toEqual(meter);
    expect((await nozle.meters.list()).data.map((m) => m.id)).toEqual([meter.id]);
    const all: string[] = [];
    for await (const m of nozle.meters.listAll({ limit: 1 })) all.push(m.key);
    expect(all).toEqual(['messages']);

    await nozle.customers.create({ external_id: 'ada' });
    for (let i = 0; i < 3; i += 1) nozle.track({ customer: 'ada', event: 'message.sent' });
    await nozle.flush();
    expect(nozle.trackStats()).toMatchObject({ accepted: 3, dropped: 0 });

    const usage = await nozle.usage.list('ada', { meter: 'messages' });
    expect(usage.object).toBe('list');
    expect(usage.data.length).toBeGreaterThan(0);
    expect(usage.data.every((row) => row.meter === 'messages' && row.value === 3)).toBe(true);

    const now = Math.floor(t.clock.now().getTime() / 1000);
    const query = await nozle.usage.query({ meter: 'messages', customer: 'ada', start: now - 86_400, end: now + 60, group_by: 'day' });
    expect(query).toMatchObject({ object: 'usage_query', meter: 'messages' });
    expect(query.data.reduce((sum, row) => sum + row.value, 0)).toBe(3);
  });
});

describe('API keys, the project, the probes', () => {
  it('a created key works until it is revoked, then the SDK throws NozleAuthenticationError', async () => {
    const project = await nozle.project.retrieve();
    expect(project.id).toBe(t.projectA.projectId);

    const key = await nozle.apiKeys.create({ type: 'secret', name: 'sdk test' });
    expect(key.secret).toMatch(/^sk_/);
    const other = client(key.secret);
    expect((await other.project.retrieve()).id).toBe(project.id);

    const listed = await nozle.apiKeys.list();
    expect(listed.data.find((k) => k.id === key.id)).toMatchObject({ name: 'sdk test', revoked: null });
    expect(JSON.stringify(listed)).not.toContain(key.secret);

    const revoked = await nozle.apiKeys.revoke(key.id);
    expect(revoked.revoked).not.toBeNull();
    await expect(other.project.retrieve()).rejects.toBeInstanceOf(NozleAuthenticationError);
  });

  it('the probes answer ok', async () => {
    expect(await nozle.health.live()).toEqual({ status: 'ok' });
    expect(await nozle.health.ready()).toMatchObject({ status: 'ok', checks: { database: 'ok' } });
  });
});

describe('subscriptions and invoices', () => {
  const invoices: Record<string, Invoice> = {};

  beforeAll(async () => {
    await nozle.plans.create({ key: 'basic', interval: 'month', base_price: 1_000 });
    await nozle.plans.create({ key: 'pro', interval: 'month', base_price: 3_000 });
    t.setTime(new Date('2026-03-01T12:00:00Z'));
    for (const name of ['payer', 'bad-debt', 'mistake']) {
      await nozle.customers.create({ external_id: name });
      await nozle.subscriptions.create({ customer: name, plan: 'basic' });
    }
  });

  it('takes back a scheduled downgrade with cancelScheduledChange', async () => {
    await nozle.customers.create({ external_id: 'downgrader' });
    const pro = await nozle.subscriptions.create({ customer: 'downgrader', plan: 'pro' });
    t.setTime(new Date('2026-03-10T00:00:00Z'));
    const scheduled = await nozle.subscriptions.create({ customer: 'downgrader', plan: 'basic' });
    expect(scheduled).toMatchObject({ id: pro.id, plan: 'pro', scheduled_change: { plan: 'basic' } });

    const taken = await nozle.subscriptions.cancelScheduledChange(pro.id);
    expect(taken).toMatchObject({ id: pro.id, plan: 'pro', scheduled_change: null });
  });

  it('pays, marks uncollectible and voids invoices, and throws the API’s refusal as a typed error', async () => {
    t.setTime(new Date('2026-04-02T00:00:00Z'));
    const billing = { db: t.database.db, clock: t.clocks, logger: pino({ level: 'silent' }), snapshots: createSnapshots(DEFAULT_PAST_DUE_GRACE_MS) };
    await closeBillingPeriods(billing);
    for (const name of ['payer', 'bad-debt', 'mistake']) {
      const [invoice] = (await nozle.invoices.list({ customer: name })).data;
      expect(invoice).toMatchObject({ status: 'open', total: 1_000 });
      invoices[name] = invoice!;
    }

    expect(await nozle.invoices.pay(invoices.payer!.id, { paid_out_of_band: true })).toMatchObject({
      status: 'paid',
      paid_out_of_band: true,
      paid_at: unix('2026-04-02T00:00:00Z'),
    });
    expect(await nozle.invoices.markUncollectible(invoices['bad-debt']!.id)).toMatchObject({ status: 'uncollectible' });
    expect(await nozle.invoices.voidInvoice(invoices.mistake!.id)).toMatchObject({ status: 'void' });

    const refused = nozle.invoices.voidInvoice(invoices.payer!.id);
    await expect(refused).rejects.toBeInstanceOf(NozleInvalidRequestError);
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'invoice_not_voidable' });
  });
});

describe('reconciliation runs', () => {
  it('a run started with reconcile() is listed by listReconciliations()', async () => {
    const run = await nozle.payments.reconcile();
    const listed = await nozle.payments.listReconciliations();
    expect(listed.data.map((r) => r.id)).toContain(run.id);
    const all: string[] = [];
    for await (const r of nozle.payments.listAllReconciliations({ limit: 1 })) all.push(r.id);
    expect(all).toContain(run.id);
  });
});
