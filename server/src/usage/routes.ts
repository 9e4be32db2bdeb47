import { spec } from '@nozle/openapi';
import { routesWith, workOf } from '../http/route.js';
import { createSchemaCheck } from '../http/validation.js';
import { ingestEvents, type IngestDeps } from './ingest.js';
import { listCustomerUsage, queryMeterUsage } from './usage-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services extends IngestDeps {
  eventMaxAgeMs: number;
}

const { defineRoute } = routesWith<Services>();

const checkEvent = createSchemaCheck(spec, '/components/schemas/EventInput');

export const usageRoutes = [
  defineRoute('ingestEvents', async ({ body }, ctx) => ({
    status: 200,
    body: await ingestEvents(workOf(ctx), ctx.services, ctx.caller.projectId, body.events, { maxAgeMs: ctx.services.eventMaxAgeMs, checkEvent }),
  })),

  defineRoute('getCustomerUsage', async ({ params, query }, { db, caller, clock }) => ({
    status: 200,
    body: await listCustomerUsage(db, caller.projectId, params.customer, query.meter, query.period === 'all' ? undefined : clock.now()),
  })),

  defineRoute('queryUsage', async ({ body }, { db, caller }) => ({ status: 200, body: await queryMeterUsage(db, caller.projectId, body) })),
];
