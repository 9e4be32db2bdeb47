// A spec-driven fuzz: every operation of nozle.yaml, every parameter and every body property
// (and one level into objects and arrays), sent a fixed set of odd values with a valid secret
// key. Whatever the value, the answer is never a 5xx, and it is one the spec declares (the test
// app validates responses, which turns an undeclared status into a 500 `contract_violation`).
// The rest of each request is the operation's own example, pointed at seeded resources, so an
// odd value reaches as deep as a valid one would (the database included).
import { spec } from '@nozle/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../src/app.js';
import type { OperationSpec } from '../src/http/operations.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (pointer: string): Node | undefined =>
  pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isNode(node) ? node[key] : undefined), spec) as Node | undefined;

const resolve = (node: unknown): Node | undefined => {
  let current = isNode(node) ? node : undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) current = at(current.$ref);
  return current;
};

// Odd values as JSON text (some cannot go through JSON.stringify: deep nesting, lone surrogates).
const HUGE = 'x'.repeat(100_000);
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const ODD_JSON: readonly string[] = [
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udc00y"',
  '""',
  '" "',
  `"${HUGE}"`,
  '"🚀 ünïcödé \\u202e"',
  '"1e21"',
  '"-1"',
  '"2100-01-01T00:00:00Z"',
  '1e21',
  '-1e21',
  '1e15',
  '9007199254740993',
  '9223372036854775808',
  '2147483648',
  '-2147483649',
  '4102444801',
  '-1',
  '0',
  '1.5',
  '1e400',
  'true',
  'null',
  '[]',
  '["a\\u0000"]',
  '[1e21]',
  '{}',
  '{"a\\u0000":1}',
  nested(5000),
];

// Odd path segments, as sent on the wire (already percent-encoded, or deliberately not).
const ODD_PATH: readonly string[] = [
  '%00',
  'x%00y',
  '%ED%A0%80',
  '%C0%80',
  '%',
  '%25',
  'a%2Fb',
  '..',
  encodeURIComponent('🚀ü'),
  'x'.repeat(5000),
  '1e21',
  '-1',
];

// Odd query values, already encoded; a repeated key and a bracketed one as well.
const ODD_QUERY: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '',
  encodeURIComponent(HUGE),
  encodeURIComponent('🚀 ü'),
  '1e21',
  '-1e21',
  '1e15',
  '9007199254740993',
  '9223372036854775808',
  '2147483648',
  '4102444801',
  '-1',
  '0',
  '1.5',
  'null',
  'true',
  'NaN',
  'Infinity',
];

// Headers must be byte strings without NUL or line breaks, or fetch refuses to send them.
const ODD_HEADER: readonly string[] = ['', ' ', 'x'.repeat(5000), 'ü\u00ff', '1e21', '-1'];

// The seeded resources the examples are pointed at.
const CUSTOMER = 'user_1234';
interface Seeded {
  subscription: string;
  purchase: string;
  apiKey: string;
}

const REFERENCE_FIELDS: Record<string, string> = { customer: CUSTOMER };

function pathValues(seeded: Seeded): Record<string, string> {
  return {
    customer: CUSTOMER,
    feature: 'messages',
    plan: 'pro',
    meter: 'messages',
    subscription: seeded.subscription,
    purchase: seeded.purchase,
    key: seeded.apiKey,
    invoice: 'in_missing',
  };
}

/** The operation's request example, with references to customers pointed at the seeded one. */
function baseBody(operation: OperationSpec): Node | undefined {
  if (!operation.body) return undefined;
  const media = at(operation.body.schemaPointer.replace(/\/schema$/, ''));
  const schema = resolve(at(operation.body.schemaPointer));
  const example = media?.example ?? schema?.example;
  if (!isNode(example)) return {};
  const copy = structuredClone(example);
  for (const [field, value] of Object.entries(REFERENCE_FIELDS)) if (field in copy) copy[field] = value;
  return copy;
}

