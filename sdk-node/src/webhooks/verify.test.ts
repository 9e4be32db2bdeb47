// nozle.webhooks.verify() against requests signed by the standardwebhooks library's own signer,
// as Nozle's sending side (issue 16) will sign them.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SECRET_KEY } from '../../test/fixtures.js';
import { Nozle, NozleWebhookVerificationError, type NozleWebhookEvent, type WebhookEvent } from '../index.js';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const event = { id: 'evt_1', type: 'subscription.updated', created: 1_777_593_600, data: { id: 'sub_1', status: 'active' } };
const body = JSON.stringify(event);

/** The three headers of a delivery of `payload`, signed `at` (now by default) with `key`. */
function signed(payload: string, at = new Date(), key = secret, id = 'msg_1'): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(key).sign(id, at, payload) };
}

// null: a client made without `webhookSecret`.
const nozle = (webhookSecret: string | null = secret) => new Nozle({ secretKey: SECRET_KEY, webhookSecret: webhookSecret ?? undefined });

/** The reason of the error verify() throws. */
function reasonOf(verify: () => unknown): string {
  try {
    verify();
  } catch (error) {
    if (error instanceof NozleWebhookVerificationError) return error.reason;
    throw error;
  }
  throw new Error('verify() did not throw');
}

describe('nozle.webhooks.verify', () => {
  it('returns the event of a genuine delivery, from a string or a Buffer, with headers in any form', () => {
    const headers = signed(body);
    expect(nozle().webhooks.verify(body, headers)).toEqual(event);
    expect(nozle().webhooks.verify(Buffer.from(body), new Headers(headers))).toEqual(event);
    // Node's req.headers: any case on the way in, an array for a header sent twice.
    const node = {
      'Webhook-Id': headers['webhook-id'],
      'webhook-timestamp': headers['webhook-timestamp'],
      'webhook-signature': ['v1,bm90IGl0', headers['webhook-signature']!],
    };
    const verified: WebhookEvent<'subscription.updated', { id: string }> = nozle().webhooks.verify(body, node);
    expect(verified.data.id).toBe('sub_1');
  });

  it('types the event from the spec: a check of `type` narrows `data` to that event’s payload', () => {
    const alert = { id: 'whe_1', type: 'usage.threshold_reached', created: 1_777_593_600, data: { customer: 'cus_1', feature: 'messages', value: 800 } };
    const text = JSON.stringify(alert);
    const verified = nozle().webhooks.verify(text, signed(text));
    expectTypeOf(verified).toEqualTypeOf<NozleWebhookEvent>();
    if (verified.type !== 'usage.threshold_reached') throw new Error(`unexpected ${verified.type}`);
    expectTypeOf(verified.data.value).toEqualTypeOf<number>();
    expectTypeOf(verified.data.feature).toEqualTypeOf<string>();
    expect(verified.data.value).toBe(800);
    // Every type of the spec's catalog is a member, and nothing else.
    expectTypeOf<NozleWebhookEvent['type']>().toEqualTypeOf<
      | 'customer.entitlements.updated'
      | 'grant.created'
      | 'usage.threshold_reached'
      | 'credits.low'
      | 'credits.depleted'
      | 'spend.threshold_reached'
      | 'subscription.created'
      | 'subscription.updated'
      | 'subscription.canceled'
      | 'subscription.trial_will_end'
      | 'invoice.finalized'
      | 'invoice.paid'
      | 'invoice.payment_failed'
      | 'invoice.voided'
      | 'checkout.completed'
      | 'credits.granted'
      | 'credits.auto_top_up.succeeded'
      | 'credits.auto_top_up.failed'
    >();
  });

  it('takes the secret per call, over the client’s', () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    expect(nozle(null).webhooks.verify(body, signed(body, new Date(), other), { secret: other })).toEqual(event);
    expect(nozle().webhooks.verify(body, signed(body, new Date(), other), { secret: other }).id).toBe('evt_1');
  });

  it('refuses a tampered body, a wrong secret and a re-serialised body as invalid_signature', () => {
    const headers = signed(body);
    expect(reasonOf(() => nozle().webhooks.verify(body.replace('active', 'canceled'), headers))).toBe('invalid_signature');
    expect(reasonOf(() => nozle(`whsec_${randomBytes(32).toString('base64')}`).webhooks.verify(body, headers))).toBe('invalid_signature');
    expect(reasonOf(() => nozle().webhooks.verify(JSON.stringify(event, null, 2), headers))).toBe('invalid_signature');
    expect(reasonOf(() => nozle().webhooks.verify(body, { ...headers, 'webhook-id': 'msg_2' }))).toBe('invalid_signature');
  });

  it('refuses a delivery signed more than 5 minutes ago, or ahead, whatever its signature', () => {
    const old = new Date(Date.now() - 6 * 60_000);
    expect(reasonOf(() => nozle().webhooks.verify(body, signed(body, old)))).toBe('timestamp_too_old');
    expect(reasonOf(() => nozle().webhooks.verify(body, signed(body, new Date(Date.now() + 6 * 60_000))))).toBe('timestamp_too_new');
    // Within the tolerance it passes.
    expect(nozle().webhooks.verify(body, signed(body, new Date(Date.now() - 4 * 60_000))).id).toBe('evt_1');
  });

  it('refuses missing headers, and a signed body that is not an event', () => {
    const { 'webhook-signature': _, ...unsigned } = signed(body);
    expect(reasonOf(() => nozle().webhooks.verify(body, unsigned))).toBe('missing_headers');
    expect(reasonOf(() => nozle().webhooks.verify(body, { ...signed(body), 'webhook-timestamp': 'soon' }))).toBe('missing_headers');
    expect(reasonOf(() => nozle().webhooks.verify('not json', signed('not json')))).toBe('invalid_payload');
    expect(reasonOf(() => nozle().webhooks.verify('{"id":"evt_1"}', signed('{"id":"evt_1"}')))).toBe('invalid_payload');
  });

  it('is a typed error with a message that says why', () => {
    expect(() => nozle().webhooks.verify(body, signed(body, new Date(Date.now() - 600_000)))).toThrow(
      expect.objectContaining({ name: 'NozleWebhookVerificationError', message: expect.stringMatching(/timestamp_too_old/) }),
    );
  });

  it('needs a secret and the raw body: a TypeError otherwise', () => {
    expect(() => nozle(null).webhooks.verify(body, signed(body))).toThrow(TypeError);
    expect(() => nozle().webhooks.verify(event as unknown as string, signed(body))).toThrow(/raw body/);
    expect(() => nozle().webhooks.verify(body, signed(body), { secret: 'shh' })).toThrow(/whsec_/);
    expect(() => new Nozle({ secretKey: SECRET_KEY, webhookSecret: 'sk_live_oops' })).toThrow(/webhookSecret/);
  });
});
