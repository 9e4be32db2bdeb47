import type { Bus } from '../bus/bus.js';
import type { Database } from '../db/database.js';
import { schemaVersion } from '../db/migrate.js';
import { routesWith } from '../http/route.js';

/** The services these routes need, handed in by the assembly. */
interface Services { db: Database; bus: Bus; isShuttingDown(): boolean }

const { definePublicRoute } = routesWith<Services>();

export const healthRoutes = (expectedSchemaVersion: number) => [
  definePublicRoute('getHealth', async () => ({ status: 200, body: { status: 'ok' } })),

  // Ready when the database answers and carries every migration this build knows.
  definePublicRoute('getReadiness', async (_input, { services }) => {
    if (services.isShuttingDown()) return { status: 503, body: { status: 'unavailable', checks: { server: 'unavailable' } } };
    const database = await schemaVersion(services.db).then(
      (version) => (version >= expectedSchemaVersion ? 'ok' : 'unavailable'),
      () => 'unavailable' as const,
    );
    // Redis is reported but does not decide readiness: without it an instance still serves.
    const redis = services.bus.kind === 'redis' ? (services.bus.healthy() ? 'ok' : 'unavailable') : 'not_configured';
    const checks = { server: 'ok', database, redis } as const;
    return database === 'ok' ? { status: 200, body: { status: 'ok', checks } } : { status: 503, body: { status: 'unavailable', checks } };
  }),
];
