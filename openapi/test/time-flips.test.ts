// A held snapshot at later instants, with no word from the server: one table for both SDKs.
import { describe, expect, it } from 'vitest';
import { parseServerMessage } from '../src/realtime.js';
import { nextChangeMs, snapshotAt } from '../src/time-flips.js';
import type { Schemas } from '../src/index.js';

type Entitlement = Schemas['Entitlement'];
type Entitlements = Schemas['Entitlements'];
type ReachedAlert = Schemas['ReachedAlert'];

const T = 1_700_000_000; // valid_until of the snapshot below, Unix seconds
const granted: Entitlement = { feature: 'export', type: 'boolean', allowed: true, reason: null, source: { type: 'grant', id: 'gr_1' } };
const ended: Entitlement = { feature: 'export', type: 'boolean', allowed: false, reason: 'no_access', source: null };
const meter = (used: number, resetsAt: number): Entitlement => ({
  feature: 'messages',
  type: 'metered',
  allowed: true,
  reason: null,
  source: { type: 'subscription', id: 'sub_1', plan: 'pro' },
  limit: 5,
  used,
  remaining: 5 - used,
  reset: 'month',
  overage: false,
  period_start: resetsAt - 2_592_000,
  resets_at: resetsAt,
});

const snapshot = (overrides: Partial<Entitlements> = {}): Entitlements => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: 'user_1',
  version: 4,
  computed: T - 60,
  valid_until: T,
  features: { export: granted, messages: meter(3, T + 3600) },
  credits: { usd: 500 },
  upcoming: { valid_until: T + 3600, features: { export: ended, messages: meter(3, T + 3600) }, credits: { usd: 0 } },
  ...overrides,
});

describe('snapshotAt', () => {
  it('is the snapshot itself before valid_until', () => {
    const held = snapshot();
    expect(snapshotAt(held, T * 1000 - 1)).toBe(held);
  });

  it('is the upcoming state from valid_until on, one step ahead only', () => {
    const at = snapshotAt(snapshot(), T * 1000);
    expect(at.features.export).toEqual(ended);
    expect(at).toMatchObject({ version: 4, computed: T, valid_until: T + 3600, credits: { usd: 0 } });
    expect(at.upcoming).toBeUndefined();
  });

  it.each([
    ['before resets_at', T * 1000 + 3_599_999, 3],
    ['at resets_at', (T + 3600) * 1000, 0],
  ])('a metered feature of the upcoming state, %s, shows used %i', (_, nowMs, used) => {
    expect(snapshotAt(snapshot(), nowMs).features.messages).toMatchObject({ used, remaining: 5 - used });
  });

  it('resets usage at resets_at when no upcoming state covers it (an older server)', () => {
    const held = snapshot({ valid_until: T, upcoming: undefined, features: { messages: meter(5, T) } });
    const at = snapshotAt(held, T * 1000);
    expect(at.features.messages).toMatchObject({ used: 0, remaining: 5, period_start: T });
    // The rest is kept; valid_until stays behind, so the caller knows to ask the server again.
    expect(at.valid_until).toBe(T);
    expect(snapshotAt(at, T * 1000)).toBe(at);
  });

  it('keeps a feature named "__proto__" as data when it resets', () => {
    const features = JSON.parse(`{"__proto__": ${JSON.stringify(meter(2, T))}}`) as Entitlements['features'];
    const at = snapshotAt(snapshot({ upcoming: undefined, features }), T * 1000);
    expect(Object.hasOwn(at.features, '__proto__')).toBe(true);
    expect(at.features['__proto__']?.used).toBe(0);
  });
});

describe('snapshotAt, reached alerts', () => {
  const usageAlert = (periodEnd: number | null): ReachedAlert => ({
    alert: 'alr_1',
    type: 'usage',
    feature: 'messages',
    percent: 80,
    threshold: 4,
    value: 4,
    reached_at: T - 120,
    period_start: T - 2_592_000,
    period_end: periodEnd,
  });
  const lowCredit: ReachedAlert = {
    alert: 'alr_2',
    type: 'credit_balance',
    currency: 'usd',
    threshold: 1000,
    value: 500,
    reached_at: T - 60,
    period_start: null,
    period_end: null,
  };

  it('keeps an alert until its period ends, also between valid_until instants, and drops it then', () => {
    const held = snapshot({ valid_until: T + 7200, upcoming: undefined, alerts: [usageAlert(T), lowCredit] });
    expect(snapshotAt(held, T * 1000 - 1)).toBe(held);
    expect(snapshotAt(held, T * 1000).alerts).toEqual([lowCredit]);
    expect(nextChangeMs(held, T * 1000 - 5000)).toBe(T * 1000);
  });

  it('leaves the field out once no alert is left, and keeps one that never ends', () => {
    expect(snapshotAt(snapshot({ alerts: [usageAlert(T + 3600)] }), (T + 3600) * 1000)).not.toHaveProperty('alerts');
    expect(snapshotAt(snapshot({ alerts: [usageAlert(null)] }), (T + 3600) * 1000).alerts).toEqual([usageAlert(null)]);
  });

  it('a snapshot message with alerts that are not a list of them is ignored', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', snapshot: snapshot({ alerts: [lowCredit] }) }))).toMatchObject({ type: 'snapshot' });
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', snapshot: { ...snapshot(), alerts: { alr_1: {} } } }))).toBeUndefined();
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', snapshot: { ...snapshot(), alerts: [{ alert: 1 }] } }))).toBeUndefined();
  });
});

describe('nextChangeMs', () => {
  it.each([
    ['valid_until when it comes first', snapshot(), T * 1000 - 5000, T * 1000],
    ['a resets_at when it comes first', snapshot({ valid_until: T + 7200, upcoming: undefined }), T * 1000, (T + 3600) * 1000],
    ['nothing once every instant is past', snapshot({ upcoming: undefined }), (T + 3600) * 1000, null],
    ['nothing for a snapshot that never changes', snapshot({ valid_until: null, upcoming: undefined, features: { export: granted } }), 0, null],
  ])('%s', (_, held, nowMs, expected) => {
    expect(nextChangeMs(held, nowMs)).toBe(expected);
  });
});

describe('a snapshot message', () => {
  it('carries the server time when it is one, and an upcoming state only with a valid_until', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', now: 1_700_000_000_123, snapshot: snapshot() }))).toMatchObject({ now: 1_700_000_000_123 });
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', now: 'soon', snapshot: snapshot() }))).not.toHaveProperty('now');
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', snapshot: snapshot({ valid_until: null }) }))).toBeUndefined();
    expect(
      parseServerMessage(JSON.stringify({ type: 'snapshot', snapshot: snapshot({ upcoming: { valid_until: null, features: [] } as never }) })),
    ).toBeUndefined();
  });
});
