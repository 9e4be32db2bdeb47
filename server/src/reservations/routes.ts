import { spec } from '@nozle/openapi';
import { routesWith, workOf } from '../http/route.js';
import { createSchemaCheck } from '../http/validation.js';
import type { IngestDeps } from '../usage/ingest.js';
import { commitReservation, createReservation, listReservations, releaseReservation, retrieveReservation, type ReservationDeps } from './service.js';

/** The services these routes need, handed in by the assembly. */
interface Services extends IngestDeps {
  eventMaxAgeMs: number;
}

const { defineRoute } = routesWith<Services>();

const checkEvent = createSchemaCheck(spec, '/components/schemas/EventInput');
const depsOf = (services: Services): ReservationDeps => ({ ...services, eventLimits: { maxAgeMs: services.eventMaxAgeMs, checkEvent } });

export const reservationRoutes = [
  defineRoute('listReservations', async ({ query }, { db, caller, clock }) => ({
    status: 200,
    body: await listReservations(db, caller.projectId, query, clock.now()),
  })),

  defineRoute('createReservation', async ({ body }, ctx) => ({
    status: 200,
    body: await createReservation(workOf(ctx), depsOf(ctx.services), ctx.caller.projectId, body),
  })),

  defineRoute('retrieveReservation', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: await retrieveReservation(db, caller.projectId, params.reservation, clock.now()),
  })),

  defineRoute('commitReservation', async ({ params, body }, ctx) => ({
    status: 200,
    body: await commitReservation(workOf(ctx), depsOf(ctx.services), ctx.caller.projectId, params.reservation, body),
  })),

  defineRoute('releaseReservation', async ({ params }, ctx) => ({
    status: 200,
    body: await releaseReservation(workOf(ctx), depsOf(ctx.services), ctx.caller.projectId, params.reservation),
  })),
];
