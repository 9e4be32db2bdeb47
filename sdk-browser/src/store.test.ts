import { describe, expect, it, vi } from 'vitest';
import { createStore } from './store.js';
import type { Entitlement, Entitlements, ReachedAlert } from './types.js';

function snapshotOf(version: number, features: Record<string, Partial<Entitlement>>): Entitlements {
  return {
    object: 'entitlements',
    customer: 'cus_1',
    external_id: null,
    version,
    computed: 1_700_000_000,
    valid_until: null,
    features: Object.fromEntries(
      Object.entries(features).map(([feature, fields]) => [feature, { feature, type: 'boolean', allowed: true, reason: null, source: null, ...fields }]),
    ),
  };
}

describe('createStore()', () => {
  it('starts from the initial snapshot, idle', () => {
    const initial = snapshotOf(2, { export: {} });
    const store = createStore(initial);
    expect(store.getSnapshot()).toBe(initial);
    expect(store.getVersion()).toBe(2);
    expect(store.getStatus()).toBe('idle');
    expect(createStore(null).getVersion()).toBe(0);
  });

  it('takes only higher versions', () => {
    const store = createStore(null);
    expect(store.apply(snapshotOf(3, {}))).toBe(true);
    const held = store.getSnapshot();
    expect(store.apply(snapshotOf(3, { export: {} }))).toBe(false);
    expect(store.apply(snapshotOf(1, { export: {} }))).toBe(false);
    expect(store.getSnapshot()).toBe(held);
  });

  it('keeps the object of every feature that did not change, deep-equal values included', () => {
    const store = createStore(snapshotOf(1, { theme: { type: 'config', value: { colors: ['blue', 'red'] } }, export: {} }));
    const theme = store.getFeature('theme');
    store.apply(snapshotOf(2, { theme: { type: 'config', value: { colors: ['blue', 'red'] } }, export: { allowed: false, reason: 'revoked' } }));
    expect(store.getFeature('theme')).toBe(theme);
    expect(store.getFeature('export')?.allowed).toBe(false);

    store.apply(snapshotOf(3, { theme: { type: 'config', value: { colors: ['red', 'blue'] } }, export: { allowed: false, reason: 'revoked' } }));
    expect(store.getFeature('theme')).not.toBe(theme);
  });

  it('tells feature listeners of added, changed and removed features only', () => {
    const store = createStore(snapshotOf(1, { a: {}, b: {}, c: {} }));
    const heard: string[] = [];
    for (const feature of ['a', 'b', 'c', 'd']) store.subscribeFeature(feature, () => heard.push(feature));
    store.apply(snapshotOf(2, { a: {}, b: { allowed: false, reason: 'no_access' }, d: {} }));
    expect(heard.sort()).toEqual(['b', 'c', 'd']);
  });

  it('tells store listeners of snapshots and status changes, not of a status set twice', () => {
    const store = createStore(null);
    const listener = vi.fn();
    store.subscribe(listener);
    store.setStatus('connecting');
    store.setStatus('connecting');
    store.apply(snapshotOf(1, {}));
    store.apply(snapshotOf(1, {}));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('lets a listener unsubscribe another while being called', () => {
    const store = createStore(null);
    const second = vi.fn();
    let unsubscribeSecond = () => {};
    store.subscribe(() => unsubscribeSecond());
    unsubscribeSecond = store.subscribe(second);
    store.setStatus('open');
    expect(second).toHaveBeenCalledTimes(1);
    store.setStatus('closed');
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('treats a feature named like an Object property as any other', () => {
    const store = createStore(null);
    expect(store.getFeature('constructor')).toBeUndefined();
    store.apply(snapshotOf(1, { constructor: {}, ['__proto__']: {} }));
    expect(store.getFeature('constructor')?.feature).toBe('constructor');
    expect(Object.getPrototypeOf(store.getSnapshot()?.features)).toBe(Object.prototype);
  });

  describe('alerts', () => {
    const FAR = 4_000_000_000; // 2096: a period that has not ended
    const at80: ReachedAlert = {
      alert: 'alr_1',
      type: 'usage',
      feature: 'messages',
      percent: 80,
      threshold: 8,
      value: 8,
      reached_at: 1,
      period_start: 0,
      period_end: FAR,
    };
    const low: ReachedAlert = {
      alert: 'alr_2',
      type: 'credit_balance',
      currency: 'usd',
      threshold: 500,
      value: 300,
      reached_at: 1,
      period_start: null,
      period_end: null,
    };
    const withAlerts = (version: number, alerts?: ReachedAlert[]): Entitlements => ({ ...snapshotOf(version, { export: {} }), ...(alerts ? { alerts } : {}) });

    it('are empty without a snapshot and for a snapshot from a server without alerts', () => {
      expect(createStore(null).getAlerts()).toEqual([]);
      expect(createStore(withAlerts(1)).getAlerts()).toEqual([]);
    });

    it('tell alert listeners only when the alerts change, and keep their identity while they do not', () => {
      const store = createStore(withAlerts(1));
      const heard = vi.fn();
      store.subscribeAlerts(heard);
      store.apply(withAlerts(2, [at80]));
      expect(store.getAlerts()).toEqual([at80]);
      const held = store.getAlerts();
      store.apply({ ...withAlerts(3, [{ ...at80 }]), features: {} });
      expect(store.getAlerts()).toBe(held);
      expect(heard).toHaveBeenCalledTimes(1);
      store.apply(withAlerts(4, [at80, low]));
      store.apply(withAlerts(5));
      expect(heard).toHaveBeenCalledTimes(3);
      expect(store.getAlerts()).toEqual([]);
    });

    it('drops an alert whose period has ended, as the server would', () => {
      const store = createStore(null);
      store.apply(withAlerts(1, [{ ...at80, period_end: 1_000 }, low]));
      expect(store.getAlerts()).toEqual([low]);
    });
  });
});