interface Probe {
  what: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const PLACEHOLDER = '"__odd_value__"';
const withOdd = (body: unknown, place: (copy: Node) => void): string => {
  const copy = structuredClone(isNode(body) ? body : {});
  place(copy);
  return JSON.stringify(copy);
};

/** Every odd value in every slot of one operation. */
function probesFor(operation: OperationSpec, seeded: Seeded): Probe[] {
  const paths = pathValues(seeded);
  const method = operation.method.toUpperCase();
  const fillPath = (odd?: { name: string; value: string }) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (odd?.name === name ? odd.value : encodeURIComponent(paths[name] ?? 'missing')));
  const body = baseBody(operation);
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  const probes: Probe[] = [];
  const base = { method, path: fillPath(), ...(bodyText !== undefined ? { body: bodyText } : {}) };

  for (const param of operation.parameters) {
    if (param.in === 'path') {
      for (const value of ODD_PATH) probes.push({ ...base, what: `path ${param.name}=${value.slice(0, 20)}`, path: fillPath({ name: param.name, value }) });
    } else if (param.in === 'query') {
      for (const value of ODD_QUERY) probes.push({ ...base, what: `query ${param.name}=${value.slice(0, 20)}`, path: `${base.path}?${param.name}=${value}` });
      probes.push({ ...base, what: `query ${param.name} repeated`, path: `${base.path}?${param.name}=1&${param.name}=2` });
      probes.push({ ...base, what: `query ${param.name}[a]`, path: `${base.path}?${param.name}[a]=1` });
    } else if (param.in === 'header' && param.name.toLowerCase() !== 'authorization') {
      for (const value of ODD_HEADER) probes.push({ ...base, what: `header ${param.name}=${value.slice(0, 20)}`, headers: { [param.name]: value } });
    }
  }

  if (body !== undefined) {
    for (const odd of ['null', '[]', '"x"', '1', nested(5000), '{"a":1}']) probes.push({ ...base, what: `body=${odd.slice(0, 20)}`, body: odd });
    const schema = resolve(at(operation.body!.schemaPointer));
    const properties = Object.keys(isNode(schema?.properties) ? schema.properties : {});
    for (const property of new Set([...properties, ...Object.keys(body)])) {
      const slots: Array<{ name: string; place: (copy: Node) => void }> = [{ name: property, place: (copy) => (copy[property] = '__odd_value__') }];
      // One level down: an object's own keys, and the keys of an array's first object.
      const value = body[property];
      const inner = Array.isArray(value) ? value[0] : value;
      if (isNode(inner)) {
        for (const key of Object.keys(inner)) {
          slots.push({
            name: `${property}.${key}`,
            place: (copy) => {
              const target = Array.isArray(copy[property]) ? (copy[property] as unknown[])[0] : copy[property];
              (target as Node)[key] = '__odd_value__';
            },
          });
        }
      }
      for (const slot of slots) {
        const text = withOdd(body, slot.place);
        for (const odd of ODD_JSON) probes.push({ ...base, what: `body ${slot.name}=${odd.slice(0, 20)}`, body: text.replace(PLACEHOLDER, () => odd) });
      }
    }
  }
  return probes;
}

// Operations that destroy what the others probe run last, the customer's deletion very last.
const DESTRUCTIVE = ['advanceTestClock', 'runReconciliation', 'refundPurchase', 'cancelSubscription', 'revokeApiKey', 'deleteCustomer'];
const order = (operation: OperationSpec) => DESTRUCTIVE.indexOf(operation.operationId);
const ordered = [...operations].sort((a, b) => order(a) - order(b));

let t: TestApp;
let seeded: Seeded;

