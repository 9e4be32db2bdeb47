import { routesWith } from '../http/route.js';
import { checkReadiness, type ReadinessDeps } from './readiness.js';

/** The services these routes need, handed in by the assembly. */
type Services = ReadinessDeps;

const { definePublicRoute } = routesWith<Services>();

export const healthRoutes = (expectedSchemaVersion: number) => [
  definePublicRoute('getHealth', async () => ({ status: 200, body: { status: 'ok' } })),

  definePublicRoute('getReadiness', async (_input, { services }) => {
    const { ready, checks } = await checkReadiness(services, expectedSchemaVersion);
    return ready ? { status: 200, body: { status: 'ok', checks } } : { status: 503, body: { status: 'unavailable', checks } };
  }),
];
