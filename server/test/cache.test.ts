// The entitlement cache: memory first, a shared second level, announcements, and the rule that
// a cache never takes a snapshot older than one it holds or heard of.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../src/bus/memory-bus.js';
import { ManualClock } from '../src/clock.js';
import { CHANNEL, EntitlementCache } from '../src/entitlements/cache.js';
import type { StoredSnapshot } from '../src/entitlements/snapshot.js';
import type { SnapshotStore } from '../src/entitlements/snapshot-store.js';
import { insertCustomer } from '../src/customers/store.js';
import { createProjectWithKeys } from '../src/projects/create-project.js';
import { countingDatabase } from './support/counting-db.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';
import { createSnapshots } from '../src/wiring.js';

let database: TestDatabase;
let projectId: string;
const clock = new ManualClock('2026-05-01T00:00:00Z');
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  projectId = (await createProjectWithKeys(database.db, 'cache', clock.now())).projectId;
});
afterAll(() => database.drop());

async function newCustomer(): Promise<string> {
  return (await insertCustomer(database.db, projectId, { external_id: null, email: null, name: null, metadata: {} }, clock.now())).id;
}

/** Another instance's change: a new version committed to the database. */
const commitNewVersion = (customerId: string) => database.db.transaction((tx) => createSnapshots(0).recompute(tx, projectId, customerId, clock.now()));

/** A second level that answers whatever it was last told, for scripting races. */
function scriptedStore(): SnapshotStore & { answer?: StoredSnapshot } {
  const store: SnapshotStore & { answer?: StoredSnapshot } = {
    get: async () => store.answer,
    put: async () => true,
    close: async () => {},
  };
  return store;
}

describe('EntitlementCache', () => {
  it('answers a warm customer from memory, without touching the database', async () => {
    const counted = countingDatabase(database.db);
    const cache = new EntitlementCache({ db: counted.db, bus: createMemoryBus(), clock, logger, snapshots: createSnapshots(0) });
    const customerId = await newCustomer();
    const first = await cache.snapshot(projectId, customerId);
    counted.statements.length = 0;
    const again = await cache.snapshot(projectId, customerId);
    expect(again.snapshot.version).toBe(first.snapshot.version);
    expect(counted.statements).toEqual([]);
  });

  it('keeps the newer snapshot when an older one is offered after it', async () => {
    const cache = new EntitlementCache({ db: database.db, bus: createMemoryBus(), clock, logger, snapshots: createSnapshots(0) });
    const customerId = await newCustomer();
    const v1 = await commitNewVersion(customerId);
    const v2 = await commitNewVersion(customerId);
    await cache.published(v2);
    await cache.published(v1); // the invalidation race: a late, older write
    expect((await cache.snapshot(projectId, customerId)).snapshot.version).toBe(2);
  });

  it('after an announcement of a newer version, serves neither its old copy nor an older shared one', async () => {
    const bus = createMemoryBus();
    const store = scriptedStore();
    const cache = new EntitlementCache({ db: database.db, bus, clock, logger, snapshots: createSnapshots(0), store });
    await cache.start();
    const customerId = await newCustomer();
    const v1 = await commitNewVersion(customerId);
    await cache.published(v1);

    const v2 = await commitNewVersion(customerId);
    store.answer = v1; // the shared level still holds v1 (its update was lost or is late)
    await bus.publish(CHANNEL, JSON.stringify({ kind: 'entitlements', project: projectId, customer: customerId, version: v2.snapshot.version }));
    await expect.poll(async () => (await cache.snapshot(projectId, customerId)).snapshot.version).toBe(2);
    await cache.stop();
  });

  it('recomputes once time passes valid_until, at the next version', async () => {
    const cache = new EntitlementCache({ db: database.db, bus: createMemoryBus(), clock, logger, snapshots: createSnapshots(0) });
    const customerId = await newCustomer();
    // A window that closes in an hour.
    await database.db.query(
      `insert into features (id, project_id, key, name, type, created_at) values ('feat_cache_export', $1, 'export', 'export', 'boolean', $2)
       on conflict do nothing`,
      [projectId, clock.now()],
    );
    await database.db.query(
      `insert into grants (id, project_id, customer_id, feature_key, kind, starts_at, ends_at, actor, created_at)
       values ($1, $2, $3, 'export', 'grant', $4, $5, 'test', $4)`,
      [`grt_${customerId}`, projectId, customerId, clock.now(), new Date(clock.now().getTime() + 3_600_000)],
    );
    const before = await cache.snapshot(projectId, customerId);
    expect(before.snapshot.features.export?.allowed).toBe(true);
    clock.advance(3_600_000);
    const after = await cache.snapshot(projectId, customerId);
    expect(after.snapshot.features.export?.allowed).toBe(false);
    expect(after.snapshot.version).toBe(before.snapshot.version + 1);
  });
});
