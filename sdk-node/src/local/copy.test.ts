import { describe, expect, it } from 'vitest';
import type { Entitlements } from '../entitlements.js';
import { SnapshotCopy } from './copy.js';

const snap = (customer: string, version: number, externalId: string | null = null, computed = 1_700_000_000 + version): Entitlements => ({
  object: 'entitlements',
  customer,
  external_id: externalId,
  version,
  computed,
  valid_until: null,
  features: {},
});

describe('SnapshotCopy', () => {
  it('keeps a snapshot whole, the alerts it carries included', () => {
    const copy = new SnapshotCopy();
    const alerts: Entitlements['alerts'] = [
      { alert: 'alr_1', type: 'credit_balance', currency: 'usd', threshold: 500, value: 300, reached_at: 1_700_000_000, period_start: null, period_end: null },
    ];
    copy.apply({ ...snap('cus_1', 1), alerts });
    expect(copy.get('cus_1')?.alerts).toEqual(alerts);
  });

  it('finds a customer by id and by external_id', () => {
    const copy = new SnapshotCopy();
    copy.apply(snap('cus_1', 1, 'user_1'));
    expect(copy.get('cus_1')?.version).toBe(1);
    expect(copy.get('user_1')?.customer).toBe('cus_1');
    expect(copy.get('user_2')).toBeUndefined();
    expect(copy.size).toBe(1);
  });

  it('keeps only higher versions, in whatever order they come', () => {
    const copy = new SnapshotCopy();
    expect(copy.apply(snap('cus_1', 3))).toBe(true);
    expect(copy.apply(snap('cus_1', 2))).toBe(false);
    expect(copy.apply(snap('cus_1', 3))).toBe(false);
    expect(copy.apply(snap('cus_1', 5))).toBe(true);
    expect(copy.get('cus_1')?.version).toBe(5);
  });

  it('moves the external_id with a newer snapshot, and ignores an older one that still has the old one', () => {
    const copy = new SnapshotCopy();
    copy.apply(snap('cus_1', 1, 'old'));
    copy.apply(snap('cus_1', 2, 'new'));
    expect(copy.get('new')?.version).toBe(2);
    expect(copy.get('old')).toBeUndefined();
    copy.apply(snap('cus_1', 1, 'old'));
    expect(copy.get('old')).toBeUndefined();
    copy.apply(snap('cus_1', 3, null));
    expect(copy.get('new')).toBeUndefined();
    expect(copy.get('cus_1')?.version).toBe(3);
  });

  it('prefers an id over an external_id, as the API does', () => {
    const copy = new SnapshotCopy();
    copy.apply(snap('cus_1', 1));
    copy.apply(snap('cus_2', 1, 'cus_1'));
    expect(copy.get('cus_1')?.customer).toBe('cus_1');
  });

  it('gives an external_id two snapshots claim to the one computed last (a deleted customer’s id reused)', () => {
    const copy = new SnapshotCopy();
    copy.apply(snap('cus_new', 1, 'user_1', 2_000));
    copy.apply(snap('cus_old', 7, 'user_1', 1_000));
    expect(copy.get('user_1')?.customer).toBe('cus_new');
    copy.apply(snap('cus_new', 2, 'user_1', 3_000));
    expect(copy.get('user_1')?.customer).toBe('cus_new');
  });

  it('forgets the customers a resync no longer has, with their external_id', () => {
    const copy = new SnapshotCopy();
    copy.apply(snap('cus_1', 1, 'user_1'));
    copy.apply(snap('cus_2', 1, 'user_2'));
    copy.retain(new Set(['cus_2']));
    expect(copy.get('cus_1')).toBeUndefined();
    expect(copy.get('user_1')).toBeUndefined();
    expect(copy.get('user_2')?.customer).toBe('cus_2');
    expect(copy.size).toBe(1);
  });
});
