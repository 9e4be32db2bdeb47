// The URLs a customer's browser is sent back to (checkout's success_url and cancel_url, the
// portal's return_url) are https (http only for this machine): anything else is a 400 naming
// the parameter, from a secret key or a publishable one, and creates nothing. The sandbox's
// hosted pages check a stored URL again before they redirect, and send headers that keep them
// from running script, being framed or leaking their address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashKey } from '../src/http/api-keys.js';
import { redirectUrlProblem } from '../src/payments/redirect-url.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { CARDS, openPage, submitPage } from './support/sandbox-pages.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('redirectUrlProblem', () => {
  const strict = { allowHttp: false };
  const lenient = { allowHttp: true };
  it.each([
    ['https anywhere', 'https://app.example.com/billing?paid=1', strict, true],
    ['https with the session placeholder', 'https://app.example.com/done?s={CHECKOUT_SESSION_ID}', strict, true],
    ['http to localhost', 'http://localhost:3000/done', strict, true],
    ['http to a .localhost name', 'http://app.localhost:3000/done', strict, true],
    ['http to 127.0.0.1', 'http://127.0.0.1:5173/', strict, true],
    ['http to ::1', 'http://[::1]:8080/', strict, true],
    ['http to another host', 'http://app.example.com/', strict, false],
    ['http to another host, when the server allows http', 'http://intranet.test/', lenient, true],
    ['javascript:', 'javascript:alert(document.cookie)', strict, false],
    ['javascript:, even when http is allowed', 'javascript:alert(1)', lenient, false],
    ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)', strict, false],
    ['data:', 'data:text/html,<script>alert(1)</script>', strict, false],
    ['data:, even when http is allowed', 'data:text/html,x', lenient, false],
    ['file:', 'file:///etc/passwd', strict, false],
    ['ftp:', 'ftp://example.com/', strict, false],
    ['a relative path', '/billing', strict, false],
    ['a protocol-relative URL', '//evil.example/', strict, false],
  ])('%s', (_name, url, policy, allowed) => {
    expect(redirectUrlProblem(url, policy) === undefined).toBe(allowed);
  });
});

let t: TestApp;
let n = 0;
const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000);

beforeAll(async () => {
  t = await startTestApp();
  for (const body of [
    { key: 'export', type: 'boolean' },
    { key: 'pro', interval: 'month', currency: 'usd', base_price: 2900, entitlements: [{ feature: 'export' }] },
  ]) {
    const path = 'interval' in body ? '/v1/plans' : '/v1/features';
    expect((await t.call('POST', path, { body })).status).toBe(200);
  }
});
afterAll(() => t.close());

async function newCustomer(): Promise<{ id: string; externalId: string }> {
  n += 1;
  const res = await t.call('POST', '/v1/customers', { body: { external_id: `redirect_${n}` } });
  expect(res.status).toBe(200);
  return { id: res.body.id, externalId: `redirect_${n}` };
}

const sessionCount = async () => Number((await t.database.db.query<{ n: number }>('select count(*)::int as n from checkout_sessions')).rows[0]!.n);

const BAD_URLS = [
  'javascript:alert(document.cookie)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'http://evil.example/phish',
  'file:///etc/passwd',
];

