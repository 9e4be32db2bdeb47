import type { EntitlementCache } from '../entitlements/cache.js';
import type { components } from '@nozle/openapi';
import { spec } from '@nozle/openapi';
import { findCustomer } from '../customers/store.js';
import { invalidParam } from '../http/errors.js';
import type { OpenApiDocument } from '../http/operations.js';
import { paginate } from '../http/pagination.js';
import { routesWith } from '../http/route.js';
import { createSchemaCheck } from '../http/validation.js';
import { ingestEvents } from './ingest.js';
import { findMeter, insertMeter, listMeterRows, meterSeq, type MeterFilters } from './meters-store.js';
import { queryUsage } from './query.js';
import { readsNumbers } from './values.js';
import { customerUsage } from './usage-store.js';

/** The services these routes need, handed in by the assembly. */
interface Services { entitlements: EntitlementCache; eventMaxAgeMs: number; pastDueGraceMs: number }

const { defineRoute } = routesWith<Services>();

const checkEvent = createSchemaCheck(spec as OpenApiDocument, '/components/schemas/EventInput');

export const usageRoutes = [
  defineRoute('ingestEvents', async ({ body }, { db, caller, clock, services, afterCommit }) => {
    const { result, snapshots } = await ingestEvents(db, body.events, {
      projectId: caller.projectId,
      now: clock.now(),
      maxAgeMs: services.eventMaxAgeMs,
      pastDueGraceMs: services.pastDueGraceMs,
      checkEvent,
    });
    for (const stored of snapshots) afterCommit(() => services.entitlements.published(stored));
    return { status: 200, body: result };
  }),

  defineRoute('createMeter', async ({ body }, { db, caller, clock }) => {
    if (body.aggregation !== 'count' && body.property === undefined) {
      throw invalidParam('property', `A ${body.aggregation} meter reads a property of each event: name it.`, 'parameter_missing');
    }
    if (body.allow_negative === true && !readsNumbers(body.aggregation)) {
      throw invalidParam('allow_negative', `A ${body.aggregation} meter reads no number that could be negative; allow_negative is for sum, max and latest meters.`);
    }
    const meter = await insertMeter(
      db,
      caller.projectId,
      {
        key: body.key,
        name: body.name ?? body.key,
        event_name: body.event_name,
        aggregation: body.aggregation,
        property: body.property ?? null,
        filters: (body.filters ?? {}) as MeterFilters,
        allow_negative: body.allow_negative ?? false,
      },
      clock.now(),
    );
    return { status: 200, body: meter };
  }),

  defineRoute('retrieveMeter', async ({ params }, { db, caller }) => ({ status: 200, body: await findMeter(db, caller.projectId, params.meter) })),

  defineRoute('listMeters', async ({ query }, { db, caller }) => ({
    status: 200,
    body: await paginate(
      '/v1/meters',
      query,
      'meter',
      (id) => meterSeq(db, caller.projectId, id),
      (limit, afterSeq) => listMeterRows(db, caller.projectId, limit, afterSeq),
    ),
  })),

  defineRoute('getCustomerUsage', async ({ params, query }, { db, caller, clock }) => {
    const customer = await findCustomer(db, caller.projectId, params.customer);
    const meter = query.meter === undefined ? undefined : await findMeter(db, caller.projectId, query.meter);
    const data: Array<components['schemas']['Usage']> = await customerUsage(db, customer.id, meter?.id, query.period === 'all' ? undefined : clock.now());
    return { status: 200, body: { object: 'list', data, has_more: false, url: `/v1/customers/${customer.id}/usage` } };
  }),

  defineRoute('queryUsage', async ({ body }, { db, caller }) => {
    if (body.end <= body.start) throw invalidParam('end', 'end must be after start.');
    const meter = await findMeter(db, caller.projectId, body.meter);
    const customerId = body.customer === undefined ? undefined : (await findCustomer(db, caller.projectId, body.customer)).id;
    const groupBy = body.group_by ?? null;
    const data = await queryUsage(db, caller.projectId, meter, { start: new Date(body.start * 1000), end: new Date(body.end * 1000), customerId, groupBy });
    return { status: 200, body: { object: 'usage_query', meter: meter.key, start: body.start, end: body.end, group_by: groupBy, data } };
  }),
];
