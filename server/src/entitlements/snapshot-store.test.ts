import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredSnapshot } from './snapshot.js';
import { createRedisSnapshotStore } from './snapshot-store.js';

const stored = (customer: string, version: number): StoredSnapshot => ({
  projectId: 'proj_1',
  validUntilMs: null,
  computedAtMs: 0,
  snapshot: { object: 'entitlements', customer, external_id: null, version, computed: 0, valid_until: null, features: {} },
});

describe.skipIf(!process.env.REDIS_URL)('Redis snapshot store', () => {
  const store = createRedisSnapshotStore(process.env.REDIS_URL ?? '');
  afterAll(() => store.close());

  it('keeps the newest version: a late write of an older one is refused', async () => {
    const customer = `cus_${randomUUID()}`;
    expect(await store.put(stored(customer, 3))).toBe(true);
    expect(await store.put(stored(customer, 2))).toBe(false);
    expect(await store.put(stored(customer, 3))).toBe(false);
    expect((await store.get(customer))?.snapshot.version).toBe(3);
    expect(await store.put(stored(customer, 4))).toBe(true);
    expect((await store.get(customer))?.snapshot.version).toBe(4);
  });
});

describe('Redis snapshot store with Redis down', () => {
  it('answers "nothing" and "not stored" instead of failing', async () => {
    const store = createRedisSnapshotStore('redis://127.0.0.1:1');
    try {
      expect(await store.get('cus_x')).toBeUndefined();
      expect(await store.put(stored('cus_x', 1))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