async function created(method: string, path: string, body: unknown): Promise<any> {
  const res = await t.call(method, path, { body });
  if (res.status !== 200) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  await created('POST', '/v1/meters', { key: 'messages', name: 'Messages', event_name: 'message.sent', aggregation: 'count' });
  await created('POST', '/v1/meters', { key: 'input_tokens', name: 'Input tokens', event_name: 'llm.call', aggregation: 'sum', property: 'tokens' });
  await created('POST', '/v1/features', { key: 'messages', name: 'Messages', type: 'metered', meter: 'messages' });
  await created('POST', '/v1/features', { key: 'export', name: 'Export', type: 'boolean' });
  await created('POST', '/v1/plans', {
    key: 'pro',
    name: 'Pro',
    interval: 'month',
    currency: 'usd',
    base_price: 2000,
    prices: [{ key: 'messages_overage', meter: 'messages', model: 'per_unit', unit_amount: '0.5', free_units: '1000' }],
    entitlements: [
      { feature: 'export', enabled: true },
      { feature: 'messages', limit: 1000, reset: 'month', overage: true },
    ],
  });
  await created('POST', '/v1/plans', {
    key: 'lifetime',
    name: 'Lifetime',
    interval: 'one_time',
    currency: 'usd',
    base_price: 9900,
    entitlements: [{ feature: 'export', enabled: true }],
  });
  await created('POST', '/v1/customers', { external_id: CUSTOMER, email: 'ada@example.com' });
  const subscription = await created('POST', '/v1/subscriptions', { customer: CUSTOMER, plan: 'pro' });
  const purchase = await created('POST', '/v1/purchases', { customer: CUSTOMER, plan: 'lifetime' });
  const apiKey = await created('POST', '/v1/api_keys', { type: 'secret', name: 'to revoke' });
  seeded = { subscription: subscription.id, purchase: purchase.id, apiKey: apiKey.id };
}, 60_000);
afterAll(() => t.close());

describe('stated ranges', () => {
  const cases: Array<{ name: string; method: string; path: string; body?: unknown; param: string }> = [
    {
      name: 'a grant ending after 2100',
      method: 'POST',
      path: `/v1/customers/${CUSTOMER}/grants`,
      body: { feature: 'export', ends_at: 4102444801 },
      param: 'ends_at',
    },
    {
      name: 'a purchase expiring in year 31,690,000',
      method: 'POST',
      path: '/v1/purchases',
      body: { customer: CUSTOMER, plan: 'lifetime', expires_at: 1e15 },
      param: 'expires_at',
    },
    {
      name: 'a credit grant expiring at 1e21',
      method: 'POST',
      path: `/v1/customers/${CUSTOMER}/credits`,
      body: { amount: 1, currency: 'usd', expires_at: 1e21 },
      param: 'expires_at',
    },
    { name: 'a plan version past int4', method: 'GET', path: '/v1/plans/pro?version=2147483648', param: 'version' },
    {
      name: 'a grant limit past the safe integers',
      method: 'POST',
      path: `/v1/customers/${CUSTOMER}/grants`,
      // eslint-disable-next-line no-loss-of-precision -- a number past 2^53 on purpose
      body: { feature: 'messages', limit: 9007199254740993 },
      param: 'limit',
    },
    { name: 'a margin report starting after 2100', method: 'GET', path: '/v1/analytics/margin?start=4102444801&end=4102444802', param: 'start' },
  ];
  it.each(cases)('$name is a 400 naming the parameter', async ({ method, path, body, param }) => {
    const res = await t.call(method, path, body === undefined ? {} : { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('the last accepted instant, 2100-01-01T00:00:00Z, is taken', async () => {
    const res = await t.call('POST', `/v1/customers/${CUSTOMER}/grants`, { body: { feature: 'export', ends_at: 4102444800 } });
    expect(res.status).toBe(200);
    expect(res.body.ends_at).toBe(4102444800);
  });
});

async function send(probe: Probe): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${t.projectA.secretKey}`, ...probe.headers };
  if (probe.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.url}${probe.path}`, { method: probe.method, headers, ...(probe.body !== undefined ? { body: probe.body } : {}) });
  return { status: response.status, text: await response.text() };
}

// Last: its destructive operations delete the seeded customer.
describe('odd input', () => {
  it('no parameter or body property of any operation answers a 5xx or an undeclared status, whatever its value', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of ordered) {
      const probes = probesFor(operation, seeded);
      // A few in flight at once: the server serialises what it must, and the run stays short.
      for (let i = 0; i < probes.length; i += 4) {
        await Promise.all(
          probes.slice(i, i + 4).map(async (probe) => {
            const res = await send(probe);
            sent++;
            if (res.status >= 500) failures.push(`${operation.operationId} ${probe.what}: ${res.status} ${res.text.slice(0, 200)}`);
          }),
        );
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 240_000);
});
