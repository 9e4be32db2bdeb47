// The check answer of the server, the Node SDK's local mode and the browser store: one table.
// The cases of the three places' former tests (server/src/entitlements/check.test.ts,
// sdk-node/src/local/answer.test.ts, sdk-browser/src/local-check.test.ts) merged.
import { describe, expect, it } from 'vitest';
import { checkAnswer, hasRoom } from '../src/access.js';
import type { Schemas } from '../src/index.js';

type Entitlement = Schemas['Entitlement'];
type Check = Schemas['Check'];

const snapshot = (features: Record<string, Entitlement>, credits?: Record<string, number>): Schemas['Entitlements'] => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: 'user_1',
  version: 4,
  computed: 1_700_000_000,
  valid_until: null,
  features,
  ...(credits === undefined ? {} : { credits }),
});

const boolean = (fields: Partial<Entitlement> = {}): Entitlement => ({ feature: 'f', type: 'boolean', allowed: true, reason: null, source: null, ...fields });

const metered = (limit: number | null, used: number, overage = false): Entitlement => ({
  feature: 'f',
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan: 'pro' },
  limit,
  used,
  remaining: limit === null ? null : Math.max(limit - used, 0),
  reset: 'month',
  overage,
  period_start: 1_700_000_000,
  resets_at: 1_702_592_000,
});

const base = { object: 'check', customer: 'cus_1', feature: 'f', version: 4 } as const;
const meteredDetails = (limit: number | null, used: number, overage = false) => ({
  type: 'metered' as const,
  limit,
  used,
  remaining: limit === null ? null : Math.max(limit - used, 0),
  resets_at: 1_702_592_000,
  overage,
});

interface Row {
  name: string;
  entitlement: Entitlement;
  quantity?: number;
  balances?: Record<string, number>;
  credits?: Schemas['CreditRequirement'];
  expected: Omit<Check, 'object' | 'customer' | 'feature' | 'version'>;
}

interface CreditCase {
  name: string;
  balances: Record<string, number>;
  amount: number;
  allowed: boolean;
  balance: number;
}

// A credit requirement: the feature allowed AND the balance at least the amount.
const creditCases: CreditCase[] = [
  { name: 'below the balance', balances: { usd: 499 }, amount: 500, allowed: false, balance: 499 },
  { name: 'exactly the balance', balances: { usd: 500 }, amount: 500, allowed: true, balance: 500 },
  { name: 'above the balance', balances: { usd: 501 }, amount: 500, allowed: true, balance: 501 },
  { name: 'no balance in that currency', balances: { eur: 10_000 }, amount: 1, allowed: false, balance: 0 },
  { name: 'no credit at all, requiring 0', balances: {}, amount: 0, allowed: true, balance: 0 },
];
const creditRows = creditCases.map(({ name, balances, amount, allowed, balance }): Row => ({
  name: `credits: ${name}`,
  entitlement: boolean(),
  balances,
  credits: { currency: 'usd', amount },
  expected: { allowed, reason: allowed ? null : 'insufficient_credits', type: 'boolean', credits: { currency: 'usd', amount, balance } },
}));

