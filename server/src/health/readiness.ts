// Whether this instance should get traffic: not draining, and its database answers and carries
// every migration this build knows. Redis is reported but does not decide: without it an
// instance still serves.
import type { Bus } from '../bus/bus.js';
import type { Database } from '../db/database.js';
import { schemaVersion } from '../db/migrate.js';

type Check = 'ok' | 'unavailable';

interface Readiness {
  ready: boolean;
  checks: { server: Check; database?: Check; redis?: Check | 'not_configured' };
}

export interface ReadinessDeps {
  db: Database;
  bus: Bus;
  isShuttingDown(): boolean;
}

export async function checkReadiness({ db, bus, isShuttingDown }: ReadinessDeps, expectedSchemaVersion: number): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, checks: { server: 'unavailable' } };
  const database = await schemaVersion(db).then(
    (version): Check => (version >= expectedSchemaVersion ? 'ok' : 'unavailable'),
    (): Check => 'unavailable',
  );
  const redis = bus.kind === 'redis' ? (bus.healthy() ? 'ok' : 'unavailable') : 'not_configured';
  return { ready: database === 'ok', checks: { server: 'ok', database, redis } };
}
