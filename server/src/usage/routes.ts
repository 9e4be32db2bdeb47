import { spec } from '@nozle/openapi';
import { routesWith, workOf } from '../http/route.js';
import { createSchemaCheck } from '../http/validation.js';
import { senderShiftMs } from './batch-rules.js';
import { ingestEvents, type IngestDeps } from './ingest.js';
import { listCustomerUsage, queryMeterUsage } from './usage-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services extends IngestDeps {
  eventMaxAgeMs: number;
  /** How far each project's test clock is moved ahead of the server's time. */
  clock: { offsetMs(projectId: string): number };
}

const { defineRoute } = routesWith<Services>();

const checkEvent = createSchemaCheck(spec, '/components/schemas/EventInput');

export const usageRoutes = [
  defineRoute('ingestEvents', async ({ body }, ctx) => {
    const work = workOf(ctx);
    const shiftMs = senderShiftMs(ctx.services.clock.offsetMs(ctx.caller.projectId), body.sent_at, work.now);
    return {
      status: 200,
      body: await ingestEvents(work, ctx.services, ctx.caller.projectId, body.events, { maxAgeMs: ctx.services.eventMaxAgeMs, shiftMs, checkEvent }),
    };
  }),

  defineRoute('getCustomerUsage', async ({ params, query }, { db, caller, clock }) => ({
    status: 200,
    body: await listCustomerUsage(db, caller.projectId, params.customer, query.meter, query.period === 'all' ? undefined : clock.now()),
  })),

  defineRoute('queryUsage', async ({ body }, { db, caller }) => ({ status: 200, body: await queryMeterUsage(db, caller.projectId, body) })),
];