describe('checkout and portal sessions', () => {
  it.each(BAD_URLS.flatMap((url) => ['success_url', 'cancel_url'].map((param) => ({ url, param }))))(
    'a checkout with $param $url is a 400 naming it, and makes no session',
    async ({ url, param }) => {
      const c = await newCustomer();
      const before = await sessionCount();
      const res = await t.call('POST', '/v1/checkout/sessions', { body: { customer: c.id, plan: 'pro', [param]: url } });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'url_invalid', param });
      expect(await sessionCount()).toBe(before);
    },
  );

  it('a publishable key with a customer token is held to the same rule', async () => {
    const c = await newCustomer();
    const token = signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer: c.externalId, expiresAt: nowSeconds() + 3600 });
    const asBrowser = (path: string, body: Record<string, unknown>) =>
      t.call('POST', path, { key: t.projectA.publishableKey, headers: { 'Nozle-Customer-Token': token }, body });
    const checkout = await asBrowser('/v1/checkout/sessions', { plan: 'pro', success_url: 'javascript:alert(1)' });
    expect(checkout.status).toBe(400);
    expect(checkout.body.error).toMatchObject({ code: 'url_invalid', param: 'success_url' });
    const portal = await asBrowser('/v1/portal/sessions', { return_url: 'data:text/html,x' });
    expect(portal.status).toBe(400);
    expect(portal.body.error).toMatchObject({ code: 'url_invalid', param: 'return_url' });
  });

  it.each(BAD_URLS)('a portal session with return_url %s is a 400 naming it', async (url) => {
    const c = await newCustomer();
    const res = await t.call('POST', '/v1/portal/sessions', { body: { customer: c.id, return_url: url } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'url_invalid', param: 'return_url' });
  });

  it('https URLs, and http ones to localhost, are taken', async () => {
    const c = await newCustomer();
    const checkout = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: c.id, plan: 'pro', success_url: 'https://app.example.com/paid?ok=1', cancel_url: 'http://localhost:5173/pricing' },
    });
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(200);
    expect(checkout.body.success_url).toBe('https://app.example.com/paid?ok=1');
    const portal = await t.call('POST', '/v1/portal/sessions', { body: { customer: c.id, return_url: 'http://127.0.0.1:3000/account' } });
    expect(portal.status).toBe(200);
  });
});

describe('the sandbox pages', () => {
  async function openCheckout(): Promise<{ id: string; url: string }> {
    const c = await newCustomer();
    const res = await t.call('POST', '/v1/checkout/sessions', {
      body: { customer: c.id, plan: 'pro', success_url: 'https://app.example.com/paid', cancel_url: 'https://app.example.com/pricing' },
    });
    expect(res.status).toBe(200);
    return { id: res.body.id, url: res.body.url };
  }

  it('send a script-free CSP whose style hash matches the page, no framing and no referrer', async () => {
    const { url } = await openCheckout();
    const response = await fetch(url);
    const html = await response.text();
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/script-src/);
    // The page's one stylesheet is the one the policy allows, so the page is still styled.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/<script|style="/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('the portal page sends the same headers', async () => {
    const c = await newCustomer();
    const portal = await t.call('POST', '/v1/portal/sessions', { body: { customer: c.id, return_url: 'https://app.example.com/account' } });
    const response = await fetch(portal.body.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('href="https://app.example.com/account"');
  });

  it('pay and cancel redirect to the stored URLs when they pass the rule', async () => {
    const paid = await openCheckout();
    expect((await submitPage(paid.url, { action: 'pay', card: CARDS.pays })).location).toBe('https://app.example.com/paid');
    const canceled = await openCheckout();
    expect((await submitPage(canceled.url, { action: 'cancel' })).location).toBe('https://app.example.com/pricing');
  });

  it('a stored URL that breaks the rule (saved before it existed) is never redirected to', async () => {
    const canceled = await openCheckout();
    const paid = await openCheckout();
    await t.database.db.query("update checkout_sessions set success_url = 'javascript:alert(1)', cancel_url = 'data:text/html,x' where id = any($1)", [
      [canceled.id, paid.id],
    ]);
    const cancel = await submitPage(canceled.url, { action: 'cancel' });
    expect(cancel.status).toBe(303);
    expect(new URL(cancel.location!).pathname).toBe('/sandbox/done');
    const pay = await submitPage(paid.url, { action: 'pay', card: CARDS.pays });
    expect(pay.status).toBe(303);
    expect(new URL(pay.location!).pathname).toBe('/sandbox/done');
    const again = await openPage(paid.url);
    expect(again.html).not.toContain('javascript:');
  });
});
