import { schemaVersion } from '../db/migrate.js';
import { definePublicRoute } from '../http/route.js';

export const healthRoutes = (expectedSchemaVersion: number) => [
  definePublicRoute('getHealth', async () => ({ status: 200, body: { status: 'ok' } })),

  // Ready when the database answers and carries every migration this build knows.
  definePublicRoute('getReadiness', async (_input, { app }) => {
    if (app.isShuttingDown()) return { status: 503, body: { status: 'unavailable', checks: { server: 'unavailable' } } };
    const database = await schemaVersion(app.db).then(
      (version) => (version >= expectedSchemaVersion ? 'ok' : 'unavailable'),
      () => 'unavailable' as const,
    );
    // Redis is reported but does not decide readiness: without it an instance still serves.
    const redis = app.bus.kind === 'redis' ? (app.bus.healthy() ? 'ok' : 'unavailable') : 'not_configured';
    const checks = { server: 'ok', database, redis } as const;
    return database === 'ok' ? { status: 200, body: { status: 'ok', checks } } : { status: 503, body: { status: 'unavailable', checks } };
  }),
];