const rows: Row[] = [
  // Boolean features.
  { name: 'a boolean feature the customer has', entitlement: boolean(), expected: { allowed: true, reason: null, type: 'boolean' } },
  {
    name: 'a refusal: no_access',
    entitlement: boolean({ allowed: false, reason: 'no_access' }),
    expected: { allowed: false, reason: 'no_access', type: 'boolean' },
  },
  {
    name: 'a refusal: revoked',
    entitlement: boolean({ allowed: false, reason: 'revoked', source: { type: 'grant', id: 'grt_1' } }),
    expected: { allowed: false, reason: 'revoked', type: 'boolean' },
  },
  {
    name: 'a refusal without a reason (no_access)',
    entitlement: boolean({ allowed: false, reason: null }),
    expected: { allowed: false, reason: 'no_access', type: 'boolean' },
  },

  // Metered features: room for `quantity` more units.
  { name: 'metered: room left', entitlement: metered(10, 9), quantity: 1, expected: { allowed: true, reason: null, ...meteredDetails(10, 9) } },
  {
    name: 'metered: exactly full after this use',
    entitlement: metered(10, 5),
    quantity: 5,
    expected: { allowed: true, reason: null, ...meteredDetails(10, 5) },
  },
  {
    name: 'metered: one unit too many',
    entitlement: metered(10, 10),
    quantity: 1,
    expected: { allowed: false, reason: 'limit_reached', ...meteredDetails(10, 10) },
  },
  {
    name: 'metered: two units, room for one',
    entitlement: metered(5, 4),
    quantity: 2,
    expected: { allowed: false, reason: 'limit_reached', ...meteredDetails(5, 4) },
  },
  {
    name: 'metered: a big quantity',
    entitlement: metered(10, 0),
    quantity: 11,
    expected: { allowed: false, reason: 'limit_reached', ...meteredDetails(10, 0) },
  },
  {
    name: 'metered: over the limit but overage allowed',
    entitlement: metered(10, 10, true),
    quantity: 5,
    expected: { allowed: true, reason: null, ...meteredDetails(10, 10, true) },
  },
  { name: 'metered: unlimited', entitlement: metered(null, 1e9), quantity: 1e6, expected: { allowed: true, reason: null, ...meteredDetails(null, 1e9) } },
  {
    name: 'metered: quantity 0 at the limit (a peek)',
    entitlement: metered(10, 10),
    quantity: 0,
    expected: { allowed: true, reason: null, ...meteredDetails(10, 10) },
  },

  // Units held by reservations count as used.
  {
    name: 'metered: room left beside what is reserved',
    entitlement: { ...metered(10, 4), reserved: 5, remaining: 1 },
    quantity: 1,
    expected: { allowed: true, reason: null, ...meteredDetails(10, 4), remaining: 1 },
  },
  {
    name: 'metered: the room is reserved',
    entitlement: { ...metered(10, 4), reserved: 6, remaining: 0 },
    quantity: 1,
    expected: { allowed: false, reason: 'limit_reached', ...meteredDetails(10, 4), remaining: 0 },
  },
  {
    name: 'metered: reserved, but overage allowed',
    entitlement: { ...metered(10, 4, true), reserved: 6, remaining: 0 },
    quantity: 1,
    expected: { allowed: true, reason: null, ...meteredDetails(10, 4, true), remaining: 0 },
  },
  {
    name: 'metered: no numbers at all (unlimited, nothing used)',
    entitlement: { feature: 'f', type: 'metered', allowed: true, reason: null, source: null },
    expected: { allowed: true, reason: null, type: 'metered', limit: null, used: 0, remaining: null, resets_at: null, overage: false },
  },
  {
    name: 'metered: one the customer lacks, filled in',
    entitlement: { feature: 'f', type: 'metered', allowed: false, reason: 'no_access', source: null },
    expected: { allowed: false, reason: 'no_access', type: 'metered', limit: null, used: 0, remaining: null, resets_at: null, overage: false },
  },

  // Config features.
  {
    name: "a config feature's value",
    entitlement: { feature: 'f', type: 'config', allowed: true, reason: null, source: null, value: { seats: 5 } },
    expected: { allowed: true, reason: null, type: 'config', value: { seats: 5 } },
  },
  {
    name: 'a config feature without access (value null)',
    entitlement: { feature: 'f', type: 'config', allowed: false, reason: 'no_access', source: null },
    expected: { allowed: false, reason: 'no_access', type: 'config', value: null },
  },

  // A credit requirement (more in creditRows).
  ...creditRows,
  {
    name: 'credits: a snapshot without credits (an older one) is a zero balance',
    entitlement: boolean(),
    credits: { currency: 'usd', amount: 1 },
    expected: { allowed: false, reason: 'insufficient_credits', type: 'boolean', credits: { currency: 'usd', amount: 1, balance: 0 } },
  },
  {
    name: "credits: the feature's own refusal first",
    entitlement: boolean({ allowed: false, reason: 'no_access' }),
    balances: {},
    credits: { currency: 'usd', amount: 1 },
    expected: { allowed: false, reason: 'no_access', type: 'boolean', credits: { currency: 'usd', amount: 1, balance: 0 } },
  },
  {
    name: 'credits: a metered feature at its limit is limit_reached first',
    entitlement: metered(10, 10),
    balances: { usd: 0 },
    credits: { currency: 'usd', amount: 1 },
    expected: { allowed: false, reason: 'limit_reached', ...meteredDetails(10, 10), credits: { currency: 'usd', amount: 1, balance: 0 } },
  },
];

describe('checkAnswer', () => {
  it.each(rows)('$name', ({ entitlement, quantity = 1, balances, credits, expected }) => {
    expect(checkAnswer(snapshot({ f: entitlement }, balances), 'f', quantity, credits)).toEqual({ ...base, ...expected });
  });

  it('agrees with hasRoom on every metered row', () => {
    for (const { entitlement, quantity = 1, credits, expected } of rows) {
      if (entitlement.type !== 'metered' || credits || !entitlement.allowed) continue;
      const taken = (entitlement.used ?? 0) + (entitlement.reserved ?? 0);
      expect(hasRoom(entitlement.limit ?? null, taken, quantity, entitlement.overage ?? false)).toBe(expected.allowed);
    }
  });

  it('has no answer for a feature the snapshot lacks, own keys only', () => {
    expect(checkAnswer(snapshot({}), 'brand_new', 1)).toBeUndefined();
    expect(checkAnswer(snapshot({}), 'constructor', 1)).toBeUndefined();
    expect(checkAnswer(snapshot({}), '__proto__', 1)).toBeUndefined();
  });
});
